/**
 * Throughput of tagText over the seed reports. Usage: npx tsx packages/tagger/scripts/bench.ts
 * Reports sentences/s, words/s and articles/s for articles of 600 words.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { splitSentences } from "@seismo/text";
import { tagText } from "../src/index.ts";

const dir = join(import.meta.dirname, "../fixtures");
const texts = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(join(dir, f), "utf8"));
const sentencesPerRound = texts.reduce((n, t) => n + splitSentences(t).length, 0);
const wordsPerRound = texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);

for (let i = 0; i < 50; i++) for (const t of texts) tagText(t);
const rounds = 300;
const started = performance.now();
let indicators = 0;
for (let i = 0; i < rounds; i++) for (const t of texts) indicators += tagText(t).length;
const seconds = (performance.now() - started) / 1000;
const words = rounds * wordsPerRound;
console.log(
  JSON.stringify({
    sentences: rounds * sentencesPerRound,
    seconds: +seconds.toFixed(3),
    sentencesPerSecond: Math.round((rounds * sentencesPerRound) / seconds),
    wordsPerSecond: Math.round(words / seconds),
    articlesPerSecond600Words: Math.round(words / 600 / seconds),
    indicators,
  }),
);
