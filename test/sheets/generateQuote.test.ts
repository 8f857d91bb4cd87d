/**
 * The add-in's path for a quote: a Partnership document to a new sheet in the open workbook plus a
 * register row, through Office.js (office-addin-mock underneath), in one Excel.run with three syncs
 * (four when the register exists) however many cost lines the partnership has.
 */
import fs from "fs";
import path from "path";
import { generateQuoteInExcel } from "../../src/addin/quoteInExcel";
import { REGISTER_HEADERS } from "../../src/workbook/layouts/register/register";
import { createExcelMock, rebuildSheets, type GridCell } from "../support/officeMock";

const EXAMPLE = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "examples", "academic-sde-study.json"), "utf8")
) as { reference: string; costs: { lines: unknown[] } };
const AT = new Date("2026-11-22T09:00:00Z");

/** The example with `count` identical analyst-day lines: 2 days at £450 each, staff time. */
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
  // The academic example is non-commercial, with Northvale's 25% staff on-cost and recovery of 12.5%
  // (fixed) and 6% (capital) of the overall marginal cost. Each line: 2 x £450 = 900; x 1.25 = 1,125.
  test.each([
    // 1,125 + 140.625 -> 140.63 + 67.50
    [1, 1333.13],
    // 11,250 + 1,406.25 + 675
    [10, 13331.25],
    // 1,125,000 + 140,625 + 67,500
    [1000, 1333125],
  ])("%i cost lines: one Excel.run and at most 3 syncs, total £%d", async (lines, total) => {
    const mock = createExcelMock();
    const result = await generateQuoteInExcel(mock.run, withLines(lines), AT);
    expect(result.ok).toBe(true);
    expect(mock.runs()).toBe(1);
    expect(mock.syncs()).toBeLessThanOrEqual(3);
    if (result.ok) {
      expect(result.total).toBe(total);
      expect(result.syncs).toBe(mock.syncs());
    }
  });

  it("reads a version-1 document, upgraded to version 2 and priced as such", async () => {
    const mock = createExcelMock();
    const v1 = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, "..", "..", "examples", "v1", "commercial-imaging-ai.json"),
        "utf8"
      )
    );
    const result = await generateQuoteInExcel(mock.run, v1, AT);
    // Version 2's price of the version-1 imaging document (test/core/priceChange.test.ts):
    // 65,585.93 of cost lines + 10,834.80 fixed + 9,096.77 capital recovery.
    expect(result.ok && result.total).toBe(85517.5);
  });

  it("writes the cost table's columns: Line, Description, Kind, Quantity, Unit, Unit cost, Cost, Marginal cost, Full cost", async () => {
    const mock = createExcelMock();
    const result = await generateQuoteInExcel(mock.run, withLines(2), AT);
    expect(result.ok).toBe(true);
    const sheet = rebuildSheets(mock.log).get(`Quote ${EXAMPLE.reference}`);
    if (sheet === undefined) throw new Error("no quote sheet was written");
    /** The first row with this text in column A. */
    const rowOf = (columnA: string): number => {
      const rows = [...sheet.cells]
        .filter(
          ([address, cell]) => /^A\d+$/.test(address) && "text" in cell && cell.text === columnA
        )
        .map(([address]) => Number(address.slice(1)));
      if (rows.length === 0) throw new Error(`no row with ${columnA} in column A`);
      return Math.min(...rows);
    };
    const row = (r: number) =>
      ["A", "B", "C", "D", "E", "F", "G", "H", "I"].map((column) =>
        sheet.cells.get(`${column}${r}`)
      );
    const use = rowOf("Use of the data");
    expect(sheet.cells.get(`C${use}`)).toEqual({ text: "non-commercial" });
    const header = row(rowOf("Line"));
    expect(header.slice(0, 7)).toEqual(
      ["Line", "Description", "Kind", "Quantity", "Unit", "Unit cost", "Cost"].map((text) => ({
        text,
      }))
    );
    // The two last headers say which cost is charged, from the use cell.
    expect(header.slice(7).map((cell) => (cell as { formula: string }).formula)).toEqual([
      `IF($C$${use}="commercial","Marginal cost","Marginal cost (charged)")`,
      `IF($C$${use}="commercial","Full cost (charged)","Full cost")`,
    ]);
    const r = rowOf("line-1");
    const cells = row(r) as GridCell[];
    expect(cells.slice(0, 6)).toEqual([
      { text: "line-1" },
      { text: "Analyst day 1" },
      { text: "Staff time" },
      { number: 2 },
      { text: "day" },
      { number: 450 },
    ]);
    const [cost, marginal, full] = cells
      .slice(6)
      .map((cell) => (cell as { formula: string }).formula);
    expect(cost).toContain(`D${r}*F${r}`);
    expect(marginal).toContain(`G${r}*(1+IF(C${r}="Staff time",`);
    expect(full).toMatch(new RegExp(`^IF\\(C${r}="Pass-through",H${r},`));
  });

  it("refuses a document whose figures a quote cannot carry, naming the line, and writes nothing", async () => {
    const mock = createExcelMock();
    const doc = withLines(1);
    // 20,001 days x £2,500 = £50,002,500: above the £50,000,000 limit
    Object.assign(doc.costs.lines[0] as object, { quantity: 20001, unitCost: 2500 });
    const result = await generateQuoteInExcel(mock.run, doc, AT);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      {
        path: "costs.lines[0]",
        message: expect.stringMatching(/^comes to £50,002,500\.00, above the £50,000,000\.00/),
      },
    ]);
    expect(mock.runs()).toBe(0);
  });

  it("never replaces an existing sheet; generating again updates the partnership's register row", async () => {
    const existing = `Quote ${EXAMPLE.reference}`;
    const mock = createExcelMock({
      sheets: [existing, "Register"],
      register: {
        sheet: "Register",
        headers: [...REGISTER_HEADERS],
        body: [
          [
            "DP-2024-001",
            "Another partner",
            "Commercial",
            "Accepted",
            "",
            10,
            "None",
            "Complete",
            "",
            45000,
          ],
          [
            EXAMPLE.reference,
            "Old name",
            "Non-commercial",
            "Draft",
            "",
            1,
            "None",
            "Complete",
            "",
            45000,
          ],
        ],
      },
    });
    const result = await generateQuoteInExcel(mock.run, EXAMPLE, AT);
    expect(result.ok && result.sheetName).toBe(`${existing} (2)`);
    expect(result.ok && result.registerSheetName).toBe("Register");
    expect(mock.sheetNames().filter((name) => name === existing)).toHaveLength(1);
    expect(mock.log.filter((op) => op.path.endsWith(".rows") && op.name === "add")).toEqual([]);
    const register = rebuildSheets(mock.log).get("Register")!;
    expect(register.cells.has("A2")).toBe(false); // the other partnership's row is not touched
    expect(register.cells.get("A3")).toEqual({ text: EXAMPLE.reference });
    expect(register.cells.get("F3")).toEqual({ number: 34497.72 });
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
