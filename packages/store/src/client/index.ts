import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { lockDataDir } from "../lock/index.ts";

/** The few SQL operations the store needs, the same on PostgreSQL and PGlite. */
export interface SqlClient {
  readonly dialect: "postgres" | "pglite";
  query<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type StoreTarget =
  | { kind: "postgres"; url: string; schema?: string; poolSize?: number }
  | { kind: "pglite"; dataDir?: string };

export async function openSqlClient(target: StoreTarget): Promise<SqlClient> {
  return target.kind === "postgres" ? openPostgres(target) : openPglite(target.dataDir);
}

async function openPostgres(target: { url: string; schema?: string; poolSize?: number }): Promise<SqlClient> {
  const schema = target.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`invalid schema name: ${schema}`);
  }
  if (schema) {
    const setup = new pg.Client({ connectionString: target.url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on("error", () => undefined); // idle client errors surface on the next query
  const fromClient = (client: pg.Pool | pg.PoolClient): SqlClient => ({
    dialect: "postgres",
    async query<R extends object>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as R[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      if (!("release" in client)) {
        const conn = await pool.connect();
        // A server restart mid-transaction must fail this transaction, not crash the process.
        const onError = () => undefined;
        conn.on("error", onError);
        try {
          await conn.query("BEGIN");
          const result = await fn(fromClient(conn));
          await conn.query("COMMIT");
          return result;
        } catch (error) {
          await conn.query("ROLLBACK").catch(() => undefined);
          throw error;
        } finally {
          conn.off("error", onError);
          conn.release();
        }
      }
      return fn(fromClient(client));
    },
    async close() {
      await closePool();
    },
  });
  let closing: Promise<void> | undefined;
  const closePool = () => {
    closing ??= pool.end();
    return closing;
  };
  return fromClient(pool);
}

async function openPglite(dataDir?: string): Promise<SqlClient> {
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dirname(dataDir), { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let db: PGlite;
  try {
    db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  } catch (error) {
    unlock();
    throw error;
  }
  type Tx = Pick<PGlite, "query" | "exec">;
  const fromTx = (tx: Tx, root: boolean): SqlClient => ({
    dialect: "pglite",
    async query<R extends object>(sql: string, params: unknown[] = []) {
      return (await tx.query<R>(sql, params)).rows;
    },
    async exec(sql: string) {
      await tx.exec(sql);
    },
    async transaction<T>(fn: (inner: SqlClient) => Promise<T>): Promise<T> {
      if (!root) return fn(fromTx(tx, false));
      return db.transaction((inner) => fn(fromTx(inner, false)));
    },
    async close() {
      if (!db.closed) await db.close();
      unlock();
    },
  });
  return fromTx(db, true);
}
