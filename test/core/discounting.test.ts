import fc from "fast-check";
import { Decimal } from "../../src/model/decimal";
import {
  annualPresentValue,
  discountFactor,
  GREEN_BOOK_SCHEDULE,
  greenBookDiscountFactor,
  requireDiscountRate,
} from "../../src/core/valuation/discounting";
import { expectRelativelyClose, thrownBy } from "../support/assertions";

const d = (value: number | string) => new Decimal(value);
const gb = (year: number) => greenBookDiscountFactor(d(year)).toNumber();

describe("requireDiscountRate", () => {
  it("accepts rates above -1 and returns them", () => {
    expect(requireDiscountRate(d(0.035)).eq(0.035)).toBe(true);
    expect(requireDiscountRate(d(0)).eq(0)).toBe(true);
    expect(requireDiscountRate(d(-0.999)).eq(-0.999)).toBe(true);
  });

  it.each([-1, -1.5, -100])("rejects %p as a number error naming discount_rate", (rate) => {
    const error = thrownBy(() => requireDiscountRate(d(rate)));
    expect(error.kind).toBe("number");
    expect(error.argument).toBe("discount_rate");
    expect(error.message).toMatch(/^discount_rate: must be greater than -1/);
  });

  it("names the argument it is given", () => {
    expect(thrownBy(() => requireDiscountRate(d(-2), "rate")).argument).toBe("rate");
  });
});

describe("discountFactor", () => {
  it("is 1 / (1 + rate)^years", () => {
    // 1 / 1.05^2 = 1 / 1.1025
    expectRelativelyClose(discountFactor(d(0.05), d(2)).toNumber(), 1 / 1.1025);
    // 1 / 1.1^3 = 1 / 1.331
    expectRelativelyClose(discountFactor(d(0.1), d(3)).toNumber(), 1 / 1.331);
    // fractional years: 1 / sqrt(1.05)
    expectRelativelyClose(discountFactor(d(0.05), d(0.5)).toNumber(), 1 / Math.sqrt(1.05));
    // a negative rate grows: 1 / 0.5 = 2
    expect(discountFactor(d(-0.5), d(1)).toNumber()).toBe(2);
    expect(discountFactor(d(0), d(25)).toNumber()).toBe(1);
    expect(discountFactor(d(0.035), d(0)).toNumber()).toBe(1);
  });

  it("is exact where decimals allow: 1 / 1.25^2 = 0.64", () => {
    expect(discountFactor(d(0.25), d(2)).eq("0.64")).toBe(true);
  });
});

