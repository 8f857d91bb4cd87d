import { Decimal, ZERO } from "../../model/decimal";
import type { RevenueForecast } from "./revenue";
import type { FactorCache } from "./value";

/**
 * The flat royalty rate whose risk-adjusted present value equals the milestones': where an analyst is
 * indifferent between the two offers. The royalty is paid in `royaltyYears` only and only if the
 * product reaches market. The same formula as valuation.ts's breakevenRoyaltyRate (milestones' value
 * over the risk-weighted value of the revenue), but on any discount curve, the Green Book's included.
 */
export type Breakeven =
  | { readonly rate: Decimal; readonly milestonesId: string }
  | { readonly rate: null; readonly milestonesId: string | null; readonly reason: string };

export function breakevenAgainstMilestones(
  milestones: { id: string; riskAdjustedPresentValue: Decimal } | undefined,
  forecast: RevenueForecast,
  royaltyYears: readonly number[],
  probabilityOfReachingMarket: Decimal,
  factors: FactorCache
): Breakeven {
  if (milestones === undefined)
    return { rate: null, milestonesId: null, reason: "there is no milestone offer to match" };
  const revenueValue = royaltyRevenueValue(
    forecast,
    royaltyYears,
    probabilityOfReachingMarket,
    factors
  );
  if (revenueValue.isZero())
    return {
      rate: null,
      milestonesId: milestones.id,
      reason:
        "the revenue a royalty would be paid on is worth nothing (no revenue in the royalty's years, or no chance of reaching market)",
    };
  return {
    rate: milestones.riskAdjustedPresentValue.div(revenueValue),
    milestonesId: milestones.id,
  };
}

/**
 * The revenue a royalty is paid on, in `royaltyYears`, discounted and weighted by the chance of reaching
 * market: what a flat royalty rate multiplies, and the breakeven divides by.
 */
export function royaltyRevenueValue(
  forecast: RevenueForecast,
  royaltyYears: readonly number[],
  probabilityOfReachingMarket: Decimal,
  factors: FactorCache
): Decimal {
  let revenueValue = ZERO;
  for (const year of royaltyYears) {
    const revenue = forecast[year - 1] as Decimal;
    if (!revenue.isZero())
      revenueValue = revenueValue.plus(revenue.times(factors.at(new Decimal(year))));
  }
  return revenueValue.times(probabilityOfReachingMarket);
}
