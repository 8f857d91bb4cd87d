import type { PartnershipV1 } from "../document/schemaV1";
import { Decimal, ONE, toPence } from "./decimal";

/**
 * Version 1's arithmetic, kept only to say how a version-1 document's price changes when it is read
 * as version 2 (priceChange.ts) and to carry its fixed and capital recovery over (migrate.ts).
 * Version 1 put on-costs on every line and overheads on every line of a commercial quote, and
 * charged fixed and capital costs as pool x share.
 */

export function lineAmountV1(
  doc: PartnershipV1,
  line: PartnershipV1["costs"]["lines"][number]
): Decimal {
  const onCost = ONE.plus(doc.costs.onCostRate);
  const overhead = doc.use === "commercial" ? ONE.plus(doc.costs.overheadRate) : ONE;
  return toPence(new Decimal(line.quantity).times(line.unitCost).times(onCost).times(overhead));
}

export function poolAmountV1(pool: { readonly pool: number; readonly share: number }): Decimal {
  return toPence(new Decimal(pool.pool).times(pool.share));
}
