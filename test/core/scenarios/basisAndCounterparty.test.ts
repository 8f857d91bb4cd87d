/**
 * Price basis (real or nominal amounts) and the partner's risk of not paying, against arithmetic
 * written out here: the Fisher relation, compound inflation year by year, and (1 - default rate)^t.
 */
import { Decimal } from "../../../src/model/decimal";
import {
  evaluateScenarios,
  flatCurve,
  GREEN_BOOK_CURVE,
  simulate,
  type Candidate,
  type Mechanism,
  type ScenarioInputs,
} from "../../../src/core/scenarios";
import { cashFlows } from "../../../src/core/scenarios/mechanisms";
import {
  NO_COUNTERPARTY_RISK,
  startingCounterparty,
  stillPaying,
  type Counterparty,
} from "../../../src/core/scenarios/counterparty";
import {
  deflator,
  equivalentNominalRate,
  REAL_PRICES,
  type PriceBasis,
} from "../../../src/core/scenarios/priceBasis";
import { ORGANISATION_TYPES } from "../../../src/document/schema";
import { scenariosSchema } from "../../../src/document/scenarios";
import { expectRelativelyClose } from "../../support/assertions";

const d = (value: number | string) => new Decimal(value);
const nominal = (...rates: number[]): PriceBasis => ({
  kind: "nominal",
  inflation: rates.map(d),
  source: "a test",
});
const defaulting = (rate: number): Counterparty => ({
  defaultRate: d(rate),
  source: "a test",
  stated: true,
});

function candidate(id: string, mechanism: Mechanism): Candidate {
  return { id, path: `test.${id}`, fromDocument: false, mechanism };
}

function scenario(
  candidates: Candidate[],
  overrides: Partial<ScenarioInputs> = {}
): ScenarioInputs {
  return {
    forecast: [0, 0, 1000].map(d),
    probabilityOfReachingMarket: d(1),
    discount: flatCurve(d(0)),
    counterparty: NO_COUNTERPARTY_RISK,
    candidates,
    paybackTarget: null,
    sensitivity: { royaltyRates: [], discountRates: [], peakRevenues: [], probabilities: [] },
    ...overrides,
  };
}

const milestone = (amount: number | string, year: number, probability = 1) =>
  candidate("milestones", {
    kind: "milestones",
    milestones: [{ amount: d(amount), period: d(year), probability: d(probability) }],
  });

/** 1,000 a year for 3 years, paid at the start of each. */
const subscription = candidate("subscription", {
  kind: "subscription",
  annualFee: d(1000),
  years: 3,
  indexation: d(0),
  inAdvance: true,
});

