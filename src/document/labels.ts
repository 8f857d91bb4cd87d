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

export const VALUE_CHARACTERISTIC_LABELS: Readonly<Record<ValueCharacteristic, string>> = {
  availability: "Availability (common vs rare)",
  quantityQuality: "Quantity and quality",
  linkage: "Linkage to other data",
  features: "Number of features, variables or complexity",
  diversity: "Diversity of population",
  coverage: "Coverage (episodic vs cradle to grave)",
};

/** Column headings for the six characteristics, short enough for a table. */
export const VALUE_CHARACTERISTIC_SHORT_LABELS: Readonly<Record<ValueCharacteristic, string>> = {
  availability: "Availability",
  quantityQuality: "Quantity and quality",
  linkage: "Linkage",
  features: "Features",
  diversity: "Diversity",
  coverage: "Coverage",
};

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
