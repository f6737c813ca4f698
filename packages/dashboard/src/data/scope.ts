import { findPlace, type Source, type TrendQuery } from "@seismo/store";
import { z } from "zod";
import { findRegion, LANGUAGES } from "./gazetteer.ts";

/**
 * What the overview counts: everything, or exactly one of a source, a source tag, a region, a
 * language or a place. The store keeps one rollup per dimension, so two at once cannot be answered.
 */
export type Scope =
  | { kind: "all" }
  | { kind: "source"; value: string }
  | { kind: "tag"; key: string; value: string }
  | { kind: "region"; value: string }
  | { kind: "language"; value: string }
  | { kind: "place"; value: string };

export type ScopeKind = Scope["kind"];

export interface ScopeChoice {
  scope: Scope;
  /** Set when the URL asked for more than one scope: what it combined, and each of them alone. */
  conflict: { asked: string[]; options: Scope[] } | null;
  /** Set when the asked scope does not exist (unknown region, language, place or source). */
  note: string | null;
}

const Value = z.string().trim().min(1).max(120);
const ALL: Scope = { kind: "all" };

/** The `scope` parameter's encoding: "region:Mitrovica", "tag:perspective=serbian", "language:sr". */
export function scopeParam(s: Scope): string {
  if (s.kind === "all") return "";
  if (s.kind === "tag") return `tag:${s.key}=${s.value}`;
  return `${s.kind}:${s.value}`;
}

function parseScopeParam(raw: string): Scope | null {
  const at = raw.indexOf(":");
  const kind = raw.slice(0, at);
  const value = Value.safeParse(raw.slice(at + 1));
  if (at < 0 || !value.success) return null;
  if (kind === "tag") {
    const eq = value.data.indexOf("=");
    return eq > 0 ? { kind, key: value.data.slice(0, eq), value: value.data.slice(eq + 1) } : null;
  }
  return kind === "source" || kind === "region" || kind === "language" || kind === "place"
    ? { kind, value: value.data }
    : null;
}

const KIND_LABEL: Record<ScopeKind, string> = {
  all: "All coverage",
  source: "Source",
  tag: "Source tag",
  region: "Region",
  language: "Language",
  place: "Place",
};

/** "Region: Mitrovica", "Source tag: perspective = serbian", "Language: Serbian". */
export function scopeLabel(s: Scope, sources: Array<Pick<Source, "id" | "name">> = []): string {
  switch (s.kind) {
    case "all":
      return KIND_LABEL.all;
    case "tag":
      return `${KIND_LABEL.tag}: ${s.key} = ${s.value}`;
    case "source":
      return `${KIND_LABEL.source}: ${sources.find((x) => x.id === s.value)?.name ?? s.value}`;
    case "language":
      return `${KIND_LABEL.language}: ${LANGUAGES.find((l) => l.code === s.value)?.label ?? s.value}`;
    default:
      return `${KIND_LABEL[s.kind]}: ${s.value}`;
  }
}

/** Checks a scope against what exists and puts names in the gazetteer's spelling. */
function validate(s: Scope, sources: Array<Pick<Source, "id">>): { scope: Scope; note: string | null } {
  const unknown = (what: string) => ({ scope: ALL, note: `${what}, so this shows all coverage.` });
  switch (s.kind) {
    case "region": {
      const region = findRegion(s.value);
      return region
        ? { scope: { kind: "region", value: region }, note: null }
        : unknown(`No region “${s.value}” in the gazetteer`);
    }
    case "place": {
      const place = findPlace(s.value);
      return place
        ? { scope: { kind: "place", value: place.name }, note: null }
        : unknown(`No place “${s.value}” in the gazetteer`);
    }
    case "language": {
      const code = s.value.toLowerCase().split(/[-_]/)[0] ?? "";
      return LANGUAGES.some((l) => l.code === code)
        ? { scope: { kind: "language", value: code }, note: null }
        : unknown(`Articles are read in English, Serbian or Albanian, not “${s.value}”`);
    }
    case "source":
      return sources.some((x) => x.id === s.value) ? { scope: s, note: null } : unknown(`No source “${s.value}”`);
    default:
      return { scope: s, note: null };
  }
}

/**
 * Reads the scope from a query: the overview's own `scope` selector, or the API-style parameters
 * that links carry (`source`, `sourceTag=key:value`, `region`, `language`, `place`). More than one
 * becomes a conflict to explain, never a failed query.
 */
export function readScope(get: (name: string) => string | undefined, sources: Array<Pick<Source, "id">>): ScopeChoice {
  const asked: Scope[] = [];
  const scope = get("scope");
  if (scope && scope !== "all") {
    const parsed = parseScopeParam(scope);
    if (!parsed) return { scope: ALL, conflict: null, note: `Unknown scope “${scope}”, so this shows all coverage.` };
    asked.push(parsed);
  }
  for (const kind of ["source", "region", "language", "place"] as const) {
    const v = Value.safeParse(get(kind));
    if (v.success) asked.push({ kind, value: v.data });
  }
  const tag = get("sourceTag");
  if (tag) {
    const parsed = parseScopeParam(`tag:${tag.replace(":", "=")}`);
    if (parsed) asked.push(parsed);
  }
  const distinct = asked.filter((s, i) => asked.findIndex((t) => scopeParam(t) === scopeParam(s)) === i);
  if (distinct.length > 1) {
    return { scope: ALL, conflict: { asked: distinct.map((s) => scopeLabel(s)), options: distinct }, note: null };
  }
  const one = distinct[0];
  return one ? { ...validate(one, sources), conflict: null } : { scope: ALL, conflict: null, note: null };
}

/** The store query's filter for a scope. */
export function scopeQuery(s: Scope): Pick<TrendQuery, "sourceId" | "sourceTag" | "region" | "language" | "place"> {
  switch (s.kind) {
    case "all":
      return {};
    case "source":
      return { sourceId: s.value };
    case "tag":
      return { sourceTag: { key: s.key, value: s.value } };
    case "region":
      return { region: s.value };
    case "language":
      return { language: s.value };
    case "place":
      return { place: s.value };
  }
}

/** Distinct source tags, "key=value", for the scope selector. */
export function sourceTags(sources: Array<Pick<Source, "tags">>): Array<{ key: string; value: string }> {
  const seen = new Map<string, { key: string; value: string }>();
  for (const s of sources)
    for (const [key, value] of Object.entries(s.tags)) seen.set(`${key}=${value}`, { key, value });
  return [...seen.values()].sort((a, b) => a.key.localeCompare(b.key) || a.value.localeCompare(b.value));
}
