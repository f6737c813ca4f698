import { execFile } from "node:child_process";
import { chmod, chown, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./wait.ts";

const run = promisify(execFile);

export interface PgCluster {
  url: string;
  /** `pg_ctl restart -m immediate`: a crash of the server, then recovery from WAL. */
  restart(): Promise<{ downMs: number }>;
  stop(): Promise<void>;
}

/** The newest PostgreSQL server binaries installed by the distribution, if any. */
export async function findPgBin(): Promise<string | null> {
  try {
    const versions = (await readdir("/usr/lib/postgresql")).sort((a, b) => Number(b) - Number(a));
    return versions[0] ? `/usr/lib/postgresql/${versions[0]}/bin` : null;
  } catch {
    return null;
  }
}

/**
 * A throwaway PostgreSQL cluster (initdb into a temp dir, free port, trust auth), run as the
 * `postgres` OS user because the server refuses to run as root. The shared server on 5432 is
 * used by other test runs and must never be restarted.
 */
export async function startPgCluster(bin: string): Promise<PgCluster> {
  const dir = await mkdtemp(join(tmpdir(), "seismo-fault-pg-"));
  const data = join(dir, "data");
  const port = await freePort();
  const asRoot = userInfo().uid === 0;
  const { stdout: uidOut } = await run("id", ["-u", "postgres"]);
  const { stdout: gidOut } = await run("id", ["-g", "postgres"]);
  if (asRoot) await chown(dir, Number(uidOut.trim()), Number(gidOut.trim()));
  await chmod(dir, 0o700);
  const pgCmd = (cmd: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args]) : run(join(bin, cmd), args);
  await pgCmd("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => pgCmd("pg_ctl", ["-D", data, "-o", serverOptions, "-l", join(dir, "log"), "-w", "start"]);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart() {
      const started = Date.now();
      await pgCmd("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      await new Promise((r) => setTimeout(r, 1500));
      await start();
      return { downMs: Date.now() - started };
    },
    async stop() {
      await pgCmd("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
