import { foldForSearch } from "@seismo/text";
import { AnchorScanner } from "../prefilter/scanner.ts";

export interface NameEntry {
  name: string;
  variants: readonly string[];
}

export interface NameHit {
  name: string;
  /** Offsets in the folded text. */
  start: number;
  end: number;
}

export interface NameMatcher {
  /** Canonical names found in already folded text, in order of first mention. */
  find(folded: string): string[];
  /** Every mention, with its offsets in the folded text. */
  mentions(folded: string): NameHit[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Serbian and Albanian case endings: "u Zvečanu", "iz Leposavića", "Mitrovicës", "Kurtija".
// English plural and adjective endings ("Serbs", "Serbian", "Kosovar") are not among them.
const ENDINGS = "a|e|i|o|u|om|em|oj|ama|ima|ovi|ove|es|en|it|in|ja|ju|je|jem|ija|iju|ijem|se|ne|ve|ut|un|ri|rit";

interface Base {
  name: string;
  /** A stem cut from a variant that ends in a vowel ("kosov" from "kosovo") needs an ending. */
  needsEnding: boolean;
}

/**
 * The last word of a variant takes case endings. A word of four letters or more ending in a
 * vowel is cut to its stem, which must then take an ending: "kosovo" matches "kosova", "kosovu",
 * "kosoves" but not the bare stem "kosov"; the variant itself is kept as it is.
 */
function bases(variant: string): { base: string; needsEnding: boolean }[] {
  const last = /([a-z]{4,})$/.exec(variant);
  if (!last) return [{ base: variant, needsEnding: false }];
  if (!"aeiou".includes(variant.charAt(variant.length - 1))) return [{ base: variant, needsEnding: false }];
  return [
    { base: variant, needsEnding: false },
    { base: variant.slice(0, -1), needsEnding: true },
  ];
}

/** One alternation over all folded variants, longest first, so "north mitrovica" beats "mitrovica". */
export function compileNames(entries: readonly NameEntry[]): NameMatcher {
  const byBase = new Map<string, Base>();
  for (const entry of entries) {
    for (const v of entry.variants) {
      for (const { base, needsEnding } of bases(foldForSearch(v))) {
        const known = byBase.get(base);
        if (!known || (known.needsEnding && !needsEnding)) byBase.set(base, { name: entry.name, needsEnding });
      }
    }
  }
  const alternation = [...byBase.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const source = `(?<![\\p{L}\\p{N}])(${alternation.join("|")})(${ENDINGS})?(?![\\p{L}\\p{N}])`;
  // A match starts where a base does, so the pattern is tried (sticky) only there: the same
  // matches as a global scan, which would try the big alternation at every character.
  const sticky = new RegExp(source, "uy");
  const keys = [...byBase.keys()];
  const scanner = keys.every((b) => /^[\x00-\x7f]+$/.test(b) && b === b.toLowerCase())
    ? new AnchorScanner(keys.map((b) => [b]))
    : undefined;
  const global = new RegExp(source, "gu");
  const record = (m: RegExpExecArray, hits: NameHit[]) => {
    const base = byBase.get(m[1] ?? "");
    if (!base || (base.needsEnding && m[2] === undefined)) return;
    hits.push({ name: base.name, start: m.index, end: m.index + m[0].length });
  };
  const mentions = (folded: string): NameHit[] => {
    const hits: NameHit[] = [];
    if (!scanner) {
      global.lastIndex = 0;
      for (let m = global.exec(folded); m !== null; m = global.exec(folded)) record(m, hits);
      return hits;
    }
    let from = 0;
    for (const start of scanner.starts(folded)) {
      if (start < from) continue;
      sticky.lastIndex = start;
      const m = sticky.exec(folded);
      if (m === null) continue;
      from = start + m[0].length;
      record(m, hits);
    }
    return hits;
  };
  return {
    mentions,
    find(folded) {
      const found: string[] = [];
      for (const hit of mentions(folded)) if (!found.includes(hit.name)) found.push(hit.name);
      return found;
    },
  };
}
