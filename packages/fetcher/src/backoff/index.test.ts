import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter } from "./index.ts";

describe("backoffDelay", () => {
  it("grows exponentially with full jitter under the cap", () => {
    expect(backoffDelay(0, undefined, { random: () => 0.999 })).toBe(999);
    expect(backoffDelay(3, undefined, { random: () => 0.5 })).toBe(4000);
    expect(backoffDelay(30, undefined, { random: () => 0.999 })).toBe(299_700);
    expect(backoffDelay(5, undefined, { random: () => 0 })).toBe(0);
  });

  it("never comes back sooner than Retry-After", () => {
    expect(backoffDelay(0, 7000, { random: () => 0.5 })).toBe(7000);
    expect(backoffDelay(10, 1000, { random: () => 0.5 })).toBe(300_000 / 2);
  });

  it("stays within [0, cap] or at Retry-After for any input", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 10_000 }),
        fc.option(fc.double({ min: -1e6, max: 1e9, noNaN: true })),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (attempt, retryAfterMs, r) => {
          const delay = backoffDelay(attempt, retryAfterMs, { random: () => r });
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(delay)).toBe(true);
          const floor = retryAfterMs === null ? 0 : Math.min(Math.max(0, retryAfterMs), 6 * 3_600_000);
          expect(delay).toBeLessThanOrEqual(Math.max(300_000, floor));
          expect(delay).toBeGreaterThanOrEqual(floor);
        },
      ),
    );
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");

  it("reads delta-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });

  it("reads an HTTP-date, and a past date as zero", () => {
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:02:00 GMT", now)).toBe(120_000);
    expect(parseRetryAfter("Tue, 31 Dec 2024 23:00:00 GMT", now)).toBe(0);
  });

  it("returns null for missing or unreadable values", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("1.5", now)).toBeNull();
  });
});
