import { createHash } from "node:crypto";
import type { StoryRow } from "@seismo/store";
import { type EvidenceOut, markNotified, type StoredAlert, upsertAlert } from "../data/alerts.ts";
import { recentStoryIds } from "../data/claims.ts";
import { enabledRules, listRules, newId } from "../data/rules.ts";
import { readStoryInput } from "../data/story-input.ts";
import { insertDelivery, listSubscriptions } from "../data/webhooks.ts";
import { type AlertsDeps, dashboardUrl, nowOf } from "../deps.ts";
import type { Detection } from "../detectors/types.ts";
import { topEvidence } from "../filters/index.ts";
import type { Rule } from "../rules/schema.ts";
import { type AlertMessage, messageIdFor, renderBody } from "../webhooks/payload.ts";
import { detect } from "./detect.ts";

export interface EvaluationResult {
  storyId: string;
  alerts: Array<{ alertId: string; ruleId: string; version: number; notified: boolean }>;
}

/**
 * The dedupe key of an alert: one per rule and story, whatever the number of articles; for a
 * spike, one per rule and escalation episode (`subject` is the episode's key then).
 */
export const alertKey = (ruleId: string, subject: string): string => `${ruleId}|${subject}`;

/**
 * Runs the enabled rules (or `ruleIds`) against a story: raises an alert per firing rule, or makes
 * a new version of it when the finding changed, and notifies subscriptions outside the cooldown.
 * The enabled rules are cached for a few seconds per process (`ENABLED_RULES_TTL_MS`): a rule write
 * in this process drops the cache, and an edit queues a run for its rule ids, which reads them fresh.
 */
export async function evaluateStory(
  deps: AlertsDeps,
  storyId: string,
  options: { ruleIds?: string[] | undefined } = {},
): Promise<EvaluationResult> {
  const sql = deps.store.sql;
  const result: EvaluationResult = { storyId, alerts: [] };
  // The enabled rules are cached for a few seconds (ENABLED_RULES_TTL_MS); named rules are read fresh.
  const rules = options.ruleIds
    ? await listRules(sql, { enabledOnly: true, ids: options.ruleIds })
    : await enabledRules(sql);
  if (rules.length === 0) return result;
  // The story, its claims, its owed alerts (every rule's) and its reach in one round trip.
  const input = await readStoryInput(sql, storyId);
  if (!input) return result;
  const { story, claims: all, reach } = input;
  for (const rule of rules) {
    const found = await detect(sql, rule, story, all, reach);
    if (!found.fired) {
      // An alert already raised stays (alerts are never retracted); it may still owe a notification.
      for (const owed of input.owed) {
        if (owed.ruleId === rule.id) await notifyIfDue(deps, owed, rule, story);
      }
      continue;
    }
    const subject = found.subject ?? { key: story.id, storyId: story.id };
    const shown = subject.storyId === story.id ? story : ((await deps.store.stories.get(subject.storyId)) ?? story);
    const evidence: EvidenceOut[] = topEvidence(found.evidence, 3).map((c) => ({
      sentence: c.sentence,
      type: c.type,
      modality: c.modality,
      confidence: c.confidence,
      articleId: c.articleId,
      url: c.url,
      title: c.title,
      publishedAt: c.at,
    }));
    const alert = await upsertAlert(
      sql,
      newId("alr"),
      { dedupeKey: alertKey(rule.id, subject.key), ruleId: rule.id, storyId: shown.id, kind: rule.kind },
      {
        title: `${rule.name}: ${shown.title}`,
        summary: found.summary,
        numbers: found.numbers,
        evidence,
        stateKey: found.key,
      },
      { episode: spikeEpisode(rule, found) },
    );
    const notified = await notifyIfDue(deps, alert, rule, shown);
    result.alerts.push({ alertId: alert.id, ruleId: rule.id, version: alert.version, notified });
  }
  return result;
}

/**
 * A spike episode that overlaps one already alerted on updates that alert instead of raising
 * another: the episode is handed to `upsertAlert`, which looks the overlap up in the same statement.
 */
function spikeEpisode(rule: Rule, found: Detection): { start: string; end: string } | null {
  const { episodeStart, episodeEnd } = found.numbers;
  if (rule.kind === "spike" && typeof episodeStart === "string" && typeof episodeEnd === "string") {
    return { start: episodeStart, end: episodeEnd };
  }
  return null;
}

/** Evaluates the given rules against the most recently active stories (after a rule edit). */
export async function evaluateRecent(deps: AlertsDeps, ruleIds: string[], limit = 500): Promise<number> {
  const ids = await recentStoryIds(deps.store.sql, limit);
  for (const id of ids) await evaluateStory(deps, id, { ruleIds });
  return ids.length;
}

/**
 * Sends the alert's current version to the matching subscriptions unless the rule's cooldown
 * since the last notification is still running; then a re-evaluation is queued for when it ends,
 * so the update is delivered late rather than lost.
 */
async function notifyIfDue(deps: AlertsDeps, alert: StoredAlert, rule: Rule, story: StoryRow): Promise<boolean> {
  if (alert.version <= alert.notifiedVersion) return false;
  const now = nowOf(deps);
  const since = alert.lastNotifiedAt ? now - Date.parse(alert.lastNotifiedAt) : Number.POSITIVE_INFINITY;
  const cooldownMs = rule.cooldownMinutes * 60_000;
  if (since < cooldownMs) {
    await deps.queues.add(
      "evaluate-alerts",
      { storyId: story.id, ruleIds: [rule.id] },
      // One per alert, not per version: every update inside one cooldown is sent by the same run.
      { dedupeKey: `ea-cool-${alert.id}`, delayMs: Math.ceil(cooldownMs - since) + 1000 },
    );
    return false;
  }
  const message: AlertMessage = {
    type: alert.notifiedVersion === 0 ? "alert.created" : "alert.updated",
    alert: {
      id: alert.id,
      title: alert.title,
      summary: alert.summary,
      kind: alert.kind,
      numbers: alert.numbers,
      evidence: alert.evidence,
      version: alert.version,
      firstRaisedAt: alert.firstRaisedAt,
      updatedAt: alert.updatedAt,
    },
    rule: { id: rule.id, name: rule.name, kind: rule.kind },
    story: {
      id: story.id,
      title: story.title,
      articleCount: story.articleCount,
      firstSeen: story.firstSeen,
      lastSeen: story.lastSeen,
    },
    dashboardUrl: dashboardUrl(deps, story.id),
  };
  const subs = (await listSubscriptions(deps.store.sql, { enabledOnly: true })).filter(
    (s) => s.ruleIds.length === 0 || s.ruleIds.includes(rule.id),
  );
  const sentAt = new Date(now).toISOString();
  for (const sub of subs) {
    const id = `dlv_${createHash("sha256").update(`${sub.id}|${alert.id}|${alert.version}`).digest("base64url").slice(0, 20)}`;
    await insertDelivery(deps.store.sql, {
      id,
      subscriptionId: sub.id,
      alertId: alert.id,
      alertVersion: alert.version,
      messageId: messageIdFor(alert.id, alert.version),
      eventType: message.type,
      body: renderBody(sub.format, message, sentAt),
    });
    // Queued even when the row existed: a crash between insert and enqueue must not lose it.
    await deps.queues.add("deliver-webhook", { deliveryId: id }, { dedupeKey: `dw-${id}-1` });
  }
  await markNotified(deps.store.sql, alert.id, alert.version, sentAt);
  deps.logger.info(
    { alertId: alert.id, ruleId: rule.id, storyId: story.id, version: alert.version, subscriptions: subs.length },
    "alert notified",
  );
  return true;
}
