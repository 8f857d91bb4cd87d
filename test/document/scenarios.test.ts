/**
 * The scenarios block of a Partnership document: accepted as the examples write it, every mistake
 * reported at its own path, and read into the engine's inputs with the document's own terms first.
 */
import { Decimal } from "../../src/model/decimal";
import { scenarioInputs } from "../../src/core/scenarios";
import { parsePartnership } from "../../src/document/parse";
import { cleanInput, example, valid } from "./fixtures";

function scenarioDocument(scenarios: unknown): Record<string, unknown> {
  return { ...cleanInput(), scenarios };
}

const baseScenarios = () => ({
  revenue: { kind: "curve", launchYear: 2, yearsToPeak: 3, peakRevenue: 1e6 },
  probabilityOfReachingMarket: 0.5,
  discount: { kind: "flat", rate: 0.035 },
});

function issuesOf(scenarios: unknown): { path: string; message: string }[] {
  const result = parsePartnership(scenarioDocument(scenarios));
  if (result.ok) throw new Error("expected the document to be refused");
  return result.issues;
}

describe("the scenarios block", () => {
  it("is optional, and filled with its defaults when given", () => {
    expect(valid(cleanInput()).scenarios).toBeUndefined();
    const scenarios = valid(scenarioDocument(baseScenarios())).scenarios!;
    expect(scenarios.includeDocumentTerms).toBe(true);
    expect(scenarios.alternatives).toEqual([]);
    expect(scenarios.revenue).toMatchObject({ declineRate: 0, years: 20 });
  });

  it.each<[string, unknown, string, RegExp]>([
    [
      "an unknown forecast kind",
      { ...baseScenarios(), revenue: { kind: "guess" } },
      "scenarios.revenue.kind",
      /"explicit".*"curve"/,
    ],
    [
      "a launch after the forecast's last year",
      {
        ...baseScenarios(),
        revenue: { kind: "curve", launchYear: 30, yearsToPeak: 1, peakRevenue: 1, years: 20 },
      },
      "scenarios.revenue.launchYear",
      /after the forecast's last year \(20\)/,
    ],
    [
      "a negative revenue",
      { ...baseScenarios(), revenue: { kind: "explicit", byYear: [100, -5] } },
      "scenarios.revenue.byYear[1]",
      /must not be negative/,
    ],
    [
      "a probability above 1",
      { ...baseScenarios(), probabilityOfReachingMarket: 1.5 },
      "scenarios.probabilityOfReachingMarket",
      /between 0 and 1/,
    ],
    [
      "a discount rate of -100%",
      { ...baseScenarios(), discount: { kind: "flat", rate: -1 } },
      "scenarios.discount.rate",
      /greater than -1/,
    ],
    [
      "an unknown mechanism",
      { ...baseScenarios(), alternatives: [{ id: "x", mechanism: "equity" }] },
      "scenarios.alternatives[0].mechanism",
      /"fixed", "subscription", "milestones" or "royalty"/,
    ],
    [
      "a royalty alternative whose tiers do not start at 0",
      {
        ...baseScenarios(),
        alternatives: [
          {
            id: "r",
            mechanism: "royalty",
            royalty: { tiers: [{ threshold: 5, rate: 0.1 }], termYears: 5 },
          },
        ],
      },
      "scenarios.alternatives[0].royalty.tiers[0].threshold",
      /must be 0/,
    ],
    [
      "two alternatives with one id",
      {
        ...baseScenarios(),
        alternatives: [
          { id: "a", mechanism: "fixed", instalments: [{ year: 0, amount: 1 }] },
          { id: "a", mechanism: "fixed", instalments: [{ year: 1, amount: 1 }] },
        ],
      },
      "scenarios.alternatives[1].id",
      /repeats the id of scenarios.alternatives\[0\]/,
    ],
    [
      "an alternative named like the document's own terms",
      {
        ...baseScenarios(),
        alternatives: [
          { id: "document-royalty", mechanism: "fixed", instalments: [{ year: 0, amount: 1 }] },
        ],
      },
      "scenarios.alternatives[0].id",
      /the document's own terms/,
    ],
    [
      "a triangular distribution whose most likely value is above its maximum",
      {
        ...baseScenarios(),
        monteCarlo: { peakRevenue: { distribution: "triangular", min: 1, mode: 9, max: 5 } },
      },
      "scenarios.monteCarlo.peakRevenue.mode",
      /must not be above max \(5\)/,
    ],
    [
      "a seed that is not a whole number",
      { ...baseScenarios(), monteCarlo: { seed: 1.5 } },
      "scenarios.monteCarlo.seed",
      /whole number/,
    ],
    [
      "a misspelt field",
      { ...baseScenarios(), probabilityOfReachingMarkt: 0.5 },
      "scenarios.probabilityOfReachingMarkt",
      /not a field/,
    ],
  ])("refuses %s, at its path", (_, scenarios, path, message) => {
    const issues = issuesOf(scenarios);
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});

describe("reading the scenarios into the engine's inputs", () => {
  it("compares the document's own terms first, each on its own, then the alternatives", () => {
    const inputs = scenarioInputs(example("commercial-rwe-milestones.json"));
    expect(inputs.candidates.map((candidate) => candidate.id)).toEqual([
      "document-fixed",
      "document-milestones",
      "royalty-2pc",
      "subscription-5y",
    ]);
    expect(inputs.discount).toMatchObject({
      kind: "green-book",
      priceBasis: { kind: "nominal", inflation: [new Decimal("0.02")] },
    });
  });

  it("times each fixed instalment by days from the quote date over 365", () => {
    // quote 2025-06-02; instalments 2025-07-01 (29 days) and 2026-03-31 (302 days)
    const fixed = scenarioInputs(example("commercial-imaging-ai.json")).candidates[0]!.mechanism;
    if (fixed.kind !== "fixed")
      throw new Error(`expected the fixed payment first, got ${fixed.kind}`);
    const instalments = fixed.instalments;
    expect(instalments.map((instalment) => instalment.year.toNumber())).toEqual([
      29 / 365,
      302 / 365,
    ]);
  });

  it("leaves the document's terms out when told to, and says when nothing is left to compare", () => {
    const doc = valid(scenarioDocument({ ...baseScenarios(), includeDocumentTerms: false }));
    expect(() => scenarioInputs(doc)).toThrow(
      /scenarios.alternatives: there is nothing to compare/
    );
  });

  it("names the scenarios block when the document has none", () => {
    expect(() => scenarioInputs(valid(cleanInput()))).toThrow(
      /^scenarios: the document has no scenarios block/
    );
  });

  it("reads whether each milestone moves with a late launch, a milestone omitting it staying put", () => {
    const milestone = (description: string, tiedToLaunch?: boolean) => ({
      description,
      amount: 1000,
      year: 3,
      probability: 0.5,
      ...(tiedToLaunch === undefined ? {} : { tiedToLaunch }),
    });
    const input = scenarioDocument({
      ...baseScenarios(),
      alternatives: [
        {
          id: "offer",
          mechanism: "milestones",
          milestones: [milestone("Phase II start"), milestone("First commercial sale", true)],
        },
      ],
    });
    input.valueSharing = {
      milestones: [milestone("Data delivered", false), milestone("Launch", true)],
    };
    const doc = valid(input);
    // Read as written: nothing is added to a milestone that does not say.
    expect(doc.scenarios!.alternatives[0]).toMatchObject({
      milestones: [{ description: "Phase II start" }, { tiedToLaunch: true }],
    });
    expect(
      "tiedToLaunch" in (doc.scenarios!.alternatives[0] as { milestones: object[] }).milestones[0]!
    ).toBe(false);
    const tied = scenarioInputs(doc).candidates.map((candidate) =>
      candidate.mechanism.kind === "milestones"
        ? candidate.mechanism.milestones.map((m) => m.tiedToLaunch)
        : null
    );
    expect(tied).toEqual([
      [false, true],
      [false, true],
    ]);
    const refused = parsePartnership({
      ...input,
      valueSharing: { milestones: [{ ...milestone("Launch"), tiedToLaunch: "yes" }] },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.issues.map((issue) => issue.path)).toEqual([
        "valueSharing.milestones[0].tiedToLaunch",
      ]);
  });

  it("pays back only against a target the document states, never the partnership's cost", () => {
    const withTarget = valid(scenarioDocument({ ...baseScenarios(), paybackTarget: 12345 }));
    expect(scenarioInputs(withTarget).paybackTarget?.toNumber()).toBe(12345);
    const without = scenarioInputs(valid(scenarioDocument(baseScenarios())));
    expect(without.paybackTarget).toBeNull();
  });
});
