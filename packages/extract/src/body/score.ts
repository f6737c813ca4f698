import type { AnyNode, Element } from "../dom/index.ts";
import { BLOCK_TAGS, HEADING_TAGS, NEGATIVE, POSITIVE } from "./patterns.ts";

/** Per-element aggregates, computed bottom-up in one walk and reused by scoring and cleaning. */
export interface Stats {
  len: number;
  linkLen: number;
  commas: number;
  /** Subtree contains a block-level element. */
  block: boolean;
  p: number;
  img: number;
  li: number;
  input: number;
  embed: number;
  th: number;
  rows: number;
  /** Candidate score; NaN until the element becomes a candidate. */
  score: number;
}

export interface ScoreFlags {
  stripUnlikely: boolean;
  weightClasses: boolean;
  cleanConditionally: boolean;
}

export interface Scored {
  stats: Map<Element, Stats>;
  candidates: Element[];
}

const COMMAS = /[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/g;
const PARA_TAGS = new Set(["p", "pre", "td"]);
/** Containers whose bare text Readability would wrap into a paragraph. */
const DIV_LIKE = new Set(["div", "section", "article", "main", "center", "body"]);
const EMBED_TAGS = new Set(["iframe", "video", "audio", "object", "embed"]);

export function classWeight(el: Element, flags: ScoreFlags): number {
  if (!flags.weightClasses) return 0;
  // schema.org microdata naming the article body is the strongest hint a page gives.
  let w = (el.attribs.itemprop ?? "").includes("articleBody") ? 50 : 0;
  const cls = el.attribs.class;
  if (cls) {
    if (NEGATIVE.test(cls)) w -= 25;
    if (POSITIVE.test(cls)) w += 25;
  }
  const id = el.attribs.id;
  if (id) {
    if (NEGATIVE.test(id)) w -= 25;
    if (POSITIVE.test(id)) w += 25;
  }
  return w;
}

function tagBase(name: string): number {
  switch (name) {
    case "div":
    case "article":
    case "main":
      return 5;
    case "pre":
    case "td":
    case "blockquote":
      return 3;
    case "address":
    case "ol":
    case "ul":
    case "dl":
    case "dd":
    case "dt":
    case "li":
    case "form":
      return -3;
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
    case "th":
      return -5;
    default:
      return 0;
  }
}

function countCommas(s: string): number {
  let n = 0;
  COMMAS.lastIndex = 0;
  while (COMMAS.exec(s) !== null) n++;
  return n;
}

/** Visible length of a text node: whitespace runs count as one character. */
function textLen(s: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ws = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (ws) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}

function emptyStats(): Stats {
  return {
    len: 0,
    linkLen: 0,
    commas: 0,
    block: false,
    p: 0,
    img: 0,
    li: 0,
    input: 0,
    embed: 0,
    th: 0,
    rows: 0,
    score: NaN,
  };
}

export function linkDensity(s: Stats): number {
  return s.len > 0 ? Math.min(1, s.linkLen / s.len) : 0;
}

/**
 * Readability-style scoring in one post-order walk: each paragraph (p/pre/td, or a run of inline
 * text directly inside a container) credits its parent fully, its grandparent half, and further
 * ancestors a third per level. Stats for every element are kept for the cleaning step.
 */
export function score(root: Element, unlikely: ReadonlySet<Element>, flags: ScoreFlags): Scored {
  const stats = new Map<Element, Stats>();
  const candidates: Element[] = [];

  const credit = (para: Element | null, commas: number, len: number) => {
    if (len < 25 || para === null) return;
    const points = 2 + commas + Math.min(Math.floor(len / 100), 3);
    let anc: Element | null = para;
    for (let level = 0; anc && level < 5 && anc !== root.parent; level++) {
      const st = stats.get(anc);
      if (!st) break;
      if (Number.isNaN(st.score)) {
        st.score = tagBase(anc.name) + classWeight(anc, flags);
        candidates.push(anc);
      }
      st.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      anc = anc.parent as Element | null;
    }
  };

  // Parents are registered before children are visited so that credit() can reach them.
  const walk = (el: Element, inLink: boolean): Stats => {
    const st = emptyStats();
    stats.set(el, st);
    const link = inLink || el.name === "a";
    let inlineLen = 0;
    let inlineCommas = 0;
    for (const child of el.children as AnyNode[]) {
      if (child.type === "text") {
        const n = textLen(child.data);
        if (n === 0) continue;
        const c = countCommas(child.data);
        st.len += n;
        st.commas += c;
        if (link) st.linkLen += child.data.startsWith("#") ? n * 0.3 : n;
        inlineLen += n;
        inlineCommas += c;
        continue;
      }
      if (child.type !== "tag") continue;
      if (flags.stripUnlikely && unlikely.has(child)) continue;
      const cs = walk(child, link);
      st.len += cs.len;
      st.linkLen += cs.linkLen;
      st.commas += cs.commas;
      st.p += cs.p;
      st.img += cs.img;
      st.li += cs.li;
      st.input += cs.input;
      st.embed += cs.embed;
      st.th += cs.th;
      st.rows += cs.rows;
      if (cs.block || BLOCK_TAGS.has(child.name) || child.name === "img") st.block = true;
      else {
        inlineLen += cs.len;
        inlineCommas += cs.commas;
      }
    }
    switch (el.name) {
      case "p":
        st.p++;
        break;
      case "img":
        st.img++;
        break;
      case "li":
        st.li++;
        break;
      case "input":
        st.input++;
        break;
      case "th":
        st.th++;
        break;
      case "tr":
        st.rows++;
        break;
      default:
        if (EMBED_TAGS.has(el.name)) st.embed++;
    }
    if (PARA_TAGS.has(el.name)) {
      credit(el.parent as Element | null, st.commas, st.len);
    } else if (inlineLen >= 25 && DIV_LIKE.has(el.name)) {
      // A container holding bare text: Readability would wrap that text in a <p> here.
      credit(st.block ? el : (el.parent as Element | null), inlineCommas, inlineLen);
    }
    return st;
  };
  walk(root, false);

  for (const c of candidates) {
    const st = stats.get(c);
    if (st) st.score *= 1 - linkDensity(st);
  }
  return { stats, candidates };
}

export function isHeading(name: string): boolean {
  return HEADING_TAGS.has(name);
}
