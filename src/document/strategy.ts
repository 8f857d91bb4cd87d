import { z } from "zod";
import { COST_CATEGORIES, DECIMAL_PLACES } from "../model/vocabulary";
import {
  ALWAYS,
  ALWAYS_FOR_LISTS,
  identifier,
  isNumber,
  isoDate,
  money,
  rate,
  requiredText,
  text,
  uniqueIds,
  withPlaces,
} from "./fields";
import { trustSchema } from "./schema";

/**
 * The trust's pricing strategy: the rates, pools, staff grades and standard items it prices every
 * data partnership with, kept by the trust, approved, and revised as its costs change (CIDC guide,
 * chapter 5: "Any pricing strategy that you create should be iterative and must be regularly
 * updated"). Commercial principles 1 and 3 ask for "a consistent, efficient approach" in which the
 * price depends on the use, not the partner: one strategy for the whole trust gives that.
 *
 *   { "format": "nhsdp.pricing-strategy", "version": 2, "id": "...", "revision": 3, ... }
 *
 * `version` is the version of this format; `revision` is the trust's own numbering of its strategy,
 * raised each time the rates change. A quote names the strategy's id and revision it was priced with.
 */

export const STRATEGY_FORMAT = "nhsdp.pricing-strategy";
export const STRATEGY_VERSION = 2;

/**
 * Version 2 only added optional fields to the trust (contact, VAT number, payment instructions and
 * terms), so a version-1 strategy is read as version 2 without them.
 */
export function upgradeStrategy(json: unknown): unknown {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return json;
  return (json as { version?: unknown }).version === 1
    ? { ...json, version: STRATEGY_VERSION }
    : json;
}

/** Salary-basis units for staff grades. */
export const STAFF_UNITS = ["hour", "day"] as const;

export const staffGradeSchema = z.strictObject({
  id: identifier(),
  /** As a finance officer would say it: "Agenda for Change band 6, data analyst". */
  name: requiredText(),
  unit: z.enum(STAFF_UNITS),
  /** Salary cost per hour or day, before on-costs. */
  rate: withPlaces(money(), DECIMAL_PLACES.unitCost, "pounds to a hundredth of a penny"),
});

export const standardItemSchema = z.strictObject({
  id: identifier(),
  name: requiredText(),
  category: z.enum(COST_CATEGORIES),
  /** What one unit is: "user-month", "product", "licence"... */
  unit: requiredText(),
  unitPrice: withPlaces(money(), DECIMAL_PLACES.unitCost, "pounds to a hundredth of a penny"),
  /** A published charge passed on at its price (no overhead uplift). */
  passThrough: z.boolean().default(false),
  /** Where the price comes from: a price list, a contract. */
  source: text().optional(),
});

/**
 * How a fixed or capital cost pool is recovered: derived from the year's pool and the annual base it
 * is recovered over (rate = pool / base, rounded to 0.01%), or a rate typed directly with its source.
 */
export const costRecoverySchema = z
  .strictObject({
    /** The pool for the year, in pounds. */
    annualPool: money().optional(),
    /** The cost of the year's partnerships the pool is spread over, in pounds. */
    annualBase: money().optional(),
    /** What the base is: "forecast marginal and full cost of all 2025/26 data partnerships". */
    baseDescription: text().optional(),
    /** A recovery rate set directly, when it is not derived from a pool and a base. */
    rate: rate().optional(),
    /** Where a directly set rate comes from: a board paper, a benchmark. */
    source: text().optional(),
    /** What the pool covers. */
    covers: text().optional(),
  })
  .superRefine((recovery, ctx) => {
    const derived = [recovery.annualPool, recovery.annualBase, recovery.baseDescription];
    const direct = [recovery.rate, recovery.source];
    const hasDerived = derived.some((value) => value !== undefined);
    const hasDirect = direct.some((value) => value !== undefined);
    if (hasDerived && hasDirect) {
      ctx.addIssue({
        code: "custom",
        path: ["rate"],
        message:
          "give either annualPool, annualBase and baseDescription (the rate is derived) or rate and source, not both",
      });
      return;
    }
    if (!hasDerived && !hasDirect) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message:
          "needs annualPool, annualBase and baseDescription (the rate is pool / base) or a rate and its source",
      });
      return;
    }
    const required = hasDerived
      ? (["annualPool", "annualBase", "baseDescription"] as const)
      : (["rate", "source"] as const);
    for (const field of required) {
      if (recovery[field] === undefined)
        ctx.addIssue({ code: "custom", path: [field], message: "is required" });
    }
    if (typeof recovery.baseDescription === "string" && recovery.baseDescription.trim() === "")
      ctx.addIssue({ code: "custom", path: ["baseDescription"], message: "must not be blank" });
    if (typeof recovery.source === "string" && recovery.source.trim() === "")
      ctx.addIssue({ code: "custom", path: ["source"], message: "must not be blank" });
    if (isNumber(recovery.annualBase) && recovery.annualBase === 0)
      ctx.addIssue({
        code: "custom",
        path: ["annualBase"],
        message: "must be above 0: the pool is recovered as a share of it",
      });
  }, ALWAYS);

