/**
 * Golden outputs of the tagger over fixtures/golden-corpus.json, kept in fixtures/golden.json so
 * that speed work can prove it changes nothing (src/tag/golden.test.ts). Regenerate only when a
 * change of output is intended: npx tsx packages/tagger/scripts/golden.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { splitSentences } from "@seismo/text";
import { type Analysis, analyzeText, tagSentence } from "../src/index.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures");

interface Corpus {
  seeds: string[];
  texts: { id: string; text: string }[];
}

export interface GoldenRecord {
  id: string;
  analysis: Analysis;
  /** tagSentence's reading when the text is one sentence (no article context). */
  sentence?: ReturnType<typeof tagSentence>;
}

export function goldenInputs(): { id: string; text: string }[] {
  const corpus = JSON.parse(readFileSync(join(FIXTURES, "golden-corpus.json"), "utf8")) as Corpus;
  const seeds = corpus.seeds.map((f) => ({ id: `seed:${f}`, text: readFileSync(join(FIXTURES, f), "utf8") }));
  return [...seeds, ...corpus.texts];
}

export function goldenRecord({ id, text }: { id: string; text: string }): GoldenRecord {
  const record: GoldenRecord = { id, analysis: analyzeText(text) };
  if (splitSentences(text).length === 1) record.sentence = tagSentence(text);
  return record;
}

/** One record per line, so a diff names the text that changed. */
export function serialize(records: readonly GoldenRecord[]): string {
  return `[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
}

export const GOLDEN_FILE = join(FIXTURES, "golden.json");

if (process.argv[1] === import.meta.filename) {
  writeFileSync(GOLDEN_FILE, serialize(goldenInputs().map(goldenRecord)));
  console.log(`wrote ${GOLDEN_FILE}`);
}
