import { canonicalize, resolveUrl } from "../canonical-url/index.ts";
import { dateFromUrl, findDateInText, normalizeDate } from "../dates/index.ts";
import { MONTHS } from "../dates/months.ts";
import type { JsonLdArticle } from "../json-ld/index.ts";
import { primaryLanguage } from "../language/index.ts";
import type { PageSignals } from "../prepare/index.ts";
import { cleanTitle } from "./title.ts";

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  /** Declared language; detection on the body text happens later, only when this is null. */
  language: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  leadImage: string | null;
}

const PUBLISHED_KEYS = [
  "article:published_time",
  "og:article:published_time",
  "datepublished",
  "article.published",
  "published_time",
  "publish-date",
  "publish_date",
  "publishdate",
  "pubdate",
  "parsely-pub-date",
  "sailthru.date",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date",
  "dcterms.date",
  "dcterms.created",
  "citation_publication_date",
  "citation_date",
  "og:published_time",
  "date",
  "datecreated",
  "originalpublicationdate",
  "cxenseparse:recs:publishtime",
];
const MODIFIED_KEYS = [
  "article:modified_time",
  "og:updated_time",
  "datemodified",
  "dcterms.modified",
  "last-modified",
  "lastmod",
];
const AUTHOR_KEYS = [
  "dc:creator",
  "dc.creator",
  "dcterm:creator",
  "dcterms.creator",
  "author",
  "article:author",
  "parsely-author",
  "sailthru.author",
  "byl",
  "citation_author",
];
const TITLE_KEYS = [
  "dc:title",
  "dc.title",
  "dcterm:title",
  "dcterms.title",
  "og:title",
  "twitter:title",
  "parsely-title",
];
const IMAGE_KEYS = ["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "image"];

function firstMeta(meta: Map<string, string>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v) return v;
  }
  return null;
}

const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?$/i;

/** Name part of a byline block: drops "By", and the date, handle or role that often follows it. */
function cleanByline(raw: string | null): string | null {
  if (!raw) return null;
  const s = raw
    .replace(/\s+/g, " ")
    .replace(/^(by|posted by|written by|words by|von|par|por|autor|author|piše|pise|nga)\s*:?\s+/i, "")
    .split(/\s+[-–—|•·@]\s*|\s@|\d/)[0]
    ?.trim()
    .split(" ");
  while (s && s.length > 1) {
    const last = (s[s.length - 1] ?? "").replace(/[.,]$/, "");
    if (MONTHS.has(last.toLowerCase()) || WEEKDAY.test(last) || last === "") s.pop();
    else break;
  }
  const name =
    s
      ?.join(" ")
      .replace(/[,;:]$/, "")
      .trim() ?? "";
  if (!name || name.length > 120 || /^(https?:|(last )?updated|published|posted|objavljeno|publikuar)/i.test(name))
    return null;
  return name;
}

function pickPublished(
  s: PageSignals,
  ld: JsonLdArticle | null,
  url: string | null,
  monthFirst: boolean,
): string | null {
  const declared = normalizeDate(ld?.datePublished) ?? normalizeDate(firstMeta(s.meta, PUBLISHED_KEYS), monthFirst);
  if (declared) return declared;
  const times = [...s.times.filter((t) => t.published), ...s.times];
  for (const t of times) {
    const d = normalizeDate(t.datetime) ?? findDateInText(t.text, monthFirst);
    if (d) return d;
  }
  const fromUrl = dateFromUrl(url);
  if (fromUrl) return fromUrl;
  for (const t of s.dateTexts) {
    const d = findDateInText(t, monthFirst);
    if (d) return d;
  }
  return null;
}

export function extractMetadata(s: PageSignals, ld: JsonLdArticle | null, pageUrl: string | null): PageMetadata {
  const base = resolveUrl(s.baseHref, pageUrl) ?? pageUrl;
  const siteName =
    firstMeta(s.meta, ["og:site_name", "application-name", "apple-mobile-web-app-title"]) ?? ld?.publisher ?? null;
  const canonicalUrl =
    canonicalize(s.canonical, pageUrl) ??
    canonicalize(firstMeta(s.meta, ["og:url"]), pageUrl) ??
    canonicalize(ld?.url, pageUrl) ??
    canonicalize(pageUrl);
  const language = primaryLanguage(
    s.htmlLang ??
      firstMeta(s.meta, ["og:locale", "content-language", "dc.language", "language", "inlanguage"]) ??
      ld?.language,
  );
  const monthFirst = language === "en" || language === null;
  const metaTitle = ld?.headline ?? firstMeta(s.meta, TITLE_KEYS);
  const byline = cleanByline(
    ld?.author ?? firstMeta(s.meta, AUTHOR_KEYS) ?? s.authorTexts.find((t) => cleanByline(t) !== null) ?? null,
  );
  const image = firstMeta(s.meta, IMAGE_KEYS) ?? ld?.image ?? s.images[0] ?? null;
  return {
    title: cleanTitle(metaTitle, s.titleTag, s.h1, siteName),
    byline,
    published: pickPublished(s, ld, canonicalUrl ?? pageUrl, monthFirst),
    modified: normalizeDate(ld?.dateModified) ?? normalizeDate(firstMeta(s.meta, MODIFIED_KEYS), monthFirst),
    language,
    siteName: siteName?.trim() || null,
    canonicalUrl,
    leadImage: resolveUrl(image, base) ?? (image && /^https?:/i.test(image) ? image : null),
  };
}
