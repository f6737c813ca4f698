import { NORTH_KOSOVO, RULE_KINDS, type Rule, RuleInputSchema, type RuleKind, type RuleValues } from "@seismo/alerts";
import { z } from "zod";

/** What `c.req.parseBody({ all: true })` gives: repeated keys (checkboxes) become arrays. */
export type FormBody = Record<string, string | File | Array<string | File>>;

/** Named regions an analyst can pick instead of typing every place (any spelling matches). */
export const REGIONS: Record<string, { label: string; places: readonly string[] }> = {
  "north-kosovo": { label: "North Kosovo (boundary area)", places: NORTH_KOSOVO },
};

export const KIND_LABELS: Record<RuleKind, string> = {
  spike: "Spike: many more reports than usual",
  first: "First: first claim in a place after a quiet period",
  deployment: "Deployment: forces moved near a place",
  "story-growth": "Growth: a story reaches many outlets or high intensity",
};

/** Each kind's parameters, in form order, with the label shown beside the input. */
export const PARAM_FIELDS: Record<RuleKind, Array<{ name: string; label: string; list?: boolean; step?: string }>> = {
  spike: [
    { name: "windowHours", label: "Window (hours)" },
    { name: "baselineDays", label: "Baseline (days)" },
    { name: "minCount", label: "Minimum reports" },
    { name: "maxPValue", label: "Max p-value", step: "any" },
    { name: "minExpected", label: "Minimum expected per window", step: "any" },
  ],
  first: [{ name: "quietDays", label: "Quiet days before" }],
  deployment: [
    { name: "actors", label: "Actors (comma-separated; empty: any named actor)", list: true },
    { name: "near", label: "Near places (comma-separated; empty: anywhere)", list: true },
  ],
  "story-growth": [
    { name: "minOutlets", label: "Minimum outlets" },
    { name: "intensityLevel", label: "Intensity level", step: "any" },
  ],
};

const LABELS: Record<string, string> = {
  name: "Name",
  kind: "Rule type",
  cooldown: "Cooldown (minutes)",
  types: "Indicator types",
  modalities: "Modality",
  places: "Places",
  sourceTags: "Source tags",
  languages: "Languages",
  minConfidence: "Minimum confidence",
  ...Object.fromEntries(Object.values(PARAM_FIELDS).flatMap((fs) => fs.map((f) => [f.name, f.label]))),
};

/** The form as the user typed it: strings, so a page with errors shows their input again. */
export interface RuleForm {
  name: string;
  kind: string;
  enabled: boolean;
  cooldown: string;
  types: string[];
  modalities: string[];
  places: string;
  region: string;
  sourceTags: string;
  languages: string;
  minConfidence: string;
  params: Record<string, string>;
}

export type RuleFormResult =
  | { ok: true; values: RuleValues }
  | { ok: false; form: RuleForm; errors: Record<string, string>; message: string };

const str = (v: unknown): string => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === "string" ? x.trim() : "";
};
const strs = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");
export const splitList = (s: string): string[] =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

const TagPair = z.string().regex(/^[^=\s]+=.+$/, "write key=value pairs, separated by commas");

export function readRuleForm(body: FormBody, fixedKind?: RuleKind): RuleForm {
  const params: Record<string, string> = {};
  for (const f of Object.values(PARAM_FIELDS).flat()) params[f.name] = str(body[f.name]);
  return {
    name: str(body.name),
    kind: fixedKind ?? str(body.kind),
    enabled: str(body.enabled) !== "",
    cooldown: str(body.cooldown),
    types: strs(body.types),
    modalities: strs(body.modalities),
    places: str(body.places),
    region: str(body.region),
    sourceTags: str(body.sourceTags),
    languages: str(body.languages),
    minConfidence: str(body.minConfidence),
    params,
  };
}

/**
 * Turns a submitted rule form into the values `insertRule`/`updateRule` take, checked by the same
 * `RuleInputSchema` as the API; errors come back per field, labelled as on the form.
 */
