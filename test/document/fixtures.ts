import fs from "fs";
import path from "path";
import { parsePartnership } from "../../src/document/parse";
import type { Partnership, PartnershipInput } from "../../src/document/schema";

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
 * A partnership that every principle is happy with: commercial use through an SDE, a fee, a modest
 * royalty, no exclusivity, patient benefit stated, all IG documents complete. Fresh on every call.
 */
export function cleanInput(): PartnershipInput & Record<string, unknown> {
  return {
    format: "nhsdp.partnership",
    version: 1,
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
        diversity: "high",
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
    },
    publishedInDataUseRegister: true,
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
      onCostRate: 0.25,
      overheadRate: 0.2,
      fixedCosts: { pool: 1000000, share: 0.005 },
      capitalCosts: { pool: 2000000, share: 0.001 },
    },
    vatRate: 0.2,
    valueSharing: { royalty: { tiers: [{ threshold: 0, rate: 0.05 }], termYears: 8 } },
    quoteDate: "2025-04-01",
  };
}

export function clean(): Partnership {
  return valid(cleanInput());
}
