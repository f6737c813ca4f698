import type { SqlClient } from "@seismo/store";

/** An evidence sentence as stored with an alert and sent in payloads. */
export interface EvidenceOut {
  sentence: string;
  type: string;
  modality: string;
  confidence: number;
  articleId: string;
  url: string;
  title: string | null;
  publishedAt: string;
}

export interface StoredAlert {
  id: string;
  dedupeKey: string;
  ruleId: string;
  storyId: string;
  kind: string;
  title: string;
  summary: string;
  numbers: Record<string, unknown>;
  evidence: EvidenceOut[];
  stateKey: string;
  version: number;
  notifiedVersion: number;
  firstRaisedAt: string;
  updatedAt: string;
  lastNotifiedAt: string | null;
}

export interface AlertRow {
  id: string;
  dedupe_key: string;
  rule_id: string;
  story_id: string;
  kind: string;
  title: string;
  summary: string;
  numbers: Record<string, unknown>;
  evidence: EvidenceOut[];
  state_key: string;
  version: number;
  notified_version: number;
  first_raised_at: Date;
  updated_at: Date;
  last_notified_at: Date | null;
}

export const toAlert = (r: AlertRow): StoredAlert => ({
  id: r.id,
  dedupeKey: r.dedupe_key,
  ruleId: r.rule_id,
  storyId: r.story_id,
  kind: r.kind,
  title: r.title,
  summary: r.summary,
  numbers: r.numbers,
  evidence: r.evidence,
  stateKey: r.state_key,
  version: r.version,
  notifiedVersion: r.notified_version,
  firstRaisedAt: new Date(r.first_raised_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  lastNotifiedAt: r.last_notified_at ? new Date(r.last_notified_at).toISOString() : null,
});

export type AlertContent = Pick<StoredAlert, "title" | "summary" | "numbers" | "evidence" | "stateKey">;

export async function alertByKey(sql: SqlClient, dedupeKey: string): Promise<StoredAlert | null> {
  const [row] = await sql.query<AlertRow>("SELECT * FROM alerts WHERE dedupe_key = $1", [dedupeKey]);
  return row ? toAlert(row) : null;
}

export async function getAlert(sql: SqlClient, id: string): Promise<StoredAlert | null> {
  const [row] = await sql.query<AlertRow>("SELECT * FROM alerts WHERE id = $1", [id]);
  return row ? toAlert(row) : null;
}

/**
 * The dedupe key of an alert of `ruleId` whose spike episode overlaps [start, end], oldest first.
 * Reports do not arrive in time order (a feed's first poll, a slow outlet), so an episode found
 * later may start earlier than the one first alerted on; it is the same escalation.
 */
export async function overlappingEpisodeKey(
  sql: SqlClient,
  ruleId: string,
  episode: { start: string; end: string },
): Promise<string | null> {
  const [row] = await sql.query<{ dedupe_key: string }>(overlappingEpisodeSql("$1", "$2", "$3"), [
    ruleId,
    episode.start,
    episode.end,
  ]);
  return row?.dedupe_key ?? null;
}

/** The query of `overlappingEpisodeKey`, with the parameters that hold the rule id and the episode. */
const overlappingEpisodeSql = (ruleId: string, start: string, end: string) =>
  `SELECT dedupe_key FROM alerts
   WHERE rule_id = ${ruleId} AND kind = 'spike' AND numbers ? 'episodeStart'
     AND (numbers->>'episodeStart')::timestamptz <= ${end}::timestamptz
     AND (numbers->>'episodeEnd')::timestamptz >= ${start}::timestamptz
   ORDER BY first_raised_at, id LIMIT 1`;

/**
 * Creates the alert of a (rule, story), or makes a new version of it when the finding changed.
 * Keyed by the dedupe key, so running an evaluation twice changes nothing. A new version may move
 * the alert to another story (the story now carrying most of a spike's reports). Given a spike
 * `episode`, an alert of the rule whose episode overlaps it (`overlappingEpisodeKey`) is the one
 * updated, whatever `key.dedupeKey` says.
 */
export async function upsertAlert(
  sql: SqlClient,
  id: string,
  key: { dedupeKey: string; ruleId: string; storyId: string; kind: string },
  content: AlertContent,
  options: { episode?: { start: string; end: string } | null | undefined } = {},
): Promise<StoredAlert> {
  const episode = options.episode ?? null;
  // One statement: the key (an overlapping spike episode's, else the given one), the upsert, and
  // the stored alert when the finding did not change (the upsert then returns nothing).
  const rows = await sql.query<AlertRow>(
    `WITH key AS (
       SELECT coalesce(${episode ? `(${overlappingEpisodeSql("$3", "$11", "$12")})` : "NULL"}, $2) AS dedupe_key),
     up AS (
       INSERT INTO alerts (id, dedupe_key, rule_id, story_id, kind, title, summary, numbers, evidence, state_key)
       SELECT $1, key.dedupe_key, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10 FROM key
       ON CONFLICT (dedupe_key) DO UPDATE SET story_id = EXCLUDED.story_id, title = EXCLUDED.title, summary = EXCLUDED.summary,
         numbers = EXCLUDED.numbers, evidence = EXCLUDED.evidence, state_key = EXCLUDED.state_key,
         version = alerts.version + 1, updated_at = now()
       WHERE alerts.state_key <> EXCLUDED.state_key
       RETURNING *)
     SELECT * FROM up
     UNION ALL
     SELECT a.* FROM alerts a JOIN key ON a.dedupe_key = key.dedupe_key WHERE NOT EXISTS (SELECT 1 FROM up)`,
    [
      id,
      key.dedupeKey,
      key.ruleId,
      key.storyId,
      key.kind,
      content.title,
      content.summary,
      JSON.stringify(content.numbers),
      JSON.stringify(content.evidence),
      content.stateKey,
      ...(episode ? [episode.start, episode.end] : []),
    ],
  );
  const [row] = rows;
  if (row) return toAlert(row);
  // Only when the row was committed by another transaction after this statement began: read again.
  const dedupeKey = (episode && (await overlappingEpisodeKey(sql, key.ruleId, episode))) ?? key.dedupeKey;
  const existing = await alertByKey(sql, dedupeKey);
  if (!existing) throw new Error(`alert ${dedupeKey} vanished during upsert`);
  return existing;
}

export async function markNotified(sql: SqlClient, id: string, version: number, at: string): Promise<void> {
  await sql.query(
    "UPDATE alerts SET notified_version = greatest(notified_version, $2), last_notified_at = $3 WHERE id = $1",
    [id, version, at],
  );
}

export async function listAlerts(
  sql: SqlClient,
  q: { limit: number; ruleId?: string | undefined; storyId?: string | undefined; kind?: string | undefined },
): Promise<StoredAlert[]> {
  const rows = await sql.query<AlertRow>(
    `SELECT * FROM alerts WHERE ($2::text IS NULL OR rule_id = $2) AND ($3::text IS NULL OR story_id = $3)
       AND ($4::text IS NULL OR kind = $4)
     ORDER BY updated_at DESC, id LIMIT $1`,
    [q.limit, q.ruleId ?? null, q.storyId ?? null, q.kind ?? null],
  );
  return rows.map(toAlert);
}
