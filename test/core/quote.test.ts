import fc from "fast-check";
import { decimalArithmetic } from "../../src/core/arithmetic";
import { charge, marginalCost } from "../../src/core/costs";
import { Decimal } from "../../src/core/decimal";
import { InputError } from "../../src/core/errors";
import { formatPounds, priceQuote, type Quote } from "../../src/core/quote";
import { ORGANISATION_TYPES, type Partnership } from "../../src/document/schema";
import { clean, EXAMPLE_FILES, example } from "../document/fixtures";

const D = decimalArithmetic;

/** A quote as plain strings, so two quotes compare with toEqual (Decimals serialise to their digits). */
function plain(quote: Quote): unknown {
  return JSON.parse(JSON.stringify(quote));
}

function amounts(quote: Quote): Record<string, string> {
  return Object.fromEntries(
    [...quote.lines, ...quote.poolLines].map((line) => [line.id, line.amount.toFixed(2)])
  );
}

type CostLine = Partnership["costs"]["lines"][number];

/** A cost line: one item of services, described by its id, unless `line` says otherwise. */
function itemLine(line: Pick<CostLine, "id" | "unitCost"> & Partial<CostLine>): CostLine {
  return { category: "services", description: line.id, quantity: 1, unit: "item", ...line };
}

/** Both pools empty, fresh on every call. */
function noPools(): Pick<Partnership["costs"], "fixedCosts" | "capitalCosts"> {
  return { fixedCosts: { pool: 0, share: 0 }, capitalCosts: { pool: 0, share: 0 } };
}

/** The clean document with its costs replaced. */
function withCosts(
  costs: Partial<Partnership["costs"]>,
  other: Partial<Partnership> = {}
): Partnership {
  const doc = clean();
  return { ...doc, ...other, costs: { ...doc.costs, ...costs } };
}

describe("priceQuote on commercial-imaging-ai.json, worked by hand", () => {
  const quote = priceQuote(example("commercial-imaging-ai.json"));

  test("commercial use is priced at full cost: every line x 1.25 on-cost x 1.2 overhead (= x 1.5)", () => {
    expect(quote.basis).toBe("full cost");
    expect(quote.overheadApplied).toBe(true);
    expect(quote.lineUplift.toString()).toBe("1.5");
    expect(amounts(quote)).toEqual({
      "svc-deid": "8100.00", //      12 days  x £450    x 1.25 on-cost x 1.2 overhead = 8100.00
      "svc-labelling": "6750.00", // 40 hours x £112.50 x 1.25 x 1.2 = 4500 x 1.5 = 6750.00
      "svc-linkage": "3780.00", //   6 days   x £420    x 1.25 x 1.2 = 2520 x 1.5 = 3780.00
      "dap-legal": "1260.53", //     7 hours  x £120.05 x 1.25 x 1.2 = 840.35 x 1.5 = 1260.525 -> half a penny, rounds up to 1260.53
      "dap-pm": "4650.00", //        10 days  x £310    x 1.5 = 4650.00
      "dap-review": "675.00", //     1 review x £450    x 1.5 = 675.00
      "dao-accounts": "25488.00", // 36 user-months x £472 x 1.5 = 16992 x 1.5 = 25488.00
      "dao-compute": "24975.00", //  9 months x £1,850  x 1.5 = 16650 x 1.5 = 24975.00
      "fixed-costs": "12500.00", //  £1,250,000 pool x 0.01 share = 12500.00 (no uplift)
      "capital-costs": "10500.00", // £3,000,000 pool x 0.0035 share = 10500.00 (no uplift)
    });
  });

  test("subtotals, total and VAT", () => {
    expect(quote.subtotals.services.toFixed(2)).toBe("18630.00"); //              8100 + 6750 + 3780
    expect(quote.subtotals["data-access-people"].toFixed(2)).toBe("6585.53"); // 1260.53 + 4650 + 675
    expect(quote.subtotals["data-access-other"].toFixed(2)).toBe("50463.00"); // 25488 + 24975
    expect(quote.subtotals.fixed.toFixed(2)).toBe("12500.00");
    expect(quote.subtotals.capital.toFixed(2)).toBe("10500.00");
    expect(quote.total.toFixed(2)).toBe("98678.53"); //     18630 + 6585.53 + 50463 + 12500 + 10500
    expect(quote.vat.toFixed(2)).toBe("19735.71"); //       98678.53 x 0.2 = 19735.706 -> 19735.71
    expect(quote.totalIncVat.toFixed(2)).toBe("118414.24"); // 98678.53 + 19735.71
  });

  test("lines carry the document's text and inputs unchanged", () => {
    const legal = quote.lines.find((line) => line.id === "dap-legal");
    expect(legal).toMatchObject({
      category: "data-access-people",
      unit: "hour",
      description: "Commercial and legal advice on the agreement",
    });
    expect(legal?.quantity.toString()).toBe("7");
    expect(legal?.unitCost.toString()).toBe("120.05");
  });

  test("a naive binary-float calculation would get the half-penny line wrong", () => {
    // 7 x 120.05 x 1.25 x 1.2 is 1260.5249999999999 in doubles, which rounds down to 1260.52.
    expect(Math.round(7 * 120.05 * 1.25 * 1.2 * 100) / 100).toBe(1260.52);
    expect(quote.lines.find((line) => line.id === "dap-legal")?.amount.toFixed(2)).toBe("1260.53");
  });
});

