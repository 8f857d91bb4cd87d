/**
 * The NHSDP custom functions called as Excel calls them: numbers, text and booleans for single cells,
 * null for an omitted optional argument, and 2-D arrays (rows of cells) for ranges: a row is [[a, b, c]],
 * a column [[a], [b], [c]], and a single cell in a range parameter [[x]]. Expected values are worked out
 * by hand in the comments, or come from Excel's own documented examples.
 */
import fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import {
  breakevenroyalty,
  charge,
  fullcost,
  greenbookdf,
  marginalcost,
  milestonevalue,
  royalty,
  royaltyvalue,
  subscriptionvalue,
  version,
} from "../../src/functions/functions";
import {
  excelError,
  expectExcelError,
  expectRelativelyClose,
  type ExcelErrorCode,
  type ExcelErrorLike,
} from "../support/assertions";

type ExcelFunction = (...args: unknown[]) => unknown;

/** Arguments that must make a function fail with the code, naming the argument. */
type ErrorCase = [args: unknown[], code: ExcelErrorCode, argument: string];

/** One test per case: `fn` called with the case's arguments fails with its code, naming its argument. */
function itGivesErrors(title: string, fn: unknown, cases: ErrorCase[]): void {
  it.each<ErrorCase>(cases)(`${title}: %j gives %s naming %s`, (args, code, argument) => {
    expectExcelError(() => (fn as ExcelFunction)(...args), code, argument);
  });
}

/** Excel passes null for an omitted optional argument; the declared `thresholds?: unknown[][]` does not say so. */
const NO_RANGE = null as unknown as unknown[][];

const row = (...values: unknown[]): unknown[][] => [values];
const column = (...values: unknown[]): unknown[][] => values.map((value) => [value]);

describe("MARGINALCOST(quantities, unit_costs, [on_cost_rate])", () => {
  it("sums quantity x unit cost, times (1 + on_cost_rate)", () => {
    // (10 x 350 + 2.5 x 1200 + 0 x 99) x 1.25 = 6500 x 1.25 = 8125
    expect(marginalcost(row(10, 2.5, 0), row(350, 1200, 99), 0.25)).toBe(8125);
    // the same lines as columns, and one as a row with the other a column
    expect(marginalcost(column(10, 2.5, 0), column(350, 1200, 99), 0.25)).toBe(8125);
    expect(marginalcost(column(10, 2.5, 0), row(350, 1200, 99), 0.25)).toBe(8125);
  });

  it("defaults on_cost_rate to 0 when omitted or blank", () => {
    // 10 x 350 + 2.5 x 1200 = 6500
    expect(marginalcost(row(10, 2.5), row(350, 1200), null)).toBe(6500);
    expect(marginalcost(row(10, 2.5), row(350, 1200))).toBe(6500);
    expect(marginalcost(row(10, 2.5), row(350, 1200), "")).toBe(6500);
  });

  it("takes single cells, passed as [[x]] or as plain values", () => {
    // 37.5 x 42.17 = 1581.375; x 1.3 = 2055.7875
    expect(marginalcost([[37.5]], [[42.17]], 0.3)).toBe(2055.7875);
    expect(
      marginalcost(37.5 as unknown as unknown[][], 42.17 as unknown as unknown[][], [[0.3]])
    ).toBe(2055.7875);
  });

  it("counts empty cells as 0", () => {
    // 10 x 5 + 0 x 7 + 0 x 9 = 50
    expect(marginalcost(row(10, "", null), row(5, 7, 9), null)).toBe(50);
  });

  it("is exact decimal arithmetic: 3 x 0.1 + 1.1 x 1.1 = 0.3 + 1.21 = 1.51", () => {
    expect(3 * 0.1 + 1.1 * 1.1).toBe(1.5100000000000002); // what doubles give
    expect(marginalcost(row(3, 1.1), row(0.1, 1.1), null)).toBe(1.51);
    expect(marginalcost([[3]], [[0.1]], null)).toBe(0.3);
  });

  it("gives #VALUE! for ranges of different sizes, naming unit_costs", () => {
    const error = expectExcelError(
      () => marginalcost(row(1, 2, 3), row(4, 5), null),
      "#VALUE!",
      "unit_costs"
    );
    expect(error.message).toContain("same size");
  });

  itGivesErrors("gives #NUM! for a negative quantity or cost", marginalcost, [
    [[row(1, -2), row(4, 5), null], "#NUM!", "quantities"],
    [[row(1, 2), row(4, -0.01), null], "#NUM!", "unit_costs"],
    [[row(1), row(1), -0.1], "#NUM!", "on_cost_rate"],
  ]);

  itGivesErrors("gives #VALUE! for text, a block, or a missing range", marginalcost, [
    [[row(1, "two"), row(4, 5), null], "#VALUE!", "quantities"],
    [[row(1, 2), row(4, true), null], "#VALUE!", "unit_costs"],
    [
      [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 2],
          [3, 4],
        ],
        null,
      ],
      "#VALUE!",
      "quantities",
    ],
    [[null, row(1), null], "#VALUE!", "quantities"],
    [[row(1), row(1), "abc"], "#VALUE!", "on_cost_rate"],
  ]);
});

