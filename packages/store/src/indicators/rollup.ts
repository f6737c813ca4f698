import type { SqlClient } from "../client/index.ts";

/** What a rollup needs to know of one indicator. */
export interface RollupItem {
  day: string;
  type: string;
  modality: string;
  sourceId: string;
  placeKeys: string[];
  intensity: number;
}

interface Delta {
  count: number;
  intensity: number;
}

function add(map: Map<string, Delta>, key: string, sign: 1 | -1, intensity: number) {
  const d = map.get(key) ?? { count: 0, intensity: 0 };
  d.count += sign;
  d.intensity += sign * intensity;
  map.set(key, d);
}

/**
 * Applies the difference between an article's old and new indicators to the three rollups, so a
 * re-tag costs the size of one article, not of a whole day. Keys are applied in sorted order so
 * concurrent writers lock rows in the same order (no deadlocks); rows that fall to zero go away.
 * Running it with old = new changes nothing, which keeps re-run jobs idempotent.
 */
export async function applyRollupDelta(tx: SqlClient, before: RollupItem[], after: RollupItem[]): Promise<void> {
  const bySource = new Map<string, Delta>();
  const total = new Map<string, Delta>();
  const byPlace = new Map<string, Delta>();
  for (const [items, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    for (const i of items) {
      add(bySource, JSON.stringify([i.day, i.type, i.modality, i.sourceId]), sign, i.intensity);
      add(total, JSON.stringify([i.day, i.type, i.modality]), sign, i.intensity);
      for (const p of i.placeKeys) add(byPlace, JSON.stringify([i.day, i.type, i.modality, p]), sign, i.intensity);
    }
  }
  await upsert(tx, "indicator_daily", ["day", "type", "modality", "source_id"], bySource);
  await upsert(tx, "indicator_daily_total", ["day", "type", "modality"], total);
  await upsert(tx, "indicator_place_daily", ["day", "type", "modality", "place"], byPlace);
}

async function upsert(tx: SqlClient, table: string, keyColumns: string[], deltas: Map<string, Delta>): Promise<void> {
  const rows = [...deltas]
    .filter(([, d]) => d.count !== 0 || Math.abs(d.intensity) > 1e-9)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  if (rows.length === 0) return;
  const keys = keyColumns.map((_, k) => rows.map(([key]) => (JSON.parse(key) as string[])[k]));
  const casts = keyColumns.map((c, k) => `$${k + 1}::${c === "day" ? "date" : "text"}[]`);
  const n = keyColumns.length;
  await tx.query(
    `INSERT INTO ${table} (${keyColumns.join(", ")}, count, intensity_sum)
     SELECT * FROM unnest(${casts.join(", ")}, $${n + 1}::int[], $${n + 2}::float8[])
     ON CONFLICT (${keyColumns.join(", ")}) DO UPDATE SET count = ${table}.count + EXCLUDED.count,
       intensity_sum = ${table}.intensity_sum + EXCLUDED.intensity_sum`,
    [...keys, rows.map(([, d]) => d.count), rows.map(([, d]) => d.intensity)],
  );
  await tx.query(
    `DELETE FROM ${table} WHERE count <= 0 AND (${keyColumns.join(", ")}) IN (SELECT * FROM unnest(${casts.join(", ")}))`,
    keys,
  );
}
