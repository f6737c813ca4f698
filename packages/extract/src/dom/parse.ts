import type { Document } from "domhandler";
import { DomHandler, Parser } from "htmlparser2";

/**
 * Deepest element nesting the tree keeps. News pages stay far below it (the 129 evaluation pages
 * peak at 39). Past it, a new element closes the innermost open one and becomes its sibling.
 */
export const MAX_DEPTH = 256;

/**
 * htmlparser2 keeps its open elements in an array it `unshift`s, so each start tag costs as much
 * as the current depth: 25k runs of `<p><b><i><span>` (never closed, 100k deep) took ~8 s, and
 * the tree then overflowed every recursive walk. Bounding the depth bounds that cost and keeps
 * the walks' recursion shallow. These are htmlparser2 10.x internals; parse.test.ts pins them.
 */
interface ParserInternals {
  stack: string[];
  foreignContext: boolean[];
  emitOpenTag(name: string): void;
  isVoidElement(name: string): boolean;
}

/** Elements htmlparser2 tracks in its foreign-content stack (its Parser.js, same names). */
const FOREIGN_CONTEXT = new Set([
  "math",
  "svg",
  "mi",
  "mo",
  "mn",
  "ms",
  "mtext",
  "annotation-xml",
  "foreignobject",
  "desc",
  "title",
]);

export interface ParseStats {
  /** Elements closed early to stay within MAX_DEPTH. */
  flattened: number;
}

/** Parses HTML the way cheerio's htmlparser2 mode does, with element depth bounded by `maxDepth`. */
export function parseBounded(html: string, maxDepth = MAX_DEPTH): { doc: Document; stats: ParseStats } {
  const handler = new DomHandler(undefined, { xmlMode: false });
  const parser = new Parser(handler, { xmlMode: false, decodeEntities: true });
  const internals = parser as unknown as ParserInternals;
  if (typeof internals.emitOpenTag !== "function" || !Array.isArray(internals.stack)) {
    throw new Error("htmlparser2 internals changed: parseBounded needs Parser.emitOpenTag and Parser.stack");
  }
  const emitOpenTag = internals.emitOpenTag.bind(parser);
  const stats: ParseStats = { flattened: 0 };
  internals.emitOpenTag = (name: string) => {
    const { stack } = internals;
    if (stack.length >= maxDepth && !internals.isVoidElement(name)) {
      // Close the innermost element exactly as htmlparser2's own implied closes do.
      const closed = stack.shift() ?? "";
      if (FOREIGN_CONTEXT.has(closed)) internals.foreignContext.shift();
      handler.onclosetag();
      stats.flattened++;
    }
    emitOpenTag(name);
  };
  parser.end(html);
  return { doc: handler.root, stats };
}
