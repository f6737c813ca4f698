-- Alerts: analyst rules, one alert per (rule, story) updated in place, and signed webhook delivery.
CREATE TABLE IF NOT EXISTS alert_rules (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('spike', 'first', 'deployment', 'story-growth')),
  enabled boolean NOT NULL DEFAULT true,
  filters jsonb NOT NULL DEFAULT '{}'::jsonb,
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  cooldown_minutes integer NOT NULL DEFAULT 60,
  -- api_tokens.id of the analyst who owns the rule; NULL for the default rules
  owner_token_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- soft delete: alerts keep pointing at their rule, and the default set is not re-created
  deleted_at timestamptz
);

CREATE TABLE IF NOT EXISTS alerts (
  id text PRIMARY KEY,
  -- rule id + story id: an alert is per story, never per article
  dedupe_key text NOT NULL UNIQUE,
  rule_id text NOT NULL REFERENCES alert_rules(id),
  story_id text NOT NULL REFERENCES stories(id),
  kind text NOT NULL,
  title text NOT NULL,
  summary text NOT NULL,
  numbers jsonb NOT NULL DEFAULT '{}'::jsonb,
  evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- material state of the finding; a change makes a new version
  state_key text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  notified_version integer NOT NULL DEFAULT 0,
  first_raised_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_notified_at timestamptz
);
CREATE INDEX IF NOT EXISTS alerts_recent ON alerts (updated_at DESC, id);
CREATE INDEX IF NOT EXISTS alerts_story ON alerts (story_id);

CREATE TABLE IF NOT EXISTS webhook_subscriptions (
  id text PRIMARY KEY,
  name text NOT NULL,
  url text NOT NULL,
  -- alert_rules ids; empty means every rule
  rule_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
  secret text NOT NULL,
  format text NOT NULL DEFAULT 'standard' CHECK (format IN ('standard', 'slack', 'teams')),
  enabled boolean NOT NULL DEFAULT true,
  disabled_reason text,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per message to one subscription: an alert version. Its attempts are in webhook_attempts.
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  id text PRIMARY KEY,
  subscription_id text NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  alert_id text NOT NULL REFERENCES alerts(id),
  alert_version integer NOT NULL,
  -- the webhook-id header: one per alert version, the same on every retry and replay
  message_id text NOT NULL,
  event_type text NOT NULL,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'retrying', 'delivered', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- start of the current retry window (creation, or the last manual replay)
  window_started_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  UNIQUE (subscription_id, alert_id, alert_version)
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at DESC);

CREATE TABLE IF NOT EXISTS webhook_attempts (
  id bigserial PRIMARY KEY,
  delivery_id text NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  attempt integer NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  http_status integer,
  latency_ms integer NOT NULL,
  response_excerpt text,
  error text
);
CREATE INDEX IF NOT EXISTS webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt);
