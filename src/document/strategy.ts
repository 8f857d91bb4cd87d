import { z } from "zod";
import { COST_COMPONENT_LABELS } from "../model/labels";
import { COST_CATEGORIES, COST_COMPONENTS, DECIMAL_PLACES } from "../model/vocabulary";
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
import { valueSharingPolicySchema } from "./valueSharingPolicy";

/**
 * The trust's pricing strategy: the rates, pools, staff grades and standard items it prices every
 * data partnership with, kept by the trust, approved, and revised as its costs change (CIDC guide,
 * chapter 5: "Any pricing strategy that you create should be iterative and must be regularly
 * updated"). Commercial principles 1 and 3 ask for "a consistent, efficient approach" in which the
 * price depends on the use, not the partner: one strategy for the whole trust gives that.
 *
 *   { "format": "nhsdp.pricing-strategy", "version": 3, "id": "...", "revision": 3, ... }
 *
 * `version` is the version of this format; `revision` is the trust's own numbering of its strategy,
 * raised each time the rates change. A quote names the strategy's id and revision it was priced with.
 *
 * Version 3 says what the overhead rate and each pool cover (so nothing is recovered twice), spreads the
 * pools over a recovery base that is what the rates multiply (commercial full cost plus non-commercial
 * marginal cost, with or without pass-through charges), adds an optional cost of capital and dates the
 * standard items. Versions 1 and 2 are upgraded on reading (upgrade.ts), keeping every price.
 */

export const STRATEGY_FORMAT = "nhsdp.pricing-strategy";
export const STRATEGY_VERSION = 3;

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

export const standardItemSchema = z
  .strictObject({
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
    /** The first day the price applies (a published price list's start), when it has one. */
    effectiveFrom: isoDate().optional(),
    /** The last day the price applies, when it has been superseded. */
    effectiveUntil: isoDate().optional(),
  })
  .superRefine((item, ctx) => {
    const { effectiveFrom, effectiveUntil } = item;
    if (
      typeof effectiveFrom === "string" &&
      typeof effectiveUntil === "string" &&
      effectiveUntil < effectiveFrom
    )
      ctx.addIssue({
        code: "custom",
        path: ["effectiveUntil"],
        message: `is ${effectiveUntil}, before the item's effectiveFrom (${effectiveFrom})`,
      });
  }, ALWAYS);

/** The components a layer of recovery covers, each at most once. */
const costComponents = () =>
  z.array(z.enum(COST_COMPONENTS)).superRefine((components, ctx) => {
    components.forEach((component, index) => {
      if (components.indexOf(component) < index)
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `repeats "${component}"; list each component once`,
        });
    });
  }, ALWAYS_FOR_LISTS);

/** HM Treasury's real cost of capital on the capital the pool's assets tie up. */
export const costOfCapitalSchema = z.strictObject({
  /** 0.035 = 3.5%, HM Treasury's rate for public bodies. */
  rate: rate(),
  /** The capital employed the rate is charged on: the assets' net book value, in pounds. */
  capitalEmployed: money(),
  /** Where the rate comes from. */
  source: requiredText(),
});

/**
 * How a fixed or capital cost pool is recovered: derived from the year's pool, spread over the
 * strategy's recovery base (rate = pool / base, rounded to 0.01%), or a rate typed directly with its
 * source.
 */
const costRecoveryFields = {
  /** The pool for the year, in pounds. */
  annualPool: money().optional(),
  /** A recovery rate set directly, when it is not derived from a pool and the base. */
  rate: rate().optional(),
  /** Where a directly set rate comes from: a board paper, a benchmark. */
  source: text().optional(),
  /** What the pool covers, in the trust's words. */
  covers: text().optional(),
  /** What the pool covers, from the fixed list: no component may be covered twice. */
  components: costComponents().optional(),
};

