import fc from "fast-check";
import {
  decimalArithmetic,
  exactNumber,
  scaledArithmetic,
  type Arithmetic,
} from "../../src/core/arithmetic";
import { charge, fullCost, marginalCost, type ChargeInputs } from "../../src/core/pricing/costs";
import { DATA_USES, parseDataUse, type DataUse } from "../../src/model/vocabulary";
import { ARITHMETICS, type ValueFormula } from "../support/arithmetics";
import { thrownBy } from "../support/assertions";
import type { Decimal } from "../../src/model/decimal";
import {
  exactAdd,
  exactFromNumber,
  exactMultiply,
  exactRoundToPence,
  exactToString,
  type Exact,
} from "../support/exactDecimal";

interface PlainInputs {
  marginalCost: number;
  overheadRate: number;
  fixedRate?: number;
  capitalRate?: number;
}

function inputs<T>(A: Arithmetic<T>, p: PlainInputs): ChargeInputs<T> {
  return {
    marginalCost: A.fromNumber(p.marginalCost),
    overheadRate: A.fromNumber(p.overheadRate),
    fixedRate: A.fromNumber(p.fixedRate ?? 0),
    capitalRate: A.fromNumber(p.capitalRate ?? 0),
  };
}

/** Both costs recovered: marginal cost 8491.25, overhead 20%, fixed-cost rate 5%, capital-cost rate 2%. */
const example: PlainInputs = {
  marginalCost: 8491.25,
  overheadRate: 0.2,
  fixedRate: 0.05,
  capitalRate: 0.02,
};

