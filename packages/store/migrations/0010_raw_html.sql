-- Raw HTML of fetched articles, kept apart from articles so retention is a DELETE here (the text,
-- indicators and rollups stay forever) and article queries never read the large column.
CREATE TABLE IF NOT EXISTS article_raw (
  article_id text PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  html text NOT NULL,
  bytes integer NOT NULL,
  fetched_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS article_raw_fetched ON article_raw (fetched_at);