export const strategySchema = z
  .strictObject({
    /** The JSON Schema an editor validates the file against; ignored by the add-in. */
    $schema: z.string().optional().meta({
      description: "The JSON Schema an editor checks this file against; ignored by the add-in.",
    }),
    format: z
      .literal(STRATEGY_FORMAT)
      .meta({ description: "The document's format: always nhsdp.pricing-strategy." }),
    version: z.literal(STRATEGY_VERSION).meta({
      description:
        "The version of the format: 2 (the trust numbers its own revisions in revision).",
    }),
    /** The trust's id for its strategy, quoted by every partnership priced with it. */
    id: identifier().meta({
      description: "The trust's id for its strategy, quoted by every partnership priced with it.",
    }),
    /** Raised each time the trust revises its rates. */
    revision: z
      .number()
      .int({ error: "must be a whole number" })
      .min(1, { error: "must be at least 1" })
      .meta({
        description:
          "The strategy's revision, raised each time the trust revises its rates; a partnership records the revision it was priced with.",
      }),
    trust: trustSchema.meta({
      description:
        "The trust whose strategy this is, with the contact, VAT number, payment instructions and terms its quotes carry.",
    }),
    effectiveFrom: isoDate().meta({ description: "The date the rates apply from (YYYY-MM-DD)." }),
    /** When the trust means to review the rates next. */
    reviewBy: isoDate().optional().meta({
      description:
        "When the trust means to review the rates next (YYYY-MM-DD), after effectiveFrom.",
    }),
    /** Who approved this revision: a person and role, or a committee. */
    approvedBy: requiredText().meta({
      description: "Who approved this revision: a person and role, or a committee.",
    }),
    approvedOn: isoDate().meta({
      description: "When this revision was approved (YYYY-MM-DD): on or before effectiveFrom.",
    }),
    staffTime: z
      .strictObject({
        /** Employer's pension and National Insurance, as a decimal uplift on salary cost. */
        onCostRate: rate(),
        /** What the on-cost rate is made of. */
        onCostBasis: text().optional(),
        grades: z
          .array(staffGradeSchema)
          .superRefine(uniqueIds("staffTime.grades"), ALWAYS_FOR_LISTS),
      })
      .meta({
        description:
          "The on-cost rate that applies to staff time only (employer's pension and National Insurance; 0.25 = 25%) and the staff grades at salary cost.",
      }),
    overhead: z
      .strictObject({
        /** Turns marginal cost into full cost for commercial use. */
        rate: rate(),
        /** What the overheads cover: finance, HR, IT, estates... */
        covers: requiredText(),
      })
      .meta({
        description:
          "The overhead rate that turns marginal cost into full cost for commercial use, and what it covers.",
      }),
    fixedCostRecovery: costRecoverySchema.meta({
      description:
        "How fixed costs are recovered: annualPool, annualBase and baseDescription (the rate is pool / base, to 0.01%), or a rate and its source.",
    }),
    capitalCostRecovery: costRecoverySchema.meta({
      description:
        "How capital costs are recovered: annualPool, annualBase and baseDescription (the rate is pool / base, to 0.01%), or a rate and its source.",
    }),
    standardItems: z
      .array(standardItemSchema)
      .superRefine(uniqueIds("standardItems"), ALWAYS_FOR_LISTS)
      .default([])
      .meta({
        description:
          "Non-staff items at their unit price, such as an NHS England SDE user account passed through at its published price.",
      }),
    notes: text()
      .optional()
      .meta({ description: "Free text: anything else the trust records about its strategy." }),
  })
  .superRefine((strategy, ctx) => {
    const { effectiveFrom, approvedOn, reviewBy } = strategy;
    if (
      typeof approvedOn === "string" &&
      typeof effectiveFrom === "string" &&
      approvedOn > effectiveFrom
    )
      ctx.addIssue({
        code: "custom",
        path: ["approvedOn"],
        message: `is ${approvedOn}, after the strategy took effect (${effectiveFrom}); a strategy is approved before it applies`,
      });
    if (
      typeof reviewBy === "string" &&
      typeof effectiveFrom === "string" &&
      reviewBy <= effectiveFrom
    )
      ctx.addIssue({
        code: "custom",
        path: ["reviewBy"],
        message: `is ${reviewBy}, not after the strategy took effect (${effectiveFrom})`,
      });
  }, ALWAYS);

/** A valid pricing strategy, defaults filled in. */
export type PricingStrategy = z.infer<typeof strategySchema>;
export type PricingStrategyInput = z.input<typeof strategySchema>;
export type CostRecovery = PricingStrategy["fixedCostRecovery"];
