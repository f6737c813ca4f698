import type { Indicator } from "@seismo/core";

/** An indicator as stored, with the article it belongs to and its event day. */
export interface StoredIndicator extends Indicator {
  id: string;
  articleId: string;
  day: string;
}

/** The columns of an `indicators` row that make a StoredIndicator. */
export interface IndicatorRow {
  id: string;
  article_id: string;
  day: string;
  type: Indicator["type"];
  modality: Indicator["modality"];
  evidence_text: string;
  evidence_start: number;
  evidence_end: number;
  sentence: string;
  actors: string[];
  places: string[];
  confidence: number;
  intensity: number;
}

export const toIndicator = (r: IndicatorRow): StoredIndicator => ({
  id: r.id,
  articleId: r.article_id,
  day: r.day,
  type: r.type,
  modality: r.modality,
  evidence: { text: r.evidence_text, start: r.evidence_start, end: r.evidence_end, sentence: r.sentence },
  actors: r.actors,
  places: r.places,
  confidence: r.confidence,
  intensity: r.intensity,
});
