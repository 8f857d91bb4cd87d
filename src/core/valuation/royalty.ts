import type { Arithmetic } from "../arithmetic";
import { invalidNumber, invalidValue } from "../../model/errors";
import { requireFraction, requireNonNegative } from "../validate";

/**
 * A revenue royalty (CIDC guide, chapter 1): a share of each period's revenue from a product built
 * with NHS data. Tiers are incremental, like tax bands: each rate applies only to the slice of revenue
 * between its threshold and the next (10% to 200M and 12% above gives 32M on 300M). The annual cap
 * applies first, then the annual minimum.
 */
export interface RoyaltyTerms<T> {
  /** One rate per tier, decimals (0.05 = 5%). */
  readonly rates: readonly T[];
  /** The lower bound of each tier: first 0, strictly ascending. Omitted for a single flat rate. */
  readonly thresholds: readonly T[] | null;
  readonly annualCap: T | null;
  readonly annualMinimum: T | null;
}

/** Checks the terms once, so that a spill over many periods does not re-check them for every period. */
export function validateRoyaltyTerms<T>(A: Arithmetic<T>, terms: RoyaltyTerms<T>): void {
  const { rates, thresholds, annualCap, annualMinimum } = terms;
  if (rates.length === 0) throw invalidValue("rates", "needs at least one rate");
  rates.forEach((rate) => requireFraction(A, rate, "rates"));
  if (thresholds === null) {
    if (rates.length > 1) {
      throw invalidValue(
        "thresholds",
        `${rates.length} rates need ${rates.length} thresholds (the lower bound of each tier, first 0)`
      );
    }
  } else {
    if (thresholds.length !== rates.length) {
      throw invalidValue(
        "thresholds",
        `has ${thresholds.length} value(s) but rates has ${rates.length}; give one lower bound per rate`
      );
    }
    if (A.compare(thresholds[0] as T, A.zero) !== 0)
      throw invalidValue("thresholds", "the first threshold must be 0");
    for (let i = 1; i < thresholds.length; i++) {
      if (A.compare(thresholds[i] as T, thresholds[i - 1] as T) <= 0) {
        throw invalidValue(
          "thresholds",
          `must be strictly ascending (value ${i + 1} is not above value ${i})`
        );
      }
    }
  }
  if (annualCap !== null) requireNonNegative(A, annualCap, "annual_cap");
  if (annualMinimum !== null) requireNonNegative(A, annualMinimum, "annual_minimum");
  if (annualCap !== null && annualMinimum !== null && A.compare(annualMinimum, annualCap) > 0) {
    throw invalidNumber("annual_minimum", "is above annual_cap, so no royalty could satisfy both");
  }
}

/** The royalty due on one period's revenue. The terms must have passed `validateRoyaltyTerms`. */
export function royaltyForPeriod<T>(
  A: Arithmetic<T>,
  revenue: T,
  terms: RoyaltyTerms<T>,
  argument = "revenue"
): T {
  requireNonNegative(A, revenue, argument);
  const { rates, thresholds } = terms;
  let royalty = A.zero;
  if (thresholds === null) {
    royalty = A.multiply(revenue, rates[0] as T);
  } else {
    for (let tier = 0; tier < rates.length; tier++) {
      const lower = thresholds[tier] as T;
      if (A.compare(revenue, lower) <= 0) break;
      const upper = tier + 1 < thresholds.length ? (thresholds[tier + 1] as T) : null;
      const top = upper !== null && A.compare(revenue, upper) > 0 ? upper : revenue;
      royalty = A.add(royalty, A.multiply(A.subtract(top, lower), rates[tier] as T));
    }
  }
  if (terms.annualCap !== null && A.compare(royalty, terms.annualCap) > 0)
    royalty = terms.annualCap;
  if (terms.annualMinimum !== null && A.compare(royalty, terms.annualMinimum) < 0)
    royalty = terms.annualMinimum;
  return royalty;
}
