import { Store } from "@seismo/store";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerDashboard } from "./index.ts";

let store: Store;
let app: Hono;
const tokens: Record<"operator" | "analyst" | "viewer", string> = { operator: "", analyst: "", viewer: "" };
let articleId: string;
let sourceId: string;

const TEXT = "Police clashed with protesters in Zvečan. No movement of troops has been observed near Jarinje.";

beforeAll(async () => {
  store = await Store.open({ kind: "pglite" });
  app = new Hono();
  app.get("/api/v1/ping", (c) => c.json({ ok: true }));
  registerDashboard(app, { store });
  for (const role of ["operator", "analyst", "viewer"] as const)
    tokens[role] = (await store.tokens.create(role, role)).token;
  const source = await store.sources.upsert({ name: "Balkan Wire", url: "https://example.org/feed" });
  sourceId = source.id;
  await store.sources.recordPoll(
    { sourceId, httpStatus: 200, itemsNew: 1, itemsSeen: 3, bytes: 100, durationMs: 12, error: null },
    { etag: null, lastModified: null },
  );
  const { article } = await store.articles.upsert({
    sourceId,
    url: "https://example.org/articles/seed-009",
    canonicalUrl: "https://example.org/articles/seed-009",
    title: "Clashes in Zvečan",
    byline: null,
    publishedAt: "2023-09-29T08:00:00Z",
    language: "en",
    text: TEXT,
  });
  articleId = article.id;
  const at = (word: string) => TEXT.indexOf(word);
  await store.indicators.replaceForArticle(article, [
    {
      type: "clash",
      modality: "asserted",
      evidence: { text: "clashed", start: at("clashed"), end: at("clashed") + 7, sentence: TEXT.slice(0, 41) },
      actors: ["police"],
      places: ["Zvečan"],
      confidence: 0.9,
      intensity: 0.6,
    },
    {
      type: "deployment",
      modality: "negated",
      evidence: { text: "movement", start: at("movement"), end: at("movement") + 8, sentence: TEXT.slice(42) },
      actors: ["troops"],
      places: ["Jarinje"],
      confidence: 0.8,
      intensity: 0.5,
    },
  ]);
});
afterAll(() => store.close());

const as = (role: keyof typeof tokens, init: RequestInit = {}) => ({
  ...init,
  headers: { cookie: `seismo_session=${tokens[role]}`, ...(init.headers as Record<string, string> | undefined) },
});
const form = (body: Record<string, string>, role?: keyof typeof tokens) => {
  const init = {
    method: "POST",
    body: new URLSearchParams(body),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  };
  return role ? { ...init, headers: { ...init.headers, cookie: `seismo_session=${tokens[role]}` } } : init;
};

