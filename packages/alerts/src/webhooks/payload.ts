import type { EvidenceOut, StoredAlert } from "../data/alerts.ts";
import type { WebhookFormat } from "../data/webhooks.ts";

export type AlertEventType = "alert.created" | "alert.updated";

/** Everything a notification says about one alert version. */
export interface AlertMessage {
  type: AlertEventType;
  alert: Pick<
    StoredAlert,
    "id" | "title" | "summary" | "kind" | "numbers" | "evidence" | "version" | "firstRaisedAt"
  > & {
    updatedAt: string;
  };
  rule: { id: string; name: string; kind: string };
  story: { id: string; title: string; articleCount: number; firstSeen: string; lastSeen: string };
  dashboardUrl: string;
}

/** The message id (webhook-id header): one per alert version, stable across retries and replays. */
export const messageIdFor = (alertId: string, version: number): string => `msg_${alertId}_v${version}`;

/** Renders the request body in the subscription's shape. */
export function renderBody(format: WebhookFormat, message: AlertMessage, sentAt: string): string {
  if (format === "slack") return JSON.stringify(slack(message));
  if (format === "teams") return JSON.stringify(teams(message));
  return JSON.stringify({ type: message.type, timestamp: sentAt, data: message });
}

const numbersLine = (numbers: Record<string, unknown>): string =>
  Object.entries(numbers)
    .filter(([, v]) => v !== null && typeof v !== "object")
    .map(([k, v]) => `${k}: ${v}`)
    .join(" · ");

const quote = (e: EvidenceOut) => `“${e.sentence.length > 280 ? `${e.sentence.slice(0, 277)}…` : e.sentence}”`;
const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Slack incoming-webhook shape: `text` for notifications, blocks for the message itself. */
function slack(m: AlertMessage) {
  const evidence = m.alert.evidence
    .map((e) => `• ${slackEscape(quote(e))} <${e.url}|${slackEscape(e.title ?? "source")}>`)
    .join("\n");
  const heading = `${m.type === "alert.updated" ? "Updated: " : ""}${m.alert.title}`;
  return {
    text: slackEscape(heading),
    blocks: [
      { type: "header", text: { type: "plain_text", text: heading.slice(0, 150) } },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `*${slackEscape(m.alert.summary)}*\nRule: ${slackEscape(m.rule.name)} · Story: <${m.dashboardUrl}|${slackEscape(m.story.title)}> (${m.story.articleCount} articles)\n${slackEscape(numbersLine(m.alert.numbers))}`,
        },
      },
      ...(evidence ? [{ type: "section", text: { type: "mrkdwn", text: evidence.slice(0, 2900) } }] : []),
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: "Open story" }, url: m.dashboardUrl }],
      },
    ],
  };
}

/** Microsoft Teams (Workflows / incoming webhook) shape: one Adaptive Card attachment. */
function teams(m: AlertMessage) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", size: "Large", weight: "Bolder", wrap: true, text: m.alert.title },
            { type: "TextBlock", wrap: true, text: m.alert.summary },
            {
              type: "FactSet",
              facts: [
                { title: "Rule", value: m.rule.name },
                { title: "Story", value: `${m.story.title} (${m.story.articleCount} articles)` },
                ...Object.entries(m.alert.numbers)
                  .filter(([, v]) => v !== null && typeof v !== "object")
                  .map(([k, v]) => ({ title: k, value: String(v) })),
              ],
            },
            ...m.alert.evidence.map((e) => ({
              type: "TextBlock",
              wrap: true,
              isSubtle: true,
              text: `${quote(e)} [${e.title ?? "source"}](${e.url})`,
            })),
          ],
          actions: [{ type: "Action.OpenUrl", title: "Open story", url: m.dashboardUrl }],
        },
      },
    ],
  };
}
