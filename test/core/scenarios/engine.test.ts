/**
 * The scenario engine against arithmetic written out here, and against valuation.ts's own royalty,
 * milestone, subscription and breakeven functions (the NHSDP functions' core) on a flat rate.
 */
import { Decimal } from "../../../src/model/decimal";
import type { RoyaltyTerms } from "../../../src/core/valuation/royalty";
import {
  breakevenRoyaltyRate,
  milestoneValue,
  royaltyValue,
  subscriptionValue,
} from "../../../src/core/valuation/valuation";
import {
  evaluateScenarios,
  flatCurve,
  GREEN_BOOK_CURVE,
  type Candidate,
  type DiscountCurve,
  type Mechanism,
  type ScenarioInputs,
} from "../../../src/core/scenarios";
import { curveForecast } from "../../../src/core/scenarios/revenue";
import { NO_COUNTERPARTY_RISK } from "../../../src/core/scenarios/counterparty";
import { expectRelativelyClose } from "../../support/assertions";

const d = (value: number | string) => new Decimal(value);
const ds = (values: readonly number[]) => values.map((value) => d(value));

function candidate(id: string, mechanism: Mechanism): Candidate {
  return { id, path: `test.${id}`, fromDocument: false, mechanism };
}

function flatRoyalty(rate: number, termYears: number, extra: Partial<RoyaltyTerms<Decimal>> = {}) {
  return candidate("royalty", {
    kind: "royalty",
    terms: { rates: [d(rate)], thresholds: null, annualCap: null, annualMinimum: null, ...extra },
    termYears,
  });
}

function inputs(
  overrides: Partial<ScenarioInputs> & Pick<ScenarioInputs, "candidates">
): ScenarioInputs {
  return {
    forecast: ds([1000, 2000, 3000]),
    probabilityOfReachingMarket: d(1),
    discount: flatCurve(d(0.1)),
    counterparty: NO_COUNTERPARTY_RISK,
    paybackTarget: d(0),
    sensitivity: {
      royaltyRates: ds([0.05, 0.1]),
      discountRates: ds([0, 0.1]),
      peakRevenues: ds([3000, 6000]),
      probabilities: ds([0.5, 1]),
    },
    ...overrides,
  };
}

const only = (overrides: Partial<ScenarioInputs> & Pick<ScenarioInputs, "candidates">) => {
  const result = evaluateScenarios(inputs(overrides));
  return result.mechanisms[0]!;
};

describe("fixed payments", () => {
  it("discounts each instalment to its year; certain, so the risk-adjusted value is the same", () => {
    // 100 now + 121 at year 2: 100 + 121 / 1.21 = 200
    const value = only({
      candidates: [
        candidate("fixed", {
          kind: "fixed",
          instalments: [
            { year: d(0), amount: d(100) },
            { year: d(2), amount: d(121) },
          ],
        }),
      ],
    });
    expect(value.presentValue.toNumber()).toBeCloseTo(200, 9);
    expect(value.riskAdjustedPresentValue.toNumber()).toBeCloseTo(200, 9);
    expect(value.years.map((year) => year.expectedCash.toNumber())).toEqual([100, 0, 121]);
  });

  it("pays back in the first year whose cumulative discounted cash reaches the target", () => {
    const fixed = candidate("fixed", {
      kind: "fixed",
      instalments: [
        { year: d(0), amount: d(100) },
        { year: d(2), amount: d(121) },
      ],
    });
    // cumulative discounted: year 0 100, year 1 100, year 2 200
    expect(only({ candidates: [fixed], paybackTarget: d(150) }).paybackYear).toBe(2);
    expect(only({ candidates: [fixed], paybackTarget: d(100) }).paybackYear).toBe(0);
    expect(only({ candidates: [fixed], paybackTarget: d(200.01) }).paybackYear).toBeNull();
  });

  it("has no payback year when no target is given, and says so in the result", () => {
    const fixed = candidate("fixed", {
      kind: "fixed",
      instalments: [{ year: d(0), amount: d(100) }],
    });
    expect(only({ candidates: [fixed], paybackTarget: null }).paybackYear).toBeNull();
    expect(
      evaluateScenarios(inputs({ candidates: [fixed], paybackTarget: null })).paybackTarget
    ).toBeNull();
    expect(
      evaluateScenarios(
        inputs({ candidates: [fixed], paybackTarget: d(150) })
      ).paybackTarget?.toNumber()
    ).toBe(150);
  });
});

