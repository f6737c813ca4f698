import { z } from "zod";

/** Worker roles: a process may run one role or all of them. */
export const ROLES = ["ingest", "process"] as const;
export type Role = (typeof ROLES)[number];

/**
 * The job catalog: every queue's name, payload schema and role in one typed map.
 * Adding a job is one entry here plus one handler; a missing handler fails at start-up.
 */
export const JOB_CATALOG = {
  "poll-source": {
    role: "ingest",
    payload: z.object({ sourceId: z.string().min(1), reason: z.enum(["schedule", "manual"]).default("schedule") }),
  },
  "fetch-article": {
    role: "ingest",
    payload: z.object({
      sourceId: z.string().min(1),
      url: z.url(),
      feedTitle: z.string().nullable().default(null),
      feedPublished: z.string().nullable().default(null),
    }),
  },
  "tag-article": {
    role: "process",
    payload: z.object({ articleId: z.string().min(1) }),
  },
  /** Near-duplicate and story assignment; one at a time across all workers so clusters never race. */
  "cluster-article": {
    role: "process",
    payload: z.object({ articleId: z.string().min(1) }),
    globalConcurrency: 1,
  },
  /**
   * Runs the alert rules against a story (or, given only rule ids, against recent stories after a
   * rule was created or edited). One at a time so two runs never race on an alert's version.
   */
  "evaluate-alerts": {
    role: "process",
    payload: z
      .object({
        storyId: z.string().min(1).optional(),
        articleId: z.string().min(1).optional(),
        ruleIds: z.array(z.string().min(1)).max(100).optional(),
      })
      .refine((p) => p.storyId || p.articleId || p.ruleIds, "needs storyId, articleId or ruleIds"),
    globalConcurrency: 1,
  },
  /** One signed POST of an alert to a webhook subscription; retries are scheduled by the handler. */
  "deliver-webhook": {
    role: "process",
    payload: z.object({ deliveryId: z.string().min(1) }),
  },
} as const satisfies Record<string, { role: Role; payload: z.ZodType; globalConcurrency?: number }>;

export type JobCatalog = typeof JOB_CATALOG;
export type JobName = keyof JobCatalog;
export const JOB_NAMES = Object.keys(JOB_CATALOG) as JobName[];
export type JobPayload<N extends JobName> = z.output<JobCatalog[N]["payload"]>;
export type JobInput<N extends JobName> = z.input<JobCatalog[N]["payload"]>;

export interface JobContext {
  jobId: string;
  attempt: number;
  /** Reports progress of a long job (0–100 or a structured object). */
  progress(value: number | object): Promise<void>;
}

export type JobHandler<N extends JobName> = (payload: JobPayload<N>, ctx: JobContext) => Promise<unknown>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

/** The most jobs of this queue that may run at once across every worker (undefined: no limit). */
export function globalConcurrency(name: JobName): number | undefined {
  const entry = JOB_CATALOG[name];
  return "globalConcurrency" in entry ? entry.globalConcurrency : undefined;
}

export function jobsForRole(role: Role | "all"): JobName[] {
  return JOB_NAMES.filter((name) => role === "all" || JOB_CATALOG[name].role === role);
}

/** Throws when a job in the catalog has no handler: a worker must refuse to boot without one. */
export function assertHandlers(
  handlers: Partial<Record<string, unknown>>,
  names: readonly JobName[] = JOB_NAMES,
): void {
  const missing = names.filter((name) => typeof handlers[name] !== "function");
  if (missing.length > 0) {
    throw new Error(`job catalog: no handler for ${missing.join(", ")}`);
  }
}
