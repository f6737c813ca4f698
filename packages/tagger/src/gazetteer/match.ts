import { foldForSearch } from "@seismo/text";
import { isAsciiName, NameScanner } from "./scan.ts";

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
  /** The pattern the matcher runs (as a faster scan): `gu`, base in group 1, ending in group 2. */
  pattern: RegExp;
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
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${alternation.join("|")})(${ENDINGS})?(?![\\p{L}\\p{N}])`, "gu");
  // The pattern tries the whole alternation at every character; the trie walk reads the same
  // matches letter by letter. It takes ASCII names, which all folded variants are.
  const keys = [...byBase.keys()];
  const scanner = keys.every(isAsciiName) ? new NameScanner(keys, ENDINGS.split("|")) : undefined;
  function record(hits: NameHit[], match: string, start: number, end: number, ending: string | undefined): void {
    const base = byBase.get(match);
    if (base && !(base.needsEnding && ending === undefined)) hits.push({ name: base.name, start, end });
  }
  function mentions(folded: string): NameHit[] {
    const hits: NameHit[] = [];
    if (scanner) {
      for (let m = scanner.exec(folded, 0); m !== undefined; m = scanner.exec(folded, m.end)) {
        record(hits, m.base, m.start, m.end, m.ending);
      }
      return hits;
    }
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
      record(hits, m[1] ?? "", m.index, m.index + m[0].length, m[2]);
    }
    return hits;
  }
  return {
    pattern,
    mentions,
    find(folded) {
      const found: string[] = [];
      for (const hit of mentions(folded)) if (!found.includes(hit.name)) found.push(hit.name);
      return found;
    },
  };
}
