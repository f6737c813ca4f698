import type { FeedItem, ParsedFeed } from "@seismo/core";
import { normalizeDate } from "../dates/index.ts";
import { absolutizeHtml, resolveUrl } from "../urls/index.ts";
import {
  child,
  childrenNamed,
  coreChild,
  coreChildren,
  elements,
  elementValue,
  firstValue,
  NS,
  type XmlElement,
} from "../xml/index.ts";

const CORE = [NS.rss10, NS.rss09];
const ATOM = [NS.atom10, NS.atom03];
const DC = [NS.dc, NS.dcterms];

/** RSS <link> is text; a few feeds write `<link href="…"/>` instead. */
function linkValue(link: XmlElement): string | null {
  return elementValue(link) ?? link.attrs.href?.trim() ?? null;
}

function firstLink(el: XmlElement): XmlElement | null {
  return coreChildren(el, "link", CORE).find((l) => linkValue(l) !== null) ?? null;
}

function atomAlternate(el: XmlElement): string | null {
  const links = childrenNamed(el, "link", ATOM);
  const alt = links.find((l) => (l.attrs.rel ?? "alternate") === "alternate" && l.attrs.href);
  return alt?.attrs.href ?? null;
}

function mediaGroupValue(item: XmlElement, local: string): string | null {
  return firstValue(child(item, local, [NS.media]), child(child(item, "group", [NS.media]), local, [NS.media]));
}

function author(item: XmlElement): string | null {
  const atomAuthor = child(item, "author", ATOM);
  // dc:creator is a name; RSS <author> is meant to be an e-mail address, so it comes second.
  return firstValue(
    child(item, "creator", DC),
    coreChild(item, "author", CORE),
    child(item, "author", [NS.itunes]),
    child(atomAuthor, "name", ATOM),
    child(item, "credit", [NS.media]),
  );
}

function parseItem(item: XmlElement, channelLink: string | null, pageUrl: string | null): FeedItem {
  const linkEl = firstLink(item);
  const guidEl = coreChild(item, "guid", CORE);
  const guid = elementValue(guidEl);
  const about = item.attrs["rdf:about"]?.trim() || null;
  const rawUrl = linkEl ? linkValue(linkEl) : atomAlternate(item);
  let url = resolveUrl(rawUrl, linkEl?.base ?? item.base, channelLink, pageUrl);
  // A guid is a permalink unless it says otherwise (RSS 2.0 spec).
  if (!url && guid && guidEl?.attrs.isPermaLink?.toLowerCase() !== "false" && /^https?:\/\//i.test(guid)) url = guid;
  if (!url && about && /^https?:\/\//i.test(about)) url = about;

  const published = firstValue(
    coreChild(item, "pubDate", CORE),
    child(item, "date", DC),
    child(item, "issued", DC),
    child(item, "created", DC),
    child(item, "published", ATOM),
  );
  const updated = firstValue(child(item, "modified", DC), child(item, "updated", ATOM));
  const descriptionEl = coreChild(item, "description", CORE);
  const summary = firstValue(descriptionEl, child(item, "description", DC), child(item, "summary", [NS.itunes]));
  const encodedEl = child(item, "encoded", [NS.content]);
  const content = firstValue(encodedEl, child(item, "content", ATOM));
  // Relative links in the HTML would otherwise point at whatever page shows the text.
  const htmlBase = (el: XmlElement | null) => resolveUrl(el?.base ?? item.base, channelLink, pageUrl) ?? channelLink;
  return {
    id: guid ?? about ?? url,
    url,
    title: firstValue(coreChild(item, "title", CORE), child(item, "title", DC)) ?? mediaGroupValue(item, "title"),
    published: normalizeDate(published) ?? normalizeDate(updated),
    updated: normalizeDate(updated),
    author: author(item),
    summary: summary ? absolutizeHtml(summary, htmlBase(descriptionEl)) : mediaGroupValue(item, "description"),
    content: content ? absolutizeHtml(content, htmlBase(encodedEl)) : null,
  };
}

/** RSS 0.9x/2.0 (`<rss><channel>`) and RSS 0.90/1.0 (`<rdf:RDF>`, items beside the channel). */
export function parseRss(root: XmlElement, pageUrl: string | null, kind: "rss" | "rdf"): ParsedFeed {
  const warnings: string[] = [];
  const channel = coreChild(root, "channel", CORE) ?? (root.local === "channel" ? root : null);
  if (!channel) warnings.push("no <channel> element");
  const linkEl = channel ? firstLink(channel) : null;
  const rawLink = linkEl ? linkValue(linkEl) : channel ? atomAlternate(channel) : null;
  const link = resolveUrl(rawLink, linkEl?.base ?? channel?.base ?? root.base, pageUrl);
  // RSS 1.0 puts items beside the channel; broken 2.0 feeds sometimes do too.
  const itemEls = [...coreChildren(channel, "item", CORE), ...coreChildren(root, "item", CORE)];
  if (itemEls.length === 0 && channel) {
    for (const el of elements(channel)) if (el.local === "item") itemEls.push(el);
  }
  const title = firstValue(coreChild(channel, "title", CORE), child(channel, "title", DC));
  return {
    kind,
    title,
    link,
    items: itemEls.map((item) => parseItem(item, link, pageUrl)),
    warnings,
  };
}
