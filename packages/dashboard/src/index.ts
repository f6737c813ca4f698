import { Hono } from "hono";
import { registerAssets } from "./assets/index.ts";
import type { DashEnv } from "./auth/index.ts";
import type { DashboardDeps } from "./deps.ts";
import { registerActors } from "./pages/actors.tsx";
import { registerAlerts } from "./pages/alerts.tsx";
import { registerArticles } from "./pages/articles.tsx";
import { registerLive } from "./pages/live.ts";
import { registerMap } from "./pages/map.tsx";
import { registerOperator } from "./pages/operator.tsx";
import { registerOverview } from "./pages/overview.tsx";
import { registerPlaces } from "./pages/places.tsx";
import { registerRules } from "./pages/rules.tsx";
import { registerSignIn } from "./pages/signin.tsx";
import { registerStories } from "./pages/stories.tsx";
import { registerTokens } from "./pages/tokens.tsx";
import { registerWebhookLog } from "./pages/webhook-log.tsx";
import { registerWebhooks } from "./pages/webhooks.tsx";

export { DASHBOARD_UPDATE_EVENT, type DashboardDeps } from "./deps.ts";

const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
};

/**
 * Mounts the analyst dashboard on `app`: pages on `/` (sign-in, overview, stories, articles, map,
 * places, actors, alerts and their rules, operator pages) and their assets under `/ui/assets/*`. Pages render on the server; the browser
 * only adds htmx (live refresh) and uPlot (charts), both served from installed npm packages.
 */
// biome-ignore lint/suspicious/noExplicitAny: mounts on any app env
export function registerDashboard(app: Hono<any>, deps: DashboardDeps): void {
  const ui = new Hono<DashEnv>();
  registerAssets(ui);
  registerSignIn(ui, deps);
  registerOverview(ui, deps);
  registerStories(ui, deps);
  registerArticles(ui, deps);
  registerMap(ui, deps);
  registerPlaces(ui, deps);
  registerActors(ui, deps);
  registerOperator(ui, deps);
  registerTokens(ui, deps);
  registerAlerts(ui, deps);
  registerRules(ui, deps);
  registerWebhooks(ui, deps);
  registerWebhookLog(ui, deps);
  registerLive(ui, deps);
  // Headers are set per route, not with app.use("*"), so the host app's API routes stay untouched.
  const wrapped = new Hono<DashEnv>();
  const seen = new Set<string>();
  for (const route of ui.routes) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    wrapped.on(route.method, route.path, async (c, next) => {
      await next();
      if (c.res.headers.get("content-type")?.startsWith("text/html")) {
        for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
      }
    });
  }
  wrapped.route("/", ui);
  app.route("/", wrapped);
}
