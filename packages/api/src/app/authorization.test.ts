import { SeismoError } from "@seismo/core";
import { silentLogger } from "@seismo/observability";
import { type ApiRole, Store } from "@seismo/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "./index.ts";

/**
 * The access policy, one line per route: the lowest role allowed. Every route of the OpenAPI
 * document must appear here, so a new route cannot ship without a decision about who may call it.
 */
const POLICY: Record<string, ApiRole | "public"> = {
  "GET /api/v1/health": "public",
  "GET /api/v1/trends": "viewer",
  "GET /api/v1/stream": "viewer",
  "GET /api/v1/articles": "analyst",
  "GET /api/v1/articles/{id}": "analyst",
  "GET /api/v1/indicators": "analyst",
  "GET /api/v1/stories": "analyst",
  "GET /api/v1/stories/{id}": "analyst",
  "GET /api/v1/framing": "analyst",
  "GET /api/v1/places": "analyst",
  "GET /api/v1/places/{id}": "analyst",
  "GET /api/v1/actors": "analyst",
  "GET /api/v1/actors/{id}": "analyst",
  "GET /api/v1/alert-rules": "analyst",
  "GET /api/v1/alert-rules/{id}": "analyst",
  "POST /api/v1/alert-rules": "analyst",
  "PATCH /api/v1/alert-rules/{id}": "analyst",
  "DELETE /api/v1/alert-rules/{id}": "analyst",
  "GET /api/v1/alerts": "analyst",
  "GET /api/v1/alerts/{id}": "analyst",
  "GET /api/v1/webhooks": "operator",
  "GET /api/v1/webhooks/{id}": "operator",
  "POST /api/v1/webhooks": "operator",
  "PATCH /api/v1/webhooks/{id}": "operator",
  "DELETE /api/v1/webhooks/{id}": "operator",
  "GET /api/v1/webhooks/{id}/deliveries": "operator",
  "POST /api/v1/webhook-deliveries/{id}/replay": "operator",
  "GET /api/v1/sources": "analyst",
  "GET /api/v1/sources/{id}": "analyst",
  "GET /api/v1/sources/{id}/fetches": "analyst",
  "POST /api/v1/sources": "operator",
  "POST /api/v1/sources/discover": "operator",
  "PATCH /api/v1/sources/{id}": "operator",
  "DELETE /api/v1/sources/{id}": "operator",
  "POST /api/v1/sources/{id}/fetch": "operator",
};
const RANK = { viewer: 0, analyst: 1, operator: 2 } as const;

let store: Store;
let app: ReturnType<typeof createApi>;
const tokens = {} as Record<ApiRole, string>;

beforeAll(async () => {
  store = await Store.open({ kind: "pglite" });
  app = createApi({
    store,
    redisPing: async () => true,
    logger: silentLogger(),
    fetchPage: async (url) => {
      throw new SeismoError("fetch_failed", `no network: ${url}`);
    },
  });
  for (const role of ["viewer", "analyst", "operator"] as const)
    tokens[role] = (await store.tokens.create(role, role)).token;
});
afterAll(() => store.close());

async function call(method: string, path: string, token: string | null) {
  const res = await app.request(path.replace(/\{id\}/g, "nope"), {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
    ...(method === "GET" || method === "DELETE" ? {} : { body: "{}" }),
  });
  await res.body?.cancel();
  return res.status;
}

describe("authorization matrix", () => {
  it("covers every route of the OpenAPI document", async () => {
    const spec = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const extra = ["GET /api/v1/stream"]; // plain Hono route (SSE), not in the OpenAPI document
    expect([...routes, ...extra].sort()).toEqual(Object.keys(POLICY).sort());
  });

  for (const [route, lowest] of Object.entries(POLICY)) {
    const [method, path] = route.split(" ") as [string, string];
    it(`${route}: ${lowest === "public" ? "open to all" : `refused without a token and below ${lowest}`}`, async () => {
      if (lowest === "public") {
        expect(await call(method, path, null)).toBe(200);
        return;
      }
      expect(await call(method, path, null)).toBe(401);
      for (const role of ["viewer", "analyst", "operator"] as const) {
        const status = await call(method, path, tokens[role]);
        if (RANK[role] < RANK[lowest]) expect(status, `${role} on ${route}`).toBe(403);
        else expect([401, 403], `${role} on ${route} got ${status}`).not.toContain(status);
      }
    });
  }
});
