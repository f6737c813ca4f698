import { type AnyNode, collapse, type Element } from "../dom/index.ts";

const PROSE = new Set(["p", "pre", "blockquote"]);

/**
 * trafilatura's baseline: every prose block with little link text, in document order. Used when
 * container scoring found almost nothing (pages built from many small sibling blocks).
 */
export function paragraphFallback(root: Element): string {
  const out: string[] = [];
  const walk = (el: Element) => {
    for (const c of el.children as AnyNode[]) {
      if (c.type !== "tag") continue;
      if (PROSE.has(c.name)) {
        let all = 0;
        let link = 0;
        const count = (n: AnyNode, inLink: boolean) => {
          if (n.type === "text") {
            all += n.data.length;
            if (inLink) link += n.data.length;
          } else if (n.type === "tag") for (const k of n.children) count(k, inLink || n.name === "a");
        };
        count(c, false);
        const text = collapse(textOfTag(c));
        if (text.length > 0 && link / Math.max(1, all) < 0.5) out.push(text);
      } else walk(c);
    }
  };
  walk(root);
  return out.join("\n\n");
}

function textOfTag(el: Element): string {
  let s = "";
  for (const c of el.children as AnyNode[]) {
    if (c.type === "text") s += c.data;
    else if (c.type === "tag") s += c.name === "br" ? "\n" : textOfTag(c);
  }
  return s;
}
