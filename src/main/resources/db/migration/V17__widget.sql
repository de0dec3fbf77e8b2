-- The chat widget (SPEC §10): visitors' sessions, the sites allowed to embed the widget per
-- source, each source's identity secret, and contacts known by the site's own user id.

-- A visitor's session: only SHA-256 hashes of its bearer token and of its stream key are kept.
CREATE TABLE visitor_sessions (
  id              VARCHAR(40) PRIMARY KEY,
  token_hash      VARCHAR(64) NOT NULL,
  stream_key_hash VARCHAR(64) NOT NULL,
  workspace_id    VARCHAR(40) NOT NULL REFERENCES workspaces (id),
  source_key      VARCHAR(64) NOT NULL,
  contact_id      VARCHAR(40) NOT NULL REFERENCES contacts (id),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX visitor_sessions_token ON visitor_sessions (token_hash);
CREATE UNIQUE INDEX visitor_sessions_stream_key ON visitor_sessions (stream_key_hash);

CREATE TABLE source_origins (
  workspace_id VARCHAR(40) NOT NULL,
  source_key   VARCHAR(64) NOT NULL,
  origin       VARCHAR(200) NOT NULL,
  PRIMARY KEY (workspace_id, source_key, origin),
  FOREIGN KEY (workspace_id, source_key) REFERENCES sources (workspace_id, source_key)
);
CREATE INDEX source_origins_origin ON source_origins (origin);

-- Sealed with the node's secret key (AES-256-GCM), like webhook secrets.
CREATE TABLE source_identity_secrets (
  workspace_id VARCHAR(40) NOT NULL,
  source_key   VARCHAR(64) NOT NULL,
  sealed       VARCHAR(400) NOT NULL,
  rotated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (workspace_id, source_key),
  FOREIGN KEY (workspace_id, source_key) REFERENCES sources (workspace_id, source_key)
);

-- The site's id of a signed-in user; one contact per id in a workspace.
ALTER TABLE contacts ADD COLUMN external_id VARCHAR(200);
CREATE UNIQUE INDEX contacts_external_id ON contacts (workspace_id, external_id);

-- The widget resumes a contact's newest chat.
CREATE INDEX chats_contact ON chats (workspace_id, contact_id, created_at);
