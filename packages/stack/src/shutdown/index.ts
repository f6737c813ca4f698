import type { Logger } from "@seismo/observability";

/**
 * Runs `close` once on SIGINT/SIGTERM, then exits. A second signal, or a close that takes longer
 * than `timeoutMs`, exits at once (in-flight jobs are retried by another worker: at-least-once).
 */
export function onShutdown(close: () => Promise<void>, logger: Logger, timeoutMs = 30_000): void {
  let shuttingDown = false;
  const handler = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    shuttingDown = true;
    logger.info({ signal }, "shutting down: finishing in-flight jobs");
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, "shutdown timed out");
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    close().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: String(error) }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
}
