import { z } from "zod";
import { DATA_USES, type DataUse } from "../core/costs";
import { Decimal, formatPounds, sumDecimals } from "../core/decimal";

/**
 * The Partnership document: one data partnership as a finance officer records it, in the terms of
 * NHS England's "A guide to effective NHS data partnerships" (CIDC, 2023) and DHSC's five guiding
 * principles (2019). It is plain JSON, typed and versioned:
 *
 *   { "format": "nhsdp.partnership", "version": 1, ... }
 *
 * Conventions:
 * - Money is a JSON number of pounds (1431 or 1431.5). Rates, shares and probabilities are decimals
 *   (0.2 = 20%), as in Excel. NaN, infinities and negative amounts are rejected, each with its path.
 * - Text is kept exactly as written, including text that starts with "=" or "+": whoever writes it
 *   into a spreadsheet must write it as text, never as a formula. A required text field must contain
 *   something other than spaces.
 * - Every field is named; an unrecognised field (usually a misspelling) is an error, not silently ignored.
 * - Nothing here sets a price. `partner.organisationType` is recorded for the partnership register only:
 *   the price depends on the use of the data, never on who the partner is (commercial principle 3).
 *
 * This file describes version 1. A later version gets its own schema and an upgrade step in migrate.ts.
 */

export const DOCUMENT_FORMAT = "nhsdp.partnership";
export const DOCUMENT_VERSION = 1;

/** Excel holds at most 32,767 characters in a cell; a longer text could not be written to a sheet. */
export const MAX_TEXT_LENGTH = 32767;

// ---------------------------------------------------------------------------------------------
// Enumerations (readable ids, in the order the guide gives them)
// ---------------------------------------------------------------------------------------------

/** The guide's four types of data partnership (chapter 1, "Data partnerships"). */
export const PARTNERSHIP_TYPES = [
  /** 1. A third party requests access to the organisation's data assets for R&D. */
  "data-access",
  /** 2. A third party requests access to data assets and assistance from staff. */
  "data-access-with-expertise",
  /** 3. A third party brings a solution and asks for data and/or expertise to validate it. */
  "validate-partner-solution",
  /** 4. The NHS organisation reaches out to a third party to solve a particular challenge. */
  "nhs-initiated-challenge",
] as const;

/** The three data access arrangements (chapter 1); a secure data environment is the default. */
export const ACCESS_ROUTES = [
  "nhs-environment",
  "secure-data-environment",
  "shared-with-partner",
] as const;

/** How the data will be used: this, and only this, decides the pricing basis (chapter 5). */
export const USES = DATA_USES;

/** Kinds of partner organisation, recorded for the register. Never read by pricing. */
export const ORGANISATION_TYPES = [
  "university",
  "charity",
  "sme",
  "large-company",
  "public-body",
  "nhs-organisation",
  "other",
] as const;

/** The guide's example data uses (chapter 5, "Pricing your data"). */
export const INTENDED_USES = [
  "early-exploration",
  "train-validate-ai-model",
  "deploy-ai-model",
  "clinical-trial-recruitment-monitoring",
  "real-world-study",
] as const;

/** Each of the six value characteristics of a data asset is low or high (chapter 5). */
export const VALUE_LEVELS = ["low", "high"] as const;

/** The six value characteristics, in the guide's order. */
export const VALUE_CHARACTERISTICS = [
  "availability",
  "quantityQuality",
  "linkage",
  "features",
  "diversity",
  "coverage",
] as const;

export const FOREGROUND_IP_OWNERS = ["nhs", "partner", "joint"] as const;

/** Progress of an information governance document (chapter 3: DPIA, DPA, DSA). */
export const IG_STATUSES = ["not-started", "in-progress", "complete", "not-applicable"] as const;

/** The guide's cost categories (chapter 5): services, and data access split into people and other variable costs. */
export const COST_CATEGORIES = ["services", "data-access-people", "data-access-other"] as const;

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/** Runs an object-level refinement even when some of the object's fields are invalid, so every problem is reported. */
const ALWAYS = { when: () => true } as const;

const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

