import type { FeedItem, ParsedFeed } from "@seismo/core";
import { normalizeDate } from "../dates/index.ts";
import { absolutizeHtml, resolveUrl } from "../urls/index.ts";
import {
  child,
  coreChild,
  coreChildren,
  elements,
  firstValue,
  innerXml,
  NS,
  textContent,
  type XmlElement,
} from "../xml/index.ts";

const ATOM = [NS.atom10, NS.atom03];
const DC = [NS.dc, NS.dcterms];

function decodeBase64(value: string): string {
  return Buffer.from(value.replace(/\s+/g, ""), "base64").toString("utf8");
}

const BINARY_TYPE = /^(?:image|audio|video|font|model)\/|^application\/(?:octet-stream|pdf|zip|gzip)$/;

/** A lone `<div>` wrapper (required for xhtml, common in html): its inside is the value. */
function unwrapDiv(el: XmlElement): XmlElement {
  const kids = elements(el);
  const only = kids[0];
  if (kids.length === 1 && only?.local === "div" && textContent(el).trim() === textContent(only).trim()) return only;
  return el;
}

function hasElements(el: XmlElement): boolean {
  return el.children.some((c) => c.type === "element");
}

/**
 * An Atom text construct as a string: text and html as their character data, xhtml and XML media
 * types as markup, binary media types base64-decoded (RFC 4287 §3.1, §4.1.3; Atom 0.3 `mode`).
 * Relative links inside html and xhtml are resolved against xml:base.
 */
export function textConstruct(el: XmlElement | null | undefined, base: string | null = null): string | null {
  if (!el) return null;
  const type = (el.attrs.type ?? "text").trim().toLowerCase();
  const mode = el.attrs.mode?.trim().toLowerCase();
  let value: string;
  let markup = type === "html" || type === "text/html";
  if (mode === "base64" || (BINARY_TYPE.test(type) && mode !== "escaped")) {
    value = decodeBase64(textContent(el));
  } else if (mode === "escaped") {
    value = textContent(el);
    markup = true;
  } else if (type === "xhtml" || type === "application/xhtml+xml" || mode === "xml") {
    value = innerXml(unwrapDiv(el));
    markup = true;
  } else if (type.endsWith("+xml") || type.endsWith("/xml")) {
    value = innerXml(el);
  } else {
    // text, html and unknown textual types; markup written unescaped is kept as markup.
    const inner = unwrapDiv(el);
    value = hasElements(inner) ? innerXml(inner) : textContent(inner);
  }
  const trimmed = value.trim();
  if (trimmed === "") return null;
  return markup ? absolutizeHtml(trimmed, el.base ?? base) : trimmed;
}

function personName(person: XmlElement | null | undefined): string | null {
  if (!person) return null;
  return firstValue(child(person, "name", ATOM), child(person, "email", ATOM)) ?? (textContent(person).trim() || null);
}

function authorOf(el: XmlElement | null | undefined): string | null {
  for (const author of coreChildren(el, "author", ATOM)) {
    const name = personName(author);
    if (name) return name;
  }
  return firstValue(child(el, "creator", DC));
}

/** The alternate link: rel="alternate" or no rel, preferring HTML over other types. */
function alternateLink(el: XmlElement | null | undefined, ...bases: Array<string | null>): string | null {
  const links = coreChildren(el, "link", ATOM).filter((l) => l.attrs.href?.trim());
  const alternates = links.filter((l) => (l.attrs.rel?.trim() || "alternate") === "alternate");
  const pick = alternates.find((l) => !l.attrs.type || /html/i.test(l.attrs.type)) ?? alternates[0] ?? links[0];
  if (!pick) return null;
  return resolveUrl(pick.attrs.href, pick.base, ...bases);
}

function parseEntry(
  entry: XmlElement,
  feedLink: string | null,
  pageUrl: string | null,
  feedAuthor: string | null,
): FeedItem {
  const url = alternateLink(entry, feedLink, pageUrl);
  const idEl = coreChild(entry, "id", ATOM);
  const rawId = firstValue(idEl);
  // Ids are IRIs; a relative one is relative to xml:base.
  const id = rawId && idEl?.base && !/^[a-z][a-z0-9+.-]*:/i.test(rawId) ? resolveUrl(rawId, idEl.base) : rawId;
  const published = firstValue(
    coreChild(entry, "published", ATOM),
    coreChild(entry, "issued", ATOM),
    coreChild(entry, "created", ATOM),
    child(entry, "date", DC),
  );
  const updated = firstValue(coreChild(entry, "updated", ATOM), coreChild(entry, "modified", ATOM));
  const contentEl = coreChild(entry, "content", ATOM);
  const source = coreChild(entry, "source", ATOM);
  const mediaGroup = child(entry, "group", [NS.media]);
  return {
    id: id ?? url,
    url,
    title:
      textConstruct(coreChild(entry, "title", ATOM), feedLink) ?? firstValue(child(mediaGroup, "title", [NS.media])),
    published: normalizeDate(published) ?? normalizeDate(updated),
    updated: normalizeDate(updated),
    author: authorOf(entry) ?? authorOf(source) ?? feedAuthor,
    summary:
      textConstruct(coreChild(entry, "summary", ATOM), feedLink) ??
      firstValue(child(mediaGroup, "description", [NS.media]), child(entry, "description", [NS.media])),
    content: textConstruct(contentEl, feedLink ?? pageUrl),
  };
}

/** Atom 1.0 and 0.3. */
export function parseAtom(root: XmlElement, pageUrl: string | null): ParsedFeed {
  const link = alternateLink(root, pageUrl) ?? resolveUrl(root.base, pageUrl);
  const feedAuthor = authorOf(root);
  return {
    kind: "atom",
    title: textConstruct(coreChild(root, "title", ATOM), link),
    link,
    items: coreChildren(root, "entry", ATOM).map((entry) => parseEntry(entry, link, pageUrl, feedAuthor)),
    warnings: [],
  };
}
