import type { SqlClient } from "../client/index.ts";
import { actorKey, regionTable } from "../keys/index.ts";

/**
 * Completes migration 0009 for rows written before it: region and actor keys need the gazetteer
 * and the folding code (not SQL), then both new rollups are rebuilt from the indicators. Set-based,
 * so it costs a few statements whatever the size of the table.
 */
export async function backfillDimensions(tx: SqlClient): Promise<void> {
  const regions = regionTable();
  await tx.query(
    `UPDATE indicators i SET region_keys = coalesce((
       SELECT jsonb_agg(DISTINCT r.region) FROM jsonb_array_elements_text(i.place_keys) p(k)
       JOIN unnest($1::text[], $2::text[]) r(place, region) ON r.place = p.k), '[]'::jsonb)
     WHERE i.place_keys <> '[]'::jsonb`,
    [regions.map(([p]) => p), regions.map(([, r]) => r)],
  );
  const names = (
    await tx.query<{ name: string }>(
      "SELECT DISTINCT n AS name FROM indicators, jsonb_array_elements_text(actors) n WHERE actors <> '[]'::jsonb",
    )
  ).map((r) => r.name);
  const keyed = names.map((n) => [n, actorKey(n)] as const).filter(([, k]) => k !== "");
  if (keyed.length > 0) {
    const params = [keyed.map(([n]) => n), keyed.map(([, k]) => k)];
    await tx.query(
      `UPDATE indicators i SET actor_keys = coalesce((
         SELECT jsonb_agg(DISTINCT m.key) FROM jsonb_array_elements_text(i.actors) n(name)
         JOIN unnest($1::text[], $2::text[]) m(name, key) ON m.name = n.name), '[]'::jsonb)
       WHERE i.actors <> '[]'::jsonb`,
      params,
    );
    await tx.query(
      `INSERT INTO actor_names (key, name) SELECT DISTINCT ON (key) key, name FROM unnest($1::text[], $2::text[]) m(name, key)
       ORDER BY key, name ON CONFLICT DO NOTHING`,
      params,
    );
  }
  await rebuildDimensionRollups(tx);
}

/** Recomputes indicator_hourly and indicator_dim_daily from the indicators (backfill and repair). */
export async function rebuildDimensionRollups(tx: SqlClient): Promise<void> {
  await tx.query("DELETE FROM indicator_hourly");
  await tx.query("DELETE FROM indicator_dim_daily");
  await tx.query(
    `INSERT INTO indicator_hourly (dim, key, day, hour, type, modality, count, intensity_sum)
     SELECT d.dim, d.key, i.day, i.hour, i.type, i.modality, count(*), sum(i.intensity::float8)
     FROM indicators i CROSS JOIN LATERAL (
       SELECT 'all' AS dim, '' AS key
       UNION ALL SELECT 'source', coalesce(i.source_id, '')
       UNION ALL SELECT 'language', i.language
       UNION ALL SELECT 'place', p FROM jsonb_array_elements_text(i.place_keys) p
       UNION ALL SELECT 'region', r FROM jsonb_array_elements_text(i.region_keys) r) d
     GROUP BY 1, 2, 3, 4, 5, 6`,
  );
  await tx.query(
    `INSERT INTO indicator_dim_daily (dim, key, day, type, modality, count, intensity_sum)
     SELECT d.dim, d.key, i.day, i.type, i.modality, count(*), sum(i.intensity::float8)
     FROM indicators i CROSS JOIN LATERAL (
       SELECT 'language' AS dim, i.language AS key
       UNION ALL SELECT 'region', r FROM jsonb_array_elements_text(i.region_keys) r
       UNION ALL SELECT 'actor', a FROM jsonb_array_elements_text(i.actor_keys) a) d
     GROUP BY 1, 2, 3, 4, 5`,
  );
}
