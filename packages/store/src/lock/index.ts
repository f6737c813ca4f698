import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { SeismoError } from "@seismo/core";

/**
 * PGlite keeps its database in one process's memory: a second process opening the same folder
 * would corrupt it. A lock file with the owner's pid refuses that with a clear message; a lock
 * left by a process that no longer runs is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
  } catch {
    const owner = Number.parseInt(readFileSync(file, "utf8"), 10);
    if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
      throw new SeismoError(
        "unavailable",
        `the embedded database in ${dataDir} is in use by process ${owner} (a running Seismo?): ` +
          "use its API, stop it, or set DATABASE_URL to a PostgreSQL server that several processes can share",
      );
    }
    writeFileSync(file, String(process.pid));
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
