import { z } from "zod";
import { COST_CATEGORIES } from "../../model/vocabulary";
import {
  ALWAYS_FOR_LISTS,
  fraction,
  isoDate,
  money,
  nonNegative,
  requiredText,
  text,
  uniqueIds,
} from "../fields";
import {
  ACCESS_ROUTES,
  DOCUMENT_FORMAT,
  FOREGROUND_IP_OWNERS,
  IG_STATUSES,
  PARTNERSHIP_TYPES,
  USES,
  dataAssetSchema,
  partnerSchema,
  trustSchema,
} from "../schema";
import { valueSharingSchema } from "../valueSharing";

/**
 * Version 1 of the Partnership document, kept so that a version-1 document can be checked as it was
 * written (issues at its own paths) before migrate.ts upgrades it, and so the upgrade can say how
 * its price changes. New documents are version 2 (schema.ts).
 *
 * What version 2 changed: rates moved from `costs` to `pricing` (copied from the trust's pricing
 * strategy); on-costs apply to staff time only; fixed and capital costs are recovered as a rate of
 * the overall marginal or full cost instead of `pool x share`; the quote has a stage, validity and
 * payment terms; supplier due diligence and open outputs are recorded.
 */

export const DOCUMENT_VERSION_1 = 1;

const igStatus = () => z.enum(IG_STATUSES);

export const costLineSchemaV1 = z.strictObject({
  id: requiredText(),
  category: z.enum(COST_CATEGORIES),
  description: requiredText(),
  quantity: nonNegative("a quantity of units"),
  unit: requiredText(),
  unitCost: money(),
});

const costPoolSchemaV1 = z.strictObject({ pool: money(), share: fraction() });

export const partnershipSchemaV1 = z.strictObject({
  /** The JSON Schema an editor validates the file against; ignored by the add-in. */
  $schema: z.string().optional(),
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(DOCUMENT_VERSION_1),
  reference: requiredText().max(64, {
    error: "must be at most 64 characters (it heads every printed page)",
  }),
  // Version 1's parties, before version 3 added contacts, addresses and the trust's invoicing details.
  trust: trustSchema.pick({ name: true, odsCode: true, address: true }),
  partner: partnerSchema.pick({ name: true, organisationType: true }),
  partnershipType: z.enum(PARTNERSHIP_TYPES),
  purpose: requiredText(),
  expectedPatientBenefit: text().optional(),
  accessRoute: z.enum(ACCESS_ROUTES),
  accessJustification: text().optional(),
  use: z.enum(USES),
  dataAssets: z.array(dataAssetSchema).min(1, { error: "needs at least one data asset" }),
  foregroundIpOwner: z.enum(FOREGROUND_IP_OWNERS),
  consentToCommercialise: z.boolean(),
  exclusivityRequested: z.boolean(),
  informationGovernance: z.strictObject({
    dpia: igStatus(),
    dataProcessingAgreement: igStatus(),
    dataSharingAgreement: igStatus(),
  }),
  publishedInDataUseRegister: z.boolean().optional(),
  costs: z.strictObject({
    lines: z.array(costLineSchemaV1).superRefine(uniqueIds("costs.lines"), ALWAYS_FOR_LISTS),
    /** Employer's on-costs as a decimal uplift on every line (version 2 applies them to staff time only). */
    onCostRate: nonNegative("a decimal uplift, 0.25 = 25%").default(0),
    overheadRate: nonNegative("a decimal uplift, 0.2 = 20%"),
    fixedCosts: costPoolSchemaV1,
    capitalCosts: costPoolSchemaV1,
  }),
  vatRate: fraction(),
  valueSharing: valueSharingSchema,
  quoteDate: isoDate(),
  notes: text().optional(),
});

/** A valid version-1 document, defaults filled in. */
export type PartnershipV1 = z.infer<typeof partnershipSchemaV1>;