describe("subscriptions", () => {
  const subscription = (inAdvance: boolean) =>
    candidate("subscription", {
      kind: "subscription",
      annualFee: d(1000),
      years: 3,
      indexation: d(0.1),
      inAdvance,
    });

  it("in advance: fees 1000, 1100, 1210 at years 0, 1, 2 at 10% are each worth 1000 today", () => {
    expect(only({ candidates: [subscription(true)] }).presentValue.toNumber()).toBeCloseTo(3000, 9);
  });

  it("in arrears: the same fees a year later, 3000 / 1.1", () => {
    const value = only({ candidates: [subscription(false)] });
    expect(value.presentValue.toNumber()).toBeCloseTo(3000 / 1.1, 9);
    expect(value.years.map((year) => year.expectedCash.toNumber())).toEqual([0, 1000, 1100, 1210]);
  });

  it("agrees with SUBSCRIPTIONVALUE's core on a flat rate", () => {
    for (const inAdvance of [true, false]) {
      const expected = subscriptionValue({
        annualFee: d(1000),
        years: d(3),
        discountRate: d(0.1),
        indexation: d(0.1),
        inAdvance,
      });
      expect(only({ candidates: [subscription(inAdvance)] }).presentValue.equals(expected)).toBe(
        true
      );
    }
  });
});

describe("milestones", () => {
  const offer = candidate("milestones", {
    kind: "milestones",
    milestones: [
      { amount: d(1000), period: d(1), probability: d(0.5) },
      { amount: d(2000), period: d(2), probability: d(0.25) },
    ],
  });

  it("weights each milestone by its own probability for the risk-adjusted value only", () => {
    const value = only({ candidates: [offer] });
    expect(value.presentValue.toNumber()).toBeCloseTo(1000 / 1.1 + 2000 / 1.21, 9);
    expect(value.riskAdjustedPresentValue.toNumber()).toBeCloseTo(500 / 1.1 + 500 / 1.21, 9);
    expect(value.years.map((year) => year.expectedCash.toNumber())).toEqual([0, 500, 500]);
  });

  it("agrees with MILESTONEVALUE's core, fractional years included", () => {
    const milestones = [
      { amount: d(250000), period: d(1.5), probability: d(0.63) },
      { amount: d(1e6), period: d(4.25), probability: d(0.2) },
    ];
    const value = only({ candidates: [candidate("m", { kind: "milestones", milestones })] });
    expect(value.riskAdjustedPresentValue.equals(milestoneValue(milestones, d(0.1)))).toBe(true);
    // a payment during year 1.5 is listed in year 2's row
    expect(value.years[2]!.expectedCash.toNumber()).toBe(250000 * 0.63);
  });

  it("on the Green Book schedule, a payment at year 40 is divided by 1.035^30 x 1.03^10", () => {
    const late = candidate("late", {
      kind: "milestones",
      milestones: [{ amount: d(1e6), period: d(40), probability: d(1) }],
    });
    const value = only({ candidates: [late], discount: GREEN_BOOK_CURVE });
    expectRelativelyClose(value.presentValue.toNumber(), 1e6 / (1.035 ** 30 * 1.03 ** 10));
  });
});

