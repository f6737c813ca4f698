-- MinHash signature per article (JSON array of 128 ints) for near-duplicate checks within a time window.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS minhash jsonb;
CREATE INDEX IF NOT EXISTS articles_event_day ON articles (event_day);
