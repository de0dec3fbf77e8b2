-- ${text} is now CHARACTER VARYING on H2 (was CHARACTER LARGE OBJECT: H2 kept every value in
-- its LOB store, the most expensive part of an insert) and TEXT on PostgreSQL, where this is a
-- no-op. Converts the columns of databases created before.
ALTER TABLE events ALTER COLUMN body SET DATA TYPE ${text};
ALTER TABLE tickets ALTER COLUMN tags SET DATA TYPE ${text};
ALTER TABLE ticket_messages ALTER COLUMN body SET DATA TYPE ${text};
ALTER TABLE chats ALTER COLUMN callback SET DATA TYPE ${text};
ALTER TABLE chats ALTER COLUMN close_record SET DATA TYPE ${text};
ALTER TABLE chats ALTER COLUMN rating SET DATA TYPE ${text};
ALTER TABLE chat_messages ALTER COLUMN text SET DATA TYPE ${text};
ALTER TABLE webhooks ALTER COLUMN events SET DATA TYPE ${text};
ALTER TABLE webhooks ALTER COLUMN sources SET DATA TYPE ${text};
ALTER TABLE webhooks ALTER COLUMN headers SET DATA TYPE ${text};
ALTER TABLE webhooks ALTER COLUMN retry_schedule SET DATA TYPE ${text};
ALTER TABLE delivery_attempts ALTER COLUMN request_headers SET DATA TYPE ${text};
ALTER TABLE delivery_attempts ALTER COLUMN request_body SET DATA TYPE ${text};
ALTER TABLE delivery_attempts ALTER COLUMN response_headers SET DATA TYPE ${text};
ALTER TABLE delivery_attempts ALTER COLUMN response_body SET DATA TYPE ${text};
ALTER TABLE inspector_requests ALTER COLUMN headers SET DATA TYPE ${text};
ALTER TABLE inspector_requests ALTER COLUMN body SET DATA TYPE ${text};
ALTER TABLE bot_settings ALTER COLUMN sources SET DATA TYPE ${text};
