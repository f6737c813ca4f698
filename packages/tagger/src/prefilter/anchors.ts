/**
 * Literal "anchors" of a regular expression: a set of lower-case ASCII strings such that every
 * match of the pattern contains at least one of them. A text without any anchor cannot match, so
 * the tagger may skip the pattern there. Read from the pattern's source at load time, so the
 * lexicon stays plain regexes.
 *
 * The analysis is conservative: whatever it does not understand (a non-ASCII letter, a wide class,
 * a backreference, a syntax it does not know) matches "some unknown string", and a pattern with no
 * usable anchor gets `undefined`, meaning "always run it". ASCII letters are folded to lower case:
 * without the `u` flag, a case-insensitive ASCII letter matches only its two ASCII cases, so a
 * text lower-cased in its ASCII letters holds every anchor a match would hold.
 */

/** What a sub-pattern can match. */
interface Info {
  /** Every string it can match, when few (lower case); undefined when unknown or too many. */
  exact?: readonly string[];
  /** Every match contains one of these; undefined when nothing is known. */
  anchors?: readonly string[];
}

const MAX_EXACT = 64;
const MAX_CLASS = 10;
// An anchor this long is selective enough: past it, fewer anchors are better than longer ones.
const ENOUGH = 16;
const UNKNOWN: Info = {};
const EMPTY: Info = { exact: [""] };

class Unsupported extends Error {}

const lowerAscii = (ch: string): string | undefined => {
  const code = ch.charCodeAt(0);
  if (ch.length !== 1 || code >= 128) return undefined;
  return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
};

const char = (ch: string): Info => {
  const lower = lowerAscii(ch);
  return lower === undefined ? UNKNOWN : { exact: [lower] };
};

function union(sets: readonly (readonly string[])[]): string[] {
  return [...new Set(sets.flat())];
}

