import { storeTargetFor } from "@seismo/stack";
import { API_ROLES, type ApiRole, Store } from "@seismo/store";
import { loadConfig } from "../env.ts";

/** `seismo token create NAME [--role R] | list | revoke ID`, against the configured store. */
export async function token(args: string[], role: string | undefined, write: (line: string) => void): Promise<number> {
  const [action, arg] = args;
  const store = await Store.open(storeTargetFor(loadConfig()));
  try {
    if (action === "create" && arg) {
      const r = (role ?? "analyst") as ApiRole;
      if (!API_ROLES.includes(r)) throw new Error(`--role must be one of ${API_ROLES.join(", ")}`);
      const { token: secret, record } = await store.tokens.create(arg, r);
      write(JSON.stringify({ ...record, token: secret }));
      return 0;
    }
    if (action === "list") {
      for (const t of await store.tokens.list()) write(JSON.stringify(t));
      return 0;
    }
    if (action === "revoke" && arg) {
      const ok = await store.tokens.revoke(arg);
      write(ok ? `revoked ${arg}` : `no active token ${arg}`);
      return ok ? 0 : 1;
    }
    write("usage: seismo token create NAME [--role operator|analyst|viewer] | list | revoke ID");
    return 2;
  } finally {
    await store.close();
  }
}
