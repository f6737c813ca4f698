/** Month names (nominative, genitive and short forms) → month number. Keys are lower-case. */
const TABLE: Record<number, string> = {
  1: "january jan janv januar januara јануар јануара siječanj siječnja janar janarit janvier enero gennaio janeiro jänner",
  2: "february feb febr februar februara фебруар фебруара veljača veljače shkurt shkurtit février fevrier febrero febbraio fevereiro",
  3: "march mar mart marta март марта ožujak ožujka mars marsit märz marzo março",
  4: "april apr aprila април априла travanj travnja prill prillit avril abril aprile",
  5: "may maj maja мај маја svibanj svibnja majit mai mayo maggio maio",
  6: "june jun juni juna јун јуна lipanj lipnja qershor qershorit juin junio giugno junho",
  7: "july jul juli jula јул јула srpanj srpnja korrik korrikut juillet julio luglio julho",
  8: "august aug avgust avgusta август августа kolovoz kolovoza gusht gushtit août aout agosto",
  9: "september sep sept septembar septembra септембар септембра rujan rujna shtator shtatorit septembre septiembre settembre setembro",
  10: "october oct okt oktobar oktobra октобар октобра listopad listopada tetor tetorit oktober octobre octubre ottobre outubro",
  11: "november nov novembar novembra новембар новембра studeni studenoga studenog nëntor nëntorit nentor nentorit novembre noviembre novembro",
  12: "december dec dez decembar decembra децембар децембра prosinac prosinca dhjetor dhjetorit dezember décembre decembre diciembre dicembre dezembro",
};

export const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries(TABLE).flatMap(([n, words]) => words.split(" ").map((w) => [w, Number(n)] as const)),
);
