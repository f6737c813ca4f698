import { describe, expect, it } from "vitest";
import { type AlertMessage, messageIdFor, renderBody } from "./payload.ts";

const message: AlertMessage = {
  type: "alert.created",
  alert: {
    id: "alr_1",
    title: "Escalation: clash spike — Officer killed in Banjska",
    summary: "5 clash reports in 72 h against 0.00 on the 28-day baseline",
    kind: "spike",
    numbers: { count: 5, baseline: 0, pValue: 0.0002 },
    evidence: [
      {
        sentence: "Armed men opened fire on a patrol near Banjska.",
        type: "clash",
        modality: "asserted",
        confidence: 0.9,
        articleId: "art_1",
        url: "https://example.org/a",
        title: "Officer killed <ambush>",
        publishedAt: "2023-09-24T09:10:00.000Z",
      },
    ],
    version: 1,
    firstRaisedAt: "2023-09-24T10:00:00.000Z",
    updatedAt: "2023-09-24T10:00:00.000Z",
  },
  rule: { id: "rule_1", name: "Clash spike", kind: "spike" },
  story: { id: "sty_1", title: "Officer killed in Banjska", articleCount: 3, firstSeen: "x", lastSeen: "y" },
  dashboardUrl: "http://127.0.0.1:3000/stories/sty_1",
};

describe("webhook payloads", () => {
  it("gives one message id per alert version", () => {
    expect(messageIdFor("alr_1", 2)).toBe("msg_alr_1_v2");
  });

  it("renders the standard JSON envelope with the alert, story, numbers, evidence and link", () => {
    const body = JSON.parse(renderBody("standard", message, "2023-09-24T10:00:01.000Z"));
    expect(body.type).toBe("alert.created");
    expect(body.timestamp).toBe("2023-09-24T10:00:01.000Z");
    expect(body.data.alert.numbers.count).toBe(5);
    expect(body.data.alert.evidence[0].url).toBe("https://example.org/a");
    expect(body.data.dashboardUrl).toMatch(/\/stories\/sty_1$/);
  });

  it("renders a Slack message with escaped text, the evidence link and a button to the story", () => {
    const body = JSON.parse(renderBody("slack", message, "t"));
    expect(body.text).toContain("Escalation: clash spike");
    const text = JSON.stringify(body.blocks);
    expect(text).toContain("<https://example.org/a|Officer killed &lt;ambush&gt;>");
    expect(text).toContain("http://127.0.0.1:3000/stories/sty_1");
  });

  it("renders a Teams Adaptive Card", () => {
    const body = JSON.parse(renderBody("teams", message, "t"));
    expect(body.type).toBe("message");
    const card = body.attachments[0];
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content.actions[0].url).toBe(message.dashboardUrl);
    expect(JSON.stringify(card.content.body)).toContain("Armed men opened fire");
  });
});