describe("FULLCOST(marginal_cost, overhead_rate, [fixed_rate], [capital_rate])", () => {
  it("is marginal_cost x (1 + overhead_rate) x (1 + fixed_rate + capital_rate)", () => {
    // 8491.25 x 1.2 x (1 + 0.05 + 0.02) = 10189.5 x 1.07 = 10902.765, exactly
    expect(8491.25 * 1.2 * 1.07).toBe(10902.765000000001); // what doubles give
    expect(fullcost(8491.25, 0.2, 0.05, 0.02)).toBe(10902.765);
    // 8125 x 1.2 x (1 + 0.1 + 0.05) = 9750 x 1.15 = 11212.5
    expect(fullcost(8125, 0.2, 0.1, 0.05)).toBe(11212.5);
    // only the fixed rate: 100 x 1.5 x (1 + 0.25) = 150 x 1.25 = 187.5; only the capital rate, the same
    expect(fullcost(100, 0.5, 0.25, null)).toBe(187.5);
    expect(fullcost(100, 0.5, null, 0.25)).toBe(187.5);
  });

  it("defaults fixed_rate and capital_rate to 0 when omitted or blank", () => {
    // 8491.25 x 1.2 x (1 + 0 + 0) = 10189.5
    expect(fullcost(8491.25, 0.2)).toBe(10189.5);
    expect(fullcost(8491.25, 0.2, null, null)).toBe(10189.5);
    expect(fullcost(8491.25, 0.2, "", "")).toBe(10189.5);
  });

  it("takes a rate of 0 as no recovery", () => {
    // 8491.25 x 1.2 x (1 + 0 + 0.02) = 10189.5 x 1.02 = 10393.29
    expect(fullcost(8491.25, 0.2, 0, 0.02)).toBe(10393.29);
    // 8491.25 x 1.2 x (1 + 0.05 + 0) = 10189.5 x 1.05 = 10698.975
    expect(fullcost(8491.25, 0.2, 0.05, 0)).toBe(10698.975);
    expect(fullcost(8491.25, 0.2, 0, 0)).toBe(10189.5);
    // no overhead: 100 x 1 x (1 + 0.05) = 105
    expect(fullcost(100, 0, 0.05, 0)).toBe(105);
  });

  it("accepts recovery rates above 1 (above 100%)", () => {
    // 100 x 1.5 x (1 + 1.5 + 0.75) = 150 x 3.25 = 487.5
    expect(fullcost(100, 0.5, 1.5, 0.75)).toBe(487.5);
    // 10 x 1 x (1 + 2 + 0) = 30
    expect(fullcost(10, 0, 2, null)).toBe(30);
  });

  it("is exact: FULLCOST(0.07, 0.1) is exactly 0.077", () => {
    expect(0.07 * 1.1).toBe(0.07700000000000001); // what doubles give
    expect(fullcost(0.07, 0.1, null, null)).toBe(0.077);
    expect(fullcost(0.07, 0.1)).toBe(0.077);
    // 0.07 x 1.1 x (1 + 0.05 + 0.02) = 0.077 x 1.07 = 0.08239
    expect(0.07 * 1.1 * 1.07).toBe(0.08239000000000002); // what doubles give
    expect(fullcost(0.07, 0.1, 0.05, 0.02)).toBe(0.08239);
  });

  it("is not rounded to the penny: 1234.5678 x 1.15 = 1419.75297", () => {
    expect(fullcost(1234.5678, 0.15, null, null)).toBe(1419.75297);
  });

  it("takes blank cells and [[x]] single cells", () => {
    // 100 x 1.5 = 150
    expect(fullcost([[100]], [[0.5]], "", "")).toBe(150);
    // 100 x 1.5 x (1 + 0.1 + 0.2) = 150 x 1.3 = 195
    expect(fullcost([[100]], [[0.5]], [[0.1]], [[0.2]])).toBe(195);
  });

  it("never returns -0", () => {
    expect(Object.is(fullcost(-0, 0, null, null), 0)).toBe(true);
    expect(Object.is(fullcost(0, 0.2, -0, -0), 0)).toBe(true);
  });

  it("ignores arguments beyond the four it declares, as every NHSDP function does", () => {
    // functions.json declares four parameters (test/bundle checks it); the wrapper reads only those:
    // 100 x 1.5 x (1 + 0.1 + 0.2) = 195
    expect((fullcost as ExcelFunction)(100, 0.5, 0.1, 0.2, 400000, 0.005)).toBe(195);
  });

  itGivesErrors("gives #NUM! for a negative cost or rate", fullcost, [
    [[100, 0.2, -0.05, null], "#NUM!", "fixed_rate"],
    [[100, 0.2, -1e-9, 0.02], "#NUM!", "fixed_rate"],
    [[100, 0.2, null, -0.02], "#NUM!", "capital_rate"],
    [[100, 0.2, 0.05, -1], "#NUM!", "capital_rate"],
    [[100, -0.2, null, null], "#NUM!", "overhead_rate"],
    [[-100, 0.2, null, null], "#NUM!", "marginal_cost"],
  ]);

  it("says what is wrong with a negative rate", () => {
    const error = expectExcelError(() => fullcost(100, 0.2, -0.05, null), "#NUM!", "fixed_rate");
    expect(error.message).toBe("fixed_rate: must not be negative");
  });

  itGivesErrors("gives #VALUE! for text, a missing required argument or a range", fullcost, [
    [["abc", 0.2, null, null], "#VALUE!", "marginal_cost"],
    [[100, null, null, null], "#VALUE!", "overhead_rate"],
    [[100, 0.2, true, null], "#VALUE!", "fixed_rate"],
    [[100, 0.2, null, "5%"], "#VALUE!", "capital_rate"],
    [[[[1, 2]], 0.2, null, null], "#VALUE!", "marginal_cost"],
    [[100, 0.2, [[0.05, 0.02]], null], "#VALUE!", "fixed_rate"],
  ]);

  it("gives #VALUE! for a call with too few arguments, naming the first missing one", () => {
    expectExcelError(() => (fullcost as ExcelFunction)(100), "#VALUE!", "overhead_rate");
    expectExcelError(() => (fullcost as ExcelFunction)(), "#VALUE!", "marginal_cost");
  });
});

