/**
 * Finds which of many literal anchors occur in a text in one pass (an Aho–Corasick automaton,
 * compiled to a transition table). ASCII letters are matched case-insensitively; any other
 * character that no anchor holds resets the match, so anchors are lower-case ASCII.
 */
const OUTPUT = 1 << 30;

export class AnchorScanner {
  private readonly symbols = new Int32Array(128);
  private readonly width: number;
  private readonly next: Int32Array;
  /** Rules whose anchors end at each state (its own and those of its suffixes). */
  private readonly outStart: Int32Array;
  private readonly outRules: Int32Array;
  private readonly seen: Int32Array;
  private readonly counts: Int32Array;
  private generation = 0;

  /** anchors[rule] lists that rule's anchors. */
  constructor(anchors: readonly (readonly string[])[]) {
    let width = 1;
    for (const list of anchors) {
      for (const anchor of list) {
        for (let i = 0; i < anchor.length; i++) {
          const code = anchor.charCodeAt(i);
          if (code >= 128 || (code >= 65 && code <= 90)) throw new Error(`anchor "${anchor}" is not lower-case ASCII`);
          if (this.symbols[code] === 0) this.symbols[code] = width++;
        }
      }
    }
    // Upper-case letters read as their lower case.
    for (let code = 65; code <= 90; code++) this.symbols[code] = this.symbols[code + 32] ?? 0;
    this.width = width;

    // The trie: goto[state * width + symbol], -1 where there is no edge yet.
    const gotos: number[] = [];
    const outs: number[][] = [];
    const addState = () => {
      for (let s = 0; s < width; s++) gotos.push(-1);
      outs.push([]);
      return outs.length - 1;
    };
    addState();
    anchors.forEach((list, rule) => {
      for (const anchor of list) {
        let state = 0;
        for (let i = 0; i < anchor.length; i++) {
          const slot = state * width + (this.symbols[anchor.charCodeAt(i)] ?? 0);
          let to = gotos[slot] ?? -1;
          if (to < 0) {
            to = addState();
            gotos[slot] = to;
          }
          state = to;
        }
        outs[state]?.push(rule);
      }
    });

    // Breadth first: failure links, then every missing edge follows its state's failure link.
    const states = outs.length;
    const next = new Int32Array(states * width);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let s = 0; s < width; s++) {
      const to = gotos[s] ?? -1;
      next[s] = Math.max(0, to);
      if (to > 0) queue.push(to);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] ?? 0;
      const own = outs[state] ?? [];
      for (const rule of outs[fail[state] ?? 0] ?? []) own.push(rule);
      for (let s = 0; s < width; s++) {
        const to = gotos[state * width + s] ?? -1;
        const viaFail = next[(fail[state] ?? 0) * width + s] ?? 0;
        if (to < 0) next[state * width + s] = viaFail;
        else {
          next[state * width + s] = to;
          fail[to] = viaFail;
          queue.push(to);
        }
      }
    }
    // Scanning follows offsets (state × width) flagged when the state has rules to report.
    for (let slot = 0; slot < next.length; slot++) {
      const to = next[slot] ?? 0;
      next[slot] = to * width + ((outs[to]?.length ?? 0) > 0 ? OUTPUT : 0);
    }
    this.next = next;
    this.outStart = new Int32Array(states + 1);
    const flat: number[] = [];
    for (let state = 0; state < states; state++) {
      this.outStart[state] = flat.length;
      for (const rule of new Set(outs[state])) flat.push(rule);
    }
    this.outStart[states] = flat.length;
    this.outRules = Int32Array.from(flat);
    this.seen = new Int32Array(anchors.length);
    this.counts = new Int32Array(anchors.length);
  }

  /** Marks the rules with an anchor in `text`, for `has` to tell until the next scan. */
  scan(text: string): void {
    // The marks are stamped with a generation, so a scan clears nothing and allocates nothing.
    if (this.generation >= 0x3fffffff) {
      this.seen.fill(0);
      this.generation = 0;
    }
    const generation = ++this.generation;
    const { symbols, next, width, outStart, outRules, seen } = this;
    let at = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      at = next[at + (code < 128 ? (symbols[code] ?? 0) : 0)] ?? 0;
      if (at < OUTPUT) continue;
      at -= OUTPUT;
      const state = at / width;
      const to = outStart[state + 1] ?? 0;
      for (let k = outStart[state] ?? 0; k < to; k++) seen[outRules[k] ?? 0] = generation;
    }
  }

  /**
   * At how many positions of `text` one of each rule's anchors ends (the array is reused). A
   * rule's regex, run globally, matches at most that often: its matches do not overlap and each
   * holds an anchor.
   */
  count(text: string): Int32Array {
    const { symbols, next, width, outStart, outRules } = this;
    const counts = this.counts;
    counts.fill(0);
    let at = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      at = next[at + (code < 128 ? (symbols[code] ?? 0) : 0)] ?? 0;
      if (at < OUTPUT) continue;
      at -= OUTPUT;
      const state = at / width;
      const to = outStart[state + 1] ?? 0;
      for (let k = outStart[state] ?? 0; k < to; k++) {
        const rule = outRules[k] ?? 0;
        counts[rule] = (counts[rule] ?? 0) + 1;
      }
    }
    return counts;
  }

  /** Whether the last scanned text holds one of the rule's anchors. */
  has(rule: number): boolean {
    return this.seen[rule] === this.generation;
  }
}