describe.each(ARITHMETICS)("costs on $name", (R) => {
  describe("marginalCost", () => {
    it("sums quantity x unit cost and applies the on-cost uplift", () => {
      // (10 x 350 + 2.5 x 1200 + 0 x 99) x 1.25 = (3500 + 3000) x 1.25 = 8125
      expect(
        R.number((A) =>
          marginalCost(
            A,
            [10, 2.5, 0].map(A.fromNumber),
            [350, 1200, 99].map(A.fromNumber),
            A.fromNumber(0.25)
          )
        )
      ).toBe(8125);
      // 3 x 0.1 + 7 x 0.07 = 0.3 + 0.49 = 0.79, no uplift (exact, not 0.79000000000000004)
      expect(
        R.number((A) =>
          marginalCost(A, [3, 7].map(A.fromNumber), [0.1, 0.07].map(A.fromNumber), A.zero)
        )
      ).toBe(0.79);
      // 37.5 hours x 42.17 = 1581.375; x 1.3 = 2055.7875
      expect(
        R.number((A) =>
          marginalCost(A, [A.fromNumber(37.5)], [A.fromNumber(42.17)], A.fromNumber(0.3))
        )
      ).toBe(2055.7875);
    });

    it("is 0 for no cost lines", () => {
      expect(R.number((A) => marginalCost(A, [], [], A.fromNumber(0.5)))).toBe(0);
    });

    it("rejects lists of different sizes as a value error naming unit_costs", () => {
      const error = thrownBy(() => R.run((A) => marginalCost(A, [A.one, A.one], [A.one], A.zero)));
      expect(error.kind).toBe("value");
      expect(error.argument).toBe("unit_costs");
      expect(error.message).toMatch(/^unit_costs: .*1 value\(s\).*quantities has 2/);
    });

    it("rejects a negative quantity, unit cost or on-cost rate as a number error naming it", () => {
      const negativeQuantity = thrownBy(() =>
        R.run((A) => marginalCost(A, [A.one, A.fromNumber(-2)], [A.one, A.one], A.zero))
      );
      expect([negativeQuantity.kind, negativeQuantity.argument]).toEqual(["number", "quantities"]);
      expect(negativeQuantity.message).toBe("quantities: value 2 is negative");

      const negativeCost = thrownBy(() =>
        R.run((A) => marginalCost(A, [A.one], [A.fromNumber(-0.01)], A.zero))
      );
      expect([negativeCost.kind, negativeCost.argument]).toEqual(["number", "unit_costs"]);
      expect(negativeCost.message).toBe("unit_costs: value 1 is negative");

      const negativeRate = thrownBy(() =>
        R.run((A) => marginalCost(A, [A.one], [A.one], A.fromNumber(-0.1)))
      );
      expect([negativeRate.kind, negativeRate.argument]).toEqual(["number", "on_cost_rate"]);
    });
  });

  describe("fullCost", () => {
    it.each([
      // 8491.25 x 1.2 x (1 + 0.05 + 0.02) = 10189.5 x 1.07 = 10902.765 (not rounded: full cost is not a price)
      [example, 10902.765],
      // 0.07 x 1.1 = 0.077 exactly (both rates default to 0)
      [{ marginalCost: 0.07, overheadRate: 0.1 }, 0.077],
      // 1234.5678 x 1.15 = 1234.5678 + 185.18517 = 1419.75297
      [{ marginalCost: 1234.5678, overheadRate: 0.15 }, 1419.75297],
      // only the capital rate: 8125 x 1.2 x (1 + 0 + 0.1) = 9750 x 1.1 = 10725
      [{ marginalCost: 8125, overheadRate: 0.2, fixedRate: 0, capitalRate: 0.1 }, 10725],
      // rates of 0 recover nothing: 100 x 1 x (1 + 0 + 0) = 100
      [{ marginalCost: 100, overheadRate: 0, fixedRate: 0, capitalRate: 0 }, 100],
      // rates above 1 are allowed: 100 x 1.5 x (1 + 1.5 + 0.75) = 150 x 3.25 = 487.5
      [{ marginalCost: 100, overheadRate: 0.5, fixedRate: 1.5, capitalRate: 0.75 }, 487.5],
    ] as [PlainInputs, number][])(
      "is marginal cost x (1 + overhead rate) x (1 + fixed rate + capital rate): %j gives %p",
      (plainInputs, expected) => {
        expect(R.number((A) => fullCost(A, inputs(A, plainInputs)))).toBe(expected);
      }
    );

    it.each([
      [{ marginalCost: -1, overheadRate: 0.2 }, "marginal_cost"],
      [{ marginalCost: 1, overheadRate: -0.2 }, "overhead_rate"],
      [{ marginalCost: 1, overheadRate: 0.2, fixedRate: -0.05 }, "fixed_rate"],
      [{ marginalCost: 1, overheadRate: 0.2, fixedRate: -0.0001 }, "fixed_rate"],
      [{ marginalCost: 1, overheadRate: 0.2, capitalRate: -0.5 }, "capital_rate"],
      [{ marginalCost: 1, overheadRate: 0.2, fixedRate: 0.05, capitalRate: -1 }, "capital_rate"],
    ] as [PlainInputs, string][])(
      "rejects %j as a number error naming %s",
      (plainInputs, argument) => {
        for (const use of DATA_USES) {
          const viaCharge = thrownBy(() => R.run((A) => charge(A, use, inputs(A, plainInputs))));
          expect([viaCharge.kind, viaCharge.argument]).toEqual(["number", argument]);
        }
        const viaFullCost = thrownBy(() => R.run((A) => fullCost(A, inputs(A, plainInputs))));
        expect([viaFullCost.kind, viaFullCost.argument]).toEqual(["number", argument]);
        expect(viaFullCost.message).toBe(`${argument}: must not be negative`);
      }
    );
  });

  describe("charge", () => {
    it("charges commercial use at full cost and non-commercial use without the overhead uplift", () => {
      // commercial: 8491.25 x 1.2 x 1.07 = 10902.765 -> 10902.77 (half away from zero)
      expect(R.number((A) => charge(A, "commercial", inputs(A, example)))).toBe(10902.77);
      // non-commercial: 8491.25 x (1 + 0.05 + 0.02) = 8491.25 x 1.07 = 9085.6375 -> 9085.64
      expect(R.number((A) => charge(A, "non-commercial", inputs(A, example)))).toBe(9085.64);
    });

    it("recovers the fixed and capital costs on full cost for commercial use and on marginal cost for non-commercial use", () => {
      // 100 x 1.5 x (1 + 1.5 + 0.75) = 487.5; 100 x (1 + 1.5 + 0.75) = 325
      const rates = { marginalCost: 100, overheadRate: 0.5, fixedRate: 1.5, capitalRate: 0.75 };
      expect(R.number((A) => charge(A, "commercial", inputs(A, rates)))).toBe(487.5);
      expect(R.number((A) => charge(A, "non-commercial", inputs(A, rates)))).toBe(325);
    });

    it.each([
      // 1234.5678 x 1.15 = 1419.75297 -> 1419.75; non-commercial 1234.5678 -> 1234.57
      ["commercial", { marginalCost: 1234.5678, overheadRate: 0.15 }, 1419.75],
      ["non-commercial", { marginalCost: 1234.5678, overheadRate: 0.15 }, 1234.57],
      // exact halves: 0.005 -> 0.01; 2.675 -> 2.68 (below the half in binary); 1.005 -> 1.01
      ["commercial", { marginalCost: 0.005, overheadRate: 0 }, 0.01],
      ["commercial", { marginalCost: 2.675, overheadRate: 0 }, 2.68],
      ["non-commercial", { marginalCost: 1.005, overheadRate: 0.5 }, 1.01],
      // a half produced by the arithmetic: 0.5 x 1.25 = 0.625 -> 0.63; 10.01 x 1.5 = 15.015 -> 15.02
      ["commercial", { marginalCost: 0.5, overheadRate: 0.25 }, 0.63],
      ["commercial", { marginalCost: 10.01, overheadRate: 0.5 }, 15.02],
      // just under a half: 0.0049999 -> 0
      ["commercial", { marginalCost: 0.0049999, overheadRate: 0 }, 0],
      // a half produced by a recovery rate: 10 x (1 + 0.0005) = 10.005 -> 10.01
      ["non-commercial", { marginalCost: 10, overheadRate: 0.2, fixedRate: 0.0005 }, 10.01],
      ["non-commercial", { marginalCost: 10, overheadRate: 0.2, capitalRate: 0.0005 }, 10.01],
      // 0.5 x 1 x (1 + 0.2 + 0.05) = 0.625 -> 0.63
      [
        "commercial",
        { marginalCost: 0.5, overheadRate: 0, fixedRate: 0.2, capitalRate: 0.05 },
        0.63,
      ],
      // no overhead for non-commercial use: 333.33 x (1 + 0.333) = 444.32889 -> 444.33
      ["non-commercial", { marginalCost: 333.33, overheadRate: 9, fixedRate: 0.333 }, 444.33],
    ] as [DataUse, PlainInputs, number][])(
      "rounds to the penny, half away from zero: %s use of %j gives %p",
      (use, plainInputs, expected) => {
        expect(R.number((A) => charge(A, use, inputs(A, plainInputs)))).toBe(expected);
      }
    );

    it("never varies for anything but the use (no organisation type argument)", () => {
      expect(charge.length).toBe(3);
    });
  });
});