describe("CHARGE(use, marginal_cost, overhead_rate, [fixed_rate], [capital_rate])", () => {
  it("charges commercial use at FULLCOST, rounded to the penny", () => {
    // 8491.25 x 1.2 x (1 + 0.05 + 0.02) = 10189.5 x 1.07 = 10902.765 -> 10902.77 (half away from zero)
    expect(charge("commercial", 8491.25, 0.2, 0.05, 0.02)).toBe(10902.77);
    // the double nearest 10902.765 lies below the half, so rounding the double itself gives 10902.76
    expect((10902.765).toFixed(2)).toBe("10902.76");
    // 8125 x 1.2 x 1.15 = 11212.5
    expect(charge("commercial", 8125, 0.2, 0.1, 0.05)).toBe(11212.5);
  });

  it("charges non-commercial use at marginal_cost x (1 + fixed_rate + capital_rate), with no overhead uplift", () => {
    // 8491.25 x (1 + 0.05 + 0.02) = 8491.25 x 1.07 = 9085.6375 -> 9085.64
    expect(charge("non-commercial", 8491.25, 0.2, 0.05, 0.02)).toBe(9085.64);
    // 8125 x 1.15 = 9343.75
    expect(charge("non-commercial", 8125, 0.2, 0.1, 0.05)).toBe(9343.75);
  });

  it("defaults fixed_rate and capital_rate to 0", () => {
    // commercial: 8491.25 x 1.2 = 10189.5; non-commercial: 8491.25
    expect(charge("commercial", 8491.25, 0.2)).toBe(10189.5);
    expect(charge("commercial", 8491.25, 0.2, null, "")).toBe(10189.5);
    expect(charge("non-commercial", 8491.25, 0.2)).toBe(8491.25);
    expect(charge("non-commercial", 8491.25, 0.2, "", null)).toBe(8491.25);
  });

  it("takes a rate of 0 as no recovery", () => {
    // commercial: 8491.25 x 1.2 x 1.02 = 10393.29; non-commercial: 8491.25 x 1.02 = 8661.075 -> 8661.08
    expect(charge("commercial", 8491.25, 0.2, 0, 0.02)).toBe(10393.29);
    expect(charge("non-commercial", 8491.25, 0.2, 0, 0.02)).toBe(8661.08);
    expect(charge("non-commercial", 8491.25, 0.2, 0, 0)).toBe(8491.25);
  });

  it("accepts recovery rates above 1 (above 100%)", () => {
    // commercial: 100 x 1.5 x (1 + 1.5 + 0.75) = 150 x 3.25 = 487.5; non-commercial: 100 x 3.25 = 325
    expect(charge("commercial", 100, 0.5, 1.5, 0.75)).toBe(487.5);
    expect(charge("non-commercial", 100, 0.5, 1.5, 0.75)).toBe(325);
  });

  it.each([
    ["COMMERCIAL", 150],
    ["Commercial", 150],
    ["Non-Commercial", 100],
    ["noncommercial", 100],
    ["NonCommercial", 100],
    [[["non-commercial"]], 100],
  ] as [unknown, number][])(
    "reads use case-insensitively, and accepts noncommercial: %j gives %p",
    (use, expected) => {
      expect(charge(use, 100, 0.5, null, null)).toBe(expected);
    }
  );

  it("rounds half away from zero to the penny", () => {
    // 1234.5678 x 1.15 = 1419.75297 -> 1419.75; non-commercial 1234.5678 -> 1234.57
    expect(charge("commercial", 1234.5678, 0.15, null, null)).toBe(1419.75);
    expect(charge("non-commercial", 1234.5678, 0.15, null, null)).toBe(1234.57);
    // 0.005 -> 0.01 (as ROUND(0.005, 2) = 0.01)
    expect(charge("commercial", 0.005, 0, null, null)).toBe(0.01);
    // 2.675 -> 2.68 and 1.005 -> 1.01, as Excel's ROUND does, although the doubles nearest them lie
    // just below the half (2.67499999999999982236431605997495353221893310546875), so rounding the
    // double itself gives 2.67 and 1.00
    expect((2.675).toFixed(2)).toBe("2.67");
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(charge("commercial", 2.675, 0, null, null)).toBe(2.68);
    expect(charge("non-commercial", 1.005, 0.5, null, null)).toBe(1.01);
    // a half made by the recovery rate: 10 x (1 + 0.0005) = 10.005 -> 10.01 (doubles give 10.004999999999999)
    expect(10 * 1.0005).toBe(10.004999999999999);
    expect(charge("non-commercial", 10, 0.2, 0.0005, null)).toBe(10.01);
    expect(charge("non-commercial", 10, 0.2, null, 0.0005)).toBe(10.01);
    // 10.01 x 1.5 = 15.015 -> 15.02
    expect(charge("commercial", 10.01, 0.5, null, null)).toBe(15.02);
    // 0.5 x 1 x (1 + 0.2 + 0.05) = 0.625 -> 0.63
    expect(charge("commercial", 0.5, 0, 0.2, 0.05)).toBe(0.63);
  });

  it.each(["academic", "non commercial", "charity", "NHS", "12"])(
    "gives #VALUE! for any other use, naming the accepted values: %j",
    (use) => {
      const error = expectExcelError(() => charge(use, 100, 0.2, null, null), "#VALUE!", "use");
      expect(error.message).toContain('"commercial"');
      expect(error.message).toContain('"non-commercial"');
    }
  );

  it.each([1, null, ""])("gives #VALUE! for a use that is not text: %j", (use) => {
    expectExcelError(() => charge(use, 100, 0.2, null, null), "#VALUE!", "use");
  });

  itGivesErrors(
    "gives #NUM! for a negative cost or rate, for either use",
    charge,
    ["commercial", "non-commercial"].flatMap((use) =>
      (
        [
          [[100, 0.2, -0.05, null], "#NUM!", "fixed_rate"],
          [[100, 0.2, null, -0.5], "#NUM!", "capital_rate"],
          [[100, -0.01, null, null], "#NUM!", "overhead_rate"],
          [[-1, 0.2, null, null], "#NUM!", "marginal_cost"],
        ] as ErrorCase[]
      ).map(([args, code, argument]): ErrorCase => [[use, ...args], code, argument])
    )
  );

  it("checks overhead_rate for non-commercial use too, though it does not apply it", () => {
    expectExcelError(
      () => charge("non-commercial", 100, -0.01, null, null),
      "#NUM!",
      "overhead_rate"
    );
  });

  it("ignores arguments beyond the five it declares, and names the first missing required one", () => {
    // 100 x (1 + 0.1 + 0.2) = 130
    expect((charge as ExcelFunction)("non-commercial", 100, 0.5, 0.1, 0.2, 400000, 0.005)).toBe(
      130
    );
    expectExcelError(
      () => (charge as ExcelFunction)("commercial", 100),
      "#VALUE!",
      "overhead_rate"
    );
    expectExcelError(() => (charge as ExcelFunction)("commercial"), "#VALUE!", "marginal_cost");
  });
});

