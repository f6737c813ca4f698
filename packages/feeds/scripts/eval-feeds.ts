/**
 * Measures parseFeed against the expected outputs of two other parsers' test suites (gofeed,
 * rss-parser). Run: `npx tsx packages/feeds/scripts/eval-feeds.ts [dataDir] [--mismatches]`.
 * Prints a table per format and field, then the same numbers as JSON.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ParsedFeed } from "@seismo/core";
import { FeedParseError, parseFeed } from "../src/index.ts";

const FIELDS = ["feedTitle", "title", "link", "id", "published", "author", "summary", "content"] as const;
type Field = (typeof FIELDS)[number];
type ItemExpectation = Partial<Record<Exclude<Field, "feedTitle">, string | null | undefined>>;
interface Expectation {
  /** "error" when the parser should refuse the body. */
  kind?: string;
  feedTitle?: string | null | undefined;
  items?: ItemExpectation[] | ((kind: string) => ItemExpectation[]);
}
interface Case {
  group: string;
  name: string;
  file: string;
  expected: Expectation;
}

const args = process.argv.slice(2);
const showMismatches = args.includes("--mismatches");
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(args.find((a) => !a.startsWith("--")) ?? join(here, "../../../../shared/data/feeds"));

type Json = Record<string, unknown>;
const readJson = (path: string): Json => JSON.parse(readFileSync(path, "utf8")) as Json;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const obj = (v: unknown): Json => (v && typeof v === "object" ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function gofeedRssItem(it: Json): ItemExpectation {
  return {
    title: str(it.title),
    link: str(it.link),
    id: str(obj(it.guid).value),
    published: str(it.pubDateParsed),
    author: str(it.author) ?? str(arr(obj(it.dcExt).creator)[0]) ?? str(obj(it.itunesExt).author),
    summary: str(it.description),
    content: str(it.content),
  };
}

function gofeedAtomEntry(it: Json): ItemExpectation {
  const links = arr(it.links).map(obj);
  const alt = links.find((l) => (str(l.rel) ?? "alternate") === "alternate") ?? links[0];
  const author = obj(arr(it.authors)[0]);
  return {
    title: str(it.title),
    link: alt ? str(alt.href) : undefined,
    id: str(it.id),
    published: str(it.publishedParsed),
    author: str(author.name) ?? str(author.email),
    summary: str(obj(it.summary).value) ?? str(it.summary),
    content: str(obj(it.content).value),
  };
}

function jsonFeedItem(it: Json): ItemExpectation {
  const author = obj(arr(it.authors)[0] ?? it.author);
  return {
    title: str(it.title),
    link: str(it.url),
    id: str(it.id),
    published: str(it.date_published),
    author: str(author.name),
    summary: str(it.summary),
    content: str(it.content_html) ?? str(it.content_text),
  };
}

function rssParserItem(it: Json, kind: string): ItemExpectation {
  const encoded = str(it["content:encoded"]);
  // rss-parser puts RSS <description> in `content` and content:encoded apart; for Atom, `content`
  // is <content> and `summary` is <summary>.
  if (kind === "atom") {
    return {
      title: str(it.title),
      link: str(it.link),
      id: str(it.id) ?? str(it.guid),
      published: str(it.isoDate),
      author: str(it.author) ?? str(it.creator),
      summary: str(it.summary),
      content: str(it.content),
    };
  }
  return {
    title: str(it.title),
    link: str(it.link),
    id: str(it.guid) ?? str(it.id),
    published: str(it.isoDate),
    author: str(it.creator) ?? str(it.author),
    summary: str(it.content),
    content: encoded,
  };
}

function collectCases(): Case[] {
  const cases: Case[] = [];
  const gofeed = join(dataDir, "gofeed/parser");
  for (const fmt of ["rss", "atom"]) {
    const dir = join(gofeed, fmt);
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".xml"))) {
      const exp = readJson(join(dir, f.replace(/\.xml$/, ".json")));
      const group =
        fmt === "atom"
          ? f.startsWith("atom03")
            ? "gofeed/atom03"
            : "gofeed/atom10"
          : f.includes("rdf")
            ? "gofeed/rdf"
            : "gofeed/rss";
      const items =
        fmt === "atom"
          ? arr(exp.entries).map((e) => gofeedAtomEntry(obj(e)))
          : arr(exp.items).map((e) => gofeedRssItem(obj(e)));
      cases.push({ group, name: f, file: join(dir, f), expected: { feedTitle: str(exp.title), items } });
    }
  }
  const jsonDir = join(gofeed, "json");
  for (const f of readdirSync(jsonDir).filter((n) => n.endsWith(".json") && !n.endsWith("_expected.json"))) {
    const exp = readJson(join(jsonDir, f.replace(/\.json$/, "_expected.json")));
    const items = arr(exp.items).map((e) => jsonFeedItem(obj(e)));
    cases.push({
      group: "gofeed/json",
      name: f,
      file: join(jsonDir, f),
      expected: { feedTitle: str(exp.title), items },
    });
  }
  cases.push({
    group: "gofeed/json",
    name: "invalid/invalid.json",
    file: join(jsonDir, "invalid/invalid.json"),
    expected: { kind: "error" },
  });
  const detect: Record<string, string> = {
    "atom03_feed.xml": "atom",
    "atom10_feed.xml": "atom",
    "empty_feed.xml": "error",
    "invalid.json": "error",
    "json10_feed.json": "json",
    "json11_feed.json": "json",
    "rdf_feed.xml": "rdf",
    "rss_feed.xml": "rss",
    "rss_feed_bom.xml": "rss",
    "rss_feed_leading_spaces.xml": "rss",
    "sample.json": "json",
    "unknown_feed.xml": "error",
  };
  for (const [f, kind] of Object.entries(detect)) {
    const feedTitle = f.endsWith(".xml") && kind !== "error" ? "Feed Title" : undefined;
    cases.push({ group: "gofeed/detect", name: f, file: join(gofeed, "universal", f), expected: { kind, feedTitle } });
  }
  const rp = join(dataDir, "rss-parser");
  for (const f of readdirSync(join(rp, "input"))) {
    const out = join(rp, "output", f.replace(/\.\w+$/, ".json"));
    const ext = f.endsWith(".atom") ? "atom" : "rss";
    if (!existsSync(out)) {
      // rss-parser refuses unrecognized.rss (an HTML redirect page); the other has no stored output.
      const expected = f === "unrecognized.rss" ? { kind: "error" } : {};
      cases.push({ group: `rss-parser/${ext}`, name: f, file: join(rp, "input", f), expected });
      continue;
    }
    const feed = obj(readJson(out).feed);
    const items = (kind: string) => arr(feed.items).map((e) => rssParserItem(obj(e), kind));
    cases.push({
      group: `rss-parser/${ext}`,
      name: f,
      file: join(rp, "input", f),
      expected: { feedTitle: str(feed.title), items },
    });
  }
  return cases;
}

