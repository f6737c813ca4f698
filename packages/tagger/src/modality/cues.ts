import type { Modality } from "@seismo/core";

/**
 * A word or phrase before a trigger that changes its modality. maxWords is how many words may
 * stand between the cue and the trigger: "failed to" governs only its own verb phrase
 * ("failed to reach agreement"), "no" a whole noun phrase ("no visible movement or increased
 * presence of forces"), "urged X to" a whole infinitive clause.
 */
export interface Cue {
  modality: Exclude<Modality, "asserted">;
  re: RegExp;
  maxWords: number;
}

export const LEFT_CUES: readonly Cue[] = [
  // Negation
  {
    modality: "negated",
    re: /\b(?:no(?![\s-]one)|not(?! only)|never|without|neither|nor|cannot)\b|n't\b/gi,
    maxWords: 6,
  },
  // "No one was injured in the explosion": a subject negator denies its verb, not the clause.
  { modality: "negated", re: /\b(?:no[\s-]one|nobody|none)\b/gi, maxWords: 2 },
  {
    modality: "negated",
    re: /\b(?:den(?:ied|y|ies|ying)|refus(?:ed|es|e|ing)|reject(?:ed|s|ing)?|declin(?:ed|es|e|ing) to|oppos(?:ed|es|e|ing)|dismiss(?:ed|es)|ruled out|rules out|rule out|veto(?:ed|es)?)\b/gi,
    maxWords: 12,
  },
  {
    modality: "negated",
    re: /\b(?:fail(?:ed|s)? to|call(?:ed|s|ing)? off|cancel(?:l?ed|s|ling)?|postpon(?:ed|e|es|ing)|prevent(?:ed|s|ing)?|deter|avert(?:ed)?|avoid(?:ed|s|ing)?|halt(?:ed|s|ing)?|stop(?:ped|s|ping)?|end(?:ed|s|ing)?(?! of)|lift(?:ed|s|ing)?|eas(?:ed|e|es|ing)|remov(?:e|ed|es|ing)|scrap(?:ped|s)?|instead of|rather than|absence of|lack of|free of)\b/gi,
    maxWords: 3,
  },
  // Speculation: fears, possibilities, conditions
  {
    modality: "speculative",
    re: /\b(?:could|might|fear(?:s|ed|ing)?|risks? of|possib(?:le|ly|ility)|potential(?:ly)?|likely|in case of|in the event of|should any|should there|whether|expected to|rumou?r(?:s|ed)?|spectre of|specter of|prospect of|threat of|bracing for|warn(?:ed|s|ing)? of|concerns? (?:about|over|that)|worr(?:y|ies|ied) (?:about|that|over))\b/gi,
    maxWords: 8,
  },
  // Case-sensitive so that the month does not count.
  { modality: "speculative", re: /\bmay\b/g, maxWords: 8 },
  { modality: "speculative", re: /\b(?:if|unless)\b/gi, maxWords: 10 },
  // Intent: plans, readiness, demands and threats of the act
  {
    modality: "intent",
    re: /\b(?:will|shall|would|'ll|must|should|going to|set to|about to)\b/gi,
    maxWords: 4,
  },
  {
    modality: "intent",
    re: /\b(?:plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|intention|ready|prepared|preparing|prepare|willing|aim(?:s|ed|ing)?|seek(?:s|ing)?|sought|want(?:s|ed)?|vow(?:ed|s)?|pledg(?:ed|es)|promis(?:ed|es)|decid(?:ed|es)|decision|threat(?:en(?:ed|s|ing)?)?|offer(?:ed|s)?|agree(?:d|s)?|order(?:ed|s)?|ask(?:ed|s)?|push(?:ing|ed)?|press(?:ing|ed)?) to\b/gi,
    maxWords: 6,
  },
  {
    modality: "intent",
    re: /\b(?:urg(?:ed|es|ing|e)|call(?:ed|s|ing)? (?:on|upon|for)|calls? for|demand(?:ed|s|ing)?|request(?:ed|s|ing)?|propos(?:ed|es|al|als|ing)|insist(?:ed|s|ing)? (?:on|that)|appeal(?:ed|s)? (?:for|to)|plans? for|push(?:ing|ed)? for|press(?:ing|ed)? for|ultimatum)\b/gi,
    maxWords: 10,
  },
];

/** Phrases after the trigger that deny or defer it: "... has not been observed", "... was called off". */
export const RIGHT_CUES: readonly Cue[] = [
  {
    modality: "negated",
    re: /^(?:\s+[\w'-]+){0,6}?\s+(?:(?:has|have|had|was|were|is|are) (?:not|never) been (?:observed|seen|reported|confirmed|detected|recorded)|did not (?:take place|happen|occur)|never (?:took place|happened|materiali[sz]ed)|(?:is|was) not an option|(?:is|was) out of the question|(?:was|were|has been|had been|have been) (?:called off|cancell?ed|postponed|ruled out|denied|averted))\b/i,
    maxWords: 6,
  },
  {
    modality: "intent",
    re: /^(?:\s+[\w'-]+){0,3}?\s+(?:is|are|was|were) (?:planned|scheduled|due|set|expected) (?:for|to)\b/i,
    maxWords: 3,
  },
];

/**
 * Undoing a promise not to act is a plan to act: "intends to reverse a previous commitment that
 * the Kosovo Security Forces would not enter the area".
 */
export const REVERSAL =
  /\b(?:revers|overturn|scrap|abandon|rescind|revok|withdr[ae]w|lift|drop|end)\w*\s+(?:[\w-]+\s+){0,3}?(?:commitment|pledge|promise|ban|prohibition|decision|policy|rule|guarantee|assurance)s?\b/i;

/** Where a clause starts: the trigger's modality cues are read from here on. */
export const CLAUSE_BREAK =
  /[;:()[\]"]|\s[-]\s|,\s+(?:but|while|although|though|whereas|as|after|before|when|which|who|whom|despite|even|since|because|following|saying|adding|amid|and)\b|\bbut\b/gi;
