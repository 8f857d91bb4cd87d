import { z } from "zod";
import { DATA_USES, type DataUse } from "../model/vocabulary";
import {
  COST_CATEGORIES,
  DECIMAL_PLACES,
  DEFAULT_LINE_KIND,
  LINE_KINDS,
  PRICING_RATES,
  QUOTE_STAGES,
  type CostCategory,
  type LineKind,
  type PricingRate,
  type QuoteStage,
} from "../model/vocabulary";
import {
  ALWAYS,
  ALWAYS_FOR_LISTS,
  identifier,
  isNumber,
  isoDate,
  money,
  nonNegative,
  fraction,
  pence,
  rate,
  requiredText,
  text,
  uniqueIds,
  withPlaces,
} from "./fields";
import { describeValueEnds } from "./labels";
import { scenariosSchema } from "./scenarios";
import { valueSharingSchema } from "./valueSharing";

/**
 * The Partnership document: one data partnership as a finance officer records it, in the terms of
 * NHS England's "A guide to effective NHS data partnerships" (CIDC, 2023) and DHSC's five guiding
 * principles (2019). It is plain JSON, typed and versioned:
 *
 *   { "format": "nhsdp.partnership", "version": 3, ... }
 *
 * Conventions:
 * - Money is a JSON number of pounds (1431 or 1431.5). Rates, shares and probabilities are decimals
 *   (0.2 = 20%), as in Excel. NaN, infinities and negative amounts are rejected, each with its path.
 * - Figures that are priced have a bounded number of decimal places (quantities 2, unit costs 4,
 *   rates 4, allocations 2), so that every rounding in the quote is one a spreadsheet reproduces.
 * - Text is kept exactly as written, including text that starts with "=" or "+": whoever writes it
 *   into a spreadsheet must write it as text, never as a formula. A required text field must contain
 *   something other than spaces.
 * - Every field is named; an unrecognised field (usually a misspelling) is an error, not silently ignored.
 * - Nothing here sets a price by who the partner is. `partner.organisationType` is recorded for the
 *   partnership register only: the price depends on the use of the data (commercial principle 3).
 * - The rates come from the trust's pricing strategy (strategy.ts) and are copied into the document,
 *   so a quote stays self-contained; a rate that differs from the strategy's carries its reason.
 *
 * This file describes version 3, which added the parties' contacts and the trust's VAT number,
 * payment instructions and terms (what a quote sent to a partner carries). Versions 1 and 2 are read
 * and upgraded by v1/migrate.ts.
 */

export const DOCUMENT_FORMAT = "nhsdp.partnership";
export const DOCUMENT_VERSION = 3;

export type { CostCategory, LineKind, PricingRate, QuoteStage } from "../model/vocabulary";

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

/** Progress of an information governance document or check (chapter 3: DPIA, DPA, DSA, due diligence). */
export const IG_STATUSES = ["not-started", "in-progress", "complete", "not-applicable"] as const;

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

/** A person the other party writes to about the quote. */
export const contactSchema = z.strictObject({
  name: requiredText(),
  /** Their role: "Data partnerships manager". */
  role: text().optional(),
  email: z
    .email({ error: "must be an email address (for example name@nhs.net)" })
    .max(254, { error: "must be at most 254 characters (an email address)" })
    .optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{6,24}$/, {
      error:
        "must be a telephone number: digits, spaces, brackets and dashes (for example 0161 496 0000)",
    })
    .optional(),
});

/**
 * A UK VAT registration number as HMRC prints it: GB and 9 or 12 digits, or GBGD/GBHA and 3 digits
 * (government departments, health authorities). Spaces are allowed where people put them.
 */
const VAT_NUMBER = /^GB ?(?:\d{3} ?\d{4} ?\d{2}(?: ?\d{3})?|(?:GD|HA)\d{3})$/;

export const trustSchema = z.strictObject({
  name: requiredText(),
  /** The trust's Organisation Data Service code, e.g. "RR8". */
  odsCode: z
    .string()
    .regex(/^[A-Z0-9]{3,10}$/, {
      error: "must be an ODS code: 3 to 10 capital letters and digits (for example RR8)",
    })
    .optional(),
  /** The postal address printed on the quote, lines separated by commas or new lines. */
  address: text().optional(),
  /** Who the partner writes to about the quote. */
  contact: contactSchema.optional(),
  /** The trust's VAT registration number, printed on the partner's quote. */
  vatNumber: z
    .string()
    .regex(VAT_NUMBER, {
      error:
        "must be a UK VAT registration number: GB then 9 or 12 digits (for example GB 654 9217 43)",
    })
    .optional(),
  /** How the partner pays an invoice: "BACS to ..., quoting the invoice number". */
  paymentInstructions: text().optional(),
  /** The terms and conditions the quote is offered under: their title, version and where to read them. */
  termsAndConditions: text().optional(),
});

