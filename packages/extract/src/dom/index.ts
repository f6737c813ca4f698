import type { AnyNode, Document, Element } from "domhandler";
import { parseBounded } from "./parse.ts";

export type { AnyNode, Document, Element };

/**
 * Parses with htmlparser2: several times faster than parse5 and tolerant of any input, which
 * matters more here than spec-exact tree building. Nesting is bounded (see parse.ts).
 */
export function parseHtml(html: string): Document {
  return parseBounded(html).doc;
}

export function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

export function attr(el: Element, name: string): string {
  return el.attribs[name] ?? "";
}

/** Raw text of a subtree (script/style included), for JSON-LD and <title>. */
export function rawText(node: AnyNode): string {
  if (node.type === "text" || node.type === "cdata") return "data" in node ? String(node.data) : "";
  if (!("children" in node)) return "";
  let out = "";
  for (const child of node.children) {
    if (child.type === "text") out += child.data;
    else if ("children" in child) out += rawText(child);
  }
  return out;
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Visible text of a subtree with collapsed whitespace. */
export function textOf(node: AnyNode): string {
  return collapse(rawText(node));
}

export function hasAncestor(el: Element, names: ReadonlySet<string>, maxDepth = 10): boolean {
  let p = el.parent;
  for (let d = 0; p && d < maxDepth; d++) {
    if (isElement(p as AnyNode) && names.has((p as Element).name)) return true;
    p = p.parent;
  }
  return false;
}
