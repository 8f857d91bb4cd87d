import fs from "fs";
import path from "path";
import { parsePartnership, parseStrategy } from "../../src/document/parse";
import type { Partnership, PartnershipInput } from "../../src/document/schema";
import type { PricingStrategy, PricingStrategyInput } from "../../src/document/strategy";

export const EXAMPLES_DIR = path.join(__dirname, "..", "..", "examples");

export const EXAMPLE_FILES = [
  "academic-sde-study.json",
  "commercial-imaging-ai.json",
  "commercial-rwe-milestones.json",
  "sme-subscription.json",
] as const;

export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), "utf8"));
}

/** Parses a document that must be valid, failing the test with its issues if it is not. */
export function valid(json: unknown): Partnership {
  const result = parsePartnership(json);
  if (!result.ok)
    throw new Error(
      `expected a valid document:\n${result.issues.map((i) => `${i.path}: ${i.message}`).join("\n")}`
    );
  return result.document;
}

export function example(file: (typeof EXAMPLE_FILES)[number]): Partnership {
  return valid(readJson(file));
}

/**
 * A partnership that every principle is happy with: an issued quote for commercial use through an
 * SDE, priced with a named strategy, a fee, a modest royalty with an annual minimum, no
 * exclusivity, patient benefit stated, all IG documents and supplier due diligence complete. Its
 * data asset is not high-value (3 of 6 characteristics high). Fresh on every call.
 */
export function cleanInput(): PartnershipInput & Record<string, unknown> {
  return {
    format: "nhsdp.partnership",
    version: 3,
    reference: "DP-TEST-001",
    trust: { name: "Test Teaching Hospitals NHS Foundation Trust" },
    partner: { name: "Example Diagnostics Ltd", organisationType: "large-company" },
    partnershipType: "data-access",
    purpose: "Validate a sepsis early-warning model on inpatient observations.",
    expectedPatientBenefit: "Earlier treatment of sepsis on general wards.",
    accessRoute: "secure-data-environment",
    use: "commercial",
    dataAssets: [
      {
        name: "Inpatient observations",
        description: "Vital signs and lab results for adult inpatients, 2019-2024.",
        availability: "low",
        quantityQuality: "high",
        linkage: "high",
        features: "high",
        diversity: "low",
        coverage: "low",
        intendedUse: "train-validate-ai-model",
      },
    ],
    foregroundIpOwner: "partner",
    consentToCommercialise: false,
    exclusivityRequested: false,
    informationGovernance: {
      dpia: "complete",
      dataProcessingAgreement: "complete",
      dataSharingAgreement: "complete",
      supplierDueDiligence: "complete",
    },
    publishedInDataUseRegister: true,
    quote: {
      stage: "issued",
      date: "2025-04-01",
      validUntil: "2025-06-30",
      paymentTermsDays: 30,
      issuedOn: "2025-04-01",
    },
    pricing: {
      strategy: { id: "TEST-PRICING", revision: 1 },
      staffOnCostRate: 0.25,
      overheadRate: 0.2,
      fixedCostRecoveryRate: 0.1,
      capitalCostRecoveryRate: 0.05,
    },
    costs: {
      lines: [
        {
          id: "svc-1",
          category: "services",
          description: "Analyst: data preparation",
          quantity: 12,
          unit: "day",
          unitCost: 450,
        },
        {
          id: "dap-1",
          category: "data-access-people",
          description: "Project management",
          quantity: 3,
          unit: "day",
          unitCost: 310,
        },
        {
          id: "dao-1",
          category: "data-access-other",
          description: "SDE user accounts",
          quantity: 6,
          unit: "user-month",
          unitCost: 472,
        },
      ],
    },
    vatRate: 0.2,
    valueSharing: {
      royalty: { tiers: [{ threshold: 0, rate: 0.05 }], annualMinimum: 10000, termYears: 8 },
    },
  };
}

/** The pricing strategy `cleanInput` names (TEST-PRICING revision 1), with the same rates. */
export function cleanStrategyInput(): PricingStrategyInput & Record<string, unknown> {
  return {
    format: "nhsdp.pricing-strategy",
    version: 3,
    id: "TEST-PRICING",
    revision: 1,
    trust: { name: "Test Teaching Hospitals NHS Foundation Trust" },
    effectiveFrom: "2025-04-01",
    approvedBy: "Director of Finance",
    approvedOn: "2025-03-15",
    staffTime: {
      onCostRate: 0.25,
      grades: [{ id: "band-6", name: "Band 6 analyst", unit: "day", rate: 310 }],
    },
    overhead: { rate: 0.2, covers: "Corporate services and estates" },
    recoveryBase: {
      description: "Forecast cost of all data partnerships this year",
      commercialFullCost: 3500000,
      nonCommercialMarginalCost: 1500000,
      passThrough: "included",
      passThroughReason: "The data access team handles every charge it passes on",
    },
    fixedCostRecovery: { annualPool: 500000 },
    capitalCostRecovery: { rate: 0.05, source: "Board paper 2025-07" },
    standardItems: [
      {
        id: "sde-user-month",
        name: "SDE user account",
        category: "data-access-other",
        unit: "user-month",
        unitPrice: 472,
        passThrough: true,
      },
    ],
  };
}

export function cleanStrategy(): PricingStrategy {
  return validStrategy(cleanStrategyInput());
}

export function clean(): Partnership {
  return valid(cleanInput());
}

/** The trusts' pricing strategies in examples/strategies, each named by the ODS code of its trust. */
export const STRATEGY_FILES = {
  R9X: "northvale-pricing-strategy.json",
  RWB: "westbridge-pricing-strategy.json",
  RE8: "eastmere-pricing-strategy.json",
} as const;

/** Parses a pricing strategy that must be valid, failing the test with its issues if it is not. */
export function validStrategy(json: unknown): PricingStrategy {
  const result = parseStrategy(json);
  if (!result.ok)
    throw new Error(
      `expected a valid strategy:\n${result.issues.map((i) => `${i.path}: ${i.message}`).join("\n")}`
    );
  return result.document;
}

/** The example strategy of the trust with this ODS code. */
export function exampleStrategy(odsCode: keyof typeof STRATEGY_FILES): PricingStrategy {
  return validStrategy(readJson(path.join("strategies", STRATEGY_FILES[odsCode])));
}
