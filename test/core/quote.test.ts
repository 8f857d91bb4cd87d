/**
 * The quote's arithmetic (src/core/pricing/quote.ts), worked by hand from the rule at the top of that file:
 *
 *   cost = ROUND(quantity x unit cost)
 *   marginal = ROUND(cost x (1 + staff on-cost))   staff time only; = cost otherwise
 *   full = ROUND(marginal x (1 + overhead))        unless a pass-through; = marginal then
 *   amount = full (commercial) or marginal (non-commercial)
 *   recovery base = overall full cost (commercial) or overall marginal cost (non-commercial)
 *   fixed / capital recovery = ROUND(base x rate); direct allocations as recorded; total = sum; VAT
 *
 * ROUND is half away from zero to the penny. Every expected figure below is written out by hand.
 */
import fc from "fast-check";
import { decimalArithmetic } from "../../src/core/arithmetic";
import { charge } from "../../src/core/pricing/costs";
import { Decimal } from "../../src/model/decimal";
import { InputError } from "../../src/model/errors";
import { priceQuote, type Quote } from "../../src/core/pricing/quote";
import { formatPounds } from "../../src/model/format";
import {
  ORGANISATION_TYPES,
  type Partnership,
  type PartnershipInput,
  type PricingRate,
} from "../../src/document/schema";
import { clean, cleanInput, EXAMPLE_FILES, example, valid } from "../document/fixtures";

/** A quote as plain strings, so two quotes compare with toEqual (Decimals serialise to their digits). */
function plain(quote: Quote): unknown {
  return JSON.parse(JSON.stringify(quote));
}

/** Each line as [id, cost, marginal, full, amount], to the penny. */
function lineFigures(quote: Quote): [string, string, string, string, string][] {
  return quote.lines.map((line) => [
    line.id,
    line.cost.toFixed(2),
    line.marginal.toFixed(2),
    line.full.toFixed(2),
    line.amount.toFixed(2),
  ]);
}

function recoveryFigures(quote: Quote): [string, string, string, string][] {
  return quote.recoveries.map((line) => [
    line.id,
    line.rate.toString(),
    line.base.toFixed(2),
    line.amount.toFixed(2),
  ]);
}

function subtotals(quote: Quote): Record<string, string> {
  return Object.fromEntries(
    Object.entries(quote.subtotals).map(([category, amount]) => [category, amount.toFixed(2)])
  );
}

type LineInput = NonNullable<PartnershipInput["costs"]["lines"]>[number];

/** The clean document (test/document/fixtures.ts) with some fields replaced, parsed as a user's would be. */
function cleanWith(
  change: (doc: ReturnType<typeof cleanInput>) => void = () => undefined
): Partnership {
  const input = cleanInput();
  change(input);
  return valid(input);
}

/** One cost line, one unit of services unless it says otherwise. */
function line(fields: Partial<LineInput> & Pick<LineInput, "id" | "unitCost">): LineInput {
  return {
    category: "services",
    description: `line ${fields.id}`,
    quantity: 1,
    unit: "item",
    ...fields,
  };
}

/** The clean document's rates replaced, and its lines. */
function priced(
  lines: LineInput[],
  rates: Partial<Record<PricingRate, number>> = {},
  other: Partial<ReturnType<typeof cleanInput>> = {}
): Quote {
  return priceQuote(
    cleanWith((doc) => {
      Object.assign(doc, other);
      doc.pricing = {
        ...doc.pricing,
        staffOnCostRate: 0,
        overheadRate: 0,
        fixedCostRecoveryRate: 0,
        capitalCostRecoveryRate: 0,
        ...rates,
      };
      doc.costs = { lines };
    })
  );
}

