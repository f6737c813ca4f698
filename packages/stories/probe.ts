import { readFileSync } from "node:fs";
import { storyFeatures } from "./src/features/index.ts";
import { newStory, scoreStory, mergeIntoStory } from "./src/match/index.ts";
const meta = JSON.parse(readFileSync("fixtures/articles.json", "utf8"));
const f: Record<string, any> = {};
for (const [k, v] of Object.entries<any>(meta)) if (k[0] !== "_") f[k] = storyFeatures({ ...v, text: readFileSync(`fixtures/${v.file}`, "utf8") });
console.log(Object.entries(f["seed-000"].terms).slice(0, 20).map(([k, v]: any) => `${k}:${v.toFixed(2)}`).join(" "));
console.log(Object.entries(f["seed-001"].terms).slice(0, 20).map(([k, v]: any) => `${k}:${v.toFixed(2)}`).join(" "));
for (const base of ["seed-001", "seed-000"]) {
  const s = newStory("s", f[base]);
  for (const k of Object.keys(f)) if (k !== base) { const r = scoreStory(f[k], s); console.log(base, "<-", k, r?.score.toFixed(3), r?.breakdown.text.toFixed(3), r?.breakdown.placeScore.toFixed(2), r?.breakdown.actorScore.toFixed(2)); }
}
const s2 = mergeIntoStory(newStory("s", f["seed-001"]), f["seed-000"]);
for (const k of Object.keys(f)) { const r = scoreStory(f[k], s2); console.log("merged <-", k, r?.score.toFixed(3), r?.breakdown.text.toFixed(3)); }
for (const a of ["seed-000", "seed-001"]) for (const b of ["seed-002", "montenegro", "economy", "football", "bosnia"]) {
  const sh = Object.keys(f[a].terms).filter((t) => f[b].terms[t] !== undefined).map((t) => `${t}:${(f[a].terms[t] * f[b].terms[t]).toFixed(3)}`);
  console.log(a, b, sh.join(" "));
}
