import type { FeedItem, ParsedFeed } from "@seismo/core";
import { normalizeDate } from "../dates/index.ts";
import { resolveUrl } from "../urls/index.ts";
import { child, coreChild, coreChildren, elements, firstValue, innerXml, NS, textContent, type XmlElement } from "../xml/index.ts";

const ATOM = [NS.atom10, NS.atom03];
const DC = [NS.dc, NS.dcterms];

function decodeBase64(value: string): string {
  return Buffer.from(value.replace(/\s+/g, ""), "base64").toString("utf8");
}

/**
 * An Atom text construct as a string: text and html as their character data, xhtml as the markup
 * inside the wrapping div, other media types base64-decoded unless textual (RFC 4287 §3.1, §4.1.3).
 */
export function textConstruct(el: XmlElement | null | undefined): string | null {
  if (!el) return null;
  const type = (el.attrs.type ?? "text").trim().toLowerCase();
  const mode = el.attrs.mode?.trim().toLowerCase(); // Atom 0.3
  const hasElements = el.children.some((c) => c.type === "element");
  let value: string;
  if (mode === "base64") value = decodeBase64(textContent(el));
  else if (type === "xhtml" || type === "application/xhtml+xml" || mode === "xml" || (hasElements && mode !== "escaped")) {
    const kids = elements(el);
    const onlyDiv = kids.length === 1 && kids[0]?.local === "div" && textContent(el).trim() === textContent(kids[0]).trim();
    value = onlyDiv && kids[0] ? innerXml(kids[0]) : innerXml(el);
  } else if (type === "text" || type === "html" || type.startsWith("text/") || type.endsWith("xml") || type.includes("/") === false)
    value = textContent(el);
  else value = decodeBase64(textContent(el));
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
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

function parseEntry(entry: XmlElement, feedLink: string | null, pageUrl: string | null, feedAuthor: string | null): FeedItem {
  const url = alternateLink(entry, feedLink, pageUrl);
  const id = firstValue(coreChild(entry, "id", ATOM));
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
    title: textConstruct(coreChild(entry, "title", ATOM)) ?? firstValue(child(mediaGroup, "title", [NS.media])),
    published: normalizeDate(published) ?? normalizeDate(updated),
    updated: normalizeDate(updated),
    author: authorOf(entry) ?? authorOf(source) ?? feedAuthor,
    summary:
      textConstruct(coreChild(entry, "summary", ATOM)) ??
      firstValue(child(mediaGroup, "description", [NS.media]), child(entry, "description", [NS.media])),
    content: textConstruct(contentEl),
  };
}

/** Atom 1.0 and 0.3. */
export function parseAtom(root: XmlElement, pageUrl: string | null): ParsedFeed {
  const link = alternateLink(root, pageUrl) ?? resolveUrl(root.base, pageUrl);
  const feedAuthor = authorOf(root);
  return {
    kind: "atom",
    title: textConstruct(coreChild(root, "title", ATOM)),
    link,
    items: coreChildren(root, "entry", ATOM).map((entry) => parseEntry(entry, link, pageUrl, feedAuthor)),
    warnings: [],
  };
}
