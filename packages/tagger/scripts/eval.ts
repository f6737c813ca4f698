/**
 * Stand-in for `seismo tag` until the CLI exists: JSON lines {id, text} on stdin,
 * {id, indicators} on stdout. Usage:
 *   node -e '…' < GOLD | npx tsx packages/tagger/scripts/eval.ts > PRED
 *   SCORE=GOLD npx tsx packages/tagger/scripts/eval.ts   # tags GOLD and prints the scorer's JSON
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { tagText } from "../src/index.ts";

const Line = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

function tagLines(input: string): string {
  const out: string[] = [];
  for (const raw of input.split("\n")) {
    if (!raw.trim()) continue;
    const parsed = Line.safeParse(JSON.parse(raw));
    if (!parsed.success) {
      process.stderr.write(`skipping malformed line: ${raw.slice(0, 80)}\n`);
      continue;
    }
    out.push(JSON.stringify({ id: parsed.data.id, indicators: tagText(parsed.data.text) }));
  }
  return `${out.join("\n")}\n`;
}

const gold = process.env.SCORE;
if (gold) {
  const pred = join(tmpdir(), `seismo-tagger-${process.pid}.jsonl`);
  writeFileSync(pred, tagLines(readFileSync(gold, "utf8")));
  const scorer = process.env.SCORER ?? join(import.meta.dirname, "../../../../shared/eval/score-events.mjs");
  process.stdout.write(
    execFileSync("node", [scorer, gold, pred], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }),
  );
} else {
  process.stdout.write(tagLines(readFileSync(0, "utf8")));
}
