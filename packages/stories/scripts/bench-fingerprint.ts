// Average time of fingerprint() on 600-word articles built from the fixtures: `pnpm exec tsx scripts/bench-fingerprint.ts`.
import { readFileSync } from "node:fs";
import { storyFeatures } from "../src/features/index.ts";
import { fingerprint } from "../src/fingerprint/index.ts";

const corpus = ["000_ac4e6216a4040cd0.txt", "001_352917fae6b819a8.txt", "002_8f9645f6ad54a012.txt"]
  .map((f) => readFileSync(new URL(`../fixtures/${f}`, import.meta.url), "utf8"))
  .join("\n\n")
  .split(/\s+/);
const articles = Array.from({ length: 200 }, (_, i) => {
  const start = (i * 37) % (corpus.length - 600);
  return corpus.slice(start, start + 600).join(" ");
});

// Best and median of several rounds: the median shows a loaded machine, the best what the code costs.
function time(label: string, fn: (text: string) => unknown): void {
  for (const a of articles) fn(a); // warm-up
  const perArticle: number[] = [];
  for (let r = 0; r < 15; r++) {
    const t0 = performance.now();
    for (const a of articles) fn(a);
    perArticle.push(((performance.now() - t0) / articles.length) * 1000);
  }
  perArticle.sort((a, b) => a - b);
  const best = perArticle[0]?.toFixed(0);
  const median = perArticle[7]?.toFixed(0);
  console.log(`${label}: best ${best} µs, median ${median} µs per 600-word article`);
}

time("fingerprint", fingerprint);
time("storyFeatures", (text) => storyFeatures({ title: "", text, publishedAt: 0 }));
