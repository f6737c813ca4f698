import type { AnyNode } from "domhandler";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { rawText } from "./index.ts";
import { MAX_DEPTH, parseBounded } from "./parse.ts";

function maxDepth(node: AnyNode): number {
  // Iterative: the unbounded tree this is compared with is too deep for recursion.
  let max = 0;
  const stack: Array<[AnyNode, number]> = [[node, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [n, d] = item;
    if (d > max) max = d;
    if ("children" in n) for (const c of n.children) stack.push([c, d + 1]);
  }
  return max;
}

function shape(node: AnyNode): string {
  if (node.type === "text") return JSON.stringify(node.data);
  const name = "name" in node ? node.name : node.type;
  const kids = "children" in node ? node.children.map(shape).join(",") : "";
  return `${name}(${kids})`;
}

const PAGE = `<!doctype html><html lang="en"><head><title>T</title><meta name="x" content="y"></head>
<body><article><h1>Head</h1><p>One, <b>two</b><br>three<p>Four<ul><li>a<li>b</ul>
<table><tr><td>c<td>d</table><svg><title>icon</title><path d="M0"/></svg></article></body></html>`;

describe("parseBounded", () => {
  it("builds the same tree as htmlparser2 for an ordinary page", () => {
    const { doc, stats } = parseBounded(PAGE);
    expect(shape(doc)).toBe(shape(parseDocument(PAGE, { xmlMode: false, decodeEntities: true })));
    expect(stats.flattened).toBe(0);
  });

  it("keeps 100,000 unclosed inline tags within the depth bound, text intact and in order", () => {
    const runs = 25_000;
    const html = `<html><body>${"<p><b><i><span>word ".repeat(runs)}</body></html>`;
    const { doc, stats } = parseBounded(html);
    // Each start tag costs the parser as much as the open depth, so this bounds the parse work.
    expect(maxDepth(doc)).toBeLessThanOrEqual(MAX_DEPTH + 1);
    expect(stats.flattened).toBeGreaterThan(runs * 2);
    expect(rawText(doc)).toBe("word ".repeat(runs));
    expect(maxDepth(parseDocument(html))).toBeGreaterThan(runs * 4);
  });

  it("bounds nesting of svg and math elements, whose foreign-content stack htmlparser2 grows too", () => {
    const html = `<svg>${"<svg><title>t</title><math>".repeat(5_000)}x`;
    const { doc, stats } = parseBounded(html);
    expect(maxDepth(doc)).toBeLessThanOrEqual(MAX_DEPTH + 1);
    expect(stats.flattened).toBeGreaterThan(0);
    expect(rawText(doc)).toBe(`${"t".repeat(5_000)}x`);
  });

  it("leaves void elements alone at the bound", () => {
    const html = `${"<div>".repeat(MAX_DEPTH)}<br><img src="a">text`;
    const { doc } = parseBounded(html);
    expect(rawText(doc)).toBe("text");
    expect(maxDepth(doc)).toBe(MAX_DEPTH + 1);
  });
});
