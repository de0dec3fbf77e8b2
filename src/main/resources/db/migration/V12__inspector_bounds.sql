-- Bounds on the public capture URL (issue 17): a capture keeps at most 64 KiB of its body
-- (truncated: the rest was dropped; body_size: what arrived), and a bin at most 5 MiB
-- (stored_bytes: what this row counts against that budget, body and headers).
ALTER TABLE inspector_requests ADD COLUMN body_size BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE inspector_requests ADD COLUMN truncated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE inspector_requests ADD COLUMN stored_bytes INTEGER DEFAULT 0 NOT NULL;

-- Captures made before the bounds that are larger than one may be now: a bin is scratch
-- space, so they go (87384 characters: 64 KiB in base64).
DELETE FROM inspector_requests WHERE LENGTH(body) > 87384;
UPDATE inspector_requests SET body_size = LENGTH(body), stored_bytes = LENGTH(body) + LENGTH(headers);
