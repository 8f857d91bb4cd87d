/**
 * The starter documents: a pricing strategy and a partnership priced with it, every field of both
 * formats present (optional ones included).
 *
 * - `starterStrategy` and `starterPartnership` hold a sample figure in every field, so they are valid
 *   as they stand (the task pane's strategy editor starts from the strategy); only some text says
 *   "REPLACE:".
 * - `initStrategy` and `initPartnership`, what `nhsdp init` writes, are the same with every figure and
 *   text the trust must set replaced by a placeholder ("REPLACE:" and what goes there), so the command
 *   neither checks nor prices them until the trust has written its own.
 */
import { PLACEHOLDER } from "../document/placeholders";
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type PartnershipInput } from "../document/schema";
import { STRATEGY_FORMAT, STRATEGY_VERSION, type PricingStrategyInput } from "../document/strategy";

const TRUST = {
  name: "REPLACE: Your NHS Foundation Trust",
  odsCode: "RXX",
  address: "REPLACE: Hospital, Street, Town, Postcode",
  contact: {
    name: "REPLACE: who partners write to",
    role: "REPLACE: their role",
    email: "replace.me@your-trust.example",
    phone: "0000 000 0000",
  },
  vatNumber: "GB 000 0000 00",
  paymentInstructions: "REPLACE: how partners pay (bank, sort code, account, reference)",
  termsAndConditions: "REPLACE: the terms and conditions quotes are offered under",
};

export function starterStrategy(): PricingStrategyInput {
  return {
    format: STRATEGY_FORMAT,
    version: STRATEGY_VERSION,
    id: "RXX-DATA-PRICING",
    revision: 1,
    trust: { ...TRUST },
    effectiveFrom: "2026-04-01",
    reviewBy: "2027-03-31",
    approvedBy: "REPLACE: Director of Finance",
    approvedOn: "2026-03-15",
    staffTime: {
      onCostRate: 0.25,
      onCostBasis: "REPLACE: employer's pension and National Insurance, as a share of salary",
      grades: [
        { id: "band-6", name: "Agenda for Change band 6: analyst", unit: "day", rate: 310 },
        { id: "consultant", name: "Consultant, sessional rate", unit: "hour", rate: 112.5 },
      ],
    },
    overhead: {
      rate: 0.2,
      covers: "REPLACE: finance, HR, IT service desk, information governance, estates",
      components: [
        "finance-legal",
        "hr-training",
        "it-service-desk",
        "information-governance",
        "estates-utilities",
      ],
    },
    recoveryBase: {
      description: "REPLACE: forecast cost of the year's data partnerships, from the register",
      commercialFullCost: 800000,
      nonCommercialMarginalCost: 400000,
      passThrough: "excluded",
    },
    fixedCostRecovery: {
      annualPool: 96000,
      covers: "Managerial staff of the data team and operating the data platform",
      components: ["management-administration", "platform-operation"],
    },
    capitalCostRecovery: {
      annualPool: 60000,
      costOfCapital: {
        rate: 0.035,
        capitalEmployed: 240000,
        source: "HM Treasury Green Book: 3.5% real cost of capital",
      },
      covers: "Depreciation of the SDE build and platform improvements",
      components: ["sde-build", "platform-improvement"],
    },
    standardItems: [
      {
        id: "sde-user-month",
        name: "NHS England SDE user account",
        category: "data-access-other",
        unit: "user-month",
        unitPrice: 472,
        passThrough: true,
        source: "NHS England SDE price list",
        effectiveFrom: "2026-04-01",
      },
    ],
    valueSharingPolicy: {
      preferredMechanisms: [
        { use: "commercial", dataValue: "high", mechanisms: ["milestones", "royalty"] },
        { use: "commercial", dataValue: "low", mechanisms: ["fixed", "subscription"] },
      ],
      royalty: {
        base: "Net sales: gross amounts invoiced for the product, less VAT, returns and rebates",
        givenAway:
          "A product given away or bundled bears the royalty on the price of its comparable sales",
        minimumRate: 0.02,
        annualMinimum: 10000,
      },
      contribution: {
        weights: { data: 0.5, intendedUse: 0.2, expertise: 0.15, riskAndInvestment: 0.15 },
        intendedUseScores: {
          "early-exploration": 0.25,
          "train-validate-ai-model": 1,
          "deploy-ai-model": 0.5,
          "clinical-trial-recruitment-monitoring": 0.5,
          "real-world-study": 0.75,
        },
        shareAtFullContribution: { low: 0.1, high: 0.25 },
      },
      notes: "The defaults: a starting point the trust reviews with the strategy, not a standard",
    },
    notes: "REPLACE: anything the strategy's readers should know",
  };
}

