import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { errorMessage } from "@seismo/core";
import { decodeHtml, extractArticle } from "@seismo/extract";
import { z } from "zod";

const ManifestEntry = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  file: z.string(),
  url: z.string().optional(),
});

async function readPage(path: string): Promise<string> {
  let bytes: Uint8Array = await readFile(path);
  if (path.endsWith(".gz")) bytes = gunzipSync(bytes);
  return decodeHtml(bytes, null);
}

function extractLine(id: string, html: string, url: string | undefined) {
  const a = extractArticle(html, url ? { url } : {});
  return { id, title: a.title, byline: a.byline, published: a.published, language: a.language, text: a.text };
}

/** `seismo extract --manifest FILE.jsonl`: one JSON line per entry, in order; failures become {id, error}. */
export async function extractManifest(manifestPath: string, write: (line: string) => void): Promise<void> {
  const base = dirname(resolve(manifestPath));
  const lines = (await readFile(manifestPath, "utf8")).split("\n");
  let n = 0;
  for (const line of lines) {
    if (!line.trim()) continue;
    n++;
    let id = `line-${n}`;
    try {
      const raw = JSON.parse(line) as { id?: unknown };
      if (raw && (typeof raw.id === "string" || typeof raw.id === "number")) id = String(raw.id);
      const entry = ManifestEntry.parse(raw);
      write(JSON.stringify(extractLine(entry.id, await readPage(resolve(base, entry.file)), entry.url)));
    } catch (error) {
      write(JSON.stringify({ id, error: errorMessage(error).split("\n")[0] }));
    }
  }
}

/** `seismo extract FILE… [--url URL]`: the same line shape, the file path as id. */
export async function extractFiles(
  files: string[],
  url: string | undefined,
  write: (line: string) => void,
): Promise<void> {
  for (const file of files) {
    try {
      write(JSON.stringify(extractLine(file, await readPage(file), url)));
    } catch (error) {
      write(JSON.stringify({ id: file, error: errorMessage(error) }));
    }
  }
}
