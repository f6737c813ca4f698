import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FeedParseError } from "../errors/index.ts";
import { parseHtmlListing } from "./index.ts";

const html = readFileSync(new URL("../../fixtures/section-front.html", import.meta.url), "utf8");

describe("parseHtmlListing", () => {
  it("keeps same-site article links with their headline text", () => {
    const feed = parseHtmlListing(html, { url: "https://news.example.com/world" });
    expect(feed).toMatchObject({ kind: "html", title: "Example News", link: "https://news.example.com/world" });
    expect(feed.items.map((i) => [i.url, i.title])).toEqual([
      ["https://news.example.com/world/2024/05/12/border-talks-resume", "Border talks resume after weeks of shelling"],
      ["https://www.news.example.com/world/article-123456", "Ceasefire holds overnight"],
      ["https://news.example.com/world/europe/leaders-meet-in-brussels-today", "Leaders meet in Brussels today"],
    ]);
    expect(feed.items[0]?.published).toBe("2024-05-12T08:00:00.000Z");
  });

  it("does not count navigation, tag pages or other sites as articles", () => {
    const urls = parseHtmlListing(html, { url: "https://news.example.com/world" }).items.map((i) => i.url);
    expect(urls.some((u) => /\/(about|tag\/|world$)|other\.example/.test(u ?? ""))).toBe(false);
  });

  it("narrows to a selector and a path pattern when given", () => {
    const feed = parseHtmlListing(html, {
      url: "https://news.example.com/world",
      selector: "ul.more",
      pattern: /^\/world\//,
    });
    expect(feed.items.map((i) => i.url)).toEqual([
      "https://news.example.com/world/europe/leaders-meet-in-brussels-today",
    ]);
  });

  it("throws a typed error for an invalid page URL", () => {
    expect(() => parseHtmlListing(html, { url: "not a url" })).toThrow(FeedParseError);
  });
});
