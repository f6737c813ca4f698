import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { INDICATOR_TYPES, MODALITIES } from "@seismo/core";
import type { IndicatorHit, IndicatorSearch, Store } from "@seismo/store";
import { PLACES } from "@seismo/tagger";
import { stream } from "hono/streaming";
import { requireRole } from "../auth/index.ts";
import { ErrorSchema, IndicatorHitOut } from "./schemas.ts";

const csvList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(values)))
    .optional();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

const Query = z.object({
  type: csvList(INDICATOR_TYPES).openapi({ type: "string", description: "comma-separated types" }),
  modality: csvList(MODALITIES).openapi({ type: "string", description: "comma-separated; default all four" }),
  place: z.string().max(100).optional(),
  sourceId: z.string().optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().optional(),
  format: z.enum(["json", "jsonl", "csv", "geojson"]).default("json").openapi({
    description: "jsonl, csv and geojson stream every match; geojson has one point per indicator × gazetteer place",
  }),
});

const Hit = IndicatorHitOut.openapi("IndicatorHit");

const route = createRoute({
  method: "get",
  path: "/api/v1/indicators",
  tags: ["indicators"],
  summary: "Indicators with their evidence sentences (analyst); CSV and JSON lines exports stream every match",
  security: [{ bearer: [] }],
  middleware: requireRole("analyst"),
  request: { query: Query },
  responses: {
    200: {
      description: "newest day first; `next` is the cursor of the following page",
      content: {
        "application/json": { schema: z.object({ indicators: z.array(Hit), next: z.string().nullable() }) },
        "text/csv": { schema: z.string() },
        "application/x-ndjson": { schema: z.string() },
        "application/geo+json": { schema: z.string() },
      },
    },
    400: { description: "bad query", content: { "application/json": { schema: ErrorSchema } } },
    401: { description: "no or bad token", content: { "application/json": { schema: ErrorSchema } } },
    403: { description: "role too low", content: { "application/json": { schema: ErrorSchema } } },
  },
});

const CSV_COLUMNS = [
  "day",
  "type",
  "modality",
  "evidence",
  "sentence",
  "places",
  "actors",
  "confidence",
  "intensity",
  "title",
  "url",
];
const PLACE_POINTS = new Map(PLACES.map((p) => [p.name, p]));

/** GeoJSON features of one indicator: a point per place the gazetteer can locate. */
function features(h: IndicatorHit): string[] {
  return h.places.flatMap((name) => {
    const place = PLACE_POINTS.get(name);
    if (!place) return [];
    return [
      JSON.stringify({
        type: "Feature",
        geometry: { type: "Point", coordinates: [place.lon, place.lat] },
        properties: {
          id: h.id,
          day: h.day,
          type: h.type,
          modality: h.modality,
          place: place.name,
          admin: place.admin,
          evidence: h.evidence.text,
          sentence: h.evidence.sentence,
          intensity: h.intensity,
          title: h.article.title,
          url: h.article.url,
        },
      }),
    ];
  });
}

const csvCell = (v: unknown) => {
  const s = Array.isArray(v) ? v.join("; ") : String(v ?? "");
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvRow = (h: IndicatorHit) =>
  [
    h.day,
    h.type,
    h.modality,
    h.evidence.text,
    h.evidence.sentence,
    h.places,
    h.actors,
    h.confidence,
    h.intensity,
    h.article.title,
    h.article.url,
  ]
    .map(csvCell)
    .join(",");

// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerIndicators(app: OpenAPIHono<any>, deps: { store: Store }) {
  app.openapi(route, async (c) => {
    const { format, type, modality, ...rest } = c.req.valid("query");
    const search: IndicatorSearch = {
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      limit: rest.limit,
      ...(type ? { types: type } : {}),
      ...(modality ? { modalities: modality } : {}),
    };
    if (format === "json") {
      const { hits, next } = await deps.store.indicators.search(search);
      return c.json({ indicators: hits, next }, 200);
    }
    // Exports walk every page with the cursor and write as they go: memory stays flat.
    const types = { csv: "text/csv; charset=utf-8", jsonl: "application/x-ndjson", geojson: "application/geo+json" };
    c.header("content-type", types[format]);
    c.header("content-disposition", `attachment; filename="seismo-indicators.${format}"`);
    return stream(c, async (out) => {
      if (format === "csv") await out.write(`${CSV_COLUMNS.join(",")}\n`);
      if (format === "geojson") await out.write('{"type":"FeatureCollection","features":[\n');
      let cursor: string | undefined = search.cursor;
      let first = true;
      do {
        const page = await deps.store.indicators.search({ ...search, limit: 500, ...(cursor ? { cursor } : {}) });
        if (format === "geojson") {
          const items = page.hits.flatMap(features);
          if (items.length > 0) await out.write(`${first ? "" : ",\n"}${items.join(",\n")}`);
          if (items.length > 0) first = false;
        } else {
          const lines = page.hits.map((h) => (format === "csv" ? csvRow(h) : JSON.stringify(h)));
          if (lines.length > 0) await out.write(`${lines.join("\n")}\n`);
        }
        cursor = page.next ?? undefined;
      } while (cursor && !out.aborted);
      if (format === "geojson") await out.write("\n]}\n");
    }) as never;
  });
}
