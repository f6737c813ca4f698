import { OpenAPIHono } from "@hono/zod-openapi";
import { errorMessage, SeismoError } from "@seismo/core";
import { registerDashboard } from "@seismo/dashboard";
import type { Logger, Metrics } from "@seismo/observability";
import type { QueueSet } from "@seismo/queue";
import type { PageFetcher } from "@seismo/sources";
import { SourceService } from "@seismo/sources";
import type { Store } from "@seismo/store";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { requestId } from "hono/request-id";
import { type AuthVariables, authenticate } from "../auth/index.ts";
import { registerDocs } from "../docs/index.ts";
import { sendError, toErrorResponse } from "../errors/index.ts";
import { rateLimit } from "../rate-limit/index.ts";
import { registerActors } from "../routes/actors.ts";
import { registerAlerts } from "../routes/alerts.ts";
import { registerArticles } from "../routes/articles.ts";
import { registerFraming } from "../routes/framing.ts";
import { registerHealth } from "../routes/health.ts";
import { registerIndicators } from "../routes/indicators.ts";
import { registerPlaces } from "../routes/places.ts";
import { registerSources } from "../routes/sources.ts";
import { registerStories } from "../routes/stories.ts";
import { registerStream } from "../routes/stream.ts";
import { registerTrends } from "../routes/trends.ts";

export interface ApiDeps {
  store: Store;
  queues?: QueueSet | undefined;
  redisPing: () => Promise<boolean>;
  logger: Logger;
  metrics?: Metrics | undefined;
  /** How the API fetches a URL when an operator adds a source (the pipeline's polite fetcher). */
  fetchPage: PageFetcher;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins?: string[];
  /** Dispatches "update" when new indicators or alerts arrive: the dashboard pushes them live (SSE). */
  events?: EventTarget;
  /** Requests per minute per token (default 600). */
  rateLimitPerMinute?: number;
}

/** Builds the HTTP app: routes, auth, docs and the dashboard. It does not listen. */
export function createApi(deps: ApiDeps) {
  const log = deps.logger.child({ component: "api" });
  const limiter = rateLimit(deps.rateLimitPerMinute ?? 600);
  const auth = authenticate(deps.store);
  const app = new OpenAPIHono<{ Variables: AuthVariables }>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const message = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
        return sendError(c, 400, "bad_request", message);
      }
    },
  });
  app.use("*", requestId());
  if (deps.corsOrigins && deps.corsOrigins.length > 0) {
    app.use("/api/*", cors({ origin: deps.corsOrigins, allowHeaders: ["authorization", "content-type"], maxAge: 600 }));
  }
  // ETags hash the whole body, so streamed responses (SSE, exports) must not pass through them.
  const withEtag = etag();
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw new SeismoError("too_large", "request body larger than 1 MiB");
      },
    }),
  );
  app.use("/api/*", (c, next) => {
    const streamed = c.req.path === "/api/v1/stream" || /^(csv|jsonl|geojson)$/.test(c.req.query("format") ?? "");
    return streamed ? next() : withEtag(c, next);
  });
  app.onError((error, c) =>
    toErrorResponse(c, error, (err) => {
      deps.metrics?.errorsTotal.inc({ component: "api" });
      log.error({ err: errorMessage(err), requestId: c.get("requestId"), path: c.req.path }, "unhandled API error");
    }),
  );
  app.notFound((c) => sendError(c, 404, "not_found", `no route for ${c.req.method} ${c.req.path}`));

  registerHealth(app as unknown as OpenAPIHono, deps);
  app.use("/api/v1/*", async (c, next) => {
    if (c.req.path === "/api/v1/health") return next();
    return auth(c, next);
  });
  app.use("/api/v1/*", async (c, next) => (c.req.path === "/api/v1/health" ? next() : limiter(c, next)));
  registerArticles(app, deps);
  registerTrends(app, deps);
  registerIndicators(app, deps);
  registerStories(app, deps);
  registerFraming(app, deps);
  registerPlaces(app, deps);
  registerActors(app, deps);
  registerAlerts(app, deps);
  registerStream(app, deps);
  registerSources(app, {
    sources: new SourceService({ store: deps.store, queues: deps.queues, fetchPage: deps.fetchPage }),
  });

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Seismo API", version: "1", description: "Tension indicators from the news, with evidence." },
  });
  registerDocs(app);
  registerDashboard(app, {
    store: deps.store,
    ...(deps.events ? { events: deps.events } : {}),
    ...(deps.queues ? { queues: deps.queues } : {}),
  });
  if (deps.metrics) {
    const metrics = deps.metrics;
    app.get("/metrics", async (c) => {
      // Queue depth is read from Redis at scrape time, so it is right whichever process runs the workers.
      if (deps.queues) {
        for (const [queue, counts] of Object.entries(await deps.queues.counts())) {
          for (const [state, n] of Object.entries(counts)) metrics.queueDepth.set({ queue, state }, n);
        }
      }
      return c.text(await metrics.registry.metrics(), 200, { "content-type": metrics.registry.contentType });
    });
  }
  return app;
}

export type ApiApp = ReturnType<typeof createApi>;
