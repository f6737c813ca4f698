import { readdir, readFile } from "node:fs/promises";
import type { SqlClient } from "../client/index.ts";
import { backfillDimensions } from "./backfill.ts";

const MIGRATIONS_DIR = new URL("../../migrations/", import.meta.url);

/** Steps that finish a migration in code (they need the gazetteer or the folding code), in its transaction. */
const AFTER: Record<string, (tx: SqlClient) => Promise<void>> = { "0009_rollup_dimensions": backfillDimensions };

/**
 * Applies every migration not yet recorded, in file-name order, in one transaction that holds a
 * transaction-scoped advisory lock: two processes starting together never apply one twice, and
 * the lock cannot outlive the connection that took it. A role without CREATE rights can start
 * against an up-to-date schema (nothing is created when there is nothing to do).
 */
export async function migrate(sql: SqlClient): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith(".sql")).sort();
  return sql.transaction(async (tx) => {
    if (tx.dialect === "postgres") await tx.query("SELECT pg_advisory_xact_lock(7364551)");
    const [exists] = await tx.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
    if (!exists?.t) {
      await tx.exec(
        "CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
      );
    }
    const done = new Set(
      (await tx.query<{ version: string }>("SELECT version FROM schema_migrations")).map((r) => r.version),
    );
    const applied: string[] = [];
    for (const file of files) {
      const version = file.replace(/\.sql$/, "");
      if (done.has(version)) continue;
      await tx.exec(await readFile(new URL(file, MIGRATIONS_DIR), "utf8"));
      await AFTER[version]?.(tx);
      await tx.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version]);
      applied.push(version);
    }
    return applied;
  });
}
