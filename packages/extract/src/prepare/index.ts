import { DROP_TAGS, MAYBE_CANDIDATE, UNLIKELY, UNLIKELY_ROLES } from "../body/patterns.ts";
import { type AnyNode, collapse, type Document, type Element, isElement, rawText } from "../dom/index.ts";

/** Everything the metadata extractors need, gathered in the same pass that prunes the tree. */
export interface PageSignals {
  /** First content per lower-cased meta name/property/itemprop/http-equiv. */
  meta: Map<string, string>;
  jsonLd: string[];
  canonical: string | null;
  baseHref: string | null;
  titleTag: string | null;
  h1: string[];
  htmlLang: string | null;
  times: { datetime: string; text: string; published: boolean }[];
  authorTexts: string[];
  authorLinks: string[];
  dateTexts: string[];
  images: string[];
  body: Element | null;
  /** Furniture by class/id/role: skipped by the scorer, unless the strict pass finds too little. */
  unlikely: Set<Element>;
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const DATE_HINT =
  /(^|[-_ ])(date|time|timestamp|published|pubdate|posted|dateline|datum|vreme|data)([-_ ]|$)|publish|posted-on|entry-date/i;
const AUTHOR_HINT = /(^|[-_ ])(byline|author|autor|writer|creator)([-_ ]|$)/i;
/** Containers of other items (comments, teasers): their dates and names are not the article's. */
const FURNITURE =
  /comment|disqus|replies|sidebar|complementary|related|recommend|most-?popular|trending|outbrain|taboola|teaser|promo|footer|community/i;
const NO_UNLIKELY_TAGS = new Set(["html", "body", "a", "article", "main"]);

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  if (a["aria-hidden"] === "true" && !(a.class ?? "").includes("fallback-image")) return true;
  const style = a.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}

interface Ctx {
  s: PageSignals;
  /** Depth counters, so one walk knows its ancestry without climbing. */
  inTableOrCode: number;
  dropped: number;
  /** Inside a sidebar, comment thread or similar: dates and names there belong to other items. */
  furniture: number;
}

function recordMeta(s: PageSignals, el: Element): void {
  const a = el.attribs;
  const content = a.content;
  if (content === undefined) return;
  const keys = `${a.name ?? ""} ${a.property ?? ""} ${a.itemprop ?? ""} ${a["http-equiv"] ?? ""}`;
  for (const k of keys.toLowerCase().split(/\s+/)) {
    if (k && !s.meta.has(k)) s.meta.set(k, content.trim());
  }
}

function record(ctx: Ctx, el: Element): void {
  const s = ctx.s;
  const a = el.attribs;
  switch (el.name) {
    case "meta":
      recordMeta(s, el);
      return;
    case "link": {
      const rel = (a.rel ?? "").toLowerCase();
      if (rel === "canonical" && a.href && s.canonical === null) s.canonical = a.href;
      else if (rel === "author" && a.href) s.authorLinks.push(a.href);
      return;
    }
    case "script":
      if ((a.type ?? "").toLowerCase().includes("ld+json")) s.jsonLd.push(rawText(el));
      return;
    case "title":
      if (s.titleTag === null) s.titleTag = collapse(rawText(el));
      return;
    case "base":
      if (s.baseHref === null && a.href) s.baseHref = a.href;
      return;
    case "html":
      if (s.htmlLang === null && (a.lang || a["xml:lang"])) s.htmlLang = a.lang || a["xml:lang"] || null;
      return;
    case "body":
      if (s.body === null) s.body = el;
      return;
  }
  if (ctx.dropped > 0 || ctx.furniture > 0) return;
  const prop = a.itemprop;
  if (prop !== undefined && a.content !== undefined) recordMeta(s, el);
  if (el.name === "h1") s.h1.push(collapse(rawText(el)));
  else if (el.name === "time") {
    const datetime = a.datetime ?? a.content ?? "";
    const hint = `${prop ?? ""} ${a.class ?? ""} ${a.pubdate !== undefined ? "pubdate" : ""}`;
    s.times.push({ datetime, text: collapse(rawText(el)), published: /published|pubdate|datecreated/i.test(hint) });
  } else if (el.name === "img" && s.images.length < 3) {
    const src = a.src || a["data-src"] || "";
    if (src && !src.startsWith("data:")) s.images.push(src);
  }
  const hint = `${a.class ?? ""} ${a.id ?? ""}`;
  if (hint.length > 1) {
    if (prop === "author" || (a.rel ?? "").includes("author") || AUTHOR_HINT.test(hint)) {
      const t = collapse(rawText(el));
      if (t && t.length < 100 && s.authorTexts.length < 10) s.authorTexts.push(t);
    } else if (DATE_HINT.test(hint) && s.dateTexts.length < 20) {
      const t = collapse(rawText(el));
      if (t && t.length < 200) s.dateTexts.push(t);
    }
  } else if (prop === "author" || (a.rel ?? "").includes("author")) {
    const t = collapse(rawText(el));
    if (t && t.length < 100 && s.authorTexts.length < 10) s.authorTexts.push(t);
  }
}

function isUnlikely(ctx: Ctx, el: Element): boolean {
  if (NO_UNLIKELY_TAGS.has(el.name) || ctx.inTableOrCode > 0) return false;
  if ((el.attribs.itemprop ?? "").includes("articleBody")) return false;
  const role = el.attribs.role;
  if (role !== undefined && UNLIKELY_ROLES.has(role)) return true;
  if (el.name === "header") return true;
  const hint = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
  return hint.length > 1 && UNLIKELY.test(hint) && !MAYBE_CANDIDATE.test(hint);
}

function visit(ctx: Ctx, parent: Element | Document): void {
  const kids = parent.children;
  let w = 0;
  for (const child of kids) {
    if (child.type === "text") {
      kids[w++] = child;
      continue;
    }
    if (!isElement(child as AnyNode)) continue; // comments, directives, processing instructions
    const el = child as Element;
    record(ctx, el);
    const drop = DROP_TAGS.has(el.name) || isHidden(el);
    const unlikely = !drop && isUnlikely(ctx, el);
    if (unlikely) ctx.s.unlikely.add(el);
    const furniture =
      unlikely && FURNITURE.test(`${el.attribs.class ?? ""} ${el.attribs.id ?? ""} ${el.attribs.role ?? ""}`);
    // Dropped subtrees are still walked: JSON-LD and <meta> may sit anywhere.
    if (el.name !== "script" && el.name !== "style" && el.children.length > 0) {
      const tc = el.name === "table" || el.name === "code" || el.name === "pre";
      if (tc) ctx.inTableOrCode++;
      if (drop) ctx.dropped++;
      if (furniture) ctx.furniture++;
      visit(ctx, el);
      if (tc) ctx.inTableOrCode--;
      if (drop) ctx.dropped--;
      if (furniture) ctx.furniture--;
    }
    if (!drop) kids[w++] = el;
  }
  kids.length = w;
}

/** Walks the document once: collects metadata signals and removes non-content subtrees in place. */
export function prepare(doc: Document): PageSignals {
  const s: PageSignals = {
    meta: new Map(),
    jsonLd: [],
    canonical: null,
    baseHref: null,
    titleTag: null,
    h1: [],
    htmlLang: null,
    times: [],
    authorTexts: [],
    authorLinks: [],
    dateTexts: [],
    images: [],
    body: null,
    unlikely: new Set(),
  };
  visit({ s, inTableOrCode: 0, dropped: 0, furniture: 0 }, doc);
  return s;
}
