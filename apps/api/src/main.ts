import { createLogger } from "@seismo/observability";
import { onShutdown, startStack } from "@seismo/stack";
import { loadConfig } from "./env.ts";

/** API process: serves the HTTP API and the dashboard; no workers. */
const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: "seismo-api" });
const stack = await startStack({
  config,
  logger,
  parts: { api: true, workers: false, scheduler: false, sampleSource: false, sourcesFile: false },
});
onShutdown(() => stack.close(), logger);
logger.info({ url: stack.url }, "API listening");
