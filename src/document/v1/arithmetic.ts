import type { PartnershipV1 } from "./schema";
import { Decimal, ONE, ZERO, toPence } from "../../model/decimal";
import { DECIMAL_PLACES } from "../../model/vocabulary";

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

/**
 * The recovery rate that asks of a version-2 quote the same share of its cost base as version 1's
 * pool x share asked of version 1's: (pool x share) / (the sum of version 1's line amounts), to
 * 0.01% like every rate. With no cost base there is nothing to take a share of, and the rate is 0.
 */
export function equivalentRecoveryRate(recovered: Decimal, costBase: Decimal): Decimal {
  if (costBase.isZero()) return ZERO;
  return recovered.div(costBase).toDecimalPlaces(DECIMAL_PLACES.rate, Decimal.ROUND_HALF_UP);
}
