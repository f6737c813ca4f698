import { z } from "zod";

export const FEED_KINDS = ["rss", "rdf", "atom", "json", "sitemap", "sitemap-index", "html"] as const;
export const FeedKindSchema = z.enum(FEED_KINDS);
export type FeedKind = z.infer<typeof FeedKindSchema>;

export const FeedItemSchema = z.object({
  /** guid/id when the feed gives one, else the link. */
  id: z.string().nullable(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  updated: z.string().nullable(),
  author: z.string().nullable(),
  summary: z.string().nullable(),
  content: z.string().nullable(),
});
export type FeedItem = z.infer<typeof FeedItemSchema>;

export const ParsedFeedSchema = z.object({
  kind: FeedKindSchema,
  title: z.string().nullable(),
  link: z.string().nullable(),
  items: z.array(FeedItemSchema),
  /** Problems met while parsing that did not stop it (bad entity, unclosed tag…). */
  warnings: z.array(z.string()),
});
export type ParsedFeed = z.infer<typeof ParsedFeedSchema>;
