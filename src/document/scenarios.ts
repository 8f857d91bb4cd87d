import { z } from "zod";
import {
  ALWAYS,
  ALWAYS_FOR_LISTS,
  fraction,
  identifier,
  isNumber,
  money,
  nonNegative,
  requiredText,
} from "./fields";
// schema.ts holds this block and this block holds schema.ts's mechanisms: the two refer to each other
// through z.lazy, so either module may be loaded first.
import { milestoneSchema, royaltySchema, subscriptionSchema } from "./valueSharing";
import { fairShareSchema } from "./valueSharingPolicy";

/**
 * The scenarios block of a Partnership document: what an analyst assumes about the product built with
 * the data (its revenue and its chance of reaching market) and which value-sharing mechanisms to compare
 * with the document's own terms, so that royalty, milestones, subscription and fixed payments can be set
 * side by side (CIDC guide, chapter 1, commercial principle 4). Nothing here changes the quote.
 */

/** A royalty term or a revenue forecast longer than this is beyond any product's life. */
export const MAX_SCENARIO_YEARS = 100;

/** Longest list a sensitivity axis may have: a grid is for reading, and a sheet must print it. */
export const MAX_SENSITIVITY_POINTS = 25;

/** A simulation longer than this would keep a user waiting for no more precision than a report needs. */
export const MAX_TRIALS = 10_000_000;

const yearCount = (what: string) =>
  z
    .number()
    .int({ error: `must be a whole number of years (${what})` })
    .min(1, { error: `must be at least 1 (${what})` })
    .max(MAX_SCENARIO_YEARS, { error: `must be at most ${MAX_SCENARIO_YEARS} (${what})` });

const explicitRevenueSchema = z.strictObject({
  kind: z.literal("explicit").meta({ description: "Revenue written out year by year." }),
  byYear: z
    .array(
      nonNegative("revenue in pounds a year").meta({ description: "One year's revenue in pounds." })
    )
    .min(1, { error: "needs at least one year's revenue" })
    .max(MAX_SCENARIO_YEARS, { error: `has more than ${MAX_SCENARIO_YEARS} years` })
    .meta({
      description:
        "The product's expected revenue in pounds in each year if it reaches market, year 1 (the year after the quote date) first.",
    }),
});

const curveRevenueSchema = z.strictObject({
  kind: z
    .literal("curve")
    .meta({ description: "Revenue from a launch, ramp-up and decline curve." }),
  launchYear: yearCount("the first year with revenue, 1 = the year after the quote date").meta({
    description: "The first year with revenue: 1 is the year after the quote date.",
  }),
  yearsToPeak: yearCount("years from launch to peak revenue, 1 = peak in the launch year").meta({
    description:
      "Years of linear ramp-up: revenue in the k-th year from launch is peak x k / yearsToPeak until it peaks.",
  }),
  peakRevenue: money().meta({ description: "Revenue in pounds in the peak year." }),
  declineRate: fraction().default(0).meta({
    description:
      "Yearly fall of revenue after the peak year, a decimal (0.1 = 10% a year). Default 0: revenue stays at peak.",
  }),
  years: yearCount("the forecast's length")
    .default(20)
    .meta({ description: "How many years the forecast covers, from year 1. Default 20." }),
});

export const revenueForecastSchema = z
  .discriminatedUnion("kind", [explicitRevenueSchema, curveRevenueSchema], {
    error: (issue) =>
      issue.input === undefined || typeof issue.input !== "object"
        ? undefined
        : 'kind must be "explicit" (revenue written out by year) or "curve" (launch, ramp-up and decline)',
  })
  .superRefine((forecast, ctx) => {
    if (forecast.kind !== "curve") return;
    const { launchYear, years } = forecast;
    if (isNumber(launchYear) && isNumber(years) && launchYear > years)
      ctx.addIssue({
        code: "custom",
        path: ["launchYear"],
        message: `is year ${launchYear}, after the forecast's last year (${years}); the forecast would have no revenue`,
      });
  });

