-- The nodes sharing this database and when each last said it was alive (SPEC §5 heartbeats).
-- A node silent for longer than the node timeout is marked dead by any live node, which hands
-- the dead node's claimed deliveries back to the queue in the same transaction.
CREATE TABLE nodes (
  id           VARCHAR(64) PRIMARY KEY,
  started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
  alive        BOOLEAN NOT NULL
);
CREATE INDEX nodes_alive ON nodes (alive, heartbeat_at);
