import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { discoverFeeds, sitemapsFromRobots } from "./index.ts";

const html = readFileSync(new URL("../../fixtures/section-front.html", import.meta.url), "utf8");

describe("discoverFeeds", () => {
  it("lists advertised feeds first, then common paths on the origin", () => {
    const feeds = discoverFeeds(html, "https://news.example.com/world");
    expect(feeds.slice(0, 2)).toEqual([
      {
        url: "https://news.example.com/world/rss.xml",
        source: "link",
        type: "application/rss+xml",
        title: "World RSS",
      },
      { url: "https://news.example.com/atom.xml", source: "link", type: "application/atom+xml", title: null },
    ]);
    expect(feeds.filter((f) => f.source === "guess").map((f) => f.url)).toEqual([
      "https://news.example.com/feed",
      "https://news.example.com/rss",
      "https://news.example.com/rss.xml",
      "https://news.example.com/feed.xml",
      "https://news.example.com/sitemap.xml",
      "https://news.example.com/news-sitemap.xml",
    ]);
  });

  it("ignores stylesheets and other non-feed links", () => {
    expect(discoverFeeds(html, "https://news.example.com/").some((f) => f.url.endsWith(".css"))).toBe(false);
  });
});

describe("sitemapsFromRobots", () => {
  it("collects Sitemap lines in any case and skips everything else", () => {
    const robots = [
      "User-agent: *",
      "Disallow: /search",
      "Sitemap: https://news.example.com/sitemap.xml",
      "sitemap:https://news.example.com/news-sitemap.xml  ",
      "# Sitemap: https://news.example.com/commented.xml",
      "Sitemap: /relative.xml",
      "Sitemap: https://news.example.com/sitemap.xml",
    ].join("\r\n");
    expect(sitemapsFromRobots(robots, "https://news.example.com/robots.txt")).toEqual([
      "https://news.example.com/sitemap.xml",
      "https://news.example.com/news-sitemap.xml",
      "https://news.example.com/relative.xml",
    ]);
  });
});
