import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Hit {
  path: string;
  /** performance.now() when the request arrived. */
  at: number;
  headers: http.IncomingHttpHeaders;
}

export interface TestServer {
  /** http://127.0.0.1:PORT (or http://[::1]:PORT) */
  origin: string;
  port: number;
  hits: Hit[];
  /** Requests to one path, e.g. "/robots.txt". */
  hitsOn(path: string): Hit[];
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A real local HTTP server for tests; listens only on a loopback address. */
export async function startServer(handler: Handler, host: "127.0.0.1" | "::1" = "127.0.0.1"): Promise<TestServer> {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    hits.push({ path: req.url ?? "/", at: performance.now(), headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: host === "::1" ? `http://[::1]:${port}` : `http://127.0.0.1:${port}`,
    port,
    hits,
    hitsOn: (path) => hits.filter((h) => h.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
