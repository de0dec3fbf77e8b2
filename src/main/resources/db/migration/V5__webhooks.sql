-- Webhook subscriptions (SPEC §5). Lists and maps are stored as JSON text; secrets are
-- AES-GCM ciphertext (webhooks.SecretBox), never plain text.

CREATE TABLE webhooks (
  id                     VARCHAR(40) PRIMARY KEY,
  workspace_id           VARCHAR(40) NOT NULL REFERENCES workspaces (id),
  app_id                 VARCHAR(40),
  scope                  VARCHAR(16) NOT NULL,
  url                    VARCHAR(2048) NOT NULL,
  description            VARCHAR(500),
  events                 ${text} NOT NULL,
  sources                ${text} NOT NULL,
  private_payload        BOOLEAN NOT NULL,
  headers                ${text} NOT NULL,
  enabled                BOOLEAN NOT NULL,
  timeout_ms             INTEGER NOT NULL,
  retry_schedule         ${text} NOT NULL,
  secret                 VARCHAR(400) NOT NULL,
  previous_secret        VARCHAR(400),
  previous_secret_until  TIMESTAMP WITH TIME ZONE,
  disabled_reason        VARCHAR(500),
  created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  deleted_at             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX webhooks_workspace ON webhooks (workspace_id, id);
CREATE INDEX webhooks_app ON webhooks (app_id);
