-- Integration apps (SPEC §8): apps registered once on the instance, their installations per
-- workspace, OAuth authorization codes and tokens (only SHA-256 hashes of codes, tokens and
-- client secrets are kept), and the per-workspace switch of the app's webhooks.

CREATE TABLE apps (
  id            VARCHAR(40) PRIMARY KEY,
  workspace_id  VARCHAR(40) NOT NULL REFERENCES workspaces (id),
  name          VARCHAR(200) NOT NULL,
  description   VARCHAR(1000),
  homepage_url  VARCHAR(2048),
  redirect_uris ${text} NOT NULL,
  scopes        ${text} NOT NULL,
  client_id     VARCHAR(64) NOT NULL,
  secret_hash   VARCHAR(64) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  deleted_at    TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX apps_client_id ON apps (client_id);
CREATE INDEX apps_workspace ON apps (workspace_id, id);

-- An app installed in a workspace; uninstalled rows stay as history.
CREATE TABLE app_installations (
  id             VARCHAR(40) PRIMARY KEY,
  app_id         VARCHAR(40) NOT NULL REFERENCES apps (id),
  workspace_id   VARCHAR(40) NOT NULL REFERENCES workspaces (id),
  scopes         ${text} NOT NULL,
  installed_by   VARCHAR(40) NOT NULL,
  installed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  uninstalled_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX app_installations_workspace ON app_installations (workspace_id, app_id);
CREATE INDEX app_installations_app ON app_installations (app_id);

-- Whether the app's webhooks deliver this workspace's events; kept across uninstall and reinstall.
CREATE TABLE app_webhook_states (
  app_id       VARCHAR(40) NOT NULL,
  workspace_id VARCHAR(40) NOT NULL,
  enabled      BOOLEAN NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (app_id, workspace_id)
);

CREATE TABLE oauth_codes (
  code_hash      VARCHAR(64) PRIMARY KEY,
  app_id         VARCHAR(40) NOT NULL,
  workspace_id   VARCHAR(40) NOT NULL,
  agent_id       VARCHAR(40) NOT NULL,
  redirect_uri   VARCHAR(2048) NOT NULL,
  scopes         ${text} NOT NULL,
  code_challenge VARCHAR(128) NOT NULL,
  expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at        TIMESTAMP WITH TIME ZONE,
  installation_id VARCHAR(40)
);

-- Access and refresh tokens of installations; a refresh token is replaced at each use.
CREATE TABLE oauth_tokens (
  token_hash      VARCHAR(64) PRIMARY KEY,
  kind            VARCHAR(16) NOT NULL,
  installation_id VARCHAR(40) NOT NULL REFERENCES app_installations (id),
  expires_at      TIMESTAMP WITH TIME ZONE,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oauth_tokens_installation ON oauth_tokens (installation_id);

-- App webhooks (scope 'app') keep their type and filters here (JSON).
ALTER TABLE webhooks ADD COLUMN app_filters ${text};