const flatDiscountSchema = z.strictObject({
  kind: z.literal("flat").meta({ description: "One discount rate for every year." }),
  rate: z
    .number()
    .gt(-1, { error: "must be greater than -1 (a decimal, 0.035 = 3.5%)" })
    .max(1, { error: "must be at most 1 (a decimal, 0.035 = 3.5%)" })
    .meta({ description: "The annual discount rate as a decimal (0.035 = 3.5%)." }),
});

const greenBookDiscountSchema = z.strictObject({
  kind: z.literal("green-book").meta({
    description:
      "HM Treasury Green Book declining rates: 3.5% to year 30, 3% to 75, 2.5% to 125, compounded band by band.",
  }),
});

export const discountSchema = z.discriminatedUnion(
  "kind",
  [flatDiscountSchema, greenBookDiscountSchema],
  {
    error: (issue) =>
      issue.input === undefined || typeof issue.input !== "object"
        ? undefined
        : 'kind must be "flat" (one rate) or "green-book" (the Green Book schedule)',
  }
);

const instalmentByYearSchema = z.strictObject({
  year: nonNegative("years from the quote date").meta({
    description: "When the instalment is paid, in years from the quote date (0 = on signature).",
  }),
  amount: money().meta({ description: "The instalment in pounds." }),
});

const fixedAlternativeSchema = z.strictObject({
  id: identifier().meta({ description: "Names the alternative in results and on the sheet." }),
  mechanism: z.literal("fixed").meta({ description: "A fixed payment, whole or in instalments." }),
  instalments: z
    .array(instalmentByYearSchema)
    .min(1, { error: "needs at least one instalment (year 0 for a single payment on signature)" })
    .meta({ description: "When each part of the fixed payment is paid, and how much." }),
});

const subscriptionAlternativeSchema = z.strictObject({
  id: identifier().meta({ description: "Names the alternative in results and on the sheet." }),
  mechanism: z.literal("subscription").meta({ description: "An annual subscription fee." }),
  subscription: subscriptionSchema.meta({
    description:
      "The first year's fee, the number of years, indexation and whether paid in advance.",
  }),
});

const milestonesAlternativeSchema = z.strictObject({
  id: identifier().meta({ description: "Names the alternative in results and on the sheet." }),
  mechanism: z.literal("milestones").meta({ description: "Payments on reaching milestones." }),
  milestones: z.array(milestoneSchema).min(1, { error: "needs at least one milestone" }).meta({
    description:
      "Each milestone's amount, year (from the quote date) and own probability of being paid, from today.",
  }),
});

const royaltyAlternativeSchema = z.strictObject({
  id: identifier().meta({ description: "Names the alternative in results and on the sheet." }),
  mechanism: z.literal("royalty").meta({ description: "A share of the product's revenue." }),
  royalty: royaltySchema.meta({
    description: "The royalty's tiers, annual cap and minimum and its term in years.",
  }),
});

export const alternativeSchema = z.discriminatedUnion(
  "mechanism",
  [
    fixedAlternativeSchema,
    subscriptionAlternativeSchema,
    milestonesAlternativeSchema,
    royaltyAlternativeSchema,
  ],
  {
    error: (issue) =>
      issue.input === undefined || typeof issue.input !== "object"
        ? undefined
        : 'mechanism must be "fixed", "subscription", "milestones" or "royalty"',
  }
);

/** The ids under which the document's own terms are compared; an alternative may not take them. */
export const DOCUMENT_TERM_IDS = {
  fixed: "document-fixed",
  subscription: "document-subscription",
  milestones: "document-milestones",
  royalty: "document-royalty",
} as const;
const DOCUMENT_IDS: readonly string[] = Object.values(DOCUMENT_TERM_IDS);

const axis = (what: string, item: z.ZodNumber) =>
  z
    .array(item)
    .min(2, { error: `needs at least 2 values (${what})` })
    .max(MAX_SENSITIVITY_POINTS, {
      error: `has more than ${MAX_SENSITIVITY_POINTS} values (${what})`,
    });

