/**
 * Tests the artifact Excel loads: dist/functions.js and dist/functions.json, built by `npm run build`.
 * Every function declared in the metadata must be registered, and answer calls shaped as Excel makes
 * them: numbers, null for omitted arguments, 2-D arrays for ranges.
 */
import fc from "fast-check";
import fs from "fs";
import path from "path";
import {
  loadFunctionsBundle,
  runFunctionsBundleWithoutRuntime,
  type FunctionMetadata,
  type RegisteredFunction,
} from "../support/functionsBundle.cjs";

const { registered, metadata } = loadFunctionsBundle();
const byId = new Map(metadata.functions.map((f) => [f.id, f]));

function call(id: string, ...args: unknown[]): unknown {
  const fn = registered.get(id) as RegisteredFunction;
  return fn(...args);
}

function errorOf(id: string, ...args: unknown[]): { code: string; message: string } {
  try {
    call(id, ...args);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error(`${id} did not fail`);
}

const CONTRACT: Record<string, string[]> = {
  MARGINALCOST: ["quantities", "unit_costs", "on_cost_rate"],
  FULLCOST: ["marginal_cost", "overhead_rate", "fixed_rate", "capital_rate"],
  CHARGE: ["use", "marginal_cost", "overhead_rate", "fixed_rate", "capital_rate"],
  ROYALTY: ["revenue", "rates", "thresholds", "annual_cap", "annual_minimum"],
  ROYALTYVALUE: ["revenues", "rates", "discount_rate", "thresholds", "probability"],
  MILESTONEVALUE: ["amounts", "periods", "probabilities", "discount_rate"],
  BREAKEVENROYALTY: [
    "revenues",
    "discount_rate",
    "milestone_amounts",
    "milestone_periods",
    "milestone_probabilities",
    "revenue_probability",
  ],
  SUBSCRIPTIONVALUE: ["annual_fee", "years", "discount_rate", "indexation", "in_advance"],
  GREENBOOKDF: ["year"],
  VERSION: [],
};

describe("functions.json", () => {
  it("declares exactly the ten NHSDP functions with the documented parameters", () => {
    expect([...byId.keys()].sort()).toEqual(Object.keys(CONTRACT).sort());
    for (const [id, parameters] of Object.entries(CONTRACT)) {
      expect((byId.get(id) as FunctionMetadata).parameters.map((p) => p.name)).toEqual(parameters);
    }
  });

  it("describes every function and parameter", () => {
    for (const f of metadata.functions) {
      expect(f.description?.length ?? 0).toBeGreaterThan(20);
      for (const p of f.parameters) expect(p.description?.length ?? 0).toBeGreaterThan(10);
    }
  });

  it("registers every declared function with CustomFunctions.associate", () => {
    for (const f of metadata.functions) expect(typeof registered.get(f.id)).toBe("function");
    expect(registered.size).toBe(metadata.functions.length);
  });
});

describe("functions.js without Excel's custom functions runtime", () => {
  it("loads without error and registers nothing, as in a plain browser (no CustomFunctions global)", () => {
    expect(runFunctionsBundleWithoutRuntime()).toEqual([]);
  });
});

/**
 * Data types (entity values, formatted numbers) in the cells a function is given. functions.json sets
 * allowCustomDataForDataTypeAny to false (why: webpack.config.js), so Excel gives the functions a data
 * type's basicValue, "the value that would be returned by the values property", rather than the data
 * type itself. The cell values below are shaped as Microsoft documents them (Excel.FormattedNumberCellValue,
 * Excel.EntityCellValue).
 */
describe("data types in the arguments", () => {
  const formattedRate = {
    type: "FormattedNumber",
    basicValue: 0.2,
    basicType: "Double",
    numberFormat: "0%",
  };
  const formattedCost = {
    type: "FormattedNumber",
    basicValue: 1431,
    basicType: "Double",
    numberFormat: "£#,##0",
  };
  const entity = {
    type: "Entity",
    text: "Northvale Teaching Hospitals",
    properties: { "Overhead rate": { type: "Double", basicValue: 0.2 } },
    basicType: "Error",
    basicValue: "#VALUE!",
  };
  /** What Excel passes for a cell with the flag off: a data type's basicValue, any other value as it is. */
  const asExcelPasses = (cell: unknown): unknown =>
    typeof cell === "object" && cell !== null && "basicValue" in cell
      ? (cell as { basicValue: unknown }).basicValue
      : cell;

  it("functions.json does not ask Excel for data types, on parameters that all accept any value", () => {
    expect(metadata.allowCustomDataForDataTypeAny).toBe(false);
    expect(metadata.allowErrorForDataTypeAny ?? false).toBe(false);
    // Every parameter is "any": the flag, were it true, would apply to each of them.
    for (const f of metadata.functions) for (const p of f.parameters) expect(p.type).toBe("any");
  });

  it("a formatted number, given as its basic value, calculates as the plain number", () => {
    expect(call("FULLCOST", 8491.25, asExcelPasses(formattedRate), 0.05, 0.02)).toBe(
      call("FULLCOST", 8491.25, 0.2, 0.05, 0.02)
    );
    // In a range, cell by cell: (10 x 250 + 3 x 1431) x 1.25 = 8491.25
    const costs = [[250], [formattedCost]].map((row) => row.map(asExcelPasses));
    expect(call("MARGINALCOST", [[10, 3]], costs, 0.25)).toBe(8491.25);
  });

  it("an entity's basic value is an error, which Excel returns without calling the function; text is refused by name", () => {
    expect(asExcelPasses(entity)).toBe("#VALUE!");
    // A data type whose basic value is text reaches the function as that text.
    const error = errorOf("FULLCOST", 8491.25, "Northvale Teaching Hospitals", null, null);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      'overhead_rate: expects a number, got text "Northvale Teaching Hospitals"'
    );
  });

  it("the data type itself, which Excel would pass were the flag true, is refused with #VALUE!", () => {
    // Why the flag is off: the arguments are coerced to numbers, text and TRUE/FALSE only.
    for (const value of [formattedRate, entity]) {
      const error = errorOf("FULLCOST", 8491.25, value, null, null);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(/^overhead_rate: expects a number, got an unsupported value/);
    }
  });
});

