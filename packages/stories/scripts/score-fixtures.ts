// Prints the scores the README quotes: `pnpm exec tsx scripts/score-fixtures.ts`.
import { storyFeatures } from "../src/features/index.ts";
import { mergeIntoStory, newStory, scoreStory } from "../src/match/index.ts";
import { nearDuplicate } from "../src/near-duplicate/index.ts";
import { type FixtureName, fixtureArticle, fixtureText } from "../src/testing/fixtures.ts";

const original = fixtureText("wire/original.txt");
for (const copy of ["wire/outlet-copy.txt", "wire/truncated-copy.txt", "wire/rewrite.txt"]) {
  console.log("nearDuplicate original ~", copy, nearDuplicate(original, fixtureText(copy)));
}
console.log(
  "nearDuplicate seed 000 ~ seed 001",
  nearDuplicate(fixtureText("000_ac4e6216a4040cd0.txt"), fixtureText("001_352917fae6b819a8.txt")),
);

const f = (n: FixtureName) => storyFeatures(fixtureArticle(n));
const one = newStory("s", f("seed-001"));
const two = mergeIntoStory(one, f("seed-000"));
const names: FixtureName[] = ["seed-000", "seed-002", "football", "bosnia", "montenegro", "economy"];
for (const [label, story] of [
  ["story {001}", one],
  ["story {001, 000}", two],
] as const) {
  for (const n of names) {
    const s = scoreStory(f(n), story);
    const b = s?.breakdown;
    console.log(
      `${label} <- ${n}: score ${s?.score.toFixed(3)} text ${b?.text.toFixed(3)} places ${b?.placeScore.toFixed(2)} actors ${b?.actorScore.toFixed(2)} Δt ${b?.hoursApart.toFixed(0)} h`,
    );
  }
}
