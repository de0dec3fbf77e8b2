-- A bot agent an integration app created with its installation token (SPEC §8): its calls go to
-- the app's bot webhook, and the app's only_my_chats filter follows the chats it takes part in.
ALTER TABLE agents ADD COLUMN app_id VARCHAR(40);
CREATE INDEX agents_app ON agents (workspace_id, app_id);
