export interface BackoffOptions {
  /** Delay ceiling for attempt 0, doubled per attempt. */
  baseMs?: number;
  /** Largest delay the exponential part may reach. */
  capMs?: number;
  /** A server's Retry-After is honoured up to this much (a misconfigured server may say "a year"). */
  maxRetryAfterMs?: number;
  /** Injectable for tests; must return a number in [0, 1). */
  random?: () => number;
}

/**
 * Delay before retry number `attempt` (0-based): "full jitter" exponential backoff, a uniform
 * random value in [0, min(cap, base·2^attempt)), so many workers that failed together do not
 * retry together. A server's Retry-After is a floor: we never come back sooner than it asked.
 */
export function backoffDelay(attempt: number, retryAfterMs?: number | null, options: BackoffOptions = {}): number {
  const baseMs = options.baseMs ?? 1_000;
  const capMs = options.capMs ?? 5 * 60_000;
  const random = options.random ?? Math.random;
  const exponent = Math.min(Math.max(0, Math.floor(Number.isFinite(attempt) ? attempt : 0)), 52);
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  const jittered = Math.floor(random() * ceiling);
  if (retryAfterMs === undefined || retryAfterMs === null || !Number.isFinite(retryAfterMs)) return jittered;
  const floor = Math.min(Math.max(0, retryAfterMs), options.maxRetryAfterMs ?? 6 * 60 * 60_000);
  return Math.max(floor, jittered);
}

/**
 * Parses a Retry-After header: either delta-seconds ("120") or an HTTP-date
 * ("Wed, 21 Oct 2015 07:28:00 GMT"). Returns milliseconds from `now` (never negative),
 * or null when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Date.parse accepts loose strings such as "1"; HTTP-dates always carry a letter (weekday, month, GMT).
  if (!/[a-z]/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}
