import { decimalArithmetic } from "../arithmetic";
import { Decimal, ONE, ZERO } from "../../model/decimal";
import { annualPresentValue, discountFactor, requireDiscountRate } from "./discounting";
import { divisionByZero, invalidNumber, invalidValue } from "../../model/errors";
import { royaltyForPeriod, validateRoyaltyTerms, type RoyaltyTerms } from "./royalty";
import { requireFraction, requireNonNegative } from "../validate";

/**
 * Present values of the value-sharing mechanisms of the CIDC guide (chapter 1), risk-adjusted where a
 * payment is uncertain (rNPV: weight each cash flow by its probability, then discount). These are values
 * for comparing terms, not prices, so they are not rounded.
 */

const D = decimalArithmetic;

/** A stream of annual revenues, the first at the end of year 1 (as Excel's NPV). */
export interface RoyaltyValueInputs {
  readonly revenues: readonly Decimal[];
  readonly terms: RoyaltyTerms<Decimal>;
  readonly discountRate: Decimal;
  /** The chance the revenues happen at all, 0..1. */
  readonly probability: Decimal;
}

export function royaltyValue({
  revenues,
  terms,
  discountRate,
  probability,
}: RoyaltyValueInputs): Decimal {
  validateRoyaltyTerms(D, terms);
  requireDiscountRate(discountRate);
  requireFraction(D, probability, "probability");
  const royalties = revenues.map((revenue, i) =>
    royaltyForPeriod(D, revenue, terms, `revenues (value ${i + 1})`)
  );
  return annualPresentValue(royalties, discountRate).times(probability);
}

export interface Milestone {
  readonly amount: Decimal;
  /** Years from now; fractions allowed. */
  readonly period: Decimal;
  /** This milestone's own chance of being paid, 0..1. */
  readonly probability: Decimal;
}

/** What the three parts of a milestone are called where they came from, for error messages. */
export interface MilestoneFieldNames {
  readonly amounts: string;
  readonly periods: string;
  readonly probabilities: string;
}

const MILESTONE_FIELDS: MilestoneFieldNames = {
  amounts: "amounts",
  periods: "periods",
  probabilities: "probabilities",
};

function validateMilestones(milestones: readonly Milestone[], names: MilestoneFieldNames): void {
  milestones.forEach((milestone, i) => {
    requireNonNegative(D, milestone.amount, `${names.amounts} (value ${i + 1})`);
    requireNonNegative(D, milestone.period, `${names.periods} (value ${i + 1})`);
    requireFraction(D, milestone.probability, `${names.probabilities} (value ${i + 1})`);
  });
}

export function milestoneValue(milestones: readonly Milestone[], discountRate: Decimal): Decimal {
  requireDiscountRate(discountRate);
  validateMilestones(milestones, MILESTONE_FIELDS);
  let total = ZERO;
  for (const milestone of milestones) {
    const weighted = milestone.amount.times(milestone.probability);
    // Worth nothing adds nothing, even where the discount factor overflows (0 x Infinity is NaN).
    if (!weighted.isZero())
      total = total.plus(weighted.times(discountFactor(discountRate, milestone.period)));
  }
  return total;
}

/** Builds and checks milestones from three parallel lists, as the spreadsheet functions receive them. */
export function milestonesFromColumns(
  amounts: readonly Decimal[],
  periods: readonly Decimal[],
  probabilities: readonly Decimal[],
  names: MilestoneFieldNames = MILESTONE_FIELDS
): Milestone[] {
  for (const [list, name] of [
    [periods, names.periods],
    [probabilities, names.probabilities],
  ] as const) {
    if (list.length !== amounts.length) {
      throw invalidValue(
        name,
        `has ${list.length} value(s) but ${names.amounts} has ${amounts.length}; they must be the same size`
      );
    }
  }
  const milestones = amounts.map((amount, i) => ({
    amount,
    period: periods[i] as Decimal,
    probability: probabilities[i] as Decimal,
  }));
  validateMilestones(milestones, names);
  return milestones;
}

export interface SubscriptionInputs {
  readonly annualFee: Decimal;
  /** Whole years, at least 1. */
  readonly years: Decimal;
  readonly discountRate: Decimal;
  /** Yearly growth of the fee, e.g. 0.02 for 2% a year. */
  readonly indexation: Decimal;
  /** Paid at the start of each year (the default) rather than at its end. */
  readonly inAdvance: boolean;
}

/** The fee in year `k` of a subscription (k = 0 is the first year): the first fee grown by the indexation k times. */
export function subscriptionFee(annualFee: Decimal, indexation: Decimal, k: number): Decimal {
  return annualFee.times(ONE.plus(indexation).pow(k));
}

/** Longest subscription the function values; far beyond any real licence, and keeps a cell's work bounded. */
export const MAX_SUBSCRIPTION_YEARS = 1000;

export function subscriptionValue({
  annualFee,
  years,
  discountRate,
  indexation,
  inAdvance,
}: SubscriptionInputs): Decimal {
  requireNonNegative(D, annualFee, "annual_fee");
  if (!years.isInteger() || years.lessThan(1))
    throw invalidNumber("years", "must be a whole number of years, at least 1");
  if (years.greaterThan(MAX_SUBSCRIPTION_YEARS))
    throw invalidNumber("years", `must be at most ${MAX_SUBSCRIPTION_YEARS}`);
  requireDiscountRate(discountRate);
  if (indexation.lessThanOrEqualTo(-1))
    throw invalidNumber("indexation", "must be greater than -1 (a decimal, 0.02 = 2% a year)");
  const count = years.toNumber();
  let total = ZERO;
  for (let k = 0; k < count; k++) {
    const fee = subscriptionFee(annualFee, indexation, k);
    total = total.plus(fee.times(discountFactor(discountRate, new Decimal(inAdvance ? k : k + 1))));
  }
  return total;
}

export interface BreakevenInputs {
  readonly revenues: readonly Decimal[];
  readonly discountRate: Decimal;
  readonly milestones: readonly Milestone[];
  readonly revenueProbability: Decimal;
}

/**
 * The flat royalty rate whose risk-adjusted present value equals the milestones': the point at which an
 * analyst is indifferent between the two structures.
 */
export function breakevenRoyaltyRate({
  revenues,
  discountRate,
  milestones,
  revenueProbability,
}: BreakevenInputs): Decimal {
  requireDiscountRate(discountRate);
  requireFraction(D, revenueProbability, "revenue_probability");
  revenues.forEach((revenue, i) => requireNonNegative(D, revenue, `revenues (value ${i + 1})`));
  const target = milestoneValue(milestones, discountRate);
  const revenueValue = annualPresentValue(revenues, discountRate).times(revenueProbability);
  if (revenueProbability.isZero()) {
    throw divisionByZero(
      "revenue_probability",
      "is 0, so the revenues are worth nothing and no royalty rate can match the milestones"
    );
  }
  if (revenueValue.isZero()) {
    throw divisionByZero(
      "revenues",
      "their present value is 0, so no royalty rate can match the milestones"
    );
  }
  const rate = target.div(revenueValue);
  if (!rate.isFinite()) throw invalidNumber("revenues", "too small to find a royalty rate");
  return rate;
}
