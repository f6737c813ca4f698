import { SeismoError } from "@seismo/core";
import { createFetcher, type Fetcher } from "@seismo/fetcher";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIG_PAGE_BYTES, compressionBombs, type HostileServer, startHostileServer } from "./support/hostile-server.ts";

/** Runs `attempt` and returns the SeismoError it must fail with, timing it. */
async function refusal(attempt: () => Promise<unknown>): Promise<{ error: SeismoError; ms: number }> {
  const started = Date.now();
  try {
    await attempt();
  } catch (error) {
    if (!(error instanceof SeismoError)) throw new Error(`expected a SeismoError, got ${String(error)}`);
    return { error, ms: Date.now() - started };
  }
  throw new Error("expected the fetch to fail, it succeeded");
}

describe("the fetcher against hostile responses", () => {
  let server: HostileServer;
  let fetcher: Fetcher;
  let rssBefore = 0;

  beforeAll(async () => {
    compressionBombs();
    rssBefore = process.memoryUsage().rss;
    server = await startHostileServer();
    fetcher = createFetcher({
      contact: "hostile-tests",
      allowHosts: ["127.0.0.1"],
      minDelayMs: 0,
      concurrencyPerHost: 4,
      timeoutMs: 3000,
      connectTimeoutMs: 2000,
    });
  });
  afterAll(async () => {
    await fetcher?.close();
    await server?.close();
  });

  const get = (path: string) => fetcher.fetch(`${server.base}${path}`, { ignoreRobots: true });

  it("stops a gzip bomb at the decompressed-size cap with a readable error", async () => {
    const { error, ms } = await refusal(() => get("/gzip-bomb"));
    expect(error.code).toBe("fetch_failed");
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/decompress|cap|too large|exceed/i);
    expect(error.message).toContain("/gzip-bomb");
    expect(ms).toBeLessThan(10_000);
  });

  it("stops a brotli bomb at the decompressed-size cap", async () => {
    const { error } = await refusal(() => get("/brotli-bomb"));
    expect(error.code).toBe("fetch_failed");
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/decompress|cap|too large|exceed/i);
  });

  it("refuses a 50 MB page at the wire-size cap and hangs up instead of reading it all", async () => {
    for (const path of ["/big", "/big-with-length"]) {
      const { error } = await refusal(() => get(path));
      expect(error.code).toBe("fetch_failed");
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/bytes|cap|too large|exceed/i);
    }
    await new Promise((r) => setTimeout(r, 200));
    const cut = server.abandoned.filter((a) => a.path.startsWith("/big"));
    expect(cut.length).toBeGreaterThanOrEqual(1);
    for (const c of cut) expect(c.bytesWritten).toBeLessThan(BIG_PAGE_BYTES);
  });

  it("gives up on endless redirects after the redirect limit", async () => {
    const { error } = await refusal(() => get("/redirect/0"));
    expect(error.code).toBe("fetch_failed");
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/redirect/i);
    expect(server.hits.get("/redirect/6") ?? 0).toBe(0);
  });

  it("times out a slowloris body and a response that never starts, and closes the socket", async () => {
    for (const path of ["/slowloris", "/no-headers"]) {
      const { error, ms } = await refusal(() => get(path));
      expect(error.code).toBe("fetch_failed");
      expect(error.message).toMatch(/time/i);
      expect(ms).toBeLessThan(6000);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(server.abandoned.map((a) => a.path)).toEqual(expect.arrayContaining(["/slowloris", "/no-headers"]));
  });

  it("still fetches an ordinary page afterwards, without having kept the bombs in memory", async () => {
    const res = await get("/ok");
    expect(res.status).toBe(200);
    expect(new TextDecoder().decode(res.body)).toContain("Calm page");
    // 256 MiB bombs and 50 MB pages went through; the process must not have grown by that much.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
  });
});
