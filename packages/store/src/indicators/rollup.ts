import type { SqlClient } from "../client/index.ts";

/** What a rollup needs to know of one indicator. */
export interface RollupItem {
  day: string;
  /** UTC hour of the article's time within its event day. */
  hour: number;
  type: string;
  modality: string;
  sourceId: string;
  language: string;
  placeKeys: string[];
  regionKeys: string[];
  actorKeys: string[];
  intensity: number;
}

interface Delta {
  count: number;
  intensity: number;
}

type Deltas = Map<string, Delta>;

function add(map: Deltas, key: unknown[], sign: 1 | -1, intensity: number) {
  const k = JSON.stringify(key);
  const d = map.get(k) ?? { count: 0, intensity: 0 };
  d.count += sign;
  d.intensity += sign * intensity;
  map.set(k, d);
}

/**
 * Applies the difference between an article's old and new indicators to every rollup, so a re-tag
 * costs the size of one article, not of a whole day. Keys are applied in sorted order so concurrent
 * writers lock rows in the same order (no deadlocks); rows that fall to zero go away. Running it
 * with old = new changes nothing, which keeps re-run jobs idempotent.
 */
export async function applyRollupDelta(tx: SqlClient, before: RollupItem[], after: RollupItem[]): Promise<void> {
  const bySource: Deltas = new Map();
  const total: Deltas = new Map();
  const byPlace: Deltas = new Map();
  const hourly: Deltas = new Map();
  const dims: Deltas = new Map();
  for (const [items, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    for (const i of items) {
      const { day, hour, type, modality, intensity: x } = i;
      add(bySource, [day, type, modality, i.sourceId], sign, x);
      add(total, [day, type, modality], sign, x);
      for (const p of i.placeKeys) add(byPlace, [day, type, modality, p], sign, x);
      const hourDims: Array<[string, string]> = [
        ["all", ""],
        ["source", i.sourceId],
        ["language", i.language],
        ...i.placeKeys.map((k): [string, string] => ["place", k]),
        ...i.regionKeys.map((k): [string, string] => ["region", k]),
      ];
      for (const [dim, key] of hourDims) add(hourly, [dim, key, day, hour, type, modality], sign, x);
      const dayDims: Array<[string, string]> = [
        ["language", i.language],
        ...i.regionKeys.map((k): [string, string] => ["region", k]),
        ...i.actorKeys.map((k): [string, string] => ["actor", k]),
      ];
      for (const [dim, key] of dayDims) add(dims, [dim, key, day, type, modality], sign, x);
    }
  }
  await upsert(tx, "indicator_daily", ["day", "type", "modality", "source_id"], bySource);
  await upsert(tx, "indicator_daily_total", ["day", "type", "modality"], total);
  await upsert(tx, "indicator_place_daily", ["day", "type", "modality", "place"], byPlace);
  await upsert(tx, "indicator_hourly", ["dim", "key", "day", "hour", "type", "modality"], hourly);
  await upsert(tx, "indicator_dim_daily", ["dim", "key", "day", "type", "modality"], dims);
}

const CAST: Record<string, string> = { day: "date", hour: "smallint" };

async function upsert(tx: SqlClient, table: string, keyColumns: string[], deltas: Deltas): Promise<void> {
  const rows = [...deltas]
    .filter(([, d]) => d.count !== 0 || Math.abs(d.intensity) > 1e-9)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  if (rows.length === 0) return;
  const keys = keyColumns.map((_, k) => rows.map(([key]) => (JSON.parse(key) as unknown[])[k]));
  const casts = keyColumns.map((c, k) => `$${k + 1}::${CAST[c] ?? "text"}[]`);
  const n = keyColumns.length;
  await tx.query(
    `INSERT INTO ${table} (${keyColumns.join(", ")}, count, intensity_sum)
     SELECT * FROM unnest(${casts.join(", ")}, $${n + 1}::int[], $${n + 2}::float8[])
     ON CONFLICT (${keyColumns.join(", ")}) DO UPDATE SET count = ${table}.count + EXCLUDED.count,
       intensity_sum = ${table}.intensity_sum + EXCLUDED.intensity_sum`,
    [...keys, rows.map(([, d]) => d.count), rows.map(([, d]) => d.intensity)],
  );
  // Only a negative delta can bring a row to zero: a first tagging (nothing before) skips this.
  if (!rows.some(([, d]) => d.count < 0)) return;
  await tx.query(
    `DELETE FROM ${table} WHERE count <= 0 AND (${keyColumns.join(", ")}) IN (SELECT * FROM unnest(${casts.join(", ")}))`,
    keys,
  );
}
