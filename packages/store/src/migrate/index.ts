import { readdir, readFile } from "node:fs/promises";
import type { SqlClient } from "../client/index.ts";

const MIGRATIONS_DIR = new URL("../../migrations/", import.meta.url);

/** Applies every migration not yet recorded, in file-name order, each in its own transaction. */
export async function migrate(sql: SqlClient): Promise<string[]> {
  await sql.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  // Two processes starting together must not apply the same migration twice.
  if (sql.dialect === "postgres") await sql.query("SELECT pg_advisory_lock(7364551)");
  try {
    const done = new Set(
      (await sql.query<{ version: string }>("SELECT version FROM schema_migrations")).map((r) => r.version),
    );
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith(".sql")).sort();
    const applied: string[] = [];
    for (const file of files) {
      const version = file.replace(/\.sql$/, "");
      if (done.has(version)) continue;
      const body = await readFile(new URL(file, MIGRATIONS_DIR), "utf8");
      await sql.transaction(async (tx) => {
        await tx.exec(body);
        await tx.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version]);
      });
      applied.push(version);
    }
    return applied;
  } finally {
    if (sql.dialect === "postgres") await sql.query("SELECT pg_advisory_unlock(7364551)");
  }
}