describe("commercial-imaging-ai.json, priced by hand line by line", () => {
  // Northvale's strategy: staff on-cost 25%, overhead 20%, fixed-cost recovery 12.5%, capital 6%.
  const quote = priceQuote(example("commercial-imaging-ai.json"));

  test("commercial use is charged at full cost", () => {
    expect(quote.use).toBe("commercial");
    expect(quote.basis).toBe("full cost");
    expect(quote.overheadApplied).toBe(true);
    expect(quote.rates.staffOnCostRate.toString()).toBe("0.25");
    expect(quote.rates.overheadRate.toString()).toBe("0.2");
    expect(quote.rates.fixedCostRecoveryRate.toString()).toBe("0.125");
    expect(quote.rates.capitalCostRecoveryRate.toString()).toBe("0.06");
  });

  test("every line: cost, marginal cost (on-costs on staff time only) and full cost", () => {
    expect(lineFigures(quote)).toEqual([
      // 12 days x £450 = 5,400.00; staff: x 1.25 = 6,750.00; x 1.2 = 8,100.00
      ["svc-deid", "5400.00", "6750.00", "8100.00", "8100.00"],
      // 40 hours x £112.50 = 4,500.00; x 1.25 = 5,625.00; x 1.2 = 6,750.00
      ["svc-labelling", "4500.00", "5625.00", "6750.00", "6750.00"],
      // 6 days x £420 = 2,520.00; x 1.25 = 3,150.00; x 1.2 = 3,780.00
      ["svc-linkage", "2520.00", "3150.00", "3780.00", "3780.00"],
      // 7 hours x £120.05 = 840.35; x 1.25 = 1,050.4375 -> 1,050.44; x 1.2 = 1,260.528 -> 1,260.53
      ["dap-legal", "840.35", "1050.44", "1260.53", "1260.53"],
      // 10 days x £310 = 3,100.00; x 1.25 = 3,875.00; x 1.2 = 4,650.00
      ["dap-pm", "3100.00", "3875.00", "4650.00", "4650.00"],
      // 1 review x £450 (people: staff time by default) = 450.00; x 1.25 = 562.50; x 1.2 = 675.00
      ["dap-review", "450.00", "562.50", "675.00", "675.00"],
      // 36 user-months x £472 = 16,992.00; non-staff: no on-cost; a pass-through: no overhead
      ["dao-accounts", "16992.00", "16992.00", "16992.00", "16992.00"],
      // 9 months x £1,850 = 16,650.00; non-staff: no on-cost; x 1.2 = 19,980.00
      ["dao-compute", "16650.00", "16650.00", "19980.00", "19980.00"],
    ]);
  });

  test("overall marginal and full cost, and the recovery base", () => {
    // 6,750 + 5,625 + 3,150 + 1,050.44 + 3,875 + 562.50 + 16,992 + 16,650 = 54,654.94
    expect(quote.marginalCost.toFixed(2)).toBe("54654.94");
    // 8,100 + 6,750 + 3,780 + 1,260.53 + 4,650 + 675 + 16,992 + 19,980 = 62,187.53
    expect(quote.fullCost.toFixed(2)).toBe("62187.53");
    // Commercial: recovered as a percentage of the overall full cost.
    expect(quote.recoveryBase.toFixed(2)).toBe("62187.53");
  });

  test("fixed and capital cost recovery: a rate of the overall full cost", () => {
    expect(recoveryFigures(quote)).toEqual([
      // 62,187.53 x 0.125 = 7,773.44125 -> 7,773.44
      ["fixed-cost-recovery", "0.125", "62187.53", "7773.44"],
      // 62,187.53 x 0.06 = 3,731.2518 -> 3,731.25
      ["capital-cost-recovery", "0.06", "62187.53", "3731.25"],
    ]);
    expect(quote.directAllocations).toEqual([]);
  });

  test("subtotals, total and VAT", () => {
    expect(subtotals(quote)).toEqual({
      services: "18630.00", //                8,100 + 6,750 + 3,780
      "data-access-people": "6585.53", //    1,260.53 + 4,650 + 675
      "data-access-other": "36972.00", //    16,992 + 19,980
      fixed: "7773.44",
      capital: "3731.25",
    });
    // 62,187.53 + 7,773.44 + 3,731.25 = 73,692.22
    expect(quote.total.toFixed(2)).toBe("73692.22");
    // 73,692.22 x 0.2 = 14,738.444 -> 14,738.44
    expect(quote.vat.toFixed(2)).toBe("14738.44");
    expect(quote.totalIncVat.toFixed(2)).toBe("88430.66");
  });

  test("lines carry the document's text and inputs unchanged", () => {
    const legal = quote.lines.find((candidate) => candidate.id === "dap-legal");
    expect(legal).toMatchObject({
      category: "data-access-people",
      kind: "staff",
      passThrough: false,
      unit: "hour",
      staffGrade: "legal",
      description: "Commercial and legal advice on the agreement",
    });
    expect(legal?.quantity.toString()).toBe("7");
    expect(legal?.unitCost.toString()).toBe("120.05");
    const accounts = quote.lines.find((candidate) => candidate.id === "dao-accounts");
    expect(accounts).toMatchObject({
      kind: "non-staff",
      passThrough: true,
      standardItem: "nhse-sde-user-month",
    });
  });
});

describe("the imaging example made non-commercial: the recovery base becomes the overall marginal cost", () => {
  const commercial = priceQuote(example("commercial-imaging-ai.json"));
  const nonCommercial = priceQuote({
    ...example("commercial-imaging-ai.json"),
    use: "non-commercial",
  });

  test("each line is charged its marginal cost; the full cost is still worked out", () => {
    expect(nonCommercial.basis).toBe("marginal cost");
    expect(nonCommercial.overheadApplied).toBe(false);
    expect(nonCommercial.lines.map((l) => [l.id, l.full.toFixed(2), l.amount.toFixed(2)])).toEqual([
      ["svc-deid", "8100.00", "6750.00"],
      ["svc-labelling", "6750.00", "5625.00"],
      ["svc-linkage", "3780.00", "3150.00"],
      ["dap-legal", "1260.53", "1050.44"],
      ["dap-pm", "4650.00", "3875.00"],
      ["dap-review", "675.00", "562.50"],
      ["dao-accounts", "16992.00", "16992.00"],
      ["dao-compute", "19980.00", "16650.00"],
    ]);
  });

  test("the fixed and capital recovery fall, worked by hand both ways", () => {
    expect(nonCommercial.recoveryBase.toFixed(2)).toBe("54654.94");
    expect(recoveryFigures(nonCommercial)).toEqual([
      // 54,654.94 x 0.125 = 6,831.8675 -> 6,831.87 (commercial: 62,187.53 x 0.125 -> 7,773.44)
      ["fixed-cost-recovery", "0.125", "54654.94", "6831.87"],
      // 54,654.94 x 0.06 = 3,279.2964 -> 3,279.30 (commercial: 62,187.53 x 0.06 -> 3,731.25)
      ["capital-cost-recovery", "0.06", "54654.94", "3279.30"],
    ]);
    expect(recoveryFigures(commercial).map(([id, , , amount]) => [id, amount])).toEqual([
      ["fixed-cost-recovery", "7773.44"],
      ["capital-cost-recovery", "3731.25"],
    ]);
    for (const i of [0, 1]) {
      const [lower, higher] = [nonCommercial.recoveries[i], commercial.recoveries[i]];
      expect(lower?.amount.lessThan(higher?.amount ?? 0)).toBe(true);
    }
  });

  test("total and VAT", () => {
    // 54,654.94 + 6,831.87 + 3,279.30 = 64,766.11; VAT 12,953.222 -> 12,953.22
    expect(nonCommercial.total.toFixed(2)).toBe("64766.11");
    expect(nonCommercial.vat.toFixed(2)).toBe("12953.22");
    expect(nonCommercial.totalIncVat.toFixed(2)).toBe("77719.33");
  });
});

