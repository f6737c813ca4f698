import type { FeedItem, ParsedFeed } from "@seismo/core";
import { z } from "zod";
import { normalizeDate } from "../dates/index.ts";
import { resolveUrl } from "../urls/index.ts";

// Lenient on purpose: a wrong type in one field drops that field, not the feed.
const str = z
  .unknown()
  .transform((v) => (typeof v === "string" ? v.trim() || null : typeof v === "number" ? String(v) : null));
const AuthorSchema = z.object({ name: str.optional(), url: str.optional() }).catch({});
const ItemSchema = z
  .object({
    id: str.optional(),
    url: str.optional(),
    external_url: str.optional(),
    title: str.optional(),
    content_html: str.optional(),
    content_text: str.optional(),
    summary: str.optional(),
    date_published: str.optional(),
    date_modified: str.optional(),
    author: AuthorSchema.optional(),
    authors: z.array(AuthorSchema).catch([]).optional(),
  })
  .catch({});
const FeedSchema = z.object({
  version: str.optional(),
  title: str.optional(),
  home_page_url: str.optional(),
  feed_url: str.optional(),
  author: AuthorSchema.optional(),
  authors: z.array(AuthorSchema).catch([]).optional(),
  items: z.array(z.unknown()).catch([]).optional(),
});
type JsonAuthor = z.infer<typeof AuthorSchema>;

/** JSON Feed is recognised by its version URL, or failing that by the shape of its items. */
export function isJsonFeed(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const version = (value as { version?: unknown }).version;
  if (typeof version === "string" && /jsonfeed\.org\/version\//i.test(version)) return true;
  const items = (value as { items?: unknown }).items;
  return Array.isArray(items) && ("title" in value || "home_page_url" in value) && typeof version === "string";
}

function authorName(single: JsonAuthor | undefined, many: JsonAuthor[] | undefined): string | null {
  // 1.1 deprecates `author` in favour of `authors`; feeds carry either.
  for (const a of [...(many ?? []), ...(single ? [single] : [])]) if (a.name) return a.name;
  return null;
}

export function parseJsonFeed(value: unknown, pageUrl: string | null): ParsedFeed {
  const feed = FeedSchema.parse(value);
  const base = resolveUrl(feed.feed_url, pageUrl) ?? pageUrl;
  const link = resolveUrl(feed.home_page_url, base);
  const feedAuthor = authorName(feed.author, feed.authors);
  const items: FeedItem[] = (feed.items ?? []).map((raw) => {
    const item = ItemSchema.parse(raw);
    const url = resolveUrl(item.url ?? item.external_url, base, link);
    const updated = normalizeDate(item.date_modified);
    return {
      id: item.id ?? url,
      url,
      title: item.title ?? null,
      published: normalizeDate(item.date_published) ?? updated,
      updated,
      author: authorName(item.author, item.authors) ?? feedAuthor,
      summary: item.summary ?? null,
      content: item.content_html ?? item.content_text ?? null,
    };
  });
  return { kind: "json", title: feed.title ?? null, link, items, warnings: [] };
}
