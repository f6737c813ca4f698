import type { Indicator } from "@seismo/core";
import pg from "pg";
import type { StoreTarget } from "../client/index.ts";

export const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Both engines, PostgreSQL in a fresh schema named after the test file; drop it with `dropSchema`. */
export function testTargets(name: string): { targets: Array<[string, StoreTarget]>; dropSchema: () => Promise<void> } {
  const schema = `${name}_${process.pid}_${Date.now().toString(36)}`;
  return {
    targets: [
      ["PGlite", { kind: "pglite" }],
      ["PostgreSQL", { kind: "postgres", url: DATABASE_URL, schema }],
    ],
    dropSchema: async () => {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

export const indicator = (
  type: Indicator["type"],
  modality: Indicator["modality"],
  start: number,
  more: Partial<Indicator> = {},
): Indicator => ({
  type,
  modality,
  evidence: { text: "x", start, end: start + 1, sentence: "x." },
  actors: ["Kosovo police"],
  places: ["Zvečan"],
  confidence: 0.9,
  intensity: 0.5,
  ...more,
});