describe("academic-sde-study.json (non-commercial), priced by hand line by line", () => {
  const quote = priceQuote(example("academic-sde-study.json"));

  test("marginal cost: the 20% overhead is worked out but not charged", () => {
    expect(quote.basis).toBe("marginal cost");
    expect(quote.overheadApplied).toBe(false);
    expect(quote.rates.overheadRate.toString()).toBe("0.2");
    expect(lineFigures(quote)).toEqual([
      // 8 days x £420 = 3,360.00; staff: x 1.25 = 4,200.00; (full: x 1.2 = 5,040.00)
      ["svc-linkage", "3360.00", "4200.00", "5040.00", "4200.00"],
      // 3 days x £420 = 1,260.00; x 1.25 = 1,575.00; (x 1.2 = 1,890.00)
      ["svc-deid", "1260.00", "1575.00", "1890.00", "1575.00"],
      // 12 hours x £112.50 = 1,350.00; x 1.25 = 1,687.50; (x 1.2 = 2,025.00)
      ["svc-clinical", "1350.00", "1687.50", "2025.00", "1687.50"],
      // 5 days x £310 = 1,550.00; x 1.25 = 1,937.50; (x 1.2 = 2,325.00)
      ["dap-pm", "1550.00", "1937.50", "2325.00", "1937.50"],
      // 1 day x £448 = 448.00; x 1.25 = 560.00; (x 1.2 = 672.00)
      ["dap-review", "448.00", "560.00", "672.00", "560.00"],
      // 1 meeting x £600 (people: staff time by default) = 600.00; x 1.25 = 750.00; (x 1.2 = 900.00)
      ["dap-ppie", "600.00", "750.00", "900.00", "750.00"],
      // pass-throughs at NHS England's published prices: no on-cost, no overhead
      ["dao-accounts", "16992.00", "16992.00", "16992.00", "16992.00"], // 36 x £472
      ["dao-setup", "434.00", "434.00", "434.00", "434.00"], //              1 x £434
      ["dao-provision", "976.00", "976.00", "976.00", "976.00"], //          2 x £488
    ]);
  });

  test("overall costs, recovery on the overall marginal cost, total and VAT", () => {
    // 4,200 + 1,575 + 1,687.50 + 1,937.50 + 560 + 750 + 16,992 + 434 + 976 = 29,112.00
    expect(quote.marginalCost.toFixed(2)).toBe("29112.00");
    // 5,040 + 1,890 + 2,025 + 2,325 + 672 + 900 + 16,992 + 434 + 976 = 31,254.00
    expect(quote.fullCost.toFixed(2)).toBe("31254.00");
    expect(quote.recoveryBase.toFixed(2)).toBe("29112.00");
    expect(recoveryFigures(quote)).toEqual([
      ["fixed-cost-recovery", "0.125", "29112.00", "3639.00"], //  29,112 x 0.125 = 3,639.00
      ["capital-cost-recovery", "0.06", "29112.00", "1746.72"], // 29,112 x 0.06 = 1,746.72
    ]);
    expect(subtotals(quote)).toEqual({
      services: "7462.50", //             4,200 + 1,575 + 1,687.50
      "data-access-people": "3247.50", // 1,937.50 + 560 + 750
      "data-access-other": "18402.00", // 16,992 + 434 + 976
      fixed: "3639.00",
      capital: "1746.72",
    });
    // 29,112 + 3,639 + 1,746.72 = 34,497.72; VAT 6,899.544 -> 6,899.54
    expect(quote.total.toFixed(2)).toBe("34497.72");
    expect(quote.vat.toFixed(2)).toBe("6899.54");
    expect(quote.totalIncVat.toFixed(2)).toBe("41397.26");
  });

  test("priced under a strategy that leaves pass-through charges out, the recovery is on the rest", () => {
    const doc = example("academic-sde-study.json");
    const excluded = priceQuote({
      ...doc,
      pricing: { ...doc.pricing, passThroughInRecoveryBase: false },
    });
    // Lines charged at marginal cost, as before: 29,112.00, of which NHS England's charges are
    // 16,992 + 434 + 976 = 18,402.00. The base is 29,112.00 - 18,402.00 = 10,710.00.
    expect(excluded.linesCharged.toFixed(2)).toBe("29112.00");
    expect(excluded.passThroughCharged.toFixed(2)).toBe("18402.00");
    expect(excluded.recoveryBase.toFixed(2)).toBe("10710.00");
    expect(recoveryFigures(excluded)).toEqual([
      ["fixed-cost-recovery", "0.125", "10710.00", "1338.75"], // 10,710 x 0.125 = 1,338.75
      ["capital-cost-recovery", "0.06", "10710.00", "642.60"], //  10,710 x 0.06 = 642.60
    ]);
    // 29,112 + 1,338.75 + 642.60 = 31,093.35, which is 3,404.37 less than with the charges in the
    // base (3,639.00 + 1,746.72 = 5,385.72 against 1,981.35); VAT 6,218.67 -> 37,312.02.
    expect(excluded.total.toFixed(2)).toBe("31093.35");
    expect(excluded.vat.toFixed(2)).toBe("6218.67");
    expect(excluded.totalIncVat.toFixed(2)).toBe("37312.02");
  });
});

