-- People who sign in (SPEC §9): agents' roles and deactivation, passwords, invitations,
-- lock-out after failed sign-ins, password sessions beside token sessions, agent-bound tokens.

ALTER TABLE agents ADD COLUMN role VARCHAR(8) DEFAULT 'agent' NOT NULL;
ALTER TABLE agents ADD COLUMN deactivated_at TIMESTAMP WITH TIME ZONE;

-- A token may act for one agent: events it causes name that agent, and it dies with them.
ALTER TABLE tokens ADD COLUMN agent_id VARCHAR(40);
CREATE INDEX tokens_agent ON tokens (agent_id);

-- A console session is opened either by a token (token_id) or by an agent's password
-- (agent_id). last_seen_at drives the idle timeout.
ALTER TABLE console_sessions ALTER COLUMN token_id DROP NOT NULL;
ALTER TABLE console_sessions ADD COLUMN agent_id VARCHAR(40);
ALTER TABLE console_sessions ADD COLUMN last_seen_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX console_sessions_agent ON console_sessions (agent_id);

-- One bcrypt hash per agent; the password itself is never stored.
CREATE TABLE agent_passwords (
  agent_id      VARCHAR(40) PRIMARY KEY REFERENCES agents (id),
  workspace_id  VARCHAR(40) NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  set_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- An invitation link: only the SHA-256 of its secret is kept; used once, then used_at is set.
CREATE TABLE agent_invitations (
  id           VARCHAR(40) PRIMARY KEY,
  token_hash   VARCHAR(64) NOT NULL,
  agent_id     VARCHAR(40) NOT NULL REFERENCES agents (id),
  workspace_id VARCHAR(40) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at      TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX agent_invitations_hash ON agent_invitations (token_hash);
CREATE INDEX agent_invitations_agent ON agent_invitations (agent_id);

-- Failed sign-ins per email address (known or not, so a lock tells nothing about who exists).
CREATE TABLE sign_in_failures (
  email_key    VARCHAR(320) PRIMARY KEY,
  failures     INTEGER NOT NULL,
  window_start TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_until TIMESTAMP WITH TIME ZONE
);

-- The desk's "Mine": an agent's tickets, latest change first.
CREATE INDEX tickets_assignee ON tickets (assignee_id, updated_at);
