import { type AnyNode, type Element, hasAncestor } from "../dom/index.ts";
import { BLOCK_TAGS, BOILERPLATE_LINE, HEADING_TAGS } from "./patterns.ts";
import { classWeight, linkDensity, type ScoreFlags, type Stats } from "./score.ts";

export interface SerializeContext {
  stats: Map<Element, Stats>;
  unlikely: ReadonlySet<Element>;
  flags: ScoreFlags;
  /** Normalized page title: a heading repeating it is not body text. */
  title: string;
}

const CLEAN_TAGS = new Set(["form", "fieldset", "table", "ul", "ol", "div", "section", "dl", "header", "figure"]);
const FIGURE = new Set(["figure"]);
const CODE = new Set(["code", "pre"]);
const SHARE = /share|sharedaddy|social/i;

function isDataTable(st: Stats, el: Element): boolean {
  if (el.attribs.role === "presentation") return false;
  return (
    st.th > 0 ||
    st.rows >= 10 ||
    el.children.some((c) => c.type === "tag" && (c.name === "caption" || c.name === "thead"))
  );
}

/** Readability's _cleanConditionally: drops blocks that look like lists of links, ads or widgets. */
function dropConditionally(el: Element, st: Stats, ctx: SerializeContext): boolean {
  if (!CLEAN_TAGS.has(el.name)) return false;
  if (el.name === "table" && isDataTable(st, el)) return false;
  if (hasAncestor(el, CODE, 6)) return false;
  const weight = classWeight(el, ctx.flags);
  const score = Number.isNaN(st.score) ? 0 : st.score;
  if (weight + score < 0) return true;
  if (st.commas >= 10) return false;
  const isList = el.name === "ul" || el.name === "ol" || el.name === "dl";
  const li = st.li - 100;
  const ld = linkDensity(st);
  const inFigure = el.name === "figure" || hasAncestor(el, FIGURE, 4);
  if (st.img > 1 && st.p / st.img < 0.5 && !inFigure) return true;
  if (!isList && li > st.p) return true;
  if (st.input > Math.floor(st.p / 3)) return true;
  if (!isList && st.len < 25 && (st.img === 0 || st.img > 2) && !inFigure) return true;
  if (!isList && weight < 25 && ld > 0.2) return true;
  if (weight >= 25 && ld > 0.5) return true;
  if ((st.embed === 1 && st.len < 75) || st.embed > 1) return true;
  // Lists of links (related stories, tag clouds) inside the article.
  if (isList && ld > 0.6 && st.len < 1000) return true;
  return false;
}

function dropElement(el: Element, ctx: SerializeContext): boolean {
  if (ctx.flags.stripUnlikely && ctx.unlikely.has(el)) return true;
  const st = ctx.stats.get(el);
  if (!st) return false;
  if (HEADING_TAGS.has(el.name)) {
    return classWeight(el, ctx.flags) < 0;
  }
  // "Read also: <headline>" teasers: a short paragraph that is nothing but a link.
  if (el.name === "p" && ctx.flags.cleanConditionally && st.len < 200 && linkDensity(st) > 0.8) return true;
  const hint = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
  if (hint.length > 1 && SHARE.test(hint) && st.len < 500 && ctx.flags.stripUnlikely) return true;
  return ctx.flags.cleanConditionally && dropConditionally(el, st, ctx);
}

/**
 * Turns the chosen subtrees into paragraphs separated by blank lines. Nodes in `whole` (the top
 * candidate and its twins) are kept; the other nodes (its siblings) are cleaned like descendants.
 */
export function serialize(nodes: readonly Element[], whole: ReadonlySet<Element>, ctx: SerializeContext): string {
  const paras: string[] = [];
  let cur = "";

  const flush = () => {
    if (cur.length === 0) return;
    for (const chunk of cur.split(/\n[ \t\u00a0]*\n/)) {
      const para = chunk
        .split("\n")
        .map((l) => l.replace(/[ \t\r\f\u00a0]+/g, " ").trim())
        .filter((l) => l.length > 0)
        .join("\n");
      if (para.length === 0) continue;
      if (para.length < 80 && BOILERPLATE_LINE.test(para)) continue;
      paras.push(para);
    }
    cur = "";
  };

  const walk = (el: Element, pre: boolean) => {
    for (const child of el.children as AnyNode[]) emit(child, pre);
  };

  const emit = (node: AnyNode, pre: boolean) => {
    if (node.type === "text") {
      cur += pre ? node.data : node.data.replace(/[\n\r\t ]+/g, " ");
      return;
    }
    if (node.type !== "tag") return;
    const name = node.name;
    if (name === "br") {
      cur += "\n";
      return;
    }
    if (name === "hr") {
      flush();
      return;
    }
    if (name === "img" || dropElement(node, ctx)) return;
    const block = BLOCK_TAGS.has(name);
    if (block) flush();
    else if (name === "td" || name === "th") cur += " ";
    walk(node, pre || name === "pre");
    if (HEADING_TAGS.has(name) && ctx.title.length > 0 && normalize(cur) === ctx.title) cur = "";
    if (block) flush();
  };

  for (const n of nodes) {
    flush();
    if (whole.has(n)) walk(n, n.name === "pre");
    else emit(n, false);
    flush();
  }
  return paras.join("\n\n");
}

export function normalize(s: string): string {
  return s.replace(/\s+/g, " ").trim().toLowerCase();
}
