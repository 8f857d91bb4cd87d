/**
 * The simulation's samplers against the closed-form moments of each distribution, and the simulation
 * against the engine's risk-adjusted values. Every sample is seeded, so each test gives the same
 * numbers on every run; the tolerances are still set as if it did not, at five standard errors of the
 * statistic for the sample size (a chance below one in a million of failing for an honest sampler).
 */
import fc from "fast-check";
import { Decimal } from "../../../src/model/decimal";
import { royaltyForPeriod } from "../../../src/core/valuation/royalty";
import { decimalArithmetic } from "../../../src/core/arithmetic";
import { pertShape, sampler } from "../../../src/core/scenarios/distributions";
import { floatRoyalty, royaltyOn } from "../../../src/core/scenarios/floatRoyalty";
import { seededUniform } from "../../../src/core/scenarios/random";
import { NO_COUNTERPARTY_RISK } from "../../../src/core/scenarios/counterparty";
import {
  evaluateScenarios,
  flatCurve,
  GREEN_BOOK_CURVE,
  percentileOfSorted,
  simulate,
  type Candidate,
  type ScenarioInputs,
  type SimulationSettings,
} from "../../../src/core/scenarios";
import type { Distribution } from "../../../src/document/scenarios";

const N = 200_000;

function moments(values: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { mean, variance: squares / (values.length - 1) };
}

function draw(distribution: Distribution, seed = 12345, n = N): Float64Array {
  const next = sampler(distribution, seededUniform(seed));
  return Float64Array.from({ length: n }, () => next());
}

/**
 * Checks the sample mean within 5 standard errors, sqrt(variance / n), and the sample variance within
 * 5 of its standard errors, variance x sqrt((kurtosis - 1) / n), kurtosis being the fourth standardised
 * moment (not the excess).
 */
