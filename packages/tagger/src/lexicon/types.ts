import type { IndicatorType } from "@seismo/core";

/**
 * One trigger rule. Patterns run case-insensitively on the sentence with ASCII quotes and
 * dashes (same offsets as the original). The match is the evidence, so context that must be
 * present but is not the trigger itself goes in a lookbehind/lookahead.
 */
export interface Trigger {
  /** Must carry the "g" flag. */
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
}

export interface TypeLexicon {
  type: IndicatorType;
  /** Default intensity of the event type: talks low, deadly clashes high. */
  intensity: number;
  triggers: readonly Trigger[];
}

/** Nouns naming armed or police personnel, used as context by several types. */
export const FORCES =
  /\b(?:troops|soldiers|forces|army|armies|units|tanks|artillery|peacekeepers|peacekeeping|reservists|reserves|battalions?|brigades?|contingents?|warships|police|gendarmes?|military|kfor|paratroopers|marines)\b/i;