describe("the other two examples, totals by hand", () => {
  test("commercial-rwe-milestones.json: Westbridge, on-cost 25%, overhead 22%, recovery 10% and 8%", () => {
    const quote = priceQuote(example("commercial-rwe-milestones.json"));
    expect(lineFigures(quote).map(([id, , marginal, full]) => [id, marginal, full])).toEqual([
      ["svc-curation", "7875.00", "9607.50"], //     15 x £420 = 6,300 x 1.25 = 7,875 x 1.22 = 9,607.50
      ["svc-pharmacist", "2940.00", "3586.80"], //   6 x £392 = 2,352 x 1.25 = 2,940 x 1.22 = 3,586.80
      ["svc-consultant", "2760.00", "3367.20"], //   20 x £110.40 = 2,208 x 1.25 = 2,760 x 1.22 = 3,367.20
      ["dap-pm", "4680.00", "5709.60"], //           12 x £312 = 3,744 x 1.25 = 4,680 x 1.22 = 5,709.60
      ["dap-legal", "1700.00", "2074.00"], //        10 x £136 = 1,360 x 1.25 = 1,700 x 1.22 = 2,074
      ["dap-board", "1500.00", "1830.00"], //        2 x £600 = 1,200 x 1.25 = 1,500 x 1.22 = 1,830
      ["dao-dars", "1431.00", "1431.00"], //         pass-through
      ["dao-dars-review", "694.00", "694.00"], //    pass-through
      ["dao-accounts", "16992.00", "16992.00"], //   pass-through, 36 x £472
    ]);
    expect(quote.marginalCost.toFixed(2)).toBe("40572.00");
    // 9,607.50 + 3,586.80 + 3,367.20 + 5,709.60 + 2,074 + 1,830 + 1,431 + 694 + 16,992 = 45,292.10
    expect(quote.fullCost.toFixed(2)).toBe("45292.10");
    // 45,292.10 x 0.1 = 4,529.21; 45,292.10 x 0.08 = 3,623.368 -> 3,623.37
    expect(recoveryFigures(quote).map(([id, , , amount]) => [id, amount])).toEqual([
      ["fixed-cost-recovery", "4529.21"],
      ["capital-cost-recovery", "3623.37"],
    ]);
    // 45,292.10 + 4,529.21 + 3,623.37 = 53,444.68; VAT 10,688.936 -> 10,688.94
    expect([quote.total, quote.vat, quote.totalIncVat].map((d) => d.toFixed(2))).toEqual([
      "53444.68",
      "10688.94",
      "64133.62",
    ]);
  });

  test("sme-subscription.json: Eastmere, on-cost 25%, overhead 15%, recovery 5% and 0%", () => {
    const quote = priceQuote(example("sme-subscription.json"));
    expect(lineFigures(quote).map(([id, , marginal, full]) => [id, marginal, full])).toEqual([
      ["svc-config", "1800.00", "2070.00"], //      4 x £360 = 1,440 x 1.25 = 1,800 x 1.15 = 2,070
      ["svc-validation", "2700.00", "3105.00"], //  6 x £360 = 2,160 x 1.25 = 2,700 x 1.15 = 3,105
      ["svc-ops", "624.00", "717.60"], //           8 x £62.40 = 499.20 x 1.25 = 624 x 1.15 = 717.60
      ["dap-it", "750.00", "862.50"], //            2 x £300 = 600 x 1.25 = 750 x 1.15 = 862.50
      ["dap-legal", "900.00", "1035.00"], //        6 x £120 = 720 x 1.25 = 900 x 1.15 = 1,035
      ["dao-licence", "950.00", "1092.50"], //      non-staff, not a pass-through: 950 x 1.15 = 1,092.50
    ]);
    // 2,070 + 3,105 + 717.60 + 862.50 + 1,035 + 1,092.50 = 8,882.60
    expect(quote.fullCost.toFixed(2)).toBe("8882.60");
    // 8,882.60 x 0.05 = 444.13; capital 0% gives £0.00 but the line is still there
    expect(recoveryFigures(quote)).toEqual([
      ["fixed-cost-recovery", "0.05", "8882.60", "444.13"],
      ["capital-cost-recovery", "0", "8882.60", "0.00"],
    ]);
    // 8,882.60 + 444.13 = 9,326.73; VAT 1,865.346 -> 1,865.35
    expect([quote.total, quote.vat, quote.totalIncVat].map((d) => d.toFixed(2))).toEqual([
      "9326.73",
      "1865.35",
      "11192.08",
    ]);
  });

  test.each([
    ["academic-sde-study.json", "34497.72"],
    ["commercial-imaging-ai.json", "73692.22"],
    ["commercial-rwe-milestones.json", "53444.68"],
    ["sme-subscription.json", "9326.73"],
  ] as const)("%s totals %s ex VAT", (file, total) => {
    expect(priceQuote(example(file)).total.toFixed(2)).toBe(total);
  });
});

