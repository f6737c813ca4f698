import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Store } from "@seismo/store";

/**
 * SEISMO_API_TOKEN, when set, becomes an operator token. Otherwise, on the very first start,
 * an operator token is generated, returned once (to print) and written to the data folder.
 */
export async function bootstrapToken(
  store: Store,
  options: { apiToken?: string | undefined; dataDir: string },
): Promise<{ token: string; file: string } | null> {
  if (options.apiToken) {
    await store.tokens.ensure("bootstrap (SEISMO_API_TOKEN)", "operator", options.apiToken);
    return null;
  }
  if ((await store.tokens.count()) > 0) return null;
  const { token } = await store.tokens.create("bootstrap", "operator");
  await mkdir(options.dataDir, { recursive: true });
  const file = join(options.dataDir, "api-token.txt");
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return { token, file };
}
