/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { RULE_KINDS, type RuleKind, TRIGGER_MODALITIES } from "@seismo/alerts";
import { INDICATOR_TYPES } from "@seismo/core";
import type { Child } from "hono/jsx";
import { KIND_LABELS, PARAM_FIELDS, REGIONS, type RuleForm } from "../data/rule-form.ts";
import { SelectField } from "../ui/select-field.tsx";

type Errors = Record<string, string>;

/** Error text under a field; the input points at it with aria-describedby. */
const Err = (p: { field: string; errors: Errors }) =>
  p.errors[p.field] ? (
    <span id={`err-${p.field}`} class="field-error">
      {p.errors[p.field]}
    </span>
  ) : null;

const invalid = (field: string, errors: Errors, help?: string) => ({
  "aria-invalid": errors[field] ? ("true" as const) : undefined,
  "aria-describedby": [errors[field] ? `err-${field}` : null, help ?? null].filter(Boolean).join(" ") || undefined,
});

function Text(p: {
  field: string;
  label: string;
  value: string;
  errors: Errors;
  type?: string;
  step?: string;
  help?: Child;
  wide?: boolean;
  required?: boolean;
}) {
  const helpId = p.help ? `help-${p.field}` : undefined;
  return (
    <div class={`field${p.wide ? " wide" : ""}`}>
      <label for={`r-${p.field}`}>{p.label}</label>
      <input
        id={`r-${p.field}`}
        name={p.field}
        type={p.type ?? "text"}
        step={p.step}
        value={p.value}
        required={p.required}
        {...invalid(p.field, p.errors, helpId)}
      />
      {p.help ? (
        <span id={helpId} class="hint">
          {p.help}
        </span>
      ) : null}
      <Err field={p.field} errors={p.errors} />
    </div>
  );
}

/** Checkboxes named `field`, ticked for the values in `picked`; `typed` colours each as its indicator type. */
function Checks(p: {
  field: string;
  legend: string;
  values: readonly string[];
  picked: readonly string[];
  errors: Errors;
  typed?: boolean;
}) {
  return (
    <fieldset {...invalid(p.field, p.errors)}>
      <legend>{p.legend}</legend>
      <div class="checks">
        {p.values.map((v) => (
          <label class={p.typed ? `t-${v}` : undefined}>
            <input type="checkbox" name={p.field} value={v} checked={p.picked.includes(v)} />
            {v}
          </label>
        ))}
      </div>
      <Err field={p.field} errors={p.errors} />
    </fieldset>
  );
}

function Params(p: { kind: RuleKind; form: RuleForm; errors: Errors }) {
  return (
    <fieldset class="params" data-kind-params={p.kind}>
      <legend>{KIND_LABELS[p.kind].split(":")[0]} parameters</legend>
      <div class="form-grid">
        {PARAM_FIELDS[p.kind].map((f) => (
          <Text
            field={f.name}
            label={f.label}
            value={p.form.params[f.name] ?? ""}
            errors={p.errors}
            type={f.list ? "text" : "number"}
            step={f.list ? undefined : (f.step ?? "1")}
            wide={f.list}
          />
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The create and edit form of an alert rule. A rule's type is fixed once created (the API has no
 * way to change it either), so the edit form shows only that type's parameters.
 */
export function RuleFormView(p: { action: string; form: RuleForm; errors: Errors; editing: boolean; submit: string }) {
  const { form, errors } = p;
  const fixed = p.editing ? (form.kind as RuleKind) : null;
  return (
    <form method="post" action={p.action} class="stack rule-form" novalidate>
      <section class="card stack" aria-labelledby="rf-basics">
        <h2 id="rf-basics">Rule</h2>
        <div class="form-grid">
          <Text field="name" label="Name" value={form.name} errors={errors} wide required />
          <div class="field wide">
            <label for="r-kind">Type</label>
            {fixed ? (
              <p class="static" id="r-kind">
                {KIND_LABELS[fixed]}
              </p>
            ) : (
              <select id="r-kind" name="kind" data-kind-select {...invalid("kind", errors)}>
                {RULE_KINDS.map((k) => (
                  <option value={k} selected={form.kind === k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
            <Err field="kind" errors={errors} />
          </div>
          <Text
            field="cooldown"
            label="Cooldown (minutes)"
            type="number"
            value={form.cooldown}
            errors={errors}
            help="Shortest time between two notifications of one alert."
          />
          {p.editing ? null : (
            <div class="field check-field">
              <label>
                <input type="checkbox" name="enabled" value="on" checked={form.enabled} /> Enabled
              </label>
            </div>
          )}
        </div>
      </section>
      <section class="card stack" aria-labelledby="rf-filters">
        <div>
          <h2 id="rf-filters">What counts</h2>
          <p class="sub">Negated and speculative reports never trigger an alert. Empty fields match anything.</p>
        </div>
        <Checks
          field="types"
          legend="Indicator types"
          values={INDICATOR_TYPES}
          picked={form.types}
          errors={errors}
          typed
        />
        <Checks
          field="modalities"
          legend="Modality"
          values={TRIGGER_MODALITIES}
          picked={form.modalities}
          errors={errors}
        />
        <div class="form-grid">
          <SelectField
            id="r-region"
            name="region"
            label="Region"
            none="No region"
            options={Object.entries(REGIONS).map(([key, r]) => ({ value: key, label: r.label }))}
            value={form.region}
          />
          <Text
            field="places"
            label="Places"
            value={form.places}
            errors={errors}
            wide
            help="Comma-separated, any spelling (Zvečan, Zvecan). Added to the region's places."
          />
          <Text field="languages" label="Languages" value={form.languages} errors={errors} help="e.g. en, sr, sq" />
          <Text
            field="sourceTags"
            label="Source tags"
            value={form.sourceTags}
            errors={errors}
            help="key=value, all must match: country=RS"
          />
          <Text
            field="minConfidence"
            label="Minimum confidence"
            type="number"
            step="0.05"
            value={form.minConfidence}
            errors={errors}
            help="0 to 1"
          />
        </div>
      </section>
      <section class="card stack" aria-labelledby="rf-params">
        <h2 id="rf-params">When it fires</h2>
        {(fixed ? [fixed] : RULE_KINDS).map((k) => (
          <Params kind={k} form={form} errors={errors} />
        ))}
      </section>
      <div class="row">
        <button class="btn" type="submit">
          {p.submit}
        </button>
        <a class="btn ghost" href="/alerts/rules">
          Cancel
        </a>
      </div>
    </form>
  );
}
