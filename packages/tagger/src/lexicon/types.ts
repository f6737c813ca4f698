import type { IndicatorType } from "@seismo/core";
import type { Lang } from "../data/index.ts";

/**
 * One trigger rule, compiled from an entry of data/lexicon/<lang>/<type>.yaml. English patterns
 * run case-insensitively on the sentence with ASCII quotes and dashes; Serbian and Albanian ones
 * on its foldForSearch key (lower case, Latin, no diacritics), offsets mapped back. The match is
 * the evidence, so context that must be present but is not the trigger goes in a lookaround.
 */
export interface Trigger {
  id: string;
  lang: Lang;
  /** Carries the "g" flag. */
  re: RegExp;
  /** How sure the rule is that the match names an event of this type, 0..1. */
  strength: number;
  /** Event intensity when this rule fires (the type's default otherwise). */
  intensity?: number;
  /** Rejects the match when it matches the text just before the trigger (anchor with $). */
  before?: RegExp;
  /** Rejects the match when it matches the text just after the trigger (anchor with ^). */
  after?: RegExp;
  /** The sentence must match this for the rule to fire. */
  requires?: RegExp;
  /** The rule does not fire in a sentence matching this (a non-political sense). */
  forbids?: RegExp;
  /** Sentences that must produce this type; counterexamples must not claim it. */
  examples: readonly string[];
  counterexamples: readonly string[];
}

export interface TypeLexicon {
  type: IndicatorType;
  lang: Lang;
  /** Default intensity of the event type: talks low, deadly clashes high. */
  intensity: number;
  triggers: readonly Trigger[];
}
