import type { IndicatorType, Modality } from "@seismo/core";
import type { Store } from "@seismo/store";
import { eachDay } from "./range.ts";

export interface StorySummary {
  id: string;
  title: string;
  firstSeen: string;
  lastSeen: string;
  articleCount: number;
  /** Summed intensity of the story's claimed (asserted or intent) indicators. */
  intensity: number;
  /** Share of the story's articles published in its last 24 hours (0..1). */
  growth: number;
  score: number;
  outlets: string[];
  /** Articles per day, first to last seen. */
  timeline: Array<{ day: string; count: number }>;
  indicators: Array<{ type: IndicatorType; modality: Modality; count: number }>;
  articles: Array<{ id: string; title: string | null; day: string; source: string | null }>;
}

/** Days after the newest story within which a story still counts as active. */
const ACTIVE_DAYS = 14;

/**
 * Stories ranked by intensity and growth. Built from articles.story_id (so it works whether the
 * clustering job fills the stories table or only links articles); titles come from stories when present.
 */
export async function activeStories(
  store: Store,
  options: { limit?: number; includeOlder?: boolean } = {},
): Promise<StorySummary[]> {
  const limit = options.limit ?? 20;
  const heads = await store.sql.query<{
    id: string;
    title: string | null;
    first_seen: Date | string;
    last_seen: Date | string;
    articles: number;
    recent: number;
  }>(
    `WITH a AS (SELECT story_id, title, coalesce(published_at, fetched_at) AS at FROM articles WHERE story_id IS NOT NULL),
       g AS (SELECT story_id, min(at) AS first_seen, max(at) AS last_seen, count(*)::int AS articles, min(title) AS title
             FROM a GROUP BY story_id)
     SELECT g.story_id AS id, coalesce(st.title, g.title) AS title, g.first_seen, g.last_seen, g.articles,
       (SELECT count(*)::int FROM a WHERE a.story_id = g.story_id AND a.at > g.last_seen - interval '24 hours') AS recent
     FROM g LEFT JOIN stories st ON st.id = g.story_id
     WHERE g.last_seen >= (SELECT max(last_seen) FROM g) - make_interval(days => $1)`,
    [options.includeOlder ? 36500 : ACTIVE_DAYS],
  );
  if (heads.length === 0) return [];
  const ids = heads.map((h) => h.id);
  const [indicatorRows, articleRows] = await Promise.all([
    store.sql.query<{ story_id: string; type: IndicatorType; modality: Modality; count: number; intensity: number }>(
      `SELECT a.story_id, i.type, i.modality, count(*)::int AS count, sum(i.intensity)::float8 AS intensity
       FROM indicators i JOIN articles a ON a.id = i.article_id WHERE a.story_id = ANY($1::text[])
       GROUP BY a.story_id, i.type, i.modality ORDER BY count DESC`,
      [ids],
    ),
    store.sql.query<{ story_id: string; id: string; title: string | null; day: string; source: string | null }>(
      `SELECT a.story_id, a.id, a.title, a.event_day::text AS day, s.name AS source
       FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.story_id = ANY($1::text[])
       ORDER BY coalesce(a.published_at, a.fetched_at), a.id`,
      [ids],
    ),
  ]);
  const stories = heads.map((h): StorySummary => {
    const inds = indicatorRows.filter((r) => r.story_id === h.id);
    const arts = articleRows.filter((r) => r.story_id === h.id);
    const intensity = inds
      .filter((r) => r.modality === "asserted" || r.modality === "intent")
      .reduce((sum, r) => sum + r.intensity, 0);
    const growth = h.articles > 0 ? h.recent / h.articles : 0;
    const perDay = new Map<string, number>();
    for (const a of arts) perDay.set(a.day, (perDay.get(a.day) ?? 0) + 1);
    return {
      id: h.id,
      title: h.title ?? h.id,
      firstSeen: new Date(h.first_seen).toISOString(),
      lastSeen: new Date(h.last_seen).toISOString(),
      articleCount: h.articles,
      intensity: Math.round(intensity * 100) / 100,
      growth: Math.round(growth * 100) / 100,
      // A story told by several outlets outranks a single report of the same intensity.
      score: intensity * (1 + growth) * (1 + Math.log2(Math.max(1, h.articles))),
      outlets: [...new Set(arts.map((a) => a.source).filter((s): s is string => s !== null))],
      timeline: fillDays(perDay),
      indicators: mergeClaims(inds),
      articles: arts.map((a) => ({ id: a.id, title: a.title, day: a.day, source: a.source })),
    };
  });
  return stories.sort((a, b) => b.score - a.score || b.lastSeen.localeCompare(a.lastSeen)).slice(0, limit);
}

/** Articles per day with the quiet days in between (at most the last 60 days of a story). */
function fillDays(perDay: Map<string, number>): StorySummary["timeline"] {
  const days = [...perDay.keys()].sort();
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [];
  return eachDay(first, last)
    .slice(-60)
    .map((day) => ({ day, count: perDay.get(day) ?? 0 }));
}

/** Asserted and intent count together as claims; negated and speculative stay apart, per modality. */
function mergeClaims(
  rows: Array<{ type: IndicatorType; modality: Modality; count: number }>,
): StorySummary["indicators"] {
  const merged = new Map<string, StorySummary["indicators"][number]>();
  for (const r of rows) {
    const modality: Modality = r.modality === "intent" ? "asserted" : r.modality;
    const key = `${r.type}|${modality}`;
    const prev = merged.get(key);
    merged.set(key, { type: r.type, modality, count: (prev?.count ?? 0) + r.count });
  }
  return [...merged.values()].sort((a, b) => b.count - a.count);
}
