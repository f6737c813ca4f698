import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// `docker compose config` (v2 plugin) or `docker-compose config` (Debian's 1.29) parse, interpolate
// and validate the file without an engine. Runs only where one of them is installed:
//   apt-get install -y docker-compose

const INFRA = new URL("../../infra/", import.meta.url).pathname;

function findCompose(): { argv: string[]; major: number } | null {
  for (const argv of [["docker", "compose"], ["docker-compose"]]) {
    const [cmd = "", ...rest] = argv;
    const r = spawnSync(cmd, [...rest, "version", "--short"], { encoding: "utf8", timeout: 20_000 });
    const version = /^v?(\d+)\./.exec(r.stdout?.trim() ?? "");
    if (r.status === 0 && version) return { argv, major: Number(version[1]) };
  }
  return null;
}

const compose = findCompose();
const work = mkdtempSync(join(tmpdir(), "seismo-compose-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `config --quiet` on `text` as if it were infra/compose.yaml. */
function config(text: string, env: Record<string, string> = { SEISMO_API_TOKEN: "x".repeat(32) }) {
  if (!compose) throw new Error("no compose binary");
  let body = text;
  const args = ["--project-directory", INFRA];
  // Compose 1.x predates the top-level `name` (spec 2022); give it as -p instead.
  if (compose.major < 2) {
    const name = /^name:\s*(\S+)\s*$/m.exec(body)?.[1];
    body = body.replace(/^name:.*$/m, "");
    if (name) args.push("-p", name);
  }
  const file = join(work, "compose.yaml");
  writeFileSync(file, body);
  const [cmd = "", ...rest] = compose.argv;
  const { PATH, HOME } = process.env;
  return spawnSync(cmd, [...rest, ...args, "-f", file, "config", "--quiet"], {
    encoding: "utf8",
    timeout: 60_000,
    env: { PATH: PATH ?? "", HOME: HOME ?? "", ...env },
  });
}

describe.skipIf(compose === null)("infra/compose.yaml through the compose CLI", () => {
  const text = readFileSync(join(INFRA, "compose.yaml"), "utf8");

  it("passes `config --quiet`", () => {
    const r = config(text);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("refuses to start without SEISMO_API_TOKEN, and refuses an unknown service key", () => {
    expect(config(text, {}).status).not.toBe(0);
    const typo = text.replace("stop_grace_period: 40s", "stop_grace_periode: 40s");
    expect(typo).not.toBe(text);
    expect(config(typo).status).not.toBe(0);
  });
});
