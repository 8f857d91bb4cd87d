/**
 * The quote's penny rounding and its limits. Every figure a quote prints is rounded once, plainly,
 * half away from zero (toPence); there is no second "quoted" rounding any more. Figures no data
 * access quote could carry (above £50,000,000) are refused, naming the line.
 */
import fc from "fast-check";
import * as decimal from "../../src/model/decimal";
import { Decimal, MAX_QUOTE_AMOUNT, toPence } from "../../src/model/decimal";
import { InputError } from "../../src/model/errors";
import { priceQuote } from "../../src/core/pricing/quote";
import type { Partnership } from "../../src/document/schema";
import { cleanInput, valid } from "../document/fixtures";

describe("toPence: half away from zero, to the penny", () => {
  it.each([
    ["1260.525", "1260.53"], // exactly half a penny: away from zero
    ["2.675", "2.68"], //       2.67499999999999982236431605997495353221893310546875 as a double
    ["1.004", "1"],
    ["0.005", "0.01"],
    ["0.0049999", "0"],
    ["37286996.945", "37286996.95"],
    ["1000.0049999999", "1000"], // plain rounding: a millionth of a penny below the half goes down
    ["-0.005", "-0.01"], //         away from zero, not up
    ["-2.675", "-2.68"],
    ["-1.004", "-1"],
  ])("%s -> %s", (amount, expected) => {
    expect(toPence(new Decimal(amount)).toString()).toBe(expected);
  });

  it("is the only penny rounding: toQuotedPence is gone", () => {
    expect(Object.keys(decimal)).not.toContain("toQuotedPence");
  });

  it("agrees with whole-number arithmetic on amounts with up to eight decimal places, either sign", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -5_000_000_000_000_000n, max: 5_000_000_000_000_000n }),
        (units) => {
          // units are hundred-millionths of a pound; a penny is 1,000,000 of them
          const magnitude = units < 0n ? -units : units;
          const penceMagnitude = (2n * magnitude + 1_000_000n) / 2_000_000n;
          const expectedPence = units < 0n ? -penceMagnitude : penceMagnitude;
          const rounded = toPence(new Decimal(units.toString()).div(1e8));
          // BigInt("-0") is 0n: a negative amount that rounds to nothing is no pence either way
          expect(BigInt(rounded.times(100).toFixed(0))).toBe(expectedPence);
        }
      )
    );
  });
});

type LineInput = ReturnType<typeof cleanInput>["costs"]["lines"][number];

/** The clean document with these lines and rates; recovery at 0 unless given. */
function documentWith(
  lines: Partial<LineInput>[],
  rates: Partial<Partnership["pricing"]> = {},
  use: Partnership["use"] = "commercial"
): Partnership {
  const input = cleanInput();
  input.use = use;
  input.pricing = {
    ...input.pricing,
    staffOnCostRate: 0,
    overheadRate: 0,
    fixedCostRecoveryRate: 0,
    capitalCostRecoveryRate: 0,
    ...rates,
  };
  // No VAT, so each test reaches the limit it is about; the limit on the total with VAT has its own.
  input.vatRate = 0;
  input.costs = {
    lines: lines.map((line, i) => ({
      id: `line-${i}`,
      category: "services",
      description: `line ${i}`,
      quantity: 1,
      unit: "hour",
      unitCost: 1,
      ...line,
    })),
  };
  return valid(input);
}

