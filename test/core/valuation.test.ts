import fc from "fast-check";
import { Decimal } from "../../src/model/decimal";
import type { RoyaltyTerms } from "../../src/core/valuation/royalty";
import {
  breakevenRoyaltyRate,
  MAX_SUBSCRIPTION_YEARS,
  milestonesFromColumns,
  milestoneValue,
  royaltyValue,
  subscriptionValue,
  type Milestone,
} from "../../src/core/valuation/valuation";
import { expectRelativelyClose, thrownBy } from "../support/assertions";

const d = (value: number | string) => new Decimal(value);
const ds = (values: readonly number[]) => values.map((value) => d(value));

function flat(rate: number): RoyaltyTerms<Decimal> {
  return { rates: [d(rate)], thresholds: null, annualCap: null, annualMinimum: null };
}

function milestones(amounts: number[], periods: number[], probabilities: number[]): Milestone[] {
  return amounts.map((amount, i) => ({
    amount: d(amount),
    period: d(periods[i] as number),
    probability: d(probabilities[i] as number),
  }));
}

describe("royaltyValue", () => {
  it("discounts each year's royalty, the first at the end of year 1, and weights by the probability", () => {
    // royalties 100, 200, 300; (100/1.1 + 200/1.21 + 300/1.331) x 0.5 = (121 + 220 + 300) / 1.331 x 0.5 = 320.5 / 1.331
    const value = royaltyValue({
      revenues: ds([1000, 2000, 3000]),
      terms: flat(0.1),
      discountRate: d(0.1),
      probability: d(0.5),
    });
    expectRelativelyClose(value.toNumber(), 320.5 / 1.331);
  });

  it("applies the tiers to each year: 32M then 10M at 5%", () => {
    // 300M -> 32M; 100M -> 10M. 32M / 1.05 + 10M / 1.05^2 = 32M / 1.05 + 10M / 1.1025
    const terms: RoyaltyTerms<Decimal> = {
      rates: ds([0.1, 0.12]),
      thresholds: ds([0, 200e6]),
      annualCap: null,
      annualMinimum: null,
    };
    const value = royaltyValue({
      revenues: ds([300e6, 100e6]),
      terms,
      discountRate: d(0.05),
      probability: d(1),
    });
    expectRelativelyClose(value.toNumber(), 32e6 / 1.05 + 10e6 / 1.1025);
  });

  it("applies a cap and minimum when the terms carry them", () => {
    // royalties min(max(0.1 x 50, 10), 20) = 10 and min(max(0.1 x 500, 10), 20) = 20; 10/1.25 + 20/1.5625 = 8 + 12.8 = 20.8
    const terms: RoyaltyTerms<Decimal> = {
      rates: [d(0.1)],
      thresholds: null,
      annualCap: d(20),
      annualMinimum: d(10),
    };
    expect(
      royaltyValue({ revenues: ds([50, 500]), terms, discountRate: d(0.25), probability: d(1) }).eq(
        "20.8"
      )
    ).toBe(true);
  });

  it.each([
    [[1e6], 0],
    [[0, 0], 1],
  ] as [number[], number][])(
    "is 0 with probability 0 or no revenue: revenues %j with probability %p",
    (revenues, p) => {
      expect(
        royaltyValue({
          revenues: ds(revenues),
          terms: flat(0.1),
          discountRate: d(0.035),
          probability: d(p),
        }).isZero()
      ).toBe(true);
    }
  );

  it.each([
    [{ probability: d(1.5) }, "probability"],
    [{ probability: d(-0.1) }, "probability"],
    [{ discountRate: d(-1) }, "discount_rate"],
    [{ revenues: ds([10, -1]) }, "revenues (value 2)"],
    [{ terms: { ...flat(0.1), rates: ds([0.1, 0.2]) } }, "thresholds"],
  ])("rejects bad input (%#), naming %s", (override, argument) => {
    const error = thrownBy(() =>
      royaltyValue({
        revenues: ds([10, 20]),
        terms: flat(0.1),
        discountRate: d(0.1),
        probability: d(1),
        ...override,
      })
    );
    expect(error.argument).toBe(argument);
  });
});

