import fc from "fast-check";
import type { Arithmetic } from "../../src/core/arithmetic";
import {
  royaltyForPeriod,
  validateRoyaltyTerms,
  type RoyaltyTerms,
} from "../../src/core/valuation/royalty";
import { ARITHMETICS } from "../support/arithmetics";
import { thrownBy } from "../support/assertions";

interface PlainTerms {
  rates: number[];
  thresholds?: number[] | null;
  cap?: number | null;
  minimum?: number | null;
}

function terms<T>(A: Arithmetic<T>, p: PlainTerms): RoyaltyTerms<T> {
  return {
    rates: p.rates.map(A.fromNumber),
    thresholds: p.thresholds == null ? null : p.thresholds.map(A.fromNumber),
    annualCap: p.cap == null ? null : A.fromNumber(p.cap),
    annualMinimum: p.minimum == null ? null : A.fromNumber(p.minimum),
  };
}

/** Validates the terms, then the royalty on `revenue`. */
function validatedRoyalty<T>(A: Arithmetic<T>, revenue: number, p: PlainTerms): T {
  const t = terms(A, p);
  validateRoyaltyTerms(A, t);
  return royaltyForPeriod(A, A.fromNumber(revenue), t);
}

describe.each(ARITHMETICS)("royalty on $name", (R) => {
  /** Validates the terms, then the royalty on `revenue`, as a double. */
  const royalty = (revenue: number, p: PlainTerms): number =>
    R.number((A) => validatedRoyalty(A, revenue, p));

  it("applies one flat rate", () => {
    // 1,234,567.89 x 5% = 61,728.3945 (not rounded: a royalty is a value, not a price)
    expect(royalty(1234567.89, { rates: [0.05] })).toBe(61728.3945);
    // 0.07 x 1.1... as a royalty: 1.1 x 7% = 0.077 exactly
    expect(royalty(1.1, { rates: [0.07] })).toBe(0.077);
    expect(royalty(0, { rates: [0.05] })).toBe(0);
    // a single rate may also be given its single threshold of 0
    expect(royalty(1000, { rates: [0.1], thresholds: [0] })).toBe(100);
  });

  it("applies tiers incrementally: 10% up to 200M and 12% above gives 32M on 300M", () => {
    // 200M x 10% + 100M x 12% = 20M + 12M = 32M
    expect(royalty(300e6, { rates: [0.1, 0.12], thresholds: [0, 200e6] })).toBe(32e6);
    // at the boundary only the lower tier applies: 200M x 10% = 20M
    expect(royalty(200e6, { rates: [0.1, 0.12], thresholds: [0, 200e6] })).toBe(20e6);
    // one pound over: 20M + 0.12
    expect(royalty(200e6 + 1, { rates: [0.1, 0.12], thresholds: [0, 200e6] })).toBe(20000000.12);
    // below the first boundary: 150M x 10% = 15M
    expect(royalty(150e6, { rates: [0.1, 0.12], thresholds: [0, 200e6] })).toBe(15e6);
  });

  it("applies three tiers, including falling rates", () => {
    const threeTiers = { rates: [0.05, 0.1, 0.15], thresholds: [0, 1e6, 5e6] };
    // 1M x 5% + 4M x 10% + 2M x 15% = 50,000 + 400,000 + 300,000 = 750,000
    expect(royalty(7e6, threeTiers)).toBe(750000);
    // 1M x 5% + 2.5M x 10% = 50,000 + 250,000 = 300,000
    expect(royalty(3.5e6, threeTiers)).toBe(300000);
    // Falling rates (a volume discount): 1M x 8% + 1M x 4% = 120,000
    expect(royalty(2e6, { rates: [0.08, 0.04], thresholds: [0, 1e6] })).toBe(120000);
  });

  it("applies the annual cap, then the annual minimum", () => {
    const threeTiers = { rates: [0.05, 0.1, 0.15], thresholds: [0, 1e6, 5e6] };
    // 750,000 capped at 600,000
    expect(royalty(7e6, { ...threeTiers, cap: 600000 })).toBe(600000);
    // under the cap: unchanged
    expect(royalty(3.5e6, { ...threeTiers, cap: 600000 })).toBe(300000);
    // 1M x 5% = 50,000 lifted to the 100,000 minimum
    expect(royalty(1e6, { ...threeTiers, minimum: 100000 })).toBe(100000);
    // no revenue still pays the minimum
    expect(royalty(0, { rates: [0.05], minimum: 2500 })).toBe(2500);
    // a minimum equal to the cap fixes the royalty
    expect(royalty(7e6, { ...threeTiers, cap: 10000, minimum: 10000 })).toBe(10000);
    expect(royalty(1, { ...threeTiers, cap: 10000, minimum: 10000 })).toBe(10000);
    // cap and minimum both present, revenue in between: 4M -> 50,000 + 300,000 = 350,000
    expect(royalty(4e6, { ...threeTiers, cap: 600000, minimum: 100000 })).toBe(350000);
  });

  it.each([
    [{ rates: [] }, "value", "rates"],
    [{ rates: [1.2] }, "number", "rates"],
    [{ rates: [-0.01] }, "number", "rates"],
    [{ rates: [0.1, 0.12] }, "value", "thresholds"],
    [{ rates: [0.1, 0.12], thresholds: [0] }, "value", "thresholds"],
    [{ rates: [0.1], thresholds: [0, 100] }, "value", "thresholds"],
    [{ rates: [0.1, 0.12], thresholds: [10, 200] }, "value", "thresholds"],
    [{ rates: [0.1, 0.12, 0.15], thresholds: [0, 200, 200] }, "value", "thresholds"],
    [{ rates: [0.1, 0.12, 0.15], thresholds: [0, 300, 200] }, "value", "thresholds"],
    [{ rates: [0.1], cap: -1 }, "number", "annual_cap"],
    [{ rates: [0.1], minimum: -1 }, "number", "annual_minimum"],
    [{ rates: [0.1], cap: 100, minimum: 100.01 }, "number", "annual_minimum"],
  ] as [PlainTerms, string, string][])(
    "rejects %j as a %s error naming %s",
    (p, kind, argument) => {
      const error = thrownBy(() => R.run((A) => validateRoyaltyTerms(A, terms(A, p))));
      expect(error.kind).toBe(kind);
      expect(error.argument).toBe(argument);
      expect(error.message.startsWith(`${argument}: `)).toBe(true);
    }
  );

  it("rejects a negative revenue, naming the argument it is given", () => {
    const error = thrownBy(() => royalty(-0.01, { rates: [0.1] }));
    expect([error.kind, error.argument]).toEqual(["number", "revenue"]);
    const named = thrownBy(() =>
      R.run((A) =>
        royaltyForPeriod(A, A.fromNumber(-5), terms(A, { rates: [0.1] }), "revenues (value 3)")
      )
    );
    expect(named.argument).toBe("revenues (value 3)");
  });
});