describe("parseDataUse", () => {
  it.each([
    ["commercial", "commercial"],
    ["Commercial", "commercial"],
    ["  COMMERCIAL ", "commercial"],
    ["non-commercial", "non-commercial"],
    ["Non-Commercial", "non-commercial"],
    ["noncommercial", "non-commercial"],
    ["NonCommercial", "non-commercial"],
  ] as [string, DataUse][])("reads %j as %s", (text, use) => {
    expect(parseDataUse(text)).toBe(use);
  });

  it.each(["", "academic", "non commercial", "non_commercial", "commercially", "charity"])(
    "rejects %j naming the accepted values",
    (text) => {
      const error = thrownBy(() => parseDataUse(text));
      expect(error.kind).toBe("value");
      expect(error.argument).toBe("use");
      expect(error.message).toContain('"commercial"');
      expect(error.message).toContain('"non-commercial"');
    }
  );

  it("names the argument it was given", () => {
    expect(thrownBy(() => parseDataUse("x", "data_use")).argument).toBe("data_use");
  });
});

// ---------- properties ----------

/** Integer / 10^k, non-negative, up to `max` with up to `decimals` places. */
function nonNegative(max: number, decimals: number): fc.Arbitrary<number> {
  return fc
    .integer({ min: 0, max: decimals })
    .chain((k) =>
      fc.integer({ min: 0, max: max * 10 ** k }).map((units) => Number(`${units}e-${k}`))
    );
}

/** Wide inputs: up to four decimal places, rates up to 3 (a recovery rate may exceed 100%). */
const chargeInputsArbitrary: fc.Arbitrary<PlainInputs> = fc.record({
  marginalCost: nonNegative(1_000_000, 4),
  overheadRate: nonNegative(3, 4),
  fixedRate: nonNegative(3, 4),
  capitalRate: nonNegative(3, 4),
});

/** Typical inputs: pounds and pence up to £1m, rates to 0.1% up to 300%. */
const typicalChargeInputs: fc.Arbitrary<PlainInputs> = fc.record({
  marginalCost: nonNegative(1_000_000, 2),
  overheadRate: nonNegative(3, 3),
  fixedRate: nonNegative(3, 3),
  capitalRate: nonNegative(3, 3),
});

const x = (n: number | undefined) => exactFromNumber(n ?? 0);

/** Full cost by the definition, in exact BigInt decimals. */
function expectedFullCost(p: PlainInputs): Exact {
  return exactMultiply(
    exactMultiply(x(p.marginalCost), exactAdd(x(1), x(p.overheadRate))),
    exactAdd(exactAdd(x(1), x(p.fixedRate)), x(p.capitalRate))
  );
}

/** The charge by the definition, in exact BigInt decimals. */
function expectedCharge(use: DataUse, p: PlainInputs): Exact {
  const recovery = exactAdd(exactAdd(x(1), x(p.fixedRate)), x(p.capitalRate));
  const unrounded =
    use === "commercial" ? expectedFullCost(p) : exactMultiply(x(p.marginalCost), recovery);
  return exactRoundToPence(unrounded);
}

