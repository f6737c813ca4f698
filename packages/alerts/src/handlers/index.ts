import type { JobHandler } from "@seismo/core";
import type { Store } from "@seismo/store";
import type { AlertsDeps } from "../deps.ts";
import { evaluateRecent, evaluateStory } from "../evaluate/index.ts";
import { ensureDefaultRules } from "../rules/defaults.ts";
import { deliverOnce } from "../webhooks/deliver.ts";

export interface AlertHandlers {
  "evaluate-alerts": JobHandler<"evaluate-alerts">;
  "deliver-webhook": JobHandler<"deliver-webhook">;
}

/** The two alert jobs, for the pipeline's handler map. */
export function createAlertHandlers(deps: AlertsDeps): AlertHandlers {
  let defaults: Promise<number> | null = null;
  const ensureOnce = (store: Store) => {
    defaults ??= ensureDefaultRules(store).catch((error) => {
      defaults = null;
      throw error;
    });
    return defaults;
  };
  return {
    "evaluate-alerts": async ({ storyId, articleId, ruleIds }) => {
      await ensureOnce(deps.store);
      let story = storyId ?? null;
      if (!story && articleId) story = (await deps.store.articles.get(articleId))?.storyId ?? null;
      if (story) return evaluateStory(deps, story, { ruleIds });
      if (ruleIds) return { stories: await evaluateRecent(deps, ruleIds) };
      return { skipped: "no story" };
    },
    "deliver-webhook": async ({ deliveryId }) => deliverOnce(deps, deliveryId),
  };
}
