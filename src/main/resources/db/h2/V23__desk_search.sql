-- The desk's search (SPEC §9) finds a substring of a ticket's subject or of its requester's
-- name or email. PostgreSQL answers LOWER(column) LIKE '%…%' from pg_trgm indexes
-- (db/postgresql/V23). H2 has no index for a substring: there the search reads the table
-- itself with POSITION, which H2 evaluates several times faster than LIKE (store/Substrings).
-- Suffix tables kept by triggers were tried: some 40 index rows a ticket, written in random
-- key order, which H2's page cache could not hold at 100,000 tickets (seeding ran for
-- minutes and the file grew past 7 GB).
SELECT 1;