function checkCostRecovery(
  recovery: { annualPool?: unknown; rate?: unknown; source?: unknown; costOfCapital?: unknown },
  ctx: z.RefinementCtx
): void {
  const derived = recovery.annualPool !== undefined || recovery.costOfCapital !== undefined;
  const direct = recovery.rate !== undefined || recovery.source !== undefined;
  if (derived && direct) {
    ctx.addIssue({
      code: "custom",
      path: ["rate"],
      message:
        "give either annualPool (the rate is the pool over the strategy's recovery base) or rate and source, not both",
    });
    return;
  }
  if (!derived && !direct) {
    ctx.addIssue({
      code: "custom",
      path: [],
      message:
        "needs annualPool (the rate is the pool over the strategy's recovery base) or a rate and its source",
    });
    return;
  }
  if (derived && recovery.annualPool === undefined)
    ctx.addIssue({ code: "custom", path: ["annualPool"], message: "is required" });
  if (direct)
    for (const field of ["rate", "source"] as const)
      if (recovery[field] === undefined)
        ctx.addIssue({ code: "custom", path: [field], message: "is required" });
  if (typeof recovery.source === "string" && recovery.source.trim() === "")
    ctx.addIssue({ code: "custom", path: ["source"], message: "must not be blank" });
}

export const fixedCostRecoverySchema = z
  .strictObject(costRecoveryFields)
  .superRefine(checkCostRecovery, ALWAYS);

export const capitalCostRecoverySchema = z
  .strictObject({
    ...costRecoveryFields,
    /** A charge for the capital the assets tie up, added to the pool (derived rates only). */
    costOfCapital: costOfCapitalSchema.optional(),
  })
  .superRefine(checkCostRecovery, ALWAYS);

/** Whether pass-through charges are part of the base the recovery rates multiply. */
export const PASS_THROUGH_IN_BASE = ["excluded", "included"] as const;

/**
 * What the recovery rates are spread over: the year's forecast of what they will multiply, full cost
 * for commercial work and marginal cost for non-commercial work (CIDC guide, chapter 5), with or
 * without the pass-through charges passed on at their published price.
 */