export function starterPartnership(): PartnershipInput {
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    reference: "DP-2026-001",
    trust: { ...TRUST },
    partner: {
      name: "REPLACE: Partner Ltd",
      organisationType: "sme",
      address: "REPLACE: Street, Town, Postcode",
      contact: {
        name: "REPLACE: who the quote is for",
        role: "REPLACE: their role",
        email: "replace.me@partner.example",
        phone: "0000 000 0000",
      },
    },
    owner: "REPLACE: the trust's lead for this partnership",
    reviewDate: "2027-03-31",
    partnershipType: "data-access-with-expertise",
    purpose: "REPLACE: what the data will be used for",
    expectedPatientBenefit:
      "REPLACE: the benefit to patients or the NHS, quantified where possible",
    accessRoute: "secure-data-environment",
    accessJustification: "",
    use: "commercial",
    dataAssets: [
      {
        name: "REPLACE: data asset",
        description: "REPLACE: what the data holds",
        availability: "low",
        quantityQuality: "high",
        linkage: "high",
        features: "low",
        diversity: "high",
        coverage: "low",
        intendedUse: "train-validate-ai-model",
      },
    ],
    foregroundIpOwner: "partner",
    consentToCommercialise: false,
    outputsOpen: false,
    exclusivityRequested: false,
    informationGovernance: {
      dpia: "not-started",
      dataProcessingAgreement: "not-started",
      dataSharingAgreement: "not-started",
      supplierDueDiligence: "not-started",
    },
    publishedInDataUseRegister: true,
    quote: { stage: "draft", date: "2026-04-01", validUntil: "2026-06-30", paymentTermsDays: 30 },
    pricing: {
      strategy: { id: "RXX-DATA-PRICING", revision: 1 },
      staffOnCostRate: 0.25,
      overheadRate: 0.2,
      fixedCostRecoveryRate: 0.08,
      capitalCostRecoveryRate: 0.057,
      passThroughInRecoveryBase: false,
      overrides: [],
    },
    costs: {
      lines: [
        {
          id: "svc-analyst",
          category: "services",
          description: "REPLACE: data preparation by an analyst",
          quantity: 5,
          unit: "day",
          unitCost: 310,
          kind: "staff",
          passThrough: false,
          staffGrade: "band-6",
        },
        {
          id: "dao-compute",
          category: "data-access-other",
          description: "REPLACE: compute and storage in the SDE",
          quantity: 6,
          unit: "month",
          unitCost: 250,
          kind: "non-staff",
          passThrough: false,
        },
        {
          id: "dao-accounts",
          category: "data-access-other",
          description: "SDE user accounts",
          quantity: 12,
          unit: "user-month",
          unitCost: 472,
          kind: "non-staff",
          passThrough: true,
          standardItem: "sde-user-month",
        },
      ],
      directAllocations: [
        {
          id: "cap-connector",
          description: "REPLACE: infrastructure built for this partnership alone",
          amount: 1500,
        },
      ],
    },
    vatRate: 0.2,
    valueSharing: {
      fixedPayment: {
        amount: 10000,
        instalments: [
          { due: "2026-05-01", amount: 5000 },
          { due: "2026-11-01", amount: 5000 },
        ],
      },
      subscription: { annualFee: 5000, years: 3, indexation: 0.02, inAdvance: true },
      milestones: [
        {
          description: "REPLACE: regulatory approval",
          amount: 50000,
          year: 2,
          probability: 0.5,
          tiedToLaunch: true,
        },
      ],
      royalty: {
        tiers: [
          { threshold: 0, rate: 0.04 },
          { threshold: 5000000, rate: 0.06 },
        ],
        annualCap: 500000,
        annualMinimum: 10000,
        termYears: 10,
      },
    },
    scenarios: {
      revenue: {
        kind: "curve",
        launchYear: 3,
        yearsToPeak: 4,
        peakRevenue: 8000000,
        declineRate: 0.1,
        years: 15,
      },
      probabilityOfReachingMarket: 0.4,
      discount: { kind: "green-book" },
      includeDocumentTerms: true,
      alternatives: [
        {
          id: "royalty-3pc",
          mechanism: "royalty",
          royalty: { tiers: [{ threshold: 0, rate: 0.03 }], termYears: 10 },
        },
      ],
      paybackTarget: 25000,
      sensitivity: {
        royaltyRates: [0.02, 0.04, 0.06],
        discountRates: [0.02, 0.035, 0.05],
        peakRevenues: [4000000, 8000000, 12000000],
        probabilities: [0.2, 0.4, 0.6],
      },
      monteCarlo: {
        trials: 10000,
        seed: 1,
        peakRevenue: { distribution: "pert", min: 3000000, mode: 8000000, max: 15000000 },
        launchDelayYears: { distribution: "triangular", min: 0, mode: 0, max: 2 },
        milestoneDependence: "pipeline",
      },
      notes: "REPLACE: where the revenue forecast and the probabilities come from",
    },
    notes: "REPLACE: anything the quote's readers should know",
  };
}

