import type { IndicatorType, Modality } from "@seismo/core";
import type { SqlClient } from "../client/index.ts";
import { actorKey, slugOf } from "../keys/index.ts";

/** Places (gazetteer, keyed by folded name) and actors (keyed by folded name). */
export type ActivityDim = "place" | "actor";

export interface ActivityWindow {
  from: string;
  to: string;
  /** Default asserted and intent, as in trends. */
  modalities?: Modality[];
}

export interface ActivityTotal {
  key: string;
  total: number;
  counts: Partial<Record<IndicatorType, number>>;
}

const SOURCE: Record<ActivityDim, { table: string; key: string; where: string }> = {
  place: { table: "indicator_place_daily", key: "place", where: "TRUE" },
  actor: { table: "indicator_dim_daily", key: "key", where: "dim = 'actor'" },
};

/** Recent activity of places and actors, read from their daily rollups (never from indicators). */
export class ActivityRepo {
  constructor(private readonly sql: SqlClient) {}

  /** Counts per key and type in a window, busiest first; `keys` narrows to some keys (a region's places). */
  async totals(dim: ActivityDim, q: ActivityWindow & { keys?: string[]; limit?: number }): Promise<ActivityTotal[]> {
    const s = SOURCE[dim];
    const rows = await this.sql.query<{ key: string; type: IndicatorType; n: number }>(
      `SELECT ${s.key} AS key, type, sum(count)::int AS n FROM ${s.table}
       WHERE ${s.where} AND day BETWEEN $1::date AND $2::date AND modality = ANY($3::text[])
         AND ($4::text[] IS NULL OR ${s.key} = ANY($4::text[]))
       GROUP BY 1, 2`,
      [q.from, q.to, q.modalities ?? ["asserted", "intent"], q.keys ?? null],
    );
    const byKey = new Map<string, ActivityTotal>();
    for (const r of rows) {
      const t = byKey.get(r.key) ?? { key: r.key, total: 0, counts: {} };
      t.total += r.n;
      t.counts[r.type] = (t.counts[r.type] ?? 0) + r.n;
      byKey.set(r.key, t);
    }
    return [...byKey.values()]
      .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1))
      .slice(0, q.limit ?? Number.MAX_SAFE_INTEGER);
  }

  /** One key's counts per day and type (only days with activity). */
  async byDay(dim: ActivityDim, key: string, q: ActivityWindow) {
    const s = SOURCE[dim];
    return this.sql.query<{ day: string; type: IndicatorType; count: number }>(
      `SELECT day::text AS day, type, sum(count)::int AS count FROM ${s.table}
       WHERE ${s.where} AND ${s.key} = $1 AND day BETWEEN $2::date AND $3::date AND modality = ANY($4::text[])
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [key, q.from, q.to, q.modalities ?? ["asserted", "intent"]],
    );
  }

  /** Display names of actor keys (the first spelling the tagger gave). */
  async actorNames(keys: string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const rows = await this.sql.query<{ key: string; name: string }>(
      "SELECT key, name FROM actor_names WHERE key = ANY($1::text[])",
      [keys],
    );
    return new Map(rows.map((r) => [r.key, r.name]));
  }

  /** An actor by any spelling of its name or by its id (the slug of its key); null if never seen. */
  async findActor(nameOrId: string): Promise<{ key: string; name: string } | null> {
    const [exact] = await this.sql.query<{ key: string; name: string }>(
      "SELECT key, name FROM actor_names WHERE key = $1",
      [actorKey(nameOrId)],
    );
    if (exact) return exact;
    const all = await this.sql.query<{ key: string; name: string }>("SELECT key, name FROM actor_names ORDER BY key");
    return all.find((a) => slugOf(a.key) === nameOrId.toLowerCase()) ?? null;
  }
}
