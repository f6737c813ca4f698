import type { SqlClient } from "@seismo/store";

export const WEBHOOK_FORMATS = ["standard", "slack", "teams"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export interface Subscription {
  id: string;
  name: string;
  url: string;
  ruleIds: string[];
  secret: string;
  format: WebhookFormat;
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface SubRow {
  id: string;
  name: string;
  url: string;
  rule_ids: string[];
  secret: string;
  format: WebhookFormat;
  enabled: boolean;
  disabled_reason: string | null;
  disabled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const toSub = (r: SubRow): Subscription => ({
  id: r.id,
  name: r.name,
  url: r.url,
  ruleIds: r.rule_ids,
  secret: r.secret,
  format: r.format,
  enabled: r.enabled,
  disabledReason: r.disabled_reason,
  disabledAt: iso(r.disabled_at),
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

export type SubscriptionValues = Pick<Subscription, "name" | "url" | "ruleIds" | "secret" | "format" | "enabled">;

export async function insertSubscription(sql: SqlClient, id: string, v: SubscriptionValues): Promise<Subscription> {
  const [row] = await sql.query<SubRow>(
    `INSERT INTO webhook_subscriptions (id, name, url, rule_ids, secret, format, enabled)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7) RETURNING *`,
    [id, v.name, v.url, JSON.stringify(v.ruleIds), v.secret, v.format, v.enabled],
  );
  if (!row) throw new Error("subscription insert returned no row");
  return toSub(row);
}

/** Saves edited values; enabling a subscription again clears the reason it was disabled. */
export async function updateSubscription(sql: SqlClient, id: string, v: SubscriptionValues) {
  const [row] = await sql.query<SubRow>(
    `UPDATE webhook_subscriptions SET name = $2, url = $3, rule_ids = $4::jsonb, secret = $5, format = $6, enabled = $7,
       disabled_reason = CASE WHEN $7 THEN NULL ELSE disabled_reason END,
       disabled_at = CASE WHEN $7 THEN NULL ELSE disabled_at END, updated_at = now()
     WHERE id = $1 RETURNING *`,
    [id, v.name, v.url, JSON.stringify(v.ruleIds), v.secret, v.format, v.enabled],
  );
  return row ? toSub(row) : null;
}

export async function disableSubscription(sql: SqlClient, id: string, reason: string): Promise<void> {
  await sql.query(
    `UPDATE webhook_subscriptions SET enabled = false, disabled_reason = $2, disabled_at = now(), updated_at = now()
     WHERE id = $1 AND enabled`,
    [id, reason],
  );
}

export async function getSubscription(sql: SqlClient, id: string): Promise<Subscription | null> {
  const [row] = await sql.query<SubRow>("SELECT * FROM webhook_subscriptions WHERE id = $1", [id]);
  return row ? toSub(row) : null;
}

export async function listSubscriptions(sql: SqlClient, options: { enabledOnly?: boolean } = {}) {
  const rows = await sql.query<SubRow>(
    "SELECT * FROM webhook_subscriptions WHERE ($1::boolean = false OR enabled) ORDER BY created_at, id",
    [options.enabledOnly ?? false],
  );
  return rows.map(toSub);
}

export async function deleteSubscription(sql: SqlClient, id: string): Promise<boolean> {
  return (await sql.query("DELETE FROM webhook_subscriptions WHERE id = $1 RETURNING id", [id])).length > 0;
}

export type DeliveryStatus = "pending" | "retrying" | "delivered" | "failed" | "cancelled";

export interface Delivery {
  id: string;
  subscriptionId: string;
  alertId: string;
  alertVersion: number;
  messageId: string;
  eventType: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  windowStartedAt: string;
  deliveredAt: string | null;
}

interface DeliveryRow {
  id: string;
  subscription_id: string;
  alert_id: string;
  alert_version: number;
  message_id: string;
  event_type: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  created_at: Date;
  window_started_at: Date;
  delivered_at: Date | null;
}

const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  alertId: r.alert_id,
  alertVersion: r.alert_version,
  messageId: r.message_id,
  eventType: r.event_type,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: iso(r.next_attempt_at),
  lastError: r.last_error,
  createdAt: new Date(r.created_at).toISOString(),
  windowStartedAt: new Date(r.window_started_at).toISOString(),
  deliveredAt: iso(r.delivered_at),
});

/** Creates the delivery of one alert version to one subscription; null when it already exists. */
export async function insertDelivery(
  sql: SqlClient,
  d: Pick<Delivery, "id" | "subscriptionId" | "alertId" | "alertVersion" | "messageId" | "eventType" | "body">,
): Promise<Delivery | null> {
  const [row] = await sql.query<DeliveryRow>(
    `INSERT INTO webhook_deliveries (id, subscription_id, alert_id, alert_version, message_id, event_type, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (subscription_id, alert_id, alert_version) DO NOTHING RETURNING *`,
    [d.id, d.subscriptionId, d.alertId, d.alertVersion, d.messageId, d.eventType, d.body],
  );
  return row ? toDelivery(row) : null;
}

export async function getDelivery(sql: SqlClient, id: string): Promise<Delivery | null> {
  const [row] = await sql.query<DeliveryRow>("SELECT * FROM webhook_deliveries WHERE id = $1", [id]);
  return row ? toDelivery(row) : null;
}

export async function listDeliveries(sql: SqlClient, subscriptionId: string, limit: number): Promise<Delivery[]> {
  const rows = await sql.query<DeliveryRow>(
    "SELECT * FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY created_at DESC, id LIMIT $2",
    [subscriptionId, limit],
  );
  return rows.map(toDelivery);
}

export async function setDeliveryState(
  sql: SqlClient,
  id: string,
  s: { status: DeliveryStatus; attempts?: number; nextAttemptAt?: string | null; lastError?: string | null },
): Promise<void> {
  await sql.query(
    `UPDATE webhook_deliveries SET status = $2, attempts = coalesce($3, attempts), next_attempt_at = $4,
       last_error = CASE WHEN $6 THEN $5 ELSE last_error END,
       delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE delivered_at END
     WHERE id = $1`,
    [id, s.status, s.attempts ?? null, s.nextAttemptAt ?? null, s.lastError ?? null, s.lastError !== undefined],
  );
}

/** Puts a delivery back in the queue's hands with a fresh retry window (manual replay). */
export async function resetDelivery(sql: SqlClient, id: string): Promise<Delivery | null> {
  const [row] = await sql.query<DeliveryRow>(
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = NULL, window_started_at = now()
     WHERE id = $1 RETURNING *`,
    [id],
  );
  return row ? toDelivery(row) : null;
}

export interface Attempt {
  attempt: number;
  at: string;
  httpStatus: number | null;
  latencyMs: number;
  responseExcerpt: string | null;
  error: string | null;
}

export async function insertAttempt(sql: SqlClient, deliveryId: string, a: Omit<Attempt, "at">): Promise<void> {
  await sql.query(
    `INSERT INTO webhook_attempts (delivery_id, attempt, http_status, latency_ms, response_excerpt, error)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [deliveryId, a.attempt, a.httpStatus, Math.round(a.latencyMs), a.responseExcerpt, a.error],
  );
}

export async function attemptsOf(sql: SqlClient, deliveryIds: string[]): Promise<Map<string, Attempt[]>> {
  const out = new Map<string, Attempt[]>(deliveryIds.map((id) => [id, []]));
  if (deliveryIds.length === 0) return out;
  const rows = await sql.query<{
    delivery_id: string;
    attempt: number;
    at: Date;
    http_status: number | null;
    latency_ms: number;
    response_excerpt: string | null;
    error: string | null;
  }>("SELECT * FROM webhook_attempts WHERE delivery_id = ANY($1::text[]) ORDER BY delivery_id, id", [deliveryIds]);
  for (const r of rows) {
    out.get(r.delivery_id)?.push({
      attempt: r.attempt,
      at: new Date(r.at).toISOString(),
      httpStatus: r.http_status,
      latencyMs: r.latency_ms,
      responseExcerpt: r.response_excerpt,
      error: r.error,
    });
  }
  return out;
}
