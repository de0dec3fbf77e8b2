-- The desk's search (SPEC §9) finds a substring of a ticket's subject or of its requester's
-- name or email: LOWER(column) LIKE '%…%', which a pg_trgm GIN index answers. Creating the
-- extension needs rights the database user may not have; without it the search still works,
-- by scanning, and this says so in the server's log (H2 scans too: db/h2/V23). The
-- extension goes to public, not the current schema, so dropping one schema cannot take it
-- from others.
DO $$
DECLARE
  trgm TEXT;
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
  EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pg_trgm is not available (%): the desk''s search will scan instead of using an index', SQLERRM;
  END;
  SELECT extnamespace::regnamespace::text INTO trgm FROM pg_extension WHERE extname = 'pg_trgm';
  IF trgm IS NULL THEN
    RETURN;
  END IF;
  EXECUTE format('CREATE INDEX tickets_subject_trgm ON tickets USING gin (LOWER(subject) %s.gin_trgm_ops)', trgm);
  EXECUTE format('CREATE INDEX contacts_name_trgm ON contacts USING gin (LOWER(name) %s.gin_trgm_ops)', trgm);
  EXECUTE format('CREATE INDEX contacts_email_trgm ON contacts USING gin (LOWER(email) %s.gin_trgm_ops)', trgm);
  EXECUTE format('CREATE INDEX contacts_external_id_trgm ON contacts USING gin (LOWER(external_id) %s.gin_trgm_ops)', trgm);
END
$$;
