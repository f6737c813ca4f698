import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { ParsedFeedSchema } from "@seismo/core";
import { describe, expect, it } from "vitest";
import { FeedParseError } from "../errors/index.ts";
import { parseFeed } from "./index.ts";

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));

function parseError(fn: () => unknown): FeedParseError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FeedParseError) return error;
    throw error;
  }
  throw new Error("expected a FeedParseError");
}

describe("parseFeed: RSS", () => {
  it("resolves relative item links against xml:base", () => {
    const feed = parseFeed(fixture("rss-xml-base.xml"));
    expect(feed.kind).toBe("rss");
    expect(feed.items[0]?.url).toBe("http://example.org/feeds/post/1");
  });

  it("decodes entities after a bare ampersand but leaves legacy prefixes in URLs alone", () => {
    expect(parseFeed(fixture("rss-bare-ampersand.xml")).title).toBe("Fish & Chips & more <3");
    expect(parseFeed(fixture("rss-legacy-entity.xml")).title).toBe("?page=1&copy=2;mode=x & done");
  });

  it("keeps text around a CDATA section", () => {
    expect(parseFeed(fixture("rss-mixed-cdata.xml")).items[0]?.summary).toBe("Breaking: <b>Big News</b> today");
  });

  it("reads content:encoded, dc:creator and dc:date", () => {
    const [item] = parseFeed(fixture("content-encoded.rss")).items;
    expect(item).toMatchObject({
      id: "https://localhost:8000",
      title: "My first Instant Article",
      author: "tobi",
      summary: "Lorem ipsum",
      content: "<b>Lorem</b> ipsum",
      published: "2016-05-04T06:53:45.000Z",
    });
  });

  it("reads RSS 0.92 with a broken date as far as it goes", () => {
    const feed = parseFeed(fixture("heraldsun.rss"));
    expect(feed.title).toBe("RSS0.92 Example");
    expect(feed.items.map((i) => i.url)).toEqual([
      "http://www.oreilly.com/example/001.html",
      "http://www.oreilly.com/example/002.html",
    ]);
  });

  it("decodes ISO-8859-1 declared in the XML declaration", () => {
    const feed = parseFeed(fixture("iso-8859-1.rss"));
    expect(feed.title).toBe("Jornal de Notícias - Últimas Notícias");
  });

  it("skips a byte order mark", () => {
    expect(parseFeed(fixture("rss-bom.xml")).title).toBe("Feed Title");
  });

  it("parses a malformed feed as far as possible and says what was wrong", () => {
    const feed = parseFeed(fixture("broken.rss"), { url: "https://broken.example.org/rss" });
    expect(feed.title).toBe("Broken \u00a0Feed &bogus; Tom & Jerry");
    expect(feed.items[0]).toMatchObject({
      url: "https://broken.example.org/news/first-story-here",
      published: "2003-06-10T02:00:00.000Z",
      author: "Ana Lima",
    });
    // The unclosed <title> ends where <link> starts, as a feed reader would read it.
    expect(feed.items[1]).toMatchObject({
      title: "Second, never closed",
      url: "https://broken.example.org/news/second",
      published: "2003-06-11T09:30:00.000Z",
    });
    expect(feed.warnings).toContain("unclosed or mismatched tags");
  });

  it("uses the Content-Type charset when the document declares none", () => {
    const body = Buffer.from("<rss><channel><title>Caf\xe9</title></channel></rss>", "latin1");
    expect(parseFeed(body, { contentType: "text/xml; charset=ISO-8859-1" }).title).toBe("Café");
  });

  it("reads a body declared Latin-1 that is really UTF-8", () => {
    const body = Buffer.from(
      '<?xml version="1.0" encoding="iso-8859-1"?><rss><channel><title>Café</title></channel></rss>',
    );
    expect(parseFeed(body).title).toBe("Café");
  });

  it("reads UTF-16 with a byte order mark", () => {
    const text = "\ufeff<rss><channel><title>Ünïcode</title></channel></rss>";
    expect(parseFeed(Buffer.from(text, "utf16le")).title).toBe("Ünïcode");
  });

  it("inflates a gzipped body", () => {
    expect(parseFeed(gzipSync(fixture("heraldsun.rss"))).title).toBe("RSS0.92 Example");
  });

  it("does not expand entities declared in a DTD", () => {
    const lol = [
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">',
      '<!ENTITY ext SYSTEM "file:///etc/passwd">]><rss><channel><title>&b;&ext;</title></channel></rss>',
    ].join("");
    const feed = parseFeed(lol);
    expect(feed.title).toBe("&b;&ext;");
  });
});