export function parseRuleForm(body: FormBody, fixedKind?: RuleKind): RuleFormResult {
  const form = readRuleForm(body, fixedKind);
  const errors: Record<string, string> = {};
  const num = (field: string, raw: string): number | undefined => {
    if (raw === "") return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n)) errors[field] = "must be a number";
    return n;
  };
  const tags: Record<string, string> = {};
  for (const pair of splitList(form.sourceTags)) {
    const ok = TagPair.safeParse(pair);
    if (!ok.success) errors.sourceTags = `"${pair}": ${ok.error.issues[0]?.message}`;
    else tags[pair.slice(0, pair.indexOf("="))] = pair.slice(pair.indexOf("=") + 1);
  }
  const region = form.region ? REGIONS[form.region] : undefined;
  if (form.region && !region) errors.places = `unknown region "${form.region}"`;
  const kind = (RULE_KINDS as readonly string[]).includes(form.kind) ? (form.kind as RuleKind) : null;
  if (!kind) errors.kind = "pick one of spike, first, deployment or growth";
  const params: Record<string, unknown> = {};
  for (const f of kind ? PARAM_FIELDS[kind] : []) {
    const raw = form.params[f.name] ?? "";
    const value = f.list ? splitList(raw) : num(f.name, raw);
    if (value !== undefined) params[f.name] = value;
  }
  const candidate = {
    name: form.name,
    kind,
    enabled: form.enabled,
    cooldownMinutes: num("cooldown", form.cooldown),
    filters: {
      types: form.types,
      modalities: form.modalities,
      places: [...new Set([...(region?.places ?? []), ...splitList(form.places)])],
      sourceTags: tags,
      languages: splitList(form.languages).map((l) => l.toLowerCase()),
      minConfidence: num("minConfidence", form.minConfidence),
    },
    params,
  };
  const parsed = RuleInputSchema.safeParse(candidate);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, values: parsed.data };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= friendly(field, issue.message);
  }
  const message = Object.entries(errors)
    .map(([field, why]) => `${LABELS[field] ?? field}: ${why}`)
    .join("; ");
  return { ok: false, form, errors, message };
}

function fieldOf(path: PropertyKey[]): string {
  const [head, next] = path.map(String);
  if (head === "filters" || head === "params") return next ?? head;
  if (head === "cooldownMinutes") return "cooldown";
  return head ?? "form";
}

function friendly(field: string, message: string): string {
  if (field === "name" && /too small/i.test(message)) return "give the rule a name";
  if (field === "modalities" && /too small/i.test(message)) return "pick asserted, intent or both";
  const words: Record<string, string> = { "<=": "at most ", ">=": "at least ", "<": "less than ", ">": "more than " };
  return message
    .replace(/^Too (big|small): expected (number|string|array) to (have |be )?/i, "must be ")
    .replace(/must be (<=|>=|<|>)/, (_m, op: string) => `must be ${words[op] ?? op}`);
}

/** A stored rule as the edit form shows it; a region is shown as picked when all its places are. */
export function formOfRule(rule: Rule): RuleForm {
  const places = rule.filters.places;
  const [regionKey, region] = Object.entries(REGIONS).find(([, r]) => r.places.every((p) => places.includes(p))) ?? [];
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(rule.params)) params[k] = Array.isArray(v) ? v.join(", ") : String(v);
  return {
    name: rule.name,
    kind: rule.kind,
    enabled: rule.enabled,
    cooldown: String(rule.cooldownMinutes),
    types: rule.filters.types,
    modalities: rule.filters.modalities,
    places: places.filter((p) => !region?.places.includes(p)).join(", "),
    region: regionKey ?? "",
    sourceTags: Object.entries(rule.filters.sourceTags)
      .map(([k, v]) => `${k}=${v}`)
      .join(", "),
    languages: rule.filters.languages.join(", "),
    minConfidence: String(rule.filters.minConfidence),
    params,
  };
}

/** The empty create form: the schema's defaults, shown so the analyst sees what they start from. */
export function blankRuleForm(kind: RuleKind = "spike"): RuleForm {
  const defaults = RuleInputSchema.parse({ name: "x", kind });
  const params: Record<string, string> = {};
  for (const k of RULE_KINDS) {
    for (const [p, v] of Object.entries(RuleInputSchema.parse({ name: "x", kind: k }).params)) {
      params[p] = Array.isArray(v) ? v.join(", ") : String(v);
    }
  }
  return { ...formOfRule({ ...defaults, id: "", ownerTokenId: null, createdAt: "", updatedAt: "" }), name: "", params };
}
