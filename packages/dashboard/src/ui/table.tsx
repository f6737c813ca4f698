/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";

/** A column heading; `num` right-aligns it with its figures. */
export type Column = string | { label: Child; num: true };

/**
 * A scrollable table with one row per item. With `empty`, no items show that instead of a bare
 * heading; with `actions`, a last column (labelled for screen readers only) holds each row's buttons.
 */
export function DataTable<T>(p: {
  columns: Column[];
  items: readonly T[];
  row: (item: T) => Child;
  actions?: boolean;
  label?: string;
  empty?: Child;
}) {
  if (p.items.length === 0 && p.empty !== undefined) return <>{p.empty}</>;
  return (
    <div class="table-wrap">
      <table aria-label={p.label}>
        <thead>
          <tr>
            {p.columns.map((c) =>
              typeof c === "string" ? (
                <th scope="col">{c}</th>
              ) : (
                <th scope="col" class="num">
                  {c.label}
                </th>
              ),
            )}
            {p.actions ? (
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{p.items.map(p.row)}</tbody>
      </table>
    </div>
  );
}
