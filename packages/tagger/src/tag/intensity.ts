import type { TypeLexicon } from "../lexicon/index.ts";
import type { Trigger } from "../lexicon/types.ts";

// Patterns run on the folded sentence, so they hold English, Serbian and Albanian words.
const DEATHS =
  /\b(?:dead|deadly|killed|killing|killings|deaths?|died|fatal(?:ly|ities)?|slain|massacred?|casualties|death toll|lethal|ubijen\w*|ubistv\w*|poginu\w*|smrt\w*|mrtv\w*|u vra\w*|vrasj\w*|humb\w* jeten|te vrare)\b/i;
const INJURIES = /\b(?:wounded|injured|injuries|hurt|ranjen\w*|povredjen\w*|plagos\w*|lendu\w*)\b/i;
const HEAVY_FORCES =
  /\b(?:tanks|artillery|armou?red|heavy weapons|warships|missiles|build-?up|unprecedented|mobili[sz]ation|reservists|tenk\w*|oklopn\w*|artiljerij\w*|mobilizacij\w*|artileri\w*|mobilizim\w*)\b/i;
const VIOLENT_PROTEST =
  /\b(?:riot(?:s|ed|ing)?|violent|tear gas|clash(?:es|ed)?|stones|molotov|injured|wounded|nasil\w*|suzavac\w*|sukob\w*|kamen\w*|dhun\w*|perlesh\w*|gurë|gure)\b/i;
const ARMED_THREAT =
  /\b(?:military|war|attack|strike|invade|invasion|force|troops|nuclear|shell|bomb|vojsk\w*|rat|napad\w*|ushtri\w*|lufte\w*|sulm\w*)\b/i;

/** The type's default intensity, or the trigger's, raised for deaths, injuries, heavy weapons, riots. */
export function intensityOf(lexicon: TypeLexicon, trigger: Trigger, folded: string): number {
  let intensity = trigger.intensity ?? lexicon.intensity;
  if (lexicon.type === "clash") {
    if (DEATHS.test(folded)) intensity = Math.max(intensity, 0.9);
    else if (INJURIES.test(folded)) intensity = Math.max(intensity, 0.75);
  } else if (lexicon.type === "deployment" && HEAVY_FORCES.test(folded)) {
    intensity = Math.max(intensity, 0.65);
  } else if (lexicon.type === "protest" && VIOLENT_PROTEST.test(folded)) {
    intensity = Math.max(intensity, 0.55);
  } else if (lexicon.type === "threat" && ARMED_THREAT.test(folded)) {
    intensity = Math.max(intensity, 0.7);
  }
  return intensity;
}
