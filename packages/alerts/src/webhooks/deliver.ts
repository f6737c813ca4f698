import { errorMessage, SeismoError } from "@seismo/core";
import {
  type Delivery,
  disableSubscription,
  getDelivery,
  getSubscription,
  insertAttempt,
  resetDelivery,
  setDeliveryState,
} from "../data/webhooks.ts";
import { type AlertsDeps, DEFAULT_DELIVERY, type DeliveryOptions, nowOf } from "../deps.ts";
import { isEmailUrl, sendAlertEmail } from "../email/index.ts";
import { signedHeaders } from "./sign.ts";

const EXCERPT_CHARS = 500;

export type DeliveryOutcome =
  | { outcome: "delivered"; status: number; attempt: number }
  | { outcome: "retrying"; attempt: number; delayMs: number; error: string }
  | { outcome: "failed"; attempt: number; error: string }
  | { outcome: "skipped"; reason: string };

/** The wait before attempt `attempt + 1`: doubling from the base, capped, with ±20 % jitter. */
export function retryDelay(attempt: number, options: DeliveryOptions, random: () => number = Math.random): number {
  const raw = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/**
 * One signed attempt at a delivery, logged with its status, latency and response excerpt. A
 * failure schedules the next attempt (a new delayed job) until the retry window (24 h) is spent;
 * then the delivery fails and the subscription is disabled with the reason. The webhook-id is the
 * delivery's message id, the same on every attempt, so receivers can drop repeats. A `mailto:`
 * subscription gets the alert by e-mail instead (SMTP reply code logged as the status).
 */
export async function deliverOnce(deps: AlertsDeps, deliveryId: string): Promise<DeliveryOutcome> {
  const sql = deps.store.sql;
  const options = { ...DEFAULT_DELIVERY, ...deps.delivery };
  const delivery = await getDelivery(sql, deliveryId);
  if (!delivery) throw new SeismoError("not_found", `delivery ${deliveryId} does not exist`, { retryable: false });
  if (delivery.status === "delivered" || delivery.status === "cancelled") {
    return { outcome: "skipped", reason: delivery.status };
  }
  const sub = await getSubscription(sql, delivery.subscriptionId);
  if (!sub?.enabled) {
    const reason = `subscription disabled${sub?.disabledReason ? `: ${sub.disabledReason}` : ""}`;
    await setDeliveryState(sql, deliveryId, { status: "cancelled", lastError: reason });
    return { outcome: "skipped", reason };
  }
  const attempt = delivery.attempts + 1;
  const headers = signedHeaders(sub.secret, delivery.messageId, delivery.body, nowOf(deps));
  const started = performance.now();
  let status: number | null = null;
  let excerpt: string | null = null;
  let error: string | null = null;
  let permanent = false;
  try {
    const res = isEmailUrl(sub.url)
      ? await sendAlertEmail(deps.mailer, sub.url, delivery)
      : await deps.poster.post(sub.url, delivery.body, { ...headers });
    status = res.status;
    excerpt = res.body.slice(0, EXCERPT_CHARS);
    if (status < 200 || status >= 300) error = `HTTP ${status}`; // an SMTP 250 passes too
    // 410 Gone: the receiver says the endpoint is gone for good (Standard Webhooks).
    permanent = status === 410;
  } catch (err) {
    error = errorMessage(err);
    permanent = err instanceof SeismoError && !err.retryable;
  }
  const latencyMs = performance.now() - started;
  await insertAttempt(sql, deliveryId, { attempt, httpStatus: status, latencyMs, responseExcerpt: excerpt, error });
  deps.metrics?.fetchesTotal.inc({ kind: "webhook", outcome: error ? "error" : "ok" });
  const log = deps.logger.child({ component: "webhooks", deliveryId, subscriptionId: sub.id });
  if (!error && status !== null) {
    await setDeliveryState(sql, deliveryId, { status: "delivered", attempts: attempt, lastError: null });
    log.debug({ attempt, status, latencyMs }, "webhook delivered");
    return { outcome: "delivered", status, attempt };
  }
  const message = error ?? "unknown error";
  const delayMs = retryDelay(attempt, options);
  const age = nowOf(deps) - Date.parse(delivery.windowStartedAt);
  if (permanent || age + delayMs > options.maxAgeMs) {
    await setDeliveryState(sql, deliveryId, { status: "failed", attempts: attempt, lastError: message });
    const why = permanent
      ? `delivery ${deliveryId} failed permanently: ${message}`
      : `delivery ${deliveryId} failed ${attempt} times over ${Math.round(age / 60_000)} min; last error: ${message}`;
    await disableSubscription(sql, sub.id, why);
    log.warn({ attempt, err: message }, "webhook delivery failed; subscription disabled");
    return { outcome: "failed", attempt, error: message };
  }
  await setDeliveryState(sql, deliveryId, {
    status: "retrying",
    attempts: attempt,
    nextAttemptAt: new Date(nowOf(deps) + delayMs).toISOString(),
    lastError: message,
  });
  await deps.queues.add("deliver-webhook", { deliveryId }, { dedupeKey: `dw-${deliveryId}-${attempt + 1}`, delayMs });
  log.info({ attempt, delayMs, err: message }, "webhook delivery failed; retry scheduled");
  return { outcome: "retrying", attempt, delayMs, error: message };
}

/** Sends a delivery again now, with a fresh retry window (same message id: receivers dedupe). */
export async function replayDelivery(
  deps: Pick<AlertsDeps, "store" | "queues">,
  deliveryId: string,
): Promise<Delivery> {
  const delivery = await getDelivery(deps.store.sql, deliveryId);
  if (!delivery) throw new SeismoError("not_found", `no delivery ${deliveryId}`);
  const sub = await getSubscription(deps.store.sql, delivery.subscriptionId);
  if (!sub?.enabled) {
    throw new SeismoError(
      "conflict",
      `subscription ${delivery.subscriptionId} is disabled${sub?.disabledReason ? ` (${sub.disabledReason})` : ""}; enable it first`,
    );
  }
  const reset = await resetDelivery(deps.store.sql, deliveryId);
  if (!reset) throw new SeismoError("not_found", `no delivery ${deliveryId}`);
  await deps.queues.add(
    "deliver-webhook",
    { deliveryId },
    { dedupeKey: `dw-${deliveryId}-replay-${Date.now().toString(36)}` },
  );
  return reset;
}
