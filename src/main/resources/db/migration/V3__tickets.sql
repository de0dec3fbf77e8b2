-- Teams, queues, tickets and their messages (replies and internal comments).

CREATE TABLE teams (
  id           VARCHAR(40) PRIMARY KEY,
  workspace_id VARCHAR(40) NOT NULL REFERENCES workspaces (id),
  name         VARCHAR(200) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX teams_workspace ON teams (workspace_id, id);

CREATE TABLE team_agents (
  team_id  VARCHAR(40) NOT NULL REFERENCES teams (id),
  agent_id VARCHAR(40) NOT NULL REFERENCES agents (id),
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (team_id, agent_id)
);

CREATE TABLE queues (
  id           VARCHAR(40) PRIMARY KEY,
  workspace_id VARCHAR(40) NOT NULL REFERENCES workspaces (id),
  name         VARCHAR(200) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX queues_workspace ON queues (workspace_id, id);

CREATE TABLE tickets (
  id            VARCHAR(40) PRIMARY KEY,
  workspace_id  VARCHAR(40) NOT NULL REFERENCES workspaces (id),
  subject       VARCHAR(500) NOT NULL,
  status        VARCHAR(16) NOT NULL,
  priority      VARCHAR(16) NOT NULL,
  category      VARCHAR(100),
  tags          ${text} NOT NULL,
  requester_id  VARCHAR(40) NOT NULL REFERENCES contacts (id),
  assignee_id   VARCHAR(40) REFERENCES agents (id),
  team_id       VARCHAR(40) REFERENCES teams (id),
  queue_id      VARCHAR(40) REFERENCES queues (id),
  answered      BOOLEAN NOT NULL,
  spam          BOOLEAN NOT NULL,
  trashed       BOOLEAN NOT NULL,
  archived      BOOLEAN NOT NULL,
  message_count INTEGER NOT NULL,
  comment_count INTEGER NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX tickets_workspace ON tickets (workspace_id, id);
CREATE INDEX tickets_workspace_status ON tickets (workspace_id, status, id);

CREATE TABLE ticket_messages (
  id          VARCHAR(40) PRIMARY KEY,
  ticket_id   VARCHAR(40) NOT NULL REFERENCES tickets (id),
  seq         INTEGER NOT NULL,
  author_type VARCHAR(16) NOT NULL,
  author_id   VARCHAR(40) NOT NULL,
  body        ${text} NOT NULL,
  internal    BOOLEAN NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, seq);
