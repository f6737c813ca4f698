import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const MAIN = new URL("./main.ts", import.meta.url).pathname;
const TSX = new URL("../../../node_modules/.bin/tsx", import.meta.url).pathname;

async function seismo(args: string[], input?: string, env: Record<string, string> = {}) {
  const child = run(TSX, [MAIN, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  return child;
}

const PAGE = `<!doctype html><html lang="en"><head><title>Police raid in Mitrovica | Example News</title>
<meta property="article:published_time" content="2023-09-29T08:00:00Z"></head><body>
<nav><a href="/">Home</a><a href="/world">World</a></nav>
<article><h1>Police raid in Mitrovica</h1>
<p>Kosovo police raided several properties in the north on Friday, officials said, in an operation linked to Sunday's attack.</p>
<p>Serbia's Office for Kosovo condemned the operation as excessive, and called on international missions to react.</p>
<p>KFOR said it was monitoring the situation closely and was ready to increase its presence if needed.</p>
</article><footer>© Example News</footer></body></html>`;

describe("seismo CLI", () => {
  it("lists every command with a description", async () => {
    const { stdout } = await seismo(["--help"]);
    for (const command of ["start", "extract", "tag", "token"])
      expect(stdout).toMatch(new RegExp(`^  ${command}\\s+\\S`, "m"));
  });

  it("extracts a manifest in order, gunzips .gz files and reports a broken entry without stopping", async () => {
    const dir = await mkdtemp(join(tmpdir(), "seismo-cli-"));
    await writeFile(join(dir, "a.html"), PAGE);
    await writeFile(join(dir, "b.html.gz"), gzipSync(PAGE));
    await writeFile(
      join(dir, "manifest.jsonl"),
      [
        JSON.stringify({ id: "a", file: "a.html", url: "https://example.org/a" }),
        JSON.stringify({ id: "missing", file: "nope.html", url: "https://example.org/n" }),
        JSON.stringify({ id: "b", file: "b.html.gz", url: "https://example.org/b" }),
      ].join("\n"),
    );
    const { stdout } = await seismo(["extract", "--manifest", join(dir, "manifest.jsonl")]);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["a", "missing", "b"]);
    expect(lines[1].error).toMatch(/nope\.html/);
    for (const l of [lines[0], lines[2]]) {
      expect(Object.keys(l).sort()).toEqual(["byline", "id", "language", "published", "text", "title"]);
      expect(l.text).toContain("Kosovo police raided several properties");
      expect(l.text).not.toContain("Home");
      expect(l.published).toMatch(/^2023-09-29/);
    }
  });

  it("tags JSON lines from stdin, one output line per input line, with evidence offsets", async () => {
    const text = "NATO said it was ready to increase its peacekeeping force in Kosovo.";
    const { stdout } = await seismo(["tag"], `${JSON.stringify({ id: 7, text })}\nnot json\n`);
    const [first, second] = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(first.id).toBe(7);
    const deployment = first.indicators.find((i: { type: string }) => i.type === "deployment");
    expect(deployment.modality).toBe("intent");
    expect(text.slice(deployment.evidence.start, deployment.evidence.end)).toBe(deployment.evidence.text);
    expect(second.id).toBe("line-2");
    expect(second.error).toBeTruthy();
  });

  it("imports, lists, pauses and exports sources on the embedded store", async () => {
    const dir = await mkdtemp(join(tmpdir(), "seismo-cli-sources-"));
    const env = { SEISMO_DATA_DIR: dir, DATABASE_URL: "" };
    const list = join(dir, "list.yaml");
    await writeFile(list, "- url: https://a.example/rss\n  name: Outlet A\n  tags: { language: sq }\n- url: nope\n");
    const imported = await seismo(["sources", "import", list], undefined, env).catch((e) => e);
    expect(imported.code).toBe(1); // one bad entry
    expect(imported.stdout).toMatch(/1 added, 1 failed/);
    const { stdout: listed } = await seismo(["sources", "list"], undefined, env);
    const id = /^(src_\w+)/.exec(listed)?.[1] ?? "";
    expect(listed).toContain("Outlet A <https://a.example/rss>  [never polled]");
    const { stdout: paused } = await seismo(["sources", "pause", id], undefined, env);
    expect(paused).toBe(`${id}: paused\n`);
    const { stdout: opml } = await seismo(["sources", "export"], undefined, env);
    expect(opml).toContain('xmlUrl="https://a.example/rss" language="sq"');
  });

  it("fails with usage on an unknown command", async () => {
    await expect(seismo(["frobnicate"])).rejects.toMatchObject({ code: 2 });
  });
});
