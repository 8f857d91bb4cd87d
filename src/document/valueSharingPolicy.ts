/**
 * The trust's value-sharing policy, part of its pricing strategy (CIDC guide, chapter 4, principle 4;
 * chapter 5, "Pricing your data"): which mechanisms it prefers by use and by the value of the data, how
 * a royalty's base is defined (and what happens if the product is given away), the lowest royalty it
 * accepts, and how the NHS's contribution to a product is weighed into a fair share of its value. One
 * policy for the whole trust, as one set of rates: partners with the same use meet the same terms.
 */
import { z } from "zod";
import { DATA_USES, MECHANISM_KINDS } from "../model/vocabulary";
import { ALWAYS, ALWAYS_FOR_LISTS, fraction, isNumber, money, requiredText } from "./fields";
import { INTENDED_USES } from "./schema";

/** How much of a factor the NHS supplies: expertise, or risk and investment borne. */
export const CONTRIBUTION_LEVELS = ["none", "some", "substantial"] as const;

/** The data's value by its six characteristics: high with 4 or more of 6 high, as the guide's flag. */
export const DATA_VALUES = ["high", "low"] as const;

const preferenceSchema = z.strictObject({
  use: z.enum(DATA_USES).meta({ description: "The use of the data this preference is for." }),
  dataValue: z.enum(DATA_VALUES).meta({
    description:
      'The data\'s value: "high" when 4 or more of its six characteristics are high, else "low".',
  }),
  mechanisms: z
    .array(z.enum(MECHANISM_KINDS))
    .min(1, { error: "needs at least one mechanism" })
    .superRefine((mechanisms, ctx) => {
      mechanisms.forEach((mechanism, index) => {
        if (mechanisms.indexOf(mechanism) < index)
          ctx.addIssue({
            code: "custom",
            path: [index],
            message: `repeats "${mechanism}"; list each mechanism once`,
          });
      });
    }, ALWAYS_FOR_LISTS)
    .meta({
      description:
        'The value-sharing mechanisms the trust prefers here: "fixed", "subscription", "milestones", "royalty".',
    }),
});

const royaltyPolicySchema = z.strictObject({
  base: requiredText().meta({
    description:
      "What a royalty is a share of, as the trust's agreements define it: net sales (gross invoiced sales less VAT, returns and rebates), for example.",
  }),
  givenAway: requiredText().meta({
    description:
      "What the royalty is due on when the product is given away or bundled: the price of comparable sales, for example.",
  }),
  minimumRate: fraction().optional().meta({
    description:
      "The lowest headline royalty rate the trust accepts for commercial use (0.02 = 2%).",
  }),
  annualMinimum: money().optional().meta({
    description: "The annual minimum royalty in pounds the trust asks for by default.",
  }),
});

const weightsSchema = z
  .strictObject({
    data: fraction().meta({ description: "Weight of the data's six characteristics." }),
    intendedUse: fraction().meta({ description: "Weight of the intended use of the data." }),
    expertise: fraction().meta({ description: "Weight of the expertise the NHS supplies." }),
    riskAndInvestment: fraction().meta({
      description: "Weight of the risks and investment the NHS bears.",
    }),
  })
  .superRefine((weights, ctx) => {
    const values = Object.values(weights);
    if (!values.every(isNumber)) return;
    // Weights are written to two or three places: compare in thousandths, not binary fractions.
    const sum = values.reduce((total, value) => total + Math.round(value * 1000), 0);
    if (sum !== 1000)
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `add up to ${sum / 1000}, but the weights must add up to 1`,
      });
  }, ALWAYS);

// Lazy: schema.ts, which holds the intended uses, loads this module through the scenarios block.
const intendedUseScoresSchema = z.lazy(() =>
  z.strictObject(
    Object.fromEntries(
      INTENDED_USES.map((use) => [
        use,
        fraction().optional().meta({ description: "How much this use contributes, 0 to 1." }),
      ])
    ) as Record<(typeof INTENDED_USES)[number], z.ZodOptional<ReturnType<typeof fraction>>>
  )
);

const contributionSchema = z
  .strictObject({
    weights: weightsSchema.optional().meta({
      description:
        "How the four factors are weighed, adding up to 1. Omitted: data 0.5, intended use 0.2, expertise 0.15, risk and investment 0.15.",
    }),
    intendedUseScores: intendedUseScoresSchema.optional().meta({
      description:
        "How much each intended use contributes to a product, 0 to 1. Omitted: training or validating an AI model 1, a real-world study 0.75, deploying an AI model or clinical trial recruitment 0.5, early exploration 0.25.",
    }),
    shareAtFullContribution: z
      .strictObject({
        low: fraction().meta({ description: "The low end of the share, 0 to 1." }),
        high: fraction().meta({ description: "The high end of the share, 0 to 1." }),
      })
      .superRefine((share, ctx) => {
        if (isNumber(share.low) && isNumber(share.high) && share.low > share.high)
          ctx.addIssue({
            code: "custom",
            path: ["low"],
            message: `is ${share.low}, above the high end (${share.high})`,
          });
      }, ALWAYS)
      .optional()
      .meta({
        description:
          "The share of a product's risk-adjusted profit the NHS should have when it contributes fully on every factor; a smaller contribution scales it down. Omitted: 10% to 25% (the top is the licensing rule of thumb that a licensor takes about a quarter of the licensee's profit).",
      }),
  })
  .meta({
    description:
      "How the NHS's contribution to a product is weighed into a fair share of its value; the defaults are a starting point, not a standard.",
  });

export const valueSharingPolicySchema = z.strictObject({
  preferredMechanisms: z
    .array(preferenceSchema)
    .superRefine((preferences, ctx) => {
      // One preference per use and data value, so a quote is checked against exactly one.
      const seen = new Map<string, number>();
      preferences.forEach((preference, index) => {
        const { use, dataValue } = (preference ?? {}) as { use?: unknown; dataValue?: unknown };
        if (typeof use !== "string" || typeof dataValue !== "string") return;
        const key = `${use} ${dataValue}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, index);
        else
          ctx.addIssue({
            code: "custom",
            path: [index, "dataValue"],
            message: `repeats the preference of preferredMechanisms[${first}] (${use} use, ${dataValue}-value data); give each use and data value one preference`,
          });
      });
    }, ALWAYS_FOR_LISTS)
    .default([])
    .meta({
      description: "The mechanisms the trust prefers by use and by the data's value.",
    }),
  royalty: royaltyPolicySchema.optional().meta({
    description:
      "How the trust's royalties are defined: the base, what happens when the product is given away, the lowest rate and the annual minimum.",
  }),
  contribution: contributionSchema.optional(),
  notes: requiredText().optional().meta({ description: "Anything else the policy says." }),
});

export type ValueSharingPolicy = z.infer<typeof valueSharingPolicySchema>;
export type ContributionLevel = (typeof CONTRIBUTION_LEVELS)[number];

/** The partnership's side of a fair share: the product's margin and what else the NHS brings. */
export const fairShareSchema = z.strictObject({
  profitMargin: fraction().meta({
    description:
      "The product's profit as a share of its revenue (0.3 = 30%), so that its value can be read as profit, not sales.",
  }),
  expertise: z.enum(CONTRIBUTION_LEVELS).default("none").meta({
    description:
      'The expertise the NHS supplies beyond the data (clinical, data or domain): "none", "some" or "substantial".',
  }),
  riskAndInvestment: z.enum(CONTRIBUTION_LEVELS).default("none").meta({
    description:
      'The risks and investment the NHS bears in the product\'s development: "none", "some" or "substantial".',
  }),
});