// ---------- properties ----------

const money = fc
  .integer({ min: 0, max: 2 })
  .chain((k) =>
    fc.integer({ min: 0, max: 1e9 * 10 ** k }).map((units) => Number(`${units}e-${k}`))
  );
const rate = fc.integer({ min: 0, max: 10000 }).map((units) => units / 10000); // 0..1 to 4 dp (x/10000 is correctly rounded)

/** Strictly ascending thresholds starting at 0: the running sums of positive gaps. */
const thresholds = (count: number): fc.Arbitrary<number[]> =>
  fc
    .array(fc.integer({ min: 1, max: 1e8 }), { minLength: count - 1, maxLength: count - 1 })
    .map((gaps) => {
      const result = [0];
      for (const gap of gaps) result.push((result[result.length - 1] as number) + gap);
      return result;
    });

const tieredTerms: fc.Arbitrary<PlainTerms> = fc.integer({ min: 1, max: 5 }).chain((count) =>
  fc
    .record({
      rates: fc.array(rate, { minLength: count, maxLength: count }),
      thresholds: count === 1 ? fc.constant(null) : thresholds(count),
      cap: fc.option(fc.integer({ min: 0, max: 1e8 }), { nil: null }),
      minimum: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
    })
    .filter((t) => t.cap == null || t.minimum == null || t.minimum <= t.cap)
);

describe.each(ARITHMETICS)("royalty properties on $name", (R) => {
  const royaltyDecimal = (revenue: number, p: PlainTerms) =>
    R.decimal((A) => validatedRoyalty(A, revenue, p));

  it("equal tier rates give the flat royalty, exactly", () => {
    fc.assert(
      fc.property(
        money,
        rate,
        fc.integer({ min: 1, max: 6 }).chain(thresholds),
        (revenue, r, bounds) => {
          const tiered = royaltyDecimal(revenue, {
            rates: bounds.map(() => r),
            thresholds: bounds,
          });
          const flat = royaltyDecimal(revenue, { rates: [r] });
          expect(tiered.eq(flat)).toBe(true);
        }
      ),
      { numRuns: 500 }
    );
  });

  it("is monotone non-decreasing in revenue", () => {
    fc.assert(
      fc.property(tieredTerms, money, money, (t, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(royaltyDecimal(low, t).lte(royaltyDecimal(high, t))).toBe(true);
      }),
      { numRuns: 500 }
    );
  });

  it("lies between the lowest and highest rate times revenue, before the cap and minimum", () => {
    fc.assert(
      fc.property(tieredTerms, money, (t, revenue) => {
        const uncapped = { rates: t.rates, thresholds: t.thresholds ?? null };
        const value = royaltyDecimal(revenue, uncapped).toNumber();
        // bounds by plain arithmetic, with a little slack for the doubles in the bound itself
        expect(value).toBeGreaterThanOrEqual(Math.min(...t.rates) * revenue * (1 - 1e-12));
        expect(value).toBeLessThanOrEqual(Math.max(...t.rates) * revenue * (1 + 1e-12));
      }),
      { numRuns: 300 }
    );
  });

  it("respects the cap and the minimum", () => {
    fc.assert(
      fc.property(tieredTerms, money, (t, revenue) => {
        const value = royaltyDecimal(revenue, t);
        if (t.cap != null) expect(value.lte(t.cap)).toBe(true);
        if (t.minimum != null) expect(value.gte(t.minimum)).toBe(true);
      }),
      { numRuns: 300 }
    );
  });
});
