-- MinHash LSH band keys per article, so near-duplicate candidates come from an index lookup
-- (articles sharing a band) instead of reading every fingerprint of the week. Rows written before
-- this migration have no keys and are still read as candidates until they leave the window.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS lsh_keys text[];
CREATE INDEX IF NOT EXISTS articles_lsh_keys ON articles USING gin (lsh_keys);