describe("on-costs, overheads and pass-throughs", () => {
  test("on-costs apply to staff time only, whatever the category", () => {
    const quote = priced(
      [
        line({ id: "analyst", category: "services", unitCost: 100 }), //           staff by default
        line({ id: "licence", category: "services", kind: "non-staff", unitCost: 100 }),
        line({ id: "compute", category: "data-access-other", unitCost: 100 }), // non-staff by default
        line({ id: "sde-admin", category: "data-access-other", kind: "staff", unitCost: 100 }),
      ],
      { staffOnCostRate: 0.3 }
    );
    expect(quote.lines.map((l) => [l.id, l.kind, l.marginal.toFixed(2)])).toEqual([
      ["analyst", "staff", "130.00"], //      100 x 1.3
      ["licence", "non-staff", "100.00"],
      ["compute", "non-staff", "100.00"],
      ["sde-admin", "staff", "130.00"],
    ]);
    expect(quote.total.toFixed(2)).toBe("460.00");
  });

  test("a pass-through gets no overhead; every other line does", () => {
    const quote = priced(
      [
        line({ id: "dars", category: "data-access-other", unitCost: 1431, passThrough: true }),
        line({ id: "storage", category: "data-access-other", unitCost: 1431 }),
        line({ id: "analyst", unitCost: 1000 }),
      ],
      { staffOnCostRate: 0.25, overheadRate: 0.2 }
    );
    expect(quote.lines.map((l) => [l.id, l.marginal.toFixed(2), l.full.toFixed(2)])).toEqual([
      ["dars", "1431.00", "1431.00"], //         passed on at its published price
      ["storage", "1431.00", "1717.20"], //      1,431 x 1.2
      ["analyst", "1250.00", "1500.00"], //      1,000 x 1.25 x 1.2
    ]);
    expect(quote.total.toFixed(2)).toBe("4648.20"); // 1,431 + 1,717.20 + 1,500
  });

  test("every step is rounded from the rounded step before it", () => {
    // 3 x £0.3333 = 0.9999 -> 1.00; staff x 1.125 = 1.125 -> 1.13; x 1.5 = 1.695 -> 1.70.
    // Rounded only once, 0.9999 x 1.125 x 1.5 = 1.68733... would give 1.69.
    const quote = priced([line({ id: "a", quantity: 3, unitCost: 0.3333 })], {
      staffOnCostRate: 0.125,
      overheadRate: 0.5,
    });
    expect(lineFigures(quote)).toEqual([["a", "1.00", "1.13", "1.70", "1.70"]]);
  });

  test("half a penny rounds away from zero at each step", () => {
    // 1 x £2.675 = 2.675 -> 2.68 (2.67 as a binary double would round)
    expect((2.675).toFixed(2)).toBe("2.67");
    const quote = priced(
      [
        line({ id: "a", category: "data-access-other", unitCost: 2.675 }),
        // non-staff £0.67 x 1.5 overhead = 1.005 -> 1.01
        line({ id: "b", category: "data-access-other", unitCost: 0.67 }),
      ],
      { overheadRate: 0.5 }
    );
    expect(lineFigures(quote)).toEqual([
      ["a", "2.68", "2.68", "4.02", "4.02"], // 2.68 x 1.5 = 4.02
      ["b", "0.67", "0.67", "1.01", "1.01"],
    ]);
    // recovery 5.03 x 0.1 = 0.503 -> 0.50, and VAT: 5.53 x 0.2 = 1.106 -> 1.11
    const recovered = priced(
      [line({ id: "a", category: "data-access-other", unitCost: 5.03 })],
      { fixedCostRecoveryRate: 0.1, capitalCostRecoveryRate: 0.0005 },
      { vatRate: 0.2 }
    );
    // capital: 5.03 x 0.0005 = 0.002515 -> 0.00
    expect(recoveryFigures(recovered).map(([id, , , amount]) => [id, amount])).toEqual([
      ["fixed-cost-recovery", "0.50"],
      ["capital-cost-recovery", "0.00"],
    ]);
    expect(recovered.total.toFixed(2)).toBe("5.53");
    expect(recovered.vat.toFixed(2)).toBe("1.11");
    // VAT on a tie: £10.05 x 0.1 = 1.005 -> 1.01
    const tie = priced(
      [line({ id: "a", category: "data-access-other", unitCost: 10.05 })],
      {},
      { vatRate: 0.1 }
    );
    expect(tie.vat.toFixed(2)).toBe("1.01");
  });

  test("each line is rounded before summing: three lines of £0.333 do not make £1.00", () => {
    const quote = priced(["a", "b", "c"].map((id) => line({ id, unitCost: 0.333 })));
    expect(quote.lines.map((l) => l.amount.toFixed(2))).toEqual(["0.33", "0.33", "0.33"]);
    expect(quote.total.toFixed(2)).toBe("0.99");
  });
});