function expectMoments(
  sample: Float64Array,
  mean: number,
  variance: number,
  kurtosis: number
): void {
  const observed = moments(sample);
  const n = sample.length;
  expect(Math.abs(observed.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
  expect(Math.abs(observed.variance - variance)).toBeLessThan(
    5 * variance * Math.sqrt((kurtosis - 1) / n)
  );
}

describe("samplers", () => {
  it("uniform(a, b): mean (a + b) / 2, variance (b - a)^2 / 12, kurtosis 9/5", () => {
    const [a, b] = [2, 10];
    expectMoments(
      draw({ distribution: "uniform", min: a, max: b }),
      (a + b) / 2,
      (b - a) ** 2 / 12,
      1.8
    );
  });

  it("triangular(a, c, b): mean (a + b + c) / 3, variance (a² + b² + c² - ab - ac - bc) / 18, kurtosis 12/5", () => {
    const [a, c, b] = [10, 25, 70];
    expectMoments(
      draw({ distribution: "triangular", min: a, mode: c, max: b }),
      (a + b + c) / 3,
      (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
      2.4
    );
  });

  it("triangular with the mode at an end is still right (a right-angled triangle)", () => {
    const [a, c, b] = [0, 0, 3];
    expectMoments(
      draw({ distribution: "triangular", min: a, mode: c, max: b }),
      (a + b + c) / 3,
      (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
      2.4
    );
  });

  it("PERT(a, m, b): the beta with α = 1 + 4(m - a)/(b - a), β = 1 + 4(b - m)/(b - a); mean (a + 4m + b) / 6", () => {
    const [a, m, b] = [15e6, 40e6, 90e6];
    const { alpha, beta } = pertShape(a, m, b);
    // α = 1 + 4 x 25/75 = 7/3, β = 1 + 4 x 50/75 = 11/3
    expect(alpha).toBeCloseTo(7 / 3, 12);
    expect(beta).toBeCloseTo(11 / 3, 12);
    const s = alpha + beta;
    const variance = ((alpha * beta) / (s * s * (s + 1))) * (b - a) ** 2;
    const excess =
      (6 * ((alpha - beta) ** 2 * (s + 1) - alpha * beta * (s + 2))) /
      (alpha * beta * (s + 2) * (s + 3));
    expectMoments(
      draw({ distribution: "pert", min: a, mode: m, max: b }),
      (a + 4 * m + b) / 6,
      variance,
      excess + 3
    );
  });

  it("lognormal(median, σ): mean median x e^(σ²/2), variance (e^(σ²) - 1) median² e^(σ²)", () => {
    const [median, sigma] = [9.5e6, 0.5];
    const s2 = sigma * sigma;
    const kurtosis = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 3;
    expectMoments(
      draw({ distribution: "lognormal", median, sigma }),
      median * Math.exp(s2 / 2),
      (Math.exp(s2) - 1) * median * median * Math.exp(s2),
      kurtosis
    );
  });

  it("lognormal: half the draws fall below the median", () => {
    const sample = draw({ distribution: "lognormal", median: 100, sigma: 1 });
    const below = sample.filter((value) => value < 100).length / sample.length;
    // a proportion of 1/2 from n draws has standard error sqrt(0.25 / n)
    expect(Math.abs(below - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / N));
  });

  it("stays inside the bounds it is given", () => {
    for (const distribution of [
      { distribution: "uniform", min: 3, max: 4 },
      { distribution: "triangular", min: 3, mode: 3.2, max: 4 },
      { distribution: "pert", min: 3, mode: 3.9, max: 4 },
    ] as Distribution[]) {
      const sample = draw(distribution, 9, 20_000);
      expect(Math.min(...sample)).toBeGreaterThanOrEqual(3);
      expect(Math.max(...sample)).toBeLessThanOrEqual(4);
    }
  });

  it("gives the same draws for the same seed and different draws for another", () => {
    const distribution: Distribution = { distribution: "pert", min: 1, mode: 2, max: 5 };
    expect(draw(distribution, 42, 1000)).toEqual(draw(distribution, 42, 1000));
    expect(draw(distribution, 42, 1000)).not.toEqual(draw(distribution, 43, 1000));
  });
});

describe("percentiles", () => {
  it("interpolate between order statistics, as Excel's PERCENTILE.INC", () => {
    const sorted = Float64Array.of(10, 20, 30, 40, 50);
    // position (5 - 1) x 0.1 = 0.4: 10 + 0.4 x 10
    expect(percentileOfSorted(sorted, 0.1)).toBeCloseTo(14, 12);
    expect(percentileOfSorted(sorted, 0.5)).toBe(30);
    expect(percentileOfSorted(sorted, 0.9)).toBeCloseTo(46, 12);
  });
});

describe("the float royalty used by the simulation", () => {
  it("agrees with royaltyForPeriod's decimals on random tiered terms with caps and minimums", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 50_000_000 }), { minLength: 3, maxLength: 3 }),
        fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
        fc.integer({ min: 0, max: 400_000_000 }),
        (permille, steps, cap, minimum, revenue) => {
          const rates = permille.map((p) => new Decimal(p).div(1000));
          let threshold = 0;
          const thresholds = rates.map(
            (_, i) => new Decimal(i === 0 ? 0 : (threshold += steps[i - 1]!))
          );
          const lowCap = cap !== null && minimum !== null && minimum > cap ? null : cap;
          const terms = {
            rates,
            thresholds: rates.length === 1 ? null : thresholds,
            annualCap: lowCap === null ? null : new Decimal(lowCap),
            annualMinimum: minimum === null ? null : new Decimal(minimum),
          };
          const exact = royaltyForPeriod(decimalArithmetic, new Decimal(revenue), terms).toNumber();
          const float = royaltyOn(revenue, floatRoyalty(terms));
          expect(Math.abs(float - exact)).toBeLessThanOrEqual(1e-9 * Math.max(1, exact));
        }
      )
    );
  });
});

const d = (value: number) => new Decimal(value);

function scenario(candidates: Candidate[], probabilityOfReachingMarket = 0.3): ScenarioInputs {
  return {
    forecast: [0, 0, 2e6, 5e6, 8e6, 8e6, 6e6, 4e6].map(d),
    probabilityOfReachingMarket: d(probabilityOfReachingMarket),
    discount: flatCurve(d(0.035)),
    counterparty: NO_COUNTERPARTY_RISK,
    candidates,
    paybackTarget: d(0),
    sensitivity: { royaltyRates: [], discountRates: [], peakRevenues: [], probabilities: [] },
  };
}

const milestones: Candidate = {
  id: "milestones",
  path: "m",
  fromDocument: false,
  mechanism: {
    kind: "milestones",
    milestones: [
      { amount: d(100000), period: d(1), probability: d(0.63) },
      { amount: d(400000), period: d(3), probability: d(0.2) },
      { amount: d(800000), period: d(5), probability: d(0.1) },
    ],
  },
};
const royalty: Candidate = {
  id: "royalty",
  path: "r",
  fromDocument: false,
  mechanism: {
    kind: "royalty",
    terms: { rates: [d(0.05)], thresholds: null, annualCap: null, annualMinimum: null },
    termYears: 5,
  },
};
const fixed: Candidate = {
  id: "fixed",
  path: "f",
  fromDocument: false,
  mechanism: { kind: "fixed", instalments: [{ year: d(0), amount: d(50000) }] },
};

