import type { Trigger, TypeLexicon } from "../lexicon/types.ts";
import { anchorsOf } from "./anchors.ts";
import { AnchorScanner } from "./scanner.ts";

export { anchorsOf } from "./anchors.ts";
export { AnchorScanner } from "./scanner.ts";

/**
 * A list of regexes with one scan that tells which of them can match a text: a regex whose
 * literal anchors are all absent cannot, so the caller skips it. One without anchors always runs.
 */
export class AnchorIndex {
  private readonly always: Uint8Array;
  private readonly scanner: AnchorScanner;

  constructor(patterns: readonly RegExp[]) {
    const anchors = patterns.map((re) => anchorsOf(re.source, re.flags));
    this.always = Uint8Array.from(anchors, (a) => (a ? 0 : 1));
    this.scanner = new AnchorScanner(anchors.map((a) => a ?? []));
  }

  /** Scans the text; `candidate(i)` then tells whether pattern i may match it, until the next scan. */
  scan(text: string): void {
    this.scanner.scan(text);
  }

  /** Per pattern, at most how many non-overlapping matches it can have in `text` (the array is reused). */
  bounds(text: string): Int32Array {
    const counts = this.scanner.count(text);
    for (let i = 0; i < counts.length; i++) if (this.always[i] === 1) counts[i] = 0x7fffffff;
    return counts;
  }

  candidate(pattern: number): boolean {
    return this.always[pattern] === 1 || this.scanner.has(pattern);
  }
}

/** A language's trigger rules in lexicon order, indexed by their anchors. */
export class TriggerIndex extends AnchorIndex {
  readonly rules: readonly { trigger: Trigger; lexicon: TypeLexicon }[];

  constructor(lexicons: readonly TypeLexicon[]) {
    const rules = lexicons.flatMap((lexicon) => lexicon.triggers.map((trigger) => ({ trigger, lexicon })));
    super(rules.map((r) => r.trigger.re));
    this.rules = rules;
  }
}
