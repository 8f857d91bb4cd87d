/**
 * The starter documents `nhsdp init` writes: a pricing strategy and a partnership priced with it, every
 * field of both formats present (optional ones included) with placeholder values to replace. Both are
 * valid as they stand, so the commands work on them at once; text to replace says "REPLACE".
 */
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
