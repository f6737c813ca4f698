import { describe, expect, it } from "vitest";
import { assertHandlers, JOB_CATALOG, JOB_NAMES, jobsForRole } from "./index.ts";

describe("job catalog", () => {
  it("refuses to start when a job has no handler", () => {
    const partial = { "poll-source": async () => undefined };
    expect(() => assertHandlers(partial)).toThrow(
      /no handler for fetch-article, tag-article, cluster-article, evaluate-alerts, deliver-webhook/,
    );
  });

  it("accepts a complete handler map", () => {
    const all = Object.fromEntries(JOB_NAMES.map((n) => [n, async () => undefined]));
    expect(() => assertHandlers(all)).not.toThrow();
  });

  it("splits jobs by role", () => {
    expect(jobsForRole("ingest")).toEqual(["poll-source", "fetch-article"]);
    expect(jobsForRole("process")).toEqual(["tag-article", "cluster-article", "evaluate-alerts", "deliver-webhook"]);
    expect(jobsForRole("all")).toHaveLength(JOB_NAMES.length);
  });

  it("refuses an alert evaluation that names nothing to evaluate", () => {
    expect(JOB_CATALOG["evaluate-alerts"].payload.safeParse({}).success).toBe(false);
    expect(JOB_CATALOG["evaluate-alerts"].payload.safeParse({ storyId: "sty_1" }).success).toBe(true);
  });

  it("rejects a payload that breaks its schema with a readable reason", () => {
    const result = JOB_CATALOG["fetch-article"].payload.safeParse({ sourceId: "s1", url: "not a url" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["url"]);
  });
});
