import { type Claim, fold, namesPlace } from "../filters/index.ts";
import type { DeploymentParams } from "../rules/schema.ts";
import { type Detection, notFired } from "./types.ts";

/**
 * A deployment, or the intent to deploy, by one of the named actors near one of the places.
 * `claims` have passed the rule's filters already, so negated and speculative ones are gone.
 */
export function detectDeployment(claims: Claim[], params: DeploymentParams): Detection {
  const wanted = params.actors.map(fold);
  const hits = claims.filter((c) => {
    if (c.type !== "deployment" || (c.modality !== "asserted" && c.modality !== "intent")) return false;
    const actors = c.actors.map(fold);
    const byActor = wanted.length === 0 ? actors.length > 0 : actors.some((a) => wanted.includes(a));
    return byActor && namesPlace(c, params.near);
  });
  if (hits.length === 0) return notFired;
  const actors = [
    ...new Set(hits.flatMap((c) => c.actors).filter((a) => wanted.length === 0 || wanted.includes(fold(a)))),
  ];
  const places = [...new Set(hits.flatMap((c) => c.places))];
  const intent = hits.filter((c) => c.modality === "intent").length;
  const what = intent === hits.length ? "deployment intent" : "deployment";
  return {
    fired: true,
    summary: `${what} by ${actors.join(", ")}${places.length > 0 ? ` near ${places.slice(0, 3).join(", ")}` : ""}`,
    numbers: {
      claims: hits.length,
      asserted: hits.length - intent,
      intent,
      articles: new Set(hits.map((c) => c.articleId)).size,
      actors,
      places,
    },
    evidence: hits,
    key: hits
      .map((c) => c.indicatorId)
      .sort()
      .join(","),
  };
}