export const sensitivitySchema = z.strictObject({
  royaltyRates: axis("flat royalty rates", fraction()).optional().meta({
    description:
      "Flat royalty rates down the first grid, decimals (0.05 = 5%). Default 1%, 2%, 3%, 5%, 7.5%, 10%.",
  }),
  discountRates: axis(
    "flat discount rates",
    z
      .number()
      .gt(-1, { error: "must be greater than -1 (a decimal, 0.035 = 3.5%)" })
      .max(1, { error: "must be at most 1 (a decimal, 0.035 = 3.5%)" })
  )
    .optional()
    .meta({
      description:
        "Flat discount rates across the first grid, decimals. Default 1.5%, 2.5%, 3.5%, 5%, 7.5%, 10%.",
    }),
  peakRevenues: axis("peak revenues in pounds a year", money()).optional().meta({
    description:
      "Peak revenues down the second grid, in pounds a year; the forecast is scaled to each. Default 50% to 150% of the forecast's peak.",
  }),
  probabilities: axis("probabilities of reaching market", fraction()).optional().meta({
    description:
      "Probabilities of reaching market across the second grid. Default 10%, 25%, 50%, 75%, 100%.",
  }),
});

/** A tornado's low and high for one assumption, in the assumption's own unit. */
const tornadoRange = (what: string, item: () => z.ZodNumber) =>
  z
    .strictObject({
      low: item().meta({ description: `The low value (${what}).` }),
      high: item().meta({ description: `The high value (${what}).` }),
    })
    .superRefine((range, ctx) => {
      if (isNumber(range.low) && isNumber(range.high) && range.low > range.high)
        ctx.addIssue({
          code: "custom",
          path: ["high"],
          message: `must not be below the low value (${range.low})`,
        });
    }, ALWAYS);

const tornadoSchema = z.strictObject({
  peakRevenue: tornadoRange("pounds a year", money).optional().meta({
    description:
      "The peak yearly revenue the forecast is scaled to, low and high, in pounds. Default 50% and 150% of the forecast's peak.",
  }),
  probabilityOfReachingMarket: tornadoRange("a probability, 0 to 1", fraction).optional().meta({
    description:
      "The chance of reaching market, low and high. Default half the scenario's chance and one and a half times it, at most 1.",
  }),
  launchDelayYears: tornadoRange("whole years", () =>
    z
      .number()
      .int({ error: "must be a whole number of years" })
      .min(0, { error: "must not be negative (years late)" })
      .max(MAX_SCENARIO_YEARS, { error: `must be at most ${MAX_SCENARIO_YEARS} (years late)` })
  )
    .optional()
    .meta({
      description:
        "Years the launch is late, low and high: the royalty's revenue moves later (cut at the forecast's end) and so does every milestone tied to the launch. Default 0 and 2.",
    }),
  royaltyRate: tornadoRange("a multiple of the royalty's rates, 1 = as agreed", () =>
    z
      .number()
      .min(0, { error: "must not be negative (a multiple of the rates)" })
      .max(10, { error: "must be at most 10 (a multiple of the rates)" })
  )
    .optional()
    .meta({
      description:
        "Every royalty's tier rates times this multiple, low and high (each rate at most 100%). Default 0.5 and 1.5.",
    }),
  discountRate: tornadoRange("a decimal, 0.035 = 3.5%", () =>
    z
      .number()
      .gt(-1, { error: "must be greater than -1 (a decimal, 0.035 = 3.5%)" })
      .max(1, { error: "must be at most 1 (a decimal, 0.035 = 3.5%)" })
  )
    .optional()
    .meta({
      description:
        "With a flat discount: the rate, low and high. With the Green Book: the points added to every band's rate (-0.02 lowers each by two points). Default 2 points either side of the scenario's (a flat rate no lower than -0.99).",
    }),
  inflation: tornadoRange("points added to every year's inflation, 0.01 = 1 point", () =>
    z
      .number()
      .gt(-1, { error: "must be greater than -1 (points, 0.01 = 1 point)" })
      .max(1, { error: "must be at most 1 (points, 0.01 = 1 point)" })
  )
    .optional()
    .meta({
      description:
        "Points added to every year's inflation, low and high, for nominal amounts. Default -1 and +1 point.",
    }),
  defaultRate: tornadoRange("the partner's yearly default rate, 0.05 = 5%", () =>
    z
      .number()
      .min(0, { error: "must not be negative (a decimal, 0.05 = 5% a year)" })
      .lt(1, { error: "must be less than 1 (a decimal, 0.05 = 5% a year)" })
  )
    .optional()
    .meta({
      description:
        "The partner's yearly default rate, low and high. Default 0 and twice the scenario's rate (5% when it is 0).",
    }),
});

