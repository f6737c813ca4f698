import { type ExtractedArticle, ExtractedArticleSchema } from "@seismo/core";
import { Element } from "domhandler";
import { paragraphFallback } from "../body/fallback.ts";
import { extractBody } from "../body/index.ts";
import { type Document, parseHtml } from "../dom/index.ts";
import { parseJsonLd } from "../json-ld/index.ts";
import { detectLanguage } from "../language/index.ts";
import { extractMetadata } from "../metadata/index.ts";
import { prepare } from "../prepare/index.ts";

export interface ExtractOptions {
  /** The page's URL: resolves relative canonical/image links and supplies a date from the path. */
  url?: string;
}

/** JSON-LD articleBody is used when the DOM yields clearly less than it (paywalls, JS-rendered bodies). */
const LD_MIN_CHARS = 250;
const LD_DOM_RATIO = 0.6;
/** Below this the scored container is probably wrong: compare with a plain paragraph sweep. */
const FALLBACK_BELOW = 250;

const EMPTY: ExtractedArticle = {
  title: null,
  byline: null,
  published: null,
  modified: null,
  language: null,
  siteName: null,
  canonicalUrl: null,
  leadImage: null,
  text: "",
};

function contentRoot(doc: Document, body: Element | null): Element {
  if (body) return body;
  const html = doc.children.find((c): c is Element => c instanceof Element && c.name === "html");
  // Fragments have neither: score under a detached wrapper whose children keep their parents.
  return html ?? new Element("div", {}, doc.children);
}

function plainArticleBody(body: string): string {
  if (!/<\/?[a-z][^>]*>/i.test(body)) return body.replace(/\r\n?/g, "\n").trim();
  return body
    .replace(/<\/(p|div|h[1-6]|li|blockquote)>|<br\s*\/?>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function extract(html: string, options: ExtractOptions): ExtractedArticle {
  const doc = parseHtml(html);
  const signals = prepare(doc);
  const ld = parseJsonLd(signals.jsonLd, signals.titleTag);
  const meta = extractMetadata(signals, ld, options.url ?? null);

  let text = extractBody(contentRoot(doc, signals.body), signals.unlikely, meta.title ?? "");
  if (text.length < FALLBACK_BELOW) {
    const sweep = paragraphFallback(contentRoot(doc, signals.body));
    if (sweep.length > text.length * 2) text = sweep;
  }
  const ldBody = ld?.articleBody ? plainArticleBody(ld.articleBody) : "";
  if (ldBody.length >= LD_MIN_CHARS && text.length < ldBody.length * LD_DOM_RATIO) text = ldBody;

  return ExtractedArticleSchema.parse({
    ...meta,
    language: meta.language ?? detectLanguage(text),
    text,
  });
}

/**
 * Extracts the main article and its metadata from an HTML page. Never throws: input that defeats
 * every rule yields nulls and an empty text.
 */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  try {
    return extract(typeof html === "string" ? html : String(html ?? ""), options);
  } catch {
    // Last-resort guard for pathological markup; the caller records an empty extraction.
    return { ...EMPTY };
  }
}
