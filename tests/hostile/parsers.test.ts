import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { SeismoError } from "@seismo/core";
import { decodeHtml, extractArticle } from "@seismo/extract";
import { FeedParseError, parseFeed } from "@seismo/feeds";
import { describe, expect, it } from "vitest";

const corpus = (name: string) => new Uint8Array(readFileSync(new URL(`./corpus/${name}`, import.meta.url)));

/** Calls `fn` and reports its outcome and time, so "returns or throws a typed error" is one assertion. */
function outcome<T>(fn: () => T): { value?: T; error?: unknown; ms: number } {
  const started = performance.now();
  try {
    return { value: fn(), ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

describe("parseFeed on hostile feeds", () => {
  it("does not resolve external entities (XXE): no file, no network, the reference stays as written", () => {
    const feed = parseFeed(corpus("xxe.rss"), { url: "https://hostile.example/feed" });
    const everything = JSON.stringify(feed);
    expect(everything).not.toMatch(/root:x:0:0/);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.url).toBe("https://hostile.example/a/1");
  });

  it("does not expand billion-laughs or quadratic-blowup entities", () => {
    for (const name of ["billion-laughs.rss", "quadratic-blowup.atom"]) {
      const { value, ms } = outcome(() => parseFeed(corpus(name)));
      expect(ms).toBeLessThan(1000);
      expect(JSON.stringify(value).length).toBeLessThan(10_000);
      expect(value?.items).toHaveLength(1);
    }
  });

  it("reads a 100,000-item feed within the bound", () => {
    const items: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      items.push(`<item><title>Item ${i}</title><link>https://hostile.example/a/${i}</link></item>`);
    }
    const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>${items.join("")}</channel></rss>`;
    const { value, error, ms } = outcome(() => parseFeed(body, { url: "https://hostile.example/feed" }));
    expect(error).toBeUndefined();
    expect(value?.items.length).toBe(100_000);
    expect(ms).toBeLessThan(30_000);
    console.info(`[hostile] 100k-item feed (${(body.length / 1e6).toFixed(1)} MB) parsed in ${Math.round(ms)} ms`);
  });

  it("stops a gzip bomb posing as a feed body at its inflate cap with FeedParseError", () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20), { level: 9 });
    const { error, ms } = outcome(() => parseFeed(new Uint8Array(bomb)));
    expect(error).toBeInstanceOf(FeedParseError);
    // Today the message is "empty body": the inflate-cap warning is dropped on the way (reported);
    // a message naming the cap would tell the operator more.
    expect((error as Error).message).toMatch(/empty body|inflate|gzip|cap/i);
    expect(ms).toBeLessThan(15_000);
  });

  it("turns bodies that are not feeds into FeedParseError with a reason", () => {
    const cases: Array<[string, Uint8Array]> = [
      ["HTML page", corpus("not-a-feed.html")],
      ["JSON that is not a feed", corpus("wrong-shape.json")],
      ["random bytes", new Uint8Array([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x00, 0x01])],
      ["empty body", new Uint8Array()],
      ["deeply nested JSON", new TextEncoder().encode(`${"[".repeat(200_000)}${"]".repeat(200_000)}`)],
    ];
    for (const [name, body] of cases) {
      const { value, error } = outcome(() => parseFeed(body));
      if (error === undefined) {
        expect({ name, items: value?.items.length }).toEqual({ name, items: 0 });
        continue;
      }
      expect({ name, type: (error as Error).constructor.name }).toEqual({ name, type: "FeedParseError" });
      expect((error as SeismoError).code).toBe("parse_failed");
      expect((error as Error).message).toMatch(/\w+ \w+/);
    }
  });

  it("reads what it can of a truncated feed and says what was wrong", () => {
    const feed = parseFeed(corpus("truncated.rss"));
    expect(feed.items[0]?.url).toBe("https://hostile.example/a/ok");
  });

  it("reads invalid UTF-8 and UTF-16 feeds without throwing", () => {
    expect(parseFeed(corpus("invalid-utf8.rss")).items[0]?.url).toBe("https://hostile.example/a/bytes");
    const u16 = parseFeed(corpus("utf16-bom.rss"));
    expect(u16.items[0]?.title).toBe("Ђорђе");
  });
});

describe("decodeHtml and extractArticle on hostile pages", () => {
  it("decodes invalid UTF-8 with replacement characters and still extracts the text", () => {
    const html = decodeHtml(corpus("invalid-utf8.html"), "text/html; charset=utf-8");
    expect(html).toContain("Priština");
    const article = extractArticle(html);
    expect(article.text).toContain("policija je saopštila");
  });

  it("reads UTF-8 bytes correctly even when labelled ISO-8859-1", () => {
    const html = decodeHtml(corpus("utf8-labelled-latin1.html"), "text/html; charset=iso-8859-1");
    expect(extractArticle(html).text).toContain("Đorđe Šćepanović");
  });

  it("reads a windows-1251 page declared only in its meta tag", () => {
    const html = decodeHtml(corpus("cp1251-meta.html"), "text/html");
    expect(extractArticle(html).text).toContain("Полиција је саопштила");
  });

  it("does not crash on windows-1251 bytes labelled UTF-8", () => {
    const { value, error } = outcome(() => extractArticle(decodeHtml(corpus("cp1251-labelled-utf8.html"), null)));
    expect(error).toBeUndefined();
    expect(typeof value?.text).toBe("string");
  });

  // The parser bounds element depth (@seismo/extract's dom/parse.ts), so deep or never-closed
  // markup costs about as much per byte as an ordinary page and still yields its text. Speed is
  // measured in bench/extract.ts; these assert the results, which the old unbounded tree lost
  // (every recursive walk overflowed and the page came out empty).
  it("extracts the text of 50,000 nested elements instead of overflowing the stack", () => {
    const depth = 50_000;
    const text = "Deep text, with commas, and words enough for a paragraph of an article.";
    const html = `<html><body>${"<div>".repeat(depth)}<p>${text}</p>${"</div>".repeat(depth)}</body></html>`;
    const { value, error } = outcome(() => extractArticle(html));
    expect(error).toBeUndefined();
    expect(value?.text).toBe(text);
  });

  it("extracts every paragraph of a page of 25,000 unclosed inline tag runs", () => {
    const runs = 25_000;
    const html = `<html><body>${"<p><b><i><span>word, ".repeat(runs)}</body></html>`;
    const { value, error, ms } = outcome(() => extractArticle(html));
    expect(error).toBeUndefined();
    const paragraphs = value?.text.split("\n\n") ?? [];
    expect(paragraphs).toHaveLength(runs);
    expect(new Set(paragraphs)).toEqual(new Set(["word,"]));
    console.info(`[hostile] ${(html.length / 1e6).toFixed(1)} MB of unclosed tags extracted in ${Math.round(ms)} ms`);
  });
});
