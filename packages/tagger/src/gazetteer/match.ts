import { foldForSearch } from "@seismo/text";

export interface NameEntry {
  name: string;
  variants: readonly string[];
}

export interface NameMatcher {
  /** Canonical names found in already folded text, in order of first mention. */
  find(folded: string): string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One alternation over all folded variants, longest first, so "north mitrovica" beats "mitrovica". */
export function compileNames(entries: readonly NameEntry[]): NameMatcher {
  const byVariant = new Map<string, string>();
  for (const entry of entries) for (const v of entry.variants) byVariant.set(foldForSearch(v), entry.name);
  const variants = [...byVariant.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${variants.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return {
    find(folded) {
      const names: string[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
        const name = byVariant.get(m[0]);
        if (name !== undefined && !names.includes(name)) names.push(name);
      }
      return names;
    },
  };
}
