import type {
  AccessRoute,
  CostCategory,
  ForegroundIpOwner,
  IgStatus,
  IntendedUse,
  OrganisationType,
  PartnershipType,
  QuoteStage,
  Use,
  ValueCharacteristic,
  ValueLevel,
} from "./schema";

/** Readable names for the document's ids, for sheets, quotes and messages. */

export const PARTNERSHIP_TYPE_LABELS: Readonly<Record<PartnershipType, string>> = {
  "data-access": "Type 1: access to data for research and development",
  "data-access-with-expertise": "Type 2: access to data and staff expertise",
  "validate-partner-solution": "Type 3: validating a partner's solution",
  "nhs-initiated-challenge": "Type 4: NHS-initiated partnership to solve a challenge",
};

export const ACCESS_ROUTE_LABELS: Readonly<Record<AccessRoute, string>> = {
  "nhs-environment": "Data stays within the NHS environment",
  "secure-data-environment": "Secure data environment (SDE)",
  "shared-with-partner": "Data shared with the partner",
};

export const USE_LABELS: Readonly<Record<Use, string>> = {
  commercial: "Commercial",
  "non-commercial": "Non-commercial",
};

export const ORGANISATION_TYPE_LABELS: Readonly<Record<OrganisationType, string>> = {
  university: "University or academic institution",
  charity: "Charity",
  sme: "Small or medium-sized enterprise",
  "large-company": "Large company",
  "public-body": "Public body",
  "nhs-organisation": "NHS organisation",
  other: "Other",
};

export const INTENDED_USE_LABELS: Readonly<Record<IntendedUse, string>> = {
  "early-exploration": "Early exploration of data",
  "train-validate-ai-model": "Training and validating an ML/AI model",
  "deploy-ai-model": "Deploying and integrating an ML/AI model",
  "clinical-trial-recruitment-monitoring": "Clinical trial recruitment and monitoring",
  "real-world-study": "Real-world study",
};

/**
 * The six characteristics by what they measure. "Availability" alone reads as "easily available",
 * the opposite of what a high value means, so availability is named for its high end: rarity.
 */
export const VALUE_CHARACTERISTIC_LABELS: Readonly<Record<ValueCharacteristic, string>> = {
  availability: "Rarity of the data",
  quantityQuality: "Quantity and quality",
  linkage: "Linkage to other data",
  features: "Features, variables and complexity",
  diversity: "Diversity of population",
  coverage: "Coverage of care",
};

/**
 * The guide's own wording for each characteristic's low-value and high-value ends (chapter 5,
 * "Pricing your data"). Its "High diversity or population" is read as "of", as its low end has it.
 */
export const VALUE_CHARACTERISTIC_ENDS: Readonly<
  Record<ValueCharacteristic, Readonly<Record<ValueLevel, string>>>
> = {
  availability: {
    low: "Common data, easily available",
    high: "Rare data, such as a unique patient cohort",
  },
  quantityQuality: { low: "Low quantity or quality", high: "High quantity or quality" },
  linkage: { low: "Unlinked data", high: "Well linked to other data" },
  features: {
    low: "Low volume of features, variables or complexity",
    high: "High volume of features, variables or complexity",
  },
  diversity: { low: "Low diversity of population", high: "High diversity of population" },
  coverage: {
    low: "Low coverage, for example episodic",
    high: "High coverage, for example cradle to grave",
  },
};

/** "Rare data, such as a unique patient cohort (high value)": the chosen end, never a bare High or Low. */
export function describeValueLevel(characteristic: ValueCharacteristic, level: ValueLevel): string {
  return `${VALUE_CHARACTERISTIC_ENDS[characteristic][level]} (${level} value)`;
}

/** The guide's wording for one end, to go within a sentence: "rare data, such as a unique patient cohort". */
export function valueEndInSentence(characteristic: ValueCharacteristic, level: ValueLevel): string {
  const end = VALUE_CHARACTERISTIC_ENDS[characteristic][level];
  return end.charAt(0).toLowerCase() + end.slice(1);
}

/** "Low value: common data, easily available. High value: rare data, such as a unique patient cohort." */
export function describeValueEnds(characteristic: ValueCharacteristic): string {
  return `Low value: ${valueEndInSentence(characteristic, "low")}. High value: ${valueEndInSentence(characteristic, "high")}.`;
}

export const QUOTE_STAGE_LABELS: Readonly<Record<QuoteStage, string>> = {
  draft: "Draft",
  issued: "Issued",
  accepted: "Accepted",
  declined: "Declined",
  withdrawn: "Withdrawn",
};

export const FOREGROUND_IP_OWNER_LABELS: Readonly<Record<ForegroundIpOwner, string>> = {
  nhs: "NHS organisation",
  partner: "Partner",
  joint: "Joint",
};

export const IG_STATUS_LABELS: Readonly<Record<IgStatus, string>> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  complete: "Complete",
  "not-applicable": "Not applicable",
};

export const COST_CATEGORY_LABELS: Readonly<Record<CostCategory | "fixed" | "capital", string>> = {
  services: "Services",
  "data-access-people": "Data access: people",
  "data-access-other": "Data access: other variable costs",
  fixed: "Data access: fixed costs",
  capital: "Data access: capital costs",
};
