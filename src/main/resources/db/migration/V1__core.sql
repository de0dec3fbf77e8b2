-- Workspaces, API tokens, the event log and the fan-out queue.
-- ${text} is CHARACTER LARGE OBJECT on H2 and TEXT on PostgreSQL (see store.Dialect).

CREATE TABLE instance (
  id                   INTEGER PRIMARY KEY,
  default_workspace_id VARCHAR(40) NOT NULL,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE workspaces (
  id               VARCHAR(40) PRIMARY KEY,
  name             VARCHAR(200) NOT NULL,
  event_sequence   BIGINT NOT NULL DEFAULT 0,
  webhooks_enabled BOOLEAN NOT NULL DEFAULT TRUE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE tokens (
  id           VARCHAR(40) PRIMARY KEY,
  workspace_id VARCHAR(40) NOT NULL REFERENCES workspaces (id),
  role         VARCHAR(16) NOT NULL,
  owner        BOOLEAN NOT NULL DEFAULT FALSE,
  name         VARCHAR(200) NOT NULL,
  app_id       VARCHAR(40),
  token_hash   VARCHAR(64) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX tokens_hash ON tokens (token_hash);
CREATE INDEX tokens_workspace ON tokens (workspace_id, id);

-- The event log: append-only, ordered per workspace by sequence.
CREATE TABLE events (
  id           VARCHAR(40) PRIMARY KEY,
  workspace_id VARCHAR(40) NOT NULL,
  sequence     BIGINT NOT NULL,
  type         VARCHAR(64) NOT NULL,
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  source       VARCHAR(64),
  body         ${text} NOT NULL
);
CREATE UNIQUE INDEX events_workspace_sequence ON events (workspace_id, sequence);
CREATE INDEX events_workspace_type ON events (workspace_id, type, sequence);

-- Events not yet fanned out to webhooks. Written in the same transaction as the event,
-- deleted by the fan-out once its deliveries are committed, so it stays small.
CREATE TABLE fanout_queue (
  event_id     VARCHAR(40) PRIMARY KEY,
  workspace_id VARCHAR(40) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