describe("annualPresentValue", () => {
  it("discounts the first amount by one year, as Excel's NPV", () => {
    // 100 / 1.1 + 200 / 1.1^2 + 300 / 1.1^3 = (100 x 1.21 + 200 x 1.1 + 300) / 1.331 = 641 / 1.331
    expectRelativelyClose(
      annualPresentValue([d(100), d(200), d(300)], d(0.1)).toNumber(),
      641 / 1.331,
      1e-15
    );
    // Excel's published NPV example: NPV(10%, -10000, 3000, 4200, 6800) = 1188.44. The stream here is
    // non-negative, so take the positive years and subtract the initial cost's 10000 / 1.1 by hand.
    const positiveYears = annualPresentValue([d(0), d(3000), d(4200), d(6800)], d(0.1)).toNumber();
    expect(Math.round((positiveYears - 10000 / 1.1) * 100) / 100).toBe(1188.44);
  });

  it("is the plain sum at a zero rate, and grows at a negative rate", () => {
    expect(annualPresentValue([d(1.5), d(2.25), d(0)], d(0)).toNumber()).toBe(3.75);
    // 1 / 0.5 + 1 / 0.25 = 2 + 4 = 6
    expect(annualPresentValue([d(1), d(1)], d(-0.5)).toNumber()).toBe(6);
    expect(annualPresentValue([], d(0.035)).toNumber()).toBe(0);
  });

  it("stays accurate over a long stream (factors built year by year)", () => {
    // 1000 a year for 1000 years at 3.5%: the annuity 1000 x (1 - 1.035^-1000) / 0.035
    const stream = Array.from({ length: 1000 }, () => d(1000));
    expectRelativelyClose(
      annualPresentValue(stream, d(0.035)).toNumber(),
      (1000 * (1 - 1.035 ** -1000)) / 0.035,
      1e-12
    );
  });

  it("agrees with discounting each amount by its own year", () => {
    const rate = fc.integer({ min: -500, max: 10000 }).map((units) => units / 10000); // -5% .. 100%
    fc.assert(
      fc.property(
        rate,
        fc.array(fc.integer({ min: 0, max: 1e9 }), { maxLength: 40 }),
        (r, amounts) => {
          let expected = 0;
          amounts.forEach((amount, i) => (expected += amount / (1 + r) ** (i + 1)));
          const actual = annualPresentValue(
            amounts.map((amount) => d(amount)),
            d(r)
          ).toNumber();
          if (expected === 0) expect(actual).toBe(0);
          else expectRelativelyClose(actual, expected, 1e-12);
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("discountFactor, whole and fractional years", () => {
  it("agrees with (1 + rate)^-years and is continuous between whole years", () => {
    const rate = fc.integer({ min: -5000, max: 20000 }).map((units) => units / 10000); // -50% .. 200%
    fc.assert(
      fc.property(
        rate,
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (r, n, f) => {
          const whole = discountFactor(d(r), d(n)).toNumber();
          expectRelativelyClose(whole, (1 + r) ** -n, 1e-12);
          // a fraction of a year later: the whole-year factor times (1 + r)^-f
          const later = discountFactor(d(r), d(n + f)).toNumber();
          expectRelativelyClose(later, whole * (1 + r) ** -f, 1e-12);
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("Green Book declining schedule", () => {
  it("publishes the HM Treasury rates: 3.5% to 30 years, 3% to 75, 2.5% to 125, 2% to 200, 1.5% to 300, then 1%", () => {
    expect(GREEN_BOOK_SCHEDULE.map((band) => [band.fromYear, Number(band.rate)])).toEqual([
      [0, 0.035],
      [30, 0.03],
      [75, 0.025],
      [125, 0.02],
      [200, 0.015],
      [300, 0.01],
    ]);
  });

  it("compounds the bands one after another: exactly 1 at year 0, about 0.3563 at 30", () => {
    expect(gb(0)).toBe(1);
    // at 30 = 1 / 1.035^30 (about 0.3563)
    expect(gb(30)).toBeCloseTo(0.3563, 4);
  });

  it.each<{ year: number; expected: number; tolerance?: number }>([
    { year: 1, expected: 1 / 1.035 },
    { year: 10, expected: 1 / 1.035 ** 10 },
    { year: 10.5, expected: 1 / 1.035 ** 10.5 },
    // at 30 = 1 / 1.035^30
    { year: 30, expected: 1 / 1.035 ** 30 },
    // at 40 = 1 / (1.035^30 x 1.03^10)
    { year: 40, expected: 1 / (1.035 ** 30 * 1.03 ** 10) },
    // at 75 = 1 / (1.035^30 x 1.03^45)
    { year: 75, expected: 1 / (1.035 ** 30 * 1.03 ** 45) },
    // at 100 = 1 / (1.035^30 x 1.03^45 x 1.025^25)
    { year: 100, expected: 1 / (1.035 ** 30 * 1.03 ** 45 * 1.025 ** 25) },
    // at 150 = 1 / (1.035^30 x 1.03^45 x 1.025^50 x 1.02^25)
    { year: 150, expected: 1 / (1.035 ** 30 * 1.03 ** 45 * 1.025 ** 50 * 1.02 ** 25) },
    // at 250 = 1 / (1.035^30 x 1.03^45 x 1.025^50 x 1.02^75 x 1.015^50)
    {
      year: 250,
      expected: 1 / (1.035 ** 30 * 1.03 ** 45 * 1.025 ** 50 * 1.02 ** 75 * 1.015 ** 50),
    },
    // at 400 = 1 / (1.035^30 x 1.03^45 x 1.025^50 x 1.02^75 x 1.015^100 x 1.01^100)
    {
      year: 400,
      expected:
        1 / (1.035 ** 30 * 1.03 ** 45 * 1.025 ** 50 * 1.02 ** 75 * 1.015 ** 100 * 1.01 ** 100),
      tolerance: 1e-12,
    },
  ])("compounds the bands one after another: year $year", ({ year, expected, tolerance }) => {
    expectRelativelyClose(gb(year), expected, tolerance);
  });

  it("rejects a negative year as a number error naming year, but takes -0 as 0", () => {
    const error = thrownBy(() => greenBookDiscountFactor(d(-0.5)));
    expect([error.kind, error.argument]).toEqual(["number", "year"]);
    expect(thrownBy(() => greenBookDiscountFactor(d(-1), "years_from_now")).argument).toBe(
      "years_from_now"
    );
    expect(greenBookDiscountFactor(d(-0)).toNumber()).toBe(1);
  });

  const year = fc.integer({ min: 0, max: 500_000 }).map((thousandths) => thousandths / 1000);

  it("is strictly decreasing in the year and lies in (0, 1]", () => {
    fc.assert(
      fc.property(year, year, (a, b) => {
        fc.pre(a !== b);
        const [early, late] = a < b ? [a, b] : [b, a];
        const earlyFactor = greenBookDiscountFactor(d(early));
        const lateFactor = greenBookDiscountFactor(d(late));
        expect(earlyFactor.gt(lateFactor)).toBe(true);
        expect(lateFactor.gt(0)).toBe(true);
        expect(earlyFactor.lte(1)).toBe(true);
      }),
      { numRuns: 300 }
    );
  });

  it("discounts each fractional year inside a band at that band's rate", () => {
    const bands: [number, number, number][] = [
      [0, 30, 1.035],
      [30, 75, 1.03],
      [75, 125, 1.025],
      [125, 200, 1.02],
      [200, 300, 1.015],
      [300, 600, 1.01],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...bands),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([from, to, growth], u, v) => {
          const [s, t] = u <= v ? [u, v] : [v, u];
          const early = from + s * (to - from);
          const late = from + t * (to - from);
          // DF(late) / DF(early) = growth^-(late - early) when both lie in one band
          expectRelativelyClose(gb(late) / gb(early), growth ** -(late - early), 1e-12);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("is continuous at the band edges for fractional years", () => {
    const edges: [number, number, number][] = [
      // edge, growth below it, growth above it
      [30, 1.035, 1.03],
      [75, 1.03, 1.025],
      [125, 1.025, 1.02],
      [200, 1.02, 1.015],
      [300, 1.015, 1.01],
    ];
    for (const [edge, below, above] of edges) {
      const atEdge = gb(edge);
      for (const h of [1e-9, 1e-6, 0.001, 0.25, 0.5]) {
        // Just before the edge the lower band's rate applies; just after, the next band's.
        expectRelativelyClose(gb(edge - h), atEdge * below ** h, 1e-12);
        expectRelativelyClose(gb(edge + h), atEdge / above ** h, 1e-12);
      }
      // and the one-sided limits meet: a billionth of a year either side moves the factor by about 3.5e-11 relative
      expect(Math.abs(gb(edge - 1e-9) - gb(edge + 1e-9))).toBeLessThan(1e-10 * atEdge);
    }
  });
});
