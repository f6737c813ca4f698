import { SeismoError } from "@seismo/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../testing/server.ts";
import { createFetcher, type Fetcher } from "./index.ts";

let server: TestServer;
let fetcher: Fetcher;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/robots.txt") {
      res.setHeader("content-type", "text/plain");
      res.end("User-agent: *\nDisallow: /private\n\nUser-agent: SeismoBot\nDisallow: /no-bots\nAllow: /\n");
    } else if (path === "/page") {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("etag", '"v1"');
      res.setHeader("last-modified", "Wed, 21 Oct 2015 07:28:00 GMT");
      res.end("<p>hello</p>");
    } else if (path === "/conditional") {
      if (req.headers["if-none-match"] === '"v1"' || req.headers["if-modified-since"]) {
        res.statusCode = 304;
        res.end();
      } else {
        res.setHeader("etag", '"v1"');
        res.end("fresh");
      }
    } else if (path === "/slow-down") {
      res.statusCode = 429;
      res.setHeader("retry-after", "7");
      res.end("too many");
    } else if (path === "/maintenance") {
      res.statusCode = 503;
      res.setHeader("retry-after", new Date(Date.now() + 120_000).toUTCString());
      res.end("down");
    } else if (path === "/broken") {
      res.statusCode = 500;
      res.end("oops");
    } else if (path === "/gone") {
      res.statusCode = 404;
      res.end("no");
    } else if (path === "/hop1") {
      res.writeHead(301, { location: "/hop2" }).end();
    } else if (path === "/hop2") {
      res.writeHead(302, { location: `${server.origin}/page` }).end();
    } else if (path.startsWith("/loop/")) {
      const n = Number(path.slice("/loop/".length));
      res.writeHead(302, { location: `/loop/${n + 1}` }).end();
    } else if (path === "/to-private") {
      res.writeHead(302, { location: "/private/secret" }).end();
    } else {
      res.end(`ok ${path}`);
    }
  });
  fetcher = createFetcher({
    contact: "https://seismo.example/bot",
    allowHosts: ["127.0.0.1", "::1"],
    minDelayMs: 0,
    timeoutMs: 5_000,
  });
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<SeismoError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SeismoError);
  return error as SeismoError;
}

