import { SeismoError } from "@seismo/core";
import type { ApiRole, ApiToken, Store } from "@seismo/store";
import type { MiddlewareHandler } from "hono";

const RANK: Record<ApiRole, number> = { viewer: 0, analyst: 1, operator: 2 };

export type AuthVariables = { token: ApiToken; requestId: string };

const CACHE_MS = 5_000;

/**
 * Bearer-token authentication: the token is looked up by its hash; a missing or bad one is 401.
 * A verified token is remembered for 5 s so a busy dashboard does not query the database on every
 * request; a revocation therefore takes effect within 5 s.
 */
export function authenticate(store: Store): MiddlewareHandler<{ Variables: AuthVariables }> {
  const cache = new Map<string, { token: ApiToken; until: number }>();
  const verify = async (raw: string): Promise<ApiToken | null> => {
    const hit = cache.get(raw);
    if (hit && hit.until > Date.now()) return hit.token;
    const found = await store.tokens.verify(raw);
    if (cache.size > 1000) cache.clear();
    if (found) cache.set(raw, { token: found, until: Date.now() + CACHE_MS });
    else cache.delete(raw);
    return found;
  };
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const raw = match?.[1] ?? c.req.query("access_token");
    if (!raw) throw new SeismoError("unauthorized", "missing bearer token (Authorization: Bearer <token>)");
    const token = await verify(raw);
    if (!token) throw new SeismoError("unauthorized", "unknown or revoked token");
    c.set("token", token);
    await next();
  };
}

/** Refuses a token whose role ranks below `role` (operator > analyst > viewer). */
export function requireRole(role: ApiRole): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const token = c.get("token");
    if (RANK[token.role] < RANK[role]) {
      throw new SeismoError("forbidden", `this action needs the ${role} role; your token has ${token.role}`);
    }
    await next();
  };
}
