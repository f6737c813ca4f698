-- Seismo schema v1. Runs unchanged on PostgreSQL 15+ and PGlite.
CREATE TABLE IF NOT EXISTS sources (
  id text PRIMARY KEY,
  name text NOT NULL,
  url text NOT NULL UNIQUE,
  kind text NOT NULL DEFAULT 'rss',
  interval_seconds integer NOT NULL DEFAULT 900,
  enabled boolean NOT NULL DEFAULT true,
  removed_at timestamptz,
  tags jsonb NOT NULL DEFAULT '{}'::jsonb,
  etag text,
  last_modified text,
  last_polled_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS fetches (
  id bigserial PRIMARY KEY,
  source_id text NOT NULL REFERENCES sources(id),
  started_at timestamptz NOT NULL DEFAULT now(),
  http_status integer,
  items_new integer NOT NULL DEFAULT 0,
  items_seen integer NOT NULL DEFAULT 0,
  bytes integer NOT NULL DEFAULT 0,
  duration_ms integer NOT NULL DEFAULT 0,
  error text
);
CREATE INDEX IF NOT EXISTS fetches_source_time ON fetches (source_id, started_at DESC);

CREATE TABLE IF NOT EXISTS articles (
  id text PRIMARY KEY,
  source_id text REFERENCES sources(id),
  url text NOT NULL,
  canonical_url text NOT NULL UNIQUE,
  title text,
  byline text,
  published_at timestamptz,
  language text,
  text text NOT NULL,
  content_hash text NOT NULL,
  fetched_at timestamptz NOT NULL DEFAULT now(),
  tagged_at timestamptz,
  event_day date NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_recent ON articles (coalesce(published_at, fetched_at) DESC, id DESC);
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles (content_hash);

CREATE TABLE IF NOT EXISTS indicators (
  id text PRIMARY KEY,
  article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  source_id text,
  day date NOT NULL,
  type text NOT NULL,
  modality text NOT NULL,
  evidence_text text NOT NULL,
  evidence_start integer NOT NULL,
  evidence_end integer NOT NULL,
  sentence text NOT NULL,
  actors jsonb NOT NULL DEFAULT '[]'::jsonb,
  places jsonb NOT NULL DEFAULT '[]'::jsonb,
  confidence real NOT NULL,
  intensity real NOT NULL
);
CREATE INDEX IF NOT EXISTS indicators_article ON indicators (article_id);
CREATE INDEX IF NOT EXISTS indicators_day_source ON indicators (day, source_id);

-- Rollup kept current by the tag-article job, so trend queries never scan articles.
CREATE TABLE IF NOT EXISTS indicator_daily (
  day date NOT NULL,
  type text NOT NULL,
  modality text NOT NULL,
  source_id text NOT NULL,
  count integer NOT NULL,
  intensity_sum double precision NOT NULL,
  PRIMARY KEY (day, type, modality, source_id)
);

CREATE TABLE IF NOT EXISTS ingest_failures (
  id bigserial PRIMARY KEY,
  source_id text,
  url text NOT NULL,
  stage text NOT NULL,
  reason text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS api_tokens (
  id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('operator', 'analyst', 'viewer')),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
