/**
 * Finds which of many literal anchors occur in a text in one pass (an Aho–Corasick automaton,
 * compiled to a transition table). ASCII letters are matched case-insensitively; any other
 * character that no anchor holds resets the match, so anchors are lower-case ASCII.
 */
export class AnchorScanner {
  private readonly symbols = new Int32Array(128);
  private readonly width: number;
  private readonly next: Int32Array;
  /** Rules whose anchors end at each state (its own and those of its suffixes). */
  private readonly outStart: Int32Array;
  private readonly outRules: Int32Array;
  private readonly outLengths: Int32Array;
  private readonly seen: Int32Array;
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
    // Per state: [rule, anchor length] pairs, flattened.
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
        outs[state]?.push(rule, anchor.length);
      }
    });

    // Breadth first: failure links, then every missing edge follows its state's failure link.
    const states = outs.length;
    const next = new Int32Array(states * width);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let s = 0; s < width; s++) {
      const to = gotos[s] ?? -1;
      next[s] = to < 0 ? 0 : to;
      if (to > 0) queue.push(to);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] ?? 0;
      const own = outs[state] ?? [];
      for (const value of outs[fail[state] ?? 0] ?? []) own.push(value);
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
    this.next = next;
    this.outStart = new Int32Array(states + 1);
    const rules: number[] = [];
    const lengths: number[] = [];
    for (let state = 0; state < states; state++) {
      this.outStart[state] = rules.length;
      const out = outs[state] ?? [];
      const seen = new Set<string>();
      for (let k = 0; k < out.length; k += 2) {
        const key = `${out[k]}/${out[k + 1]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rules.push(out[k] ?? 0);
        lengths.push(out[k + 1] ?? 0);
      }
    }
    this.outStart[states] = rules.length;
    this.outRules = Int32Array.from(rules);
    this.outLengths = Int32Array.from(lengths);
    this.seen = new Int32Array(anchors.length);
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
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = next[state * width + (code < 128 ? (symbols[code] ?? 0) : 0)] ?? 0;
      const from = outStart[state] ?? 0;
      const to = outStart[state + 1] ?? 0;
      for (let k = from; k < to; k++) seen[outRules[k] ?? 0] = generation;
    }
  }

  /** Whether the last scanned text holds one of the rule's anchors. */
  has(rule: number): boolean {
    return this.seen[rule] === this.generation;
  }

  /** Where anchors start in `text`, ascending and without repeats. */
  starts(text: string): number[] {
    const { symbols, next, width, outStart, outLengths } = this;
    const found: number[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = next[state * width + (code < 128 ? (symbols[code] ?? 0) : 0)] ?? 0;
      const from = outStart[state] ?? 0;
      const to = outStart[state + 1] ?? 0;
      for (let k = from; k < to; k++) found.push(i + 1 - (outLengths[k] ?? 0));
    }
    if (found.length < 2) return found;
    found.sort((a, b) => a - b);
    let n = 1;
    for (let k = 1; k < found.length; k++) if (found[k] !== found[n - 1]) found[n++] = found[k] ?? 0;
    found.length = n;
    return found;
  }
}