const positiveAmount = (what: string) =>
  z
    .number()
    .min(0, { error: `must not be negative (${what})` })
    .max(1e12, { error: `must be at most 1,000,000,000,000 (${what})` });

/** A distribution of an uncertain input, in the input's own unit (pounds, years). */
export function distributionSchema(unit: string) {
  const bound = () => positiveAmount(unit);
  const ordered = (
    value: { min?: unknown; mode?: unknown; max?: unknown },
    ctx: z.RefinementCtx
  ): void => {
    const { min, mode, max } = value;
    if (isNumber(min) && isNumber(max) && !(min < max))
      ctx.addIssue({ code: "custom", path: ["max"], message: `must be above min (${min})` });
    if (isNumber(mode) && isNumber(min) && mode < min)
      ctx.addIssue({ code: "custom", path: ["mode"], message: `must not be below min (${min})` });
    if (isNumber(mode) && isNumber(max) && mode > max)
      ctx.addIssue({ code: "custom", path: ["mode"], message: `must not be above max (${max})` });
  };
  const threePoint = (kind: "triangular" | "pert", description: string) =>
    z
      .strictObject({
        distribution: z.literal(kind).meta({ description }),
        min: bound().meta({ description: `The lowest value, in ${unit}.` }),
        mode: bound().meta({ description: `The most likely value, in ${unit}.` }),
        max: bound().meta({ description: `The highest value, in ${unit}.` }),
      })
      .superRefine(ordered, ALWAYS);
  return z.discriminatedUnion(
    "distribution",
    [
      z.strictObject({
        distribution: z.literal("fixed").meta({ description: "No uncertainty: always value." }),
        value: bound().meta({ description: `The value, in ${unit}.` }),
      }),
      z
        .strictObject({
          distribution: z
            .literal("uniform")
            .meta({ description: "Any value from min to max, equally likely." }),
          min: bound().meta({ description: `The lowest value, in ${unit}.` }),
          max: bound().meta({ description: `The highest value, in ${unit}.` }),
        })
        .superRefine(ordered, ALWAYS),
      threePoint("triangular", "Triangular from min through the most likely value to max."),
      threePoint(
        "pert",
        "PERT (a beta distribution from min to max, peaked at the most likely value, with mean (min + 4 mode + max) / 6)."
      ),
      z.strictObject({
        distribution: z.literal("lognormal").meta({
          description: "Lognormal: the logarithm is normal; skewed to the right, never negative.",
        }),
        median: bound()
          .refine((value) => value > 0, { error: "must be above 0 (the median of a lognormal)" })
          .meta({ description: `The median (the 50th percentile), in ${unit}.` }),
        sigma: z
          .number()
          .gt(0, { error: "must be above 0 (the standard deviation of the logarithm)" })
          .max(5, { error: "must be at most 5 (the standard deviation of the logarithm)" })
          .meta({
            description:
              "The standard deviation of the value's natural logarithm (0.5 puts the 90th percentile at 1.9 x the median).",
          }),
      }),
    ],
    {
      error: (issue) =>
        issue.input === undefined || typeof issue.input !== "object"
          ? undefined
          : 'distribution must be "fixed", "uniform", "triangular", "pert" or "lognormal"',
    }
  );
}