export const partnerSchema = z.strictObject({
  name: requiredText(),
  /** For the partnership register only; pricing never reads it (commercial principle 3). */
  organisationType: z.enum(ORGANISATION_TYPES),
  /** The postal address the quote is sent to, lines separated by commas or new lines. */
  address: text().optional(),
  /** Who the quote is for at the partner. */
  contact: contactSchema.optional(),
});

/** Low or high, described in the JSON schema by the guide's wording for the two ends. */
const valueLevel = (characteristic: ValueCharacteristic) =>
  z.enum(VALUE_LEVELS).meta({ description: describeValueEnds(characteristic) });

export const dataAssetSchema = z.strictObject({
  name: requiredText(),
  description: requiredText(),
  availability: valueLevel("availability"),
  quantityQuality: valueLevel("quantityQuality"),
  linkage: valueLevel("linkage"),
  features: valueLevel("features"),
  diversity: valueLevel("diversity"),
  coverage: valueLevel("coverage"),
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
  /** Due diligence on every supplier involved, which the guide says "must be carried out" (chapter 3). */
  supplierDueDiligence: igStatus(),
});

// ---------------------------------------------------------------------------------------------
// The quote's life: stage, dates, validity and payment terms
// ---------------------------------------------------------------------------------------------

const STAGE_DATE_FIELDS = ["issuedOn", "acceptedOn", "declinedOn", "withdrawnOn"] as const;
type StageDateField = (typeof STAGE_DATE_FIELDS)[number];

/** The dates each stage needs, beyond the quote date. */
const STAGE_DATES: Readonly<Record<QuoteStage, readonly StageDateField[]>> = {
  draft: [],
  issued: ["issuedOn"],
  accepted: ["issuedOn", "acceptedOn"],
  declined: ["issuedOn", "declinedOn"],
  withdrawn: ["withdrawnOn"],
};

export const quoteTermsSchema = z
  .strictObject({
    stage: z.enum(QUOTE_STAGES),
    /** The date the quote is priced at. */
    date: isoDate(),
    /** The last day the partner may accept the quote at this price. Required once issued. */
    validUntil: isoDate().optional(),
    /** Days from invoice within which the partner pays. Required once issued. */
    paymentTermsDays: z
      .number()
      .int({ error: "must be a whole number of days" })
      .min(0, { error: "must not be negative (days from invoice)" })
      .max(365, { error: "must be at most 365 days" })
      .optional(),
    issuedOn: isoDate().optional(),
    acceptedOn: isoDate().optional(),
    declinedOn: isoDate().optional(),
    withdrawnOn: isoDate().optional(),
  })
  .superRefine((terms, ctx) => {
    const stage = terms.stage as QuoteStage | undefined;
    // Not `stage in STAGE_DATES`: "toString" or "constructor" are in every object, and would throw below.
    if (stage === undefined || !QUOTE_STAGES.includes(stage)) return;
    for (const field of STAGE_DATES[stage]) {
      if (terms[field] === undefined)
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `is required when the stage is "${stage}"`,
        });
    }
    for (const field of STAGE_DATE_FIELDS) {
      const allowed =
        STAGE_DATES[stage].includes(field) || (field === "issuedOn" && stage === "withdrawn");
      if (terms[field] !== undefined && !allowed)
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `does not apply to a quote whose stage is "${stage}"; remove it or change the stage`,
        });
    }
    if (stage !== "draft") {
      for (const field of ["validUntil", "paymentTermsDays"] as const) {
        if (terms[field] === undefined && stage !== "withdrawn")
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: `is required once the quote is issued (the stage is "${stage}")`,
          });
      }
    }
    const date = terms.date;
    const notBefore = (
      field: "validUntil" | StageDateField,
      other: string | undefined,
      otherName: string
    ) => {
      const value = terms[field];
      if (typeof value === "string" && typeof other === "string" && value < other)
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `is ${value}, before the ${otherName} (${other})`,
        });
    };
    notBefore("validUntil", date, "quote date");
    notBefore("issuedOn", date, "quote date");
    notBefore("acceptedOn", terms.issuedOn, "issue date");
    notBefore("declinedOn", terms.issuedOn, "issue date");
    notBefore("withdrawnOn", date, "quote date");
  }, ALWAYS);

