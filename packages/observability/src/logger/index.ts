import { type Logger, pino } from "pino";

export type { Logger };

/** The root logger; components take a child with their own bindings (component, sourceId, jobId…). */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? "seismo",
    level: options.level ?? "info",
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/** A logger that prints nothing, for library callers and tests that do not care. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
