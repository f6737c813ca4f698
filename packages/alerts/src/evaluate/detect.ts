import type { SqlClient, StoryRow } from "@seismo/store";
import { claimsBetween } from "../data/claims.ts";
import { detectDeployment } from "../detectors/deployment.ts";
import { detectFirst } from "../detectors/first.ts";
import { detectGrowth } from "../detectors/growth.ts";
import { type CountedEvent, detectSpike, spikeRange } from "../detectors/spike.ts";
import { type Detection, notFired } from "../detectors/types.ts";
import { type Claim, matchesFilters } from "../filters/index.ts";
import type { Rule } from "../rules/schema.ts";

const label = (rule: Rule) => (rule.filters.types.length > 0 ? rule.filters.types.join("/") : "indicator");

/** Runs one rule's detector on one story; `all` are every claim of the story, `reach` its articles and outlets. */
export async function detect(
  sql: SqlClient,
  rule: Rule,
  story: StoryRow,
  all: Claim[],
  reach: { articles: number; outlets: number },
): Promise<Detection> {
  const claims = all.filter((c) => matchesFilters(c, rule.filters));
  switch (rule.kind) {
    case "spike": {
      const range = spikeRange(
        claims.filter((c) => c.duplicateOf === null).map((c) => c.at),
        rule.params,
      );
      if (!range) return notFired;
      const events = new Map<string, CountedEvent>();
      // Counting reads weeks of claims: lean rows, originals only (a wire copy is one report, not two).
      for (const c of await claimsBetween(sql, rule.filters, range, { slim: true, originalsOnly: true })) {
        if (!matchesFilters(c, rule.filters)) continue;
        events.set(c.articleId, { articleId: c.articleId, storyId: c.storyId, at: c.at });
      }
      const found = detectSpike([...events.values()], story.id, rule.params, label(rule), Date.parse(range.from));
      if (!found.fired) return found;
      // The evidence is the peak window's reports, whichever stories they belong to.
      const end = Date.parse(String(found.numbers.windowEnd));
      const from = end - rule.params.windowHours * 3_600_000;
      const peak = { from: new Date(from).toISOString(), to: new Date(end).toISOString() };
      const reports = (await claimsBetween(sql, rule.filters, peak, { originalsOnly: true })).filter(
        (c) => Date.parse(c.at) > from && matchesFilters(c, rule.filters),
      );
      return { ...found, evidence: reports };
    }
    case "first": {
      if (claims.length === 0) return notFired;
      const times = claims.map((c) => Date.parse(c.at));
      const range = {
        from: new Date(Math.min(...times) - rule.params.quietDays * 86_400_000).toISOString(),
        to: new Date(Math.max(...times)).toISOString(),
      };
      const others = (await claimsBetween(sql, rule.filters, range, { slim: true })).filter(
        (c) => c.storyId !== story.id && matchesFilters(c, rule.filters),
      );
      return detectFirst(claims, others, rule.params, rule.filters.places, label(rule));
    }
    case "deployment": {
      const filters = { ...rule.filters, types: ["deployment" as const] };
      return detectDeployment(
        all.filter((c) => matchesFilters(c, filters)),
        rule.params,
      );
    }
    case "story-growth":
      return detectGrowth(reach, claims, rule.params);
  }
}
