import { type SqlClient, type StoryDbRow, type StoryRow, toStory } from "@seismo/store";
import type { Claim } from "../filters/index.ts";
import { type AlertRow, type StoredAlert, toAlert } from "./alerts.ts";
import { type ClaimRow, selectClaims, toClaim } from "./claims.ts";

/** Everything an evaluation reads of one story before it runs the rules. */
export interface StoryInput {
  story: StoryRow;
  /**
   * The story's claims any rule can count: asserted and intent (matchesFilters refuses negated and
   * speculative ones whatever a rule says, so they are not read at all), oldest first.
   */
  claims: Claim[];
  /** Its alerts, of every rule, with a version not yet sent. */
  owed: StoredAlert[];
  /** Its articles and distinct outlets (sources). */
  reach: { articles: number; outlets: number };
}

/**
 * The story, its claims, the alerts under it that owe a notification and its reach, in one
 * statement (one snapshot) instead of one query per part and per rule; null when there is no such
 * story. Only an evaluation writes alerts and evaluations run one at a time, so alerts read here
 * stay current through the run: a rule's run touches only that rule's alerts.
 */
export async function readStoryInput(sql: SqlClient, storyId: string): Promise<StoryInput | null> {
  const [row] = await sql.query<{
    story: StoryDbRow | null;
    claims: ClaimRow[];
    owed: AlertRow[];
    articles: number;
    outlets: number;
  }>(
    `SELECT
       (SELECT row_to_json(s) FROM (SELECT id, title, first_seen, last_seen, article_count, features
                                    FROM stories WHERE id = $1) s) AS story,
       (SELECT coalesce(json_agg(c ORDER BY c.at, c.evidence_start), '[]'::json) FROM (
          ${selectClaims("i.sentence, a.url, a.title, i.evidence_start")}
          WHERE a.story_id = $1 AND i.modality IN ('asserted', 'intent')) c) AS claims,
       (SELECT coalesce(json_agg(al ORDER BY al.id), '[]'::json) FROM alerts al
          WHERE al.story_id = $1 AND al.version > al.notified_version) AS owed,
       r.articles, r.outlets
     FROM (SELECT count(*)::int AS articles, count(DISTINCT source_id)::int AS outlets
           FROM articles WHERE story_id = $1) r`,
    [storyId],
  );
  if (!row?.story) return null;
  return {
    story: toStory(row.story),
    claims: row.claims.map(toClaim),
    owed: row.owed.map(toAlert),
    reach: { articles: row.articles, outlets: row.outlets },
  };
}
