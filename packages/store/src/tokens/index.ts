import { randomBytes } from "node:crypto";
import type { SqlClient } from "../client/index.ts";
import { randomId, sha256Hex } from "../ids/index.ts";

export const ROLES = ["operator", "analyst", "viewer"] as const;
export type ApiRole = (typeof ROLES)[number];

export interface ApiToken {
  id: string;
  name: string;
  role: ApiRole;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * Bearer tokens: 32 random bytes, shown once, stored only as a SHA-256 hash. A fast hash is
 * enough here because the secret has 256 bits of entropy (no dictionary to attack).
 */
export class TokenRepo {
  constructor(private readonly sql: SqlClient) {}

  async create(name: string, role: ApiRole): Promise<{ token: string; record: ApiToken }> {
    const token = `smo_${randomBytes(32).toString("base64url")}`;
    return { token, record: await this.insert(name, role, token) };
  }

  /** Stores a token chosen by the operator (SEISMO_API_TOKEN); idempotent across restarts. */
  async ensure(name: string, role: ApiRole, token: string): Promise<ApiToken> {
    const existing = await this.verify(token);
    if (existing) return existing;
    return this.insert(name, role, token);
  }

  async verify(token: string): Promise<ApiToken | null> {
    const [row] = await this.sql.query<{
      id: string;
      name: string;
      role: ApiRole;
      created_at: Date;
      revoked_at: Date | null;
    }>("SELECT id, name, role, created_at, revoked_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL", [
      sha256Hex(token),
    ]);
    return row ? toToken(row) : null;
  }

  async list(): Promise<ApiToken[]> {
    const rows = await this.sql.query<{
      id: string;
      name: string;
      role: ApiRole;
      created_at: Date;
      revoked_at: Date | null;
    }>("SELECT id, name, role, created_at, revoked_at FROM api_tokens ORDER BY created_at");
    return rows.map(toToken);
  }

  async revoke(id: string): Promise<boolean> {
    const rows = await this.sql.query(
      "UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id",
      [id],
    );
    return rows.length > 0;
  }

  async count(): Promise<number> {
    const [row] = await this.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM api_tokens WHERE revoked_at IS NULL",
    );
    return row?.n ?? 0;
  }

  private async insert(name: string, role: ApiRole, token: string): Promise<ApiToken> {
    const [row] = await this.sql.query<{
      id: string;
      name: string;
      role: ApiRole;
      created_at: Date;
      revoked_at: Date | null;
    }>(
      `INSERT INTO api_tokens (id, name, role, token_hash) VALUES ($1, $2, $3, $4)
       RETURNING id, name, role, created_at, revoked_at`,
      [randomId("tok"), name, role, sha256Hex(token)],
    );
    if (!row) throw new Error("token insert returned no row");
    return toToken(row);
  }
}

const toToken = (r: {
  id: string;
  name: string;
  role: ApiRole;
  created_at: Date;
  revoked_at: Date | null;
}): ApiToken => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: new Date(r.created_at).toISOString(),
  revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
});
