export { type EvidenceOut, getAlert, listAlerts, type StoredAlert } from "./data/alerts.ts";
export { deleteRule, getRule, insertRule, listRules, newId, type RuleValues, updateRule } from "./data/rules.ts";
export {
  type Attempt,
  attemptsOf,
  type Delivery,
  type DeliveryStatus,
  deleteSubscription,
  getDelivery,
  getSubscription,
  insertSubscription,
  listDeliveries,
  listSubscriptions,
  type Subscription,
  type SubscriptionValues,
  updateSubscription,
  WEBHOOK_FORMATS,
  type WebhookFormat,
} from "./data/webhooks.ts";
export { type AlertsDeps, DEFAULT_DELIVERY, type DeliveryOptions, dashboardUrl } from "./deps.ts";
export { poissonTail, spikeTest } from "./detectors/spike.ts";
export { createMailer, emailAddressOf, isEmailUrl, type Mail, type Mailer, renderEmail } from "./email/index.ts";
export { queueStoryEvaluation, storyEvaluationKey } from "./evaluate/enqueue.ts";
export { alertKey, type EvaluationResult, evaluateRecent, evaluateStory } from "./evaluate/index.ts";
export { type Claim, matchesFilters } from "./filters/index.ts";
export { type AlertHandlers, createAlertHandlers } from "./handlers/index.ts";
export { DEFAULT_RULES, ensureDefaultRules, NORTH_KOSOVO } from "./rules/defaults.ts";
export {
  parseParams,
  RULE_KINDS,
  type Rule,
  RuleFiltersSchema,
  type RuleInput,
  RuleInputSchema,
  type RuleKind,
  type RulePatch,
  RulePatchSchema,
  TRIGGER_MODALITIES,
} from "./rules/schema.ts";
export { type DeliveryOutcome, deliverOnce, replayDelivery, retryDelay } from "./webhooks/deliver.ts";
export { type AlertMessage, messageIdFor, renderBody } from "./webhooks/payload.ts";
export { generateSecret, isValidSecret, sign, signedHeaders, verifyWebhook } from "./webhooks/sign.ts";
