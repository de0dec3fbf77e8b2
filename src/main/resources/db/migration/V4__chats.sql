-- Live chats: the chat, its participants (current and past), invitations and messages.

CREATE TABLE chats (
  id               VARCHAR(40) PRIMARY KEY,
  workspace_id     VARCHAR(40) NOT NULL REFERENCES workspaces (id),
  type             VARCHAR(8) NOT NULL,
  status           VARCHAR(16) NOT NULL,
  -- the statuses before the current one, oldest first, comma-separated
  past_statuses    VARCHAR(400) NOT NULL,
  source_key       VARCHAR(64) NOT NULL,
  contact_id       VARCHAR(40) NOT NULL,
  reference        VARCHAR(40),
  copilot_enabled  BOOLEAN NOT NULL DEFAULT FALSE,
  callback         ${text},
  close_record     ${text},
  rating           ${text},
  last_message_id  VARCHAR(40),
  handled_at       TIMESTAMP WITH TIME ZONE,
  first_answer_at  TIMESTAMP WITH TIME ZONE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX chats_workspace ON chats (workspace_id, id);
CREATE INDEX chats_waiting ON chats (workspace_id, status, created_at);

-- One row per agent who ever took part; active says whether they are in the chat now.
CREATE TABLE chat_participants (
  chat_id    VARCHAR(40) NOT NULL REFERENCES chats (id),
  agent_id   VARCHAR(40) NOT NULL REFERENCES agents (id),
  active     BOOLEAN NOT NULL,
  joined_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (chat_id, agent_id)
);

CREATE TABLE chat_invitations (
  id          VARCHAR(40) PRIMARY KEY,
  chat_id     VARCHAR(40) NOT NULL REFERENCES chats (id),
  agent_id    VARCHAR(40) NOT NULL REFERENCES agents (id),
  status      VARCHAR(16) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX chat_invitations_chat ON chat_invitations (chat_id, id);

CREATE TABLE chat_messages (
  id          VARCHAR(40) PRIMARY KEY,
  chat_id     VARCHAR(40) NOT NULL REFERENCES chats (id),
  author_type VARCHAR(8) NOT NULL,
  author_id   VARCHAR(40),
  text        ${text} NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX chat_messages_chat ON chat_messages (chat_id, id);