describe("ROYALTY(revenue, rates, [thresholds], [annual_cap], [annual_minimum])", () => {
  it("applies one rate flat", () => {
    // 1,234,567.89 x 5% = 61,728.3945
    expect(royalty([[1234567.89]], [[0.05]], NO_RANGE, null, null)).toEqual([[61728.3945]]);
    // 1.1 x 7% = 0.077 exactly
    expect(royalty([[1.1]], [[0.07]])).toEqual([[0.077]]);
  });

  it("applies tiers incrementally: 10% up to 200M and 12% above gives 32M on 300M", () => {
    // 200M x 10% + 100M x 12% = 20M + 12M = 32M
    expect(royalty([[300e6]], row(0.1, 0.12), row(0, 200e6), null, null)).toEqual([[32e6]]);
    expect(royalty([[300e6]], column(0.1, 0.12), column(0, 200e6), null, null)).toEqual([[32e6]]);
    // three tiers: 1M x 5% + 4M x 10% + 2M x 15% = 50k + 400k + 300k = 750k
    expect(royalty([[7e6]], row(0.05, 0.1, 0.15), row(0, 1e6, 5e6), null, null)).toEqual([
      [750000],
    ]);
  });

  it("applies the cap, then the minimum", () => {
    // 750k capped at 600k
    expect(royalty([[7e6]], row(0.05, 0.1, 0.15), row(0, 1e6, 5e6), 600000, null)).toEqual([
      [600000],
    ]);
    // 1M x 5% = 50k raised to the 100k minimum
    expect(royalty([[1e6]], row(0.05, 0.1, 0.15), row(0, 1e6, 5e6), 600000, 100000)).toEqual([
      [100000],
    ]);
    // no revenue still pays the minimum; a minimum equal to the cap is allowed
    expect(royalty([[0]], [[0.05]], NO_RANGE, 2500, 2500)).toEqual([[2500]]);
  });

  it("spills one royalty per period in the shape of revenue", () => {
    const terms = [row(0.1, 0.12), row(0, 200e6), null, null] as const;
    // 100M -> 10M, 200M -> 20M, 300M -> 32M
    expect(royalty(row(100e6, 200e6, 300e6), ...terms)).toEqual([[10e6, 20e6, 32e6]]);
    expect(royalty(column(100e6, 200e6, 300e6), ...terms)).toEqual([[10e6], [20e6], [32e6]]);
    expect(
      royalty(
        [
          [100e6, 200e6],
          [300e6, 0],
        ],
        ...terms
      )
    ).toEqual([
      [10e6, 20e6],
      [32e6, 0],
    ]);
    // blank revenue cells are periods of no revenue: the minimum applies
    expect(royalty(row(1000, "", null), [[0.1]], NO_RANGE, null, 50)).toEqual([[100, 50, 50]]);
  });

  itGivesErrors("gives #VALUE! for several rates without matching thresholds", royalty, [
    [[[[100]], row(0.1, 0.12), NO_RANGE, null, null], "#VALUE!", "thresholds"],
    [[[[100]], row(0.1, 0.12), row(0), null, null], "#VALUE!", "thresholds"],
    [[[[100]], row(0.1, 0.12), row(0, 50, 100), null, null], "#VALUE!", "thresholds"],
    [[[[100]], row(0.1, 0.12), row(10, 50), null, null], "#VALUE!", "thresholds"],
    [[[[100]], row(0.1, 0.12, 0.15), row(0, 50, 50), null, null], "#VALUE!", "thresholds"],
    [[[[100]], row(0.1, 0.12, 0.15), row(0, 80, 50), null, null], "#VALUE!", "thresholds"],
    [[[[100]], row(0.1, 0.12), row(0, ""), null, null], "#VALUE!", "thresholds"],
  ]);

  it("gives #NUM! when the minimum is above the cap", () => {
    const error = expectExcelError(
      () => royalty([[100]], [[0.1]], NO_RANGE, 10, 20),
      "#NUM!",
      "annual_minimum"
    );
    expect(error.message).toContain("annual_cap");
  });

  itGivesErrors("gives #NUM! for a negative revenue, naming the period in a spill", royalty, [
    [[[[-1]], [[0.1]], NO_RANGE, null, null], "#NUM!", "revenue"],
    [[row(10, -1, 30), [[0.1]], NO_RANGE, null, null], "#NUM!", "revenue (value 2)"],
  ]);

  itGivesErrors("gives errors for bad rates, caps and shapes", royalty, [
    [[[[100]], [[1.5]], NO_RANGE, null, null], "#NUM!", "rates"],
    [[[[100]], [[-0.1]], NO_RANGE, null, null], "#NUM!", "rates"],
    [[[[100]], row(0.1, ""), row(0, 50), null, null], "#VALUE!", "rates"],
    [[[[100]], NO_RANGE, NO_RANGE, null, null], "#VALUE!", "rates"],
    [[[[100]], [[0.1]], NO_RANGE, -1, null], "#NUM!", "annual_cap"],
    [[[[100]], [[0.1]], NO_RANGE, null, -1], "#NUM!", "annual_minimum"],
    [[[[1, 2], [3]], [[0.1]], NO_RANGE, null, null], "#VALUE!", "revenue"],
    [[[["abc"]], [[0.1]], NO_RANGE, null, null], "#VALUE!", "revenue"],
  ]);
});

