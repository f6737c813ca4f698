import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A new signing secret in the Standard Webhooks form: "whsec_" + base64 of 24 random bytes. */
export const generateSecret = (): string => `whsec_${randomBytes(24).toString("base64")}`;

export const isValidSecret = (secret: string): boolean =>
  /^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret) && secretKey(secret).length >= 16;

/** The HMAC key: the base64 part after "whsec_". */
export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
}

/** "v1," + base64 HMAC-SHA256 of `${id}.${timestamp}.${body}` (Standard Webhooks). */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

export interface WebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/** The three headers of one attempt: the id stays the same on every retry, the timestamp does not. */
export function signedHeaders(secret: string, id: string, body: string, now: number = Date.now()): WebhookHeaders {
  const timestamp = Math.floor(now / 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": sign(secret, id, timestamp, body),
  };
}

/**
 * What a receiver does: recompute the signature over the raw body and compare in constant time,
 * accepting any of the space-separated signatures (secret rotation) and refusing timestamps more
 * than `toleranceSeconds` away (replayed requests).
 */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const one = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const id = one("webhook-id");
  const timestamp = Number(one("webhook-timestamp"));
  const signatures = one("webhook-signature");
  if (!id || !Number.isInteger(timestamp) || !signatures) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(sign(secret, id, timestamp, body).slice(3), "base64");
  return signatures.split(" ").some((s) => {
    const [version, value] = s.split(",", 2);
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