describe("deflating nominal amounts to today's prices", () => {
  it("at one flat rate: a pound at year t is worth 1 / 1.02^t, fractions of a year included", () => {
    expect(deflator(nominal(0.02), d(2)).equals(d(1).div("1.0404"))).toBe(true);
    expectRelativelyClose(deflator(nominal(0.02), d(1.5)).toNumber(), 1 / 1.02 ** 1.5);
    expect(deflator(nominal(0.02), d(0)).equals(1)).toBe(true);
    expect(deflator(REAL_PRICES, d(7)).equals(1)).toBe(true);
  });

  it("year by year: 3% in year 1, then 2%, the last rate continuing beyond the list", () => {
    const basis = nominal(0.03, 0.02);
    expect(deflator(basis, d(1)).equals(d(1).div("1.03"))).toBe(true);
    // 1.03 x 1.02 = 1.0506, to the 40 digits the core keeps
    expect(deflator(basis, d(2)).minus(d(1).div("1.0506")).abs().lessThan("1e-38")).toBe(true);
    // 1.03 x 1.02 x 1.02 = 1.071612
    expectRelativelyClose(deflator(basis, d(3)).toNumber(), 1 / 1.071612);
    // half of year 2 at 2%: 1 / (1.03 x 1.02^0.5)
    expectRelativelyClose(deflator(basis, d(1.5)).toNumber(), 1 / (1.03 * Math.sqrt(1.02)));
  });

  it("worked by hand: £111,450.249 nominal at year 2 is worth £100,000 at 3.5% real and 2% inflation", () => {
    // 1.035 x 1.02 = 1.0557, and 1.0557^2 = 1.11450249
    const inputs = scenario([milestone("111450.249", 2)], {
      discount: flatCurve(d(0.035), "rate", nominal(0.02)),
    });
    const [value] = evaluateScenarios(inputs).mechanisms;
    expect(value!.riskAdjustedPresentValue.minus(100000).abs().lessThan("1e-25")).toBe(true);
    // The same as discounting at the nominal rate the Fisher relation gives: 5.57%.
    expect(equivalentNominalRate(inputs.discount.priceBasis, d(0.035))!.equals("0.0557")).toBe(
      true
    );
    const atNominalRate = evaluateScenarios(
      scenario([milestone("111450.249", 2)], { discount: flatCurve(d(0.0557)) })
    ).mechanisms[0]!;
    expect(atNominalRate.riskAdjustedPresentValue.minus(100000).abs().lessThan("1e-25")).toBe(true);
  });

  it("has no single equivalent nominal rate for yearly inflation that changes, or the Green Book's bands", () => {
    expect(equivalentNominalRate(nominal(0.03, 0.02), d(0.035))).toBeNull();
    expect(equivalentNominalRate(nominal(0.02), null)).toBeNull();
    expect(equivalentNominalRate(REAL_PRICES, d(0.035))!.equals("0.035")).toBe(true);
  });

  it("deflates on the Green Book schedule too: year 40 is 1 / (1.035^30 x 1.03^10 x 1.02^40)", () => {
    const inputs = scenario([milestone(1e6, 40)], {
      discount: { ...GREEN_BOOK_CURVE, priceBasis: nominal(0.02) },
    });
    expectRelativelyClose(
      evaluateScenarios(inputs).mechanisms[0]!.presentValue.toNumber(),
      1e6 / (1.035 ** 30 * 1.03 ** 10 * 1.02 ** 40)
    );
  });
});

