/**
 * The tornado against arithmetic written out here: each mechanism's risk-adjusted present value with
 * one assumption at its low and then its high value, and the bars sorted by swing.
 */
import { Decimal } from "../../../src/model/decimal";
import {
  flatCurve,
  GREEN_BOOK_CURVE,
  tornado,
  type Candidate,
  type Mechanism,
  type ScenarioInputs,
  type TornadoBar,
} from "../../../src/core/scenarios";
import { expectRelativelyClose } from "../../support/assertions";
import { NO_COUNTERPARTY_RISK } from "../../../src/core/scenarios/counterparty";

const d = (value: number | string) => new Decimal(value);

function candidate(id: string, mechanism: Mechanism): Candidate {
  return { id, path: `test.${id}`, fromDocument: false, mechanism };
}

function inputs(
  overrides: Partial<ScenarioInputs> & Pick<ScenarioInputs, "candidates">
): ScenarioInputs {
  return {
    forecast: [0, 1210, 2662, 0].map((revenue) => d(revenue)),
    probabilityOfReachingMarket: d(0.5),
    discount: flatCurve(d(0.1)),
    counterparty: NO_COUNTERPARTY_RISK,
    paybackTarget: null,
    sensitivity: { royaltyRates: [], discountRates: [], peakRevenues: [], probabilities: [] },
    ...overrides,
  };
}

const royalty = candidate("royalty", {
  kind: "royalty",
  terms: { rates: [d(0.1)], thresholds: null, annualCap: null, annualMinimum: null },
  termYears: 10,
});

const bar = (bars: readonly TornadoBar[], id: string): TornadoBar => {
  const found = bars.find((b) => b.assumption === id);
  if (found === undefined) throw new Error(`no bar for ${id}`);
  return found;
};

const expectBar = (
  b: TornadoBar,
  expected: { low: number; high: number; valueAtLow: number; valueAtHigh: number }
) => {
  expectRelativelyClose(b.low.toNumber(), expected.low, 1e-12);
  expectRelativelyClose(b.high.toNumber(), expected.high, 1e-12);
  expectRelativelyClose(b.valueAtLow.toNumber(), expected.valueAtLow, 1e-12);
  expectRelativelyClose(b.valueAtHigh.toNumber(), expected.valueAtHigh, 1e-12);
  expectRelativelyClose(
    b.swing.toNumber(),
    Math.abs(expected.valueAtHigh - expected.valueAtLow),
    1e-12
  );
};

describe("a 10% royalty on revenue of 1,210 in year 2 and 2,662 in year 3, half likely, at 10%", () => {
  // Royalty 121 at year 2 and 266.20 at year 3: 121 / 1.1^2 + 266.2 / 1.1^3 = 100 + 200 = 300,
  // times the chance of reaching market 0.5: 150.
  const ranges = {
    probabilityOfReachingMarket: { low: d(0.4), high: d(0.6) },
    royaltyRate: { low: d(0.8), high: d(1.2) },
  };
  const [result] = tornado(inputs({ candidates: [royalty] }), ranges).mechanisms;

  it("values the scenario itself at 150", () => {
    expectRelativelyClose(result!.baseValue.toNumber(), 150, 1e-12);
  });

  it("scales the forecast to half and one and a half times its peak by default", () => {
    // Peak 2,662: low 1,331 halves every year's revenue and the royalty (75); high 3,993 (225).
    expectBar(bar(result!.bars, "peakRevenue"), {
      low: 1331,
      high: 3993,
      valueAtLow: 75,
      valueAtHigh: 225,
    });
  });

  it("moves the chance of reaching market to the stated 40% and 60%", () => {
    // 300 x 0.4 = 120; 300 x 0.6 = 180.
    expectBar(bar(result!.bars, "probabilityOfReachingMarket"), {
      low: 0.4,
      high: 0.6,
      valueAtLow: 120,
      valueAtHigh: 180,
    });
  });

  it("delays the launch by 0 and 2 whole years, cutting revenue that falls past the forecast", () => {
    // Two years late the revenue is 0, 0, 0, 1,210: only 121 at year 4 is left, 121 / 1.1^4 = 82.6446...,
    // times 0.5 = 41.3223...; the year-3 revenue moves to year 5, past the forecast's 4 years.
    expectBar(bar(result!.bars, "launchDelayYears"), {
      low: 0,
      high: 2,
      valueAtLow: 150,
      valueAtHigh: (0.5 * 121) / 1.1 ** 4,
    });
  });

  it("scales the royalty's rates by the stated multiples", () => {
    // 8% and 12% of the same revenue: 150 x 0.8 = 120 and 150 x 1.2 = 180.
    expectBar(bar(result!.bars, "royaltyRate"), {
      low: 0.8,
      high: 1.2,
      valueAtLow: 120,
      valueAtHigh: 180,
    });
  });

  it("moves a flat discount rate two points either side by default", () => {
    const at = (rate: number) => 0.5 * (121 / (1 + rate) ** 2 + 266.2 / (1 + rate) ** 3);
    expectBar(bar(result!.bars, "discountRate"), {
      low: 0.08,
      high: 0.12,
      valueAtLow: at(0.08),
      valueAtHigh: at(0.12),
    });
    expect(bar(result!.bars, "discountRate").unit).toBe("rate");
  });

  it("sorts the bars by swing, the largest first, equal swings in the list's order", () => {
    // Swings: peak revenue 150, delay 150 - 41.32 = 108.68, chance 60, royalty rates 60 (after the
    // chance, which the list puts first), discount (157.52 - 142.97 =) about 14.6.
    expect(result!.bars.map((b) => b.assumption)).toEqual([
      "peakRevenue",
      "launchDelayYears",
      "probabilityOfReachingMarket",
      "royaltyRate",
      "discountRate",
    ]);
  });
});