describe("calls shaped as Excel makes them", () => {
  it("MARGINALCOST: a row of quantities against a column of costs", () => {
    // (10 x 250 + 3 x 1431) x 1.25 = (2500 + 4293) x 1.25 = 8491.25
    expect(call("MARGINALCOST", [[10, 3]], [[250], [1431]], 0.25)).toBe(8491.25);
    expect(call("MARGINALCOST", [[10]], [[250]], null)).toBe(2500);
  });

  it("FULLCOST is exact decimal arithmetic", () => {
    // 0.07 x 1.1 = 0.077
    expect(call("FULLCOST", 0.07, 0.1, null, null)).toBe(0.077);
    // 8491.25 x 1.2 x (1 + 0.05 + 0.02) = 10189.5 x 1.07 = 10902.765 (doubles give 10902.765000000001)
    expect(call("FULLCOST", 8491.25, 0.2, 0.05, 0.02)).toBe(10902.765);
    // a recovery rate above 1: 100 x 1.5 x (1 + 1.5 + 0) = 375
    expect(call("FULLCOST", 100, 0.5, 1.5, null)).toBe(375);
    const error = errorOf("FULLCOST", 100, 0.5, null, -0.02);
    expect(error.code).toBe("#NUM!");
    expect(error.message).toMatch(/^capital_rate: /);
  });

  it("CHARGE prices commercial use at full cost and non-commercial at marginal cost", () => {
    // commercial: 1000.005 x 1.2 = 1200.006 -> 1200.01; non-commercial: 1000.005 -> 1000.01 (half away from zero)
    expect(call("CHARGE", "Commercial", 1000.005, 0.2, null, null)).toBe(1200.01);
    expect(call("CHARGE", "noncommercial", 1000.005, 0.2, null, null)).toBe(1000.01);
    // commercial: 8491.25 x 1.2 x 1.07 = 10902.765 -> 10902.77; non-commercial: 8491.25 x 1.07 = 9085.6375 -> 9085.64
    expect(call("CHARGE", "commercial", 8491.25, 0.2, 0.05, 0.02)).toBe(10902.77);
    expect(call("CHARGE", "non-commercial", 8491.25, 0.2, 0.05, 0.02)).toBe(9085.64);
    const error = errorOf("CHARGE", "academic", 1000, 0.2, null, null);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/commercial.*non-commercial/);
    const negative = errorOf("CHARGE", "non-commercial", 1000, 0.2, -0.05, null);
    expect(negative.code).toBe("#NUM!");
    expect(negative.message).toMatch(/^fixed_rate: /);
  });

  it("ROYALTY spills one royalty per period in the revenue's shape", () => {
    // 10% to 200M, 12% above: 300M -> 20M + 12M = 32M; 150M -> 15M; 0 -> 0
    expect(
      call("ROYALTY", [[300e6, 150e6, 0]], [[0.1], [0.12]], [[0], [200e6]], null, null)
    ).toEqual([[32e6, 15e6, 0]]);
    expect(call("ROYALTY", [[300e6], [150e6]], [[0.1, 0.12]], [[0, 200e6]], null, null)).toEqual([
      [32e6],
      [15e6],
    ]);
  });

  it("ROYALTYVALUE, MILESTONEVALUE and BREAKEVENROYALTY agree", () => {
    // 5% of 1,000,000 a year for two years at 10%: 50000/1.1 + 50000/1.21 = 45454.5454... + 41322.3140... = 86776.8595...
    expect(call("ROYALTYVALUE", [[1e6], [1e6]], [[0.05]], 0.1, null, null)).toBeCloseTo(
      86776.85950413223,
      8
    );
    // 121000 x 0.5 at year 2 and 10%: 60500 / 1.21 = 50000
    expect(call("MILESTONEVALUE", [[121000]], [[2]], [[0.5]], 0.1)).toBeCloseTo(50000, 9);
    const rate = call(
      "BREAKEVENROYALTY",
      [[1e6], [1e6]],
      0.1,
      [[121000]],
      [[2]],
      [[0.5]],
      null
    ) as number;
    // 50000 / (1e6/1.1 + 1e6/1.21) = 50000 / 1735537.19... = 0.0288095...
    expect(rate).toBeCloseTo(50000 / (1e6 / 1.1 + 1e6 / 1.21), 12);
    expect(call("ROYALTYVALUE", [[1e6], [1e6]], [[rate]], 0.1, null, null)).toBeCloseTo(50000, 6);
  });

  it("SUBSCRIPTIONVALUE and GREENBOOKDF", () => {
    // 1000 in advance for 3 years at 10%: 1000 + 1000/1.1 + 1000/1.21 = 2735.537190...
    expect(call("SUBSCRIPTIONVALUE", 1000, 3, 0.1, null, null)).toBeCloseTo(2735.5371900826, 9);
    expect(call("GREENBOOKDF", 40)).toBeCloseTo(1 / (1.035 ** 30 * 1.03 ** 10), 14);
  });

  it("VERSION reports package.json's version", () => {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")
    );
    expect(call("VERSION")).toBe(pkg.version);
  });
});

