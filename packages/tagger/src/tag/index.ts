import type { Indicator, IndicatorType, Modality } from "@seismo/core";
import {
  type FoldedText,
  foldForSearch,
  foldWithOffsets,
  originalSpan,
  simplifyPunctuation,
  splitSentences,
} from "@seismo/text";
import { findActors } from "../actors/index.ts";
import type { Lang } from "../data/index.ts";
import { articleDomains, isPastEvent, suppressedTypes } from "../domain/index.ts";
import { detectLang } from "../lang/index.ts";
import { LEXICONS, type Trigger, type TypeLexicon } from "../lexicon/index.ts";
import { readModality } from "../modality/index.ts";
import { findPlaces } from "../places/index.ts";
import { TriggerIndex } from "../prefilter/index.ts";
import { intensityOf } from "./intensity.ts";

const BEFORE_WINDOW = 48;
const AFTER_WINDOW = 64;
const ALL_LANGS: readonly Lang[] = ["en", "sr", "sq"];
const TRIGGERS: Readonly<Record<Lang, TriggerIndex>> = {
  en: new TriggerIndex(LEXICONS.en),
  sr: new TriggerIndex(LEXICONS.sr),
  sq: new TriggerIndex(LEXICONS.sq),
};

// How much a modality reading itself may be wrong, folded into confidence.
const MODALITY_FACTOR: Record<Modality, number> = { asserted: 1, intent: 0.9, negated: 0.9, speculative: 0.8 };

export interface TriggerMatch {
  type: IndicatorType;
  start: number;
  end: number;
  trigger: Trigger;
  lexicon: TypeLexicon;
}

function senseAllowed(view: string, start: number, end: number, trigger: Trigger): boolean {
  if (trigger.requires && !trigger.requires.test(view)) return false;
  if (trigger.forbids?.test(view)) return false;
  if (trigger.before?.test(view.slice(Math.max(0, start - BEFORE_WINDOW), start))) return false;
  if (trigger.after?.test(view.slice(end, end + AFTER_WINDOW))) return false;
  return true;
}

/**
 * Every trigger of every type in the sentence view, in the view's offsets. English reads the
 * simplified sentence; Serbian and Albanian read its folded key.
 */
export function findTriggers(view: string, lang: Lang = "en"): TriggerMatch[] {
  const matches: TriggerMatch[] = [];
  const index = TRIGGERS[lang];
  index.scan(view);
  const { rules } = index;
  for (let i = 0; i < rules.length; i++) {
    // A rule none of whose literal anchors is in the view cannot match it.
    if (!index.candidate(i)) continue;
    const { trigger, lexicon } = rules[i] as (typeof rules)[number];
    trigger.re.lastIndex = 0;
    for (let m = trigger.re.exec(view); m !== null; m = trigger.re.exec(view)) {
      if (m[0].length === 0) {
        trigger.re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (senseAllowed(view, start, end, trigger)) matches.push({ type: lexicon.type, start, end, trigger, lexicon });
    }
  }
  return matches;
}

/** What a whole text tells each of its sentences: its language and off-topic domains. */
export interface ArticleContext {
  lang: Lang | undefined;
  /** Computed on first use: most sentences never need it. */
  domains: () => ReadonlySet<string>;
}

interface View {
  lang: Lang;
  text: string;
  folded?: FoldedText;
}

function viewsOf(sentence: string, langs: readonly Lang[]): View[] {
  const simple = simplifyPunctuation(sentence);
  let folded: FoldedText | undefined;
  return langs.map((lang) => {
    if (lang === "en") return { lang, text: simple };
    folded ??= foldWithOffsets(simple);
    return { lang, text: folded.folded, folded };
  });
}

const CYRILLIC = /[\u0400-\u04FF]/;

function langsOf(sentence: string, context: ArticleContext | undefined): readonly Lang[] {
  // A Cyrillic sentence is Serbian whatever the article around it; otherwise the article decides.
  if (context?.lang && !CYRILLIC.test(sentence)) return [context.lang];
  const own = detectLang(sentence);
  if (own === "sr" && CYRILLIC.test(sentence)) return ["sr"];
  const lang = context?.lang ?? own;
  return lang ? [lang] : ALL_LANGS;
}

/**
 * Tags one sentence. `offset` is where the sentence starts in the caller's text, so evidence
 * offsets point into that text. One indicator per type and modality: the strongest trigger.
 */
export function tagSpan(sentence: string, offset: number, context?: ArticleContext): Indicator[] {
  const found: { view: View; match: TriggerMatch }[] = [];
  for (const view of viewsOf(sentence, langsOf(sentence, context))) {
    for (const match of findTriggers(view.text, view.lang)) found.push({ view, match });
  }
  if (found.length === 0) return [];

  const folded = found.find((f) => f.view.folded)?.view.text ?? foldForSearch(sentence);
  const suppressed = suppressedTypes(folded, context?.domains());
  const actors = findActors(sentence, folded);
  const places = findPlaces(sentence, folded);
  const best = new Map<string, Indicator>();
  for (const { view, match } of found) {
    if (suppressed.has(match.type) || isPastEvent(match.type, view.text, match.start, match.end)) continue;
    const { modality } = readModality(view.text, match.start, match.end, view.lang);
    const confidence = Math.round(match.trigger.strength * MODALITY_FACTOR[modality] * 100) / 100;
    const key = `${match.type}/${modality}`;
    const previous = best.get(key);
    if (previous && previous.confidence >= confidence) continue;
    const span = view.folded ? originalSpan(view.folded, match.start, match.end) : match;
    best.set(key, {
      type: match.type,
      modality,
      evidence: {
        text: sentence.slice(span.start, span.end),
        start: offset + span.start,
        end: offset + span.end,
        sentence,
      },
      actors,
      places,
      confidence,
      intensity: intensityOf(match.lexicon, match.trigger, folded),
    });
  }
  return [...best.values()].sort((a, b) => a.evidence.start - b.evidence.start);
}

/** Tags a single sentence; evidence offsets are indices into `sentence`. */
export function tagSentence(sentence: string): Indicator[] {
  return tagSpan(sentence, 0);
}

/** Language and look-alike domains of a whole text, as tagText reads them. */
export function articleContext(text: string, sentences: number): ArticleContext {
  let domains: ReadonlySet<string> | undefined;
  return {
    lang: detectLang(text),
    domains: () => {
      domains ??= sentences > 1 ? articleDomains(foldForSearch(text), sentences) : new Set();
      return domains;
    },
  };
}

/**
 * Tags a text sentence by sentence. Evidence offsets are JS string indices into `text`:
 * evidence.text === text.slice(evidence.start, evidence.end).
 */
export function tagText(text: string): Indicator[] {
  return tagTextInContext(text).indicators;
}

/** tagText, also giving the article context it read (its language), so callers need not redo it. */
export function tagTextInContext(text: string): { indicators: Indicator[]; context: ArticleContext } {
  const spans = splitSentences(text);
  const context = articleContext(text, spans.length);
  const indicators: Indicator[] = [];
  for (const span of spans) indicators.push(...tagSpan(span.text, span.start, context));
  return { indicators, context };
}