describe("milestoneValue", () => {
  it("matches Excel's published NPV example: NPV(10%, -10000, 3000, 4200, 6800) = 1188.44", () => {
    // The amounts must be non-negative, so value the three returns at years 2, 3 and 4 and take the
    // year-1 cost of 10000 / 1.1 off by hand.
    const returns = milestoneValue(
      milestones([3000, 4200, 6800], [2, 3, 4], [1, 1, 1]),
      d(0.1)
    ).toNumber();
    // 3000/1.21 + 4200/1.331 + 6800/1.4641 = 2479.34 + 3155.52 + 4644.49 = 10279.35
    expectRelativelyClose(returns, 3000 / 1.21 + 4200 / 1.331 + 6800 / 1.4641);
    expect(Math.round((returns - 10000 / 1.1) * 100) / 100).toBe(1188.44);
  });

  it("weights each amount by its own probability, and allows fractions of years", () => {
    // 1000 x 0.8 / 1.05^0.5 + 500 x 0.25 (year 0, undiscounted) = 800 / sqrt(1.05) + 125
    const value = milestoneValue(
      milestones([1000, 500], [0.5, 0], [0.8, 0.25]),
      d(0.05)
    ).toNumber();
    expectRelativelyClose(value, 800 / Math.sqrt(1.05) + 125);
    expect(milestoneValue([], d(0.05)).isZero()).toBe(true);
  });

  it("values a zero amount or a zero probability at 0 even where its discount factor overflows", () => {
    // 0.5^-(10^20) = 2^(10^20) is beyond decimal.js's largest exponent; the milestone is still worth 0 x anything = 0.
    // 100 at year 1 at -50% = 100 / 0.5 = 200.
    const huge = "1e20";
    const list: Milestone[] = [
      { amount: d(0), period: d(huge), probability: d(1) },
      { amount: d(5), period: d(huge), probability: d(0) },
      { amount: d(100), period: d(1), probability: d(1) },
    ];
    expect(milestoneValue(list, d(-0.5)).toNumber()).toBe(200);
  });

  it.each([
    [[-1], [1], [1], "amounts (value 1)"],
    [[1, 1], [1, -0.5], [1, 1], "periods (value 2)"],
    [[1], [1], [1.01], "probabilities (value 1)"],
    [[1], [1], [-0.01], "probabilities (value 1)"],
  ])(
    "rejects amounts %j, periods %j, probabilities %j as a number error naming %s",
    (a, p, q, argument) => {
      const error = thrownBy(() => milestoneValue(milestones(a, p, q), d(0.1)));
      expect([error.kind, error.argument]).toEqual(["number", argument]);
      const fromColumns = thrownBy(() => milestonesFromColumns(ds(a), ds(p), ds(q)));
      expect([fromColumns.kind, fromColumns.argument]).toEqual(["number", argument]);
    }
  );

  it("rejects a discount rate of -1 or less", () => {
    expect(thrownBy(() => milestoneValue(milestones([1], [1], [1]), d(-1))).argument).toBe(
      "discount_rate"
    );
  });
});

describe("milestonesFromColumns", () => {
  it("builds milestones from three parallel lists", () => {
    const built = milestonesFromColumns(ds([10, 20]), ds([1, 2.5]), ds([1, 0.5]));
    expect(
      built.map((m) => [m.amount.toNumber(), m.period.toNumber(), m.probability.toNumber()])
    ).toEqual([
      [10, 1, 1],
      [20, 2.5, 0.5],
    ]);
  });

  it("rejects lists of different sizes as a value error naming the odd one out", () => {
    const periods = thrownBy(() => milestonesFromColumns(ds([1, 2]), ds([1]), ds([1, 1])));
    expect([periods.kind, periods.argument]).toEqual(["value", "periods"]);
    expect(periods.message).toBe(
      "periods: has 1 value(s) but amounts has 2; they must be the same size"
    );
    const probabilities = thrownBy(() => milestonesFromColumns(ds([1]), ds([1]), ds([1, 1])));
    expect([probabilities.kind, probabilities.argument]).toEqual(["value", "probabilities"]);
  });

  it("uses the caller's names", () => {
    const names = {
      amounts: "milestone_amounts",
      periods: "milestone_periods",
      probabilities: "milestone_probabilities",
    };
    expect(
      thrownBy(() => milestonesFromColumns(ds([1]), ds([1, 2]), ds([1]), names)).argument
    ).toBe("milestone_periods");
    expect(thrownBy(() => milestonesFromColumns(ds([1]), ds([1]), ds([2]), names)).argument).toBe(
      "milestone_probabilities (value 1)"
    );
  });
});