describe("sign-in", () => {
  it("sends a stranger to the sign-in page and back afterwards", async () => {
    const res = await app.request("/stories?x=1");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/signin?next=%2Fstories%3Fx%3D1");
  });

  it("refuses an unknown token", async () => {
    const res = await app.request("/signin", form({ token: "smo_nope", next: "/" }));
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("unknown or has been revoked");
  });

  it("sets an HttpOnly SameSite=Strict cookie and only follows relative next paths", async () => {
    const res = await app.request("/signin", form({ token: tokens.viewer, next: "//evil.example/" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/seismo_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it("refuses a form post from another origin", async () => {
    const init = form({ name: "x", url: "https://x.example/feed" }, "operator");
    const res = await app.request("/operator/sources", {
      ...init,
      headers: { ...init.headers, origin: "https://evil.example", host: "localhost" },
    });
    expect(res.status).toBe(403);
  });

  it("signs out by clearing the cookie", async () => {
    const res = await app.request("/signout", form({}, "viewer"));
    expect(res.headers.get("location")).toBe("/signin");
    expect(res.headers.get("set-cookie")).toMatch(/seismo_session=;/);
  });
});

describe("roles", () => {
  it("lets a viewer see the overview but not stories, articles or operator pages", async () => {
    const home = await app.request("/", as("viewer"));
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).not.toContain('href="/stories"');
    for (const path of ["/stories", `/articles/${articleId}`, "/operator/sources", "/operator/tokens"]) {
      expect((await app.request(path, as("viewer"))).status).toBe(403);
    }
  });

  it("lets an analyst read stories and articles but not operator pages", async () => {
    expect((await app.request("/stories", as("analyst"))).status).toBe(200);
    const link = await app.request("/stories/sty_x", as("analyst"));
    expect(link.status).toBe(302);
    expect(link.headers.get("location")).toBe("/stories?older=1#story-sty_x");
    expect((await app.request("/operator/tokens", as("analyst"))).status).toBe(403);
  });

  it("leaves the host app's other routes alone", async () => {
    const res = await app.request("/api/v1/ping");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBeNull();
  });
});

describe("pages", () => {
  it("counts asserted claims on the overview over the data's span when the last 30 days are empty", async () => {
    const res = await app.request("/", as("viewer"));
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toMatch(/data-testid="total-clash">1</);
    expect(html).toMatch(/data-testid="total-deployment">0</);
    expect(html).toContain("Nothing in the last 30 days");
    expect(html).toContain('hx-trigger="every 15s"');
  });

  it("counts a negated deployment when the modality filter asks for it", async () => {
    const html = await (await app.request("/overview/live?range=all&modality=negated", as("viewer"))).text();
    expect(html).toMatch(/data-testid="total-deployment">1</);
    expect(html).toMatch(/data-testid="total-clash">0</);
  });

  it("highlights evidence by offsets and strikes through the negated one", async () => {
    const html = await (await app.request(`/articles/${articleId}`, as("analyst"))).text();
    expect(html).toMatch(/<mark class="t-clash m-asserted"[^>]*>clashed/);
    expect(html).toMatch(/<mark class="t-deployment m-negated"[^>]*>movement/);
    expect(html).toContain('class="mod mod-negated"');
    expect(html).toContain("Jarinje");
  });

  it("shows an empty state for stories, then ranks a story once articles link to it", async () => {
    expect(await (await app.request("/stories", as("analyst"))).text()).toContain("No stories yet");
    await store.sql.query(
      "INSERT INTO stories (id, title, first_seen, last_seen, article_count) VALUES ('sto_1', 'Zvečan unrest', now(), now(), 1)",
    );
    await store.sql.query("UPDATE articles SET story_id = 'sto_1' WHERE id = $1", [articleId]);
    const html = await (await app.request("/stories", as("analyst"))).text();
    expect(html).toContain("Zvečan unrest");
    expect(html).toContain("Balkan Wire");
  });

  it("draws places on the map", async () => {
    const html = await (await app.request("/map?range=all", as("analyst"))).text();
    expect(html).toContain("<svg");
    expect(html).toContain("Zvečan 1");
  });

  it("serves htmx and uPlot from the installed packages", async () => {
    for (const name of ["htmx.min.js", "uPlot.iife.min.js", "uPlot.min.css", "app.css", "app.js"]) {
      const res = await app.request(`/ui/assets/${name}`);
      expect(res.status, name).toBe(200);
      expect((await res.text()).length).toBeGreaterThan(100);
    }
    expect((await app.request("/ui/assets/nope.js")).status).toBe(404);
  });
});

describe("operator pages", () => {
  it("lists source health with the fetch log", async () => {
    const html = await (await app.request("/operator/sources", as("operator"))).text();
    expect(html).toContain("Balkan Wire");
    expect(html).toContain("Healthy");
    expect(html).toContain("1 new / 3");
  });

  it("adds a source and rejects a bad URL", async () => {
    const ok = await app.request(
      "/operator/sources",
      form({ name: "New Feed", url: "https://new.example/rss", kind: "rss", interval: "10" }, "operator"),
    );
    expect(ok.status).toBe(303);
    expect((await store.sources.list()).map((s) => s.name)).toContain("New Feed");
    const bad = await app.request("/operator/sources", form({ name: "Bad", url: "not a url" }, "operator"));
    expect(await bad.text()).toContain("Could not add the source");
  });

  it("pauses and resumes a source", async () => {
    await app.request(`/operator/sources/${sourceId}/toggle`, form({}, "operator"));
    expect((await store.sources.get(sourceId))?.enabled).toBe(false);
    await app.request(`/operator/sources/${sourceId}/toggle`, form({}, "operator"));
    expect((await store.sources.get(sourceId))?.enabled).toBe(true);
  });

  it("creates a token, shows it once, and revokes it", async () => {
    const html = await (await app.request("/operator/tokens", form({ name: "ci", role: "viewer" }, "operator"))).text();
    const token = /data-testid="new-token">([^<]+)</.exec(html)?.[1] ?? "";
    expect(token).toMatch(/^smo_/);
    const record = await store.tokens.verify(token);
    expect(record?.role).toBe("viewer");
    expect(await (await app.request("/operator/tokens", as("operator"))).text()).not.toContain(token);
    await app.request(`/operator/tokens/${record?.id}/revoke`, form({}, "operator"));
    expect(await store.tokens.verify(token)).toBeNull();
  });
});
