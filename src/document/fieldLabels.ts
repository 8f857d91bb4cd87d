/*
 * A document field as a person finds it in the task pane: "valueSharing.royalty.annualMinimum" is
 * "Value sharing > Revenue royalty > Annual minimum" (the pane's step, its group, the field's label).
 * The one place the document's paths get their readable names, for the findings sheet, the command
 * line and anything else that tells a user which field to change. The task pane writes its labels
 * inline; test/document/fieldLabels.test.ts reads them from its source and compares them with this
 * table, so the two say the same.
 */
import { VALUE_CHARACTERISTIC_LABELS } from "./labels";

/** What shows between the parts of a field's label. */
export const FIELD_LABEL_SEPARATOR = " > ";

/** A contact's fields, under the party's "contact". */
function contactParts(prefix: string): Record<string, string> {
  return {
    [`${prefix}.contact`]: "Contact",
    [`${prefix}.contact.name`]: "Name",
    [`${prefix}.contact.role`]: "Role",
    [`${prefix}.contact.email`]: "Email",
    [`${prefix}.contact.phone`]: "Telephone",
  };
}

/**
 * A value-sharing mechanism's fields, as mechanisms.tsx labels them, under `prefix`: the document's own
 * terms (valueSharing) and an alternative the Scenarios step compares with them use the same controls.
 */
function mechanismParts(prefix: string): Record<string, string> {
  return {
    [`${prefix}.subscription.annualFee`]: "First year's fee",
    [`${prefix}.subscription.years`]: "Years",
    [`${prefix}.subscription.indexation`]: "Yearly indexation",
    [`${prefix}.subscription.inAdvance`]: "Paid at the start of each year",
    [`${prefix}.milestones[]`]: "Milestone {n}",
    [`${prefix}.milestones[].description`]: "Milestone",
    [`${prefix}.milestones[].amount`]: "Amount",
    [`${prefix}.milestones[].year`]: "Year",
    [`${prefix}.milestones[].probability`]: "Probability",
    [`${prefix}.milestones[].tiedToLaunch`]: "Moves with a late launch",
    [`${prefix}.royalty.tiers`]: "Tiers",
    [`${prefix}.royalty.tiers[]`]: "Tier {n}",
    [`${prefix}.royalty.tiers[].threshold`]: "Revenue from",
    [`${prefix}.royalty.tiers[].rate`]: "Rate",
    [`${prefix}.royalty.annualCap`]: "Annual cap",
    [`${prefix}.royalty.annualMinimum`]: "Annual minimum",
    [`${prefix}.royalty.termYears`]: "Term (years)",
  };
}

/**
 * The fields of a distribution the simulation draws (`name`: what is uncertain), as the Scenarios step
 * labels them after the name: "Peak revenue: lowest" is "Peak revenue > Lowest".
 */
function distributionParts(prefix: string, name: string): Record<string, string> {
  return {
    [prefix]: name,
    [`${prefix}.distribution`]: "Uncertainty",
    [`${prefix}.value`]: "Value",
    [`${prefix}.min`]: "Lowest",
    [`${prefix}.mode`]: "Most likely",
    [`${prefix}.max`]: "Highest",
    [`${prefix}.median`]: "Median",
    [`${prefix}.sigma`]: "Spread (sigma)",
  };
}

/** A sensitivity grid's axis: the list as the Scenarios step labels it, and each of its values. */
function axisParts(prefix: string, name: string): Record<string, string> {
  return { [prefix]: name, [`${prefix}[]`]: `${name}, value {n}` };
}

/** A tornado's low and high for one assumption (`name`): "Peak revenue > Low". */
function rangeParts(prefix: string, name: string): Record<string, string> {
  return { [prefix]: name, [`${prefix}.low`]: "Low", [`${prefix}.high`]: "High" };
}

/**
 * Each part of a path, written as a pattern ("[]" for any item of a list), and its name. A list's item
 * is named with "{n}" for its place (counted from 1) or, when the document is known, its id or name.
 * A part mapped to "" adds nothing (a group the pane does not show as one).
 */
