/* The scenario sheets the tests build, of the examples and of one scenarios block written here. */
import {
  evaluateScenarios,
  scenarioInputs,
  simulate,
  simulationSettings,
  tornado,
  tornadoRangesOf,
  fairShareOf,
} from "../../src/core/scenarios";
import type { Partnership } from "../../src/document/schema";
import { buildScenarioSheetWithLayout } from "../../src/workbook/layouts/scenario/scenarioSheet";
import { example, valid, readJson } from "../document/fixtures";

export const GENERATED = new Date("2026-11-23T10:00:00Z");
export const TOLERANCE = 1e-9;

/**
 * The subscription example with its scenarios block replaced by one that exercises what the examples do
 * not: the Green Book with a tiered royalty that has a cap and a minimum, and milestones at fractions of
 * a year listed out of time order.
 */
export function subscriptionWithScenarios(): Partnership {
  const json = readJson("sme-subscription.json") as Record<string, unknown>;
  return valid({
    ...json,
    scenarios: {
      revenue: { kind: "explicit", byYear: [0, 0, 2e6, 5e6, 8e6, 8e6, 0, 3e6] },
      probabilityOfReachingMarket: 0.4,
      discount: { kind: "green-book" },
      alternatives: [
        {
          id: "royalty-tiered",
          mechanism: "royalty",
          royalty: {
            tiers: [
              { threshold: 0, rate: 0.03 },
              { threshold: 4e6, rate: 0.05 },
            ],
            annualCap: 300000,
            annualMinimum: 50000,
            termYears: 5,
          },
        },
        {
          id: "milestones-late",
          mechanism: "milestones",
          milestones: [
            { description: "Second", amount: 80000, year: 2.25, probability: 0.3 },
            { description: "First", amount: 40000, year: 0.5, probability: 0.8 },
          ],
        },
      ],
      monteCarlo: { trials: 2000, seed: 3 },
    },
  });
}

export const DOCUMENTS: [string, () => Partnership][] = [
  ["commercial-imaging-ai.json", () => example("commercial-imaging-ai.json")],
  ["commercial-rwe-milestones.json", () => example("commercial-rwe-milestones.json")],
  ["sme-subscription.json", () => example("sme-subscription.json")],
  ["sme-subscription.json with a scenarios block", subscriptionWithScenarios],
];

export function build(doc: Partnership) {
  const inputs = scenarioInputs(doc);
  const result = evaluateScenarios(inputs);
  const settings = simulationSettings(doc, { trials: 2000 });
  const simulation = simulate(inputs, settings);
  const bars = tornado(inputs, tornadoRangesOf(doc));
  const { spec, layout } = buildScenarioSheetWithLayout(
    doc,
    inputs,
    result,
    settings,
    simulation,
    bars,
    { generatedAt: GENERATED, fairShare: fairShareOf(doc, inputs) }
  );
  return { inputs, result, spec, layout, tornado: bars };
}