describe("subscriptionValue", () => {
  const base = {
    annualFee: d(1000),
    years: d(3),
    discountRate: d(0.1),
    indexation: d(0),
    inAdvance: true,
  };

  it("pays in advance by default: 1000 + 1000/1.1 + 1000/1.21", () => {
    expectRelativelyClose(subscriptionValue(base).toNumber(), 1000 + 1000 / 1.1 + 1000 / 1.21);
  });

  it("pays in arrears: 1000/1.1 + 1000/1.21 + 1000/1.331", () => {
    expectRelativelyClose(
      subscriptionValue({ ...base, inAdvance: false }).toNumber(),
      1000 / 1.1 + 1000 / 1.21 + 1000 / 1.331
    );
  });

  it("indexes the fee: 1000 + 1020/1.1 + 1040.4/1.21", () => {
    expectRelativelyClose(
      subscriptionValue({ ...base, indexation: d(0.02) }).toNumber(),
      1000 + 1020 / 1.1 + 1040.4 / 1.21
    );
  });

  it("matches Excel's published PV example: PV(8%/12, 12 x 20, 500) = -59,777.15", () => {
    // an annuity paid in arrears; Excel shows it as an outgoing, so negative
    const value = subscriptionValue({
      annualFee: d(500),
      years: d(240),
      discountRate: d(0.08 / 12),
      indexation: d(0),
      inAdvance: false,
    });
    expect(Math.round(value.toNumber() * 100) / 100).toBe(59777.15);
  });

  it("is fee x years when indexation equals the discount rate and payments are in advance", () => {
    // each payment fee x 1.05^k is discounted by 1.05^k
    const value = subscriptionValue({
      annualFee: d(1234.56),
      years: d(25),
      discountRate: d(0.05),
      indexation: d(0.05),
      inAdvance: true,
    });
    expectRelativelyClose(value.toNumber(), 1234.56 * 25, 1e-15);
  });

  it("accepts a single year and the longest term", () => {
    expect(subscriptionValue({ ...base, years: d(1) }).toNumber()).toBe(1000);
    expectRelativelyClose(
      subscriptionValue({ ...base, years: d(1), inAdvance: false }).toNumber(),
      1000 / 1.1,
      1e-15
    );
    const longest = subscriptionValue({
      ...base,
      years: d(MAX_SUBSCRIPTION_YEARS),
      discountRate: d(0),
    }).toNumber();
    expect(longest).toBe(1000 * 1000);
  });

  it.each([
    [{ years: d(0) }, "years"],
    [{ years: d(2.5) }, "years"],
    [{ years: d(-3) }, "years"],
    [{ years: d(MAX_SUBSCRIPTION_YEARS + 1) }, "years"],
    [{ annualFee: d(-1) }, "annual_fee"],
    [{ discountRate: d(-1) }, "discount_rate"],
    [{ indexation: d(-1) }, "indexation"],
  ])("rejects bad input (%#) as a number error naming %s", (override, argument) => {
    const error = thrownBy(() => subscriptionValue({ ...base, ...override }));
    expect([error.kind, error.argument]).toEqual(["number", argument]);
  });

  it("in advance is in arrears x (1 + discount rate)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e8 }).map((pence) => pence / 100),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: -200, max: 2000 }).map((bp) => bp / 10000),
        fc.integer({ min: -500, max: 1000 }).map((bp) => bp / 10000),
        (fee, years, rate, indexation) => {
          const inputs = {
            annualFee: d(fee),
            years: d(years),
            discountRate: d(rate),
            indexation: d(indexation),
          };
          const advance = subscriptionValue({ ...inputs, inAdvance: true });
          const arrears = subscriptionValue({ ...inputs, inAdvance: false });
          const difference = advance.minus(arrears.times(d(rate).plus(1))).abs();
          expect(difference.lte(advance.abs().times("1e-30").plus("1e-30"))).toBe(true);
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe("breakevenRoyaltyRate", () => {
  it("is the milestones' value over the revenues' value", () => {
    // revenues 1M, 1M at 0%: PV 2M; milestone 100k now, certain: rate = 100k / 2M = 5%
    const simple = {
      revenues: ds([1e6, 1e6]),
      discountRate: d(0),
      milestones: milestones([100000], [0], [1]),
      revenueProbability: d(1),
    };
    expect(breakevenRoyaltyRate(simple).eq("0.05")).toBe(true);
    // at 10%: revenues PV = 1M/1.1 + 1M/1.21 = 1M x 2.1/1.21; milestone 100k at year 1 with 50%: 50k/1.1
    // rate = (50k/1.1) / (2.1M/1.21) = 50k x 1.1 / 2.1M = 55/2100 = 11/420
    const discounted = breakevenRoyaltyRate({
      ...simple,
      discountRate: d(0.1),
      milestones: milestones([100000], [1], [0.5]),
    });
    expectRelativelyClose(discounted.toNumber(), 11 / 420, 1e-15);
    // a revenue probability of 40% raises the rate 2.5-fold
    const risky = breakevenRoyaltyRate({ ...simple, revenueProbability: d(0.4) });
    expect(risky.eq("0.125")).toBe(true);
  });

  it.each([
    [[0, 0, 0], 1, "revenues"],
    [[1e6], 0, "revenue_probability"],
    [[], 1, "revenues"],
  ] as [number[], number, string][])(
    "gives a division-by-zero error when the revenues are worth nothing: revenues %j with probability %p, naming %s",
    (revenues, probability, argument) => {
      const error = thrownBy(() =>
        breakevenRoyaltyRate({
          revenues: ds(revenues),
          discountRate: d(0.05),
          milestones: milestones([1000], [1], [1]),
          revenueProbability: d(probability),
        })
      );
      expect([error.kind, error.argument]).toEqual(["divisionByZero", argument]);
    }
  );

  it.each([
    [{ revenueProbability: d(1.5) }, "revenue_probability"],
    [{ discountRate: d(-2) }, "discount_rate"],
    [{ revenues: ds([1, -1]) }, "revenues (value 2)"],
  ])("rejects bad input (%#) as a number error naming %s", (override, argument) => {
    const error = thrownBy(() =>
      breakevenRoyaltyRate({
        revenues: ds([1e6]),
        discountRate: d(0.05),
        milestones: milestones([1000], [1], [1]),
        revenueProbability: d(1),
        ...override,
      })
    );
    expect([error.kind, error.argument]).toEqual(["number", argument]);
  });

  it("its rate, as a flat royalty, is worth what the milestones are worth", () => {
    const money = fc.integer({ min: 0, max: 1e10 }).map((pence) => pence / 100);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1e4, max: 1e9 }), { minLength: 1, maxLength: 15 }),
        fc.integer({ min: -300, max: 2000 }).map((bp) => bp / 10000),
        fc.array(
          fc.tuple(
            money,
            fc.integer({ min: 0, max: 20000 }).map((x) => x / 1000),
            fc.integer({ min: 0, max: 100 }).map((x) => x / 100)
          ),
          {
            maxLength: 5,
          }
        ),
        fc.integer({ min: 1, max: 100 }).map((x) => x / 100),
        (revenues, rate, milestoneTuples, revenueProbability) => {
          const list = milestoneTuples.map(([amount, period, probability]) => ({
            amount: d(amount),
            period: d(period),
            probability: d(probability),
          }));
          const target = milestoneValue(list, d(rate));
          const breakeven = breakevenRoyaltyRate({
            revenues: ds(revenues),
            discountRate: d(rate),
            milestones: list,
            revenueProbability: d(revenueProbability),
          });
          fc.pre(breakeven.lte(1));
          const royalty = royaltyValue({
            revenues: ds(revenues),
            terms: { rates: [breakeven], thresholds: null, annualCap: null, annualMinimum: null },
            discountRate: d(rate),
            probability: d(revenueProbability),
          });
          expect(royalty.minus(target).abs().lte(target.abs().times("1e-9").plus("1e-12"))).toBe(
            true
          );
        }
      ),
      { numRuns: 300 }
    );
  });
});