describe("direct allocations", () => {
  // The clean document: commercial; on-cost 25%, overhead 20%, fixed 10%, capital 5%.
  //   svc-1 12 days x £450 = 5,400 -> 6,750 -> 8,100
  //   dap-1 3 days x £310 = 930 -> 1,162.50 -> 1,395
  //   dao-1 6 user-months x £472 = 2,832, non-staff -> 2,832 -> 3,398.40
  // overall full cost 12,893.40: fixed 1,289.34, capital 644.67, total 14,827.41.
  const without = priceQuote(clean());
  const withAllocation = priceQuote(
    cleanWith((doc) => {
      doc.costs = {
        ...doc.costs,
        directAllocations: [
          { id: "gpu-node", description: "A GPU node for this study alone", amount: 12345.67 },
        ],
      };
    })
  );

  test("the clean document, by hand", () => {
    expect(without.fullCost.toFixed(2)).toBe("12893.40");
    expect(recoveryFigures(without).map(([id, , , amount]) => [id, amount])).toEqual([
      ["fixed-cost-recovery", "1289.34"],
      ["capital-cost-recovery", "644.67"],
    ]);
    expect(without.total.toFixed(2)).toBe("14827.41");
  });

  test("add to capital costs as they stand, outside the recovery base", () => {
    expect(
      withAllocation.directAllocations.map((a) => [a.id, a.category, a.amount.toFixed(2)])
    ).toEqual([["gpu-node", "capital", "12345.67"]]);
    expect(withAllocation.recoveryBase.toFixed(2)).toBe("12893.40");
    expect(recoveryFigures(withAllocation)).toEqual(recoveryFigures(without));
    // 644.67 + 12,345.67 = 12,990.34
    expect(withAllocation.subtotals.capital.toFixed(2)).toBe("12990.34");
    expect(withAllocation.subtotals.fixed.toFixed(2)).toBe("1289.34");
    // 14,827.41 + 12,345.67 = 27,173.08; VAT 5,434.616 -> 5,434.62
    expect(withAllocation.total.toFixed(2)).toBe("27173.08");
    expect(withAllocation.vat.toFixed(2)).toBe("5434.62");
  });
});

describe("the quote limit and bad figures", () => {
  test("a line above £50,000,000 is refused, naming the line", () => {
    const quote = () =>
      priced([
        line({ id: "ok", unitCost: 10 }),
        // 20,001 x £2,500 = £50,002,500, non-staff: the cost is above the limit
        line({ id: "huge", category: "data-access-other", quantity: 20001, unitCost: 2500 }),
      ]);
    expect(quote).toThrow(InputError);
    expect(quote).toThrow(
      /^costs\.lines\[1\]: comes to £50,002,500\.00, above the £50,000,000\.00/
    );
  });

  test("so is a line whose marginal or full cost passes the limit", () => {
    // 16,000.01 days x £2,500 = 40,000,025; staff x 1.25 = 50,000,031.25
    expect(() =>
      priced([line({ id: "a", quantity: 16000.01, unitCost: 2500 })], { staffOnCostRate: 0.25 })
    ).toThrow(/^costs\.lines\[0\]: comes to £50,000,031\.25/);
    // 45,000,000 non-staff x 1.2 = 54,000,000: the full cost is printed even for non-commercial use
    expect(() =>
      priced(
        [line({ id: "a", category: "data-access-other", quantity: 18000, unitCost: 2500 })],
        { overheadRate: 0.2 },
        { use: "non-commercial" }
      )
    ).toThrow(
      /^costs\.lines\[0\]: its full cost, printed beside the marginal cost it is charged at, comes to £54,000,000\.00/
    );
  });

  test("a total above the limit is refused at costs", () => {
    // two lines of 12,000 x £2,500 = £30,000,000 each: £60,000,000 together
    const lines = ["a", "b"].map((id) =>
      line({ id, category: "data-access-other", quantity: 12000, unitCost: 2500 })
    );
    expect(() => priced(lines)).toThrow(/^costs: comes to £60,000,000\.00/);
  });

  test("a negative figure in a document built in code throws an InputError naming the field", () => {
    const doc = clean();
    const withLine = (index: number, change: object): Partnership => ({
      ...doc,
      costs: {
        ...doc.costs,
        lines: doc.costs.lines.map((l, i) => (i === index ? { ...l, ...change } : l)),
      },
    });
    expect(() => priceQuote(withLine(1, { unitCost: -5 }))).toThrow(InputError);
    expect(() => priceQuote(withLine(1, { unitCost: -5 }))).toThrow(
      "costs.lines[1].unitCost: must not be negative"
    );
    expect(() => priceQuote(withLine(2, { quantity: -1 }))).toThrow("costs.lines[2].quantity");
    expect(() =>
      priceQuote({ ...doc, pricing: { ...doc.pricing, capitalCostRecoveryRate: -0.05 } })
    ).toThrow("pricing.capitalCostRecoveryRate: must not be negative");
    expect(() => priceQuote({ ...doc, vatRate: -0.2 })).toThrow("vatRate: must not be negative");
    expect(() =>
      priceQuote({
        ...doc,
        costs: { ...doc.costs, directAllocations: [{ id: "x", description: "x", amount: -1 }] },
      })
    ).toThrow("costs.directAllocations[0].amount: must not be negative");
  });
});