describe("priceQuote on academic-sde-study.json (non-commercial), worked by hand", () => {
  const quote = priceQuote(example("academic-sde-study.json"));

  test("marginal cost: the 20% overhead in the document is not applied, on-cost is 0", () => {
    expect(quote.basis).toBe("marginal cost");
    expect(quote.overheadApplied).toBe(false);
    expect(quote.overheadRate.toString()).toBe("0.2");
    expect(quote.lineUplift.toString()).toBe("1");
    expect(amounts(quote)).toEqual({
      "svc-linkage": "4200.00", //  8 days x £525 = 4200.00
      "svc-deid": "1575.00", //     3 days x £525 = 1575.00
      "svc-clinical": "1428.00", // 12 hours x £119 = 1428.00
      "dap-pm": "1950.00", //       5 days x £390 = 1950.00
      "dap-review": "560.00",
      "dap-ppie": "750.00",
      "dao-accounts": "16992.00", // 36 user-months x £472 = 16992.00
      "dao-setup": "434.00",
      "dao-provision": "976.00", //  2 products x £488 = 976.00
      "fixed-costs": "5000.00", //   £1,250,000 x 0.004
      "capital-costs": "3000.00", // £3,000,000 x 0.001
    });
    expect(quote.total.toFixed(2)).toBe("36865.00");
    expect(quote.vat.toFixed(2)).toBe("7373.00");
    expect(quote.totalIncVat.toFixed(2)).toBe("44238.00");
  });
});

describe("rounding: half away from zero, per line, to the penny", () => {
  test("a line that lands exactly on a half penny rounds up (2.675 is 2.67499... as a double)", () => {
    const quote = priceQuote(
      withCosts(
        {
          lines: [itemLine({ id: "a", description: "half", unitCost: 2.675 })],
          onCostRate: 0,
          ...noPools(),
        },
        { use: "non-commercial" }
      )
    );
    expect((2.675).toFixed(2)).toBe("2.67"); // what binary floating point would give
    expect(quote.lines[0]?.amount.toFixed(2)).toBe("2.68");
  });

  test("a commercial line on a half penny: 1 x £0.67 x 1.5 overhead = 1.005 -> 1.01", () => {
    const quote = priceQuote(
      withCosts({
        lines: [
          itemLine({
            id: "a",
            description: "not a tie",
            quantity: 0.5,
            unit: "hour",
            unitCost: 4.47,
          }),
          itemLine({ id: "b", description: "tie", unit: "record", unitCost: 0.67 }),
        ],
        onCostRate: 0,
        overheadRate: 0.5,
        ...noPools(),
      })
    );
    expect(amounts(quote)).toMatchObject({ a: "3.35", b: "1.01" }); // 0.5 x 4.47 x 1.5 = 3.3525 -> 3.35; 0.67 x 1.5 = 1.005 -> 1.01
    expect(quote.total.toFixed(2)).toBe("4.36");
  });

  test("each line is rounded before summing: three lines of 0.333... do not make 1.00", () => {
    const lines = ["a", "b", "c"].map((id) => itemLine({ id, unitCost: 0.333 }));
    const quote = priceQuote(withCosts({ lines, onCostRate: 0, overheadRate: 0, ...noPools() }));
    expect(quote.lines.map((line) => line.amount.toFixed(2))).toEqual(["0.33", "0.33", "0.33"]);
    expect(quote.total.toFixed(2)).toBe("0.99");
  });

  test("pool lines and VAT round half away from zero too", () => {
    const quote = priceQuote(
      withCosts(
        {
          lines: [
            itemLine({ id: "a", category: "data-access-other", description: "x", unitCost: 10.05 }),
          ],
          onCostRate: 0,
          overheadRate: 0,
          fixedCosts: { pool: 1000.01, share: 0.5 }, // 500.005 -> 500.01
          capitalCosts: { pool: 0.01, share: 0.5 }, // 0.005 -> 0.01
        },
        { vatRate: 0.1 }
      )
    );
    expect(amounts(quote)).toEqual({
      a: "10.05",
      "fixed-costs": "500.01",
      "capital-costs": "0.01",
    });
    expect(quote.total.toFixed(2)).toBe("510.07");
    expect(quote.vat.toFixed(2)).toBe("51.01"); // 51.007 -> 51.01
    const tie = priceQuote(
      withCosts(
        {
          lines: [itemLine({ id: "a", description: "x", unitCost: 10.05 })],
          onCostRate: 0,
          ...noPools(),
        },
        { vatRate: 0.1, use: "non-commercial" }
      )
    );
    expect(tie.vat.toFixed(2)).toBe("1.01"); // 10.05 x 0.1 = 1.005 -> 1.01
  });
});

