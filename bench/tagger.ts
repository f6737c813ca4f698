import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tagText } from "@seismo/tagger";
import { type Figure, timeIt } from "./figures.ts";

/** Tagger throughput on the PLOVER sentences and on 600-word articles built from the seed reports. */
export function benchTagger(shared: string): Figure[] {
  const figures: Figure[] = [];
  const gold = join(shared, "data/events/plover-gold.jsonl");
  if (existsSync(gold)) {
    const sentences = readFileSync(gold, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    const { runs, ms } = timeIt(() => {
      for (const s of sentences) tagText(s);
    });
    figures.push({
      name: "tagger.sentences_per_s",
      value: Math.round((runs * sentences.length) / (ms / 1000)),
      unit: "sentences/s",
    });
  }
  const seeds = join(shared, "seeds");
  if (existsSync(seeds)) {
    const words = readdirSync(seeds)
      .map((f) => readFileSync(join(seeds, f), "utf8"))
      .join("\n\n")
      .split(/(?<=\s)/);
    const articles = Array.from({ length: 20 }, (_, i) => {
      const start = (i * 97) % Math.max(1, words.length - 600);
      return words.slice(start, start + 600).join("");
    });
    const { runs, ms } = timeIt(() => {
      for (const a of articles) tagText(a);
    });
    figures.push({
      name: "tagger.articles_600w_per_s",
      value: Math.round((runs * articles.length) / (ms / 1000)),
      unit: "articles/s",
      detail: { words: 600, goal: 2000 },
    });
  }
  return figures;
}