describe("ROYALTYVALUE(revenues, rates, discount_rate, [thresholds], [probability])", () => {
  it("sums ROYALTY(revenue_t) x probability / (1 + discount_rate)^t over t = 1..n", () => {
    // royalties 100, 200, 300: (100/1.1 + 200/1.21 + 300/1.331) x 0.5 = (121 + 220 + 300)/1.331 x 0.5 = 320.5/1.331
    expectRelativelyClose(
      royaltyvalue(row(1000, 2000, 3000), [[0.1]], 0.1, NO_RANGE, 0.5),
      320.5 / 1.331
    );
    expectRelativelyClose(
      royaltyvalue(column(1000, 2000, 3000), [[0.1]], 0.1, NO_RANGE, 0.5),
      320.5 / 1.331
    );
  });

  it("defaults the probability to 1", () => {
    // 100/1.1 + 200/1.21 + 300/1.331 = 641/1.331
    expectRelativelyClose(
      royaltyvalue(row(1000, 2000, 3000), [[0.1]], 0.1, NO_RANGE, null),
      641 / 1.331
    );
    expectRelativelyClose(royaltyvalue(row(1000, 2000, 3000), [[0.1]], 0.1), 641 / 1.331);
  });

  it("with a rate of 1 is Excel's NPV: NPV(10%, -10000, 3000, 4200, 6800) = 1188.44", () => {
    // Revenues must be non-negative: value 0, 3000, 4200, 6800 and take off the year-1 cost 10000/1.1 by hand.
    const positive = royaltyvalue(row(0, 3000, 4200, 6800), [[1]], 0.1, NO_RANGE, null);
    expect(Math.round((positive - 10000 / 1.1) * 100) / 100).toBe(1188.44);
  });

  it("applies tiers each year", () => {
    // 300M -> 32M, 100M -> 10M: 32M/1.05 + 10M/1.05^2
    expectRelativelyClose(
      royaltyvalue(row(300e6, 100e6), row(0.1, 0.12), 0.05, row(0, 200e6), null),
      32e6 / 1.05 + 10e6 / 1.1025
    );
  });

  itGivesErrors("gives errors naming the argument", royaltyvalue, [
    [[row(1, 2), [[0.1]], 0.1, NO_RANGE, 1.5], "#NUM!", "probability"],
    [[row(1, -2), [[0.1]], 0.1, NO_RANGE, null], "#NUM!", "revenues (value 2)"],
    [[row(1, 2), [[0.1]], -1, NO_RANGE, null], "#NUM!", "discount_rate"],
    [[row(1, 2), row(0.1, 0.2), 0.1, NO_RANGE, null], "#VALUE!", "thresholds"],
    [[row(1, 2), [[0.1]], "abc", NO_RANGE, null], "#VALUE!", "discount_rate"],
    [[row(1, 2), [[0.1]], null, NO_RANGE, null], "#VALUE!", "discount_rate"],
  ]);
});

describe("MILESTONEVALUE(amounts, periods, probabilities, discount_rate)", () => {
  it("matches Excel's NPV example: NPV(10%, -10000, 3000, 4200, 6800) = 1188.44", () => {
    // 3000/1.1^2 + 4200/1.1^3 + 6800/1.1^4, less the year-1 cost 10000/1.1 taken off by hand
    const returns = milestonevalue(row(3000, 4200, 6800), row(2, 3, 4), row(1, 1, 1), 0.1);
    expectRelativelyClose(returns, 3000 / 1.21 + 4200 / 1.331 + 6800 / 1.4641);
    expect(Math.round((returns - 10000 / 1.1) * 100) / 100).toBe(1188.44);
  });

  it("weights by each probability and allows fractions of years", () => {
    // 1000 x 0.8 / 1.05^0.5 + 500 x 0.25 / 1.05^0 = 800/sqrt(1.05) + 125
    expectRelativelyClose(
      milestonevalue(column(1000, 500), column(0.5, 0), column(0.8, 0.25), 0.05),
      800 / Math.sqrt(1.05) + 125
    );
    // a single milestone in single cells: 1000 x 0.5 / 1.1 = 454.5454...
    expectRelativelyClose(milestonevalue([[1000]], [[1]], [[0.5]], 0.1), 500 / 1.1);
  });

  it("values a worthless milestone at 0 even when its discount factor overflows", () => {
    // 0 at year 1e20 (0.5^-(1e20) overflows) + 100 at year 1 at -50%: 100 / 0.5 = 200
    expect(milestonevalue(row(0, 100), row(1e20, 1), row(1, 1), -0.5)).toBe(200);
  });

  itGivesErrors("gives #NUM! for a probability outside 0..1", milestonevalue, [
    [[row(1, 2), row(1, 2), row(1, 1.2), 0.1], "#NUM!", "probabilities (value 2)"],
    [[row(1), row(1), row(-0.1), 0.1], "#NUM!", "probabilities (value 1)"],
  ]);

  itGivesErrors("gives #VALUE! for lists of different sizes", milestonevalue, [
    [[row(1, 2), row(1), row(1, 1), 0.1], "#VALUE!", "periods"],
    [[row(1, 2), row(1, 2), row(1), 0.1], "#VALUE!", "probabilities"],
  ]);

  itGivesErrors(
    "gives errors for negative amounts or periods, blank periods and a bad discount rate",
    milestonevalue,
    [
      [[row(-1), row(1), row(1), 0.1], "#NUM!", "amounts (value 1)"],
      [[row(1), row(-1), row(1), 0.1], "#NUM!", "periods (value 1)"],
      [[row(1, 2), row(1, ""), row(1, 1), 0.1], "#VALUE!", "periods"],
      [[row(1), row(1), row(1), -1.5], "#NUM!", "discount_rate"],
    ]
  );
});