export const recoveryBaseSchema = z
  .strictObject({
    /** What the forecast is: "forecast data partnerships and research data services, 2026/27". */
    description: requiredText(),
    /** The year's forecast full cost of commercial partnerships, in pounds. */
    commercialFullCost: money().optional(),
    /** The year's forecast marginal cost of non-commercial partnerships, in pounds. */
    nonCommercialMarginalCost: money().optional(),
    /** Excluded: a published charge passed on at its price bears none of the trust's fixed and capital costs. */
    passThrough: z.enum(PASS_THROUGH_IN_BASE),
    /** Why pass-through charges are in the base, when they are. */
    passThroughReason: text().optional(),
  })
  .superRefine((base, ctx) => {
    if (
      base.passThrough === "included" &&
      (base.passThroughReason === undefined || base.passThroughReason.trim() === "")
    )
      ctx.addIssue({
        code: "custom",
        path: ["passThroughReason"],
        message:
          "is required when pass-through charges are in the recovery base: say why a charge passed on at its published price should bear the trust's fixed and capital costs",
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
        "The version of the format: 3 (the trust numbers its own revisions in revision).",
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
        /** Turns marginal cost into full cost for commercial use; 0 when the fixed pool carries the overheads. */
        rate: rate(),
        /** What the overheads cover: finance, HR, IT, estates... */
        covers: requiredText(),
        /** What the overheads cover, from the fixed list: no component may be covered twice. */
        components: costComponents().optional(),
      })
      .meta({
        description:
          "The overhead rate that turns marginal cost into full cost for commercial use, what it covers in the trust's words, and its components (none also in a pool). 0 when the fixed-cost pool carries the overheads.",
      }),
    recoveryBase: recoveryBaseSchema.meta({
      description:
        "What the fixed and capital recovery rates are spread over: the year's forecast full cost of commercial work plus marginal cost of non-commercial work (both needed when a pool is given), and whether pass-through charges are in it (excluded unless a reason is given).",
    }),
    fixedCostRecovery: fixedCostRecoverySchema.meta({
      description:
        "How fixed costs are recovered: annualPool (the rate is the pool over the recovery base, to 0.01%) or a rate and its source; what the pool covers.",
    }),
    capitalCostRecovery: capitalCostRecoverySchema.meta({
      description:
        "How capital costs are recovered: annualPool, with an optional cost of capital (rate x capital employed, added to the pool), or a rate and its source; what the pool covers.",
    }),
    standardItems: z
      .array(standardItemSchema)
      .superRefine(uniqueIds("standardItems"), ALWAYS_FOR_LISTS)
      .default([])
      .meta({
        description:
          "Non-staff items at their unit price, such as an NHS England SDE user account passed through at its published price.",
      }),
    valueSharingPolicy: z
      .lazy(() => valueSharingPolicySchema)
      .optional()
      .meta({
        description:
          "The trust's value-sharing policy: preferred mechanisms by use and data value, the royalty's base and lowest rate, and how the NHS's contribution is weighed into a fair share.",
      }),
    notes: text()
      .optional()
      .meta({ description: "Free text: anything else the trust records about its strategy." }),
  })
  .superRefine((strategy, ctx) => {
    checkComponentsClaimedOnce(strategy, ctx);
    checkBaseForDerivedPools(strategy, ctx);
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

/** The three layers a strategy recovers its indirect costs through, in the order a reader meets them. */
const RECOVERY_LAYERS = ["overhead", "fixedCostRecovery", "capitalCostRecovery"] as const;

/** A cost component recovered by two layers is charged twice: the guide's overheads and fixed costs overlap. */
function checkComponentsClaimedOnce(
  strategy: Partial<Record<(typeof RECOVERY_LAYERS)[number], { components?: unknown } | undefined>>,
  ctx: z.RefinementCtx
): void {
  const claimedBy = new Map<unknown, string>();
  for (const layer of RECOVERY_LAYERS) {
    const components = strategy[layer]?.components;
    if (!Array.isArray(components)) continue;
    components.forEach((component: unknown, index) => {
      const first = claimedBy.get(component);
      if (first !== undefined && first !== layer)
        ctx.addIssue({
          code: "custom",
          path: [layer, "components", index],
          message: `claims "${COST_COMPONENT_LABELS[component as keyof typeof COST_COMPONENT_LABELS] ?? String(component)}", which ${first}.components already covers: recovered twice, it would be charged twice; keep it in one of them`,
        });
      if (first === undefined) claimedBy.set(component, layer);
    });
  }
}

/** A pool is spread over the base, so the base needs its two forecasts when any pool is given. */
function checkBaseForDerivedPools(
  strategy: {
    recoveryBase?: { commercialFullCost?: unknown; nonCommercialMarginalCost?: unknown };
    fixedCostRecovery?: { annualPool?: unknown };
    capitalCostRecovery?: { annualPool?: unknown };
  },
  ctx: z.RefinementCtx
): void {
  const base = strategy.recoveryBase;
  if (typeof base !== "object" || base === null) return;
  const pooled = [strategy.fixedCostRecovery, strategy.capitalCostRecovery].some(
    (recovery) => recovery?.annualPool !== undefined
  );
  if (!pooled) return;
  for (const field of ["commercialFullCost", "nonCommercialMarginalCost"] as const)
    if (base[field] === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["recoveryBase", field],
        message: "is required when a pool is recovered over the base (give 0 if there is none)",
      });
  const { commercialFullCost, nonCommercialMarginalCost } = base;
  if (
    isNumber(commercialFullCost) &&
    isNumber(nonCommercialMarginalCost) &&
    commercialFullCost + nonCommercialMarginalCost === 0
  )
    ctx.addIssue({
      code: "custom",
      path: ["recoveryBase"],
      message:
        "comes to £0: a pool is recovered as a share of the base, so the forecast must be above 0",
    });
}

/** A valid pricing strategy, defaults filled in. */
export type PricingStrategy = z.infer<typeof strategySchema>;
export type PricingStrategyInput = z.input<typeof strategySchema>;
export type CostRecovery = PricingStrategy["capitalCostRecovery"];
export type RecoveryBase = PricingStrategy["recoveryBase"];
