-- The desk's search on H2 (SPEC §9, issue 14). H2 has no index for a substring (V23), so the
-- search reads every row it cannot rule out. These indexes hold every column the search
-- reads, so H2 reads the index alone, never the table (a look-up for each row, which missed
-- H2's cache at 100,000 tickets); creating them is the backfill.
--
-- Tickets newest change first with their subjects: scanned in this order, the search stops at
-- a page of matches, and with few or none it reads narrow entries instead of wide rows. It
-- takes the place of V19's index on the same leading columns.
DROP INDEX tickets_view_updated;
CREATE INDEX tickets_search ON tickets (workspace_id, updated_at, id, subject);
-- Contacts in id order with what the search matches (name, email, external id) and deleted_at.
CREATE INDEX contacts_search ON contacts (workspace_id, id, name, email, external_id, deleted_at);