describe("BREAKEVENROYALTY(revenues, discount_rate, milestone_amounts, milestone_periods, milestone_probabilities, [revenue_probability])", () => {
  it("is the flat rate whose ROYALTYVALUE equals the MILESTONEVALUE", () => {
    // revenues PV = 1M/1.1 + 1M/1.21 = 1M x 2.1/1.21; milestones PV = 100k x 0.5 / 1.1
    // rate = (50k/1.1) / (2.1M/1.21) = 55k/2.1M = 11/420
    expectRelativelyClose(
      breakevenroyalty(row(1e6, 1e6), 0.1, [[100000]], [[1]], [[0.5]], null),
      11 / 420,
      1e-15
    );
    // at 0%: 100k / 2M = 5%; with revenue_probability 40%: 100k / 800k = 12.5%
    expect(breakevenroyalty(row(1e6, 1e6), 0, [[100000]], [[0]], [[1]], null)).toBe(0.05);
    expect(breakevenroyalty(row(1e6, 1e6), 0, [[100000]], [[0]], [[1]], 0.4)).toBe(0.125);
  });

  itGivesErrors("gives #DIV/0! when the revenues' present value is 0", breakevenroyalty, [
    [[row(0, 0), 0.1, [[1000]], [[1]], [[1]], null], "#DIV/0!", "revenues"],
    [[row(0, ""), 0.1, [[1000]], [[1]], [[1]], null], "#DIV/0!", "revenues"],
    [[row(1e6), 0.1, [[1000]], [[1]], [[1]], 0], "#DIV/0!", "revenue_probability"],
  ]);

  itGivesErrors("gives errors naming the milestone arguments", breakevenroyalty, [
    [[row(1e6), 0.1, row(1, 2), row(1), row(1, 1), null], "#VALUE!", "milestone_periods"],
    [[row(1e6), 0.1, row(1), row(1), row(1.5), null], "#NUM!", "milestone_probabilities (value 1)"],
    [[row(1e6), 0.1, row(-5), row(1), row(1), null], "#NUM!", "milestone_amounts (value 1)"],
    [[row(1e6), 0.1, row(1), row(1), row(1), 1.5], "#NUM!", "revenue_probability"],
    [[row(1e6, -1), 0.1, row(1), row(1), row(1), null], "#NUM!", "revenues (value 2)"],
    [[row(1e6), -1, row(1), row(1), row(1), null], "#NUM!", "discount_rate"],
  ]);

  it("fed into ROYALTYVALUE (flat, same revenues, discount rate and probability) equals MILESTONEVALUE", () => {
    const decimals = (max: number, places: number) =>
      fc.integer({ min: 0, max: max * 10 ** places }).map((units) => units / 10 ** places);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 10000, max: 1e9 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: -300, max: 2000 }).map((bp) => bp / 10000), // -3% .. 20%
        fc.array(fc.tuple(decimals(500, 2), decimals(10, 3), decimals(1, 2)), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 50, max: 100 }).map((percent) => percent / 100),
        (revenues, rate, milestones, revenueProbability) => {
          const amounts = row(...milestones.map((m) => m[0]));
          const periods = row(...milestones.map((m) => m[1]));
          const probabilities = row(...milestones.map((m) => m[2]));
          const breakeven = breakevenroyalty(
            row(...revenues),
            rate,
            amounts,
            periods,
            probabilities,
            revenueProbability
          );
          fc.pre(breakeven <= 1);
          const target = milestonevalue(amounts, periods, probabilities, rate);
          const asRoyalty = royaltyvalue(
            row(...revenues),
            [[breakeven]],
            rate,
            NO_RANGE,
            revenueProbability
          );
          expect(Math.abs(asRoyalty - target)).toBeLessThanOrEqual(
            1e-9 * Math.abs(target) + 1e-300
          );
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("SUBSCRIPTIONVALUE(annual_fee, years, discount_rate, [indexation], [in_advance])", () => {
  it.each([
    [[1000, 3, 0.1, null, null]],
    [[1000, 3, 0.1]],
    [[1000, 3, 0.1, null, true]],
    [[1000, 3, 0.1, null, 1]],
  ])("pays in advance by default: payment k at year k (%j)", (args: unknown[]) => {
    // 1000 + 1000/1.1 + 1000/1.21
    const expected = 1000 + 1000 / 1.1 + 1000 / 1.21;
    expectRelativelyClose((subscriptionvalue as ExcelFunction)(...args) as number, expected);
  });

  it("pays in arrears when in_advance is FALSE: payment k at year k + 1", () => {
    // 1000/1.1 + 1000/1.21 + 1000/1.331
    expectRelativelyClose(
      subscriptionvalue(1000, 3, 0.1, null, false),
      1000 / 1.1 + 1000 / 1.21 + 1000 / 1.331
    );
    expectRelativelyClose(
      subscriptionvalue(1000, 3, 0.1, 0, 0),
      1000 / 1.1 + 1000 / 1.21 + 1000 / 1.331
    );
  });

  it("indexes the fee: payment k is fee x (1 + indexation)^k", () => {
    // 1000 + 1020/1.1 + 1040.4/1.21
    expectRelativelyClose(
      subscriptionvalue(1000, 3, 0.1, 0.02, null),
      1000 + 1020 / 1.1 + 1040.4 / 1.21
    );
    // indexation equal to the discount rate in advance: every payment is worth the fee today
    expectRelativelyClose(subscriptionvalue(1234.56, 25, 0.05, 0.05, true), 1234.56 * 25, 1e-15);
  });

  it("matches Excel's published PV example: PV(8%/12, 12 x 20, 500) = -59,777.15", () => {
    expect(Math.round(subscriptionvalue(500, 240, 0.08 / 12, 0, false) * 100) / 100).toBe(59777.15);
  });

  it.each([0, 2.5, -1, 0.999])(
    "gives #NUM! unless years is a whole number of at least 1: %p years",
    (years) => {
      expectExcelError(() => subscriptionvalue(1000, years, 0.1, null, null), "#NUM!", "years");
    }
  );

  it("takes a single year, the least whole number", () => {
    expect(subscriptionvalue(1000, 1, 0.1, null, null)).toBe(1000);
  });

  itGivesErrors("gives errors naming other bad arguments", subscriptionvalue, [
    [[-1, 3, 0.1, null, null], "#NUM!", "annual_fee"],
    [[1000, 3, -1, null, null], "#NUM!", "discount_rate"],
    [[1000, 3, 0.1, -1, null], "#NUM!", "indexation"],
    [[1000, "three", 0.1, null, null], "#VALUE!", "years"],
    [[1000, 3, 0.1, null, "yes"], "#VALUE!", "in_advance"],
    [[1000, 3, 0.1, null, 2], "#VALUE!", "in_advance"],
  ]);
});

describe("GREENBOOKDF(year)", () => {
  it("follows the Green Book declining schedule, band by band", () => {
    expect(greenbookdf(0)).toBe(1);
    expectRelativelyClose(greenbookdf(30), 1 / 1.035 ** 30);
    expectRelativelyClose(greenbookdf(40), 1 / (1.035 ** 30 * 1.03 ** 10));
    expectRelativelyClose(greenbookdf(100), 1 / (1.035 ** 30 * 1.03 ** 45 * 1.025 ** 25));
    expectRelativelyClose(greenbookdf([[40]]), 1 / (1.035 ** 30 * 1.03 ** 10));
  });

  it("allows fractional years", () => {
    expectRelativelyClose(greenbookdf(2.5), 1 / 1.035 ** 2.5);
    expectRelativelyClose(greenbookdf(30.5), 1 / (1.035 ** 30 * 1.03 ** 0.5));
  });

  itGivesErrors("gives #NUM! for a negative year and #VALUE! for text", greenbookdf, [
    [[-1], "#NUM!", "year"],
    [[-0.001], "#NUM!", "year"],
    [["ten"], "#VALUE!", "year"],
    [[null], "#VALUE!", "year"],
  ]);
});

describe("VERSION()", () => {
  it("is the add-in's version from package.json", () => {
    const packageJson = JSON.parse(
      readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")
    ) as { version: string };
    expect(version()).toBe(packageJson.version);
    expect(version()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

// ---------- robustness ----------

/** FULLCOST's parameters, which CHARGE takes after its use. */
const COST_PARAMETERS = ["marginal_cost", "overhead_rate", "fixed_rate", "capital_rate"] as const;

const FUNCTIONS: readonly { name: string; fn: ExcelFunction; parameters: readonly string[] }[] = [
  {
    name: "MARGINALCOST",
    fn: marginalcost as ExcelFunction,
    parameters: ["quantities", "unit_costs", "on_cost_rate"],
  },
  { name: "FULLCOST", fn: fullcost as ExcelFunction, parameters: COST_PARAMETERS },
  { name: "CHARGE", fn: charge as ExcelFunction, parameters: ["use", ...COST_PARAMETERS] },
  {
    name: "ROYALTY",
    fn: royalty as ExcelFunction,
    parameters: ["revenue", "rates", "thresholds", "annual_cap", "annual_minimum"],
  },
  {
    name: "ROYALTYVALUE",
    fn: royaltyvalue as ExcelFunction,
    parameters: ["revenues", "rates", "discount_rate", "thresholds", "probability"],
  },
  {
    name: "MILESTONEVALUE",
    fn: milestonevalue as ExcelFunction,
    parameters: ["amounts", "periods", "probabilities", "discount_rate"],
  },
  {
    name: "BREAKEVENROYALTY",
    fn: breakevenroyalty as ExcelFunction,
    parameters: [
      "revenues",
      "discount_rate",
      "milestone_amounts",
      "milestone_periods",
      "milestone_probabilities",
      "revenue_probability",
    ],
  },
  {
    name: "SUBSCRIPTIONVALUE",
    fn: subscriptionvalue as ExcelFunction,
    parameters: ["annual_fee", "years", "discount_rate", "indexation", "in_advance"],
  },
  { name: "GREENBOOKDF", fn: greenbookdf as ExcelFunction, parameters: ["year"] },
  { name: "VERSION", fn: version as ExcelFunction, parameters: [] },
];

const EXCEL_CODES = ["#VALUE!", "#NUM!", "#DIV/0!"];

const number = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    2,
    1000,
    1e308,
    -1e308,
    5e-324,
    -5e-324,
    1e-300,
    1e300,
    1e20,
    9007199254740994,
    0.035,
    2.675,
    0.1,
    0.3
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: 0, max: 1e6 }).map((units) => units / 1000)
);
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: number },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "",
      "abc",
      "12",
      "commercial",
      "Non-Commercial",
      "noncommercial",
      " ",
      "TRUE",
      "#N/A"
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) }
);
/** Ranges of random shapes, including empty rows and jagged rows. */
const range = fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 });
const argument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: cell },
  { weight: 2, arbitrary: range }
);