// ---------------------------------------------------------------------------------------------
// Pricing: the rates the quote uses, copied from the trust's strategy
// ---------------------------------------------------------------------------------------------

export const strategyReferenceSchema = z.strictObject({
  /** The strategy's id, as in its own document. */
  id: identifier(),
  /** The strategy's revision the rates were copied from. */
  revision: z
    .number()
    .int({ error: "must be a whole number (the strategy's revision)" })
    .min(1, { error: "must be at least 1" }),
});

export const rateOverrideSchema = z.strictObject({
  rate: z.enum(PRICING_RATES),
  /** The strategy's own value, recorded so the quote shows what it departs from. */
  strategyValue: rate(),
  /** Why this partnership is priced differently: reported as a consistency finding. */
  reason: requiredText(),
});

export const pricingSchema = z
  .strictObject({
    /** The pricing strategy the rates come from. Absent only for a document not yet priced with one. */
    strategy: strategyReferenceSchema.optional(),
    /** Employer's on-costs (pension, National Insurance) on staff-time lines only. */
    staffOnCostRate: rate(),
    /** Overheads: full cost = marginal cost x (1 + overhead rate). Not applied to pass-through lines. */
    overheadRate: rate(),
    /** Fixed costs recovered as this share of the overall marginal (non-commercial) or full (commercial) cost. */
    fixedCostRecoveryRate: rate(),
    /** Capital costs recovered the same way. */
    capitalCostRecoveryRate: rate(),
    /**
     * Whether the recovery rates multiply pass-through charges too, as the strategy decides. A quote
     * written before the strategy could decide had them in the base, hence the default.
     */
    passThroughInRecoveryBase: z.boolean().default(true),
    /** Rates that differ from the strategy's, each with its reason. */
    overrides: z.array(rateOverrideSchema).default([]),
  })
  .superRefine((pricing, ctx) => {
    const overrides: unknown = pricing.overrides;
    if (!Array.isArray(overrides)) return;
    const seen = new Set<unknown>();
    overrides.forEach((override, index) => {
      const name = (override as { rate?: unknown } | null)?.rate;
      if (seen.has(name))
        ctx.addIssue({
          code: "custom",
          path: ["overrides", index, "rate"],
          message: `overrides ${String(name)} a second time; record each rate's override once`,
        });
      seen.add(name);
      if (pricing.strategy === undefined)
        ctx.addIssue({
          code: "custom",
          path: ["overrides", index],
          message: "overrides a rate of a pricing strategy, but pricing.strategy does not name one",
        });
      const used = pricing[name as PricingRate];
      const strategyValue = (override as { strategyValue?: unknown } | null)?.strategyValue;
      if (isNumber(used) && isNumber(strategyValue) && used === strategyValue)
        ctx.addIssue({
          code: "custom",
          path: ["overrides", index, "strategyValue"],
          message: `is the same as pricing.${String(name)} (${used}): nothing is overridden, so remove the override`,
        });
    });
  }, ALWAYS);

// ---------------------------------------------------------------------------------------------
// Costs
// ---------------------------------------------------------------------------------------------

const costLineFields = z
  .strictObject({
    /** Unique within the document; names the line on the quote. */
    id: identifier(),
    category: z.enum(COST_CATEGORIES),
    description: requiredText(),
    quantity: withPlaces(
      nonNegative("a quantity of units"),
      DECIMAL_PLACES.quantity,
      "a quantity to 0.01"
    ),
    /** What one unit is: "hour", "day", "month", "licence", "user-month"... */
    unit: requiredText(),
    /** Pounds per unit, before on-costs and overheads (for staff time, the salary cost). */
    unitCost: withPlaces(money(), DECIMAL_PLACES.unitCost, "pounds to a hundredth of a penny"),
    /** Staff time bears on-costs; non-staff lines do not. Defaults by category (see DEFAULT_LINE_KIND). */
    kind: z.enum(LINE_KINDS).optional(),
    /** A charge passed on at a published price (an NHS England or third-party charge): no overhead uplift. */
    passThrough: z.boolean().default(false),
    /** The strategy's staff grade this line is priced at. */
    staffGrade: identifier().optional(),
    /** The strategy's standard item this line is priced at. */
    standardItem: identifier().optional(),
  })
  .superRefine((line, ctx) => {
    if (line.staffGrade !== undefined && line.standardItem !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["standardItem"],
        message: "a line is priced at a staff grade or at a standard item, not both",
      });
    if (line.staffGrade !== undefined && line.kind === "non-staff")
      ctx.addIssue({
        code: "custom",
        path: ["kind"],
        message: 'is "non-staff" but the line is priced at a staff grade; staff time is "staff"',
      });
    if (line.standardItem !== undefined && line.kind === "staff")
      ctx.addIssue({
        code: "custom",
        path: ["kind"],
        message: 'is "staff" but the line is priced at a standard item, which is non-staff',
      });
    // The kind the line will have: a standard item is non-staff whatever its category.
    const kind = line.kind ?? defaultLineKind(line);
    if (line.passThrough === true && kind === "staff")
      ctx.addIssue({
        code: "custom",
        path: ["passThrough"],
        message:
          'is true on staff time; a pass-through is a published charge passed on at its price, so the line must be "non-staff"',
      });
  }, ALWAYS);

