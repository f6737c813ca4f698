import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resolver } from "../dns-guard/index.ts";
import { startServer, type TestServer } from "../testing/server.ts";
import { createFetcher } from "./index.ts";

let server: TestServer;
let inFlight = 0;
const peakByHost = new Map<string, number>();

beforeAll(async () => {
  server = await startServer((req, res) => {
    const host = (req.headers.host ?? "").split(":")[0] ?? "";
    if (req.url === "/robots.txt") {
      res.end(host === "crawl.test" ? "User-agent: *\nCrawl-delay: 0.3\n" : "User-agent: *\nAllow: /\n");
      return;
    }
    inFlight += 1;
    peakByHost.set(host, Math.max(peakByHost.get(host) ?? 0, inFlight));
    const delay = req.url?.startsWith("/slow") ? 150 : 0;
    setTimeout(() => {
      inFlight -= 1;
      res.end("ok");
    }, delay);
  });
});

afterAll(() => server.close());

/** Every *.test name is this machine; the limiter keys on the name, so each is its own "host". */
const local: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];

function hitsFor(host: string) {
  return server.hits.filter((h) => h.headers.host?.startsWith(`${host}:`));
}

function gaps(times: number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.slice(1).map((t, i) => t - (sorted[i] ?? t));
}

describe("per-host politeness", () => {
  it("spaces requests to one host by minDelayMs, robots.txt included", async () => {
    const fetcher = createFetcher({
      contact: "ops@seismo.example",
      resolve: local,
      allowHosts: ["127.0.0.1"],
      minDelayMs: 200,
    });
    try {
      // undici compiles its HTTP parser on first use; do that on another host so it does not
      // delay the first measured request.
      await fetcher.fetch(`http://warm-up.test:${server.port}/`, { ignoreRobots: true });
      const base = `http://spaced.test:${server.port}`;
      await Promise.all([1, 2, 3, 4].map((n) => fetcher.fetch(`${base}/item/${n}`)));
      const hits = hitsFor("spaced.test");
      expect(hits.map((h) => h.path)).toContain("/robots.txt");
      expect(hits).toHaveLength(5);
      // The limiter spaces the starts on our side; on a loaded machine a new connection can
      // delay one request's arrival on the server's clock, which shortens that one gap (and the
      // total, when it is the first request that arrives late). Each gap keeps most of the delay,
      // and the total loses at most what one late arrival takes. Unspaced, both would be near 0.
      const measured = gaps(hits.map((h) => h.at));
      for (const gap of measured) expect(gap).toBeGreaterThanOrEqual(120);
      expect(measured.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4 * 200 - 80);
    } finally {
      await fetcher.close();
    }
  });

  it("keeps at most concurrencyPerHost requests in flight to one host", async () => {
    const fetcher = createFetcher({
      contact: "ops@seismo.example",
      resolve: local,
      allowHosts: ["127.0.0.1"],
      minDelayMs: 0,
      concurrencyPerHost: 2,
    });
    try {
      inFlight = 0;
      const base = `http://busy.test:${server.port}`;
      await fetcher.fetch(`${base}/warm-up`);
      await Promise.all([1, 2, 3, 4, 5, 6].map((n) => fetcher.fetch(`${base}/slow/${n}`)));
      expect(peakByHost.get("busy.test")).toBe(2);
    } finally {
      await fetcher.close();
    }
  });

  it("does not hold one host up behind another's queue", async () => {
    const fetcher = createFetcher({
      contact: "ops@seismo.example",
      resolve: local,
      allowHosts: ["127.0.0.1"],
      minDelayMs: 400,
      concurrencyPerHost: 1,
    });
    try {
      const queued = [1, 2, 3].map((n) =>
        fetcher.fetch(`http://queue-a.test:${server.port}/${n}`, { ignoreRobots: true }),
      );
      const started = performance.now();
      await fetcher.fetch(`http://queue-b.test:${server.port}/other`, { ignoreRobots: true });
      expect(performance.now() - started).toBeLessThan(300);
      await Promise.all(queued);
    } finally {
      await fetcher.close();
    }
  });

  it("raises the spacing to a robots.txt Crawl-delay", async () => {
    const fetcher = createFetcher({
      contact: "ops@seismo.example",
      resolve: local,
      allowHosts: ["127.0.0.1"],
      minDelayMs: 10,
    });
    try {
      const base = `http://crawl.test:${server.port}`;
      await Promise.all([1, 2].map((n) => fetcher.fetch(`${base}/page/${n}`)));
      const pages = hitsFor("crawl.test").filter((h) => h.path.startsWith("/page/"));
      expect(gaps(pages.map((h) => h.at))[0]).toBeGreaterThanOrEqual(290);
    } finally {
      await fetcher.close();
    }
  });
});
