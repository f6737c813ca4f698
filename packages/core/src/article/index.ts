import { z } from "zod";

/** What the extractor returns for one page. Dates are ISO 8601 strings or null when unknown. */
export const ExtractedArticleSchema = z.object({
  title: z.string().nullable(),
  byline: z.string().nullable(),
  published: z.string().nullable(),
  modified: z.string().nullable(),
  language: z.string().nullable(),
  siteName: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  leadImage: z.string().nullable(),
  /** Body text; paragraphs separated by a blank line ("\n\n"). */
  text: z.string(),
});
export type ExtractedArticle = z.infer<typeof ExtractedArticleSchema>;