/**
 * Runs a formula on one arithmetic; undefined when the scaled form leaves its exact range (it signals
 * that with a symbol, which exactNumber catches to fall back to decimal.js).
 */
function inRange(R: (typeof ARITHMETICS)[number], formula: ValueFormula): Decimal | undefined {
  try {
    return R.decimal(formula);
  } catch (thrown) {
    if (typeof thrown === "symbol") return undefined;
    throw thrown;
  }
}

describe.each(ARITHMETICS)("charge properties on $name", (R) => {
  it("a commercial charge is never below the non-commercial one for the same costs", () => {
    let answered = 0;
    fc.assert(
      fc.property(chargeInputsArbitrary, (p) => {
        const commercial = inRange(R, (A) => charge(A, "commercial", inputs(A, p)));
        const nonCommercial = inRange(R, (A) => charge(A, "non-commercial", inputs(A, p)));
        if (commercial === undefined || nonCommercial === undefined) return;
        answered++;
        expect(commercial.gte(nonCommercial)).toBe(true);
      }),
      { numRuns: 500 }
    );
    expect(answered).toBeGreaterThan(100);
  });

  it("is always a whole number of pence, and equals the definition rounded half away from zero", () => {
    let answered = 0;
    fc.assert(
      fc.property(
        chargeInputsArbitrary,
        fc.constantFrom<DataUse>("commercial", "non-commercial"),
        (p, use) => {
          const result = inRange(R, (A) => charge(A, use, inputs(A, p)));
          if (result === undefined) return;
          answered++;
          expect(result.times(100).isInteger()).toBe(true);
          expect(result.eq(exactToString(expectedCharge(use, p)))).toBe(true);
          const asNumber = R.number((A) => charge(A, use, inputs(A, p)));
          expect(Math.round(asNumber * 100) / 100).toBe(asNumber);
        }
      ),
      { numRuns: 500 }
    );
    expect(answered).toBeGreaterThan(100);
  });

  it("full cost equals the definition exactly", () => {
    let answered = 0;
    fc.assert(
      fc.property(chargeInputsArbitrary, (p) => {
        const result = inRange(R, (A) => fullCost(A, inputs(A, p)));
        if (result === undefined) return;
        answered++;
        expect(result.eq(exactToString(expectedFullCost(p)))).toBe(true);
      }),
      { numRuns: 500 }
    );
    expect(answered).toBeGreaterThan(100);
  });
});

describe("scaled arithmetic and decimal.js agree on full cost and charge", () => {
  const S = ARITHMETICS.find((R) => R.name === "scaledArithmetic") as (typeof ARITHMETICS)[number];

  it("digit for digit wherever the scaled form answers, and exactNumber (with its fallback) always", () => {
    let scaledAnswered = 0;
    let fellBack = 0;
    fc.assert(
      fc.property(
        chargeInputsArbitrary,
        fc.constantFrom<DataUse>("commercial", "non-commercial"),
        (p, use) => {
          const formulas: ValueFormula[] = [
            (A) => fullCost(A, inputs(A, p)),
            (A) => charge(A, use, inputs(A, p)),
          ];
          for (const formula of formulas) {
            const viaDecimal = formula(decimalArithmetic);
            const viaScaled = inRange(S, formula);
            if (viaScaled === undefined) fellBack++;
            else {
              scaledAnswered++;
              expect(viaScaled.eq(viaDecimal)).toBe(true);
              expect(scaledArithmetic.toNumber(formula(scaledArithmetic))).toBe(
                viaDecimal.toNumber()
              );
            }
            expect(exactNumber(formula)).toBe(viaDecimal.toNumber());
          }
        }
      ),
      { numRuns: 1000 }
    );
    // Not vacuous: both the fast path and the fallback were exercised.
    expect(scaledAnswered).toBeGreaterThan(200);
    expect(fellBack).toBeGreaterThan(20);
  });

  it("typical inputs (pounds and pence, rates to 0.1%) never leave the fast path", () => {
    fc.assert(
      fc.property(
        typicalChargeInputs,
        fc.constantFrom<DataUse>("commercial", "non-commercial"),
        (p, use) => {
          // must not throw: scaledArithmetic has no fallback
          const full = scaledArithmetic.toDecimal(
            fullCost(scaledArithmetic, inputs(scaledArithmetic, p))
          );
          expect(full.eq(exactToString(expectedFullCost(p)))).toBe(true);
          const price = scaledArithmetic.toDecimal(
            charge(scaledArithmetic, use, inputs(scaledArithmetic, p))
          );
          expect(price.eq(exactToString(expectedCharge(use, p)))).toBe(true);
        }
      ),
      { numRuns: 1000 }
    );
  });
});
