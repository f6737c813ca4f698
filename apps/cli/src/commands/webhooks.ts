import { parseArgs } from "node:util";
import {
  attemptsOf,
  generateSecret,
  getSubscription,
  insertSubscription,
  isValidSecret,
  listDeliveries,
  listRules,
  listSubscriptions,
  newId,
  replayDelivery,
  type Subscription,
  updateSubscription,
  WEBHOOK_FORMATS,
} from "@seismo/alerts";
import { describeZodError, errorMessage, SeismoError } from "@seismo/core";
import { z } from "zod";
import { type CommandDeps, UsageError, withDeps } from "./connect.ts";

export const WEBHOOKS_USAGE = `usage: seismo webhooks <action>
  list                                              subscriptions with status (and why one was disabled)
  add URL --name N [--rule ID]… [--format standard|slack|teams] [--secret whsec_…]
                                                    subscribe; prints the signing secret once
  enable ID | disable ID                            enabling clears the reason it was disabled
  deliveries ID [--limit N]                         delivery log: every attempt, status, latency, response
  replay DELIVERY_ID                                send again now, same webhook-id (needs Redis)`;

const OPTIONS = {
  name: { type: "string" },
  rule: { type: "string", multiple: true },
  format: { type: "string" },
  secret: { type: "string" },
  limit: { type: "string" },
} as const;
const parse = (argv: string[]) => parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });

/** The API's subscription input (routes/webhooks.ts), for the command line. */
const AddSchema = z.object({
  name: z.string({ error: "--name is required" }).min(1).max(200),
  url: z.url("URL must be a full http(s) URL").refine((u) => /^https?:\/\//i.test(u), "URL must be http(s)"),
  ruleIds: z.array(z.string()).max(100).default([]),
  format: z.enum(WEBHOOK_FORMATS, `--format must be one of ${WEBHOOK_FORMATS.join(", ")}`).default("standard"),
  secret: z.string().refine(isValidSecret, '--secret must be "whsec_" + base64 of at least 16 bytes').optional(),
});
const Limit = z.coerce.number("--limit must be a number").int().min(1).max(500).default(20);

const status = (s: Subscription) =>
  s.enabled ? "active" : `disabled${s.disabledReason ? `: ${s.disabledReason}` : " by an operator"}`;
const subLine = (s: Subscription) =>
  `${s.id}  ${s.format.padEnd(8)} ${s.name} <${s.url}>  rules=${s.ruleIds.length ? s.ruleIds.join(",") : "all"}  [${status(s)}]`;
const hidden = ({ secret, ...rest }: Subscription) => ({ ...rest, secretHint: `whsec_…${secret.slice(-4)}` });

async function mustGet(deps: CommandDeps, id: string | undefined): Promise<Subscription> {
  if (!id) throw new UsageError(WEBHOOKS_USAGE);
  const sub = await getSubscription(deps.store.sql, id);
  if (!sub) throw new UsageError(`no webhook subscription ${id} (see: seismo webhooks list)`);
  return sub;
}

/** The webhook actions on an open store: the same checks and writes as /api/v1/webhooks. */
export async function runWebhooks(
  args: string[],
  values: Record<string, unknown>,
  deps: CommandDeps,
  out: (line: string) => void,
): Promise<number> {
  const sql = deps.store.sql;
  const [action, arg] = args;
  switch (action) {
    case "list": {
      const subs = await listSubscriptions(sql);
      for (const s of subs) out(subLine(s));
      if (subs.length === 0) out("no webhook subscriptions");
      return 0;
    }
    case "add": {
      const input = AddSchema.safeParse({ ...values, url: arg, ruleIds: values.rule });
      if (!input.success) throw new UsageError(`cannot subscribe: ${describeZodError(input.error)}`);
      const known = new Set((await listRules(sql, { ids: input.data.ruleIds })).map((r) => r.id));
      const missing = input.data.ruleIds.filter((id) => !known.has(id));
      if (missing.length > 0) throw new UsageError(`cannot subscribe: no such rule ${missing.join(", ")}`);
      const secret = input.data.secret ?? generateSecret();
      const sub = await insertSubscription(sql, newId("whk"), { ...input.data, secret, enabled: true });
      out(JSON.stringify({ subscription: hidden(sub), secret }, null, 2));
      out("the secret is shown only this once: give it to the receiver to verify webhook-signature");
      return 0;
    }
    case "enable":
    case "disable": {
      const sub = await mustGet(deps, arg);
      const updated = await updateSubscription(sql, sub.id, { ...sub, enabled: action === "enable" });
      if (updated) out(subLine(updated));
      return 0;
    }
    case "deliveries": {
      const sub = await mustGet(deps, arg);
      const limit = Limit.safeParse(values.limit);
      if (!limit.success) throw new UsageError(describeZodError(limit.error));
      const deliveries = await listDeliveries(sql, sub.id, limit.data);
      const attempts = await attemptsOf(
        sql,
        deliveries.map((d) => d.id),
      );
      out(`${subLine(sub)}`);
      for (const d of deliveries) {
        out(`${d.id}  ${d.status.padEnd(9)} alert ${d.alertId} v${d.alertVersion}  ${d.messageId}  ${d.createdAt}`);
        for (const t of attempts.get(d.id) ?? []) {
          const reply = t.responseExcerpt ? JSON.stringify(t.responseExcerpt.slice(0, 120)) : "";
          out(`  #${t.attempt}  ${t.at}  ${t.httpStatus ?? "---"}  ${t.latencyMs} ms  ${t.error ?? "ok"}  ${reply}`);
        }
      }
      if (deliveries.length === 0) out("no deliveries yet");
      return 0;
    }
    case "replay": {
      if (!arg) break;
      if (!deps.queues) throw new Error(`Redis does not answer at ${deps.redisUrl ?? "?"}: start it or set REDIS_URL`);
      try {
        const d = await replayDelivery({ store: deps.store, queues: deps.queues }, arg);
        out(`queued ${d.id} again (${d.messageId}, status ${d.status})`);
      } catch (error) {
        if (error instanceof SeismoError) throw new UsageError(`cannot replay: ${errorMessage(error)}`);
        throw error;
      }
      return 0;
    }
  }
  throw new UsageError(WEBHOOKS_USAGE);
}

/** `seismo webhooks …` on the configured store (and Redis for replay). */
export async function webhooks(argv: string[], out: (line: string) => void, err: (line: string) => void) {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    err(`${errorMessage(error)}\n${WEBHOOKS_USAGE}`);
    return 2;
  }
  try {
    return await withDeps(parsed.positionals[0] === "replay", (deps) =>
      runWebhooks(parsed.positionals, parsed.values, deps, out),
    );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(error.message);
    return 2;
  }
}
