import { SeismoError } from "@seismo/core";
import { type SourceInput, SourceInputSchema } from "@seismo/store";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { parseOpml } from "../opml/index.ts";

const YamlEntry = z.object({
  name: z.string().optional(),
  url: z.string(),
  interval: z.number().int().optional(),
  intervalSeconds: z.number().int().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});
const YamlFile = z.union([z.array(YamlEntry), z.object({ sources: z.array(YamlEntry) }).transform((f) => f.sources)]);

export interface ImportEntry {
  input: SourceInput | null;
  /** Why the entry cannot be imported, when it cannot. */
  error: string | null;
  raw: string;
}

/** Reads an OPML, YAML or JSON source list; each entry is checked on its own so one bad line loses nothing else. */
export function readSourceList(content: string, fileName: string): ImportEntry[] {
  const lower = fileName.toLowerCase();
  const entries: SourceInput[] =
    lower.endsWith(".opml") || lower.endsWith(".xml") || content.trimStart().startsWith("<")
      ? parseOpml(content)
      : parseStructured(content, fileName);
  return entries.map((entry) => {
    const parsed = SourceInputSchema.safeParse(entry);
    return parsed.success
      ? { input: parsed.data, error: null, raw: entry.url }
      : {
          input: null,
          error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
          raw: String(entry.url),
        };
  });
}

function parseStructured(content: string, fileName: string): SourceInput[] {
  let data: unknown;
  try {
    data = parseYaml(content); // YAML is a superset of JSON
  } catch (error) {
    throw new SeismoError("bad_request", `${fileName}: not OPML, YAML or JSON (${String(error).split("\n")[0]})`);
  }
  const parsed = YamlFile.safeParse(data);
  if (!parsed.success) {
    throw new SeismoError(
      "bad_request",
      `${fileName}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data.map((e) => ({
    name: e.name ?? e.url,
    url: e.url,
    intervalSeconds: e.intervalSeconds ?? e.interval ?? 900,
    tags: e.tags ?? {},
  }));
}
