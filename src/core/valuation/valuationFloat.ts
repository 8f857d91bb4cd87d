import type { Arithmetic } from "../arithmetic";
import { Decimal } from "../../model/decimal";
import { requireDiscountRate } from "./discounting";
import { invalidValue } from "../../model/errors";
import type { RoyaltyTerms } from "./royalty";
import { validateRoyaltyTerms } from "./royalty";
import { floatRoyalty, royaltyOn } from "../scenarios/floatRoyalty";
import { requireFraction, requireNonNegative } from "../validate";

/**
 * ROYALTYVALUE and MILESTONEVALUE in doubles. A present value is a valuation for comparing terms, not a
 * price: nothing is charged at it or rounded from it, and the discount factors are irrational anyway.
 * In doubles a 20-year royalty value costs well under a microsecond, where decimal.js took over 100,
 * which is what a sensitivity grid of thousands of cells needs. Their accuracy against a 30-digit
 * decimal computation (a relative difference below 1e-12, about 10,000 times finer than Excel displays)
 * is tested on random inputs in test/core/valuationFloat.test.ts and stated in docs/functions.md.
 *
 * The checks are valuation.ts's own, run on doubles: a comparison of two doubles is exact, so each
 * accepts and refuses exactly what it does on decimals, with the same messages.
 */
const floatArithmetic: Arithmetic<number> = {
  zero: 0,
  one: 1,
  fromNumber: (value) => value,
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  roundToPence: (a) => a,
  toNumber: (a) => a,
  toDecimal: (a) => new Decimal(a),
};

const F = floatArithmetic;

const asDecimalLike = (value: number) => ({ toNumber: () => value });

function checkDiscountRate(rate: number, argument = "discount_rate"): void {
  // Only a comparison with -1; the decimal helper makes it exactly.
  if (rate <= -1) requireDiscountRate(new Decimal(rate), argument);
}

/** Risk-adjusted present value of a royalty on annual revenues, the first at the end of year 1. */
export function royaltyValueFloat(
  revenues: readonly number[],
  terms: RoyaltyTerms<number>,
  discountRate: number,
  probability: number
): number {
  validateRoyaltyTerms(F, terms);
  checkDiscountRate(discountRate);
  requireFraction(F, probability, "probability");
  const royalty = floatRoyalty({
    rates: terms.rates.map(asDecimalLike),
    thresholds: terms.thresholds === null ? null : terms.thresholds.map(asDecimalLike),
    annualCap: terms.annualCap === null ? null : asDecimalLike(terms.annualCap),
    annualMinimum: terms.annualMinimum === null ? null : asDecimalLike(terms.annualMinimum),
  });
  const growth = 1 + discountRate;
  let factor = 1;
  let total = 0;
  for (let i = 0; i < revenues.length; i++) {
    const revenue = revenues[i] as number;
    requireNonNegative(F, revenue, `revenues (value ${i + 1})`);
    // One division a year, as annualPresentValue does: no power, and no error growing with the exponent.
    factor /= growth;
    const due = royaltyOn(revenue, royalty);
    if (due !== 0) total += due * factor;
  }
  return total * probability;
}

export function milestoneValueFloat(
  amounts: readonly number[],
  periods: readonly number[],
  probabilities: readonly number[],
  discountRate: number
): number {
  // In valuation.ts's order (the columns, each milestone, then the rate), so the same error is reported first.
  for (const [list, name] of [
    [periods, "periods"],
    [probabilities, "probabilities"],
  ] as const) {
    if (list.length !== amounts.length)
      throw invalidValue(
        name,
        `has ${list.length} value(s) but amounts has ${amounts.length}; they must be the same size`
      );
  }
  for (let i = 0; i < amounts.length; i++) {
    requireNonNegative(F, amounts[i] as number, `amounts (value ${i + 1})`);
    requireNonNegative(F, periods[i] as number, `periods (value ${i + 1})`);
    requireFraction(F, probabilities[i] as number, `probabilities (value ${i + 1})`);
  }
  checkDiscountRate(discountRate);
  const growth = 1 + discountRate;
  let total = 0;
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i] as number;
    const period = periods[i] as number;
    const probability = probabilities[i] as number;
    const weighted = amount * probability;
    // Worth nothing adds nothing, even where the discount factor overflows (0 x Infinity is NaN).
    if (weighted !== 0) total += weighted / Math.pow(growth, period);
  }
  return total;
}
