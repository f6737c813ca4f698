import { z } from "@hono/zod-openapi";
import { INDICATOR_TYPES, MODALITIES } from "@seismo/core";

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }) })
  .openapi("Error");

export const IndicatorOut = z
  .object({
    id: z.string(),
    type: z.enum(INDICATOR_TYPES),
    modality: z.enum(MODALITIES),
    evidence: z.object({ text: z.string(), start: z.number().int(), end: z.number().int(), sentence: z.string() }),
    actors: z.array(z.string()),
    places: z.array(z.string()),
    confidence: z.number(),
    intensity: z.number(),
  })
  .openapi("Indicator");

/** An indicator with its day and article, as the indicator search returns it (registered under two names). */
export const IndicatorHitOut = IndicatorOut.extend({
  day: z.string(),
  article: z.object({
    id: z.string(),
    title: z.string().nullable(),
    url: z.string(),
    sourceId: z.string().nullable(),
    publishedAt: z.string().nullable(),
  }),
});

export const ArticleOut = z
  .object({
    id: z.string(),
    sourceId: z.string().nullable(),
    url: z.string(),
    canonicalUrl: z.string(),
    title: z.string().nullable(),
    byline: z.string().nullable(),
    publishedAt: z.string().nullable(),
    language: z.string().nullable(),
    fetchedAt: z.string(),
    eventDay: z.string(),
    storyId: z.string().nullable(),
    duplicateOf: z.string().nullable(),
    excerpt: z.string(),
    indicators: z.array(IndicatorOut),
  })
  .openapi("Article");

export const SeriesOut = z
  .object({
    type: z.enum(INDICATOR_TYPES),
    total: z.number().int(),
    points: z.array(
      z.object({
        t: z.string(),
        count: z.number().int(),
        intensity: z.number(),
        baseline: z.object({ mean: z.number(), sd: z.number() }).nullable(),
        z: z.number().nullable(),
      }),
    ),
  })
  .openapi("TrendSeries");

export const TrendPointOut = z
  .object({
    day: z.string().openapi({ description: "period start: YYYY-MM-DD, or YYYY-MM-DDTHH:00Z at hour resolution" }),
    type: z.enum(INDICATOR_TYPES),
    count: z.number().int(),
    intensity: z.number(),
  })
  .openapi("TrendPoint");

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(values)))
    .optional();

export const TrendsQuery = z.object({
  from: isoDay.optional().openapi({ description: "first day (inclusive); default 30 days before `to`" }),
  to: isoDay.optional().openapi({ description: "last day (inclusive); default today (UTC)" }),
  type: csv(INDICATOR_TYPES).openapi({ description: "comma-separated indicator types", type: "string" }),
  modality: csv(MODALITIES).openapi({
    description: "comma-separated modalities counted; default asserted,intent",
    type: "string",
  }),
  sourceId: z.string().optional(),
  sourceTag: z
    .string()
    .regex(/^[^:]+:.+$/, "expected key:value, e.g. perspective:serbian")
    .max(200)
    .optional()
    .openapi({ description: "sources carrying this tag, as key:value (e.g. perspective:serbian, country:XK)" }),
  place: z.string().min(1).max(100).optional().openapi({ description: "any spelling: Zvečan, Zvecan, Звечан" }),
  region: z.string().min(1).max(100).optional().openapi({
    description: "admin region of the gazetteer (district or okrug), any spelling: Mitrovica, Raška District",
  }),
  language: z
    .string()
    .min(2)
    .max(10)
    .optional()
    .openapi({ description: "article language; primary subtag, so sr also matches sr-Latn" }),
  resolution: z.enum(["hour", "day", "week"]).default("day").openapi({
    description: "hour buckets are UTC and limited to 14 days; day and week to 10 years",
  }),
  baselineWindow: z.coerce
    .number()
    .int()
    .min(1)
    .max(168)
    .optional()
    .openapi({ description: "periods in the rolling baseline (default 24 hours, 14 days or 8 weeks)" }),
});

export const ArticlesQuery = z.object({
  q: z.string().max(200).optional().openapi({ description: "full-text words, any script: Zvečan = Zvecan = Звечан" }),
  type: csv(INDICATOR_TYPES).openapi({ type: "string", description: "has an indicator of these types" }),
  modality: csv(MODALITIES).openapi({ type: "string" }),
  place: z.string().max(100).optional(),
  sourceId: z.string().optional(),
  language: z.string().max(10).optional(),
  framing: z
    .string()
    .regex(/^[a-z0-9-]+(:[a-z0-9-]+)?$/, "expected a marker id, or marker:variant")
    .optional()
    .openapi({
      description:
        "has this framing marker (territory-name, boundary, …), or marker:variant (boundary:serbian-official)",
    }),
  from: isoDay.optional(),
  to: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});

/** An OpenAPI response of JSON with this schema. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The error responses every authenticated route can give, in the one error shape. */
export const authErrors = (forbidden = "role too low") => ({
  400: json(ErrorSchema, "invalid input"),
  401: json(ErrorSchema, "no or bad token"),
  403: json(ErrorSchema, forbidden),
  404: json(ErrorSchema, "not found"),
});

export const IdParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });
