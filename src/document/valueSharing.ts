/**
 * The value-sharing terms of a partnership (CIDC guide, chapter 1): a fixed payment, a subscription,
 * milestone payments and a revenue royalty. Their own file, because both the partnership (its agreed
 * terms) and its scenarios (alternatives to compare) are made of them.
 */
import { z } from "zod";
import { Decimal, sumDecimals } from "../model/decimal";
import { formatPounds } from "../model/format";
import {
  ALWAYS,
  ALWAYS_FOR_LISTS,
  fraction,
  isNumber,
  isoDate,
  money,
  nonNegative,
  requiredText,
  wholeYears,
} from "./fields";

const instalmentSchema = z.strictObject({ due: isoDate(), amount: money() });

/** Pounds for a message, keeping fractions of a penny visible where there are any (£100.004). */
function exactPounds(value: Decimal): string {
  return value.decimalPlaces() <= 2 ? formatPounds(value) : `£${value.toString()}`;
}

export const fixedPaymentSchema = z
  .strictObject({
    amount: money(),
    /** When the fixed payment falls due; empty or omitted means a single payment on signature. */
    instalments: z.array(instalmentSchema).default([]),
  })
  .superRefine((payment, ctx) => {
    const instalments: unknown = payment.instalments;
    if (!isNumber(payment.amount) || !Array.isArray(instalments) || instalments.length === 0)
      return;
    const amounts = instalments.map(
      (instalment) => (instalment as { amount?: unknown } | null)?.amount
    );
    if (!amounts.every(isNumber)) return;
    // Compared as decimals: in binary, 100.004 and 100 would both round to 10000 pence.
    const sum = sumDecimals(amounts.map((amount) => new Decimal(amount)));
    const amount = new Decimal(payment.amount);
    if (!sum.equals(amount)) {
      ctx.addIssue({
        code: "custom",
        path: ["instalments"],
        message: `add up to ${exactPounds(sum)} but the fixed payment is ${exactPounds(amount)}; they must agree`,
      });
    }
  }, ALWAYS);

export const subscriptionSchema = z.strictObject({
  /** The first year's fee in pounds. */
  annualFee: money(),
  years: wholeYears(),
  /** Yearly growth of the fee as a decimal (0.02 = 2% a year); may be negative, above -1. Default 0. */
  indexation: z
    .number()
    .gt(-1, { error: "must be greater than -1 (a decimal, 0.02 = 2% a year)" })
    .default(0),
  /** Paid at the start of each year (the default) rather than at its end. */
  inAdvance: z.boolean().default(true),
});

export const milestoneSchema = z.strictObject({
  description: requiredText(),
  amount: money(),
  /** When the milestone is expected, in years from the quote date; fractions allowed. */
  year: nonNegative("years from the quote date"),
  /** This milestone's own chance of being paid, 0..1, from today (multiply phase success rates along the way). */
  probability: fraction(),
  /**
   * Whether a late launch postpones this milestone too: true for a launch or first commercial sale, or
   * any step of the development programme that a launch delay pushes back. Only a scenario simulation's
   * drawn launch delay moves it; omitted (false), it stays at its year whatever the launch does.
   */
  tiedToLaunch: z.boolean().optional().meta({
    description:
      "Whether a late launch postpones this milestone too (a launch or first commercial sale, or a step of the development programme a launch delay pushes back): in each simulated trial it moves by the launch delay drawn and is discounted at its new year. Omitted (false): it stays at its year. Only the simulation delays a launch; every other value is unchanged.",
  }),
});

export const royaltyTierSchema = z.strictObject({
  /** Revenue in pounds a year at which this tier starts. */
  threshold: money(),
  /** Royalty rate on revenue within this tier, 0..1. */
  rate: fraction(),
});

export const royaltySchema = z
  .strictObject({
    /** Incremental tiers, like tax bands: first threshold 0, strictly ascending. */
    tiers: z
      .array(royaltyTierSchema)
      .min(1, { error: "needs at least one tier (threshold 0 and a rate)" })
      .superRefine((tiers, ctx) => {
        const thresholds = tiers.map((tier) => (tier as { threshold?: unknown } | null)?.threshold);
        const first = thresholds[0];
        if (isNumber(first) && first !== 0) {
          ctx.addIssue({
            code: "custom",
            path: [0, "threshold"],
            message: "must be 0: the first tier starts at the first pound of revenue",
          });
        }
        for (let i = 1; i < thresholds.length; i++) {
          const previous = thresholds[i - 1];
          const current = thresholds[i];
          if (isNumber(previous) && isNumber(current) && current <= previous) {
            ctx.addIssue({
              code: "custom",
              path: [i, "threshold"],
              message: `must be above the previous tier's threshold (${previous}); tiers go in ascending order`,
            });
          }
        }
      }, ALWAYS_FOR_LISTS),
    /** Most the royalty can be in a year, in pounds. Applied before the minimum. */
    annualCap: money().optional(),
    /** Least the royalty can be in a year, in pounds. Must not exceed the cap. */
    annualMinimum: money().optional(),
    termYears: wholeYears(),
  })
  .superRefine((royalty, ctx) => {
    const { annualCap, annualMinimum } = royalty;
    if (isNumber(annualCap) && isNumber(annualMinimum) && annualMinimum > annualCap) {
      ctx.addIssue({
        code: "custom",
        path: ["annualMinimum"],
        message: `is above the annual cap (${annualCap}), so no royalty could satisfy both`,
      });
    }
  }, ALWAYS);

/** The value-sharing mechanisms of chapter 1: any, all or none of them. */
export const valueSharingSchema = z.strictObject({
  fixedPayment: fixedPaymentSchema.optional(),
  subscription: subscriptionSchema.optional(),
  milestones: z.array(milestoneSchema).optional(),
  royalty: royaltySchema.optional(),
});