const PARTS: Readonly<Record<string, string>> = {
  // What the file says of itself, which the pane does not show.
  $schema: "Document > Schema for editors",
  format: "Document > Format",
  version: "Document > Format version",
  // The partnership step.
  reference: "Partnership > Reference",
  trust: "Partnership > Trust",
  "trust.name": "Trust name",
  "trust.odsCode": "ODS code",
  "trust.address": "Address on the quote",
  ...contactParts("trust"),
  "trust.vatNumber": "VAT registration number",
  "trust.paymentInstructions": "Payment instructions",
  "trust.termsAndConditions": "Terms and conditions",
  owner: "Partnership > Trust > Lead for this partnership",
  partner: "Partnership > Partner",
  "partner.name": "Partner organisation",
  "partner.organisationType": "Organisation type",
  "partner.address": "Address",
  ...contactParts("partner"),
  partnershipType: "Partnership > Type of partnership",
  purpose: "Partnership > Purpose",
  expectedPatientBenefit: "Partnership > Expected benefit to patients or the NHS",
  use: "Partnership > Use of the data",
  accessRoute: "Partnership > Access route",
  accessJustification: "Partnership > Why the data must leave the NHS",
  foregroundIpOwner: "Partnership > Foreground IP owner",
  consentToCommercialise: "Partnership > Consent-to-commercialise clause",
  outputsOpen: "Partnership > Outputs published openly",
  exclusivityRequested: "Partnership > Partner asks for exclusive access",
  publishedInDataUseRegister: "Partnership > Listed in the trust's public register of data uses",
  informationGovernance: "Partnership > Information governance",
  "informationGovernance.dpia": "DPIA",
  "informationGovernance.dataProcessingAgreement": "Data processing agreement",
  "informationGovernance.dataSharingAgreement": "Data sharing agreement",
  "informationGovernance.supplierDueDiligence": "Supplier due diligence",
  quote: "Partnership > The quote",
  "quote.stage": "Stage",
  "quote.date": "Quote date",
  "quote.validUntil": "Valid until",
  "quote.paymentTermsDays": "Payment terms (days)",
  "quote.issuedOn": "Issued on",
  "quote.acceptedOn": "Accepted on",
  "quote.declinedOn": "Declined on",
  "quote.withdrawnOn": "Withdrawn on",
  vatRate: "Partnership > The quote > VAT rate",
  reviewDate: "Partnership > The quote > Next review",
  notes: "Partnership > Notes",
  // The data and value step.
  dataAssets: "Data and value > Data assets",
  "dataAssets[]": "Data asset {n}",
  "dataAssets[].name": "Name",
  "dataAssets[].description": "Description",
  ...Object.fromEntries(
    Object.entries(VALUE_CHARACTERISTIC_LABELS).map(([key, label]) => [
      `dataAssets[].${key}`,
      label,
    ])
  ),
  "dataAssets[].intendedUse": "Intended use",
  // The costs step.
  pricing: "Costs > Rates",
  "pricing.strategy": "Pricing strategy",
  "pricing.strategy.id": "Strategy id",
  "pricing.strategy.revision": "Revision",
  "pricing.staffOnCostRate": "Staff on-costs",
  "pricing.overheadRate": "Overheads",
  "pricing.fixedCostRecoveryRate": "Fixed cost recovery",
  "pricing.capitalCostRecoveryRate": "Capital cost recovery",
  "pricing.passThroughInRecoveryBase": "Pass-through charges in the recovery base",
  "pricing.overrides": "Rate overrides",
  "pricing.overrides[]": "Override {n}",
  "pricing.overrides[].rate": "Rate",
  "pricing.overrides[].strategyValue": "Strategy's rate",
  "pricing.overrides[].reason": "Reason",
  costs: "Costs",
  "costs.lines": "Cost lines",
  "costs.lines[]": "Cost line {n}",
  "costs.lines[].description": "Description",
  "costs.lines[].staffGrade": "From the pricing strategy",
  "costs.lines[].standardItem": "From the pricing strategy",
  "costs.lines[].category": "Category",
  "costs.lines[].kind": "Kind",
  "costs.lines[].quantity": "Quantity",
  "costs.lines[].unit": "Unit",
  "costs.lines[].unitCost": "Unit cost",
  "costs.lines[].passThrough": "Pass-through charge (no overheads)",
  "costs.lines[].id": "Line id",
  "costs.directAllocations": "Direct allocations",
  "costs.directAllocations[]": "Direct allocation {n}",
  "costs.directAllocations[].description": "Description",
  "costs.directAllocations[].amount": "Amount",
  "costs.directAllocations[].id": "Allocation id",
  // The value sharing step.
  valueSharing: "Value sharing",
  "valueSharing.fixedPayment": "Fixed payment",
  "valueSharing.fixedPayment.amount": "Amount",
  "valueSharing.fixedPayment.instalments": "Instalments",
  "valueSharing.fixedPayment.instalments[]": "Instalment {n}",
  "valueSharing.fixedPayment.instalments[].due": "Due",
  "valueSharing.fixedPayment.instalments[].amount": "Amount",
  "valueSharing.subscription": "Subscription",
  "valueSharing.milestones": "Milestone payments",
  "valueSharing.royalty": "Revenue royalty",
  ...mechanismParts("valueSharing"),
  // The scenarios step: its assumptions, alternatives, sensitivity grids and simulation.
  scenarios: "Scenarios",
  "scenarios.probabilityOfReachingMarket": "Assumptions > Chance of reaching market",
  "scenarios.discount": "Assumptions > Discounting",
  "scenarios.discount.kind": "",
  "scenarios.discount.rate": "Discount rate",
  "scenarios.revenue": "Assumptions > Revenue forecast",
  "scenarios.revenue.kind": "",
  "scenarios.revenue.peakRevenue": "Peak revenue a year",
  "scenarios.revenue.declineRate": "Decline after peak",
  "scenarios.revenue.launchYear": "Launch year",
  "scenarios.revenue.yearsToPeak": "Years to peak",
  "scenarios.revenue.years": "Years forecast",
  // Revenue written out year by year: the list is its number of years, each item a year's revenue.
  "scenarios.revenue.byYear": "Years forecast",
  "scenarios.revenue.byYear[]": "Revenue, year {n}",
  "scenarios.paybackTarget": "Assumptions > Payback target",
  "scenarios.priceBasis": "Assumptions > Price basis",
  "scenarios.priceBasis.kind": "",
  "scenarios.priceBasis.inflation": "Inflation a year",
  "scenarios.priceBasis.inflation[]": "Inflation, year {n}",
  "scenarios.priceBasis.source": "Where the inflation comes from",
  "scenarios.fairShare": "Fair share",
  "scenarios.fairShare.profitMargin": "Product's profit margin",
  "scenarios.fairShare.expertise": "Expertise the NHS supplies",
  "scenarios.fairShare.riskAndInvestment": "Risks and investment the NHS bears",
  "scenarios.counterparty": "Assumptions > Partner's risk of not paying",
  "scenarios.counterparty.defaultRate": "Partner's default rate a year",
  "scenarios.counterparty.source": "Why this default rate",
  "scenarios.includeDocumentTerms": "Assumptions > Compare the agreed terms too",
  "scenarios.notes": "Assumptions > Where the assumptions come from",
  "scenarios.alternatives": "Alternatives to compare",
  "scenarios.alternatives[]": "Alternative {n}",
  "scenarios.alternatives[].id": "Alternative's name",
  "scenarios.alternatives[].mechanism": "Mechanism",
  "scenarios.alternatives[].instalments": "Instalments",
  "scenarios.alternatives[].instalments[]": "Instalment {n}",
  "scenarios.alternatives[].instalments[].year": "Year",
  "scenarios.alternatives[].instalments[].amount": "Amount",
  "scenarios.alternatives[].subscription": "Subscription",
  "scenarios.alternatives[].milestones": "Milestones",
  "scenarios.alternatives[].royalty": "Royalty",
  ...mechanismParts("scenarios.alternatives[]"),
  "scenarios.sensitivity": "Sensitivity grids",
  ...axisParts("scenarios.sensitivity.royaltyRates", "Royalty rates"),
  ...axisParts("scenarios.sensitivity.discountRates", "Discount rates"),
  ...axisParts("scenarios.sensitivity.peakRevenues", "Peak revenues"),
  ...axisParts("scenarios.sensitivity.probabilities", "Chances of reaching market"),
  "scenarios.tornado": "Tornado",
  ...rangeParts("scenarios.tornado.peakRevenue", "Peak revenue"),
  ...rangeParts("scenarios.tornado.probabilityOfReachingMarket", "Chance of reaching market"),
  ...rangeParts("scenarios.tornado.launchDelayYears", "Launch delay (years)"),
  ...rangeParts("scenarios.tornado.royaltyRate", "Royalty rates (multiple)"),
  ...rangeParts("scenarios.tornado.discountRate", "Discount rate"),
  ...rangeParts("scenarios.tornado.inflation", "Inflation (points)"),
  ...rangeParts("scenarios.tornado.defaultRate", "Partner's default rate"),
  "scenarios.monteCarlo": "Simulation",
  "scenarios.monteCarlo.trials": "Trials",
  "scenarios.monteCarlo.seed": "Seed",
  "scenarios.monteCarlo.milestoneDependence": "Milestones depend on each other",
  ...distributionParts("scenarios.monteCarlo.peakRevenue", "Peak revenue"),
  ...distributionParts("scenarios.monteCarlo.launchDelayYears", "Launch delay (years)"),
};