describe("royalties", () => {
  it("runs the term from the launch (the first year with revenue) and weights by reaching market", () => {
    // revenue 0, 1000, 2000, 3000: launch in year 2, a 2-year term pays in years 2 and 3 only.
    const value = only({
      forecast: ds([0, 1000, 2000, 3000]),
      probabilityOfReachingMarket: d(0.5),
      candidates: [flatRoyalty(0.1, 2)],
    });
    expect(value.presentValue.toNumber()).toBeCloseTo(100 / 1.21 + 200 / 1.331, 9);
    expect(value.riskAdjustedPresentValue.toNumber()).toBeCloseTo(
      0.5 * (100 / 1.21 + 200 / 1.331),
      9
    );
    expect(value.years.map((year) => year.expectedCash.toNumber())).toEqual([0, 0, 50, 100]);
  });

  it("applies tiers, then the cap, then the minimum, each year", () => {
    // tiers 10% to 1500 and 20% above: 1000 -> 100 (minimum 150 lifts it), 2000 -> 150 + 100 = 250
    // (cap 180), 3000 -> 150 + 300 = 450 (cap 180)
    const value = only({
      candidates: [
        candidate("tiered", {
          kind: "royalty",
          terms: {
            rates: ds([0.1, 0.2]),
            thresholds: ds([0, 1500]),
            annualCap: d(180),
            annualMinimum: d(150),
          },
          termYears: 10,
        }),
      ],
    });
    expect(value.presentValue.toNumber()).toBeCloseTo(150 / 1.1 + 180 / 1.21 + 180 / 1.331, 9);
  });

  it("pays nothing, not even its minimum, on a product that never earns", () => {
    const value = only({
      forecast: ds([0, 0, 0]),
      candidates: [flatRoyalty(0.1, 3, { annualMinimum: d(50) })],
    });
    expect(value.presentValue.isZero()).toBe(true);
  });

  it("agrees with ROYALTYVALUE's core when the product launches in year 1", () => {
    const terms: RoyaltyTerms<Decimal> = {
      rates: ds([0.04, 0.06]),
      thresholds: ds([0, 5e6]),
      annualCap: d(750000),
      annualMinimum: null,
    };
    const revenues = ds([1.5e6, 4e6, 7.5e6, 9e6, 9.5e6, 9e6, 8e6]);
    const value = only({
      forecast: revenues,
      probabilityOfReachingMarket: d(0.6),
      discount: flatCurve(d(0.035)),
      candidates: [candidate("r", { kind: "royalty", terms, termYears: 10 })],
    });
    const expected = royaltyValue({
      revenues,
      terms,
      discountRate: d(0.035),
      probability: d(0.6),
    });
    expect(value.riskAdjustedPresentValue.equals(expected)).toBe(true);
  });
});

describe("revenue curves", () => {
  it("ramps linearly to the peak, then declines by the rate each year", () => {
    const forecast = curveForecast({
      launchYear: 2,
      yearsToPeak: 3,
      peakRevenue: d(300),
      declineRate: d(0.5),
      years: 7,
    });
    expect(forecast.map((revenue) => revenue.toNumber())).toEqual([
      0, 100, 200, 300, 150, 75, 37.5,
    ]);
  });

  it("with one year to peak, launches at the peak", () => {
    const forecast = curveForecast({
      launchYear: 1,
      yearsToPeak: 1,
      peakRevenue: d(90),
      declineRate: d(0),
      years: 3,
    });
    expect(forecast.map((revenue) => revenue.toNumber())).toEqual([90, 90, 90]);
  });
});

describe("breakeven royalty", () => {
  const milestones = candidate("milestones", {
    kind: "milestones",
    milestones: [
      { amount: d(1000), period: d(1), probability: d(0.5) },
      { amount: d(2000), period: d(2), probability: d(0.25) },
    ],
  });

  it("is the milestones' value over the risk-weighted value of the revenue", () => {
    // milestones 500/1.1 + 500/1.21; revenue 0.5 x (1000/1.1 + 2000/1.21 + 3000/1.331)
    const result = evaluateScenarios(
      inputs({ probabilityOfReachingMarket: d(0.5), candidates: [milestones] })
    );
    const expected = (500 / 1.1 + 500 / 1.21) / (0.5 * (1000 / 1.1 + 2000 / 1.21 + 3000 / 1.331));
    expect(result.breakeven.rate?.toNumber()).toBeCloseTo(expected, 12);
    expect(result.breakeven.milestonesId).toBe("milestones");
  });

  it("agrees with BREAKEVENROYALTY's core on a flat rate", () => {
    const result = evaluateScenarios(
      inputs({ probabilityOfReachingMarket: d(0.5), candidates: [milestones] })
    );
    const expected = breakevenRoyaltyRate({
      revenues: ds([1000, 2000, 3000]),
      discountRate: d(0.1),
      milestones: [
        { amount: d(1000), period: d(1), probability: d(0.5) },
        { amount: d(2000), period: d(2), probability: d(0.25) },
      ],
      revenueProbability: d(0.5),
    });
    expect(result.breakeven.rate!.minus(expected).abs().lessThan(d("1e-35"))).toBe(true);
  });

  it("makes a flat royalty at that rate worth exactly what the milestones are, on the Green Book too", () => {
    const forecast = curveForecast({
      launchYear: 3,
      yearsToPeak: 2,
      peakRevenue: d(5e6),
      declineRate: d(0.1),
      years: 40,
    });
    const common = {
      forecast,
      probabilityOfReachingMarket: d(0.3),
      discount: GREEN_BOOK_CURVE as DiscountCurve,
    };
    const rate = evaluateScenarios(
      inputs({ ...common, candidates: [milestones, flatRoyalty(0.05, 35)] })
    ).breakeven.rate!;
    const atBreakeven = evaluateScenarios(
      inputs({ ...common, candidates: [milestones, flatRoyalty(rate.toNumber(), 35)] })
    );
    expectRelativelyClose(
      atBreakeven.mechanisms[1]!.riskAdjustedPresentValue.toNumber(),
      atBreakeven.mechanisms[0]!.riskAdjustedPresentValue.toNumber(),
      1e-12
    );
  });

  it("says why there is none without a milestone offer or without revenue", () => {
    expect(evaluateScenarios(inputs({ candidates: [flatRoyalty(0.1, 3)] })).breakeven).toEqual({
      rate: null,
      milestonesId: null,
      reason: expect.stringContaining("no milestone offer"),
    });
    const none = evaluateScenarios(
      inputs({ probabilityOfReachingMarket: d(0), candidates: [milestones] })
    );
    expect(none.breakeven.rate).toBeNull();
  });
});

