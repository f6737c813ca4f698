import { AGREEMENT } from "./agreement.ts";
import { ARREST } from "./arrest.ts";
import { CLASH } from "./clash.ts";
import { CONDEMNATION } from "./condemnation.ts";
import { DEPLOYMENT } from "./deployment.ts";
import { PROTEST } from "./protest.ts";
import { SANCTION } from "./sanction.ts";
import { TALKS } from "./talks.ts";
import { THREAT } from "./threat.ts";
import type { TypeLexicon } from "./types.ts";

export type { Trigger, TypeLexicon } from "./types.ts";

export const LEXICONS: readonly TypeLexicon[] = [
  CLASH,
  DEPLOYMENT,
  TALKS,
  AGREEMENT,
  ARREST,
  PROTEST,
  THREAT,
  SANCTION,
  CONDEMNATION,
];
