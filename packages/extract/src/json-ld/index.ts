/** What the page's schema.org JSON-LD says about its article. Every field may be missing. */
export interface JsonLdArticle {
  headline: string | null;
  author: string | null;
  datePublished: string | null;
  dateModified: string | null;
  articleBody: string | null;
  publisher: string | null;
  image: string | null;
  language: string | null;
  url: string | null;
}

const ARTICLE_TYPE = /article|posting|report|story|review|creativework/i;
const PAGE_TYPE = /webpage/i;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stripControls(s: string): string {
  let out = "";
  for (const ch of s) out += ch.charCodeAt(0) < 0x20 ? " " : ch;
  return out;
}

function parseLoose(raw: string): Json | undefined {
  const cleaned = raw
    .replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, "")
    .replace(/(-->|\/\/\s*\]\]>|\]\]>)\s*$/, "")
    .trim();
  if (!cleaned) return undefined;
  try {
    return JSON.parse(cleaned) as Json;
  } catch {
    try {
      // Publishers often leave raw newlines inside strings or trailing commas.
      return JSON.parse(stripControls(cleaned).replace(/,\s*([}\]])/g, "$1")) as Json;
    } catch {
      return undefined;
    }
  }
}

function flatten(v: Json | undefined, out: JsonObject[], depth = 0): void {
  if (depth > 4 || v === undefined || v === null) return;
  if (Array.isArray(v)) {
    for (const x of v) flatten(x, out, depth + 1);
    return;
  }
  if (!isObject(v)) return;
  out.push(v);
  if (v["@graph"] !== undefined) flatten(v["@graph"], out, depth + 1);
}

function typeOf(o: JsonObject): string {
  const t = o["@type"];
  return Array.isArray(t) ? t.filter((x) => typeof x === "string").join(" ") : typeof t === "string" ? t : "";
}

function str(v: Json | undefined): string | null {
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number") return String(v);
  return null;
}

/** Names from a string, a Person/Organization, or a list of those. */
function names(v: Json | undefined, depth = 0): string[] {
  if (depth > 3 || v === undefined || v === null) return [];
  if (typeof v === "string") return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return v.flatMap((x) => names(x, depth + 1));
  if (isObject(v)) {
    const n = str(v.name);
    return n ? [n] : [];
  }
  return [];
}

function url(v: Json | undefined, depth = 0): string | null {
  if (depth > 3 || v === undefined || v === null) return null;
  if (typeof v === "string") return v.trim() || null;
  if (Array.isArray(v)) return v.length > 0 ? url(v[0], depth + 1) : null;
  if (isObject(v)) return str(v.url) ?? str(v.contentUrl) ?? str(v["@id"]);
  return null;
}

const wordSet = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );

/** Some sites put a description in headline and the title in name: keep the one closer to <title>. */
function pickHeadline(o: JsonObject, titleTag: string | null): string | null {
  const headline = str(o.headline);
  const name = str(o.name);
  if (!headline || !name || headline === name || !titleTag) return headline ?? name;
  const t = wordSet(titleTag);
  const overlap = (s: string) => [...wordSet(s)].filter((w) => t.has(w)).length / Math.max(1, wordSet(s).size);
  return overlap(name) > overlap(headline) ? name : headline;
}

export function parseJsonLd(scripts: readonly string[], titleTag: string | null = null): JsonLdArticle | null {
  const objects: JsonObject[] = [];
  for (const raw of scripts) flatten(parseLoose(raw), objects);
  const article =
    objects.find((o) => ARTICLE_TYPE.test(typeOf(o)) && (o.headline !== undefined || o.articleBody !== undefined)) ??
    objects.find((o) => ARTICLE_TYPE.test(typeOf(o))) ??
    objects.find((o) => PAGE_TYPE.test(typeOf(o)));
  if (!article) return null;
  const authors = [...new Set(names(article.author ?? article.creator))];
  const publisher = names(article.publisher)[0] ?? null;
  return {
    headline: pickHeadline(article, titleTag),
    author: authors.length > 0 ? authors.join(", ") : null,
    datePublished: str(article.datePublished) ?? str(article.dateCreated),
    dateModified: str(article.dateModified),
    articleBody: str(article.articleBody) ?? str(article.text),
    publisher,
    image: url(article.image) ?? url(article.thumbnailUrl),
    language: str(article.inLanguage),
    url: url(article.mainEntityOfPage) ?? str(article.url),
  };
}
