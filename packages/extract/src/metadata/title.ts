// Colons are not separators: in news titles they usually belong to the headline ("Kosovo: ...").
const SEPARATORS = / [|\-–—\\/>»·]{1,2} /;
const HIERARCHICAL = / [\\/>»] /;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/** Removes " | Site Name" or "Site Name - " from a title when the site name is known. */
function stripSiteName(title: string, siteName: string | null): string {
  if (!siteName) return title;
  const site = siteName.trim().toLowerCase();
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const first = parts[0]?.trim().toLowerCase();
  const last = parts[parts.length - 1]?.trim().toLowerCase();
  if (last === site)
    return norm(title.slice(0, title.toLowerCase().lastIndexOf(last)).replace(/[\s|\-–—\\/>»·:]+$/, ""));
  if (first === site) return norm(title.slice(title.indexOf(parts[1] ?? "")));
  return title;
}

/** Readability's <title> heuristics: drop the site part around a separator unless too little remains. */
function fromTitleTag(orig: string, h1: readonly string[]): string {
  let cur = orig;
  let hierarchical = false;
  if (SEPARATORS.test(orig)) {
    hierarchical = HIERARCHICAL.test(orig);
    cur = orig.replace(/(.*) [|\-–—\\/>»·]{1,2} .*/, "$1");
    if (words(cur) < 3) cur = orig.replace(/^[^|\-–—\\/>»·]*[|\-–—\\/>»·]{1,2} (.*)/, "$1");
  } else if ((orig.length > 150 || orig.length < 15) && h1.length === 1 && h1[0]) {
    cur = h1[0];
  }
  cur = norm(cur);
  const n = words(cur);
  if (n <= 4 && (!hierarchical || n !== words(orig.replace(/[|\-–—\\/>»·]+/g, "")) - 1)) return orig;
  return cur;
}

/** Metadata title first (og/JSON-LD/Dublin Core), else the cleaned <title>, else the lone <h1>. */
export function cleanTitle(
  metaTitle: string | null,
  titleTag: string | null,
  h1: readonly string[],
  siteName: string | null,
): string | null {
  const meta = metaTitle ? norm(metaTitle) : "";
  if (meta) return stripSiteName(meta, siteName) || meta;
  const tag = titleTag ? norm(titleTag) : "";
  if (tag) return stripSiteName(fromTitleTag(tag, h1), siteName) || tag;
  const h = h1.find((x) => x.length > 0);
  return h ? norm(h) : null;
}
