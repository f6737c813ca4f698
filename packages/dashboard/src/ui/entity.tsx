/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { findPlace } from "@seismo/store";
import { actorId, placeId } from "../data/gazetteer.ts";

/** A place named in evidence: a link to its page when the gazetteer knows it, plain text otherwise. */
export function PlaceChip(props: { name: string }) {
  const place = findPlace(props.name);
  return place ? (
    <a class="entity place" href={`/places/${placeId(place)}`} title={`${place.name}: activity and evidence`}>
      {props.name}
    </a>
  ) : (
    <span class="entity place">{props.name}</span>
  );
}

/** An actor named in evidence, linked to its page (the page finds it by any spelling). */
export const ActorChip = (props: { name: string }) => (
  <a class="entity actor" href={`/actors/${actorId(props.name) || encodeURIComponent(props.name)}`}>
    {props.name}
  </a>
);

/** A list of chips, or a dash when there are none. */
export function EntityList(props: { names: string[]; kind: "place" | "actor"; empty?: string }) {
  if (props.names.length === 0) return <>{props.empty ?? "—"}</>;
  return (
    <span class="entities">
      {props.names.map((n) => (props.kind === "place" ? <PlaceChip name={n} /> : <ActorChip name={n} />))}
    </span>
  );
}