/** Mostly well-formed numbers and ranges, so that calls get past the argument checks into the arithmetic. */
const numericCell = fc.oneof(
  { weight: 5, arbitrary: number },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "") }
);
const numericArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: number },
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 3,
    arbitrary: fc.array(numericCell, { minLength: 1, maxLength: 5 }).map((values) => [values]),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(numericCell, { minLength: 1, maxLength: 5 })
      .map((values) => values.map((v) => [v])),
  }
);

// Arguments of the right kinds and shapes, valid but drawn towards the extremes.
const extremes = fc.constantFrom(0, 5e-324, 1e-300, 1e-9, 1e15, 1e20, 1e300, 1e308);
const nonNegative = fc.oneof(
  extremes,
  fc.double({ min: 0, max: 1e308, noNaN: true }),
  fc.integer({ min: 0, max: 1e11 }).map((pence) => pence / 100)
);
const fraction = fc.oneof(
  fc.constantFrom(0, 1, 5e-324, 0.5, 0.999999999999),
  fc.double({ min: 0, max: 1, noNaN: true })
);
const aboveMinusOne = fc.oneof(
  fc.constantFrom(0, -0.9999999999999999, -0.5, 5e-324, 0.035, 1e308),
  fc.double({ min: -0.9999999999999999, max: 1e308, noNaN: true })
);
const orOmitted = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
const rowOf = <T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T[][]> =>
  fc.array(arb, { minLength: n, maxLength: n }).map((values) => [values]);
const columnOf = <T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T[][]> =>
  fc.array(arb, { minLength: n, maxLength: n }).map((values) => values.map((value) => [value]));
