import { createLogger } from "@seismo/observability";
import { onShutdown, startStack } from "@seismo/stack";
import { loadConfig } from "./env.ts";

/** Worker process: runs the queues of SEISMO_ROLE (ingest, process or all) and the scheduler. */
const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: "seismo-worker" });
const stack = await startStack({
  config,
  logger,
  parts: { api: false, workers: true, scheduler: config.role !== "process", sampleSource: false, sourcesFile: false },
});
onShutdown(() => stack.close(), logger);
logger.info({ role: config.role, concurrency: config.concurrency }, "worker started");