function product(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length * b.length > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

/** Anchors a sub-pattern guarantees by itself: its exact strings unless one is empty. */
function ownAnchors(info: Info): readonly string[] | undefined {
  if (info.exact && !info.exact.includes("")) return info.exact;
  return info.anchors;
}

/** Higher is better: long anchors are selective, few of them cheap. */
function score(anchors: readonly string[]): number {
  const shortest = Math.min(...anchors.map((a) => a.length));
  return Math.min(shortest, ENOUGH) * 1000 - anchors.length;
}

function better(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] | undefined {
  if (!a || a.length === 0) return b;
  if (!b || b.length === 0) return a;
  return score(b) > score(a) ? b : a;
}

function concat(items: readonly Info[]): Info {
  let best: readonly string[] | undefined;
  // Runs of sub-patterns with known strings combine into longer literals ("open" "(?:ed)?" " fire").
  let run: readonly string[] | undefined = [""];
  let all: readonly string[] | undefined = [""];
  for (const item of items) {
    best = better(best, ownAnchors(item));
    if (item.exact) {
      run = run ? product(run, item.exact) : undefined;
      if (!run) run = item.exact;
      all = all ? product(all, item.exact) : undefined;
    } else {
      run = [""];
      all = undefined;
    }
    if (run && !run.includes("")) best = better(best, run);
  }
  const info: Info = {};
  if (all) info.exact = all;
  if (best) info.anchors = best;
  return info;
}

function alternate(branches: readonly Info[]): Info {
  const info: Info = {};
  if (branches.every((b) => b.exact)) {
    const exact = union(branches.map((b) => b.exact ?? []));
    if (exact.length <= MAX_EXACT) info.exact = exact;
  }
  const anchors = branches.map(ownAnchors);
  if (anchors.every((a) => a && a.length > 0)) info.anchors = union(anchors as string[][]);
  return info;
}

function repeat(item: Info, min: number, max: number): Info {
  if (min === 0 && max === 1) return item.exact ? { exact: union([[""], item.exact]) } : UNKNOWN;
  if (min === 0) return UNKNOWN;
  if (min === 1 && max === 1) return item;
  const anchors = ownAnchors(item);
  return anchors ? { anchors } : UNKNOWN;
}

class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): Info {
    const info = this.disjunction();
    if (this.at < this.source.length) throw new Unsupported(`unexpected ${this.peek()}`);
    return info;
  }

  private peek(offset = 0): string {
    return this.source.charAt(this.at + offset);
  }

  private disjunction(): Info {
    const branches = [this.alternative()];
    while (this.peek() === "|") {
      this.at++;
      branches.push(this.alternative());
    }
    return branches.length === 1 ? (branches[0] as Info) : alternate(branches);
  }

  private alternative(): Info {
    const items: Info[] = [];
    while (this.at < this.source.length && this.peek() !== "|" && this.peek() !== ")") {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? (items[0] as Info) : concat(items);
  }

  private quantified(atom: Info): Info {
    let min: number;
    let max: number;
    const ch = this.peek();
    if (ch === "*" || ch === "+" || ch === "?") {
      this.at++;
      min = ch === "+" ? 1 : 0;
      max = ch === "?" ? 1 : Number.POSITIVE_INFINITY;
    } else if (ch === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) return atom;
      this.at += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY;
    } else {
      return atom;
    }
    if (this.peek() === "?") this.at++;
    return repeat(atom, min, max);
  }

  private atom(): Info {
    const ch = this.peek();
    this.at++;
    switch (ch) {
      case "^":
      case "$":
        return EMPTY;
      case ".":
        return UNKNOWN;
      case "(":
        return this.group();
      case "[":
        return this.charClass();
      case "\\":
        return this.escape();
      case "*":
      case "+":
      case "?":
        throw new Unsupported("nothing to repeat");
      default:
        return char(ch);
    }
  }

  private group(): Info {
    let lookaround = false;
    if (this.peek() === "?") {
      const kind = this.source.slice(this.at, this.at + 3);
      if (kind.startsWith("?:")) this.at += 2;
      else if (kind.startsWith("?=") || kind.startsWith("?!")) {
        this.at += 2;
        lookaround = true;
      } else if (kind === "?<=" || kind === "?<!") {
        this.at += 3;
        lookaround = true;
      } else if (kind.startsWith("?<")) {
        const end = this.source.indexOf(">", this.at);
        if (end < 0) throw new Unsupported("group name");
        this.at = end + 1;
      } else throw new Unsupported(`group ${kind}`);
    }
    const inner = this.disjunction();
    if (this.peek() !== ")") throw new Unsupported("unclosed group");
    this.at++;
    // A lookaround consumes nothing; what it asserts is not needed to rule a text out.
    return lookaround ? EMPTY : inner;
  }

  private escape(): Info {
    const ch = this.peek();
    this.at++;
    if (ch === "b" || ch === "B") return EMPTY;
    if ("dDwWsS".includes(ch)) return UNKNOWN;
    if (/[1-9]/.test(ch) || ch === "k") throw new Unsupported("backreference");
    const code = this.escapeCode(ch);
    return code === undefined ? UNKNOWN : char(String.fromCharCode(code));
  }

  /** The character a simple escape stands for; undefined when it is no single known character. */
  private escapeCode(ch: string): number | undefined {
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11, "0": 0 };
    if (ch in simple) return simple[ch];
    if (ch === "x" || ch === "u") {
      const digits = ch === "x" ? 2 : 4;
      const hex = this.source.slice(this.at, this.at + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) throw new Unsupported("hex escape");
      this.at += digits;
      return Number.parseInt(hex, 16);
    }
    if (ch === "c" || ch === "p" || ch === "P") throw new Unsupported(`\\${ch}`);
    return ch.charCodeAt(0);
  }

  private charClass(): Info {
    const negated = this.peek() === "^";
    if (negated) this.at++;
    const chars = new Set<string>();
    let known = !negated;
    while (this.at < this.source.length && this.peek() !== "]") {
      const from = this.classChar();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== "") {
        this.at++;
        const to = this.classChar();
        if (from === undefined || to === undefined || to - from > MAX_CLASS) known = false;
        else for (let c = from; c <= to; c++) chars.add(String.fromCharCode(c));
      } else if (from === undefined) known = false;
      else chars.add(String.fromCharCode(from));
    }
    if (this.peek() !== "]") throw new Unsupported("unclosed class");
    this.at++;
    if (!known || chars.size > MAX_CLASS) return UNKNOWN;
    const lower = [...chars].map(lowerAscii);
    if (lower.some((c) => c === undefined)) return UNKNOWN;
    return { exact: [...new Set(lower as string[])] };
  }

  /** One class member's code; undefined for a class escape (\w, \s…). */
  private classChar(): number | undefined {
    const ch = this.peek();
    this.at++;
    if (ch !== "\\") return ch.charCodeAt(0);
    const esc = this.peek();
    this.at++;
    if ("dDwWsS".includes(esc)) return undefined;
    if (esc === "b") return 8;
    return this.escapeCode(esc);
  }
}

/** Keeps the shortest anchors: a text holding "strikes" also holds "strike". */
function minimal(anchors: readonly string[]): string[] {
  const sorted = [...new Set(anchors)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const a of sorted) if (!kept.some((k) => a.includes(k))) kept.push(a);
  return kept;
}

/**
 * Anchors of a regex (its source and flags), or undefined when the pattern must always run (no literal that
 * every match holds, or syntax this analysis does not read).
 */
export function anchorsOf(source: string, flags = ""): string[] | undefined {
  // With the u or v flag, case-insensitive letters also match non-ASCII ones (ſ, K): no anchors.
  if (/[uv]/.test(flags) && flags.includes("i")) return undefined;
  let info: Info;
  try {
    info = new Parser(source).parse();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const anchors = ownAnchors(info);
  if (!anchors || anchors.length === 0 || anchors.some((a) => a.length === 0)) return undefined;
  return minimal(anchors);
}
