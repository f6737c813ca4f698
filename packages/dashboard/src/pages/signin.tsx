/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { ApiRole, ApiToken } from "@seismo/store";
import type { Context, Hono } from "hono";
import { type DashEnv, endSession, safeNext, sameOrigin, startSession } from "../auth/index.ts";
import type { DashboardDeps } from "../deps.ts";
import { Layout } from "../ui/layout.tsx";

function SignIn(props: { next: string; error?: string }) {
  return (
    <Layout title="Sign in" user={null}>
      <div class="signin">
        <div class="card stack">
          <div>
            <h1>Sign in</h1>
            <p class="sub">Use the API token an operator gave you. It stays in an HttpOnly cookie on this browser.</p>
          </div>
          {props.error ? (
            <p class="error" role="alert">
              {props.error}
            </p>
          ) : null}
          <form method="post" action="/signin" class="stack">
            <input type="hidden" name="next" value={props.next} />
            <div class="field">
              <label for="token">API token</label>
              <input
                id="token"
                name="token"
                type="password"
                autocomplete="current-password"
                required
                autofocus
                aria-describedby="token-help"
              />
              <span id="token-help" class="muted">
                On first start Seismo prints an operator token and saves it to <code>data/api-token.txt</code>.
              </span>
            </div>
            <button type="submit" class="btn">
              Sign in
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
}

export function forbidden(c: Context<DashEnv>, user: ApiToken, role: ApiRole): Response | Promise<Response> {
  return c.html(
    <Layout title="Not allowed" user={user}>
      <div class="card empty" role="alert">
        <h1>This page needs the {role} role</h1>
        <p>
          You are signed in as <b>{user.name}</b> with the <b>{user.role}</b> role. Ask an operator for a token with
          more access, or go back to the <a href="/">overview</a>.
        </p>
      </div>
    </Layout>,
    403,
  );
}

export function registerSignIn(app: Hono<DashEnv>, deps: DashboardDeps): void {
  app.get("/signin", (c) => c.html(<SignIn next={safeNext(c.req.query("next"))} />));
  app.post("/signin", async (c) => {
    if (!sameOrigin(c)) return c.text("cross-site form post refused", 403);
    const form = await c.req.parseBody();
    const next = safeNext(typeof form.next === "string" ? form.next : undefined);
    const token = typeof form.token === "string" ? form.token.trim() : "";
    const user = token ? await deps.store.tokens.verify(token) : null;
    if (!user) return c.html(<SignIn next={next} error="That token is unknown or has been revoked." />, 401);
    startSession(c, token);
    return c.redirect(next, 303);
  });
  app.post("/signout", (c) => {
    if (!sameOrigin(c)) return c.text("cross-site form post refused", 403);
    endSession(c);
    return c.redirect("/signin", 303);
  });
}
