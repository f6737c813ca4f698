import { createInterface } from "node:readline";
import { errorMessage } from "@seismo/core";
import { tagText } from "@seismo/tagger";
import { z } from "zod";

const Input = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/** `seismo tag`: JSON lines {id, text} in, one {id, indicators} (or {id, error}) line out per input line. */
export async function tagStream(input: NodeJS.ReadableStream, write: (line: string) => void): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    n++;
    let id: string | number = `line-${n}`;
    try {
      const raw = JSON.parse(line) as { id?: unknown };
      if (raw && (typeof raw.id === "string" || typeof raw.id === "number")) id = raw.id;
      const entry = Input.parse(raw);
      write(JSON.stringify({ id: entry.id, indicators: tagText(entry.text) }));
    } catch (error) {
      write(JSON.stringify({ id, error: errorMessage(error).split("\n")[0] }));
    }
  }
}
