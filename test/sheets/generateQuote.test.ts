/**
 * The add-in's path for a quote: a Partnership document to a new sheet in the open workbook plus a
 * register row, through Office.js (office-addin-mock underneath), in one Excel.run with at most three
 * syncs however many cost lines the partnership has.
 */
import fs from "fs";
import path from "path";
import { generateQuoteInExcel } from "../../src/sheets/quoteInExcel";
import { createExcelMock } from "../support/officeMock";

const EXAMPLE = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "examples", "academic-sde-study.json"), "utf8")
) as { reference: string; costs: { lines: unknown[] } };
const AT = new Date("2026-11-22T09:00:00Z");

/** The example with `count` identical analyst-day lines: 2 days at £450 each. */
function withLines(count: number) {
  const doc = structuredClone(EXAMPLE);
  doc.costs.lines = Array.from({ length: count }, (_, i) => ({
    id: `line-${i + 1}`,
    category: "services",
    description: `Analyst day ${i + 1}`,
    quantity: 2,
    unit: "day",
    unitCost: 450,
  }));
  return doc;
}

describe("generateQuoteInExcel", () => {
  test.each([1, 10, 1000])("%i cost lines: one Excel.run and at most 3 syncs", async (lines) => {
    const mock = createExcelMock();
    const result = await generateQuoteInExcel(mock.run, withLines(lines), AT);
    expect(result.ok).toBe(true);
    expect(mock.runs()).toBe(1);
    expect(mock.syncs()).toBeLessThanOrEqual(3);
    if (result.ok) {
      // Non-commercial with no on-cost in this example: lines x 2 days x £450, plus the example's pool
      // shares, 1,250,000 x 0.004 = 5,000 and 3,000,000 x 0.001 = 3,000.
      expect(result.total).toBe(lines * 900 + 5000 + 3000);
      expect(result.syncs).toBe(mock.syncs());
    }
  });

  it("never replaces an existing sheet: a second quote for the same reference gets its own", async () => {
    const existing = `Quote ${EXAMPLE.reference}`;
    const mock = createExcelMock({
      sheets: [existing, "Register"],
      registerTableSheet: "Register",
    });
    const result = await generateQuoteInExcel(mock.run, EXAMPLE, AT);
    expect(result.ok && result.sheetName).toBe(`${existing} (2)`);
    expect(result.ok && result.registerSheetName).toBe("Register");
    expect(mock.sheetNames().filter((name) => name === existing)).toHaveLength(1);
  });

  it("writes nothing for an invalid document and reports every invalid field", async () => {
    const mock = createExcelMock();
    const invalid = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, "..", "..", "examples", "invalid", "bad-costs.json"),
        "utf8"
      )
    );
    const result = await generateQuoteInExcel(mock.run, invalid, AT);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.path)).toContain(
      "costs.lines[1].unitCost"
    );
    expect(!result.ok && result.issues.length).toBe(15);
    expect(mock.runs()).toBe(0);
    expect(mock.log).toEqual([]);
  });
});
