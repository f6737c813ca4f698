import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSourcesFile } from "./index.ts";

describe("loadSourcesFile", () => {
  it("reads the bundled sources file: one sample source and real Western Balkans feeds", async () => {
    const file = await loadSourcesFile(new URL("../../../../sources.json", import.meta.url).pathname);
    expect(file.samples).toHaveLength(1);
    expect(file.feeds.length).toBeGreaterThanOrEqual(8);
    const languages = new Set(file.feeds.map((f) => f.tags?.language));
    expect([...languages].sort()).toEqual(["en", "sq", "sr"]);
  });

  it("names the bad entry and field when the file is invalid", async () => {
    const dir = await mkdtemp(join(tmpdir(), "seismo-sources-"));
    const path = join(dir, "sources.json");
    await writeFile(
      path,
      JSON.stringify({
        sources: [
          { name: "ok", url: "https://a.example/feed" },
          { name: "bad", url: "nope" },
        ],
      }),
    );
    await expect(loadSourcesFile(path)).rejects.toThrow(/sources\.1\.url/);
  });
});
