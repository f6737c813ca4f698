import { createServer, type Server } from "node:http";

export interface FixtureSite {
  feedUrl: string;
  /** Article page requests served so far. */
  pageHits(): number;
  close(): Promise<void>;
}

const PLACES = ["Zvečan", "Leposavić", "Mitrovica", "Banjska", "Jarinje", "Pristina", "Raška", "Novi Pazar"];

/** The article page for number `i`: unique text that the tagger marks with a clash. */
export function articleHtml(i: number): string {
  const place = PLACES[i % PLACES.length];
  const title = `Report ${i}: police and gunmen clash near ${place}`;
  const body = [
    `Police officers exchanged fire with a group of armed men near ${place} on Tuesday, officials said in report number ${i}.`,
    `Two officers were wounded in the clash, according to a statement issued by the interior ministry on the evening of day ${i % 28}.`,
    `Local residents described hearing gunfire for more than an hour before the shooting stopped; item ${i} of the fixture feed.`,
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><article><h1>${title}</h1><time datetime="2023-10-0${(i % 9) + 1}T10:00:00Z">October 2023</time>
${body.map((p) => `<p>${p}</p>`).join("\n")}</article></body></html>`;
}

function feedXml(base: string, count: number): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    items.push(
      `<item><title>Report ${i}</title><link>${base}/a/${i}</link><guid>${base}/a/${i}</guid>` +
        `<pubDate>Tue, 03 Oct 2023 10:00:00 GMT</pubDate></item>`,
    );
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Fault fixtures</title>
<link>${base}/</link><description>generated</description>${items.join("\n")}</channel></rss>`;
}

/**
 * Serves an RSS feed of `count` items and their article pages, generated on request, on a free
 * loopback port. `pageDelayMs` holds every page response so jobs stay in flight for a while.
 */
export async function startFixtureSite(options: { count: number; pageDelayMs?: number }): Promise<FixtureSite> {
  let hits = 0;
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/feed.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
      res.end(feedXml(base, options.count));
      return;
    }
    const match = /^\/a\/(\d+)$/.exec(path);
    if (match) {
      hits++;
      const send = () => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(articleHtml(Number(match[1])));
      };
      if (options.pageDelayMs) setTimeout(send, options.pageDelayMs);
      else send();
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  base = `http://127.0.0.1:${port}`;
  return {
    feedUrl: `${base}/feed.xml`,
    pageHits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
