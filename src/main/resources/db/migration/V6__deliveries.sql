-- The delivery engine: one delivery per (event, webhook), the hot queue of deliveries still
-- to be attempted, the attempt log, and each webhook's failure streak.

-- The delivery log. Rows stay after they finish; the queue below is what workers scan.
CREATE TABLE deliveries (
  id                   VARCHAR(40) PRIMARY KEY,
  workspace_id         VARCHAR(40) NOT NULL,
  webhook_id           VARCHAR(40) NOT NULL,
  event_id             VARCHAR(40) NOT NULL,
  event_type           VARCHAR(64) NOT NULL,
  event_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  status               VARCHAR(16) NOT NULL,
  attempt_count        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at      TIMESTAMP WITH TIME ZONE,
  last_attempt_at      TIMESTAMP WITH TIME ZONE,
  last_response_status INTEGER,
  last_error           VARCHAR(500),
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  completed_at         TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX deliveries_event_webhook ON deliveries (event_id, webhook_id);
CREATE INDEX deliveries_webhook ON deliveries (webhook_id, id);

-- The hot queue: only deliveries that still have an attempt ahead. due_at is when a node may
-- take the row next: the retry time, or, while claimed, the end of the claimer's lease, so
-- a crashed node's rows come back by themselves.
CREATE TABLE delivery_queue (
  delivery_id   VARCHAR(40) PRIMARY KEY,
  webhook_id    VARCHAR(40) NOT NULL,
  due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_by    VARCHAR(64),
  claimed_until TIMESTAMP WITH TIME ZONE,
  manual        BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX delivery_queue_due ON delivery_queue (due_at);

CREATE TABLE delivery_attempts (
  id               VARCHAR(40) PRIMARY KEY,
  delivery_id      VARCHAR(40) NOT NULL,
  attempt_number   INTEGER NOT NULL,
  url              VARCHAR(2048) NOT NULL,
  started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  duration_ms      BIGINT NOT NULL,
  outcome          VARCHAR(16) NOT NULL,
  request_headers  ${text} NOT NULL,
  request_body     ${text},
  response_status  INTEGER,
  response_headers ${text},
  response_body    ${text},
  error            VARCHAR(500),
  pruned           BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX delivery_attempts_delivery ON delivery_attempts (delivery_id, attempt_number);
CREATE INDEX delivery_attempts_started ON delivery_attempts (started_at);

-- When a webhook's current failure streak began (null: its last attempt succeeded).
CREATE TABLE webhook_health (
  webhook_id    VARCHAR(40) PRIMARY KEY,
  failing_since TIMESTAMP WITH TIME ZONE
);
