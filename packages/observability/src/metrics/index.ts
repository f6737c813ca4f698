import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Prometheus metrics for one process; one registry per process so tests can create their own. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "seismo_process_" });
  return {
    registry,
    jobsTotal: new Counter({
      name: "seismo_jobs_total",
      help: "Jobs finished, by queue and outcome",
      labelNames: ["queue", "outcome"] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: "seismo_job_duration_seconds",
      help: "Job handler latency",
      labelNames: ["queue"] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: "seismo_queue_depth",
      help: "Jobs waiting or delayed per queue",
      labelNames: ["queue", "state"] as const,
      registers: [registry],
    }),
    fetchesTotal: new Counter({
      name: "seismo_fetches_total",
      help: "HTTP fetches by kind and outcome",
      labelNames: ["kind", "outcome"] as const,
      registers: [registry],
    }),
    indicatorsTotal: new Counter({
      name: "seismo_indicators_total",
      help: "Indicators stored, by type and modality",
      labelNames: ["type", "modality"] as const,
      registers: [registry],
    }),
    errorsTotal: new Counter({
      name: "seismo_errors_total",
      help: "Errors logged, by component",
      labelNames: ["component"] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