const A_DAY = "YYYY-MM-DD";
const POUNDS = "in pounds, a number";
const RATE = "a number (0.25 is 25%)";
const FROM_STRATEGY = "as nhsdp check prints it for your pricing strategy, a number";

/** The trust's own details, beyond the text the starters already mark. */
const TRUST_PLACEHOLDERS: Readonly<Record<string, string>> = {
  "trust.name": "the trust's name, as its quotes give it",
  "trust.address": "the trust's postal address",
  "trust.odsCode": "the trust's ODS code (for example RXX)",
  "trust.contact.email": "the email address partners write to",
  "trust.contact.phone": "their telephone number",
  "trust.vatNumber": "the trust's VAT registration number",
};

/** The strategy's figures and text the trust sets, by path, with what goes there. */
const STRATEGY_PLACEHOLDERS: Readonly<Record<string, string>> = {
  id: "the strategy's id, which every partnership priced with it names (for example RXX-DATA-PRICING)",
  ...TRUST_PLACEHOLDERS,
  effectiveFrom: `the day the strategy takes effect, ${A_DAY}`,
  reviewBy: `the day it is to be reviewed by, ${A_DAY}`,
  approvedBy: "who approved the strategy (for example the Director of Finance)",
  approvedOn: `the day it was approved, ${A_DAY}`,
  "staffTime.onCostRate": `the employer's on-costs as a share of salary, ${RATE}`,
  "staffTime.grades[0].rate": `the analyst's rate per day, ${POUNDS}`,
  "staffTime.grades[1].rate": `the consultant's rate per hour, ${POUNDS}`,
  "overhead.rate": `the overhead rate, ${RATE}`,
  "recoveryBase.commercialFullCost": `the forecast full cost of the year's commercial partnerships, ${POUNDS}`,
  "recoveryBase.nonCommercialMarginalCost": `the forecast marginal cost of the year's non-commercial partnerships, ${POUNDS}`,
  "fixedCostRecovery.annualPool": `the fixed costs to recover in a year, ${POUNDS}`,
  "fixedCostRecovery.covers": "what those fixed costs are",
  "capitalCostRecovery.annualPool": `the capital costs to recover in a year, ${POUNDS}`,
  "capitalCostRecovery.covers": "what those capital costs are",
  "capitalCostRecovery.costOfCapital.capitalEmployed": `the capital employed, ${POUNDS}`,
  "standardItems[0].unitPrice": `the price per user-month on NHS England's current SDE price list, ${POUNDS}`,
  "standardItems[0].effectiveFrom": `the day that price took effect, ${A_DAY}`,
  "valueSharingPolicy.royalty.base":
    "what the trust's royalties are a share of (for example net sales, and what they are net of)",
  "valueSharingPolicy.royalty.givenAway":
    "what a royalty is due on when the product is given away or bundled",
  "valueSharingPolicy.royalty.minimumRate": `the lowest royalty rate the trust accepts, ${RATE}`,
  "valueSharingPolicy.royalty.annualMinimum": `the annual minimum royalty the trust asks for, ${POUNDS}`,
};

