-- More trend dimensions, kept by the same per-article deltas as the daily rollups (indicators/rollup.ts).
-- Each indicator keeps the dimension keys it was counted under, so a re-tag subtracts exactly what it
-- added even if the article's language or time changed since.
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS hour smallint NOT NULL DEFAULT 0;
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS language text NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS region_keys jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS actor_keys jsonb NOT NULL DEFAULT '[]'::jsonb;

-- Hour (UTC, within the event day) × dimension: dim is 'all' (key ''), 'source', 'place', 'region'
-- or 'language'. Hour queries are bounded (see trends), so one narrow table serves every filter.
CREATE TABLE IF NOT EXISTS indicator_hourly (
  dim text NOT NULL,
  key text NOT NULL,
  day date NOT NULL,
  hour smallint NOT NULL,
  type text NOT NULL,
  modality text NOT NULL,
  count integer NOT NULL,
  intensity_sum double precision NOT NULL,
  PRIMARY KEY (dim, key, day, hour, type, modality)
);

-- Day × dimension for the filters the older rollups lack: 'region', 'language', 'actor'.
CREATE TABLE IF NOT EXISTS indicator_dim_daily (
  dim text NOT NULL,
  key text NOT NULL,
  day date NOT NULL,
  type text NOT NULL,
  modality text NOT NULL,
  count integer NOT NULL,
  intensity_sum double precision NOT NULL,
  PRIMARY KEY (dim, key, day, type, modality)
);

-- Display name of each actor key ("kosovo police" → "Kosovo police"), first spelling seen.
CREATE TABLE IF NOT EXISTS actor_names (
  key text PRIMARY KEY,
  name text NOT NULL
);

-- Latest evidence of a place or actor without walking every indicator.
CREATE INDEX IF NOT EXISTS indicators_place_keys ON indicators USING gin (place_keys jsonb_path_ops);
CREATE INDEX IF NOT EXISTS indicators_actor_keys ON indicators USING gin (actor_keys jsonb_path_ops);

-- Existing rows: hour and language from their article (region and actor keys need the gazetteer and
-- the folding code, so migrate/backfill.ts fills them and rebuilds both new rollups).
UPDATE indicators i SET
  language = lower(split_part(replace(trim(coalesce(a.language, '')), '_', '-'), '-', 1)),
  hour = CASE WHEN (coalesce(a.published_at, a.fetched_at) AT TIME ZONE 'UTC')::date = i.day
    THEN extract(hour FROM coalesce(a.published_at, a.fetched_at) AT TIME ZONE 'UTC')::smallint ELSE 0 END
FROM articles a WHERE a.id = i.article_id;
