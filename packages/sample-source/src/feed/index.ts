import type { SampleArticle } from "../fixtures/index.ts";

export const SITE_NAME = "Seismo Sample Wire";

export interface FeedOptions {
  /** Scheme, host and port the links point at, without a trailing slash. */
  origin: string;
  articles: readonly SampleArticle[];
}

/** RSS 2.0 with dc:creator; items newest first whatever the input order. */
export function renderFeed({ origin, articles }: FeedOptions): string {
  const items = [...articles].sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
  const newest = items[0]?.published;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    `<title>${escapeXml(SITE_NAME)}</title>`,
    `<link>${escapeXml(`${origin}/`)}</link>`,
    `<atom:link href="${escapeXml(`${origin}/feed.xml`)}" rel="self" type="application/rss+xml"/>`,
    "<description>Sample Western Balkans news for offline Seismo runs &amp; tests</description>",
    "<language>en</language>",
    newest === undefined ? "" : `<lastBuildDate>${rfc822(newest)}</lastBuildDate>`,
    "<ttl>5</ttl>",
    ...items.map((a) => renderItem(origin, a)),
    "</channel>",
    "</rss>",
    "",
  ];
  return lines.filter((l) => l !== "").join("\n");
}

function renderItem(origin: string, a: SampleArticle): string {
  const url = `${origin}${a.path}`;
  return [
    "<item>",
    `  <title>${escapeXml(a.title)}</title>`,
    `  <link>${escapeXml(url)}</link>`,
    `  <guid isPermaLink="true">${escapeXml(url)}</guid>`,
    `  <pubDate>${rfc822(a.published)}</pubDate>`,
    `  <dc:creator>${escapeXml(a.byline)}</dc:creator>`,
    `  <dc:language>${escapeXml(a.language)}</dc:language>`,
    `  <description>${escapeXml(a.summary)}</description>`,
    "</item>",
  ].join("\n");
}

/** RFC 822 date as RSS 2.0 wants it; toUTCString gives "Fri, 29 Sep 2023 16:20:00 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

// XML 1.0 forbids most C0 controls even when escaped, so they are dropped rather than encoded.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
