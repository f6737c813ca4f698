import { join } from "node:path";
import type { Modality } from "@seismo/core";
import { z } from "zod";
import { compile, DATA_DIR, LANGS, type Lang, parseFile, parseList } from "../data/index.ts";

/**
 * A word or phrase before a trigger that changes its modality, from data/cues/<lang>.yaml.
 * maxWords is how many words may stand between the cue and the trigger: "failed to" governs
 * only its own verb phrase, "no" a whole noun phrase, "urged X to" a whole infinitive clause.
 */
export interface Cue {
  modality: Exclude<Modality, "asserted">;
  re: RegExp;
  maxWords: number;
}

export interface CueSet {
  left: readonly Cue[];
  /** Phrases after the trigger that deny or defer it: "... has not been observed". */
  right: readonly Cue[];
  /** Patterns on the trigger word itself: a Serbian fused future ("uhapsiće") is intent. */
  self: readonly Cue[];
  /** Where a clause starts: the trigger's modality cues are read from here on. */
  clauseBreak: RegExp;
  /** Undoing a promise not to act is a plan to act ("reverse a commitment that … would not enter"). */
  reversal?: RegExp;
}

const CueSchema = z.strictObject({
  modality: z.enum(["negated", "speculative", "intent"]),
  pattern: z.string().min(1),
  maxWords: z.number().int().min(0).max(40),
  caseSensitive: z.boolean().optional(),
  note: z.string().optional(),
});
const CueFileSchema = z.strictObject({
  lang: z.enum(LANGS),
  clauseBreak: z.string().min(1),
  left: z.array(z.unknown()),
  right: z.array(z.unknown()),
  self: z.array(z.unknown()).optional(),
  reversal: z.string().optional(),
});

export function loadCues(file: string): CueSet {
  const doc = parseFile(file, CueFileSchema);
  const cues = (key: "left" | "right" | "self", anchored: boolean) =>
    parseList(file, key, doc[key] ?? [], CueSchema).map((c, i) => ({
      modality: c.modality,
      // Left cues are scanned for their last match (g); right cues are anchored at the trigger's end.
      re: compile(c.pattern, `${anchored ? "" : "g"}${c.caseSensitive ? "" : "i"}`, file, `${key}[${i}]`),
      maxWords: c.maxWords,
    }));
  const set: CueSet = {
    left: cues("left", false),
    right: cues("right", true),
    self: cues("self", true),
    clauseBreak: compile(doc.clauseBreak, "gi", file, "clauseBreak"),
  };
  if (doc.reversal) set.reversal = compile(doc.reversal, "i", file, "reversal");
  return set;
}

export const CUES: Readonly<Record<Lang, CueSet>> = {
  en: loadCues(join(DATA_DIR, "cues/en.yaml")),
  sr: loadCues(join(DATA_DIR, "cues/sr.yaml")),
  sq: loadCues(join(DATA_DIR, "cues/sq.yaml")),
};
