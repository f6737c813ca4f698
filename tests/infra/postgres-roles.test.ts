import { readFileSync } from "node:fs";
import { Store } from "@seismo/store";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPgBin, type PgCluster, startPgCluster } from "../fault/support/pg-cluster.ts";

const ROLES_SQL = readFileSync(new URL("../../infra/postgres/roles.sql", import.meta.url), "utf8");
const PG_BIN = await findPgBin();

/** A connection URL on the throwaway cluster as `user`, in the seismo schema. */
const as = (cluster: PgCluster, user: string) =>
  cluster.url.replace("postgres://postgres@", `postgres://${user}@`) +
  `?options=${encodeURIComponent("-c search_path=seismo")}`;

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

// Runs against a PostgreSQL cluster of its own: roles are cluster-wide, and the shared test server
// must not be reconfigured.
describe.skipIf(!PG_BIN)("infra/postgres/roles.sql", () => {
  let cluster: PgCluster;

  beforeAll(async () => {
    cluster = await startPgCluster(PG_BIN ?? "");
    await query(cluster.url, ROLES_SQL);
    await query(cluster.url, ROLES_SQL); // idempotent: a second run changes nothing and does not fail
    const owner = await Store.open({ kind: "postgres", url: as(cluster, "seismo_migrator"), poolSize: 2 });
    await owner.sources.upsert({ name: "roles check", url: "https://news.example/rss" });
    await owner.close();
  }, 120_000);
  afterAll(async () => cluster?.stop());

  it("lets the migrator create the schema's tables, owned by seismo_owner", async () => {
    const rows = await query(cluster.url, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'seismo'");
    expect(rows).toEqual([{ tableowner: "seismo_owner" }]);
  });

  it("lets the app role read and write rows", async () => {
    const app = as(cluster, "seismo_app");
    const [source] = await query(app, "SELECT id FROM sources");
    await query(app, "UPDATE sources SET name = 'renamed' WHERE id = $1", [source?.id]);
    await query(app, "INSERT INTO ingest_failures (source_id, url, stage, reason) VALUES ($1, 'u', 's', 'r')", [
      source?.id,
    ]);
    await query(app, "DELETE FROM ingest_failures");
    expect(await query(app, "SELECT name FROM sources")).toEqual([{ name: "renamed" }]);
  });

  // migrate() creates nothing when the schema is current, so the least-privilege role can start.
  it("lets the app role open the store", async () => {
    const store = await Store.open({ kind: "postgres", url: as(cluster, "seismo_app"), poolSize: 2 });
    await store.close();
  });

  it("refuses DDL, TRUNCATE and the public schema to the app role", async () => {
    const app = as(cluster, "seismo_app");
    await expect(query(app, "DROP TABLE articles")).rejects.toThrow(/must be owner|permission denied/);
    await expect(query(app, "CREATE TABLE evil (x int)")).rejects.toThrow(/permission denied/);
    await expect(query(app, "TRUNCATE sources CASCADE")).rejects.toThrow(/permission denied/);
    await expect(query(app, "ALTER TABLE articles ADD COLUMN evil int")).rejects.toThrow(/must be owner/);
    await expect(query(app, "CREATE TABLE public.evil (x int)")).rejects.toThrow(/permission denied/);
  });

  it("gives the read-only role SELECT and nothing else", async () => {
    const ro = as(cluster, "seismo_readonly");
    expect((await query(ro, "SELECT count(*)::int AS n FROM sources"))[0]).toEqual({ n: 1 });
    await expect(query(ro, "DELETE FROM sources")).rejects.toThrow(/permission denied|read-only/);
    await expect(query(ro, "INSERT INTO ingest_failures (url, stage, reason) VALUES ('u', 's', 'r')")).rejects.toThrow(
      /permission denied|read-only/,
    );
  });
});
