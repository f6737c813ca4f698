import { errorMessage, SeismoError } from "@seismo/core";
import { createTransport } from "nodemailer";
import { z } from "zod";
import type { AlertMessage } from "../webhooks/payload.ts";

/**
 * An e-mail subscription is a subscription whose URL is `mailto:address`: it keeps the same rule
 * filter, delivery log, retries, replay and auto-disable as a webhook, and needs no extra column.
 */
export const isEmailUrl = (url: string): boolean => url.slice(0, 7).toLowerCase() === "mailto:";

const Address = z.email();

/** The address of a `mailto:` URL (one recipient, no query); null when it is not one. */
export function emailAddressOf(url: string): string | null {
  if (!isEmailUrl(url)) return null;
  let address: string;
  try {
    address = decodeURIComponent(url.slice(7));
  } catch {
    return null;
  }
  return Address.safeParse(address).success ? address : null;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The delivery's message id (as the webhook-id): the same on every retry, for dedupe. */
  messageId: string;
}

/** Sends alert e-mail; `send` resolves with the SMTP reply, or throws (5xx: not retryable). */
export interface Mailer {
  send(mail: Mail): Promise<{ status: number; body: string }>;
  close(): void;
}

/** A mailer on an SMTP URL (`smtp://user:pass@host:587`, `smtps://…`), sending from `from`. */
export function createMailer(options: { url: string; from: string; timeoutMs?: number }): Mailer {
  const timeout = options.timeoutMs ?? 15_000;
  const transport = createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: `<${mail.messageId}@seismo>`,
          headers: { "X-Seismo-Message-ID": mail.messageId },
        });
        const reply = String(info.response ?? "250 accepted");
        return { status: Number(/^\d{3}/.exec(reply)?.[0] ?? 250), body: reply };
      } catch (err) {
        const code = (err as { responseCode?: unknown }).responseCode;
        // 5xx is the server's final word (no such mailbox, relay refused); 4xx and network errors may pass.
        const permanent = typeof code === "number" && code >= 500;
        throw new SeismoError(permanent ? "bad_request" : "unavailable", `SMTP: ${errorMessage(err)}`, {
          retryable: !permanent,
          cause: err,
        });
      }
    },
    close: () => transport.close(),
  };
}

/** Subject and plain text of an alert e-mail, from the stored (standard) delivery body. */
export function renderEmail(body: string): { subject: string; text: string } {
  const parsed = JSON.parse(body) as { data?: AlertMessage };
  const m = parsed.data;
  if (!m?.alert) throw new SeismoError("invalid_payload", "delivery body is not an alert message");
  const prefix = m.type === "alert.updated" ? "Updated: " : "";
  const numbers = Object.entries(m.alert.numbers)
    .filter(([, v]) => v !== null && typeof v !== "object")
    .map(([k, v]) => `  ${k}: ${v}`);
  const evidence = m.alert.evidence.map((e) => `  “${e.sentence}”\n  ${e.title ?? "source"} — ${e.url}`);
  const text = [
    m.alert.summary,
    "",
    `Rule: ${m.rule.name}`,
    `Story: ${m.story.title} (${m.story.articleCount} articles)`,
    `Open: ${m.dashboardUrl}`,
    ...(numbers.length > 0 ? ["", "Numbers:", ...numbers] : []),
    ...(evidence.length > 0 ? ["", "Evidence:", ...evidence] : []),
    "",
    `Alert ${m.alert.id}, version ${m.alert.version}.`,
  ].join("\n");
  return { subject: `${prefix}${m.alert.title}`.slice(0, 200), text };
}

/** One attempt at an e-mail delivery, in the shape of an HTTP attempt (status = SMTP reply code). */
export async function sendAlertEmail(
  mailer: Mailer | undefined,
  url: string,
  delivery: { body: string; messageId: string },
): Promise<{ status: number; body: string }> {
  const to = emailAddressOf(url);
  if (!to) throw new SeismoError("bad_request", `${url} is not a mailto: address`, { retryable: false });
  if (!mailer) throw new SeismoError("unavailable", "no SMTP server configured (SEISMO_SMTP_URL)");
  return mailer.send({ to, messageId: delivery.messageId, ...renderEmail(delivery.body) });
}