const inflationRate = () =>
  z
    .number()
    .gt(-1, { error: "must be greater than -1 (a decimal, 0.02 = 2% a year)" })
    .max(1, { error: "must be at most 1 (a decimal, 0.02 = 2% a year)" });

const realPriceBasisSchema = z.strictObject({
  kind: z.literal("real").meta({
    description:
      "Every amount is in today's prices, as the Green Book's discount rates are: nothing is deflated.",
  }),
});

const nominalPriceBasisSchema = z.strictObject({
  kind: z.literal("nominal").meta({
    description:
      "Every amount is in the pounds of the day it is paid (what a contract states): each is deflated to today's prices by the inflation below before the real discount rate applies.",
  }),
  inflation: z
    .union([
      inflationRate(),
      z
        .array(inflationRate())
        .min(1, { error: "needs at least one year's inflation" })
        .max(MAX_SCENARIO_YEARS, { error: `has more than ${MAX_SCENARIO_YEARS} years` }),
    ])
    .meta({
      description:
        "Inflation a year as a decimal (0.02 = 2%): one rate for every year, or a rate for each year from year 1 (the year after the quote date), the last continuing beyond the list.",
    }),
  source: requiredText().meta({
    description:
      "Where the inflation comes from, such as the OBR's latest GDP deflator forecast (which the Green Book asks for) or the Bank of England's 2% target.",
  }),
});

export const priceBasisSchema = z.discriminatedUnion(
  "kind",
  [realPriceBasisSchema, nominalPriceBasisSchema],
  {
    error: (issue) =>
      issue.input === undefined || typeof issue.input !== "object"
        ? undefined
        : 'kind must be "real" (amounts in today\'s prices) or "nominal" (amounts in the pounds of the day they are paid)',
  }
);

export const counterpartySchema = z.strictObject({
  defaultRate: z
    .number()
    .min(0, { error: "must not be negative (a decimal, 0.05 = 5% a year)" })
    .lt(1, { error: "must be less than 1 (a decimal, 0.05 = 5% a year)" })
    .meta({
      description:
        "The yearly chance that the partner stops paying (fails, or cannot fund the partnership), a decimal: a payment due at year t is paid with probability (1 - rate)^t. Applies to fixed payments, subscription fees and milestones; a royalty is paid on the product's sales, already weighted by the chance of reaching market.",
    }),
  source: requiredText().meta({
    description: "Why this rate: the partner's accounts, a credit rating or a funding round.",
  }),
});

export const MILESTONE_DEPENDENCE = ["pipeline", "independent"] as const;

export const monteCarloSchema = z.strictObject({
  trials: z
    .number()
    .int({ error: "must be a whole number of trials" })
    .min(100, { error: "must be at least 100 (fewer cannot estimate a 10th percentile)" })
    .max(MAX_TRIALS, { error: `must be at most ${MAX_TRIALS.toLocaleString("en-GB")}` })
    .default(10_000)
    .meta({ description: "How many simulated futures to draw. Default 10,000." }),
  seed: z
    .number()
    .int({ error: "must be a whole number (the random seed)" })
    .min(0, { error: "must not be negative (the random seed)" })
    .max(2147483647, { error: "must be at most 2147483647 (the random seed)" })
    .default(1)
    .meta({
      description:
        "The random seed: the same seed gives the same figures on every machine. Default 1.",
    }),
  peakRevenue: distributionSchema("pounds a year").optional().meta({
    description:
      "Uncertainty in the peak (largest) yearly revenue; the forecast is scaled to each draw. Omitted: the forecast's own peak.",
  }),
  launchDelayYears: distributionSchema("years").optional().meta({
    description:
      "Uncertainty in how late the product launches, in years (rounded to whole years, since revenue is yearly). Omitted: no delay.",
  }),
  milestoneDependence: z.enum(MILESTONE_DEPENDENCE).default("pipeline").meta({
    description:
      'How milestones and reaching market depend on each other. "pipeline" (the default): one development programme, so a milestone with a lower probability is paid only if those with higher ones are, and the product reaches market only with them; "independent": each drawn on its own.',
  }),
});

