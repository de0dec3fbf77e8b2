-- Bot agents (SPEC §6): the secret that signs what Hookdesk sends a bot (AES-GCM ciphertext,
-- like webhook secrets) and the chat sources the bot takes first.

CREATE TABLE bot_settings (
  agent_id     VARCHAR(40) PRIMARY KEY,
  workspace_id VARCHAR(40) NOT NULL,
  secret       VARCHAR(400) NOT NULL,
  sources      ${text} NOT NULL
);
CREATE INDEX bot_settings_workspace ON bot_settings (workspace_id);
