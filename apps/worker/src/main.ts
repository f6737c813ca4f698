import { createLogger, createMetrics, type ProbeServer, startProbeServer } from "@seismo/observability";
import { onShutdown, startStack } from "@seismo/stack";
import { loadConfig } from "./env.ts";

/** Worker process: runs the queues of SEISMO_ROLE (ingest, process or all) and the scheduler. */
const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: "seismo-worker" });
// One registry for the whole process: the job handlers count into it, the probe server serves it.
const metrics = createMetrics();
let ready = false;

/**
 * Up before the stack, so liveness answers during migrations; ready only once workers run. A port
 * in use (a second worker on one host) costs the probes, not the worker: it logs and runs on.
 */
async function startProbes(): Promise<ProbeServer | null> {
  if (config.metricsPort === 0) return null;
  try {
    return await startProbeServer({
      port: config.metricsPort,
      host: config.host,
      registry: () => metrics.registry,
      ready: () => ready,
      logger: logger.child({ component: "probes" }),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    logger.error({ port: config.metricsPort }, "metrics port in use: no /metrics or probes (set SEISMO_METRICS_PORT)");
    return null;
  }
}

const probes = await startProbes();
const stack = await startStack({
  config,
  logger,
  metrics,
  parts: { api: false, workers: true, scheduler: config.role !== "process", sampleSource: false, sourcesFile: false },
}).catch(async (error: unknown) => {
  await probes?.close();
  throw error;
});
ready = true;
onShutdown(async () => {
  // Not ready while draining; /healthz keeps answering until in-flight jobs are done.
  ready = false;
  await stack.close();
  await probes?.close();
}, logger);
logger.info(
  { role: config.role, concurrency: config.concurrency, metricsPort: probes?.port ?? null },
  "worker started",
);