const text = () =>
  z
    .string()
    .max(MAX_TEXT_LENGTH, { error: "is longer than an Excel cell can hold (32,767 characters)" });

/** Text that must say something: not empty and not only spaces. Kept verbatim (never trimmed). */
const requiredText = () =>
  text().refine((value) => value.trim().length > 0, { error: "must not be blank" });

/** Far above any real figure in a partnership, and below the point where a spreadsheet loses pence. */
const MAX_AMOUNT = 1e12;

const money = () =>
  z
    .number()
    .min(0, { error: "must not be negative (an amount in pounds)" })
    .max(MAX_AMOUNT, { error: "must be at most 1,000,000,000,000 (an amount in pounds)" });

const nonNegative = (what: string) =>
  z
    .number()
    .min(0, { error: `must not be negative (${what})` })
    .max(MAX_AMOUNT, { error: `must be at most 1,000,000,000,000 (${what})` });

/** A share, rate or probability from 0 to 1 inclusive. */
const fraction = () =>
  z
    .number()
    .min(0, { error: "must be between 0 and 1 (a decimal fraction, 0.25 = 25%)" })
    .max(1, { error: "must be between 0 and 1 (a decimal fraction, 0.25 = 25%)" });

const isoDate = () =>
  z.iso.date({ error: "must be a real calendar date written YYYY-MM-DD (for example 2025-04-01)" });

const wholeYears = () =>
  z
    .number()
    .int({ error: "must be a whole number of years" })
    .min(1, { error: "must be at least 1 year" })
    .max(1000, { error: "must be at most 1000 years" });

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

export const trustSchema = z.strictObject({
  name: requiredText(),
  /** The trust's Organisation Data Service code, e.g. "RR8". */
  odsCode: z
    .string()
    .regex(/^[A-Z0-9]{3,10}$/, {
      error: "must be an ODS code: 3 to 10 capital letters and digits (for example RR8)",
    })
    .optional(),
});

export const partnerSchema = z.strictObject({
  name: requiredText(),
  /** For the partnership register only; pricing never reads it (commercial principle 3). */
  organisationType: z.enum(ORGANISATION_TYPES),
});

const valueLevel = () => z.enum(VALUE_LEVELS);

export const dataAssetSchema = z.strictObject({
  name: requiredText(),
  description: requiredText(),
  /** Low: common data, easily available. High: rare data such as a unique patient cohort. */
  availability: valueLevel(),
  /** Low or high quantity and quality. */
  quantityQuality: valueLevel(),
  /** Low: unlinked. High: well linked to other data. */
  linkage: valueLevel(),
  /** Low or high volume of features, variables or complexity. */
  features: valueLevel(),
  /** Low or high diversity of the population. */
  diversity: valueLevel(),
  /** Low: episodic. High: for example cradle to grave. */
  coverage: valueLevel(),
  intendedUse: z.enum(INTENDED_USES),
});

const igStatus = () => z.enum(IG_STATUSES);

export const informationGovernanceSchema = z.strictObject({
  /** Data Protection Impact Assessment (a UK GDPR requirement). */
  dpia: igStatus(),
  /** Data Processing Agreement between controller and processor. */
  dataProcessingAgreement: igStatus(),
  /** Data Sharing Agreement. */
  dataSharingAgreement: igStatus(),
});

export const costLineSchema = z.strictObject({
  /** Unique within the document; names the line on the quote. */
  id: requiredText(),
  category: z.enum(COST_CATEGORIES),
  description: requiredText(),
  quantity: nonNegative("a quantity of units"),
  /** What one unit is: "hour", "day", "month", "licence", "user-month"... */
  unit: requiredText(),
  /** Pounds per unit, before on-costs and overheads. */
  unitCost: money(),
});

export const costPoolSchema = z.strictObject({
  /** The whole pool in pounds. */
  pool: money(),
  /** The share of the pool this partnership bears, 0..1. */
  share: fraction(),
});