describe("priceQuote structure", () => {
  test("both pool lines are always present, a zero pool giving £0.00", () => {
    const quote = priceQuote(example("sme-subscription.json"));
    expect(quote.poolLines.map((line) => [line.id, line.category, line.amount.toFixed(2)])).toEqual(
      [
        ["fixed-costs", "fixed", "2000.00"],
        ["capital-costs", "capital", "0.00"],
      ]
    );
  });

  test.each(EXAMPLE_FILES)(
    "the subtotals add up to the total, and totalIncVat = total + vat: %s",
    (file) => {
      const quote = priceQuote(example(file));
      const sum = Object.values(quote.subtotals).reduce((a, b) => a.plus(b), new Decimal(0));
      expect(sum.eq(quote.total)).toBe(true);
      expect(quote.totalIncVat.eq(quote.total.plus(quote.vat))).toBe(true);
    }
  );

  test.each(["academic-sde-study.json", "commercial-imaging-ai.json"] as const)(
    "the basis reason is one sentence citing the guide: %s",
    (file) => {
      const { basisReason } = priceQuote(example(file));
      expect(basisReason).toMatch(/CIDC guide/);
      expect(basisReason).toMatch(/chapter 5/);
      expect(basisReason.match(/\.(\s|$)/g)).toHaveLength(1);
    }
  );

  test("an empty document prices at £0.00", () => {
    const quote = priceQuote(withCosts({ lines: [], ...noPools() }));
    expect(quote.total.isZero()).toBe(true);
    expect(quote.totalIncVat.isZero()).toBe(true);
  });

  test("a document built in code with a negative amount throws an InputError naming the field", () => {
    const doc = clean();
    const bad = {
      ...doc,
      costs: {
        ...doc.costs,
        lines: doc.costs.lines.map((line, i) => (i === 1 ? { ...line, unitCost: -5 } : line)),
      },
    };
    expect(() => priceQuote(bad)).toThrow(InputError);
    expect(() => priceQuote(bad)).toThrow("costs.lines[1].unitCost: must not be negative");
    expect(() =>
      priceQuote({ ...doc, costs: { ...doc.costs, fixedCosts: { pool: 1, share: 2 } } })
    ).toThrow("costs.fixedCosts.share");
    expect(() => priceQuote({ ...doc, vatRate: 1.2 })).toThrow("vatRate");
  });

  test("formatPounds", () => {
    expect(formatPounds(new Decimal("98678.53"))).toBe("£98,678.53");
    expect(formatPounds(new Decimal("0"))).toBe("£0.00");
    expect(formatPounds(new Decimal("1234567.005"))).toBe("£1,234,567.01");
    expect(formatPounds(new Decimal("-5"))).toBe("-£5.00");
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const pounds = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((pence) => pence / 100);
const rate = (maxPercent: number) =>
  fc.integer({ min: 0, max: maxPercent * 10 }).map((tenths) => tenths / 1000);
const share = fc.integer({ min: 0, max: 10000 }).map((n) => n / 10000);

const costLine = fc.record({
  category: fc.constantFrom(
    "services" as const,
    "data-access-people" as const,
    "data-access-other" as const
  ),
  quantity: fc.oneof(
    fc.integer({ min: 0, max: 500 }),
    fc.integer({ min: 0, max: 50000 }).map((n) => n / 100)
  ),
  unitCost: pounds(5000),
});

const costsArbitrary = fc.record({
  use: fc.constantFrom("commercial" as const, "non-commercial" as const),
  lines: fc.array(costLine, { maxLength: 12 }),
  onCostRate: rate(40),
  overheadRate: rate(60),
  fixedPool: pounds(2_000_000),
  fixedShare: share,
  capitalPool: pounds(5_000_000),
  capitalShare: share,
  vatRate: fc.constantFrom(0, 0.05, 0.2),
});

type CostsSample = typeof costsArbitrary extends fc.Arbitrary<infer T> ? T : never;

function documentFrom(sample: CostsSample): Partnership {
  return withCosts(
    {
      lines: sample.lines.map((line, i) => ({
        id: `line-${i}`,
        description: `line ${i}`,
        unit: "unit",
        ...line,
      })),
      onCostRate: sample.onCostRate,
      overheadRate: sample.overheadRate,
      fixedCosts: { pool: sample.fixedPool, share: sample.fixedShare },
      capitalCosts: { pool: sample.capitalPool, share: sample.capitalShare },
    },
    { use: sample.use, vatRate: sample.vatRate }
  );
}

describe("properties", () => {
  test("the total is NHSDP.CHARGE up to per-line rounding: within half a penny per rounded line", () => {
    fc.assert(
      fc.property(costsArbitrary, (sample) => {
        const quote = priceQuote(documentFrom(sample));
        const n = (x: number) => new Decimal(x);
        const marginal = marginalCost(
          D,
          sample.lines.map((l) => n(l.quantity)),
          sample.lines.map((l) => n(l.unitCost)),
          n(sample.onCostRate)
        );
        const expected = charge(D, sample.use, {
          marginalCost: marginal,
          overheadRate: n(sample.overheadRate),
          fixedCosts: n(sample.fixedPool),
          fixedShare: n(sample.fixedShare),
          capitalCosts: n(sample.capitalPool),
          capitalShare: n(sample.capitalShare),
        });
        // Each of the lines and the two pools is off by at most half a penny; CHARGE's own rounding by another.
        const tolerance = new Decimal("0.005").times(sample.lines.length + 3);
        return quote.total.minus(expected).abs().lte(tolerance);
      }),
      { numRuns: 300 }
    );
  });

  test("commercial principle 3: the quote is identical whatever the partner's organisation type", () => {
    fc.assert(
      fc.property(costsArbitrary, fc.string(), (sample, partnerName) => {
        const base = documentFrom(sample);
        const quotes = ORGANISATION_TYPES.map((organisationType) =>
          plain(priceQuote({ ...base, partner: { name: partnerName, organisationType } }))
        );
        for (const quote of quotes) expect(quote).toEqual(quotes[0]);
      }),
      { numRuns: 200 }
    );
  });

  test("commercial principle 3, directly: pricing never even reads partner.organisationType", () => {
    const doc = example("commercial-imaging-ai.json");
    const partner = { name: doc.partner.name } as Partnership["partner"];
    Object.defineProperty(partner, "organisationType", {
      enumerable: true,
      get() {
        throw new Error("priceQuote read partner.organisationType");
      },
    });
    expect(() => priceQuote({ ...doc, partner })).not.toThrow();
  });

  test("for the same costs, commercial use never costs less than non-commercial use", () => {
    fc.assert(
      fc.property(costsArbitrary, (sample) => {
        const commercial = priceQuote(documentFrom({ ...sample, use: "commercial" }));
        const nonCommercial = priceQuote(documentFrom({ ...sample, use: "non-commercial" }));
        return commercial.total.gte(nonCommercial.total);
      }),
      { numRuns: 200 }
    );
  });
});