/** The kind a line is when the document does not say. */
export function defaultLineKind(line: {
  category: CostCategory;
  staffGrade?: string | undefined;
  standardItem?: string | undefined;
}): LineKind {
  if (line.staffGrade !== undefined) return "staff";
  if (line.standardItem !== undefined) return "non-staff";
  return DEFAULT_LINE_KIND[line.category];
}

export const costLineSchema = costLineFields.transform((line) => ({
  ...line,
  kind: line.kind ?? defaultLineKind(line),
}));

export const directAllocationSchema = z.strictObject({
  id: identifier(),
  /** What the infrastructure is, and why it serves this partnership alone. */
  description: requiredText(),
  /** Pounds charged as they stand: no on-costs, overheads or recovery. */
  amount: pence(),
});

export const costsSchema = z.strictObject({
  lines: z.array(costLineSchema).superRefine(uniqueIds("costs.lines"), ALWAYS_FOR_LISTS),
  /**
   * Capital costs of "any infrastructure directly related to the data partnership" (guide, chapter 5),
   * charged to this partnership in full on top of the percentage recovery.
   */
  directAllocations: z
    .array(directAllocationSchema)
    .superRefine(uniqueIds("costs.directAllocations"), ALWAYS_FOR_LISTS)
    .default([]),
});

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

/** The VAT rate: a fraction to 0.01%, so VAT on a total is a reproducible rounding. */
const vatRate = () => withPlaces(fraction(), DECIMAL_PLACES.rate, "a rate to 0.01%: 0.2 = 20%");

