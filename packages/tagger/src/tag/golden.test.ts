import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GOLDEN_FILE, type GoldenRecord, goldenInputs, goldenRecord } from "../../scripts/golden.ts";

// fixtures/golden.json holds what the tagger read in the corpus before its speed work; a faster
// tagger must read exactly the same. Regenerate with scripts/golden.ts only for intended changes.
const golden = JSON.parse(readFileSync(GOLDEN_FILE, "utf8")) as GoldenRecord[];
const inputs = goldenInputs();

describe("golden outputs", () => {
  it("covers every corpus text", () => {
    expect(golden.map((r) => r.id)).toEqual(inputs.map((i) => i.id));
  });

  it("reproduces every analysis and sentence reading exactly", () => {
    // By position: the PLOVER gold repeats an id.
    inputs.forEach((input, i) => {
      // JSON round trip: the file holds no undefined fields, and neither must the comparison.
      expect(JSON.parse(JSON.stringify(goldenRecord(input))), input.id).toEqual(golden[i]);
    });
  });
});
