import type { RunningStack } from "@seismo/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_TOKEN, startTestStack, waitFor } from "../e2e/harness.ts";
import { type HostileServer, startHostileServer } from "./support/hostile-server.ts";

interface FetchLogRow {
  error: string | null;
}

/** Pages a hostile feed points the article fetcher at; each must end as one readable failure. */
const HOSTILE_PAGES: Array<[string, RegExp]> = [
  ["/gzip-bomb", /decompress|cap|exceed|too large/i],
  ["/brotli-bomb", /decompress|cap|exceed|too large/i],
  ["/big", /bytes|cap|exceed|too large/i],
  ["/redirect/0", /redirect/i],
  ["/empty-page", /no article text/i],
];

describe("a hostile source in a running stack", () => {
  let stack: RunningStack;
  let stop: () => Promise<void>;
  let server: HostileServer;
  const sourceIds: Record<string, string> = {};

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(new URL(path, stack.url ?? ""), { headers: { authorization: `Bearer ${API_TOKEN}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const fetchLog = (name: string) =>
    api<{ fetches: FetchLogRow[] }>(`/api/v1/sources/${sourceIds[name]}/fetches`).then((b) => b.fetches);

  beforeAll(async () => {
    server = await startHostileServer();
    const ssrfTarget = `http://[::1]:${server.port}/ok`;
    const pages = [...HOSTILE_PAGES.map(([p]) => p), `/redirect-to?to=${encodeURIComponent(ssrfTarget)}`];
    server.route("/hostile-feed.xml", (_req, res) => {
      const items = pages.map(
        (p) => `<item><title>${p}</title><link>${server.base}${p.replace(/&/g, "&amp;")}</link></item>`,
      );
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>${items.join("")}</channel></rss>`,
      );
    });
    server.route("/empty-page", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body><nav>menu</nav></body></html>");
    });
    ({ stack, stop } = await startTestStack("pglite"));
    const add = async (name: string, url: string) => {
      const source = await stack.store.sources.upsert({ name, url, intervalSeconds: 3600, ignoreRobots: true });
      sourceIds[name] = source.id;
    };
    await add("bomb feed", `${server.base}/gzip-bomb.xml`);
    await add("hostile pages", `${server.base}/hostile-feed.xml`);
    await add("metadata ssrf", "http://169.254.169.254/latest/meta-data/feed.xml");
  });
  afterAll(async () => {
    await stop?.();
    await server?.close();
  });

  it("records each hostile fetch as a readable failure while the sample articles still arrive", async () => {
    await waitFor(
      async () => {
        const [row] = await stack.store.sql.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM articles WHERE tagged_at IS NOT NULL",
        );
        return (row?.n ?? 0) >= 33 ? true : null;
      },
      150_000,
      "the 33 sample articles to be stored and tagged",
    );

    const bomb = await waitFor(
      async () => (await fetchLog("bomb feed")).find((f) => f.error) ?? null,
      30_000,
      "bomb log",
    );
    expect(bomb.error).toMatch(/decompress|cap|exceed|too large/i);
    const ssrf = await waitFor(
      async () => (await fetchLog("metadata ssrf")).find((f) => f.error) ?? null,
      30_000,
      "ssrf log",
    );
    expect(ssrf.error).toMatch(/refused/);
    expect(ssrf.error).toContain("169.254.169.254");
    const hostile = await fetchLog("hostile pages");
    expect(hostile[0]?.error ?? null).toBeNull();

    const failures = await waitFor(
      async () => {
        const rows = await stack.store.articles.failures();
        const mine = rows.filter((r) => r.source_id === sourceIds["hostile pages"]);
        return mine.length >= HOSTILE_PAGES.length + 1 ? mine : null;
      },
      60_000,
      "a recorded failure for every hostile page",
    );
    for (const [path, reason] of HOSTILE_PAGES) {
      const row = failures.find((f) => new URL(f.url).pathname === path);
      expect({ path, reason: row?.reason }).toEqual({ path, reason: expect.stringMatching(reason) });
      expect(row?.stage).toBe("fetch-article");
    }
    const redirected = failures.find((f) => f.url.includes("/redirect-to"));
    expect(redirected?.reason).toMatch(/refused/);
    // The loopback target behind the redirect was never reached.
    expect(server.hits.get("/ok") ?? 0).toBe(0);
    // Nothing hostile was stored as an article.
    const [stored] = await stack.store.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM articles WHERE source_id = $1",
      [sourceIds["hostile pages"]],
    );
    expect(stored?.n).toBe(0);
  });
});
