-- Agents, contacts and chat sources: the people and channels of a workspace.

CREATE TABLE agents (
  id           VARCHAR(40) PRIMARY KEY,
  workspace_id VARCHAR(40) NOT NULL REFERENCES workspaces (id),
  name         VARCHAR(200) NOT NULL,
  email        VARCHAR(320),
  kind         VARCHAR(8) NOT NULL,
  status       VARCHAR(8) NOT NULL,
  max_chats    INTEGER NOT NULL,
  active_chats INTEGER NOT NULL DEFAULT 0,
  webhook_url  VARCHAR(2048),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX agents_workspace ON agents (workspace_id, id);

CREATE TABLE contacts (
  id               VARCHAR(40) PRIMARY KEY,
  workspace_id     VARCHAR(40) NOT NULL REFERENCES workspaces (id),
  name             VARCHAR(200),
  email            VARCHAR(320),
  phone            VARCHAR(64),
  blocked          BOOLEAN NOT NULL DEFAULT FALSE,
  email_subscribed BOOLEAN NOT NULL DEFAULT FALSE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  deleted_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX contacts_workspace ON contacts (workspace_id, id);
CREATE INDEX contacts_email ON contacts (workspace_id, email);

CREATE TABLE sources (
  workspace_id VARCHAR(40) NOT NULL REFERENCES workspaces (id),
  source_key   VARCHAR(64) NOT NULL,
  name         VARCHAR(200) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (workspace_id, source_key)
);
