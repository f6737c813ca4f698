-- Source health: consecutive failures drive back-off; after too many the source is paused with a reason.
ALTER TABLE sources ADD COLUMN IF NOT EXISTS consecutive_failures integer NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN IF NOT EXISTS paused_reason text;
ALTER TABLE sources ADD COLUMN IF NOT EXISTS next_poll_at timestamptz;
ALTER TABLE sources ADD COLUMN IF NOT EXISTS ignore_robots boolean NOT NULL DEFAULT false;
