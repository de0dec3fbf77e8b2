-- The desk's ticket views (SPEC §9), each read newest change first with a keyset cursor
-- (updated_at, id): one index per kind of view, its equality columns first, so a first page
-- and a capped count read a bounded range of the index even with 100,000 tickets.

-- Open, Closed, Archived, Spam, Trash and Unassigned: the life-cycle flags, then the order.
CREATE INDEX tickets_view ON tickets (workspace_id, trashed, spam, archived, status, updated_at, id);
-- Mine, and one view per queue: open tickets in the working set, so the flags are columns too
CREATE INDEX tickets_view_mine ON tickets (workspace_id, assignee_id, status, trashed, spam, archived, updated_at, id);
CREATE INDEX tickets_view_queue ON tickets (workspace_id, queue_id, status, trashed, spam, archived, updated_at, id);
-- The requester's other tickets on a ticket page
CREATE INDEX tickets_view_requester ON tickets (workspace_id, requester_id, updated_at, id);
-- Search: scanned newest first until a page of matches is found
CREATE INDEX tickets_view_updated ON tickets (workspace_id, updated_at, id);
