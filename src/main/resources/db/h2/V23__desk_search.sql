-- The desk's search (SPEC §9) finds a substring of a ticket's subject or of its requester's
-- name or email. H2 has no index for LIKE '%…%', so every suffix of those texts, lower-cased
-- and cut to 16 characters, is kept in a table of its own by a trigger (store/Substrings,
-- store/SuffixTrigger): a text contains the search when one of its suffixes starts with it,
-- a range of the primary key. PostgreSQL uses pg_trgm instead (db/postgresql/V23).

CREATE TABLE ticket_suffixes (
  workspace_id VARCHAR(40) NOT NULL,
  suffix       VARCHAR(16) NOT NULL,
  ticket_id    VARCHAR(40) NOT NULL,
  PRIMARY KEY (workspace_id, suffix, ticket_id)
);

CREATE TABLE contact_suffixes (
  workspace_id VARCHAR(40) NOT NULL,
  suffix       VARCHAR(16) NOT NULL,
  contact_id   VARCHAR(40) NOT NULL,
  PRIMARY KEY (workspace_id, suffix, contact_id)
);

INSERT INTO ticket_suffixes (workspace_id, suffix, ticket_id)
SELECT DISTINCT t.workspace_id, SUBSTRING(LOWER(t.subject), r."X", 16), t.id
FROM tickets t JOIN SYSTEM_RANGE(1, 500) r ON r."X" <= CHAR_LENGTH(t.subject);

INSERT INTO contact_suffixes (workspace_id, suffix, contact_id)
SELECT DISTINCT c.workspace_id, SUBSTRING(LOWER(c.text), r."X", 16), c.id
FROM (SELECT workspace_id, id, name AS text FROM contacts WHERE name IS NOT NULL
      UNION ALL SELECT workspace_id, id, email FROM contacts WHERE email IS NOT NULL) c
JOIN SYSTEM_RANGE(1, 320) r ON r."X" <= CHAR_LENGTH(c.text);

CREATE TRIGGER tickets_suffixes AFTER INSERT, UPDATE, DELETE ON tickets FOR EACH ROW
  CALL 'dev.hookdesk.desk.tickets.SubjectSuffixes';
CREATE TRIGGER contacts_suffixes AFTER INSERT, UPDATE, DELETE ON contacts FOR EACH ROW
  CALL 'dev.hookdesk.desk.contacts.ContactSuffixes';
