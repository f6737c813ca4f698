import { SeismoError } from "@seismo/core";
import type { Source, SourceInput } from "@seismo/store";
import { load } from "cheerio";

/** Reads the feeds of an OPML file (nested outlines included); category becomes a tag. */
export function parseOpml(xml: string): SourceInput[] {
  const $ = load(xml, { xml: true });
  if ($("opml").length === 0) throw new SeismoError("bad_request", "not an OPML document (no <opml> element)");
  const out: SourceInput[] = [];
  $("outline[xmlUrl], outline[xmlurl]").each((_, el) => {
    const o = $(el);
    const url = o.attr("xmlUrl") ?? o.attr("xmlurl") ?? "";
    const name = o.attr("title") ?? o.attr("text") ?? url;
    const parent = o.parent("outline").attr("text") ?? o.parent("outline").attr("title");
    const tags: Record<string, string> = {};
    if (parent) tags.category = parent;
    for (const key of ["country", "language", "outlet", "perspective"]) {
      const v = o.attr(key);
      if (v) tags[key] = v;
    }
    out.push({ name, url, tags });
  });
  return out;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Writes sources as OPML 2.0, the list format feed readers exchange. Tags become attributes. */
export function toOpml(sources: Source[], title = "Seismo sources"): string {
  const lines = sources.map((s) => {
    const tags = Object.entries(s.tags)
      .filter(([k]) => /^[a-z][a-z0-9_-]*$/i.test(k))
      .map(([k, v]) => ` ${k}="${esc(v)}"`)
      .join("");
    return `    <outline type="rss" text="${esc(s.name)}" title="${esc(s.name)}" xmlUrl="${esc(s.url)}"${tags}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${esc(title)}</title><dateCreated>${new Date().toUTCString()}</dateCreated></head>`,
    "  <body>",
    ...lines,
    "  </body>",
    "</opml>",
    "",
  ].join("\n");
}
