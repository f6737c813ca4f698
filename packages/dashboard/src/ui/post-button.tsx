/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";

/**
 * One button that posts to `action` (toggle, revoke, replay): a plain form, so it works without JS;
 * the same-origin check on every dashboard POST stands in for a CSRF token. `label` names the
 * button with its row for screen readers.
 */
export const PostButton = (p: {
  action: string;
  label: string;
  class?: string;
  disabled?: boolean;
  title?: string;
  children: Child;
}) => (
  <form method="post" action={p.action}>
    <button
      class={p.class ?? "btn small ghost"}
      type="submit"
      disabled={p.disabled}
      title={p.title}
      aria-label={p.label}
    >
      {p.children}
    </button>
  </form>
);

/** Enable or Disable, whichever `enabled` is not, for the thing called `name`. */
export function ToggleButton(p: { action: string; enabled: boolean; name: string }) {
  const verb = p.enabled ? "Disable" : "Enable";
  return (
    <PostButton action={p.action} label={`${verb} ${p.name}`}>
      {verb}
    </PostButton>
  );
}
