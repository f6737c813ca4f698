import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLexicons } from "../lexicon/index.ts";
import { loadCues } from "../modality/cues.ts";

function lexiconDir(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), "seismo-lexicon-"));
  mkdirSync(join(dir, "sr"));
  writeFileSync(join(dir, "sr", "clash.yaml"), body);
  return join(dir, "sr");
}

const entry = (extra: string) =>
  `type: clash\nlang: sr\nintensity: 0.6\nentries:\n  - id: ok\n    pattern: '\\bsukob\\w*'\n    strength: 0.8\n    examples: [Sukob je izbio.]\n${extra}`;

describe("data files", () => {
  it("loads a valid lexicon and folds Serbian patterns", () => {
    const [lexicon] = loadLexicons("sr", lexiconDir(entry("")));
    expect(lexicon?.triggers.map((t) => t.id)).toEqual(["ok"]);
  });

  it("names the file and index of an entry without examples", () => {
    const bad = "  - id: bad\n    pattern: 'x'\n    strength: 0.5\n    examples: []\n";
    expect(() => loadLexicons("sr", lexiconDir(entry(bad)))).toThrow(/clash\.yaml entries\[1\] \(bad\): examples/);
  });

  it("names the file and index of an invalid pattern or strength", () => {
    const badRegex = "  - id: bad\n    pattern: '(?:unclosed'\n    strength: 0.5\n    examples: [x]\n";
    expect(() => loadLexicons("sr", lexiconDir(entry(badRegex)))).toThrow(/clash\.yaml entries\[1\] \(bad\)/);
    const badStrength = "  - id: bad\n    pattern: 'x'\n    strength: 3\n    examples: [x]\n";
    expect(() => loadLexicons("sr", lexiconDir(entry(badStrength)))).toThrow(/entries\[1\] \(bad\): strength/);
  });

  it("rejects an unknown macro and an unknown field", () => {
    const macro = "  - id: bad\n    pattern: '{{NOPE}}'\n    strength: 0.5\n    examples: [x]\n";
    expect(() => loadLexicons("sr", lexiconDir(entry(macro)))).toThrow(/unknown macro \{\{NOPE\}\}/);
    const field = "  - id: bad\n    patern: 'x'\n    strength: 0.5\n    examples: [x]\n";
    expect(() => loadLexicons("sr", lexiconDir(entry(field)))).toThrow(/entries\[1\] \(bad\)/);
  });

  it("names the cue file and list index of a bad cue", () => {
    const dir = mkdtempSync(join(tmpdir(), "seismo-cues-"));
    const file = join(dir, "xx.yaml");
    writeFileSync(
      file,
      "lang: sr\nclauseBreak: ','\nleft:\n  - { modality: maybe, pattern: 'x', maxWords: 2 }\nright: []\n",
    );
    expect(() => loadCues(file)).toThrow(/xx\.yaml left\[0\]: modality/);
  });
});
