import { foldWithOffsets, simplifyPunctuation } from "@seismo/text";
import type { Lang } from "../data/index.ts";
import { LEXICONS } from "../lexicon/index.ts";
import { senseAllowed, type TriggerMatch } from "./index.ts";

interface Candidate {
  start: number;
  end: number;
  match: Omit<TriggerMatch, "start" | "end">;
}

/**
 * Scans a whole article once per trigger instead of once per trigger and sentence (most of the
 * tagger's time went into starting ~150 regex scans per sentence). Returns, for a sentence's
 * span of the text, its trigger matches in the sentence view's offsets. Each candidate is
 * re-checked in its sentence with the sticky pattern and the sense guards, so the result is the
 * one a sentence-by-sentence scan gives.
 */
export function scanArticle(text: string, lang: Lang): (start: number, end: number) => { lang: Lang; matches: TriggerMatch[] } {
  const simple = simplifyPunctuation(text);
  const folded = lang === "en" ? undefined : foldWithOffsets(simple);
  const view = folded ? folded.folded : simple;
  const candidates: Candidate[] = [];
  for (const lexicon of LEXICONS[lang]) {
    for (const trigger of lexicon.triggers) {
      trigger.re.lastIndex = 0;
      for (let m = trigger.re.exec(view); m !== null; m = trigger.re.exec(view)) {
        if (m[0].length === 0) {
          trigger.re.lastIndex++;
          continue;
        }
        candidates.push({ start: m.index, end: m.index + m[0].length, match: { type: lexicon.type, trigger, lexicon } });
      }
    }
  }
  candidates.sort((a, b) => a.start - b.start);

  // Text offset → view offset: the first folded character at or after it.
  const toView = (offset: number): number => {
    if (!folded) return offset;
    let lo = 0;
    let hi = folded.offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((folded.offsets[mid] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  let cursor = 0;
  return (start, end) => {
    const from = toView(start);
    const to = toView(end);
    const sentence = view.slice(from, to);
    const matches: TriggerMatch[] = [];
    while (cursor < candidates.length && (candidates[cursor]?.start ?? 0) < from) cursor++;
    for (let i = cursor; i < candidates.length; i++) {
      const c = candidates[i];
      if (!c || c.start >= to) break;
      if (c.end > to) continue;
      const local = c.start - from;
      const sticky = c.match.trigger.sticky;
      sticky.lastIndex = local;
      const again = sticky.exec(sentence);
      if (!again || again[0].length !== c.end - c.start) continue;
      const localEnd = local + again[0].length;
      if (senseAllowed(sentence, local, localEnd, c.match.trigger)) matches.push({ ...c.match, start: local, end: localEnd });
    }
    return { lang, matches };
  };
}