describe("parseFeed: Atom", () => {
  it("resolves links inside html content against the inherited xml:base", () => {
    const [entry] = parseFeed(fixture("atom-xml-base.xml")).items;
    expect(entry?.content).toBe('Example <a href="http://example.com/parent/test.html">test</a>');
  });

  it("decodes base64 for binary types and keeps textual types as text", () => {
    const items = parseFeed(fixture("atom-content-types.xml")).items;
    expect(items.map((i) => i.content)).toEqual([null, "hello", '{"a":1}', "&lt;x/&gt;"]);
    expect(items[3]?.author).toBe("An Author");
    expect(items[0]?.author).toBe("Feed Creator");
  });

  it("unwraps the xhtml div of a title", () => {
    expect(parseFeed(fixture("atom-xhtml-title.xml")).items[0]?.title).toBe("<p>Entry Title</p>");
  });

  it("recognises Atom 0.3", () => {
    expect(parseFeed(fixture("atom03.xml"))).toMatchObject({ kind: "atom", title: "Feed Title" });
  });
});

describe("parseFeed: JSON Feed", () => {
  it("reads JSON Feed 1.1 authors and 1.0 author", () => {
    const v11 = parseFeed(fixture("json-feed-11.json"));
    const v10 = parseFeed(fixture("json-feed-10.json"));
    for (const feed of [v11, v10]) {
      expect(feed.kind).toBe("json");
      expect(feed.items[0]).toMatchObject({
        id: "id",
        url: "https://sample-json-feed.com/id",
        author: "author_name",
        content: "<p>content_html</p>",
        published: "2019-10-12T07:20:50.520Z",
      });
    }
  });

  it("refuses JSON that is not a JSON Feed", () => {
    expect(parseError(() => parseFeed('{"verion": "1.0"}')).code).toBe("parse_failed");
  });
});

describe("parseFeed: sitemaps", () => {
  it("reads Google News sitemaps and resolves relative locs", () => {
    const feed = parseFeed(fixture("news-sitemap.xml"), { url: "https://news.example.com/news-sitemap.xml" });
    expect(feed.kind).toBe("sitemap");
    expect(feed.items[0]).toMatchObject({
      url: "https://news.example.com/world/2024/05/12/border-talks-resume",
      title: "Border talks resume after & despite shelling",
      published: "2024-05-12T06:00:00.000Z",
      updated: "2024-05-12T08:15:00.000Z",
    });
    expect(feed.items[1]).toMatchObject({
      url: "https://news.example.com/world/2024/05/11/ceasefire-holds",
      published: null,
    });
  });

  it("reads sitemap indexes", () => {
    const feed = parseFeed(fixture("sitemap-index.xml"));
    expect(feed.kind).toBe("sitemap-index");
    expect(feed.items.map((i) => i.url)).toEqual([
      "https://news.example.com/sitemap-2024-05.xml",
      "https://news.example.com/news-sitemap.xml",
    ]);
  });
});

describe("parseFeed: refusals", () => {
  it("says an HTML page is not a feed and passes on the feeds it links to", () => {
    const error = parseError(() => parseFeed(fixture("section-front.html"), { url: "https://news.example.com/world" }));
    expect(error.message).toBe("body is an HTML page, not a feed");
    const { feeds } = error.details as { feeds: Array<{ url: string; source: string }> };
    expect(feeds[0]).toMatchObject({ url: "https://news.example.com/world/rss.xml", source: "link" });
    expect(parseError(() => parseFeed(fixture("html-served-as-feed.rss"))).message).toMatch(/HTML page/);
  });

  it.each([
    ["", "empty body"],
    ["   \n", "empty body"],
    ["just text", "neither XML nor JSON"],
    ["<note><to>Tove</to></note>", "root element <note>"],
    ["{ not json", "not valid JSON"],
  ])("refuses %j with a readable reason", (body, reason) => {
    expect(parseError(() => parseFeed(body)).message).toContain(reason);
  });

  it("returns output that matches the shared schema", () => {
    expect(() => ParsedFeedSchema.parse(parseFeed(fixture("iso-8859-1.rss")))).not.toThrow();
  });
});
