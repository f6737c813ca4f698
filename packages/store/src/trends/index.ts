import type { IndicatorType, Modality } from "@seismo/core";
import type { SqlClient } from "../client/index.ts";

export interface TrendQuery {
  from: string;
  to: string;
  types?: IndicatorType[];
  modalities?: Modality[];
  sourceId?: string;
}

export interface TrendPoint {
  day: string;
  type: IndicatorType;
  count: number;
  intensity: number;
}

export class TrendRepo {
  constructor(private readonly sql: SqlClient) {}

  /** Counts per day and type from the rollup table (never scans articles). Days are inclusive. */
  async daily(q: TrendQuery): Promise<TrendPoint[]> {
    const rows = await this.sql.query<{ day: string; type: IndicatorType; count: number; intensity: number }>(
      `SELECT day::text AS day, type, sum(count)::int AS count, sum(intensity_sum)::float8 AS intensity
       FROM indicator_daily
       WHERE day BETWEEN $1::date AND $2::date
         AND ($3::text[] IS NULL OR type = ANY($3::text[]))
         AND modality = ANY($4::text[])
         AND ($5::text IS NULL OR source_id = $5)
       GROUP BY day, type ORDER BY day, type`,
      [q.from, q.to, q.types ?? null, q.modalities ?? ["asserted", "intent"], q.sourceId ?? null],
    );
    return rows.map((r) => ({ day: r.day, type: r.type, count: r.count, intensity: r.intensity }));
  }
}
