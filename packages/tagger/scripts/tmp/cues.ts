import { writeFileSync } from "node:fs";
import YAML from "yaml";
import { CLAUSE_BREAK, LEFT_CUES, REVERSAL, RIGHT_CUES } from "../../src/modality/cues.ts";

const cue = (c: { modality: string; re: RegExp; maxWords: number }) => ({
  modality: c.modality,
  pattern: c.re.source,
  maxWords: c.maxWords,
  ...(c.re.flags.includes("i") ? {} : { caseSensitive: true }),
});
const doc = {
  lang: "en",
  clauseBreak: CLAUSE_BREAK.source,
  left: LEFT_CUES.map(cue),
  right: RIGHT_CUES.map(cue),
  reversal: REVERSAL.source,
};
writeFileSync(
  "data/cues/en.yaml",
  `# English modality cues; see data/README.md. Negation beats speculation, which beats intent.\n${YAML.stringify(doc, { lineWidth: 0, defaultStringType: "QUOTE_SINGLE", defaultKeyType: "PLAIN" })}`,
);