describe("structure", () => {
  test.each(EXAMPLE_FILES)(
    "subtotals add up to the total and totalIncVat = total + vat: %s",
    (file) => {
      const quote = priceQuote(example(file));
      const sum = Object.values(quote.subtotals).reduce((a, b) => a.plus(b), new Decimal(0));
      expect(sum.toFixed(2)).toBe(quote.total.toFixed(2));
      expect(quote.totalIncVat.toFixed(2)).toBe(quote.total.plus(quote.vat).toFixed(2));
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

  test("no cost lines price at £0.00, both recovery lines still present", () => {
    const quote = priced([], { fixedCostRecoveryRate: 0.1, capitalCostRecoveryRate: 0.05 });
    expect(recoveryFigures(quote)).toEqual([
      ["fixed-cost-recovery", "0.1", "0.00", "0.00"],
      ["capital-cost-recovery", "0.05", "0.00", "0.00"],
    ]);
    expect(quote.total.isZero()).toBe(true);
    expect(quote.totalIncVat.isZero()).toBe(true);
  });

  test("formatPounds", () => {
    expect(formatPounds(new Decimal("73692.22"))).toBe("£73,692.22");
    expect(formatPounds(new Decimal("0"))).toBe("£0.00");
    expect(formatPounds(new Decimal("1234567.005"))).toBe("£1,234,567.01");
    expect(formatPounds(new Decimal("-5"))).toBe("-£5.00");
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, against a reference written here in whole pence with BigInt
// ---------------------------------------------------------------------------------------------

/** n / d rounded half away from zero, for n >= 0 and d > 0. */
const roundDiv = (n: bigint, d: bigint): bigint => (2n * n + d) / (2n * d);
const RATE_SCALE = 10_000n; // rates have at most four decimal places

const rateUnits = (max: number) => fc.integer({ min: 0, max });
const lineArbitrary = fc.record({
  category: fc.constantFrom(
    "services" as const,
    "data-access-people" as const,
    "data-access-other" as const
  ),
  kind: fc.constantFrom(undefined, "staff" as const, "non-staff" as const),
  passThrough: fc.boolean(),
  quantityHundredths: fc.oneof(
    fc.integer({ min: 0, max: 500 }).map((n) => n * 100),
    fc.integer({ min: 0, max: 50_000 })
  ),
  unitCostUnits: fc.oneof(
    fc.integer({ min: 0, max: 5_000 }).map((n) => n * 10_000),
    fc.integer({ min: 0, max: 50_000_000 }),
    // half a penny exactly: x.xx5
    fc.integer({ min: 0, max: 500_000 }).map((pence) => pence * 100 + 50)
  ),
});

const sampleArbitrary = fc.record({
  use: fc.constantFrom("commercial" as const, "non-commercial" as const),
  lines: fc.array(lineArbitrary, { maxLength: 10 }),
  onCost: rateUnits(4000),
  overhead: rateUnits(6000),
  fixed: rateUnits(3000),
  capital: rateUnits(3000),
  allocationsPence: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 2 }),
  vat: fc.constantFrom(0, 500, 2000),
});

type Sample = typeof sampleArbitrary extends fc.Arbitrary<infer T> ? T : never;

const DEFAULT_KIND = {
  services: "staff",
  "data-access-people": "staff",
  "data-access-other": "non-staff",
};

function resolvedKind(l: Sample["lines"][number]): "staff" | "non-staff" {
  return l.kind ?? (DEFAULT_KIND[l.category] as "staff" | "non-staff");
}

function documentFrom(sample: Sample, partner?: Partnership["partner"]): Partnership {
  return cleanWith((doc) => {
    doc.use = sample.use;
    doc.vatRate = sample.vat / 10_000;
    if (partner) doc.partner = partner;
    doc.pricing = {
      strategy: { id: "TEST-PRICING", revision: 1 },
      staffOnCostRate: sample.onCost / 10_000,
      overheadRate: sample.overhead / 10_000,
      fixedCostRecoveryRate: sample.fixed / 10_000,
      capitalCostRecoveryRate: sample.capital / 10_000,
    };
    doc.costs = {
      lines: sample.lines.map((l, i) => ({
        id: `line-${i}`,
        category: l.category,
        description: `line ${i}`,
        quantity: l.quantityHundredths / 100,
        unit: "unit",
        unitCost: l.unitCostUnits / 10_000,
        ...(l.kind === undefined ? {} : { kind: l.kind }),
        // the schema allows a pass-through on non-staff lines only
        passThrough: l.passThrough && resolvedKind(l) === "non-staff",
      })),
      directAllocations: sample.allocationsPence.map((pence, i) => ({
        id: `alloc-${i}`,
        description: `allocation ${i}`,
        amount: pence / 100,
      })),
    };
  });
}

/** The rule of the arithmetic, in whole pence. */
function reference(sample: Sample) {
  const commercial = sample.use === "commercial";
  const lines = sample.lines.map((l) => {
    // quantity (hundredths) x unit cost (ten-thousandths) is in millionths of a pound
    const cost = roundDiv(BigInt(l.quantityHundredths) * BigInt(l.unitCostUnits), 10_000n);
    const marginal =
      resolvedKind(l) === "staff"
        ? roundDiv(cost * (RATE_SCALE + BigInt(sample.onCost)), RATE_SCALE)
        : cost;
    const passThrough = l.passThrough && resolvedKind(l) === "non-staff";
    const full = passThrough
      ? marginal
      : roundDiv(marginal * (RATE_SCALE + BigInt(sample.overhead)), RATE_SCALE);
    return { cost, marginal, full, amount: commercial ? full : marginal };
  });
  const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
  const marginalCost = sum(lines.map((l) => l.marginal));
  const fullCost = sum(lines.map((l) => l.full));
  const base = commercial ? fullCost : marginalCost;
  const fixed = roundDiv(base * BigInt(sample.fixed), RATE_SCALE);
  const capital = roundDiv(base * BigInt(sample.capital), RATE_SCALE);
  const allocations = sample.allocationsPence.map(BigInt);
  const total = sum([...lines.map((l) => l.amount), fixed, capital, ...allocations]);
  const vat = roundDiv(total * BigInt(sample.vat), RATE_SCALE);
  return { lines, marginalCost, fullCost, fixed, capital, allocations, total, vat };
}

/** A figure the core printed, in whole pence; it must be a whole number of pence. */
function pence(value: Decimal): bigint {
  const scaled = value.times(100);
  if (!scaled.isInteger()) throw new Error(`${value.toString()} is not a whole number of pence`);
  return BigInt(scaled.toFixed(0));
}

describe("properties", () => {
  test("each figure is its own rounding step, and the total is the sum of the amounts", () => {
    fc.assert(
      fc.property(sampleArbitrary, (sample) => {
        const quote = priceQuote(documentFrom(sample));
        const expected = reference(sample);
        expect(quote.lines.map((l) => [pence(l.cost), pence(l.marginal), pence(l.full)])).toEqual(
          expected.lines.map((l) => [l.cost, l.marginal, l.full])
        );
        expect(quote.lines.map((l) => pence(l.amount))).toEqual(
          expected.lines.map((l) => l.amount)
        );
        expect(pence(quote.marginalCost)).toBe(expected.marginalCost);
        expect(pence(quote.fullCost)).toBe(expected.fullCost);
        expect(quote.recoveries.map((r) => pence(r.amount))).toEqual([
          expected.fixed,
          expected.capital,
        ]);
        expect(quote.directAllocations.map((a) => pence(a.amount))).toEqual(expected.allocations);
        const amounts = [...quote.lines, ...quote.recoveries, ...quote.directAllocations].map((l) =>
          pence(l.amount)
        );
        expect(pence(quote.total)).toBe(amounts.reduce((a, b) => a + b, 0n));
        expect(pence(quote.total)).toBe(expected.total);
        expect(pence(quote.vat)).toBe(expected.vat);
        expect(pence(quote.totalIncVat)).toBe(expected.total + expected.vat);
      }),
      { numRuns: 300 }
    );
  });

  test("with staff lines only and no pass-throughs, the total is NHSDP.CHARGE up to the roundings", () => {
    const staffOnly = sampleArbitrary.map((sample) => ({
      ...sample,
      allocationsPence: [],
      lines: sample.lines.map((l) => ({ ...l, kind: "staff" as const, passThrough: false })),
    }));
    fc.assert(
      fc.property(staffOnly, (sample) => {
        const quote = priceQuote(documentFrom(sample));
        const d = (units: number) => new Decimal(units).div(10_000);
        const [u, h, f, k] = [sample.onCost, sample.overhead, sample.fixed, sample.capital].map(d);
        const exactCost = sample.lines.reduce(
          (sum, l) =>
            sum.plus(new Decimal(l.quantityHundredths).div(100).times(d(l.unitCostUnits))),
          new Decimal(0)
        );
        const expected = charge(decimalArithmetic, sample.use, {
          marginalCost: exactCost.times(new Decimal(1).plus(u as Decimal)),
          overheadRate: h as Decimal,
          fixedRate: f as Decimal,
          capitalRate: k as Decimal,
        });
        // Each line's cost, marginal and full cost is off by at most half a penny, carried through
        // the uplifts after it; the two recoveries and CHARGE's own rounding by half a penny each.
        const one = new Decimal(1);
        const upliftH = sample.use === "commercial" ? one.plus(h as Decimal) : one;
        const perLine = new Decimal("0.005")
          .times(
            one
              .plus(u as Decimal)
              .times(upliftH)
              .plus(upliftH)
              .plus(1)
          )
          .times(one.plus(f as Decimal).plus(k as Decimal));
        const tolerance = perLine.times(sample.lines.length).plus("0.015");
        return quote.total.minus(expected).abs().lte(tolerance);
      }),
      { numRuns: 300 }
    );
  });

  test("for the same costs, commercial use never costs less than non-commercial use", () => {
    fc.assert(
      fc.property(sampleArbitrary, (sample) => {
        const commercial = priceQuote(documentFrom({ ...sample, use: "commercial" }));
        const nonCommercial = priceQuote(documentFrom({ ...sample, use: "non-commercial" }));
        return commercial.total.gte(nonCommercial.total);
      }),
      { numRuns: 200 }
    );
  });
});

describe("commercial principle 3: the price depends on the use, never on who the partner is", () => {
  test("the quote is identical whatever the partner's organisation type", () => {
    fc.assert(
      fc.property(sampleArbitrary, fc.string({ minLength: 1 }), (sample, name) => {
        const quotes = ORGANISATION_TYPES.map((organisationType) =>
          plain(priceQuote(documentFrom(sample, { name: `${name}x`, organisationType })))
        );
        for (const quote of quotes) expect(quote).toEqual(quotes[0]);
      }),
      { numRuns: 100 }
    );
  });

  test("pricing never even reads partner.organisationType", () => {
    for (const file of EXAMPLE_FILES) {
      const doc = example(file);
      const partner = { name: doc.partner.name } as Partnership["partner"];
      Object.defineProperty(partner, "organisationType", {
        enumerable: true,
        get() {
          throw new Error("priceQuote read partner.organisationType");
        },
      });
      expect(() => priceQuote({ ...doc, partner })).not.toThrow();
      expect(priceQuote({ ...doc, partner }).total.toFixed(2)).toBe(
        priceQuote(doc).total.toFixed(2)
      );
    }
  });
});
