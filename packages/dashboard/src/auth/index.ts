import type { ApiRole, ApiToken, Store } from "@seismo/store";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

export type DashEnv = { Variables: { user: ApiToken } };

export const SESSION_COOKIE = "seismo_session";
export const RANK: Record<ApiRole, number> = { viewer: 0, analyst: 1, operator: 2 };
export const canSee = (user: ApiToken, role: ApiRole): boolean => RANK[user.role] >= RANK[role];

const isHttps = (c: Context) =>
  new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";

/**
 * The session is the API token itself in an HttpOnly, SameSite=Strict cookie: it is verified on
 * every request, so revoking the token signs the browser out at once and there is no session table.
 */
export function startSession(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    secure: isHttps(c),
    maxAge: 7 * 86400,
  });
}

export function endSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c) });
}

/** A form post must come from this origin; SameSite=Strict already holds, this is the second lock. */
export function sameOrigin(c: Context): boolean {
  const origin = c.req.header("origin");
  if (!origin || origin === "null") return origin === undefined;
  try {
    return new URL(origin).host === (c.req.header("host") ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

/** A relative path to return to after sign-in; anything else (other hosts, `//x`) goes home. */
export function safeNext(next: string | undefined): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

/**
 * Lets a signed-in user with at least `role` through; redirects strangers to sign-in and answers
 * 403 (rendered by `forbidden`) to a user whose role ranks too low.
 */
export function guard(
  store: Store,
  role: ApiRole,
  forbidden: (c: Context<DashEnv>, user: ApiToken, role: ApiRole) => Response | Promise<Response>,
): MiddlewareHandler<DashEnv> {
  return async (c, next) => {
    if (c.req.method === "POST" && !sameOrigin(c)) return c.text("cross-site form post refused", 403);
    const raw = getCookie(c, SESSION_COOKIE);
    const user = raw ? await store.tokens.verify(raw) : null;
    if (!user) {
      if (raw) endSession(c);
      const url = new URL(c.req.url);
      const target = `/signin?next=${encodeURIComponent(url.pathname + url.search)}`;
      if (c.req.header("hx-request")) {
        c.header("HX-Redirect", target);
        return c.body(null, 401);
      }
      return c.redirect(target, 303);
    }
    if (!canSee(user, role)) return forbidden(c, user, role);
    c.set("user", user);
    await next();
  };
}
