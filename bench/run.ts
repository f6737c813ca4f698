// `pnpm bench`: runs every benchmark, prints one JSON line per figure, writes bench/results.json.
// Select with `pnpm bench extract tagger trends`; default: all.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { benchExtraction } from "./extract.ts";
import type { Figure } from "./figures.ts";
import { benchPipeline } from "./pipeline.ts";
import { benchTagger } from "./tagger.ts";
import { benchTrends } from "./trends.ts";

const SHARED = resolve(process.env.SEISMO_SHARED_DIR ?? "../shared");
const wanted = new Set(process.argv.slice(2));
const on = (name: string) => wanted.size === 0 || wanted.has(name);
const figures: Figure[] = [];
const report = (list: Figure[]) => {
  for (const f of list) {
    figures.push(f);
    console.log(JSON.stringify(f));
  }
};

if (on("extract")) report(benchExtraction(SHARED));
if (on("tagger")) report(benchTagger(SHARED));
if (on("trends")) report(await benchTrends());
if (on("trends-pglite")) report(await (await import("./trends.ts")).benchTrendsPglite());
if (on("pipeline")) report(await benchPipeline(SHARED));
if (on("alerts")) report(await (await import("./alerts.ts")).benchAlerts());
if (on("dashboard")) report(await (await import("./dashboard.ts")).benchDashboard());
writeFileSync(
  new URL("./results.json", import.meta.url),
  `${JSON.stringify({ at: new Date().toISOString(), figures }, null, 2)}\n`,
);
process.exit(0);
