/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

/** A choice: its value, and the text shown for it when that differs. */
export type Option = string | { value: string; label: string };

/** A labelled drop-down whose first, empty option stands for "no choice" (`none`: "All types"). */
export function SelectField(p: {
  id: string;
  name: string;
  label: string;
  none: string;
  options: readonly Option[];
  value?: string | null | undefined;
}) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <select id={p.id} name={p.name}>
        <option value="">{p.none}</option>
        {p.options.map((o) => {
          const { value, label } = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option value={value} selected={value === p.value}>
              {label}
            </option>
          );
        })}
      </select>
    </div>
  );
}
