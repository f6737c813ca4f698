import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { sampleArticles } from "../fixtures/index.ts";
import { createSampleApp } from "./app.ts";

export interface SampleSourceOptions {
  /** Interface to bind; loopback by default so the sample never leaves the machine. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Shift every fixture date so the newest sits just before this moment (see FIXTURE_BASE_DATE). */
  baseDate?: Date;
}

export interface SampleSource {
  /** Absolute URL of the RSS feed, e.g. "http://127.0.0.1:41234/feed.xml". */
  feedUrl: string;
  /** e.g. "http://127.0.0.1:41234". */
  origin: string;
  /** Stops listening and drops idle keep-alive connections; safe to call more than once. */
  close(): Promise<void>;
}

export async function startSampleSource(options: SampleSourceOptions = {}): Promise<SampleSource> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  const articles = sampleArticles(options.baseDate === undefined ? {} : { baseDate: options.baseDate });

  let origin = "";
  const app = createSampleApp({ articles, origin: () => origin });
  const server = createServer(getRequestListener(app.fetch));

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const hostPart =
    address.family === "IPv6" || address.address.includes(":") ? `[${address.address}]` : address.address;
  origin = `http://${hostPart}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    origin,
    feedUrl: `${origin}/feed.xml`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets from fetch() would otherwise hold close() open for seconds.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
