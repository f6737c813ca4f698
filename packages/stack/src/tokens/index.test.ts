import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Store } from "@seismo/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bootstrapToken } from "./index.ts";

let store: Store;
beforeEach(async () => {
  store = await Store.open({ kind: "pglite" });
});
afterEach(() => store.close());

describe("bootstrapToken", () => {
  it("generates an operator token once, saves it privately and never again", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "seismo-token-"));
    const first = await bootstrapToken(store, { dataDir });
    expect(first?.token).toMatch(/^smo_/);
    expect((await readFile(join(dataDir, "api-token.txt"), "utf8")).trim()).toBe(first?.token);
    expect((await stat(join(dataDir, "api-token.txt"))).mode & 0o777).toBe(0o600);
    expect((await store.tokens.verify(first?.token ?? ""))?.role).toBe("operator");
    expect(await bootstrapToken(store, { dataDir })).toBeNull();
  });

  it("accepts SEISMO_API_TOKEN as an operator token, idempotently", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "seismo-token-"));
    const token = "a-long-operator-token-123";
    expect(await bootstrapToken(store, { apiToken: token, dataDir })).toBeNull();
    expect(await bootstrapToken(store, { apiToken: token, dataDir })).toBeNull();
    expect((await store.tokens.verify(token))?.role).toBe("operator");
    expect(await store.tokens.count()).toBe(1);
  });
});