describe("sensitivity grids", () => {
  it("values a flat royalty at each rate and discount rate, beside the milestones at each discount rate", () => {
    const grid = evaluateScenarios(
      inputs({
        candidates: [
          candidate("m", {
            kind: "milestones",
            milestones: [{ amount: d(1000), period: d(1), probability: d(0.5) }],
          }),
        ],
      })
    ).sensitivity.royaltyRateByDiscountRate;
    // rate 5%: royalties 50, 100, 150; at 0%: 300; at 10%: 50/1.1 + 100/1.21 + 150/1.331
    expect(grid.cells[0]![0]!.toNumber()).toBeCloseTo(300, 9);
    expect(grid.cells[0]![1]!.toNumber()).toBeCloseTo(50 / 1.1 + 100 / 1.21 + 150 / 1.331, 9);
    expect(grid.cells[1]![0]!.toNumber()).toBeCloseTo(600, 9);
    expect(grid.milestones!.map((value) => value.toNumber())).toEqual([
      500,
      expect.closeTo(500 / 1.1, 9),
    ]);
  });

  it("scales the forecast to each peak and weights by each probability of reaching market", () => {
    const grid = evaluateScenarios(inputs({ candidates: [flatRoyalty(0.1, 3)] })).sensitivity
      .peakRevenueByProbability!;
    // forecast peak 3000: at peak 3000 and p = 1, 100/1.1 + 200/1.21 + 300/1.331; peak 6000 doubles it
    const base = 100 / 1.1 + 200 / 1.21 + 300 / 1.331;
    expect(grid.cells[0]![1]!.toNumber()).toBeCloseTo(base, 9);
    expect(grid.cells[0]![0]!.toNumber()).toBeCloseTo(base / 2, 9);
    expect(grid.cells[1]![1]!.toNumber()).toBeCloseTo(2 * base, 9);
  });

  it("has no peak-revenue grid when there is no royalty to vary", () => {
    const fixed = candidate("fixed", {
      kind: "fixed",
      instalments: [{ year: d(0), amount: d(1) }],
    });
    expect(
      evaluateScenarios(inputs({ candidates: [fixed] })).sensitivity.peakRevenueByProbability
    ).toBeNull();
  });
});

describe("the yearly table", () => {
  it("runs from year 0 to the last year any mechanism pays in, for every mechanism", () => {
    const result = evaluateScenarios(
      inputs({
        candidates: [
          candidate("fixed", { kind: "fixed", instalments: [{ year: d(0), amount: d(10) }] }),
          candidate("m", {
            kind: "milestones",
            milestones: [{ amount: d(100), period: d(4.5), probability: d(1) }],
          }),
        ],
      })
    );
    expect(result.mechanisms.map((value) => value.years.length)).toEqual([6, 6]);
    const cumulative = result.mechanisms[1]!.years.map((year) =>
      year.cumulativeDiscountedExpectedCash.toNumber()
    );
    expect(cumulative[4]).toBe(0);
    expectRelativelyClose(cumulative[5]!, 100 / 1.1 ** 4.5);
  });
});
