import fc from "fast-check";
import type { Arithmetic } from "../../src/core/arithmetic";
import {
  charge,
  DATA_USES,
  fullCost,
  marginalCost,
  parseDataUse,
  type ChargeInputs,
  type DataUse,
} from "../../src/core/costs";
import { ARITHMETICS } from "../support/arithmetics";
import { thrownBy } from "../support/assertions";
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
  fixedCosts?: number;
  fixedShare?: number;
  capitalCosts?: number;
  capitalShare?: number;
}

function inputs<T>(A: Arithmetic<T>, p: PlainInputs): ChargeInputs<T> {
  return {
    marginalCost: A.fromNumber(p.marginalCost),
    overheadRate: A.fromNumber(p.overheadRate),
    fixedCosts: A.fromNumber(p.fixedCosts ?? 0),
    fixedShare: A.fromNumber(p.fixedShare ?? 0),
    capitalCosts: A.fromNumber(p.capitalCosts ?? 0),
    capitalShare: A.fromNumber(p.capitalShare ?? 0),
  };
}

/** Both pools shared: marginal cost 8125, overhead 20%, 1% of 500,000 and 0.5% of 2,000,000. */
const example: PlainInputs = {
  marginalCost: 8125,
  overheadRate: 0.2,
  fixedCosts: 500000,
  fixedShare: 0.01,
  capitalCosts: 2000000,
  capitalShare: 0.005,
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
      // 8125 x 1.2 + 500000 x 0.01 + 2000000 x 0.005 = 9750 + 5000 + 10000 = 24750
      [example, 24750],
      // 0.07 x 1.1 = 0.077 exactly
      [{ marginalCost: 0.07, overheadRate: 0.1 }, 0.077],
      // 1234.5678 x 1.15 = 1234.5678 + 185.18517 = 1419.75297 (not rounded: full cost is not a price)
      [{ marginalCost: 1234.5678, overheadRate: 0.15 }, 1419.75297],
      // Shares at their limits: 100 x 1 + 300 x 1 + 700 x 0 = 400
      [
        {
          marginalCost: 100,
          overheadRate: 0,
          fixedCosts: 300,
          fixedShare: 1,
          capitalCosts: 700,
          capitalShare: 0,
        },
        400,
      ],
    ] as [PlainInputs, number][])(
      "is marginal cost x (1 + overhead rate) plus the pools' shares: %j gives %p",
      (plainInputs, expected) => {
        expect(R.number((A) => fullCost(A, inputs(A, plainInputs)))).toBe(expected);
      }
    );

    it.each([
      [{ marginalCost: -1, overheadRate: 0.2 }, "marginal_cost"],
      [{ marginalCost: 1, overheadRate: -0.2 }, "overhead_rate"],
      [{ marginalCost: 1, overheadRate: 0.2, fixedCosts: -5 }, "fixed_costs"],
      [{ marginalCost: 1, overheadRate: 0.2, fixedShare: 1.5 }, "fixed_share"],
      [{ marginalCost: 1, overheadRate: 0.2, fixedShare: -0.1 }, "fixed_share"],
      [{ marginalCost: 1, overheadRate: 0.2, capitalCosts: -5 }, "capital_costs"],
      [{ marginalCost: 1, overheadRate: 0.2, capitalShare: 1.0001 }, "capital_share"],
      [{ marginalCost: 1, overheadRate: 0.2, capitalShare: -0.5 }, "capital_share"],
    ] as [PlainInputs, string][])(
      "rejects %j as a number error naming %s",
      (plainInputs, argument) => {
        for (const use of DATA_USES) {
          const viaCharge = thrownBy(() => R.run((A) => charge(A, use, inputs(A, plainInputs))));
          expect([viaCharge.kind, viaCharge.argument]).toEqual(["number", argument]);
        }
        const viaFullCost = thrownBy(() => R.run((A) => fullCost(A, inputs(A, plainInputs))));
        expect([viaFullCost.kind, viaFullCost.argument]).toEqual(["number", argument]);
        expect(viaFullCost.message.startsWith(`${argument}: `)).toBe(true);
      }
    );
  });

  describe("charge", () => {
    it("charges commercial use at full cost and non-commercial use without the overhead uplift", () => {
      // commercial: 8125 x 1.2 + 5000 + 10000 = 24750
      expect(R.number((A) => charge(A, "commercial", inputs(A, example)))).toBe(24750);
      // non-commercial: 8125 + 5000 + 10000 = 23125
      expect(R.number((A) => charge(A, "non-commercial", inputs(A, example)))).toBe(23125);
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
      // pools with a share: 333.33 x 0.333 = 110.99889 -> 111.00; + 10 x 1 = 121.00
      [
        "non-commercial",
        { marginalCost: 10, overheadRate: 9, fixedCosts: 333.33, fixedShare: 0.333 },
        121,
      ],
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
const share = nonNegative(1, 4);

const chargeInputsArbitrary: fc.Arbitrary<PlainInputs> = fc.record({
  marginalCost: nonNegative(1_000_000, 4),
  overheadRate: nonNegative(3, 4),
  fixedCosts: nonNegative(10_000_000, 2),
  fixedShare: share,
  capitalCosts: nonNegative(10_000_000, 2),
  capitalShare: share,
});

/** The charge by the definition, in exact BigInt decimals. */
function expectedCharge(use: DataUse, p: PlainInputs): Exact {
  const x = (n: number | undefined) => exactFromNumber(n ?? 0);
  const pools = exactAdd(
    exactMultiply(x(p.fixedCosts), x(p.fixedShare)),
    exactMultiply(x(p.capitalCosts), x(p.capitalShare))
  );
  const base =
    use === "commercial"
      ? exactMultiply(x(p.marginalCost), exactAdd(x(1), x(p.overheadRate)))
      : x(p.marginalCost);
  return exactRoundToPence(exactAdd(base, pools));
}

describe.each(ARITHMETICS)("charge properties on $name", (R) => {
  it("a commercial charge is never below the non-commercial one for the same costs", () => {
    fc.assert(
      fc.property(chargeInputsArbitrary, (p) => {
        const commercial = R.decimal((A) => charge(A, "commercial", inputs(A, p)));
        const nonCommercial = R.decimal((A) => charge(A, "non-commercial", inputs(A, p)));
        expect(commercial.gte(nonCommercial)).toBe(true);
      }),
      { numRuns: 500 }
    );
  });

  it("is always a whole number of pence, and equals the definition rounded half away from zero", () => {
    fc.assert(
      fc.property(
        chargeInputsArbitrary,
        fc.constantFrom<DataUse>("commercial", "non-commercial"),
        (p, use) => {
          const result = R.decimal((A) => charge(A, use, inputs(A, p)));
          expect(result.times(100).isInteger()).toBe(true);
          expect(result.eq(exactToString(expectedCharge(use, p)))).toBe(true);
          const asNumber = R.number((A) => charge(A, use, inputs(A, p)));
          expect(Math.round(asNumber * 100) / 100).toBe(asNumber);
        }
      ),
      { numRuns: 500 }
    );
  });
});
