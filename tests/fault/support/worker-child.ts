import { type ChildProcess, spawn } from "node:child_process";
import { waitUntil } from "./wait.ts";

const ROOT = new URL("../../../", import.meta.url).pathname;
const MAIN = `${ROOT}apps/worker/src/main.ts`;

export interface WorkerChild {
  pid: number;
  /** The last 64 kB of stdout and stderr, for failure messages. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  kill(signal: NodeJS.Signals): void;
  /** null while the process runs. */
  exitedCode(): number | null;
}

/**
 * Runs the worker app (what `pnpm worker` runs) as a real child process and waits for "worker
 * started". Node loads tsx as a hook (`--import tsx`) instead of going through the tsx CLI: the CLI
 * is a parent process, and SIGKILL on it would leave the real worker running as an orphan.
 */
export async function startWorker(env: Record<string, string>): Promise<WorkerChild> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-65_536);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const early = exited.then(({ code }) => {
    throw new Error(`worker exited with ${code} before it started:\n${output}`);
  });
  early.catch(() => undefined);
  await Promise.race([waitUntil(() => output.includes("worker started"), 60_000, "the worker to start"), early]);
  return {
    pid: child.pid ?? -1,
    output: () => output,
    exited,
    exitedCode: () => child.exitCode ?? (child.signalCode ? -1 : null),
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

/** Stops a worker if it still runs (SIGKILL after `graceMs`), so no test leaves a process behind. */
export async function stopWorker(worker: WorkerChild | undefined, graceMs = 15_000): Promise<void> {
  if (!worker) return;
  worker.kill("SIGTERM");
  const timer = setTimeout(() => worker.kill("SIGKILL"), graceMs);
  await worker.exited;
  clearTimeout(timer);
}
