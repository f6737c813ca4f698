import { describe, expect, it } from "vitest";
import { createMetrics } from "./index.ts";

describe("metrics", () => {
  it("exposes job outcomes in Prometheus text format", async () => {
    const metrics = createMetrics();
    metrics.jobsTotal.inc({ queue: "tag-article", outcome: "completed" });
    const text = await metrics.registry.metrics();
    expect(text).toContain('seismo_jobs_total{queue="tag-article",outcome="completed"} 1');
  });

  it("keeps registries separate so two stacks in one process do not collide", () => {
    expect(() => {
      createMetrics();
      createMetrics();
    }).not.toThrow();
  });
});