/** Any value a cell or range can hold, including the awkward ones. */
const cellValue = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 1e15, 0.035),
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.constantFrom("", "abc", "12", "commercial", "non-commercial", "=1+1"),
  fc.boolean(),
  fc.constant(null)
);
const range = fc.array(fc.array(cellValue, { minLength: 0, maxLength: 4 }), {
  minLength: 0,
  maxLength: 4,
});

function argumentFor(parameter: FunctionMetadata["parameters"][number]) {
  const scalar = parameter.optional ? fc.oneof(cellValue, fc.constant(null)) : cellValue;
  return parameter.dimensionality === "matrix" ? fc.oneof(range, scalar) : fc.oneof(scalar, range);
}

function isFiniteResult(result: unknown): boolean {
  if (typeof result === "number") return Number.isFinite(result);
  if (typeof result === "string") return true;
  return (
    Array.isArray(result) &&
    result.every((row) => Array.isArray(row) && row.every((v) => Number.isFinite(v)))
  );
}

describe("whatever Excel passes", () => {
  for (const f of metadata.functions) {
    it(`${f.id} returns a finite result or throws an Excel error with a message`, () => {
      fc.assert(
        fc.property(fc.tuple(...f.parameters.map(argumentFor)), (args) => {
          let result: unknown;
          try {
            result = call(f.id, ...args);
          } catch (error) {
            const { code, message } = error as { code?: string; message?: string };
            expect(["#VALUE!", "#NUM!", "#DIV/0!"]).toContain(code);
            expect(message ?? "").not.toBe("");
            return;
          }
          expect(isFiniteResult(result)).toBe(true);
        }),
        { numRuns: 300 }
      );
    });
  }
});
