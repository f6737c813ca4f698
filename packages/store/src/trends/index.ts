import type { IndicatorType, Modality } from "@seismo/core";
import type { SqlClient } from "../client/index.ts";
import { placeKey } from "../indicators/index.ts";

export type Resolution = "day" | "week";

export interface TrendQuery {
  from: string;
  to: string;
  types?: IndicatorType[];
  modalities?: Modality[];
  sourceId?: string;
  /** Any spelling of a place ("Zvečan", "Zvecan", "Звечан"). */
  place?: string;
  resolution?: Resolution;
}

export interface TrendPoint {
  day: string;
  type: IndicatorType;
  count: number;
  intensity: number;
}

export class TrendRepo {
  constructor(private readonly sql: SqlClient) {}

  /**
   * Counts per period and type from the rollup tables (never scans articles). Days are inclusive;
   * weeks start on Monday and are labelled by that Monday. Asserted and intent count by default.
   */
  async daily(q: TrendQuery): Promise<TrendPoint[]> {
    const bucket = q.resolution === "week" ? "date_trunc('week', day)::date" : "day";
    const byPlace = q.place !== undefined;
    if (byPlace && q.sourceId) throw new Error("place and sourceId cannot be combined (separate rollups)");
    const table = byPlace ? "indicator_place_daily" : q.sourceId ? "indicator_daily" : "indicator_daily_total";
    const filter = byPlace ? "place = $5" : q.sourceId ? "source_id = $5" : "$5::text IS NULL";
    const rows = await this.sql.query<{ day: string; type: IndicatorType; count: number; intensity: number }>(
      `SELECT ${bucket}::text AS day, type, sum(count)::int AS count, sum(intensity_sum)::float8 AS intensity
       FROM ${table}
       WHERE day BETWEEN $1::date AND $2::date
         AND ($3::text[] IS NULL OR type = ANY($3::text[]))
         AND modality = ANY($4::text[])
         AND ${filter}
       GROUP BY 1, type ORDER BY 1, type`,
      [
        q.from,
        q.to,
        q.types ?? null,
        q.modalities ?? ["asserted", "intent"],
        byPlace ? placeKey(q.place ?? "") : (q.sourceId ?? null),
      ],
    );
    return rows.map((r) => ({ day: r.day, type: r.type, count: r.count, intensity: r.intensity }));
  }
}
