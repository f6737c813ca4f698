import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** What a hostile page does; each route of the server is one attack. */
type Route = (req: IncomingMessage, res: ServerResponse, server: HostileServer) => void;

export interface HostileServer {
  /** http://127.0.0.1:PORT */
  base: string;
  port: number;
  /** Requests received per path. */
  hits: Map<string, number>;
  /** Connections accepted so far (an SSRF refusal must not open one). */
  connections(): number;
  /** Sockets of slow responses, closed by the client (bytes written before it gave up). */
  abandoned: Array<{ path: string; bytesWritten: number }>;
  /** Adds or replaces a route at test time. */
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export const BOMB_BYTES = 256 * 1024 * 1024;
export const BIG_PAGE_BYTES = 50 * 1024 * 1024;

let bombs: { gzip: Buffer; br: Buffer } | null = null;
/** 256 MiB of zeros compressed to a few hundred kB; built once, at test time (never committed). */
export function compressionBombs(): { gzip: Buffer; br: Buffer } {
  if (!bombs) {
    const zeros = Buffer.alloc(BOMB_BYTES, 0x20);
    bombs = {
      gzip: gzipSync(zeros, { level: 9 }),
      br: brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    };
  }
  return bombs;
}

const OK_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Calm page</title></head><body>
<article><h1>Calm page</h1><p>Officials met in Brussels on Monday to continue talks, and both delegations described
the meeting as constructive, according to a joint statement released in the evening.</p></article></body></html>`;

function streamBig(req: IncomingMessage, res: ServerResponse, server: HostileServer, withLength: boolean) {
  const chunk = Buffer.from(`<p>${"lorem ipsum dolor sit amet ".repeat(2400)}</p>\n`);
  res.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    ...(withLength ? { "content-length": String(BIG_PAGE_BYTES) } : {}),
  });
  let sent = 0;
  const path = req.url ?? "";
  const pump = () => {
    while (sent < BIG_PAGE_BYTES) {
      const piece = chunk.subarray(0, Math.min(chunk.length, BIG_PAGE_BYTES - sent));
      sent += piece.length;
      if (!res.write(piece)) return void res.once("drain", pump);
    }
    res.end();
  };
  res.on("close", () => {
    if (sent < BIG_PAGE_BYTES) server.abandoned.push({ path, bytesWritten: sent });
  });
  pump();
}

function drip(req: IncomingMessage, res: ServerResponse, server: HostileServer) {
  // Slowloris: headers at once, then one byte every 300 ms, forever.
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  let sent = 0;
  const timer = setInterval(() => {
    res.write("a");
    sent++;
  }, 300);
  res.on("close", () => {
    clearInterval(timer);
    server.abandoned.push({ path: req.url ?? "", bytesWritten: sent });
  });
}

const ROUTES: Record<string, Route> = {
  "/ok": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(OK_PAGE);
  },
  "/robots.txt": (_req, res) => {
    res.writeHead(404);
    res.end();
  },
  "/gzip-bomb": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
    res.end(compressionBombs().gzip);
  },
  "/brotli-bomb": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "br" });
    res.end(compressionBombs().br);
  },
  "/gzip-bomb.xml": (_req, res) => {
    res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
    res.end(compressionBombs().gzip);
  },
  "/big": (req, res, server) => streamBig(req, res, server, false),
  "/big-with-length": (req, res, server) => streamBig(req, res, server, true),
  "/slowloris": drip,
  "/no-headers": (req, _res, server) => {
    // Accepts the request and never answers.
    req.socket.on("close", () => server.abandoned.push({ path: req.url ?? "", bytesWritten: 0 }));
  },
};

/** Serves the hostile corpus and its generated attacks on a free loopback port. */
export async function startHostileServer(): Promise<HostileServer> {
  const routes = new Map<string, Route>(Object.entries(ROUTES));
  let connections = 0;
  const hits = new Map<string, number>();
  const self: HostileServer = {
    base: "",
    port: 0,
    hits,
    connections: () => connections,
    abandoned: [],
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const loop = /^\/redirect\/(\d+)$/.exec(url.pathname);
    if (loop) {
      // Endless redirects: every hop points one further.
      res.writeHead(302, { location: `/redirect/${Number(loop[1]) + 1}` });
      res.end();
      return;
    }
    if (url.pathname === "/redirect-to") {
      res.writeHead(302, { location: url.searchParams.get("to") ?? "/" });
      res.end();
      return;
    }
    const handler = routes.get(url.pathname);
    if (handler) return handler(req, res, self);
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  self.port = typeof address === "object" && address ? address.port : 0;
  self.base = `http://127.0.0.1:${self.port}`;
  return self;
}
