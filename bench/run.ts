// `pnpm bench`: runs every benchmark, prints one JSON line per figure, writes bench/results.json.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { decodeHtml, extractArticle } from "@seismo/extract";
import { tagText } from "@seismo/tagger";

interface Figure {
  name: string;
  value: number;
  unit: string;
  detail?: Record<string, unknown>;
}

const SHARED = resolve(process.env.SEISMO_SHARED_DIR ?? "../shared");
const figures: Figure[] = [];
const report = (f: Figure) => {
  figures.push(f);
  console.log(JSON.stringify(f));
};

function timeIt(fn: () => void, minMs = 2000): { runs: number; ms: number } {
  fn(); // warm-up
  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < minMs) {
    fn();
    runs++;
  }
  return { runs, ms: performance.now() - start };
}

function benchExtraction() {
  const manifest = join(SHARED, "data/extraction/manifest.jsonl");
  if (!existsSync(manifest)) return;
  const pages = readFileSync(manifest, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { file: string; url: string })
    .map((e) => ({ url: e.url, html: decodeHtml(readFileSync(join(dirname(manifest), e.file)), null) }));
  const bytes = pages.reduce((n, p) => n + p.html.length, 0);
  const { runs, ms } = timeIt(() => {
    for (const p of pages) extractArticle(p.html, { url: p.url });
  });
  report({
    name: "extract.pages_per_s",
    value: +((runs * pages.length) / (ms / 1000)).toFixed(1),
    unit: "pages/s",
    detail: { pages: pages.length, mb: +(bytes / 1e6).toFixed(1), set: "readability test pages" },
  });
}

function benchTagger() {
  const gold = join(SHARED, "data/events/plover-gold.jsonl");
  const seeds = join(SHARED, "seeds");
  if (existsSync(gold)) {
    const sentences = readFileSync(gold, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    const { runs, ms } = timeIt(() => {
      for (const s of sentences) tagText(s);
    });
    report({
      name: "tagger.sentences_per_s",
      value: +((runs * sentences.length) / (ms / 1000)).toFixed(0),
      unit: "sentences/s",
    });
  }
  if (existsSync(seeds)) {
    const texts = readdirSync(seeds).map((f) => readFileSync(join(seeds, f), "utf8"));
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const { runs, ms } = timeIt(() => {
      for (const t of texts) tagText(t);
    });
    report({ name: "tagger.chars_per_s", value: +((runs * chars) / (ms / 1000)).toFixed(0), unit: "chars/s" });
  }
}

benchExtraction();
benchTagger();
writeFileSync(
  new URL("./results.json", import.meta.url),
  `${JSON.stringify({ at: new Date().toISOString(), figures }, null, 2)}\n`,
);