describe("createFetcher", () => {
  it("returns body, validators and metadata and sends a descriptive User-Agent", async () => {
    const result = await fetcher.fetch(`${server.origin}/page`);
    expect(result.status).toBe(200);
    expect(new TextDecoder().decode(result.body)).toBe("<p>hello</p>");
    expect(result).toMatchObject({
      url: `${server.origin}/page`,
      contentType: "text/html; charset=utf-8",
      etag: '"v1"',
      lastModified: "Wed, 21 Oct 2015 07:28:00 GMT",
      bytes: 12,
      redirects: [],
      notModified: false,
    });
    expect(result.durationMs).toBeGreaterThan(0);
    const hit = server.hitsOn("/page").at(-1);
    expect(hit?.headers["user-agent"]).toBe("SeismoBot/0.1 (+https://seismo.example/bot)");
    expect(hit?.headers["accept-encoding"]).toBe("gzip, deflate, br");
  });

  it("sends conditional headers and reports a 304 as notModified with an empty body", async () => {
    const result = await fetcher.fetch(`${server.origin}/conditional`, { etag: '"v1"' });
    expect(result).toMatchObject({ status: 304, notModified: true, etag: '"v1"', bytes: 0 });
    expect(result.body.byteLength).toBe(0);
    expect(server.hitsOn("/conditional").at(-1)?.headers["if-none-match"]).toBe('"v1"');

    const byDate = await fetcher.fetch(`${server.origin}/conditional`, {
      lastModified: "Wed, 21 Oct 2015 07:28:00 GMT",
    });
    expect(byDate.notModified).toBe(true);
    expect(server.hitsOn("/conditional").at(-1)?.headers["if-modified-since"]).toBe("Wed, 21 Oct 2015 07:28:00 GMT");
  });

  it("turns 429 with Retry-After seconds into a retryable error with retryAfterMs", async () => {
    const error = await failure(fetcher.fetch(`${server.origin}/slow-down`));
    expect(error.code).toBe("fetch_failed");
    expect(error.retryable).toBe(true);
    expect(error.details).toMatchObject({ status: 429, retryAfterMs: 7000 });
  });

  it("reads a 503 Retry-After given as an HTTP-date", async () => {
    const error = await failure(fetcher.fetch(`${server.origin}/maintenance`));
    expect(error.retryable).toBe(true);
    const { retryAfterMs } = error.details as { retryAfterMs: number };
    expect(retryAfterMs).toBeGreaterThan(100_000);
    expect(retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it("marks a 500 retryable and a 404 not", async () => {
    const serverError = await failure(fetcher.fetch(`${server.origin}/broken`));
    expect(serverError).toMatchObject({ code: "fetch_failed", retryable: true, details: { status: 500 } });
    const notFound = await failure(fetcher.fetch(`${server.origin}/gone`));
    expect(notFound).toMatchObject({ code: "fetch_failed", retryable: false, details: { status: 404 } });
  });

  it("follows redirects hop by hop and lists them", async () => {
    const result = await fetcher.fetch(`${server.origin}/hop1`);
    expect(result.url).toBe(`${server.origin}/page`);
    expect(result.redirects).toEqual([`${server.origin}/hop2`, `${server.origin}/page`]);
  });

  it("gives up on endless redirects after maxRedirects", async () => {
    const before = server.hits.filter((h) => h.path.startsWith("/loop/")).length;
    const error = await failure(fetcher.fetch(`${server.origin}/loop/0`));
    expect(error).toMatchObject({ code: "fetch_failed", retryable: false });
    expect(error.message).toMatch(/more than 5 redirects/);
    // The first request plus five followed hops, then it stops.
    expect(server.hits.filter((h) => h.path.startsWith("/loop/")).length - before).toBe(6);
  });

  it("refuses a URL disallowed by robots.txt for our token", async () => {
    const error = await failure(fetcher.fetch(`${server.origin}/no-bots/article`));
    expect(error.code).toBe("forbidden");
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/disallowed by robots\.txt/);
  });

  it("obeys only the group for our token, not the * group", async () => {
    await expect(fetcher.fetch(`${server.origin}/private/ok`)).resolves.toMatchObject({ status: 200 });
  });

  it("checks robots.txt on every redirect hop", async () => {
    const strict = createFetcher({
      contact: "ops@seismo.example",
      botName: "OtherBot",
      allowHosts: ["127.0.0.1"],
      minDelayMs: 0,
    });
    try {
      const error = await failure(strict.fetch(`${server.origin}/to-private`));
      expect(error.message).toMatch(/private\/secret: disallowed by robots\.txt/);
    } finally {
      await strict.close();
    }
  });

  it("fetches robots.txt once per origin and caches it", async () => {
    const fresh = createFetcher({ contact: "ops@seismo.example", allowHosts: ["127.0.0.1"], minDelayMs: 0 });
    try {
      const before = server.hitsOn("/robots.txt").length;
      await Promise.all([1, 2, 3].map((n) => fresh.fetch(`${server.origin}/cached/${n}`)));
      await fresh.fetch(`${server.origin}/cached/4`);
      expect(server.hitsOn("/robots.txt").length - before).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it("skips robots.txt when the source is marked ignoreRobots", async () => {
    const result = await fetcher.fetch(`${server.origin}/no-bots/allowed-for-us`, { ignoreRobots: true });
    expect(result.status).toBe(200);
  });

  it("rejects non-http schemes and malformed URLs with typed errors", async () => {
    expect((await failure(fetcher.fetch("file:///etc/passwd"))).code).toBe("forbidden");
    expect((await failure(fetcher.fetch("not a url"))).code).toBe("bad_request");
  });

  it("refuses to fetch after close, and close is safe twice", async () => {
    const once = createFetcher({ contact: "ops@seismo.example" });
    await once.close();
    await once.close();
    expect((await failure(once.fetch(`${server.origin}/page`))).retryable).toBe(false);
  });
});

describe("robots.txt that is missing or unreachable", () => {
  it("allows everything when robots.txt is 404 and when the server fails it", async () => {
    for (const status of [404, 500]) {
      const other = await startServer((req, res) => {
        res.statusCode = req.url === "/robots.txt" ? status : 200;
        res.end("x");
      });
      const local = createFetcher({ contact: "ops@seismo.example", allowHosts: ["127.0.0.1"], minDelayMs: 0 });
      try {
        await expect(local.fetch(`${other.origin}/anything`)).resolves.toMatchObject({ status: 200 });
        expect(other.hitsOn("/robots.txt")).toHaveLength(1);
      } finally {
        await local.close();
        await other.close();
      }
    }
  });
});