describe("milestones", () => {
  const milestones = candidate("milestones", {
    kind: "milestones",
    milestones: [
      { amount: d(133_100), period: d(1), probability: d(1), tiedToLaunch: true },
      { amount: d(121_000), period: d(2), probability: d(0.5), tiedToLaunch: false },
    ],
  });
  const [result] = tornado(inputs({ candidates: [milestones] })).mechanisms;

  it("values them at 121,000 + 0.5 x 100,000 = 171,000", () => {
    // 133,100 / 1.1 = 121,000; 121,000 / 1.1^2 = 100,000, half likely.
    expectRelativelyClose(result!.baseValue.toNumber(), 171_000, 1e-12);
  });

  it("moves a milestone tied to the launch with the delay, and leaves the other where it is", () => {
    // Two years late the first is paid at year 3: 133,100 / 1.1^3 = 100,000; the second is still
    // worth 50,000: 150,000 in all, a swing of 21,000.
    expectBar(bar(result!.bars, "launchDelayYears"), {
      low: 0,
      high: 2,
      valueAtLow: 171_000,
      valueAtHigh: 150_000,
    });
  });

  it("does not move with the revenue or the chance of reaching market: their own probabilities stand", () => {
    expect(bar(result!.bars, "peakRevenue").swing.isZero()).toBe(true);
    expect(bar(result!.bars, "probabilityOfReachingMarket").swing.isZero()).toBe(true);
  });

  it("leaves out the royalty rates when no mechanism is a royalty", () => {
    expect(result!.bars.some((b) => b.assumption === "royaltyRate")).toBe(false);
  });

  it("puts the delay first, then the discount rate, then the assumptions that do not move them", () => {
    // Discount 8%: 133,100 / 1.08 + 60,500 / 1.08^2 = 123,240.74 + 51,868.14; 12%: 118,839.29 +
    // 48,230.23: a swing of about 8,039, below the delay's 21,000.
    const at = (rate: number) => 133_100 / (1 + rate) + 60_500 / (1 + rate) ** 2;
    expectBar(bar(result!.bars, "discountRate"), {
      low: 0.08,
      high: 0.12,
      valueAtLow: at(0.08),
      valueAtHigh: at(0.12),
    });
    // The partner's default rate, 0 to 5% by default: 121,000 x 0.95 + 50,000 x 0.95^2 = 114,950 +
    // 45,125 = 160,075 at 5%, a swing of 10,925, between the delay's and the discount rate's.
    expectBar(bar(result!.bars, "defaultRate"), {
      low: 0,
      high: 0.05,
      valueAtLow: 171_000,
      valueAtHigh: 160_075,
    });
    expect(result!.bars.map((b) => b.assumption)).toEqual([
      "launchDelayYears",
      "defaultRate",
      "discountRate",
      "peakRevenue",
      "probabilityOfReachingMarket",
    ]);
  });
});

describe("the Green Book schedule", () => {
  it("shifts every band's rate by the same points", () => {
    // £100 at year 2, in the first band (3.5%): two points lower 100 / 1.015^2, higher 100 / 1.055^2.
    const fixed = candidate("fixed", {
      kind: "fixed",
      instalments: [{ year: d(2), amount: d(100) }],
    });
    const [result] = tornado(
      inputs({ candidates: [fixed], discount: GREEN_BOOK_CURVE })
    ).mechanisms;
    const discount = bar(result!.bars, "discountRate");
    expect(discount.unit).toBe("points");
    expectBar(discount, {
      low: -0.02,
      high: 0.02,
      valueAtLow: 100 / 1.015 ** 2,
      valueAtHigh: 100 / 1.055 ** 2,
    });
    expectRelativelyClose(result!.baseValue.toNumber(), 100 / 1.035 ** 2, 1e-12);
  });

  it("compounds a shifted rate band by band: year 40 is 1 / (1.045^30 x 1.04^10) one point up", () => {
    const fixed = candidate("fixed", {
      kind: "fixed",
      instalments: [{ year: d(40), amount: d(1_000_000) }],
    });
    const [result] = tornado(inputs({ candidates: [fixed], discount: GREEN_BOOK_CURVE }), {
      discountRate: { low: d(0), high: d(0.01) },
    }).mechanisms;
    expectBar(bar(result!.bars, "discountRate"), {
      low: 0,
      high: 0.01,
      valueAtLow: 1_000_000 / (1.035 ** 30 * 1.03 ** 10),
      valueAtHigh: 1_000_000 / (1.045 ** 30 * 1.04 ** 10),
    });
  });
});

