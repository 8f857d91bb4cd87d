import { invalidValue } from "./errors";

/**
 * The product's vocabulary: the lists of ids that the document schemas, the core and the sheets all
 * speak. It sits at the bottom so that none of those layers has to import another for a word.
 */

/** The guide's cost categories (chapter 5): services, and data access split into people and other variable costs. */
export const COST_CATEGORIES = ["services", "data-access-people", "data-access-other"] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/**
 * What a cost line is, for on-costs: employer's pension and National Insurance belong to staff time
 * only, never to licences, processing and storage, or published NHS England and third-party charges.
 */
export const LINE_KINDS = ["staff", "non-staff"] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** The kind a line is when the document does not say: people are staff time, other variable costs are not. */
export const DEFAULT_LINE_KIND: Readonly<Record<CostCategory, LineKind>> = {
  services: "staff",
  "data-access-people": "staff",
  "data-access-other": "non-staff",
};

/** Where a quote is in its life. Severities of some principle findings rise once it is issued. */
export const QUOTE_STAGES = ["draft", "issued", "accepted", "declined", "withdrawn"] as const;
export type QuoteStage = (typeof QUOTE_STAGES)[number];

/** The four rates a trust's pricing strategy sets and every quote copies. */
export const PRICING_RATES = [
  "staffOnCostRate",
  "overheadRate",
  "fixedCostRecoveryRate",
  "capitalCostRecoveryRate",
] as const;
export type PricingRate = (typeof PRICING_RATES)[number];

/**
 * Decimal places the documents accept. Every amount that becomes a printed line is a product of two
 * figures with at most six decimal places between them (quantity x unit cost, or a rounded amount x
 * (1 + a rate)), so every rounding step in a quote sees an exact value with at most six decimal
 * places in pounds: few enough that a spreadsheet recalculating the sheet rounds it as the core does.
 */
export const DECIMAL_PLACES = {
  quantity: 2,
  unitCost: 4,
  rate: 4,
  pence: 2,
} as const;

/** The two uses the guide prices differently; the Partnership document's `use` field is this list too. */
export const DATA_USES = ["commercial", "non-commercial"] as const;

export type DataUse = (typeof DATA_USES)[number];

/** Reads a use as a user types it: case-insensitive, with or without the hyphen, surrounding spaces ignored. */
export function parseDataUse(text: string, argument = "use"): DataUse {
  const normalised = text.trim().toLowerCase();
  if (normalised === "commercial") return "commercial";
  if (normalised === "non-commercial" || normalised === "noncommercial") return "non-commercial";
  throw invalidValue(argument, `must be "commercial" or "non-commercial" (got "${text}")`);
}

/** How much a finding matters, most serious first (the order findings are sorted in). */
export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The value-sharing mechanisms a scenario compares (CIDC guide, chapter 1). */
export const MECHANISM_KINDS = ["fixed", "subscription", "milestones", "royalty"] as const;
export type MechanismKind = (typeof MECHANISM_KINDS)[number];

/**
 * What a trust's overhead rate and its fixed and capital cost pools may cover. A strategy says which
 * layer carries each component, so that no cost is recovered twice (the guide's overheads, chapter 1,
 * and its fixed costs, chapter 5, both name buildings, management and support services).
 */
/** The components of the guide's overheads (chapter 1: "building costs ... legal fees, personnel costs, management and accounting"). */
export const OVERHEAD_COMPONENTS = [
  "estates-utilities",
  "management-administration",
  "finance-legal",
  "hr-training",
  "information-governance",
  "it-service-desk",
] as const;

export const COST_COMPONENTS = [
  ...OVERHEAD_COMPONENTS,
  "platform-operation",
  "sde-build",
  "data-acquisition",
  "platform-improvement",
  "equipment",
] as const;
export type CostComponent = (typeof COST_COMPONENTS)[number];
