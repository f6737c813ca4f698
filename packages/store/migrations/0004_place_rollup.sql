-- Rollup per day × type × modality × place (folded name), kept with indicator_daily, so place
-- trends ("clashes around Zvečan") never scan indicators.
CREATE TABLE IF NOT EXISTS indicator_place_daily (
  day date NOT NULL,
  type text NOT NULL,
  modality text NOT NULL,
  place text NOT NULL,
  count integer NOT NULL,
  intensity_sum double precision NOT NULL,
  PRIMARY KEY (day, type, modality, place)
);
-- Folded place keys of each indicator (lower-case, no diacritics, Cyrillic transliterated).
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS place_keys jsonb NOT NULL DEFAULT '[]'::jsonb;
