-- Who deleted a webhook (the actor's id and the door it came through), for the Deleted tab.
ALTER TABLE webhooks ADD COLUMN deleted_by VARCHAR(120);