const squash = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .replace(/\s*\/>/g, "/>")
    .trim();
function normalizeUrl(s: string): string {
  try {
    return new URL(s.trim()).href;
  } catch {
    return s.trim();
  }
}

function same(field: Field, expected: string, actual: string | null | undefined): boolean {
  if (actual === null || actual === undefined) return false;
  if (field === "published") return Date.parse(expected) === Date.parse(actual);
  if (field === "link") return normalizeUrl(expected) === normalizeUrl(actual);
  return squash(expected) === squash(actual);
}

interface Tally {
  cases: number;
  parsed: number;
  fields: Record<Field, { match: number; total: number }>;
}
const newTally = (): Tally => ({
  cases: 0,
  parsed: 0,
  fields: Object.fromEntries(FIELDS.map((f) => [f, { match: 0, total: 0 }])) as Tally["fields"],
});

interface Mismatch {
  case: string;
  item: number | null;
  field: Field | "kind";
  expected: string;
  actual: string | null;
}

function run(): void {
  const tallies = new Map<string, Tally>();
  const mismatches: Mismatch[] = [];
  for (const c of collectCases()) {
    let feed: ParsedFeed | null = null;
    let error: unknown = null;
    try {
      feed = parseFeed(readFileSync(c.file));
    } catch (e) {
      error = e;
    }
    // rss-parser's file extensions do not say the format (reddit-atom.rss is RSS, rss-1.rss is RDF).
    const group = c.group.startsWith("rss-parser/") && feed ? `rss-parser/${feed.kind}` : c.group;
    const t = tallies.get(group) ?? newTally();
    tallies.set(group, t);
    t.cases++;
    const name = `${group}/${basename(c.file)}`;
    if (error && !(error instanceof FeedParseError)) throw error;
    if (c.expected.kind === "error") {
      if (error) t.parsed++;
      else mismatches.push({ case: name, item: null, field: "kind", expected: "error", actual: feed?.kind ?? null });
      continue;
    }
    if (!feed) {
      mismatches.push({
        case: name,
        item: null,
        field: "kind",
        expected: c.expected.kind ?? "feed",
        actual: String(error),
      });
      continue;
    }
    if (c.expected.kind && c.expected.kind !== feed.kind) {
      mismatches.push({ case: name, item: null, field: "kind", expected: c.expected.kind, actual: feed.kind });
      continue;
    }
    t.parsed++;
    const check = (
      field: Field,
      item: number | null,
      expected: string | null | undefined,
      actual: string | null | undefined,
    ) => {
      if (expected === undefined || expected === null || expected.trim() === "") return;
      t.fields[field].total++;
      if (same(field, expected, actual)) t.fields[field].match++;
      else mismatches.push({ case: name, item, field, expected, actual: actual ?? null });
    };
    check("feedTitle", null, c.expected.feedTitle, feed.title);
    const expectedItems =
      typeof c.expected.items === "function" ? c.expected.items(feed.kind) : (c.expected.items ?? []);
    expectedItems.forEach((exp, i) => {
      const got = feed?.items[i];
      check("title", i, exp.title, got?.title);
      check("link", i, exp.link, got?.url);
      check("id", i, exp.id, got?.id);
      check("published", i, exp.published, got?.published);
      check("author", i, exp.author, got?.author);
      check("summary", i, exp.summary, got?.summary);
      check("content", i, exp.content, got?.content);
    });
  }

  const total = newTally();
  const header = ["format", "parsed", ...FIELDS];
  const rows: string[][] = [];
  for (const [group, t] of [...tallies.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    total.cases += t.cases;
    total.parsed += t.parsed;
    for (const f of FIELDS) {
      total.fields[f].match += t.fields[f].match;
      total.fields[f].total += t.fields[f].total;
    }
    rows.push([group, `${t.parsed}/${t.cases}`, ...FIELDS.map((f) => `${t.fields[f].match}/${t.fields[f].total}`)]);
  }
  rows.push([
    "TOTAL",
    `${total.parsed}/${total.cases}`,
    ...FIELDS.map((f) => `${total.fields[f].match}/${total.fields[f].total}`),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r));
  console.log(`\n"parsed" counts cases handled as expected (a feed, or a typed error where one is expected).`);
  const summary = Object.fromEntries([...tallies.entries()].map(([g, t]) => [g, t]));
  console.log(
    JSON.stringify({ dataDir, summary: { ...summary, TOTAL: total }, mismatchCount: mismatches.length }, null, 2),
  );
  if (showMismatches) console.log(JSON.stringify(mismatches, null, 2));
}

run();
