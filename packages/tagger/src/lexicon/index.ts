import { existsSync } from "node:fs";
import { join } from "node:path";
import { IndicatorTypeSchema } from "@seismo/core";
import { foldForSearch } from "@seismo/text";
import { z } from "zod";
import {
  compile,
  DATA_DIR,
  expandMacros,
  LANGS,
  type Lang,
  parseFile,
  parseList,
  readYaml,
  yamlFiles,
} from "../data/index.ts";
import type { Trigger, TypeLexicon } from "./types.ts";

export type { Trigger, TypeLexicon } from "./types.ts";

const Pattern = z.string().min(1);
const Unit = z.number().min(0).max(1);

export const LexiconEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "ids are kebab-case"),
  pattern: Pattern,
  caseSensitive: z.boolean().optional(),
  strength: Unit,
  intensity: Unit.optional(),
  before: Pattern.optional(),
  after: Pattern.optional(),
  requires: Pattern.optional(),
  forbids: Pattern.optional(),
  examples: z.array(z.string().min(1)).min(1, "every entry needs an example sentence"),
  counterexamples: z.array(z.string().min(1)).optional(),
  note: z.string().optional(),
});

const Macros = z.record(z.string().regex(/^[A-Z0-9_]+$/), z.string());
const LexiconFileSchema = z.strictObject({
  type: IndicatorTypeSchema,
  lang: z.enum(LANGS),
  intensity: Unit,
  macros: Macros.optional(),
  entries: z.array(z.unknown()).min(1),
});

/**
 * Serbian and Albanian patterns match the folded key, so an analyst may write "uhapšen" or
 * "ухапшен": non-ASCII letters are folded (ASCII, and so every regex escape, is left alone).
 */
function foldPattern(source: string): string {
  return source.replace(/[^ -~\t\n\r]/g, (ch) => foldForSearch(ch));
}

function loadFile(file: string, lang: Lang, shared: Record<string, string>): TypeLexicon {
  const doc = parseFile(file, LexiconFileSchema);
  if (doc.lang !== lang) throw new Error(`${file}: lang "${doc.lang}" in the ${lang}/ folder`);
  const macros = { ...shared, ...doc.macros };
  const entries = parseList(file, "entries", doc.entries, LexiconEntrySchema);
  const seen = new Set<string>();
  const triggers = entries.map((entry, index): Trigger => {
    const where = `entries[${index}] (${entry.id})`;
    if (seen.has(entry.id)) throw new Error(`${file} ${where}: duplicate id`);
    seen.add(entry.id);
    const prepare = (source: string) => {
      const expanded = expandMacros(source, macros, file, where);
      return lang === "en" ? expanded : foldPattern(expanded);
    };
    const guard = (source: string | undefined) =>
      source === undefined ? undefined : compile(prepare(source), "i", file, where);
    const trigger: Trigger = {
      id: entry.id,
      lang,
      re: compile(prepare(entry.pattern), entry.caseSensitive ? "g" : "gi", file, where),
      strength: entry.strength,
      examples: entry.examples,
      counterexamples: entry.counterexamples ?? [],
    };
    if (entry.intensity !== undefined) trigger.intensity = entry.intensity;
    const before = guard(entry.before);
    const after = guard(entry.after);
    const requires = guard(entry.requires);
    const forbids = guard(entry.forbids);
    if (before) trigger.before = before;
    if (after) trigger.after = after;
    if (requires) trigger.requires = requires;
    if (forbids) trigger.forbids = forbids;
    return trigger;
  });
  return { type: doc.type, lang, intensity: doc.intensity, triggers };
}

/** Loads data/lexicon/<lang>/*.yaml; macros.yaml in the folder holds vocabulary shared by its files. */
export function loadLexicons(lang: Lang, dir: string = join(DATA_DIR, "lexicon", lang)): TypeLexicon[] {
  const macroFile = join(dir, "macros.yaml");
  const shared = existsSync(macroFile)
    ? parseFile(macroFile, z.strictObject({ macros: Macros }), readYaml(macroFile)).macros
    : {};
  return yamlFiles(dir)
    .filter((f) => f !== macroFile)
    .map((f) => loadFile(f, lang, shared));
}

/** Every language's lexicons, loaded and validated at import time. */
export const LEXICONS: Readonly<Record<Lang, readonly TypeLexicon[]>> = {
  en: loadLexicons("en"),
  sr: loadLexicons("sr"),
  sq: loadLexicons("sq"),
};
