-- Full-text search over a folded form of title + text (lower-case, diacritics removed, Serbian
-- Cyrillic transliterated), computed in the application so PostgreSQL and PGlite behave the same
-- without the unaccent extension: "Zvečan", "Zvecan" and "Звечан" all index as "zvecan".
ALTER TABLE articles ADD COLUMN IF NOT EXISTS search_folded text;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS search_vector tsvector;
CREATE INDEX IF NOT EXISTS articles_search ON articles USING gin (search_vector);
