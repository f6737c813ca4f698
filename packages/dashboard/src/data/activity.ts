import type { IndicatorType } from "@seismo/core";
import { type ActivityTotal, findPlace, type IndicatorHit, placeKey, type Store } from "@seismo/store";
import { actorKind, type PlaceEntry } from "@seismo/tagger";
import { actorId, findRegion, placeByKey, placeId, placeKeysIn } from "./gazetteer.ts";
import { eachDay } from "./range.ts";

/** Inclusive days, as the range picker resolves them. */
export interface Window {
  from: string;
  to: string;
}

export interface ActivityRow {
  id: string;
  name: string;
  /** Place kind (municipality, site…) or actor kind (police, government…). */
  kind: string;
  region: string | null;
  total: number;
  counts: Partial<Record<IndicatorType, number>>;
}

export interface ActivityDetail {
  row: ActivityRow;
  place: PlaceEntry | null;
  /** Every day of the window, zero-filled. */
  days: string[];
  perDay: number[];
  evidence: IndicatorHit[];
}

const EVIDENCE = 12;

const placeRow = (p: PlaceEntry, t?: ActivityTotal): ActivityRow => ({
  id: placeId(p),
  name: p.name,
  kind: p.kind,
  region: p.admin,
  total: t?.total ?? 0,
  counts: t?.counts ?? {},
});

/** Gazetteer places with indicators in the window, busiest first; `region` narrows to one admin region. */
export async function listPlaces(store: Store, w: Window, region?: string): Promise<ActivityRow[]> {
  const name = region ? findRegion(region) : undefined;
  const keys = name ? placeKeysIn(name) : undefined;
  const totals = await store.activity.totals("place", { ...w, ...(keys ? { keys } : {}) });
  return totals.flatMap((t) => {
    const p = placeByKey(t.key);
    return p ? [placeRow(p, t)] : [];
  });
}

/** Actors named in indicators in the window, busiest first, with the tagger's guess at their kind. */
export async function listActors(store: Store, w: Window, limit = 200): Promise<ActivityRow[]> {
  const totals = await store.activity.totals("actor", { ...w, limit });
  const names = await store.activity.actorNames(totals.map((t) => t.key));
  return totals.map((t) => {
    const name = names.get(t.key) ?? t.key;
    return { id: actorId(t.key), name, kind: actorKind(name), region: null, total: t.total, counts: t.counts };
  });
}

function perDay(rows: Array<{ day: string; count: number }>, w: Window) {
  const days = eachDay(w.from, w.to);
  const byDay = new Map<string, number>();
  for (const r of rows) byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.count);
  return { days, perDay: days.map((d) => byDay.get(d) ?? 0) };
}

/** One place by id or any spelling: its counts, activity per day and latest evidence; null if not in the gazetteer. */
export async function placeDetail(store: Store, idOrName: string, w: Window): Promise<ActivityDetail | null> {
  const place = findPlace(idOrName);
  if (!place) return null;
  const key = placeKey(place.name);
  const [[total], days, { hits }] = await Promise.all([
    store.activity.totals("place", { ...w, keys: [key] }),
    store.activity.byDay("place", key, w),
    store.indicators.search({ place: key, ...w, limit: EVIDENCE }),
  ]);
  return { row: placeRow(place, total), place, ...perDay(days, w), evidence: hits };
}

/** One actor by id or any spelling of its name; null if the tagger never saw it. */
export async function actorDetail(store: Store, idOrName: string, w: Window): Promise<ActivityDetail | null> {
  const actor = await store.activity.findActor(idOrName);
  if (!actor) return null;
  const [[total], days, { hits }] = await Promise.all([
    store.activity.totals("actor", { ...w, keys: [actor.key] }),
    store.activity.byDay("actor", actor.key, w),
    store.indicators.search({ actor: actor.key, ...w, limit: EVIDENCE }),
  ]);
  const row: ActivityRow = {
    id: actorId(actor.key),
    name: actor.name,
    kind: actorKind(actor.name),
    region: null,
    total: total?.total ?? 0,
    counts: total?.counts ?? {},
  };
  return { row, place: null, ...perDay(days, w), evidence: hits };
}
