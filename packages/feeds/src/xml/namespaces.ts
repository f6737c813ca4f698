export const NS = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rss10: "http://purl.org/rss/1.0/",
  rss09: "http://my.netscape.com/rdf/simple/0.9/",
  atom10: "http://www.w3.org/2005/Atom",
  atom03: "http://purl.org/atom/ns#",
  dc: "http://purl.org/dc/elements/1.1/",
  dcterms: "http://purl.org/dc/terms/",
  content: "http://purl.org/rss/1.0/modules/content/",
  media: "http://search.yahoo.com/mrss/",
  itunes: "http://www.itunes.com/dtds/podcast-1.0.dtd",
  xhtml: "http://www.w3.org/1999/xhtml",
  sitemap: "http://www.sitemaps.org/schemas/sitemap/0.9",
  news: "http://www.google.com/schemas/sitemap-news/0.9",
} as const;

/** Used when a feed writes a prefix without declaring it. */
export const WELL_KNOWN_PREFIXES: Record<string, string> = {
  rdf: NS.rdf,
  atom: NS.atom10,
  a10: NS.atom10,
  dc: NS.dc,
  dcterms: NS.dcterms,
  content: NS.content,
  media: NS.media,
  itunes: NS.itunes,
  xhtml: NS.xhtml,
  news: NS.news,
};

const key = (uri: string) =>
  uri
    .trim()
    .toLowerCase()
    .replace(/[/#]+$/, "");
const CANONICAL = new Map<string, string>(Object.values(NS).map((uri) => [key(uri), uri]));

/**
 * Namespace URIs arrive with stray spaces, odd casing and missing trailing slashes
 * (`http://purl.org/dc/elements/1.1`); known ones are mapped to one spelling.
 */
export function canonicalNamespace(uri: string): string {
  return CANONICAL.get(key(uri)) ?? uri.trim();
}
