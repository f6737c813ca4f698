import type { Trigger, TypeLexicon } from "../lexicon/types.ts";
import { anchorsOf } from "./anchors.ts";
import { AnchorScanner } from "./scanner.ts";

export { anchorsOf } from "./anchors.ts";
export { AnchorScanner } from "./scanner.ts";

/**
 * A language's trigger rules in lexicon order, with one scan that tells which of them can match a
 * text: a rule runs only where one of its anchors occurs (or always, when it has none).
 */
export class TriggerIndex {
  readonly rules: readonly { trigger: Trigger; lexicon: TypeLexicon }[];
  private readonly always: Uint8Array;
  private readonly scanner: AnchorScanner;

  constructor(lexicons: readonly TypeLexicon[]) {
    this.rules = lexicons.flatMap((lexicon) => lexicon.triggers.map((trigger) => ({ trigger, lexicon })));
    const anchors = this.rules.map(({ trigger }) => anchorsOf(trigger.re.source));
    this.always = Uint8Array.from(anchors, (a) => (a ? 0 : 1));
    this.scanner = new AnchorScanner(anchors.map((a) => a ?? []));
  }

  /** Scans the text; `candidate(i)` then tells whether rule i may match it, until the next scan. */
  scan(text: string): void {
    this.scanner.scan(text);
  }

  candidate(rule: number): boolean {
    return this.always[rule] === 1 || this.scanner.has(rule);
  }
}