/** The partnership's figures and text the trust sets, by path, with what goes there. */
const PARTNERSHIP_PLACEHOLDERS: Readonly<Record<string, string>> = {
  reference: "the quote's reference (for example DP-2026-001)",
  ...TRUST_PLACEHOLDERS,
  "partner.name": "the partner's name",
  "partner.address": "the partner's postal address",
  "partner.contact.email": "the partner contact's email address",
  "partner.contact.phone": "their telephone number",
  reviewDate: `the day to review the partnership by, ${A_DAY}`,
  "quote.date": `the quote's date, ${A_DAY}`,
  "quote.validUntil": `the last day the quote is valid, ${A_DAY}`,
  "pricing.strategy.id": "the id of the pricing strategy the quote is priced with",
  "pricing.strategy.revision": "that strategy's revision, a whole number",
  "pricing.staffOnCostRate": `the strategy's staff on-cost rate, ${FROM_STRATEGY}`,
  "pricing.overheadRate": `the strategy's overhead rate, ${FROM_STRATEGY}`,
  "pricing.fixedCostRecoveryRate": `the strategy's fixed cost recovery rate, ${FROM_STRATEGY}`,
  "pricing.capitalCostRecoveryRate": `the strategy's capital cost recovery rate, ${FROM_STRATEGY}`,
  "dataAssets[0].name": "the data asset's name",
  "costs.lines[0].description": "what the analyst does (for example data preparation)",
  "costs.lines[1].description":
    "what the line charges for (for example compute and storage in the SDE)",
  "costs.lines[0].quantity": "days of analyst time, a number",
  "costs.lines[0].unitCost": `the strategy's analyst rate per day, ${POUNDS}`,
  "costs.lines[1].quantity": "months of compute and storage, a number",
  "costs.lines[1].unitCost": `the cost per month, ${POUNDS}`,
  "costs.lines[2].quantity": "user-months of SDE accounts, a number",
  "costs.lines[2].unitCost": `the strategy's price per user-month (its standard item sde-user-month), ${POUNDS}`,
  "costs.directAllocations[0].amount": `what that infrastructure cost, ${POUNDS}`,
  "valueSharing.fixedPayment.amount": `the fixed payment, ${POUNDS}`,
  "valueSharing.fixedPayment.instalments[0].due": `the day the first instalment is due, ${A_DAY}`,
  "valueSharing.fixedPayment.instalments[0].amount": `the first instalment, ${POUNDS}`,
  "valueSharing.fixedPayment.instalments[1].due": `the day the second instalment is due, ${A_DAY}`,
  "valueSharing.fixedPayment.instalments[1].amount": `the second instalment, ${POUNDS}`,
  "valueSharing.subscription.annualFee": `the subscription's fee a year, ${POUNDS}`,
  "valueSharing.milestones[0].description": "the milestone (for example regulatory approval)",
  "valueSharing.milestones[0].amount": `the payment on reaching the milestone, ${POUNDS}`,
  "valueSharing.milestones[0].year": "the year it is expected in (1 is the first), a whole number",
  "valueSharing.milestones[0].probability": "the probability of reaching it, a number from 0 to 1",
  "valueSharing.royalty.tiers[0].rate": `the royalty on revenue up to the next tier, ${RATE}`,
  "valueSharing.royalty.tiers[1].threshold": `the yearly revenue from which the second rate applies, ${POUNDS}`,
  "valueSharing.royalty.tiers[1].rate": `the royalty above that threshold, ${RATE}`,
  "valueSharing.royalty.annualCap": `the most the royalty pays in a year, ${POUNDS}`,
  "valueSharing.royalty.annualMinimum": `the least the royalty pays in a year, ${POUNDS}`,
  "scenarios.revenue.peakRevenue": `the product's forecast revenue in its peak year, ${POUNDS}`,
  "scenarios.probabilityOfReachingMarket":
    "the probability the product reaches market, a number from 0 to 1",
  "scenarios.monteCarlo.peakRevenue.min": `the lowest peak revenue to simulate, ${POUNDS}`,
  "scenarios.monteCarlo.peakRevenue.mode": `the most likely peak revenue, ${POUNDS}`,
  "scenarios.monteCarlo.peakRevenue.max": `the highest peak revenue to simulate, ${POUNDS}`,
};

/** A copy of `document` with a placeholder at each path (which must be one of its fields). */
function withPlaceholders<T extends object>(
  document: T,
  marks: Readonly<Record<string, string>>
): T {
  for (const [path, words] of Object.entries(marks)) {
    const keys = path.split(/\.|\[(\d+)\]\.?/).filter((key) => key !== undefined && key !== "");
    const last = keys.pop() as string;
    let parent: Record<string, unknown> = document as Record<string, unknown>;
    for (const key of keys) parent = parent[key] as Record<string, unknown>;
    if (parent === undefined || !(last in parent))
      throw new Error(`the starter has no field ${path} to mark`);
    parent[last] = `${PLACEHOLDER} ${words}`;
  }
  return document;
}

/** The strategy `nhsdp init` writes: every figure and text the trust sets is a placeholder. */
export function initStrategy(): PricingStrategyInput {
  return withPlaceholders(starterStrategy(), STRATEGY_PLACEHOLDERS);
}

/** The partnership `nhsdp init` writes: every figure and text the trust sets is a placeholder. */
export function initPartnership(): PartnershipInput {
  return withPlaceholders(starterPartnership(), PARTNERSHIP_PLACEHOLDERS);
}
