import { z } from "@hono/zod-openapi";
import { IndicatorHitOut } from "./schemas.ts";

const DAY_MS = 86_400_000;
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

/** Shared by the places and actors routes: a window of days (default the last 30) and a limit. */
export const WindowQuery = z.object({
  from: isoDay.optional().openapi({ description: "first day (inclusive); default 30 days before `to`" }),
  to: isoDay.optional().openapi({ description: "last day (inclusive); default today (UTC)" }),
});

export function resolveWindow(q: { from?: string | undefined; to?: string | undefined }): { from: string; to: string } {
  const to = q.to ?? new Date().toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(to) - 30 * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}

export const Counts = z
  .record(z.string(), z.number().int())
  .openapi({ description: "asserted and intent indicators per type in the window" });

export const DayActivity = z.object({ day: z.string(), total: z.number().int(), counts: Counts });

export const Evidence = IndicatorHitOut.openapi("Evidence");

/** Rollup rows (day × type) into one entry per day with counts per type. */
export function byDay(rows: Array<{ day: string; type: string; count: number }>): Array<z.infer<typeof DayActivity>> {
  const days = new Map<string, z.infer<typeof DayActivity>>();
  for (const r of rows) {
    const d = days.get(r.day) ?? { day: r.day, total: 0, counts: {} };
    d.total += r.count;
    (d.counts as Record<string, number>)[r.type] = r.count;
    days.set(r.day, d);
  }
  return [...days.values()];
}