const listOf = <T>(arb: fc.Arbitrary<T>, n: number) => fc.oneof(rowOf(arb, n), columnOf(arb, n));
const size = fc.integer({ min: 1, max: 5 });
/** Tier terms: n rates, and for n > 1, n strictly ascending thresholds starting at 0. */
const tiers = size.chain((n) =>
  fc.tuple(
    listOf(fraction, n),
    n === 1
      ? fc.constant(null)
      : fc
          .array(
            fc.oneof(
              fc.integer({ min: 1, max: 1e9 }),
              fc.double({ min: 1, max: 1e300, noNaN: true })
            ),
            {
              minLength: n - 1,
              maxLength: n - 1,
            }
          )
          .map((gaps) => [
            gaps.reduce<number[]>(
              (bounds, gap) => [...bounds, (bounds[bounds.length - 1] as number) + gap],
              [0]
            ),
          ])
  )
);
/** Recovery rates are not limited to 1: any non-negative number, mostly plausible ones. */
const recoveryRate = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 3000 }).map((units) => units / 1000) },
  { weight: 1, arbitrary: nonNegative }
);
const chargeNumbers = fc.tuple(
  nonNegative,
  nonNegative,
  orOmitted(recoveryRate),
  orOmitted(recoveryRate)
);
const PLAUSIBLE: Record<string, fc.Arbitrary<unknown[]>> = {
  MARGINALCOST: size.chain((n) =>
    fc.tuple(listOf(nonNegative, n), listOf(nonNegative, n), orOmitted(nonNegative))
  ),
  FULLCOST: chargeNumbers,
  CHARGE: fc
    .tuple(fc.constantFrom("commercial", "Non-Commercial", "noncommercial"), chargeNumbers)
    .map(([use, rest]) => [use, ...rest]),
  ROYALTY: fc
    .tuple(
      fc.integer({ min: 1, max: 3 }).chain((rows) =>
        fc.array(fc.array(nonNegative, { minLength: 2, maxLength: 2 }), {
          minLength: rows,
          maxLength: rows,
        })
      ),
      tiers,
      orOmitted(fc.tuple(nonNegative, fc.double({ min: 0, max: 1, noNaN: true })))
    )
    .map(([revenue, [rates, thresholds], capAndMinimum]) => [
      revenue,
      rates,
      thresholds,
      capAndMinimum === null ? null : capAndMinimum[0],
      capAndMinimum === null ? null : capAndMinimum[0] * capAndMinimum[1], // a minimum no higher than the cap
    ]),
  ROYALTYVALUE: fc
    .tuple(
      size.chain((n) => listOf(nonNegative, n)),
      tiers,
      aboveMinusOne,
      orOmitted(fraction)
    )
    .map(([revenues, [rates, thresholds], rate, probability]) => [
      revenues,
      rates,
      rate,
      thresholds,
      probability,
    ]),
  MILESTONEVALUE: size.chain((n) =>
    fc.tuple(listOf(nonNegative, n), listOf(nonNegative, n), listOf(fraction, n), aboveMinusOne)
  ),
  BREAKEVENROYALTY: fc
    .tuple(
      size.chain((n) => listOf(nonNegative, n)),
      aboveMinusOne,
      size.chain((n) =>
        fc.tuple(listOf(nonNegative, n), listOf(nonNegative, n), listOf(fraction, n))
      ),
      orOmitted(fraction)
    )
    .map(([revenues, rate, [amounts, periods, probabilities], probability]) => [
      revenues,
      rate,
      amounts,
      periods,
      probabilities,
      probability,
    ]),
  SUBSCRIPTIONVALUE: fc.tuple(
    nonNegative,
    fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(1, 1000)),
    aboveMinusOne,
    orOmitted(aboveMinusOne),
    orOmitted(fc.boolean())
  ),
  GREENBOOKDF: fc.tuple(nonNegative),
};

/** Checks one call; returns true when it gave a result rather than an error. */
function checkOutcome(
  parameters: readonly string[],
  call: () => unknown,
  args: unknown[]
): boolean {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    const { code, message } = error as ExcelErrorLike;
    expect(EXCEL_CODES).toContain(code);
    expect(typeof message).toBe("string");
    expect(message.length).toBeGreaterThan(0);
    // Every failure is a reported input problem naming an argument (or the result), never an internal crash.
    expect(message.startsWith("Could not calculate")).toBe(false);
    const named = [...parameters, "result"].some(
      (name) => message.startsWith(`${name}: `) || message.startsWith(`${name} (value `)
    );
    if (!named) throw new Error(`message names no argument: ${message}`);
    return false;
  }
  if (typeof result === "number") {
    expect(Number.isFinite(result)).toBe(true);
  } else if (typeof result === "string") {
    expect(result.length).toBeGreaterThan(0);
  } else {
    expect(Array.isArray(result)).toBe(true);
    for (const resultRow of result as unknown[]) {
      expect(Array.isArray(resultRow)).toBe(true);
      for (const value of resultRow as unknown[]) {
        expect(typeof value).toBe("number");
        expect(Number.isFinite(value)).toBe(true);
      }
    }
    // ROYALTY spills in the shape of its revenue range
    const revenue = args[0];
    if (Array.isArray(revenue)) {
      expect((result as unknown[][]).map((r) => r.length)).toEqual(
        (revenue as unknown[][]).map((r) => (r as unknown[]).length)
      );
    }
  }
  return true;
}

describe("robustness: any Excel-shaped arguments give a finite result or an Excel error naming an argument", () => {
  const ARGUMENT_KINDS = [
    { kind: "anything a cell or range can hold", arbitrary: argument },
    { kind: "numbers and ranges of numbers", arbitrary: numericArgument },
  ];
  it.each(ARGUMENT_KINDS.flatMap((kind) => FUNCTIONS.map((f) => ({ ...f, ...kind }))))(
    "$name, with $kind",
    ({ fn, parameters, arbitrary }) => {
      fc.assert(
        fc.property(
          fc.array(arbitrary, { minLength: parameters.length, maxLength: parameters.length }),
          (args) => {
            checkOutcome(parameters, () => fn(...args), args);
          }
        ),
        { numRuns: 400 }
      );
    }
  );

  it.each(Object.keys(PLAUSIBLE))(
    "%s, with arguments that pass the checks but reach the extremes (1e308, 5e-324, rates near -1)",
    (name) => {
      const { fn, parameters } = FUNCTIONS.find(
        (f) => f.name === name
      ) as (typeof FUNCTIONS)[number];
      let results = 0;
      fc.assert(
        fc.property(PLAUSIBLE[name] as fc.Arbitrary<unknown[]>, (args) => {
          expect(args).toHaveLength(parameters.length);
          if (checkOutcome(parameters, () => fn(...args), args)) results++;
        }),
        { numRuns: 300 }
      );
      // Not vacuous: most of these calls get through to a result.
      expect(results).toBeGreaterThan(100);
    }
  );

  it.each(["commercial", "non-commercial"])("CHARGE(%j, ...) with numbers", (use) => {
    const parameters = FUNCTIONS.find((f) => f.name === "CHARGE")?.parameters ?? [];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(number, fc.constant(null)), {
          minLength: COST_PARAMETERS.length,
          maxLength: COST_PARAMETERS.length,
        }),
        (numbers) => {
          const args = [use, ...numbers];
          checkOutcome(parameters, () => charge(...(args as Parameters<typeof charge>)), args);
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("ragged ranges", () => {
  it("are refused with #VALUE! rather than silently trimmed", () => {
    // Excel never passes a ragged range; a caller that does has made a mistake we should show.
    const caught = excelError(() =>
      marginalcost([[1], [2, 3]], [[1], [1]], null as unknown as undefined)
    );
    expect(caught.code).toBe("#VALUE!");
    expect(caught.message).toMatch(/^quantities: must be a rectangular range/);
  });
});
