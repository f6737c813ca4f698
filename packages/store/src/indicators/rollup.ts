import { Statement } from "../client/statement.ts";

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
 * Adds to `statement` the upserts that apply the difference between an article's old and new
 * indicators to every rollup, so a re-tag costs the size of one article, not of a whole day. Keys
 * are applied in sorted order so concurrent writers lock rows in the same order (no deadlocks).
 * Returns the statement to run after it, which drops the rows that fell to zero (empty on a first
 * tagging). Running it with old = new changes nothing, which keeps re-run jobs idempotent.
 */
export function addRollupDelta(statement: Statement, before: RollupItem[], after: RollupItem[]): Statement {
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
  return addUpserts(statement, [
    { table: "indicator_daily", keyColumns: ["day", "type", "modality", "source_id"], deltas: bySource },
    { table: "indicator_daily_total", keyColumns: ["day", "type", "modality"], deltas: total },
    { table: "indicator_place_daily", keyColumns: ["day", "type", "modality", "place"], deltas: byPlace },
    { table: "indicator_hourly", keyColumns: ["dim", "key", "day", "hour", "type", "modality"], deltas: hourly },
    { table: "indicator_dim_daily", keyColumns: ["dim", "key", "day", "type", "modality"], deltas: dims },
  ]);
}

const CAST: Record<string, string> = { day: "date", hour: "smallint" };

interface TableDelta {
  table: string;
  keyColumns: string[];
  deltas: Deltas;
}

/**
 * Every rollup's upsert as parts of one statement (one round trip, not five), and — only when
 * something was subtracted — a second statement that drops the rows that fell to zero. Rows go in
 * key order within each table, and the tables in a fixed order, so concurrent writers lock alike.
 */
function addUpserts(upsert: Statement, tables: TableDelta[]): Statement {
  const drop = new Statement();
  for (const { table, keyColumns, deltas } of tables) {
    const rows = [...deltas]
      .filter(([, d]) => d.count !== 0 || Math.abs(d.intensity) > 1e-9)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    if (rows.length === 0) continue;
    const keyArrays = keyColumns.map((c, k) => ({
      values: rows.map(([key]) => (JSON.parse(key) as unknown[])[k]),
      cast: `${CAST[c] ?? "text"}[]`,
    }));
    const columns = keyColumns.join(", ");
    const keys = keyArrays.map((a) => upsert.param(a.values, a.cast));
    const counts = upsert.param(
      rows.map(([, d]) => d.count),
      "int[]",
    );
    const sums = upsert.param(
      rows.map(([, d]) => d.intensity),
      "float8[]",
    );
    upsert.parts.push(
      `${table}_up AS (INSERT INTO ${table} (${columns}, count, intensity_sum)
       SELECT * FROM unnest(${keys.join(", ")}, ${counts}, ${sums})
       ON CONFLICT (${columns}) DO UPDATE SET count = ${table}.count + EXCLUDED.count,
         intensity_sum = ${table}.intensity_sum + EXCLUDED.intensity_sum RETURNING 1)`,
    );
    // Only a negative delta can bring a row to zero: a first tagging (nothing before) skips this.
    if (rows.some(([, d]) => d.count < 0)) {
      const dropKeys = keyArrays.map((a) => drop.param(a.values, a.cast));
      drop.parts.push(
        `${table}_del AS (DELETE FROM ${table} WHERE count <= 0
         AND (${columns}) IN (SELECT * FROM unnest(${dropKeys.join(", ")})) RETURNING 1)`,
      );
    }
  }
  // A second statement: the deletes must see the counts the upserts just wrote.
  return drop;
}
