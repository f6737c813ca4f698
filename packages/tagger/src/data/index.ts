import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import YAML from "yaml";
import type { z } from "zod";

/** The analyst-editable data files: lexicons, cues, domains, gazetteer, framing, weights. */
export const DATA_DIR = join(import.meta.dirname, "../../data");

export const LANGS = ["en", "sr", "sq"] as const;
export type Lang = (typeof LANGS)[number];

/** A data file that does not load; the message names the file and, for lists, the index. */
export class DataError extends Error {
  constructor(file: string, where: string, reason: string) {
    super(`${relative(DATA_DIR, file) || file}${where ? ` ${where}` : ""}: ${reason}`);
    this.name = "DataError";
  }
}

export function readYaml(file: string): unknown {
  try {
    return YAML.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DataError(file, "", error instanceof Error ? error.message : String(error));
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(entry)"}: ${i.message}`).join("; ");
}

/** Parses a whole file against a schema, naming the file when it does not fit. */
export function parseFile<T>(file: string, schema: z.ZodType<T>, value: unknown = readYaml(file)): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DataError(file, "", describeIssues(parsed.error));
  return parsed.data;
}

/** Parses each item of a list on its own, so a bad entry is reported as `file entries[i] (id)`. */
export function parseList<T>(file: string, key: string, items: readonly unknown[], schema: z.ZodType<T>): T[] {
  return items.map((item, index) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) throw new DataError(file, `${key}[${index}]${idOf(item)}`, describeIssues(parsed.error));
    return parsed.data;
  });
}

export function idOf(item: unknown): string {
  if (item && typeof item === "object" && "id" in item) return ` (${String((item as { id: unknown }).id)})`;
  if (item && typeof item === "object" && "name" in item) return ` (${String((item as { name: unknown }).name)})`;
  return "";
}

/** Compiles a pattern from a data file, reporting where it came from when it is not a valid regex. */
export function compile(source: string, flags: string, file: string, where: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new DataError(file, where, error instanceof Error ? error.message : String(error));
  }
}

/** `{{NAME}}` in a pattern is replaced by the macro NAME (recursively, for shared vocabulary). */
export function expandMacros(source: string, macros: Readonly<Record<string, string>>, file: string, where: string) {
  let out = source;
  for (let depth = 0; depth < 5 && out.includes("{{"); depth++) {
    out = out.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, name: string) => {
      const value = macros[name];
      if (value === undefined) throw new DataError(file, where, `unknown macro {{${name}}}`);
      return value;
    });
  }
  return out;
}

export function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => join(dir, f));
}
