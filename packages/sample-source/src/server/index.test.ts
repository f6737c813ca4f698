import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleArticles } from "../fixtures/index.ts";
import { type SampleSource, startSampleSource } from "./index.ts";

let source: SampleSource;

beforeAll(async () => {
  source = await startSampleSource();
});

afterAll(async () => {
  await source.close();
});

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

describe("startSampleSource", () => {
  it("listens on a random loopback port", () => {
    expect(source.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(source.feedUrl).toBe(`${source.origin}/feed.xml`);
  });

  it("serves an RSS 2.0 feed that lists every article, seeds included, newest first", async () => {
    const res = await fetch(source.feedUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/rss\+xml/);
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const rss = new XMLParser({ ignoreAttributes: false }).parse(xml).rss;
    expect(rss["@_version"]).toBe("2.0");
    const items = rss.channel.item as Record<string, unknown>[];
    const articles = sampleArticles();
    expect(items).toHaveLength(articles.length);
    expect(items.map((i) => i.link)).toEqual(articles.map((a) => `${source.origin}${a.path}`));
    for (const slug of ["seed-000", "seed-001", "seed-002"]) {
      expect(items.some((i) => i.link === `${source.origin}/articles/${slug}`)).toBe(true);
    }
    for (const item of items) {
      expect(item).toHaveProperty("title");
      expect(item).toHaveProperty("dc:creator");
      expect(item).toHaveProperty("description");
      expect(String(item.pubDate)).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    }
  });

  it("answers a repeated conditional request for the feed with 304", async () => {
    const first = await fetch(source.feedUrl);
    await first.arrayBuffer();
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    expect(first.headers.get("last-modified")).toBeTruthy();
    const second = await fetch(source.feedUrl, { headers: { "If-None-Match": etag ?? "" } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe("");
    const stale = await fetch(source.feedUrl, { headers: { "If-None-Match": '"something-else"' } });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
  });

  it("serves a seed's page with every paragraph and the metadata an extractor reads", async () => {
    const seed = sampleArticles().find((a) => a.slug === "seed-001");
    if (seed === undefined) throw new Error("seed-001 missing");
    const res = await fetch(`${source.origin}/articles/seed-001`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const paragraphs = [...html.matchAll(/<p>([^<]*)<\/p>/g)].map((m) => unescapeHtml(m[1] ?? ""));
    for (const p of seed.paragraphs) expect(paragraphs).toContain(p);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<link rel="canonical" href="${source.origin}/articles/seed-001">`);
    expect(html).toContain(`<meta property="article:published_time" content="${seed.published}">`);
    expect(html).toContain(`<time datetime="${seed.published}"`);
    expect(html).toContain("Related stories");
    const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? "null");
    expect(jsonLd).toMatchObject({ "@type": "NewsArticle", headline: seed.title, datePublished: seed.published });
  });

  it("tags a Serbian article page with its language", async () => {
    const html = await (await fetch(`${source.origin}/articles/protest-u-zvecanu`)).text();
    expect(html).toContain('<html lang="sr-Latn">');
  });

  it("returns 404 with a small body for an unknown slug", async () => {
    const res = await fetch(`${source.origin}/articles/no-such-story`);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).toContain("Page not found");
    expect(body.length).toBeLessThan(1000);
  });

  it("allows every crawler in robots.txt", async () => {
    const res = await fetch(`${source.origin}/robots.txt`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/User-agent: \*\s+Allow: \//);
  });

  it("closes cleanly when close() is called twice", async () => {
    const other = await startSampleSource();
    await (await fetch(other.feedUrl)).arrayBuffer();
    await other.close();
    await other.close();
    await Promise.all([other.close(), other.close()]);
    await expect(fetch(other.feedUrl)).rejects.toThrow();
  });

  it("shifts published dates when given a base date", async () => {
    const other = await startSampleSource({ baseDate: new Date("2030-01-01T00:00:00Z") });
    try {
      const xml = await (await fetch(other.feedUrl)).text();
      expect(xml).toContain("2029");
      expect(xml).not.toContain("2023 ");
    } finally {
      await other.close();
    }
  });

  it("rejects when the port is already taken", async () => {
    const port = Number(new URL(source.origin).port);
    await expect(startSampleSource({ port })).rejects.toThrow(/EADDRINUSE/);
  });
});
