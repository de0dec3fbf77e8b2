-- Bot calls are deliveries (SPEC §6): queued with the chat event that causes them, sent by the
-- delivery engine, recorded with their attempts. A bot call has no webhook: it names the bot
-- agent and the chat instead.
ALTER TABLE deliveries ALTER COLUMN webhook_id DROP NOT NULL;
ALTER TABLE deliveries ADD COLUMN agent_id VARCHAR(40);
ALTER TABLE deliveries ADD COLUMN chat_id VARCHAR(40);
CREATE UNIQUE INDEX deliveries_event_agent ON deliveries (event_id, agent_id);
CREATE INDEX deliveries_agent ON deliveries (agent_id, id);

-- In the queue, webhook_id holds the bot's agent id for a bot call: it is the key the engine
-- isolates receivers by. chat_id and chain_seq (the event's sequence) keep a bot's calls of one
-- chat in order: a row is claimable only while no earlier row of the same (chat, bot) is queued.
ALTER TABLE delivery_queue ADD COLUMN chat_id VARCHAR(40);
ALTER TABLE delivery_queue ADD COLUMN chain_seq BIGINT;
CREATE INDEX delivery_queue_chain ON delivery_queue (chat_id, webhook_id, chain_seq);