export const costsSchema = z.strictObject({
  lines: z.array(costLineSchema).superRefine((lines, ctx) => {
    const seen = new Map<string, number>();
    lines.forEach((line, index) => {
      const id: unknown = (line as { id?: unknown } | null)?.id;
      if (typeof id !== "string") return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else
        ctx.addIssue({
          code: "custom",
          path: [index, "id"],
          message: `repeats the id of costs.lines[${first}] ("${id}"); each line needs its own id`,
        });
    });
  }, ALWAYS),
  /** Employer's on-costs (pension, National Insurance) as a decimal uplift on every line; 0.25 = 25%. */
  onCostRate: nonNegative("a decimal uplift, 0.25 = 25%").default(0),
  /** Overheads as a decimal uplift; applied to commercial use only (full cost = marginal cost + overheads). */
  overheadRate: nonNegative("a decimal uplift, 0.2 = 20%"),
  /** Managerial staff, platform operating, buildings and utilities. */
  fixedCosts: costPoolSchema,
  /** Building the SDE, acquiring and processing new data, platform improvements. */
  capitalCosts: costPoolSchema,
});

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
      }, ALWAYS),
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

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

export const partnershipSchema = z.strictObject({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(DOCUMENT_VERSION),
  /** The trust's own reference for the partnership, e.g. "DP-2025-014". */
  reference: requiredText().max(64, {
    error: "must be at most 64 characters (it heads every printed page)",
  }),
  trust: trustSchema,
  partner: partnerSchema,
  partnershipType: z.enum(PARTNERSHIP_TYPES),
  purpose: requiredText(),
  /**
   * The explicit aim to improve patient health and care or the operation of the NHS (DHSC principle 1).
   * Optional here so a quote can still be produced; the principle check reports it as an error if absent.
   */
  expectedPatientBenefit: text().optional(),
  accessRoute: z.enum(ACCESS_ROUTES),
  /**
   * Why data must leave the NHS (needed when accessRoute is "shared-with-partner"). Optional here; the
   * principle check reports its absence as an error, so the quote is still produced.
   */
  accessJustification: text().optional(),
  use: z.enum(USES),
  dataAssets: z.array(dataAssetSchema).min(1, { error: "needs at least one data asset" }),
  foregroundIpOwner: z.enum(FOREGROUND_IP_OWNERS),
  consentToCommercialise: z.boolean(),
  exclusivityRequested: z.boolean(),
  informationGovernance: informationGovernanceSchema,
  /**
   * Whether the partnership is (or will be) listed in the trust's public register of data uses, so that
   * people can see how data about them is used (DHSC principle 4, transparency). Optional here; the
   * principle check asks for it when it is missing or false.
   */
  publishedInDataUseRegister: z.boolean().optional(),
  costs: costsSchema,
  /** VAT as a decimal (0.2 = 20%). Required, never defaulted: the VAT treatment depends on the supply. */
  vatRate: fraction(),
  valueSharing: valueSharingSchema,
  quoteDate: isoDate(),
  notes: text().optional(),
});

/** A valid version-1 document, with defaults filled in (what `parsePartnership` returns). */
export type Partnership = z.infer<typeof partnershipSchema>;
/** A version-1 document as written (fields with defaults may be omitted). */
export type PartnershipInput = z.input<typeof partnershipSchema>;

export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];
export type AccessRoute = (typeof ACCESS_ROUTES)[number];
export type Use = DataUse;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export type IntendedUse = (typeof INTENDED_USES)[number];
export type ValueLevel = (typeof VALUE_LEVELS)[number];
export type ValueCharacteristic = (typeof VALUE_CHARACTERISTICS)[number];
export type ForegroundIpOwner = (typeof FOREGROUND_IP_OWNERS)[number];
export type IgStatus = (typeof IG_STATUSES)[number];
export type CostCategory = (typeof COST_CATEGORIES)[number];
export type CostLine = Partnership["costs"]["lines"][number];
export type DataAsset = Partnership["dataAssets"][number];
export type ValueSharing = Partnership["valueSharing"];
export type RoyaltyTerms = NonNullable<ValueSharing["royalty"]>;
export type MilestoneTerm = NonNullable<ValueSharing["milestones"]>[number];
export type SubscriptionTerms = NonNullable<ValueSharing["subscription"]>;
export type FixedPaymentTerms = NonNullable<ValueSharing["fixedPayment"]>;
