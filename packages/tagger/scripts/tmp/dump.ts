import { writeFileSync } from "node:fs";
import YAML from "yaml";
import * as agreement from "../../src/lexicon/agreement.ts";
import * as arrest from "../../src/lexicon/arrest.ts";
import * as clash from "../../src/lexicon/clash.ts";
import * as condemnation from "../../src/lexicon/condemnation.ts";
import * as deployment from "../../src/lexicon/deployment.ts";
import * as protest from "../../src/lexicon/protest.ts";
import * as sanction from "../../src/lexicon/sanction.ts";
import * as talks from "../../src/lexicon/talks.ts";
import * as threat from "../../src/lexicon/threat.ts";
import * as types from "../../src/lexicon/types.ts";
import { EX } from "./examples.ts";

const mods = { clash, deployment, talks, agreement, arrest, protest, threat, sanction, condemnation } as Record<
  string,
  Record<string, unknown>
>;
const macros: Record<string, string> = {};
for (const m of [...Object.values(mods), types as Record<string, unknown>]) {
  for (const [k, v] of Object.entries(m)) {
    if (typeof v === "string") macros[k] = v;
    else if (v instanceof RegExp) {
      macros[k] = v.source;
      if (v.flags !== "i") console.error("flags", k, v.flags);
    }
  }
}
const order = Object.entries(macros).sort((a, b) => b[1].length - a[1].length);
const sub = (src: string) => {
  for (const [k, v] of order) if (v.length > 20) src = src.split(v).join(`{{${k}}}`);
  return src;
};
const shared: Record<string, string> = {};
for (const [type, m] of Object.entries(mods)) {
  const lex = Object.values(m).find(
    (v) => v && typeof v === "object" && "triggers" in (v as object),
  ) as types.TypeLexicon;
  const entries = lex.triggers.map((t, i) => {
    const ex = EX[`${type}#${i}`];
    if (!ex) throw new Error(`no example ${type}#${i}`);
    const e: Record<string, unknown> = { id: ex.id, pattern: sub(t.re.source) };
    if (!t.re.flags.includes("i")) e.caseSensitive = true;
    e.strength = t.strength;
    if (t.intensity !== undefined) e.intensity = t.intensity;
    for (const g of ["before", "after", "requires", "forbids"] as const) {
      const r = t[g];
      if (!r) continue;
      if (r.flags !== "i") console.error("guard flags", type, i, g, r.flags);
      e[g] = sub(r.source);
    }
    e.examples = ex.examples;
    if (ex.counterexamples) e.counterexamples = ex.counterexamples;
    return e;
  });
  const used = new Set<string>();
  const text = JSON.stringify(entries);
  for (const k of Object.keys(macros)) if (text.includes(`{{${k}}}`)) used.add(k);
  const local: Record<string, string> = {};
  for (const k of used) {
    if (k in (types as object)) shared[k] = macros[k] as string;
    else local[k] = sub(macros[k] as string) === `{{${k}}}` ? (macros[k] as string) : (macros[k] as string);
  }
  const doc: Record<string, unknown> = { type, lang: "en", intensity: lex.intensity };
  if (Object.keys(local).length) doc.macros = local;
  doc.entries = entries;
  writeFileSync(
    `data/lexicon/en/${type}.yaml`,
    `# ${type} triggers (English). Patterns are JavaScript regular expressions run case-insensitively\n# on the sentence; see data/README.md.\n${YAML.stringify(doc, { lineWidth: 0, defaultStringType: "QUOTE_SINGLE", defaultKeyType: "PLAIN" })}`,
  );
}
writeFileSync(
  "data/lexicon/en/macros.yaml",
  YAML.stringify({ macros: shared }, { lineWidth: 0, defaultStringType: "QUOTE_SINGLE", defaultKeyType: "PLAIN" }),
);
