import type { Modality } from "@seismo/core";
import type { Lang } from "../data/index.ts";
import { AnchorIndex } from "../prefilter/index.ts";
import { CUES, type Cue, type CueSet } from "./cues.ts";

export interface ModalityReading {
  modality: Modality;
  /** The cue that decided it, for explanations; undefined when asserted by default. */
  cue?: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const RIGHT_WINDOW = 80;

function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

function clauseStart(left: string, breaks: RegExp): number {
  let start = 0;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(left); m !== null; m = breaks.exec(left)) start = m.index + m[0].length;
  return start;
}

interface Hit {
  modality: Exclude<Modality, "asserted">;
  cue: string;
  words: number;
  at: number;
}

// Each list of cues with one anchor scan, so a cue whose words are absent is not run at all.
const indexes = new WeakMap<readonly Cue[], AnchorIndex>();
function indexOf(cues: readonly Cue[]): AnchorIndex {
  let index = indexes.get(cues);
  if (!index) {
    index = new AnchorIndex(cues.map((c) => c.re));
    indexes.set(cues, index);
  }
  return index;
}

/** The cue of each kind closest to the trigger, within its reach. */
function leftHits(clause: string, cues: CueSet): Hit[] {
  const hits: Hit[] = [];
  const index = indexOf(cues.left);
  index.scan(clause);
  for (let i = 0; i < cues.left.length; i++) {
    if (!index.candidate(i)) continue;
    const cue = cues.left[i] as Cue;
    cue.re.lastIndex = 0;
    let last: RegExpExecArray | null = null;
    for (let m = cue.re.exec(clause); m !== null; m = cue.re.exec(clause)) {
      last = m;
      if (m[0].length === 0) cue.re.lastIndex++;
    }
    if (last === null) continue;
    const words = countWords(clause.slice(last.index + last[0].length));
    if (words <= cue.maxWords) hits.push({ modality: cue.modality, cue: last[0], words, at: last.index });
  }
  return hits;
}

/**
 * Reads the modality of the trigger sentence[start, end) from the words around it in its clause.
 * Negation wins over speculation, which wins over intent: "will not deploy" is negated and
 * "could be ready to deploy" speculative. Reported speech ("the White House said") is no cue,
 * so what a named source reports stays asserted. For Serbian and Albanian, `sentence` is the
 * folded key the triggers matched on.
 */
export function readModality(sentence: string, start: number, end: number, lang: Lang = "en"): ModalityReading {
  const cues = CUES[lang];
  const left = sentence.slice(0, start);
  const from = clauseStart(left, cues.clauseBreak);
  const clause = left.slice(from);
  const hits = leftHits(clause, cues);

  const right = sentence.slice(end, end + RIGHT_WINDOW);
  const rightIndex = indexOf(cues.right);
  rightIndex.scan(right);
  for (let i = 0; i < cues.right.length; i++) {
    if (!rightIndex.candidate(i)) continue;
    const cue = cues.right[i] as Cue;
    const m = cue.re.exec(right);
    if (m) hits.push({ modality: cue.modality, cue: m[0].trim(), words: 0, at: Number.POSITIVE_INFINITY });
  }

  const word = sentence.slice(start, end);
  const selfIndex = indexOf(cues.self);
  selfIndex.scan(word);
  for (let i = 0; i < cues.self.length; i++) {
    if (!selfIndex.candidate(i)) continue;
    const cue = cues.self[i] as Cue;
    const m = cue.re.exec(word);
    if (m) hits.push({ modality: cue.modality, cue: m[0], words: 0, at: Number.POSITIVE_INFINITY });
  }

  const negation = hits.find((h) => h.modality === "negated");
  if (negation) {
    const reversal = cues.reversal?.exec(left);
    if (reversal && reversal.index < from + (Number.isFinite(negation.at) ? negation.at : clause.length)) {
      // A negated act under a reversed commitment is planned, or simply happens.
      const planned = leftHits(left.slice(0, reversal.index), cues).find((h) => h.modality === "intent");
      return planned ? { modality: "intent", cue: `${planned.cue} … ${reversal[0]}` } : { modality: "asserted" };
    }
    return { modality: "negated", cue: negation.cue };
  }
  const speculative = hits.find((h) => h.modality === "speculative");
  if (speculative) return { modality: "speculative", cue: speculative.cue };
  const intent = hits.find((h) => h.modality === "intent");
  if (intent) return { modality: "intent", cue: intent.cue };
  return { modality: "asserted" };
}
