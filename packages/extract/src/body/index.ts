import type { AnyNode, Element } from "../dom/index.ts";
import { linkDensity, type ScoreFlags, type Stats, score } from "./score.ts";
import { normalize, serialize } from "./serialize.ts";

export { normalize };

/** Below this many characters a pass is retried with looser rules, as Readability does. */
const CHAR_THRESHOLD = 500;

const PASSES: readonly ScoreFlags[] = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
];

function scoreOf(stats: Map<Element, Stats>, el: Element | null): number {
  const st = el ? stats.get(el) : undefined;
  return st && !Number.isNaN(st.score) ? st.score : Number.NaN;
}

function ancestors(el: Element, root: Element): Element[] {
  const out: Element[] = [];
  let p = el.parent as Element | null;
  while (p && p !== root) {
    out.push(p);
    p = p.parent as Element | null;
  }
  return out;
}

/** Picks the best container, then lets it grow to a common ancestor or a stronger parent. */
function pickTop(root: Element, stats: Map<Element, Stats>, candidates: Element[]): { top: Element; seed: Element } {
  const ranked = candidates
    .filter((c) => c !== root)
    .sort((a, b) => scoreOf(stats, b) - scoreOf(stats, a))
    .slice(0, 5);
  const seed = ranked[0];
  if (!seed) return { top: root, seed: root };
  let top = seed;
  const topScore = scoreOf(stats, top);

  // Several near-equal candidates under one ancestor: the article is split, take the ancestor.
  const alt = ranked.slice(1).filter((c) => scoreOf(stats, c) / topScore >= 0.75);
  if (alt.length >= 3) {
    const altAnc = alt.map((c) => new Set(ancestors(c, root)));
    for (const p of ancestors(top, root)) {
      if (altAnc.filter((s) => s.has(p)).length >= 3) {
        top = p;
        break;
      }
    }
  }

  let last = scoreOf(stats, top);
  const threshold = last / 3;
  let parent = top.parent as Element | null;
  while (parent && parent !== root && stats.has(parent)) {
    const ps = scoreOf(stats, parent);
    if (!Number.isNaN(ps)) {
      if (ps < threshold) break;
      if (ps > last) {
        top = parent;
        break;
      }
      last = ps;
    }
    parent = parent.parent as Element | null;
  }

  parent = top.parent as Element | null;
  while (parent && parent !== root && stats.has(parent) && elementChildren(parent).length === 1) {
    top = parent;
    parent = top.parent as Element | null;
  }
  return { top, seed };
}

function elementChildren(el: Element): Element[] {
  return (el.children as AnyNode[]).filter((c): c is Element => c.type === "tag");
}

function firstClass(el: Element): string {
  return (el.attribs.class ?? "").trim().split(/\s+/)[0] ?? "";
}

function contains(outer: Element, inner: Element): boolean {
  for (let p: Element | null = inner; p; p = p.parent as Element | null) if (p === outer) return true;
  return false;
}

/**
 * The top candidate plus siblings that score well or read like prose (Readability), plus
 * same-tag, same-class candidates elsewhere: CMSs often split one body into repeated blocks
 * separated by figures or ads, which no single container holds without the page furniture.
 */
function withSiblings(
  { top, seed }: { top: Element; seed: Element },
  root: Element,
  stats: Map<Element, Stats>,
  candidates: Element[],
): Element[] {
  const parent = top.parent as Element | null;
  if (top === root || !parent || !stats.has(parent)) return [top];
  const topScore = scoreOf(stats, top) || 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attribs.class ?? "";
  const out: Element[] = [];
  for (const sib of elementChildren(parent)) {
    if (sib === top) {
      out.push(sib);
      continue;
    }
    const st = stats.get(sib);
    if (!st) continue;
    const bonus = topClass !== "" && sib.attribs.class === topClass ? topScore * 0.2 : 0;
    const s = scoreOf(stats, sib);
    if (!Number.isNaN(s) && s + bonus >= threshold) out.push(sib);
    else if (sib.name === "p") {
      const ld = linkDensity(st);
      if ((st.len > 80 && ld < 0.25) || (st.len > 0 && st.len <= 80 && ld === 0 && /\.( |$)/.test(textHead(sib)))) {
        out.push(sib);
      }
    }
  }
  const cls = firstClass(seed);
  if (cls === "") return out;
  const twins = candidates.filter(
    (c) =>
      c.name === seed.name &&
      firstClass(c) === cls &&
      scoreOf(stats, c) >= threshold &&
      !out.some((o) => contains(o, c) || contains(c, o)),
  );
  if (twins.length === 0) return out;
  const order = new Map<Element, number>();
  let i = 0;
  for (const el of stats.keys()) order.set(el, i++);
  const nested = (c: Element) => twins.some((t) => t !== c && contains(t, c));
  return [...out, ...twins.filter((c) => !nested(c))].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

function textHead(el: Element): string {
  let s = "";
  const walk = (n: AnyNode) => {
    if (n.type === "text") s += n.data;
    else if ("children" in n) for (const c of n.children) walk(c);
  };
  walk(el);
  return s.trim();
}

function attempt(root: Element, unlikely: ReadonlySet<Element>, flags: ScoreFlags, title: string): string {
  const { stats, candidates } = score(root, unlikely, flags);
  const picked = pickTop(root, stats, candidates);
  const top = picked.top;
  const nodes = withSiblings(picked, root, stats, candidates);
  const whole = new Set(nodes.filter((n) => n === top || n.parent !== top.parent));
  return serialize(nodes, whole, { stats, unlikely, flags, title: normalize(title) });
}

/**
 * Extracts the main text under `root`. Tries strict rules first and relaxes them when the result
 * is too short, keeping the longest result if no pass reaches the threshold.
 */
export function extractBody(root: Element, unlikely: ReadonlySet<Element>, title: string): string {
  let best = "";
  for (const flags of PASSES) {
    const text = attempt(root, unlikely, flags, title);
    if (text.length >= CHAR_THRESHOLD) return text;
    if (text.length > best.length) best = text;
  }
  return best;
}