function refusal(doc: Partnership): InputError {
  try {
    priceQuote(doc);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("priced a quote above the limit");
}

describe(`the quote limit, £${MAX_QUOTE_AMOUNT.toLocaleString("en-GB")}`, () => {
  it("accepts a line, and a quote, of exactly the limit", () => {
    // 20,000 x £2,500 = £50,000,000, a pass-through: no on-cost, no overhead; no recovery
    const quote = priceQuote(
      documentWith(
        [{ category: "data-access-other", quantity: 20000, unitCost: 2500, passThrough: true }],
        { staffOnCostRate: 0.25, overheadRate: 0.2 }
      )
    );
    const [line] = quote.lines;
    expect([line?.cost, line?.marginal, line?.full, line?.amount].map(String)).toEqual([
      "50000000",
      "50000000",
      "50000000",
      "50000000",
    ]);
    expect(quote.total.toString()).toBe("50000000");
  });

  it("refuses a line just above it, naming the line", () => {
    // 20,000.01 x £2,500 = £50,000,025
    const error = refusal(
      documentWith([
        { unitCost: 10 },
        { category: "data-access-other", quantity: 20000.01, unitCost: 2500, passThrough: true },
      ])
    );
    expect(error.argument).toBe("costs.lines[1]");
    expect(error.problem).toBe(
      "comes to £50,000,025.00, above the £50,000,000.00 a quote can carry; check the quantities and unit costs"
    );
  });

  it("applies to the marginal and the full cost too", () => {
    // staff: 16,000 x £2,500 = 40,000,000 x 1.25 = £50,000,000.00 exactly: accepted
    const atLimit = priceQuote(
      documentWith([{ quantity: 16000, unitCost: 2500 }], { staffOnCostRate: 0.25 })
    );
    expect(atLimit.lines[0]?.marginal.toString()).toBe("50000000");
    // a penny more of cost: 40,000,000.01 x 1.25 = 50,000,000.0125 -> £50,000,000.01: refused
    const over = refusal(
      documentWith([{ quantity: 1, unitCost: 40000000.01 }], { staffOnCostRate: 0.25 })
    );
    expect(over.argument).toBe("costs.lines[0]");
    expect(over.problem).toMatch(/^comes to £50,000,000\.01,/);
    // the full cost is printed on the sheet even when the use is non-commercial:
    // 50,000,000 x 1.0001 = £50,005,000.00
    const full = refusal(
      documentWith(
        [{ quantity: 16000, unitCost: 2500 }],
        { staffOnCostRate: 0.25, overheadRate: 0.0001 },
        "non-commercial"
      )
    );
    expect(full.argument).toBe("costs.lines[0]");
    expect(full.problem).toMatch(
      /^its full cost, printed beside the marginal cost it is charged at, comes to £50,005,000\.00,/
    );
  });

  it("applies to the total", () => {
    // £40,000,000 of cost lines and a 25% fixed-cost recovery of £10,000,000: exactly the limit
    const lines = [{ category: "data-access-other" as const, quantity: 16000, unitCost: 2500 }];
    expect(priceQuote(documentWith(lines, { fixedCostRecoveryRate: 0.25 })).total.toString()).toBe(
      "50000000"
    );
    // 25.01%: £10,004,000, so £50,004,000 in all
    const error = refusal(documentWith(lines, { fixedCostRecoveryRate: 0.2501 }));
    expect(error.argument).toBe("costs");
    expect(error.problem).toMatch(/^comes to £50,004,000\.00,/);
  });
});

describe("the quote limit on the total including VAT", () => {
  const lines = [{ category: "data-access-other" as const, quantity: 18000, unitCost: 2500 }];
  const withVat = (vatRate: number): Partnership => ({ ...documentWith(lines), vatRate });

  it("refuses £45,000,000 with 20% VAT: £54,000,000 including VAT", () => {
    const error = refusal(withVat(0.2));
    expect(error.argument).toBe("vatRate");
    expect(error.problem).toMatch(
      /^its total including VAT comes to £54,000,000\.00, above the £50,000,000\.00/
    );
  });

  it("accepts it just under the limit: £45,000,000 + 11.11% VAT = £49,999,500.00", () => {
    // 45,000,000 x 0.1111 = 4,999,500.00
    expect(priceQuote(withVat(0.1111)).totalIncVat.toString()).toBe("49999500");
  });
});

describe("a large staff line, rounded at each printed step", () => {
  // 431,530 hours x £56.66, staff on-costs 25%, overhead 22%, commercial
  const quote = priceQuote(
    documentWith([{ quantity: 431530, unitCost: 56.66 }], {
      staffOnCostRate: 0.25,
      overheadRate: 0.22,
    })
  );
  const line = quote.lines[0];

  it("cost 431,530 x 56.66 = 24,450,489.80", () => {
    // 431,530 x 56 = 24,165,680; 431,530 x 0.66 = 284,809.80
    expect(line?.cost.toFixed(2)).toBe("24450489.80");
  });

  it("marginal 24,450,489.80 x 1.25 = 30,563,112.25", () => {
    expect(line?.marginal.toFixed(2)).toBe("30563112.25");
  });

  it("full 30,563,112.25 x 1.22 = 37,286,996.945, half a penny: 37,286,996.95", () => {
    // 30,563,112.25 x 1.22 = 30,563,112.25 + 6,723,884.695 = 37,286,996.945
    expect(line?.full.toFixed(2)).toBe("37286996.95");
    expect(line?.amount.toFixed(2)).toBe("37286996.95");
    expect(quote.total.toFixed(2)).toBe("37286996.95");
  });
});
