import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { Registry } from "prom-client";

export interface ProbeServerOptions {
  port: number;
  host: string;
  /** The registry to expose; resolved per scrape, so it may appear after the server starts. */
  registry: () => Registry | undefined;
  /** Readiness: false while starting or draining (k8s then stops counting the pod as ready). */
  ready: () => boolean;
  logger: Logger;
}

export interface ProbeServer {
  port: number;
  /** Stops listening and drops idle keep-alive connections. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * A minimal HTTP server for processes that serve no API (workers): Prometheus `/metrics`, and
 * `/healthz` (the event loop answers) and `/readyz` (started and not shutting down) for probes.
 */
export async function startProbeServer(options: ProbeServerOptions): Promise<ProbeServer> {
  const { logger } = options;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
      return;
    }
    if (path === "/readyz") {
      const ready = options.ready();
      res.writeHead(ready ? 200 : 503, { "content-type": "text/plain" }).end(ready ? "ready\n" : "not ready\n");
      return;
    }
    if (path === "/metrics") {
      const registry = options.registry();
      if (!registry) {
        res.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end("");
        return;
      }
      registry.metrics().then(
        (text) => res.writeHead(200, { "content-type": registry.contentType }).end(text),
        (error: unknown) => {
          logger.error({ err: String(error) }, "metrics scrape failed");
          res.writeHead(500, { "content-type": "text/plain" }).end("metrics failed\n");
        },
      );
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ host: options.host, port }, "probe server listening (/metrics, /healthz, /readyz)");
  let closing: Promise<void> | undefined;
  return {
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