/** The label the table gives a pattern's own part (the last), if any: for tests and the pane. */
export function fieldPartLabel(pattern: string): string | undefined {
  return PARTS[pattern];
}

/** "annualMinimum" as words: "annual minimum". */
function words(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** What a list's item is called in a document: its id, else its name; undefined when it has neither. */
function itemName(doc: unknown, listPath: string, index: number): string | undefined {
  if (doc === undefined) return undefined;
  let value: unknown = doc;
  // "scenarios.alternatives[0].milestones": each name, then each index after it.
  for (const part of listPath.match(/[^.[\]]+/g) ?? []) {
    if (value === null || typeof value !== "object") return undefined;
    value = Array.isArray(value)
      ? /^\d+$/.test(part)
        ? value[Number(part)]
        : undefined
      : (value as Record<string, unknown>)[part];
  }
  if (!Array.isArray(value)) return undefined;
  const item: unknown = value[index];
  if (item === null || typeof item !== "object") return undefined;
  const { id, name } = item as { id?: unknown; name?: unknown };
  if (typeof id === "string" && id.trim() !== "") return id;
  if (typeof name === "string" && name.trim() !== "") return `"${name}"`;
  return undefined;
}

/**
 * A document path ("valueSharing.royalty.annualMinimum", "costs.lines[2].unitCost") as the task pane
 * labels its field: "Value sharing > Revenue royalty > Annual minimum", "Costs > Cost line svc-deid >
 * Unit cost" (a list's item by its id or name when `doc` is given, valid or as the pane holds it while
 * it is edited, else by its place: "Cost line 3"). A part the table does not know is written out in
 * words, so every path gets a label; test/document/fieldLabels.test.ts checks that the table knows
 * every path the document's schema allows.
 */
export function fieldLabel(path: string, doc?: unknown): string {
  const parts: string[] = [];
  const segments = path.split(".").filter((segment) => segment !== "");
  let pattern = "";
  let concrete = "";
  segments.forEach((segment, i) => {
    const match = /^([^[]+)((?:\[\d+\])*)$/.exec(segment);
    const name = match?.[1] ?? segment;
    const indices = [...(match?.[2] ?? "").matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    pattern = pattern === "" ? name : `${pattern}.${name}`;
    concrete = concrete === "" ? name : `${concrete}.${name}`;
    // A list followed by one of its items is named by the item alone ("Cost line 3", not "Cost lines").
    const last = i === segments.length - 1 && indices.length === 0;
    if (indices.length === 0 || last) parts.push(PARTS[pattern] ?? words(name));
    else if (PARTS[pattern]?.includes(FIELD_LABEL_SEPARATOR))
      // A list at the top of a step: keep the step ("Data and value > Data asset 1").
      parts.push(
        PARTS[pattern]!.split(FIELD_LABEL_SEPARATOR).slice(0, -1).join(FIELD_LABEL_SEPARATOR)
      );
    for (const index of indices) {
      const listPath = concrete;
      pattern = `${pattern}[]`;
      concrete = `${concrete}[${index}]`;
      const item = PARTS[pattern];
      const named = itemName(doc, listPath, index);
      if (item === undefined) parts.push(`${words(name)} item ${index + 1}`);
      else parts.push(item.replace("{n}", named ?? String(index + 1)));
    }
  });
  return parts.filter((part) => part !== "").join(FIELD_LABEL_SEPARATOR);
}