export const scenariosSchema = z.strictObject({
  revenue: revenueForecastSchema.meta({
    description:
      'The product\'s yearly revenue if it reaches market: "explicit" year by year, or a "curve" from launch year, years to peak, peak revenue and decline.',
  }),
  probabilityOfReachingMarket: fraction().meta({
    description:
      "The chance, from today, that the product reaches market and earns the forecast revenue, 0 to 1.",
  }),
  discount: discountSchema.meta({
    description:
      'The discount rate: "flat" with one rate, or "green-book" for HM Treasury\'s declining schedule.',
  }),
  priceBasis: priceBasisSchema.optional().meta({
    description:
      'Whether the amounts are "real" (today\'s prices) or "nominal" (pounds of the day they are paid, with an inflation assumption). Omitted: real, and the results say so.',
  }),
  counterparty: counterpartySchema.optional().meta({
    description:
      "The partner's risk of not paying: a yearly default rate and its source. Omitted: a starting point by the partner's organisation type (10% a year for an SME, a charity or other, 1% for a large company, 0 for a university, public body or NHS organisation); it never changes the price.",
  }),
  includeDocumentTerms: z.boolean().default(true).meta({
    description:
      "Whether the document's own value-sharing terms are compared (each mechanism on its own). Default true.",
  }),
  alternatives: z
    .array(alternativeSchema)
    .superRefine(uniqueAlternativeIds, ALWAYS_FOR_LISTS)
    .default([])
    .meta({
      description:
        "Other mechanisms to compare with the document's terms: fixed (in instalments), subscription, milestones or royalty, each with its own id.",
    }),
  paybackTarget: money().optional().meta({
    description:
      "Pounds the NHS must receive (risk-adjusted and discounted) for a mechanism to pay back, such as the trust's investment in the partnership beyond what the fee recovers. Omitted: no payback is worked out (the fee already recovers the partnership's cost, so a payback against it would say nothing).",
  }),
  sensitivity: sensitivitySchema.optional().meta({
    description:
      "The axes of the two sensitivity grids (royalty rate x discount rate; peak revenue x probability of reaching market). Omitted: the defaults.",
  }),
  tornado: tornadoSchema.optional().meta({
    description:
      "The low and high value of each assumption the tornado moves one at a time (peak revenue, chance of reaching market, launch delay, royalty rates, discount rate, inflation, the partner's default rate). Omitted, or an assumption left out: its default.",
  }),
  monteCarlo: monteCarloSchema.optional().meta({
    description:
      "The simulation: trials, seed and the distributions of peak revenue and launch delay. Omitted: 10,000 trials, seed 1, no uncertainty beyond reaching market and the milestones.",
  }),
  fairShare: z
    .lazy(() => fairShareSchema)
    .optional()
    .meta({
      description:
        "The product's profit margin and what the NHS brings beyond the data (expertise, risk and investment), for the fair share of the product's value. Omitted: no fair share is worked out.",
    }),
  notes: requiredText()
    .optional()
    .meta({ description: "Where the assumptions come from, for whoever reviews them." }),
});

function uniqueAlternativeIds(items: readonly unknown[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const id: unknown = (item as { id?: unknown } | null)?.id;
    if (typeof id !== "string") return;
    if (DOCUMENT_IDS.includes(id))
      ctx.addIssue({
        code: "custom",
        path: [index, "id"],
        message: `"${id}" is the name of the document's own terms; give the alternative another id`,
      });
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else
      ctx.addIssue({
        code: "custom",
        path: [index, "id"],
        message: `repeats the id of scenarios.alternatives[${first}] ("${id}"); each needs its own id`,
      });
  });
}

export type Scenarios = z.infer<typeof scenariosSchema>;
export type Alternative = z.infer<typeof alternativeSchema>;
export type Distribution = z.infer<ReturnType<typeof distributionSchema>>;
