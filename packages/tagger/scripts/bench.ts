/**
 * Throughput of tagText over the seed reports. Usage: npx tsx packages/tagger/scripts/bench.ts
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

for (let i = 0; i < 20; i++) for (const t of texts) tagText(t);
const rounds = 300;
const started = performance.now();
let indicators = 0;
for (let i = 0; i < rounds; i++) for (const t of texts) indicators += tagText(t).length;
const seconds = (performance.now() - started) / 1000;
const sentences = rounds * sentencesPerRound;
console.log(
  JSON.stringify({
    sentences,
    seconds: +seconds.toFixed(3),
    sentencesPerSecond: Math.round(sentences / seconds),
    indicators,
  }),
);