export const partnershipSchema = z.strictObject({
  /** The JSON Schema an editor validates the file against; ignored by the add-in. */
  $schema: z.string().optional().meta({
    description: "The JSON Schema an editor checks this file against; ignored by the add-in.",
  }),
  format: z
    .literal(DOCUMENT_FORMAT)
    .meta({ description: "The document's format: always nhsdp.partnership." }),
  version: z.literal(DOCUMENT_VERSION).meta({ description: "The version of the format: 3." }),
  /** The trust's own reference for the partnership, e.g. "DP-2025-014". */
  reference: requiredText()
    .max(64, { error: "must be at most 64 characters (it heads every printed page)" })
    .meta({
      description:
        "The trust's own reference for the partnership, e.g. DP-2025-014 (at most 64 characters; it heads every printed page).",
    }),
  trust: trustSchema.meta({
    description:
      "The NHS trust: its name, ODS code, the postal address, contact, VAT number, payment instructions and terms printed on the quote.",
  }),
  partner: partnerSchema.meta({
    description:
      "The partner organisation, its address and contact. Its type is recorded for the register only and never affects the price (commercial principle 3).",
  }),
  /** The trust's lead for this partnership (name and role), for the register. */
  owner: text().optional().meta({
    description: "The trust's lead for this partnership (name and role), for the register.",
  }),
  /** When the trust next reviews the partnership (its terms, value sharing and governance), for the register. */
  reviewDate: isoDate().optional().meta({
    description:
      "When the trust next reviews the partnership (its terms, value sharing and governance), for the register.",
  }),
  partnershipType: z
    .enum(PARTNERSHIP_TYPES)
    .meta({ description: "The guide's four types of data partnership." }),
  purpose: requiredText().meta({ description: "What the data will be used for." }),
  /**
   * The explicit aim to improve patient health and care or the operation of the NHS (DHSC principle 1).
   * Optional here so a draft can still be priced; the principle check asks for it.
   */
  expectedPatientBenefit: text().optional().meta({
    description:
      "The expected benefit to patients or the NHS (DHSC principle 1); the principle check asks for it.",
  }),
  accessRoute: z.enum(ACCESS_ROUTES).meta({
    description:
      "Where the partner works with the data: an NHS environment, a secure data environment (the default route) or shared with the partner.",
  }),
  /**
   * Why data must leave the NHS (needed when accessRoute is "shared-with-partner"). Optional here; the
   * principle check reports its absence as an error, so the quote is still produced.
   */
  accessJustification: text().optional().meta({
    description: "Why the data must leave the NHS: needed when accessRoute is shared-with-partner.",
  }),
  use: z.enum(USES).meta({
    description:
      "Commercial use is priced at full cost, non-commercial use at marginal cost: only the use decides the pricing basis.",
  }),
  dataAssets: z.array(dataAssetSchema).min(1, { error: "needs at least one data asset" }).meta({
    description:
      "The data assets, each with the guide's six value characteristics (low or high) and its intended use.",
  }),
  foregroundIpOwner: z
    .enum(FOREGROUND_IP_OWNERS)
    .meta({ description: "Who owns the foreground IP: the NHS, the partner or both jointly." }),
  consentToCommercialise: z.boolean().meta({
    description:
      "Whether the agreement has a consent-to-commercialise clause (expected of non-commercial use).",
  }),
  /** Whether the outputs will be published openly (open source, open access), as non-commercial use expects. */
  outputsOpen: z.boolean().optional().meta({
    description:
      "Whether the outputs will be published openly (open source, open access), as non-commercial use expects.",
  }),
  exclusivityRequested: z.boolean().meta({
    description:
      "Whether the partner asks for exclusive access to the data (DHSC principle 3 rules it out).",
  }),
  informationGovernance: informationGovernanceSchema.meta({
    description:
      "Status of the DPIA, data processing agreement, data sharing agreement and supplier due diligence.",
  }),
  /**
   * Whether the partnership is (or will be) listed in the trust's public register of data uses, so that
   * people can see how data about them is used (DHSC principle 4, transparency). Optional here; the
   * principle check asks for it when it is missing or false.
   */
  publishedInDataUseRegister: z.boolean().optional().meta({
    description:
      "Whether the partnership is (or will be) listed in the trust's public register of data uses (DHSC principle 4).",
  }),
  quote: quoteTermsSchema.meta({
    description:
      "The quote's stage (draft, issued, accepted, declined or withdrawn) and its dates; validUntil and paymentTermsDays are required once issued.",
  }),
  pricing: pricingSchema.meta({
    description:
      "The rates copied from the trust's pricing strategy (decimals: 0.2 = 20%), whether pass-through charges are in the base the recovery rates multiply (true when absent), the strategy's id and revision, and each overridden rate with its reason.",
  }),
  costs: costsSchema.meta({
    description:
      "The cost lines (quantity x unit cost) and the direct allocations of infrastructure built for this partnership alone.",
  }),
  /** VAT as a decimal (0.2 = 20%). Required, never defaulted: the VAT treatment depends on the supply. */
  vatRate: vatRate().meta({
    description: "VAT as a decimal (0.2 = 20%). Required: the VAT treatment depends on the supply.",
  }),
  valueSharing: valueSharingSchema.meta({
    description:
      "How the partner shares the value created: any of a fixed payment, a subscription, milestones and a royalty.",
  }),
  notes: text()
    .optional()
    .meta({ description: "Free text: anything else the trust records about the partnership." }),
  scenarios: z
    .lazy(() => scenariosSchema)
    .optional()
    .meta({
      description:
        "Assumptions for comparing value-sharing mechanisms (revenue forecast, probability of reaching market, discount rate, alternatives, simulation); never changes the quote.",
    }),
});

/** A valid current-version document, with defaults filled in (what `parsePartnership` returns). */
export type Partnership = z.infer<typeof partnershipSchema>;
/** A current-version document as written (fields with defaults may be omitted). */
export type PartnershipInput = z.input<typeof partnershipSchema>;

export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];
export type AccessRoute = (typeof ACCESS_ROUTES)[number];
export type Use = DataUse;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export type IntendedUse = (typeof INTENDED_USES)[number];
export type ValueCharacteristic = (typeof VALUE_CHARACTERISTICS)[number];
export type ValueLevel = (typeof VALUE_LEVELS)[number];
export type ForegroundIpOwner = (typeof FOREGROUND_IP_OWNERS)[number];
export type IgStatus = (typeof IG_STATUSES)[number];
export type CostLine = Partnership["costs"]["lines"][number];
export type DataAsset = Partnership["dataAssets"][number];
