import type { Indicator, IndicatorType, Modality } from "@seismo/core";
import { foldForSearch, simplifyPunctuation, splitSentences } from "@seismo/text";
import { findActors } from "../actors/index.ts";
import { LEXICONS, type Trigger, type TypeLexicon } from "../lexicon/index.ts";
import { readModality } from "../modality/index.ts";
import { findPlaces } from "../places/index.ts";

const BEFORE_WINDOW = 48;
const AFTER_WINDOW = 64;

// How much a modality reading itself may be wrong, folded into confidence.
const MODALITY_FACTOR: Record<Modality, number> = { asserted: 1, intent: 0.9, negated: 0.9, speculative: 0.8 };

const DEATHS =
  /\b(?:dead|deadly|killed|killing|killings|deaths?|died|fatal(?:ly|ities)?|slain|massacred?|casualties|death toll|lethal)\b/i;
const INJURIES = /\b(?:wounded|injured|injuries|hurt)\b/i;
const HEAVY_FORCES =
  /\b(?:tanks|artillery|armou?red|heavy weapons|warships|missiles|build-?up|unprecedented|mobili[sz]ation|reservists)\b/i;
const VIOLENT_PROTEST = /\b(?:riot(?:s|ed|ing)?|violent|tear gas|clash(?:es|ed)?|stones|molotov|injured|wounded)\b/i;
const ARMED_THREAT = /\b(?:military|war|attack|strike|invade|invasion|force|troops|nuclear|shell|bomb)\b/i;

export interface TriggerMatch {
  type: IndicatorType;
  start: number;
  end: number;
  trigger: Trigger;
}

function senseAllowed(view: string, start: number, end: number, trigger: Trigger): boolean {
  if (trigger.requires && !trigger.requires.test(view)) return false;
  if (trigger.forbids?.test(view)) return false;
  if (trigger.before?.test(view.slice(Math.max(0, start - BEFORE_WINDOW), start))) return false;
  if (trigger.after?.test(view.slice(end, end + AFTER_WINDOW))) return false;
  return true;
}

/** Every trigger of every type in the sentence, in the simplified view's offsets. */
export function findTriggers(view: string): TriggerMatch[] {
  const matches: TriggerMatch[] = [];
  for (const lexicon of LEXICONS) {
    for (const trigger of lexicon.triggers) {
      trigger.re.lastIndex = 0;
      for (let m = trigger.re.exec(view); m !== null; m = trigger.re.exec(view)) {
        if (m[0].length === 0) {
          trigger.re.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        if (senseAllowed(view, start, end, trigger)) matches.push({ type: lexicon.type, start, end, trigger });
      }
    }
  }
  return matches;
}

function intensityOf(lexicon: TypeLexicon, trigger: Trigger, sentence: string): number {
  let intensity = trigger.intensity ?? lexicon.intensity;
  if (lexicon.type === "clash") {
    if (DEATHS.test(sentence)) intensity = Math.max(intensity, 0.9);
    else if (INJURIES.test(sentence)) intensity = Math.max(intensity, 0.75);
  } else if (lexicon.type === "deployment" && HEAVY_FORCES.test(sentence)) {
    intensity = Math.max(intensity, 0.65);
  } else if (lexicon.type === "protest" && VIOLENT_PROTEST.test(sentence)) {
    intensity = Math.max(intensity, 0.55);
  } else if (lexicon.type === "threat" && ARMED_THREAT.test(sentence)) {
    intensity = Math.max(intensity, 0.7);
  }
  return intensity;
}

const LEXICON_BY_TYPE = new Map<IndicatorType, TypeLexicon>(LEXICONS.map((l) => [l.type, l]));

/**
 * Tags one sentence. `offset` is where the sentence starts in the caller's text, so evidence
 * offsets point into that text. One indicator per type and modality: the strongest trigger.
 */
function tagSpan(sentence: string, offset: number): Indicator[] {
  const view = simplifyPunctuation(sentence);
  const matches = findTriggers(view);
  if (matches.length === 0) return [];

  const folded = foldForSearch(sentence);
  const actors = findActors(sentence, folded);
  const places = findPlaces(sentence, folded);
  const best = new Map<string, Indicator>();
  for (const match of matches) {
    const lexicon = LEXICON_BY_TYPE.get(match.type);
    if (!lexicon) continue;
    const { modality } = readModality(view, match.start, match.end);
    const confidence = Math.round(match.trigger.strength * MODALITY_FACTOR[modality] * 100) / 100;
    const key = `${match.type}/${modality}`;
    const previous = best.get(key);
    if (previous && previous.confidence >= confidence) continue;
    best.set(key, {
      type: match.type,
      modality,
      evidence: {
        text: sentence.slice(match.start, match.end),
        start: offset + match.start,
        end: offset + match.end,
        sentence,
      },
      actors,
      places,
      confidence,
      intensity: intensityOf(lexicon, match.trigger, view),
    });
  }
  return [...best.values()].sort((a, b) => a.evidence.start - b.evidence.start);
}

/** Tags a single sentence; evidence offsets are indices into `sentence`. */
export function tagSentence(sentence: string): Indicator[] {
  return tagSpan(sentence, 0);
}

/**
 * Tags a text sentence by sentence. Evidence offsets are JS string indices into `text`:
 * evidence.text === text.slice(evidence.start, evidence.end).
 */
export function tagText(text: string): Indicator[] {
  const indicators: Indicator[] = [];
  for (const span of splitSentences(text)) indicators.push(...tagSpan(span.text, span.start));
  return indicators;
}