const settings = (overrides: Partial<SimulationSettings> = {}): SimulationSettings => ({
  trials: N,
  seed: 2025,
  milestoneDependence: "independent",
  ...overrides,
});

describe("simulate", () => {
  it("with no uncertain revenue, averages to the engine's risk-adjusted values", () => {
    const inputs = scenario([fixed, milestones, royalty]);
    const engine = evaluateScenarios(inputs).mechanisms.map((m) =>
      m.riskAdjustedPresentValue.toNumber()
    );
    for (const dependence of ["independent", "pipeline"] as const) {
      const result = simulate(inputs, settings({ milestoneDependence: dependence }));
      result.presentValues.forEach((values, m) => {
        const { mean, variance } = moments(values);
        expect(Math.abs(mean - engine[m]!)).toBeLessThanOrEqual(5 * Math.sqrt(variance / N) + 1e-6);
        expect(result.mechanisms[m]!.mean).toBeCloseTo(mean, 6);
      });
    }
  });

  it("pays each milestone with its own probability, and in a pipeline only after every likelier one", () => {
    const inputs = scenario([milestones]);
    const discounted = [100000 / 1.035, 400000 / 1.035 ** 3, 800000 / 1.035 ** 5];
    for (const dependence of ["independent", "pipeline"] as const) {
      const values = simulate(inputs, settings({ milestoneDependence: dependence }))
        .presentValues[0]!;
      // Which milestones a trial paid, read back from its value: the three amounts sum uniquely.
      const paid = [0, 0, 0];
      let outOfOrder = 0;
      for (const value of values) {
        let rest = value;
        const flags = [false, false, false];
        for (let i = 2; i >= 0; i--)
          if (rest >= discounted[i]! - 1e-6) {
            flags[i] = true;
            paid[i]!++;
            rest -= discounted[i]!;
          }
        if ((flags[2] && !flags[1]) || (flags[1] && !flags[0])) outOfOrder++;
      }
      [0.63, 0.2, 0.1].forEach((p, i) => {
        expect(Math.abs(paid[i]! / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
      });
      if (dependence === "pipeline") expect(outOfOrder).toBe(0);
      else expect(outOfOrder).toBeGreaterThan(0);
    }
  });

  it("scales the revenue to each peak drawn and shifts it by whole years of delay", () => {
    // Peak fixed at twice the forecast's: every reached trial pays twice the royalty. A delay of
    // 1.4 years rounds to 1: the same royalties a year later, so divided by a further 1.035.
    const inputs = scenario([royalty], 1);
    const base = simulate(inputs, settings({ trials: 10 })).presentValues[0]![0]!;
    const doubled = simulate(
      inputs,
      settings({ trials: 10, peakRevenue: { distribution: "fixed", value: 16e6 } })
    ).presentValues[0]![0]!;
    expect(doubled).toBeCloseTo(2 * base, 6);
    const delayed = simulate(
      inputs,
      settings({ trials: 10, launchDelayYears: { distribution: "fixed", value: 1.4 } })
    ).presentValues[0]![0]!;
    expect(delayed).toBeCloseTo(base / 1.035, 6);
  });

  it("loses revenue pushed past the forecast's last year", () => {
    const inputs = scenario([royalty], 1);
    const late = simulate(
      inputs,
      settings({ trials: 10, launchDelayYears: { distribution: "fixed", value: 8 } })
    ).presentValues[0]![0]!;
    expect(late).toBe(0);
  });

  it("reports percentiles, histogram bins that hold every trial, and how often royalty beats milestones", () => {
    const inputs = scenario([milestones, royalty]);
    const result = simulate(inputs, settings({ trials: 20_000 }));
    for (const summary of result.mechanisms) {
      expect(summary.histogram.reduce((a, b) => a + b, 0)).toBe(20_000);
      expect(summary.p10).toBeLessThanOrEqual(summary.p50);
      expect(summary.p50).toBeLessThanOrEqual(summary.p90);
    }
    expect(result.histogramEdges).toHaveLength(21);
    const [m, r] = result.presentValues as [Float64Array, Float64Array];
    let wins = 0;
    for (let i = 0; i < m.length; i++) if (r[i]! > m[i]!) wins++;
    expect(result.royaltyBeatsMilestones).toEqual({
      royaltyId: "royalty",
      milestonesId: "milestones",
      probability: wins / 20_000,
    });
  });

  it("gives identical figures for one seed and different figures for another", () => {
    const inputs = scenario([milestones, royalty]);
    const uncertain = {
      peakRevenue: { distribution: "pert", min: 4e6, mode: 8e6, max: 20e6 } as Distribution,
      launchDelayYears: { distribution: "triangular", min: 0, mode: 0, max: 3 } as Distribution,
    };
    const once = simulate(inputs, settings({ trials: 5000, seed: 7, ...uncertain }));
    const twice = simulate(inputs, settings({ trials: 5000, seed: 7, ...uncertain }));
    const other = simulate(inputs, settings({ trials: 5000, seed: 8, ...uncertain }));
    expect(JSON.stringify(twice.mechanisms)).toBe(JSON.stringify(once.mechanisms));
    expect(twice.presentValues).toEqual(once.presentValues);
    expect(other.presentValues[1]).not.toEqual(once.presentValues[1]);
  });

  it("refuses a trial count or seed it cannot use, naming it", () => {
    const inputs = scenario([fixed]);
    expect(() => simulate(inputs, settings({ trials: 0 }))).toThrow(/^trials: /);
    expect(() => simulate(inputs, settings({ seed: -1 }))).toThrow(/^seed: /);
  });
});

describe("a late launch and the milestones tied to it", () => {
  // Worked on paper at a flat 10%, so every factor is a power of 1.1:
  //   a royalty of 10% for 2 years on £1,000,000 a year, launched in year 2 (revenue in years 2 and 3);
  //   "first commercial sale", tied to the launch: £133,100 at year 1, certain;
  //   "data delivered", not tied: £110,000 at year 1, certain.
  // Launch delay uniform on [0, 2], rounded to whole years: 0 below 0.5, 1 from 0.5 to 1.5, 2 above
  // 1.5, so P(0) = 1/4, P(1) = 1/2, P(2) = 1/4.
  //   first commercial sale, delay k: 133,100 / 1.1^(1 + k) = 121,000 (k = 0), 110,000 (1), 100,000 (2)
  //     mean = 121,000/4 + 110,000/2 + 100,000/4 = 30,250 + 55,000 + 25,000 = 110,250
  //     variance = (10,750² + 2 x 250² + 10,250²) / 4 = 55,187,500
  //   data delivered, any delay: 110,000 / 1.1 = 100,000 in every trial
  //   royalty, delay k: 100,000 / 1.1^(2 + k) + 100,000 / 1.1^(3 + k)
  //     = 157,776.11 (k = 0), 143,432.83 (1), 130,393.48 (2)
  const flat10 = (candidates: Candidate[]): ScenarioInputs => ({
    forecast: [0, 1e6, 1e6, 0, 0].map(d),
    probabilityOfReachingMarket: d(1),
    discount: flatCurve(d(0.1)),
    counterparty: NO_COUNTERPARTY_RISK,
    candidates,
    paybackTarget: d(0),
    sensitivity: { royaltyRates: [], discountRates: [], peakRevenues: [], probabilities: [] },
  });
  const oneMilestone = (id: string, amount: number, tiedToLaunch: boolean): Candidate => ({
    id,
    path: id,
    fromDocument: false,
    mechanism: {
      kind: "milestones",
      milestones: [{ amount: d(amount), period: d(1), probability: d(1), tiedToLaunch }],
    },
  });
  const sale = oneMilestone("first-commercial-sale", 133100, true);
  const delivered = oneMilestone("data-delivered", 110000, false);
  const tenPercent: Candidate = {
    id: "royalty",
    path: "r",
    fromDocument: false,
    mechanism: {
      kind: "royalty",
      terms: { rates: [d(0.1)], thresholds: null, annualCap: null, annualMinimum: null },
      termYears: 2,
    },
  };
  const royaltyAt = [
    100000 / 1.1 ** 2 + 100000 / 1.1 ** 3,
    100000 / 1.1 ** 3 + 100000 / 1.1 ** 4,
    100000 / 1.1 ** 4 + 100000 / 1.1 ** 5,
  ];
  const saleAt = [121000, 110000, 100000];

  it("with a fixed delay of a year, moves the tied milestone a year and leaves the other", () => {
    const result = simulate(
      flat10([sale, delivered, tenPercent]),
      settings({ trials: 10, launchDelayYears: { distribution: "fixed", value: 1 } })
    );
    const [saleValues, deliveredValues, royaltyValues] = result.presentValues as Float64Array[];
    for (let trial = 0; trial < 10; trial++) {
      expect(saleValues![trial]).toBeCloseTo(110000, 6);
      expect(deliveredValues![trial]).toBeCloseTo(100000, 6);
      expect(royaltyValues![trial]).toBeCloseTo(royaltyAt[1]!, 6);
    }
  });

  it("with no delay drawn, values a tied milestone as the engine does, and the engine ignores the tie", () => {
    const inputs = flat10([sale, delivered]);
    const result = simulate(inputs, settings({ trials: 10 }));
    expect(result.presentValues[0]![0]).toBeCloseTo(121000, 6);
    expect(result.presentValues[1]![0]).toBeCloseTo(100000, 6);
    const untied = flat10([oneMilestone("first-commercial-sale", 133100, false), delivered]);
    const values = (i: ScenarioInputs) =>
      evaluateScenarios(i).mechanisms.map((m) => [
        m.presentValue.toString(),
        m.riskAdjustedPresentValue.toString(),
      ]);
    expect(values(inputs)).toEqual(values(untied));
    expect(evaluateScenarios(inputs).mechanisms[0]!.presentValue.toNumber()).toBeCloseTo(121000, 6);
  });

  it("averages each milestone to its worked mean over a two-year uniform delay", () => {
    const result = simulate(
      flat10([sale, delivered, tenPercent]),
      settings({ launchDelayYears: { distribution: "uniform", min: 0, max: 2 } })
    );
    const [saleValues, deliveredValues] = result.presentValues as Float64Array[];
    // The standard error of the mean of N trials is sqrt(55,187,500 / N), about 17 pounds.
    expect(Math.abs(result.mechanisms[0]!.mean - 110250)).toBeLessThan(5 * Math.sqrt(55187500 / N));
    expect(result.mechanisms[1]!.mean).toBeCloseTo(100000, 6);
    expect(deliveredValues!.every((value) => Math.abs(value - 100000) < 1e-6)).toBe(true);
    // Each delay drawn with its own probability, read back from the tied milestone's value.
    const counts = [0, 0, 0, 0];
    for (const value of saleValues!)
      counts[saleAt.findIndex((expected) => Math.abs(value - expected) < 1e-6) + 1]!++;
    expect(counts.shift()).toBe(0); // no trial with any other value
    [0.25, 0.5, 0.25].forEach((p, k) =>
      expect(Math.abs(counts[k]! / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N))
    );
  });

  it("delays the royalty and the tied milestone together: the later the launch, the less each is worth", () => {
    const result = simulate(
      flat10([sale, tenPercent]),
      settings({ trials: 5000, launchDelayYears: { distribution: "uniform", min: 0, max: 2 } })
    );
    const [saleValues, royaltyValues] = result.presentValues as Float64Array[];
    const seen = new Set<number>();
    let mismatched = 0;
    for (let trial = 0; trial < 5000; trial++) {
      // The trial's delay, from the royalty's value; the milestone must have moved by the same years.
      const k = royaltyAt.findIndex(
        (expected) => Math.abs(royaltyValues![trial]! - expected) < 1e-6
      );
      if (k < 0 || Math.abs(saleValues![trial]! - saleAt[k]!) > 1e-6) mismatched++;
      seen.add(k);
    }
    expect(mismatched).toBe(0);
    expect([...seen].sort()).toEqual([0, 1, 2]);
    expect(saleAt[0]! > saleAt[1]! && saleAt[1]! > saleAt[2]!).toBe(true);
  });

  it("moves a tied milestone by the delay on the Green Book curve too", () => {
    // The Green Book is 3.5% a year to year 30: a milestone at year 29.5 delayed 2 years falls at
    // 31.5, worth 1 / (1.035^30 x 1.03^1.5) of itself.
    const late: Candidate = {
      id: "late",
      path: "l",
      fromDocument: false,
      mechanism: {
        kind: "milestones",
        milestones: [{ amount: d(1e6), period: d(29.5), probability: d(1), tiedToLaunch: true }],
      },
    };
    const inputs = { ...flat10([late]), discount: GREEN_BOOK_CURVE };
    const value = simulate(
      inputs,
      settings({ trials: 10, launchDelayYears: { distribution: "fixed", value: 2 } })
    ).presentValues[0]![0]!;
    expect(value).toBeCloseTo(1e6 / (1.035 ** 30 * 1.03 ** 1.5), 6);
  });
});
