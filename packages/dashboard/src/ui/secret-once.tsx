/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";

/** A new token or signing secret, shown once right after it is made (the store keeps only a hash or the server copy). */
export const SecretOnce = (p: { id: string; title: Child; note: string; secret: string; testId: string }) => (
  <section class="flash stack" role="status" aria-labelledby={p.id}>
    <h2 id={p.id}>{p.title}</h2>
    <p>{p.note}</p>
    <output class="token-once" data-testid={p.testId}>
      {p.secret}
    </output>
  </section>
);
