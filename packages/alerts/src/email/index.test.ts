import type { AddressInfo } from "node:net";
import { createPoster } from "@seismo/fetcher";
import { silentLogger } from "@seismo/observability";
import { Store } from "@seismo/store";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertAlert } from "../data/alerts.ts";
import { attemptsOf, getSubscription, insertDelivery, insertSubscription } from "../data/webhooks.ts";
import type { AlertsDeps } from "../deps.ts";
import { addArticle, recordingQueues } from "../testing/store.ts";
import { deliverOnce } from "../webhooks/deliver.ts";
import { type AlertMessage, renderBody } from "../webhooks/payload.ts";
import { createMailer, emailAddressOf, renderEmail } from "./index.ts";

let store: Store;
let smtp: SMTPServer;
let smtpUrl: string;
const inbox: Array<{ to: string[]; raw: string }> = [];
const poster = createPoster();
let deps: AlertsDeps;
let n = 0;

const message: AlertMessage = {
  type: "alert.created",
  alert: {
    id: "alr_1",
    title: "Escalation: clash spike: Banjska shootout",
    summary: "5 clash reports in 72 h against 0.11 on the 28-day baseline (p = 1.2e-6)",
    kind: "spike",
    numbers: { count: 5, stories: ["sty_1"] },
    evidence: [
      {
        sentence: "Gunmen opened fire on a police patrol in Banjska.",
        type: "clash",
        modality: "asserted",
        confidence: 0.9,
        articleId: "art_1",
        url: "https://news.example/a",
        title: "Banjska attack",
        publishedAt: "2023-09-24T09:00:00.000Z",
      },
    ],
    version: 1,
    firstRaisedAt: "2023-09-24T09:05:00.000Z",
    updatedAt: "2023-09-24T09:05:00.000Z",
  },
  rule: { id: "rule_1", name: "Escalation: clash spike", kind: "spike" },
  story: { id: "sty_1", title: "Banjska shootout", articleCount: 5, firstSeen: "", lastSeen: "" },
  dashboardUrl: "http://127.0.0.1:3000/stories/sty_1",
};

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("gone@")) {
        callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => {
        raw += c.toString();
      });
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  store = await Store.open({ kind: "pglite" });
  const sourceId = (await store.sources.upsert({ name: "S", url: "https://news.example/feed" })).id;
  await addArticle(store, { slug: "a", at: "2023-09-24T09:00:00Z", storyId: "sty_1", sourceId, indicators: [{}] });
  await store.sql.query("INSERT INTO alert_rules (id, name, kind) VALUES ('rule_1', 'R', 'spike')");
  await upsertAlert(
    store.sql,
    "alr_1",
    { dedupeKey: "rule_1|sty_1", ruleId: "rule_1", storyId: "sty_1", kind: "spike" },
    { title: "T", summary: "S", numbers: {}, evidence: [], stateKey: "k" },
  );
  deps = {
    store,
    queues: recordingQueues(),
    logger: silentLogger(),
    poster,
    mailer: createMailer({ url: smtpUrl, from: "Seismo <alerts@seismo.test>", timeoutMs: 2000 }),
  };
});
afterAll(async () => {
  deps.mailer?.close();
  await poster.close();
  await store.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

async function emailSubscription(address: string) {
  const id = `sub_${++n}`;
  const url = `mailto:${address}`;
  await insertSubscription(store.sql, id, {
    name: id,
    url,
    ruleIds: [],
    secret: "whsec_x",
    format: "standard",
    enabled: true,
  });
  const deliveryId = `dlv_${n}`;
  await insertDelivery(store.sql, {
    id: deliveryId,
    subscriptionId: id,
    alertId: "alr_1",
    alertVersion: n,
    messageId: `msg_alr_1_v${n}`,
    eventType: "alert.created",
    body: renderBody("standard", message, "2023-09-24T09:05:01.000Z"),
  });
  return { id, deliveryId };
}

describe("e-mail alerts", () => {
  it("reads one address from a mailto: URL and nothing else", () => {
    expect(emailAddressOf("mailto:ops%40example.org")).toBe("ops@example.org");
    expect(emailAddressOf("mailto:not an address")).toBeNull();
    expect(emailAddressOf("https://example.org/hook")).toBeNull();
  });

  it("writes the title, summary, dashboard link and evidence into the mail", () => {
    const mail = renderEmail(renderBody("standard", message, "2023-09-24T09:05:01.000Z"));
    expect(mail.subject).toBe("Escalation: clash spike: Banjska shootout");
    expect(mail.text).toContain("Open: http://127.0.0.1:3000/stories/sty_1");
    expect(mail.text).toContain("“Gunmen opened fire on a police patrol in Banjska.”");
  });

  it("sends an alert to a mailto: subscription through SMTP and logs the reply", async () => {
    const { deliveryId } = await emailSubscription("ops@example.org");
    expect(await deliverOnce(deps, deliveryId)).toMatchObject({ outcome: "delivered", status: 250, attempt: 1 });
    const mail = inbox.at(-1);
    expect(mail?.to).toEqual(["ops@example.org"]);
    expect(mail?.raw).toMatch(/^Subject: Escalation: clash spike: Banjska shootout/m);
    expect(mail?.raw).toMatch(/^X-Seismo-Message-Id: msg_alr_1_v1$/im);
    const [attempt] = (await attemptsOf(store.sql, [deliveryId])).get(deliveryId) ?? [];
    expect(attempt).toMatchObject({ httpStatus: 250, error: null });
  });

  it("disables the subscription at once when the server refuses the mailbox", async () => {
    const { id, deliveryId } = await emailSubscription("gone@example.org");
    expect(await deliverOnce(deps, deliveryId)).toMatchObject({ outcome: "failed", attempt: 1 });
    expect((await getSubscription(store.sql, id))?.disabledReason).toMatch(/550/);
  });

  it("retries while no SMTP server answers", async () => {
    const { deliveryId } = await emailSubscription("later@example.org");
    const down = { ...deps, mailer: createMailer({ url: "smtp://127.0.0.1:1", from: "a@b.test", timeoutMs: 1000 }) };
    expect(await deliverOnce(down, deliveryId)).toMatchObject({ outcome: "retrying", attempt: 1 });
    const unset = { ...deps, mailer: undefined };
    expect(await deliverOnce(unset, deliveryId)).toMatchObject({ outcome: "retrying", error: /no SMTP server/ });
  });
});