describe("defaults", () => {
  it("caps the chance of reaching market at 1 and keeps a fixed payment's value whatever the revenue", () => {
    // Chance 0.8: half is 0.4, one and a half times is 1.2, capped at 1.
    const fixed = candidate("fixed", {
      kind: "fixed",
      instalments: [{ year: d(0), amount: d(500) }],
    });
    const [result] = tornado(
      inputs({ candidates: [fixed, royalty], probabilityOfReachingMarket: d(0.8) })
    ).mechanisms;
    const chance = bar(result!.bars, "probabilityOfReachingMarket");
    expect([chance.low.toNumber(), chance.high.toNumber()]).toEqual([0.4, 1]);
    // Paid on signature: nothing moves it, so every swing is 0 and the bars keep the list's order.
    expect(result!.bars.every((b) => b.swing.isZero())).toBe(true);
    expect(result!.bars.map((b) => b.assumption)).toEqual([
      "peakRevenue",
      "probabilityOfReachingMarket",
      "launchDelayYears",
      "royaltyRate",
      "discountRate",
      // Paid on signature, before the partner can stop paying: (1 - rate)^0 = 1.
      "defaultRate",
    ]);
    expect(result!.baseValue.toNumber()).toBe(500);
  });

  it("stops a scaled royalty rate at 100% of revenue", () => {
    // 80% x 1.5 would be 120%: it stays at 100%, so the royalty is the whole revenue, 1,210 at year 2
    // and 2,662 at year 3: (1,000 + 2,000) x 0.5 = 1,500.
    const greedy = candidate("greedy", {
      kind: "royalty",
      terms: { rates: [d(0.8)], thresholds: null, annualCap: null, annualMinimum: null },
      termYears: 10,
    });
    const [result] = tornado(inputs({ candidates: [greedy] })).mechanisms;
    expectRelativelyClose(bar(result!.bars, "royaltyRate").valueAtHigh.toNumber(), 1500, 1e-12);
  });
});

describe("inflation and the partner's risk of not paying", () => {
  // One milestone of 121,000 at year 2, certain, at a flat 10%: 121,000 / 1.1^2 = 100,000 today.
  const milestone = candidate("milestones", {
    kind: "milestones",
    milestones: [{ amount: d(121000), period: d(2), probability: d(1) }],
  });
  const barOf = (result: ReturnType<typeof tornado>, assumption: string) =>
    result.mechanisms[0]!.bars.find((bar) => bar.assumption === assumption);

  it("moves every year's inflation by the points given: 0% and 10% inflation at a real 0%", () => {
    // Nominal at 10% inflation, real rate 0: 121,000 / 1.1^2 = 100,000; at 0% inflation, 121,000.
    const nominal = inputs({
      candidates: [milestone],
      discount: flatCurve(d(0), "rate", { kind: "nominal", inflation: [d(0.1)], source: "test" }),
    });
    const bar = barOf(tornado(nominal, { inflation: { low: d(-0.1), high: d(0) } }), "inflation")!;
    expect(bar.valueAtLow.minus(121000).abs().lessThan("1e-25")).toBe(true);
    expect(bar.valueAtHigh.minus(100000).abs().lessThan("1e-25")).toBe(true);
    expect(bar.swing.minus(21000).abs().lessThan("1e-25")).toBe(true);
    // Real amounts have no inflation to move.
    expect(barOf(tornado(inputs({ candidates: [milestone] })), "inflation")).toBeUndefined();
  });

  it("moves the partner's default rate: 0 pays 100,000; 10% a year pays 100,000 x 0.9^2 = 81,000", () => {
    const risky = inputs({
      candidates: [milestone],
      counterparty: { defaultRate: d(0.05), source: "test", stated: true },
    });
    const bar = barOf(tornado(risky), "defaultRate")!;
    // Defaults: 0 and twice the scenario's 5%.
    expect([bar.low.toNumber(), bar.high.toNumber()]).toEqual([0, 0.1]);
    expect(bar.valueAtLow.minus(100000).abs().lessThan("1e-25")).toBe(true);
    expect(bar.valueAtHigh.minus(81000).abs().lessThan("1e-25")).toBe(true);
    // At the scenario's 5%: 100,000 x 0.95^2 = 90,250.
    expect(risky.counterparty.defaultRate.equals("0.05")).toBe(true);
    expect(tornado(risky).mechanisms[0]!.baseValue.minus(90250).abs().lessThan("1e-25")).toBe(true);
  });
});
