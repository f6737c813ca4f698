/**
 * The gazetteer pattern `(?<![\p{L}\p{N}])(base1|base2|…)(ending1|ending2|…)?(?![\p{L}\p{N}])`
 * (flags `gu`, bases longest first) run as a trie walk instead of a regex: the regex tries the
 * whole alternation at every character, the walk only follows the letters that are there. Same
 * matches, same order, same backtracking: at each position the longest base is tried first, each
 * ending in order and then none, and the first combination followed by no letter or digit wins.
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const ALNUM = new Uint8Array(128);
for (let code = 0; code < 128; code++) ALNUM[code] = /[A-Za-z0-9]/.test(String.fromCharCode(code)) ? 1 : 0;
const cache = new Map<number, boolean>();

function isLetterOrDigit(codePoint: number): boolean {
  if (codePoint < 128) return ALNUM[codePoint] === 1;
  let known = cache.get(codePoint);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
    cache.set(codePoint, known);
  }
  return known;
}

/** The code point that starts at `at`, as a u-mode lookahead reads it. */
function letterOrDigitAt(text: string, at: number): boolean {
  return at < text.length && isLetterOrDigit(text.codePointAt(at) ?? 0);
}

/** A non-empty string of ASCII characters only. */
export function isAsciiName(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return text.length > 0;
}

export interface NameMatch {
  base: string;
  ending: string | undefined;
  start: number;
  end: number;
}

export class NameScanner {
  /** Symbol of each ASCII code (0: in no name). */
  private readonly symbols = new Int32Array(128);
  private readonly width: number;
  /** The trie: next[state * width + symbol], 0 where there is no edge (state 0 is the root). */
  private readonly next: Int32Array;
  /** Length of the base that ends at each state, 0 if none. */
  private readonly base: Int32Array;
  /** Lengths of the bases that start at the current position, shortest first (reused). */
  private readonly lengths: Int32Array;

  /** Bases are ASCII and non-empty, so a match never starts inside a surrogate pair. */
  constructor(
    bases: readonly string[],
    private readonly endings: readonly string[],
  ) {
    let width = 1;
    let longest = 0;
    for (const base of bases) {
      if (!isAsciiName(base)) throw new Error(`name "${base}" is not ASCII`);
      longest = Math.max(longest, base.length);
      for (let i = 0; i < base.length; i++) {
        const code = base.charCodeAt(i);
        if (this.symbols[code] === 0) this.symbols[code] = width++;
      }
    }
    this.width = width;
    const next: number[] = new Array(width).fill(0);
    const ends: number[] = [0];
    for (const base of bases) {
      let state = 0;
      for (let i = 0; i < base.length; i++) {
        const slot = state * width + (this.symbols[base.charCodeAt(i)] ?? 0);
        let to = next[slot] ?? 0;
        if (to === 0) {
          to = ends.length;
          ends.push(0);
          for (let s = 0; s < width; s++) next.push(0);
          next[slot] = to;
        }
        state = to;
      }
      ends[state] = base.length;
    }
    this.next = Int32Array.from(next);
    this.base = Int32Array.from(ends);
    this.lengths = new Int32Array(longest + 1);
  }

  /** The first match at or after `from`, as the global regex's exec from lastIndex `from` finds it. */
  exec(text: string, from: number): NameMatch | undefined {
    const { symbols, next, width, base, lengths } = this;
    const starts = wordStarts(text);
    for (let w = firstAtOrAfter(starts, from); w < starts.length; w++) {
      const start = starts[w] ?? 0;
      const symbol = symbols[text.charCodeAt(start)] ?? 0;
      if (symbol === 0) continue;
      let state = next[symbol] ?? 0;
      let found = 0;
      for (let i = start + 1; state !== 0; i++) {
        const length = base[state] ?? 0;
        if (length > 0) lengths[found++] = length;
        if (i >= text.length) break;
        const code = text.charCodeAt(i);
        state = code < 128 ? (next[state * width + (symbols[code] ?? 0)] ?? 0) : 0;
      }
      for (let k = found - 1; k >= 0; k--) {
        const stem = start + (lengths[k] ?? 0);
        for (const ending of this.endings) {
          if (text.startsWith(ending, stem) && !letterOrDigitAt(text, stem + ending.length)) {
            return { base: text.slice(start, stem), ending, start, end: stem + ending.length };
          }
        }
        if (!letterOrDigitAt(text, stem)) return { base: text.slice(start, stem), ending: undefined, start, end: stem };
      }
    }
    return undefined;
  }
}

/** Index of the first start ≥ `from` (binary search: a text is scanned once per match found). */
function firstAtOrAfter(starts: readonly number[], from: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// The positions where a name may start, for the last text read: an ASCII character after no
// letter or digit (the pattern's lookbehind). Actors and places scan the same sentence in turn.
let startsOf = "";
let starts: number[] = [];

function wordStarts(text: string): readonly number[] {
  if (text === startsOf) return starts;
  const found: number[] = [];
  let after = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) {
      const wide = code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      after = isLetterOrDigit(wide ? (text.codePointAt(i) ?? 0) : code);
      if (wide) i++;
      continue;
    }
    if (!after) found.push(i);
    after = ALNUM[code] === 1;
  }
  startsOf = text;
  starts = found;
  return found;
}
