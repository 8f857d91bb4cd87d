/**
 * ROYALTYVALUE's and MILESTONEVALUE's double-precision core against a 30-digit decimal computation
 * written out here (decimal.js at 30 significant digits, every power and tier by the textbook formula),
 * on random realistic inputs: the relative difference must stay below 1e-12, the accuracy
 * docs/functions.md states. All the terms summed are non-negative, so no cancellation can magnify a rounding.
 */
import DecimalJs from "decimal.js";
import fc from "fast-check";
import { milestoneValueFloat, royaltyValueFloat } from "../../src/core/valuation/valuationFloat";
import { thrownBy } from "../support/assertions";

const D30 = DecimalJs.clone({ precision: 30, rounding: DecimalJs.ROUND_HALF_EVEN });
type D30 = InstanceType<typeof D30>;

const ACCURACY = 1e-12;

function relativeDifference(float: number, exact: D30): number {
  if (exact.isZero()) return Math.abs(float);
  return new D30(float).minus(exact).abs().div(exact.abs()).toNumber();
}

function exactRoyalty(
  revenue: D30,
  rates: readonly D30[],
  thresholds: readonly D30[],
  cap: D30 | null,
  minimum: D30 | null
): D30 {
  let due = new D30(0);
  rates.forEach((rate, tier) => {
    const lower = thresholds[tier]!;
    const upper = thresholds[tier + 1];
    const top = upper !== undefined && revenue.greaterThan(upper) ? upper : revenue;
    if (top.greaterThan(lower)) due = due.plus(top.minus(lower).times(rate));
  });
  if (cap !== null && due.greaterThan(cap)) due = cap;
  if (minimum !== null && due.lessThan(minimum)) due = minimum;
  return due;
}

const pounds = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((pence) => pence / 100);
const rateTo = (maxPermille: number) =>
  fc.integer({ min: 0, max: maxPermille }).map((permille) => permille / 1000);

describe("royaltyValueFloat", () => {
  it("is within 1e-12 (relative) of a 30-digit decimal computation", () => {
    fc.assert(
      fc.property(
        fc.array(pounds(400e6), { minLength: 1, maxLength: 40 }),
        fc.array(rateTo(300), { minLength: 1, maxLength: 4 }),
        fc.array(
          pounds(50e6).filter((step) => step > 0),
          { minLength: 3, maxLength: 3 }
        ),
        fc.option(pounds(20e6), { nil: null }),
        fc.option(pounds(1e6), { nil: null }),
        fc.integer({ min: -500, max: 300 }).map((permille) => permille / 1000),
        rateTo(1000),
        (revenues, rates, steps, cap, rawMinimum, discountRate, probability) => {
          const minimum =
            cap !== null && rawMinimum !== null && rawMinimum > cap ? null : rawMinimum;
          const thresholds = rates.map((_, i) => steps.slice(0, i).reduce((a, b) => a + b, 0));
          const float = royaltyValueFloat(
            revenues,
            {
              rates,
              thresholds: rates.length === 1 ? null : thresholds,
              annualCap: cap,
              annualMinimum: minimum,
            },
            discountRate,
            probability
          );
          const growth = new D30(1).plus(discountRate);
          let exact = new D30(0);
          revenues.forEach((revenue, i) => {
            const due = exactRoyalty(
              new D30(revenue),
              rates.map((rate) => new D30(rate)),
              thresholds.map((threshold) => new D30(threshold)),
              cap === null ? null : new D30(cap),
              minimum === null ? null : new D30(minimum)
            );
            exact = exact.plus(due.div(growth.pow(i + 1)));
          });
          exact = exact.times(probability);
          expect(relativeDifference(float, exact)).toBeLessThan(ACCURACY);
        }
      ),
      { numRuns: 500 }
    );
  });

  it("keeps the decimal function's checks and messages", () => {
    const terms = { rates: [0.05], thresholds: null, annualCap: null, annualMinimum: null };
    expect(thrownBy(() => royaltyValueFloat([1, -2], terms, 0.035, 1)).message).toBe(
      "revenues (value 2): must not be negative"
    );
    expect(thrownBy(() => royaltyValueFloat([1], terms, -1, 1)).argument).toBe("discount_rate");
    expect(thrownBy(() => royaltyValueFloat([1], terms, 0.035, 1.2)).argument).toBe("probability");
    expect(
      thrownBy(() => royaltyValueFloat([1], { ...terms, rates: [0.1, 0.2] }, 0.035, 1)).argument
    ).toBe("thresholds");
  });
});

describe("milestoneValueFloat", () => {
  it("is within 1e-12 (relative) of a 30-digit decimal computation, fractional years included", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amount: pounds(50e6),
            period: fc.integer({ min: 0, max: 4000 }).map((hundredths) => hundredths / 100),
            probability: rateTo(1000),
          }),
          { minLength: 1, maxLength: 12 }
        ),
        fc.integer({ min: -500, max: 300 }).map((permille) => permille / 1000),
        (milestones, discountRate) => {
          const float = milestoneValueFloat(
            milestones.map((m) => m.amount),
            milestones.map((m) => m.period),
            milestones.map((m) => m.probability),
            discountRate
          );
          const growth = new D30(1).plus(discountRate);
          let exact = new D30(0);
          for (const { amount, period, probability } of milestones)
            exact = exact.plus(new D30(amount).times(probability).div(growth.pow(period)));
          expect(relativeDifference(float, exact)).toBeLessThan(ACCURACY);
        }
      ),
      { numRuns: 500 }
    );
  });

  it("keeps the decimal function's checks, in its order", () => {
    expect(thrownBy(() => milestoneValueFloat([1, 2], [1], [1, 1], 0.035)).message).toBe(
      "periods: has 1 value(s) but amounts has 2; they must be the same size"
    );
    // a bad milestone is reported before a bad rate, as valuation.ts does
    expect(thrownBy(() => milestoneValueFloat([1], [1], [2], -3)).argument).toBe(
      "probabilities (value 1)"
    );
    expect(thrownBy(() => milestoneValueFloat([1], [1], [1], -1)).argument).toBe("discount_rate");
  });
});
