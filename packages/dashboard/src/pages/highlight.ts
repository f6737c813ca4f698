import type { IndicatorType, Modality } from "@seismo/core";

export interface Span {
  id: string;
  type: IndicatorType;
  modality: Modality;
  start: number;
  end: number;
  sentence: string;
}

export interface Segment {
  text: string;
  start: number;
  /** Indicators whose evidence covers this segment, earliest first. */
  marks: Span[];
  /** Indicators whose evidence ends where this segment ends (their modality label goes here). */
  endsHere: Span[];
  /** The modality of a negated or speculative sentence this segment sits in, if any. */
  sentence: Modality | null;
}

/** Where an indicator's sentence sits in the text: the occurrence nearest before its evidence. */
function sentenceRange(text: string, s: Span): [number, number] | null {
  if (!s.sentence) return null;
  const at = text.lastIndexOf(s.sentence, s.start);
  if (at < 0 || at + s.sentence.length < s.end) return null;
  return [at, at + s.sentence.length];
}

/**
 * Cuts the text into segments at every evidence and sentence boundary, so overlapping indicators
 * render as flat, non-nested marks. Offsets outside the text (a stale tag) are dropped, not thrown.
 */
export function segmentText(text: string, spans: Span[]): Segment[] {
  const valid = spans
    .filter((s) => s.start >= 0 && s.end > s.start && s.end <= text.length)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const sentences: Array<{ range: [number, number]; modality: Modality }> = [];
  for (const s of valid) {
    if (s.modality !== "negated" && s.modality !== "speculative") continue;
    const range = sentenceRange(text, s);
    if (range) sentences.push({ range, modality: s.modality });
  }
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) cuts.add(s.start).add(s.end);
  for (const s of sentences) cuts.add(s.range[0]).add(s.range[1]);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? 0;
    if (end <= start) continue;
    const sentence = sentences.find((s) => s.range[0] <= start && end <= s.range[1]);
    segments.push({
      text: text.slice(start, end),
      start,
      marks: valid.filter((s) => s.start <= start && end <= s.end),
      endsHere: valid.filter((s) => s.end === end),
      sentence: sentence?.modality ?? null,
    });
  }
  return segments;
}
