import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Store } from "@seismo/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageFetcher } from "../inspect/index.ts";
import { SourceService } from "./index.ts";

const RSS = (title: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>
<item><title>One</title><link>/a/1</link><pubDate>Fri, 29 Sep 2023 10:00:00 GMT</pubDate></item>
<item><title>Two</title><link>/a/2</link><pubDate>Sat, 30 Sep 2023 10:00:00 GMT</pubDate></item></channel></rss>`;

const SITES: Record<string, { type: string; body: string }> = {
  "/direct.xml": { type: "application/rss+xml", body: RSS("Direct feed") },
  "/home": {
    type: "text/html",
    body: `<html><head><title>Home</title><link rel="alternate" type="application/rss+xml" href="/news/rss" title="News"></head><body>hi</body></html>`,
  },
  "/news/rss": { type: "application/rss+xml", body: RSS("Discovered feed") },
  "/section": {
    type: "text/html",
    body: `<html><body><a href="/2023/09/29/police-raid-north-kosovo">Police raid</a><a href="/2023/09/30/nato-kfor-reinforce">NATO</a><a href="/about">About</a></body></html>`,
  },
  "/robots.txt": { type: "text/plain", body: "User-agent: *\nAllow: /\n" },
};

let server: Server;
let origin: string;
const fetchPage: PageFetcher = async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return {
    status: res.status,
    url: res.url,
    contentType: res.headers.get("content-type"),
    body: new Uint8Array(await res.arrayBuffer()),
  };
};

let store: Store;
let service: SourceService;
beforeAll(async () => {
  server = createServer((req, res) => {
    const page = SITES[req.url ?? ""];
    if (!page) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": page.type }).end(page.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = await Store.open({ kind: "pglite" });
  service = new SourceService({ store, fetchPage });
});
afterAll(async () => {
  await store.close();
  await new Promise((r) => server.close(r));
});

describe("SourceService.add", () => {
  it("reads a feed URL directly and reports title, item count and newest date", async () => {
    const { source, inspection } = await service.add({ url: `${origin}/direct.xml`, tags: { country: "XK" } });
    expect(inspection).toMatchObject({ kind: "rss", title: "Direct feed", itemCount: 2 });
    expect(inspection.newest).toMatch(/^2023-09-30/);
    expect(source.name).toBe("Direct feed");
    expect(source.tags).toEqual({ country: "XK" });
  });

  it("discovers the feed a homepage advertises and stores the feed URL", async () => {
    const { source, inspection } = await service.add({ url: `${origin}/home`, name: "Outlet" });
    expect(source.url).toBe(`${origin}/news/rss`);
    expect(inspection.title).toBe("Discovered feed");
    expect(inspection.candidates.map((c) => c.url)).toContain(`${origin}/news/rss`);
  });

  it("falls back to reading a section page's article links", async () => {
    const { inspection } = await service.add({ url: `${origin}/section`, name: "Section" });
    expect(inspection.kind).toBe("html");
    expect(inspection.itemCount).toBe(2);
  });

  it("refuses a URL where nothing is readable, saying why", async () => {
    await expect(service.add({ url: `${origin}/missing` })).rejects.toThrow(/HTTP 404/);
  });
});

describe("SourceService import/export", () => {
  it("round-trips sources through OPML with their tags", async () => {
    const opml = await service.exportOpml();
    expect(opml).toContain('country="XK"');
    const other = await Store.open({ kind: "pglite" });
    try {
      const result = await new SourceService({ store: other, fetchPage }).import(opml, "list.opml");
      expect(result.failed).toEqual([]);
      expect(result.added.map((s) => s.url).sort()).toEqual((await store.sources.list()).map((s) => s.url).sort());
      expect(result.added.find((s) => s.url.endsWith("/direct.xml"))?.tags).toEqual({ country: "XK" });
    } finally {
      await other.close();
    }
  });

  it("imports a YAML list, keeping the good entries and naming the bad one", async () => {
    const yaml =
      "sources:\n  - url: https://a.example/rss\n    name: A\n    tags: { language: sr }\n  - url: not-a-url\n";
    const result = await service.import(yaml, "list.yaml");
    expect(result.added.map((s) => s.name)).toEqual(["A"]);
    expect(result.failed).toEqual([{ url: "not-a-url", reason: expect.stringMatching(/url/) }]);
  });

  it("rejects a file that is no list at all", async () => {
    await expect(service.import("{ nope", "x.yaml")).rejects.toThrow(/x\.yaml/);
  });
});
