import { SeismoError } from "@seismo/core";
import type { MiddlewareHandler } from "hono";
import type { AuthVariables } from "../auth/index.ts";

/**
 * Per-token fixed-window limit (requests per minute), in process memory. Behind several API
 * replicas each enforces its own share; a Redis-backed limiter is the upgrade path.
 */
export function rateLimit(perMinute: number): MiddlewareHandler<{ Variables: AuthVariables }> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const key = c.get("token")?.id ?? "anonymous";
    const now = Date.now();
    let w = windows.get(key);
    if (!w || now - w.start >= 60_000) {
      w = { start: now, count: 0 };
      windows.set(key, w);
      if (windows.size > 10_000) windows.clear();
    }
    w.count++;
    c.header("ratelimit-limit", String(perMinute));
    c.header("ratelimit-remaining", String(Math.max(0, perMinute - w.count)));
    if (w.count > perMinute) {
      const retry = Math.ceil((w.start + 60_000 - now) / 1000);
      c.header("retry-after", String(retry));
      throw new SeismoError(
        "rate_limited",
        `more than ${perMinute} requests a minute for this token; retry in ${retry} s`,
      );
    }
    await next();
  };
}
