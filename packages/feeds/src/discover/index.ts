import * as cheerio from "cheerio";
import { resolveUrl } from "../urls/index.ts";

export interface FeedCandidate {
  url: string;
  /** Where the candidate came from: a `<link rel=alternate>` or a guessed common path. */
  source: "link" | "guess";
  type: string | null;
  title: string | null;
}

const FEED_TYPES = [
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/feed+json",
  "application/json",
  "application/xml",
  "text/xml",
];

export const COMMON_FEED_PATHS = [
  "/feed",
  "/rss",
  "/rss.xml",
  "/atom.xml",
  "/feed.xml",
  "/sitemap.xml",
  "/news-sitemap.xml",
] as const;

/**
 * Feed URLs for a page: the ones it advertises with `<link rel="alternate">` first, then the usual
 * paths on its origin, which the caller has to try since nothing says they exist.
 */
export function discoverFeeds(html: string, pageUrl: string): FeedCandidate[] {
  const $ = cheerio.load(html);
  const base = resolveUrl($("base[href]").attr("href"), pageUrl) ?? pageUrl;
  const seen = new Set<string>();
  const out: FeedCandidate[] = [];
  const add = (candidate: FeedCandidate) => {
    if (seen.has(candidate.url)) return;
    seen.add(candidate.url);
    out.push(candidate);
  };
  $("link[href]").each((_, el) => {
    const rel = ($(el).attr("rel") ?? "").toLowerCase().split(/\s+/);
    const type = ($(el).attr("type") ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
    if (!rel.includes("alternate") || !FEED_TYPES.includes(type)) return;
    const url = resolveUrl($(el).attr("href"), base);
    if (!url || !/^https?:/i.test(url)) return;
    add({ url, source: "link", type, title: $(el).attr("title")?.trim() || null });
  });
  let origin: string | null = null;
  try {
    origin = new URL(pageUrl).origin;
  } catch {
    origin = null;
  }
  if (origin && origin !== "null") {
    for (const path of COMMON_FEED_PATHS) add({ url: `${origin}${path}`, source: "guess", type: null, title: null });
  }
  return out;
}

/** Sitemap URLs listed in a robots.txt (`Sitemap:` lines, any case, anywhere in the file). */
export function sitemapsFromRobots(robotsTxt: string, robotsUrl?: string): string[] {
  const out: string[] = [];
  for (const line of robotsTxt.split(/\r?\n|\r/)) {
    const match = /^\s*sitemap\s*:\s*(\S+)/i.exec(line);
    const url = match?.[1] ? resolveUrl(match[1], robotsUrl) : null;
    if (url && /^https?:\/\//i.test(url) && !out.includes(url)) out.push(url);
  }
  return out;
}
