import type { SqlClient } from "../client/index.ts";
import {
  type CandidateStory,
  type ClusterArticle,
  type ClusterNames,
  type ClusterOutcome,
  clusterInput,
  clusterNeighbours,
  type NearArticle,
  type NeighbourQuery,
  saveClusterOutcome,
} from "./clustering.ts";

export interface StoryRow {
  id: string;
  title: string;
  firstSeen: string;
  lastSeen: string;
  articleCount: number;
  /** The clustering features, as the stories package keeps them (opaque here). */
  features: unknown;
}

/** A `stories` row as the database gives it (timestamps as Date, or as text inside JSON). */
export interface StoryDbRow {
  id: string;
  title: string;
  first_seen: Date | string;
  last_seen: Date | string;
  article_count: number;
  features: unknown;
}

/** A stored story from its row: also for readers that select stories inside a larger statement. */
export const toStory = (r: StoryDbRow): StoryRow => ({
  id: r.id,
  title: r.title,
  firstSeen: new Date(r.first_seen).toISOString(),
  lastSeen: new Date(r.last_seen).toISOString(),
  articleCount: r.article_count,
  features: r.features,
});

export interface StoryOutlet {
  sourceId: string | null;
  sourceName: string | null;
  articles: number;
}

export class StoryRepo {
  constructor(private readonly sql: SqlClient) {}

  /** An article as clustering reads it, with the places and actors of its indicators (one round trip). */
  clusterInput(articleId: string): Promise<{ article: ClusterArticle; indicators: ClusterNames[] } | null> {
    return clusterInput(this.sql, articleId);
  }

  /** Near-duplicate candidates of an article and the stories it may join (one round trip). */
  clusterNeighbours(q: NeighbourQuery): Promise<{ near: NearArticle[]; stories: CandidateStory[] }> {
    return clusterNeighbours(this.sql, q);
  }

  /** Fingerprint, copy link, story and article counts of one clustered article (one statement). */
  saveClusterOutcome(outcome: ClusterOutcome): Promise<void> {
    return saveClusterOutcome(this.sql, outcome);
  }

  /** Creates or updates a story and links the article to it, in one transaction. */
  async saveWithArticle(story: Omit<StoryRow, "articleCount">, articleId: string): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const [previous] = await tx.query<{ story_id: string | null }>("SELECT story_id FROM articles WHERE id = $1", [
        articleId,
      ]);
      await tx.query(
        `INSERT INTO stories (id, title, first_seen, last_seen, features) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (id) DO UPDATE SET first_seen = least(stories.first_seen, EXCLUDED.first_seen),
           last_seen = greatest(stories.last_seen, EXCLUDED.last_seen), features = EXCLUDED.features, updated_at = now()`,
        [story.id, story.title, story.firstSeen, story.lastSeen, JSON.stringify(story.features)],
      );
      await tx.query("UPDATE articles SET story_id = $2 WHERE id = $1", [articleId, story.id]);
      for (const id of new Set([story.id, previous?.story_id].filter((x): x is string => !!x))) {
        await tx.query(
          "UPDATE stories SET article_count = (SELECT count(*) FROM articles WHERE story_id = $1) WHERE id = $1",
          [id],
        );
      }
    });
  }

  async get(id: string): Promise<StoryRow | null> {
    const [row] = await this.sql.query<StoryDbRow>("SELECT * FROM stories WHERE id = $1", [id]);
    return row ? toStory(row) : null;
  }

  /** Recent stories, most recently active first, with how many claimed indicators they hold. */
  async list(options: { limit: number; minArticles?: number }) {
    const rows = await this.sql.query<StoryDbRow & { indicators: number; intensity: number; outlets: number }>(
      `SELECT s.*, coalesce(x.indicators, 0)::int AS indicators, coalesce(x.intensity, 0)::float8 AS intensity,
              coalesce(o.outlets, 0)::int AS outlets
       FROM stories s
       LEFT JOIN LATERAL (SELECT count(*) AS indicators, sum(i.intensity) AS intensity FROM indicators i
                          JOIN articles a ON a.id = i.article_id
                          WHERE a.story_id = s.id AND i.modality IN ('asserted', 'intent')) x ON true
       LEFT JOIN LATERAL (SELECT count(DISTINCT a.source_id) AS outlets FROM articles a WHERE a.story_id = s.id) o ON true
       WHERE s.article_count >= $2
       ORDER BY s.last_seen DESC, s.id LIMIT $1`,
      [options.limit, options.minArticles ?? 1],
    );
    return rows.map((r) => ({ ...toStory(r), indicators: r.indicators, intensity: r.intensity, outlets: r.outlets }));
  }

  async outlets(storyId: string): Promise<StoryOutlet[]> {
    return (
      await this.sql.query<{ source_id: string | null; name: string | null; n: number }>(
        `SELECT a.source_id, s.name, count(*)::int AS n FROM articles a LEFT JOIN sources s ON s.id = a.source_id
         WHERE a.story_id = $1 GROUP BY a.source_id, s.name ORDER BY n DESC`,
        [storyId],
      )
    ).map((r) => ({ sourceId: r.source_id, sourceName: r.name, articles: r.n }));
  }

  async articleIds(storyId: string): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      "SELECT id FROM articles WHERE story_id = $1 ORDER BY coalesce(published_at, fetched_at), id",
      [storyId],
    );
    return rows.map((r) => r.id);
  }
}
