import type { Modality } from "@seismo/core";
import type { Store } from "@seismo/store";

export interface PlaceCount {
  place: string;
  count: number;
}

/** Indicators per place named in their evidence, over inclusive days. */
export async function placeCounts(
  store: Store,
  q: { from: string; to: string; modalities: Modality[] },
): Promise<PlaceCount[]> {
  return store.sql.query<PlaceCount>(
    `SELECT p.place, count(*)::int AS count
     FROM indicators i CROSS JOIN LATERAL jsonb_array_elements_text(i.places) AS p(place)
     WHERE i.day BETWEEN $1::date AND $2::date AND i.modality = ANY($3::text[])
     GROUP BY p.place ORDER BY count DESC, p.place`,
    [q.from, q.to, q.modalities],
  );
}
