import { readFile } from "node:fs/promises";
import { type SourceInput, SourceInputSchema } from "@seismo/store";
import { z } from "zod";

const SourcesFileSchema = z.object({
  sources: z.array(SourceInputSchema.extend({ sample: z.boolean().optional() })),
});

export interface SourcesFile {
  /** Real feeds to poll when online. */
  feeds: SourceInput[];
  /** Entries that stand for the bundled offline sample source (URL filled in at start). */
  samples: SourceInput[];
}

/** Reads and validates the bundled sources file; a bad entry fails with its path and reason. */
export async function loadSourcesFile(path: string): Promise<SourcesFile> {
  const raw = JSON.parse(await readFile(path, "utf8")) as unknown;
  const parsed = SourcesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`${path}: ${reasons}`);
  }
  const strip = ({ sample: _sample, ...rest }: z.output<typeof SourcesFileSchema>["sources"][number]) => rest;
  return {
    feeds: parsed.data.sources.filter((s) => !s.sample).map(strip),
    samples: parsed.data.sources.filter((s) => s.sample).map(strip),
  };
}
