import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Store } from "@seismo/store";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const MAIN = new URL("../main.ts", import.meta.url).pathname;
const TSX = new URL("../../../../node_modules/.bin/tsx", import.meta.url).pathname;

describe("seismo purge", () => {
  it("counts on --dry-run, then clears raw HTML older than the period and keeps the text", async () => {
    const dir = await mkdtemp(join(tmpdir(), "seismo-cli-purge-"));
    const env = { ...process.env, SEISMO_DATA_DIR: dir, DATABASE_URL: "", SEISMO_RETAIN_RAW_HTML_DAYS: "30" };
    const target = { kind: "pglite", dataDir: join(dir, "pglite") } as const;
    let store = await Store.open(target);
    const { article } = await store.articles.upsert({
      sourceId: null,
      url: "https://p.example/1",
      canonicalUrl: "https://p.example/1",
      title: "Old",
      byline: null,
      publishedAt: "2024-01-01T00:00:00Z",
      language: "en",
      text: "Police clashed in Zvečan.",
      rawHtml: "<html><p>Police clashed in Zvečan.</p></html>",
    });
    await store.sql.query("UPDATE article_raw SET fetched_at = now() - interval '45 days'");
    await store.close();

    const dry = await run(TSX, [MAIN, "purge", "--dry-run"], { env });
    expect(dry.stdout).toMatch(/would clear raw HTML of 1 articles/);
    const kept = await run(TSX, [MAIN, "purge", "--older-than-days", "60"], { env });
    expect(kept.stdout).toMatch(/cleared raw HTML of 0 articles/);
    const done = await run(TSX, [MAIN, "purge"], { env });
    expect(done.stdout).toMatch(/cleared 1 pages/);
    expect(done.stdout).toMatch(/cleared raw HTML of 1 articles/);
    await expect(run(TSX, [MAIN, "purge", "--older-than-days=-3"], { env })).rejects.toMatchObject({ code: 2 });

    store = await Store.open(target);
    expect(await store.articles.rawHtml(article.id)).toBeNull();
    expect((await store.articles.get(article.id))?.text).toBe("Police clashed in Zvečan.");
    await store.close();
  });
});
