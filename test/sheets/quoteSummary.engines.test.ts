/**
 * The summary box and the reconciliation under the totals, recalculated by LibreOffice: the imaging
 * example's quote is written with every formula's cached value removed, so each value read back is
 * LibreOffice's own. Expected figures are the example's, worked by hand (test/core/quote.test.ts has
 * the same quote): cost lines charged £62,187.53, fixed-cost recovery 12.5% = £7,773.44, capital-cost
 * recovery 6% = £3,731.25, no direct allocations; total £73,692.22, VAT 20% £14,738.44, £88,430.66.
 */
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import type { SheetSpec } from "../../src/workbook/spec/spec";
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { example } from "../document/fixtures";
import { recalculateBufferWithLibreOffice, type LibreOfficeResult } from "../support/libreoffice";

const doc = example("commercial-imaging-ai.json");
const quote = priceQuote(doc);
const spec: SheetSpec = buildQuoteSheet(doc, quote, checkPrinciples(doc, quote), {
  generatedAt: new Date("2026-11-23T10:00:00Z"),
});
for (const cell of spec.cells)
  if (cell.value.kind === "formula") cell.value = { kind: "formula", formula: cell.value.formula };

const refOf = (name: string): string => {
  const ref = spec.names.find((n) => n.name === name)?.ref;
  if (ref === undefined) throw new Error(`no name ${name}`);
  return ref.replace(/\$/g, "");
};

let recalculated: LibreOfficeResult;
beforeAll(async () => {
  recalculated = await recalculateBufferWithLibreOffice(
    await writeWorkbook([spec]),
    "summary.xlsx"
  );
}, 180_000);

const valueAt = (address: string): unknown => {
  const sheet = recalculated.workbook.worksheets[0];
  if (sheet === undefined) throw new Error("no sheet");
  const value = sheet.getCell(address).value;
  return value !== null && typeof value === "object" && "result" in value ? value.result : value;
};

describe("the imaging example's quote recalculated by LibreOffice", () => {
  it("shows the total including VAT in the summary box: £73,692.22 + £14,738.44 = £88,430.66", () => {
    expect(valueAt(refOf("NHSDP_TotalIncVAT"))).toBe(88430.66);
    expect(valueAt(refOf("NHSDP_SummaryTotalIncVAT"))).toBe(88430.66);
  });

  it("reconciles the total: £62,187.53 + £7,773.44 + £3,731.25 + £0.00 = £73,692.22", () => {
    // The parts as figures in their own cells, and their sum written out by hand.
    expect(valueAt(refOf("NHSDP_LinesCharged"))).toBe(62187.53);
    expect(valueAt(refOf("NHSDP_Total"))).toBe(73692.22);
    expect(Math.round((62187.53 + 7773.44 + 3731.25 + 0) * 100)).toBe(7369222);
    const check = refOf("NHSDP_ReconciliationCheck");
    expect(valueAt(check)).toBe("Check: the four parts add up to the total.");
    // The sentence is the row above the check.
    const row = Number(/\d+/.exec(check)?.[0]) - 1;
    expect(valueAt(`B${row}`)).toBe(
      "Lines charged £62,187.53 + fixed-cost recovery £7,773.44 + capital-cost recovery £3,731.25 + direct allocations £0.00 = total £73,692.22"
    );
  });

  it("writes the value sharing in the summary box from the terms' own cells", () => {
    const sheet = recalculated.workbook.worksheets[0];
    const shown: unknown[] = [];
    // Column B: ExcelJS reads each merged cell to the right of it as a copy.
    sheet?.eachRow((row) => {
      const value = valueAt(`B${row.number}`);
      if (typeof value === "string" && value.startsWith("Plus ")) shown.push(value);
    });
    expect(shown).toEqual([
      "Plus a fixed payment of £50,000.00 in 2 instalments",
      "Plus a royalty on revenue for 10 years: 4.00% from £0, 6.00% from £5,000,000, capped at £750,000.00 a year",
    ]);
  });
});
