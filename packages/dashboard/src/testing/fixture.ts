import type { Indicator } from "@seismo/core";
import { Store } from "@seismo/store";
import { Hono } from "hono";
import { registerDashboard } from "../index.ts";

/** One indicator per sentence: the evidence is `word` inside `sentence`. */
type Claim = Pick<Indicator, "type" | "modality" | "actors" | "places"> & { sentence: string; word: string };

const ARTICLES: Array<{ slug: string; source: 0 | 1; language: string; at: string; title: string; claims: Claim[] }> = [
  {
    slug: "north",
    source: 0,
    language: "sr-Latn",
    at: "2023-09-29T08:00:00Z",
    title: "Clashes in Zvečan, troops near Raška",
    claims: [
      {
        type: "clash",
        modality: "asserted",
        sentence: "Kosovo Police clashed with protesters in Zvečan.",
        word: "clashed",
        actors: ["Kosovo Police"],
        places: ["Zvečan"],
      },
      {
        type: "deployment",
        modality: "asserted",
        sentence: "The Serbian Army deployed units near Raška.",
        word: "deployed",
        actors: ["Serbian Army"],
        places: ["Raška"],
      },
    ],
  },
  {
    slug: "capital",
    source: 1,
    language: "en",
    at: "2023-09-30T14:00:00Z",
    title: "Protest in Pristina",
    claims: [
      {
        type: "protest",
        modality: "asserted",
        sentence: "Thousands protested in Pristina on Saturday.",
        word: "protested",
        actors: [],
        places: ["Pristina"],
      },
    ],
  },
  {
    slug: "monastery",
    source: 1,
    language: "en",
    at: "2023-09-24T10:00:00Z",
    title: "Gunfight at Banjska",
    claims: [
      {
        type: "clash",
        modality: "asserted",
        sentence: "Gunmen exchanged fire with Kosovo Police at Banjska.",
        word: "exchanged fire",
        actors: ["Kosovo Police"],
        places: ["Banjska"],
      },
    ],
  },
];

export interface Fixture {
  store: Store;
  app: Hono;
  tokens: Record<"operator" | "analyst" | "viewer", string>;
  sources: [string, string];
  articles: Record<string, string>;
  /** Request options carrying `role`'s session cookie. */
  as: (role: "operator" | "analyst" | "viewer") => RequestInit;
  html: (path: string, role?: "operator" | "analyst" | "viewer") => Promise<string>;
}

/**
 * A PGlite store with two tagged sources and three articles (Serbian and English) naming places in
 * the Mitrovica, Raška District and Pristina regions, and the dashboard mounted on it.
 */
export async function openFixture(): Promise<Fixture> {
  const store = await Store.open({ kind: "pglite" });
  const app = new Hono();
  registerDashboard(app, { store });
  const tokens = { operator: "", analyst: "", viewer: "" };
  for (const role of ["operator", "analyst", "viewer"] as const)
    tokens[role] = (await store.tokens.create(role, role)).token;
  const a = await store.sources.upsert({
    name: "Sever Wire",
    url: "https://sever.example/feed",
    tags: { perspective: "serbian" },
  });
  const b = await store.sources.upsert({
    name: "Prishtina Daily",
    url: "https://pd.example/feed",
    tags: { perspective: "kosovar" },
  });
  const sources: [string, string] = [a.id, b.id];
  const articles: Record<string, string> = {};
  for (const x of ARTICLES) {
    const text = x.claims.map((c) => c.sentence).join(" ");
    const { article } = await store.articles.upsert({
      sourceId: sources[x.source],
      url: `https://example.org/${x.slug}`,
      canonicalUrl: `https://example.org/${x.slug}`,
      title: x.title,
      byline: null,
      publishedAt: x.at,
      language: x.language,
      text,
    });
    articles[x.slug] = article.id;
    await store.indicators.replaceForArticle(
      article,
      x.claims.map((c) => {
        const start = text.indexOf(c.word);
        return {
          type: c.type,
          modality: c.modality,
          evidence: { text: c.word, start, end: start + c.word.length, sentence: c.sentence },
          actors: c.actors,
          places: c.places,
          confidence: 0.9,
          intensity: 0.5,
        };
      }),
    );
  }
  const as = (role: keyof typeof tokens): RequestInit => ({ headers: { cookie: `seismo_session=${tokens[role]}` } });
  const html = async (path: string, role: keyof typeof tokens = "analyst") => {
    const res = await app.request(path, as(role));
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return res.text();
  };
  return { store, app, tokens, sources, articles, as, html };
}
