-- All-sources rollup (day × type × modality): the common trend queries read a few thousand rows.
CREATE TABLE IF NOT EXISTS indicator_daily_total (
  day date NOT NULL,
  type text NOT NULL,
  modality text NOT NULL,
  count integer NOT NULL,
  intensity_sum double precision NOT NULL,
  PRIMARY KEY (day, type, modality)
);
INSERT INTO indicator_daily_total (day, type, modality, count, intensity_sum)
SELECT day, type, modality, sum(count), sum(intensity_sum) FROM indicator_daily GROUP BY 1, 2, 3
ON CONFLICT DO NOTHING;
CREATE INDEX IF NOT EXISTS indicator_place_daily_place ON indicator_place_daily (place, day);
CREATE INDEX IF NOT EXISTS indicator_daily_source ON indicator_daily (source_id, day);