describe("the partner's risk of not paying", () => {
  it("pays at year t with probability (1 - rate)^t", () => {
    expect(stillPaying(d(0.1), d(2)).equals("0.81")).toBe(true);
    expect(stillPaying(d(0.1), d(3)).equals("0.729")).toBe(true);
    expectRelativelyClose(stillPaying(d(0.1), d(0.5)).toNumber(), Math.sqrt(0.9));
    expect(stillPaying(d(0.1), d(0)).equals(1)).toBe(true);
    expect(stillPaying(d(0), d(9)).equals(1)).toBe(true);
  });

  it("weights a milestone by its own chance and the partner's: 0.5 x 0.9^3 = 0.3645", () => {
    const [flow] = cashFlows(milestone(100000, 3, 0.5), [], d(1), d(0.1));
    expect(flow!.probability.equals("0.3645")).toBe(true);
    expect(flow!.partnerPaying.equals("0.729")).toBe(true);
  });

  it("does not weight a royalty, which is paid on sales", () => {
    const royalty = candidate("royalty", {
      kind: "royalty",
      terms: { rates: [d(0.1)], thresholds: null, annualCap: null, annualMinimum: null },
      termYears: 5,
    });
    const [flow] = cashFlows(royalty, [1000].map(d), d(0.5), d(0.3));
    expect(flow!.probability.equals("0.5")).toBe(true);
    expect(flow!.partnerPaying.equals(1)).toBe(true);
  });

  it("values fees of 1,000 at years 0, 1, 2 at 20% a year as 1,000 + 800 + 640 = 2,440, and the present value as if certain", () => {
    const inputs = scenario([subscription], { counterparty: defaulting(0.2) });
    const [value] = evaluateScenarios(inputs).mechanisms;
    expect(value!.riskAdjustedPresentValue.equals(2440)).toBe(true);
    expect(value!.presentValue.equals(3000)).toBe(true);
  });

  it("in the simulation, a partner that stops paying pays nothing after: 1,000, 2,000 or 3,000 with chances 0.2, 0.16 and 0.64", () => {
    const trials = 100_000;
    const result = simulate(scenario([subscription], { counterparty: defaulting(0.2) }), {
      trials,
      seed: 3,
      milestoneDependence: "independent",
    });
    const values = result.presentValues[0]!;
    const counts = new Map<number, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([1000, 2000, 3000]);
    // Each share within 4 standard errors (at most 0.0016 for n = 100,000) of its chance.
    for (const [value, chance] of [
      [1000, 0.2],
      [2000, 0.16],
      [3000, 0.64],
    ] as const)
      expect(Math.abs(counts.get(value)! / trials - chance)).toBeLessThan(0.0064);
    // Mean 2,440; the standard deviation of one trial is about 838, so 4 standard errors is about 10.6.
    expect(Math.abs(result.mechanisms[0]!.mean - 2440)).toBeLessThan(10.6);
  });

  it("in the simulation, a milestone is paid only if it is reached and the partner is still paying", () => {
    // 100,000 at year 2, reached with 0.5, partner 10% a year: expected 100,000 x 0.5 x 0.81 = 40,500.
    const trials = 200_000;
    const result = simulate(
      scenario([milestone(100000, 2, 0.5)], { counterparty: defaulting(0.1) }),
      {
        trials,
        seed: 5,
        milestoneDependence: "independent",
      }
    );
    // One trial pays 100,000 with chance 0.405: standard deviation 100,000 x sqrt(0.405 x 0.595) = 49,089.
    const standardError = 49089 / Math.sqrt(trials);
    expect(Math.abs(result.mechanisms[0]!.mean - 40500)).toBeLessThan(4 * standardError);
  });

  it("without a stated rate, starts from the partner's kind: 10% an SME, 1% a large company, none a university", () => {
    expect(startingCounterparty("sme").defaultRate.equals("0.1")).toBe(true);
    expect(startingCounterparty("large-company").defaultRate.equals("0.01")).toBe(true);
    expect(startingCounterparty("university").defaultRate.isZero()).toBe(true);
    expect(startingCounterparty("nhs-organisation").defaultRate.isZero()).toBe(true);
    for (const kind of ORGANISATION_TYPES) {
      const start = startingCounterparty(kind);
      expect(start.stated).toBe(false);
      expect(start.source.length).toBeGreaterThan(20);
    }
  });
});

describe("the scenarios block's price basis and counterparty", () => {
  const base = {
    revenue: { kind: "explicit", byYear: [1000] },
    probabilityOfReachingMarket: 0.5,
    discount: { kind: "flat", rate: 0.035 },
  };
  const problems = (extra: object) => {
    const parsed = scenariosSchema.safeParse({ ...base, ...extra });
    return parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  };

  it("takes a nominal basis with one rate or a rate a year, and its source", () => {
    expect(problems({ priceBasis: { kind: "nominal", inflation: 0.02, source: "OBR" } })).toEqual(
      []
    );
    expect(
      problems({ priceBasis: { kind: "nominal", inflation: [0.035, 0.025, 0.02], source: "OBR" } })
    ).toEqual([]);
    expect(problems({ priceBasis: { kind: "real" } })).toEqual([]);
  });

  it("says what is wrong with a nominal basis without a source, or a default rate of 1 or more", () => {
    expect(problems({ priceBasis: { kind: "nominal", inflation: 0.02 } })).toEqual([
      "priceBasis.source: Invalid input: expected string, received undefined",
    ]);
    expect(problems({ counterparty: { defaultRate: 1, source: "x" } })).toEqual([
      "counterparty.defaultRate: must be less than 1 (a decimal, 0.05 = 5% a year)",
    ]);
    expect(problems({ priceBasis: { kind: "indexed" } })).toEqual([
      'priceBasis.kind: kind must be "real" (amounts in today\'s prices) or "nominal" (amounts in the pounds of the day they are paid)',
    ]);
  });
});
