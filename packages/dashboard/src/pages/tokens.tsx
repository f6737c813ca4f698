/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { API_ROLES, type ApiRole } from "@seismo/store";
import type { Context, Hono } from "hono";
import { z } from "zod";
import { type DashEnv, guard } from "../auth/index.ts";
import type { DashboardDeps } from "../deps.ts";
import { Flash, type Messages } from "../ui/flash.tsx";
import { fmtStamp } from "../ui/format.ts";
import { Layout, PageHead } from "../ui/layout.tsx";
import { PostButton } from "../ui/post-button.tsx";
import { SecretOnce } from "../ui/secret-once.tsx";
import { DataTable } from "../ui/table.tsx";
import { forbidden } from "./signin.tsx";

const CreateSchema = z.object({ name: z.string().trim().min(1).max(100), role: z.enum(API_ROLES) });

async function render(
  c: Context<DashEnv>,
  deps: DashboardDeps,
  msg: Messages & { created?: { token: string; name: string; role: ApiRole } } = {},
  status: 200 | 400 = 200,
) {
  const tokens = await deps.store.tokens.list();
  const me = c.get("user");
  return c.html(
    <Layout title="API tokens" user={me} active="tokens">
      <PageHead title="API tokens" sub="Who can read and change Seismo. Tokens are stored only as hashes." />
      <div class="stack">
        {msg.created ? (
          <SecretOnce
            id="new-h"
            title={`New ${msg.created.role} token for ${msg.created.name}`}
            note="Copy it now: it is shown only once."
            secret={msg.created.token}
            testId="new-token"
          />
        ) : null}
        <Flash msg={msg} />
        <section class="card" aria-labelledby="tok-h">
          <h2 id="tok-h">Tokens</h2>
          <DataTable
            columns={["Name", "Role", "Created", "State"]}
            actions
            items={tokens}
            row={(t) => (
              <tr>
                <td>
                  {t.name}
                  {t.id === me.id ? <span class="muted"> (you)</span> : null}
                </td>
                <td>{t.role}</td>
                <td>{fmtStamp(t.createdAt)}</td>
                <td>
                  {t.revokedAt ? (
                    <span class="status paused">Revoked {fmtStamp(t.revokedAt)}</span>
                  ) : (
                    <span class="status ok">Active</span>
                  )}
                </td>
                <td>
                  {t.revokedAt ? null : (
                    <PostButton
                      action={`/operator/tokens/${t.id}/revoke`}
                      class="btn small danger"
                      label={`Revoke the token ${t.name}`}
                    >
                      Revoke
                    </PostButton>
                  )}
                </td>
              </tr>
            )}
          />
        </section>
        <section class="card stack" aria-labelledby="create-h">
          <h2 id="create-h">Create a token</h2>
          <form method="post" action="/operator/tokens" class="row">
            <div class="field">
              <label for="tname">Name</label>
              <input id="tname" name="name" required maxlength={100} placeholder="who or what uses it" />
            </div>
            <div class="field">
              <label for="trole">Role</label>
              <select id="trole" name="role">
                <option value="viewer">viewer: overview only</option>
                <option value="analyst" selected>
                  analyst: stories and articles too
                </option>
                <option value="operator">operator: everything</option>
              </select>
            </div>
            <button class="btn" type="submit">
              Create token
            </button>
          </form>
        </section>
      </div>
    </Layout>,
    status,
  );
}

export function registerTokens(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const op = guard(deps.store, "operator", forbidden);
  app.get("/operator/tokens", op, (c) => render(c, deps));
  app.post("/operator/tokens", op, async (c) => {
    const parsed = CreateSchema.safeParse(await c.req.parseBody());
    if (!parsed.success) return render(c, deps, { error: "A token needs a name and a role." }, 400);
    const { token, record } = await deps.store.tokens.create(parsed.data.name, parsed.data.role);
    c.header("cache-control", "no-store");
    return render(c, deps, { created: { token, name: record.name, role: record.role } });
  });
  app.post("/operator/tokens/:id/revoke", op, async (c) => {
    const revoked = await deps.store.tokens.revoke(c.req.param("id"));
    if (c.req.param("id") === c.get("user").id) return c.redirect("/signin", 303);
    return render(c, deps, revoked ? { ok: "Token revoked." } : { error: "That token was already revoked." });
  });
}
