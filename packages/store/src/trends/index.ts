import type { IndicatorType, Modality } from "@seismo/core";
import type { SqlClient } from "../client/index.ts";
import { languageKey, placeKey, regionKey } from "../keys/index.ts";

export type Resolution = "hour" | "day" | "week";

export interface TrendQuery {
  from: string;
  to: string;
  types?: IndicatorType[];
  modalities?: Modality[];
  sourceId?: string;
  /** Sources carrying this tag (e.g. { key: "perspective", value: "serbian" }). */
  sourceTag?: { key: string; value: string };
  /** Any spelling of a place ("Zvečan", "Zvecan", "Звечан"). */
  place?: string;
  /** Admin region of the gazetteer (district or okrug), any spelling: "Mitrovica", "Raška District". */
  region?: string;
  /** Article language (primary subtag: "sr" also matches "sr-Latn"). */
  language?: string;
  resolution?: Resolution;
}

export interface TrendPoint {
  /** Period start: YYYY-MM-DD, or YYYY-MM-DDTHH:00Z at hour resolution. */
  day: string;
  type: IndicatorType;
  count: number;
  intensity: number;
}

/** A combination of trend filters that no rollup can answer (the API turns it into a 400). */
export class TrendFilterError extends Error {
  override name = "TrendFilterError";
}

/** Which filters a query uses; at most one may be set (each is a separate rollup dimension). */
export function trendDimension(q: Pick<TrendQuery, "sourceId" | "sourceTag" | "place" | "region" | "language">) {
  const used = [
    q.sourceId !== undefined || q.sourceTag !== undefined ? "source" : null,
    q.place !== undefined ? "place" : null,
    q.region !== undefined ? "region" : null,
    q.language !== undefined ? "language" : null,
  ].filter((d): d is "source" | "place" | "region" | "language" => d !== null);
  if (used.length > 1) {
    throw new TrendFilterError(
      `filter by one of source (sourceId/sourceTag), place, region or language, not ${used.join(" and ")}`,
    );
  }
  return used[0] ?? "all";
}

export class TrendRepo {
  constructor(private readonly sql: SqlClient) {}

  /**
   * Counts per period and type from the rollup tables (never scans articles or indicators). Days
   * are inclusive; weeks start on Monday and are labelled by that Monday; hours are UTC. Asserted
   * and intent count by default. A source tag sums the per-source rollup over the tagged sources,
   * so editing a source's tags re-groups its whole history at once.
   */
  async daily(q: TrendQuery): Promise<TrendPoint[]> {
    const dim = trendDimension(q);
    let keys: string[] = [""];
    if (dim === "source") {
      keys = await this.sourceIds(q);
      if (keys.length === 0) return [];
    } else if (dim === "place") keys = [placeKey(q.place ?? "")];
    else if (dim === "region") keys = [regionKey(q.region ?? "")];
    else if (dim === "language") keys = [languageKey(q.language)];

    // Buckets group on dates and hours and are labelled afterwards: date arithmetic for weeks
    // (Mondays; no time zone involved) and text only on the few output rows.
    let bucket: string[];
    let label: string;
    let table: string;
    let filter: string;
    if (q.resolution === "hour") {
      bucket = ["day", "hour"];
      label = "to_char(b0, 'YYYY-MM-DD') || 'T' || lpad(b1::text, 2, '0') || ':00Z'";
      table = "indicator_hourly";
      filter = `dim = '${dim}' AND key = ANY($5::text[])`;
    } else {
      bucket = [q.resolution === "week" ? "day - (extract(isodow from day)::int - 1)" : "day"];
      label = "b0::text";
      [table, filter] = {
        all: ["indicator_daily_total", "$5::text[] IS NOT NULL"],
        source: ["indicator_daily", "source_id = ANY($5::text[])"],
        place: ["indicator_place_daily", "place = ANY($5::text[])"],
        region: ["indicator_dim_daily", "dim = 'region' AND key = ANY($5::text[])"],
        language: ["indicator_dim_daily", "dim = 'language' AND key = ANY($5::text[])"],
      }[dim] as [string, string];
    }
    const columns = bucket.map((expr, i) => `${expr} AS b${i}`).join(", ");
    const order = bucket.map((_, i) => `b${i}`).join(", ");
    const rows = await this.sql.query<{ day: string; type: IndicatorType; count: number; intensity: number }>(
      `SELECT ${label} AS day, type, count, intensity FROM (
         SELECT ${columns}, type COLLATE "C" AS type, sum(count)::int AS count, sum(intensity_sum)::float8 AS intensity
         FROM ${table}
         WHERE day BETWEEN $1::date AND $2::date
           AND ($3::text[] IS NULL OR type = ANY($3::text[]))
           AND modality = ANY($4::text[])
           AND ${filter}
         GROUP BY ${bucket.map((_, i) => i + 1).join(", ")}, ${bucket.length + 1}
       ) buckets ORDER BY ${order}, type`,
      [q.from, q.to, q.types ?? null, q.modalities ?? ["asserted", "intent"], keys],
    );
    return rows.map((r) => ({ day: r.day, type: r.type, count: r.count, intensity: r.intensity }));
  }

  private async sourceIds(q: TrendQuery): Promise<string[]> {
    if (!q.sourceTag) return [q.sourceId ?? ""];
    const rows = await this.sql.query<{ id: string }>(
      "SELECT id FROM sources WHERE tags ->> $1 = $2 AND ($3::text IS NULL OR id = $3) ORDER BY id",
      [q.sourceTag.key, q.sourceTag.value, q.sourceId ?? null],
    );
    return rows.map((r) => r.id);
  }
}
