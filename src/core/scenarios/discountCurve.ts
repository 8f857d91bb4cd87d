import { Decimal } from "../../model/decimal";
import {
  discountFactor,
  greenBookDiscountFactor,
  requireDiscountRate,
} from "../valuation/discounting";

/**
 * How a scenario discounts: one flat rate, or the Green Book's declining schedule. Either way a cash
 * flow at `year` (fractions allowed) is worth `factor(year)` of its amount today.
 */
export type DiscountCurve =
  | { readonly kind: "flat"; readonly rate: Decimal }
  | {
      readonly kind: "green-book";
      /** Points added to every band's rate (a tornado's sensitivity); omitted, the schedule itself. */
      readonly shift?: Decimal | undefined;
    };

export function flatCurve(rate: Decimal, argument = "discount rate"): DiscountCurve {
  return { kind: "flat", rate: requireDiscountRate(rate, argument) };
}

export const GREEN_BOOK_CURVE: DiscountCurve = { kind: "green-book" };

export function curveFactor(curve: DiscountCurve, year: Decimal): Decimal {
  return curve.kind === "flat"
    ? discountFactor(curve.rate, year)
    : greenBookDiscountFactor(year, "year", curve.shift);
}

/**
 * Factors for the whole years 0..lastYear, computed once: a grid or a simulation discounts the same
 * years thousands of times.
 */
export function yearlyFactors(curve: DiscountCurve, lastYear: number): Decimal[] {
  return Array.from({ length: lastYear + 1 }, (_, year) => curveFactor(curve, new Decimal(year)));
}
