-- Console sign-in sessions and the built-in request inspector (SPEC §7).

-- A signed-in console browser. The cookie holds a random value; only its SHA-256 is stored,
-- so a leaked table does not hand out sessions. The token is re-checked on every request.
CREATE TABLE console_sessions (
  id_hash      VARCHAR(64) PRIMARY KEY,
  token_id     VARCHAR(40) NOT NULL,
  workspace_id VARCHAR(40) NOT NULL,
  csrf_token   VARCHAR(64) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);

-- A bin catches requests at /inspect/{id}. webhook_id: the webhook pointed at it, whose
-- secret then verifies the captures (set once the registry is wired).
CREATE TABLE inspector_bins (
  id           VARCHAR(40) PRIMARY KEY,
  workspace_id VARCHAR(40) NOT NULL REFERENCES workspaces (id),
  name         VARCHAR(200) NOT NULL,
  webhook_id   VARCHAR(40),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX inspector_bins_workspace ON inspector_bins (workspace_id, created_at);

-- The last 100 requests of each bin; older ones are pruned on capture.
CREATE TABLE inspector_requests (
  id            VARCHAR(40) PRIMARY KEY,
  bin_id        VARCHAR(40) NOT NULL REFERENCES inspector_bins (id) ON DELETE CASCADE,
  received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  method        VARCHAR(16) NOT NULL,
  path          VARCHAR(2048) NOT NULL,
  query         VARCHAR(4096),
  remote_addr   VARCHAR(64),
  headers       ${text} NOT NULL,
  body_base64   BOOLEAN NOT NULL,
  body          ${text} NOT NULL
);
CREATE INDEX inspector_requests_bin ON inspector_requests (bin_id, received_at, id);
