/**
 * The quote's penny rounding and its limits: half away from zero, reproducible by the sheet formula
 * ROUND(ROUND(x*100,6),0)/100, and refusing figures no data access quote could carry.
 */
import fc from "fast-check";
import fs from "fs";
import path from "path";
import { Decimal, MAX_QUOTE_AMOUNT, toPence, toQuotedPence } from "../../src/core/decimal";
import { InputError } from "../../src/core/errors";
import { priceQuote } from "../../src/core/quote";
import { parsePartnership } from "../../src/document";

describe("toQuotedPence", () => {
  it.each([
    ["1260.525", "1260.53"], // 7 x 120.05 x 1.25 x 1.2, exactly half a penny: away from zero
    ["2.675", "2.68"],
    ["1.004", "1"],
    ["0.005", "0.01"],
    ["1000.0049999999", "1000.01"], // ten decimal places: a millionth of a penny decides, as in the sheet
    ["1000.00499999", "1000"], // eight decimal places: plain rounding
  ])("%s -> %s", (amount, expected) => {
    expect(toQuotedPence(new Decimal(amount)).toString()).toBe(expected);
  });

  it("is plain half-away-from-zero rounding for amounts with up to eight decimal places", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 5_000_000_000_000_000n }), (units) => {
        const amount = new Decimal(units.toString()).div(1e8);
        expect(toQuotedPence(amount).toString()).toBe(toPence(amount).toString());
      })
    );
  });
});

describe("quote limits", () => {
  const example = JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "..", "examples", "academic-sde-study.json"), "utf8")
  ) as {
    costs: {
      lines: { quantity: number; unitCost: number }[];
      fixedCosts: { share: number };
      capitalCosts: { share: number };
    };
  };

  it(`refuses a line above £${MAX_QUOTE_AMOUNT.toLocaleString("en-GB")}, naming it`, () => {
    const doc = structuredClone(example);
    // 20,001 x £2,500 = £50,002,500, just over the £50,000,000 limit
    doc.costs.lines[1] = {
      ...doc.costs.lines[1],
      quantity: 20001,
      unitCost: 2500,
    } as (typeof doc.costs.lines)[number];
    const parsed = parsePartnership(doc);
    if (!parsed.ok) throw new Error("the document itself is valid");
    let caught: unknown;
    try {
      priceQuote(parsed.document);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).argument).toBe("costs.lines[1]");
    expect((caught as InputError).problem).toMatch(/£50,002,500\.00.*£50,000,000\.00/);
  });

  it("accepts a quote of exactly the limit", () => {
    const doc = structuredClone(example);
    // 20,000 x £2,500 = £50,000,000, and no pool shares, so the total is the limit too
    doc.costs.fixedCosts.share = 0;
    doc.costs.capitalCosts.share = 0;
    doc.costs.lines = [
      {
        ...doc.costs.lines[0],
        quantity: 20000,
        unitCost: 2500,
      } as (typeof doc.costs.lines)[number],
    ];
    const parsed = parsePartnership(doc);
    if (!parsed.ok) throw new Error("the document itself is valid");
    const quote = priceQuote(parsed.document);
    expect(quote.lines[0]?.amount.toString()).toBe("50000000");
    expect(quote.total.toString()).toBe("50000000");
  });
});
