import { Decimal } from "../../model/decimal";
import {
  discountFactor,
  greenBookDiscountFactor,
  requireDiscountRate,
} from "../valuation/discounting";
import { deflator, REAL_PRICES, type PriceBasis } from "./priceBasis";

/**
 * How a scenario discounts: one flat rate, or the Green Book's declining schedule, both real; with
 * nominal amounts, each is first deflated to today's prices by the price basis's inflation. Either way
 * a cash flow at `year` (fractions allowed) is worth `factor(year)` of its amount today.
 */
export type DiscountCurve = (
  | { readonly kind: "flat"; readonly rate: Decimal }
  | {
      readonly kind: "green-book";
      /** Points added to every band's rate (a tornado's sensitivity); omitted, the schedule itself. */
      readonly shift?: Decimal | undefined;
    }
) & { readonly priceBasis: PriceBasis };

export function flatCurve(
  rate: Decimal,
  argument = "discount rate",
  priceBasis: PriceBasis = REAL_PRICES
): DiscountCurve {
  return { kind: "flat", rate: requireDiscountRate(rate, argument), priceBasis };
}

export const GREEN_BOOK_CURVE: DiscountCurve = { kind: "green-book", priceBasis: REAL_PRICES };

export function curveFactor(curve: DiscountCurve, year: Decimal): Decimal {
  const real =
    curve.kind === "flat"
      ? discountFactor(curve.rate, year)
      : greenBookDiscountFactor(year, "year", curve.shift);
  return curve.priceBasis.kind === "real" ? real : real.times(deflator(curve.priceBasis, year));
}

/**
 * Factors for the whole years 0..lastYear, computed once: a grid or a simulation discounts the same
 * years thousands of times.
 */
export function yearlyFactors(curve: DiscountCurve, lastYear: number): Decimal[] {
  return Array.from({ length: lastYear + 1 }, (_, year) => curveFactor(curve, new Decimal(year)));
}
