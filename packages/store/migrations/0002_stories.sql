-- Stories: clusters of articles about one event (rewrites and reports across outlets).
CREATE TABLE IF NOT EXISTS stories (
  id text PRIMARY KEY,
  title text NOT NULL,
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  article_count integer NOT NULL DEFAULT 0,
  -- merged clustering features (terms, places, actors) kept by the pipeline
  features jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS stories_recent ON stories (last_seen DESC);

ALTER TABLE articles ADD COLUMN IF NOT EXISTS story_id text REFERENCES stories(id);
-- Near-duplicate link: the earlier article this one copies (wire copies across outlets).
ALTER TABLE articles ADD COLUMN IF NOT EXISTS duplicate_of text REFERENCES articles(id);
ALTER TABLE articles ADD COLUMN IF NOT EXISTS simhash text;
CREATE INDEX IF NOT EXISTS articles_story ON articles (story_id);

-- Framing markers found in an article (e.g. "Kosovo and Metohija", "administrative line").
CREATE TABLE IF NOT EXISTS framing_markers (
  article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  marker text NOT NULL,
  variant text NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  PRIMARY KEY (article_id, start_offset, marker)
);
