/*
 * The xlsx writer's sheets (smallSpec.ts, and a 1,000-line quote) computed by two spreadsheet engines:
 * HyperFormula in-process, and LibreOffice, which recalculates on load (a wrong cached value is
 * corrected). Both LibreOffice workbooks are recalculated in one run.
 */
import * as ExcelJS from "exceljs";
import { readDefinedNames, writeWorkbook, XlsxBook } from "../../src/workbook/xlsx/xlsxWriter";
import { evaluateWithHyperFormula, evaluateXlsxWithHyperFormula } from "../support/hyperformula";
import { libreOfficeBatch } from "../support/libreoffice";
import { syntheticQuote } from "./fixtures";
import { EXPECTED, LINES, LINES2, TOTAL2, smallSpec } from "./smallSpec";

/** The two workbooks LibreOffice recalculates, in one run. */
const libreOffice = libreOfficeBatch();
const small = libreOffice.add("small.xlsx", () => writeWorkbook([smallSpec("Lines", LINES)]));
const both = libreOffice.add("both.xlsx", async () => {
  const first = await writeWorkbook([smallSpec("Lines", LINES)]);
  return writeWorkbook([smallSpec("Lines", LINES2), syntheticQuote(1000).spec], { base: first });
});

function cellNumber(ws: ExcelJS.Worksheet, address: string): number {
  const v = ws.getCell(address).value;
  if (typeof v === "number") return v;
  if (v && typeof v === "object" && "result" in v && typeof v.result === "number") return v.result;
  throw new Error(`${address}: no numeric value (${JSON.stringify(v)})`);
}

describe("xlsxWriter: values computed by HyperFormula", () => {
  test("the small spec evaluates to the arithmetic", async () => {
    const buffer = await writeWorkbook([smallSpec("Lines", LINES)]);
    const v = await evaluateXlsxWithHyperFormula(buffer, "Lines", [
      "B2",
      "B3",
      "B4",
      "B5",
      "B6",
      "B7",
      "NHSDP_Total",
    ]);
    expect(v["B2"]).toBeCloseTo(EXPECTED.B2, 10);
    expect(v["B3"]).toBeCloseTo(EXPECTED.B3, 10);
    expect(v["B4"]).toBeCloseTo(EXPECTED.B4, 10);
    expect(v["B5"]).toBeCloseTo(EXPECTED.B5, 10);
    expect(v["B6"]).toBeCloseTo(EXPECTED.B6, 10);
    expect(v["B7"]).toBeCloseTo(EXPECTED.B5, 10);
    expect(v["NHSDP_Total"]).toBeCloseTo(EXPECTED.B5, 10);
  });

  test("same-named sheet-scoped totals resolve to their own sheet", async () => {
    const first = await writeWorkbook([smallSpec("Lines", LINES)]);
    const both = await writeWorkbook([smallSpec("Lines", LINES2)], { base: first });
    const v1 = await evaluateXlsxWithHyperFormula(both, "Lines", ["NHSDP_Total", "B7"]);
    const v2 = await evaluateXlsxWithHyperFormula(both, "Lines (2)", ["NHSDP_Total", "B7"]);
    expect(v1["NHSDP_Total"]).toBeCloseTo(EXPECTED.B5, 10);
    expect(v1["B7"]).toBeCloseTo(EXPECTED.B5, 10);
    expect(v2["NHSDP_Total"]).toBeCloseTo(TOTAL2, 10);
    expect(v2["B7"]).toBeCloseTo(TOTAL2, 10);
  });

  test("a 1,000-line quote totals to the exact sum of its lines", async () => {
    const q = syntheticQuote(1000);
    const book = XlsxBook.create();
    book.addSheet(q.spec);
    const v = evaluateWithHyperFormula(
      book.workbook,
      "Quote",
      [`E${q.totalRow}`, "E5", "E1004"],
      [...book.definedNames()]
    );
    expect(v[`E${q.totalRow}`]).toBeCloseTo(q.totalPence / 100, 6);
    expect(v["E5"]).toBeCloseTo((q.lines[0]!.qty * q.lines[0]!.unitPence) / 100, 10);
  });
});

describe("xlsxWriter: values recalculated by LibreOffice", () => {
  test("LibreOffice recalculates on load (a wrong cached value is corrected) and gets the arithmetic", async () => {
    const res = await small();
    const ws = res.workbook.getWorksheet("Lines")!;
    expect(cellNumber(ws, "B6")).toBeCloseTo(EXPECTED.B6, 10); // was cached as 1
    expect(cellNumber(ws, "B2")).toBeCloseTo(EXPECTED.B2, 10);
    expect(cellNumber(ws, "B3")).toBeCloseTo(EXPECTED.B3, 10);
    expect(cellNumber(ws, "B4")).toBeCloseTo(EXPECTED.B4, 10);
    expect(cellNumber(ws, "B5")).toBeCloseTo(EXPECTED.B5, 10);
    expect(cellNumber(ws, "B7")).toBeCloseTo(EXPECTED.B5, 10);
    // LibreOffice keeps the name sheet-scoped.
    expect(await readDefinedNames(res.buffer)).toContainEqual(
      expect.objectContaining({ name: "NHSDP_Total", sheetName: "Lines", text: "Lines!$B$5" })
    );
    // HyperFormula agrees with LibreOffice.
    const hf = evaluateWithHyperFormula(res.workbook, "Lines", ["B2", "B3", "B4", "B5", "B6"]);
    for (const a of ["B2", "B3", "B4", "B5", "B6"])
      expect(hf[a]).toBeCloseTo(cellNumber(ws, a), 10);
    // A file saved by LibreOffice can be the base of the next generation: its names keep their scope.
    const next = await writeWorkbook([smallSpec("Lines", LINES2)], { base: res.buffer });
    expect((await readDefinedNames(next)).map((n) => [n.name, n.sheetName])).toEqual([
      ["NHSDP_Total", "Lines"],
      ["NHSDP_Total", "Lines (2)"],
    ]);
    const v = await evaluateXlsxWithHyperFormula(next, "Lines (2)", ["NHSDP_Total", "B7"]);
    expect(v["B7"]).toBeCloseTo(TOTAL2, 10);
    expect((await evaluateXlsxWithHyperFormula(next, "Lines", ["B7"]))["B7"]).toBeCloseTo(
      EXPECTED.B5,
      10
    );
  });

  test("two sheets with their own NHSDP_Total, and a 1,000-line quote", async () => {
    const q = syntheticQuote(1000);
    const res = await both();
    expect(cellNumber(res.workbook.getWorksheet("Lines")!, "B7")).toBeCloseTo(EXPECTED.B5, 10);
    expect(cellNumber(res.workbook.getWorksheet("Lines (2)")!, "B7")).toBeCloseTo(TOTAL2, 10);
    const quote = res.workbook.getWorksheet("Quote")!;
    expect(cellNumber(quote, `E${q.totalRow}`)).toBeCloseTo(q.totalPence / 100, 6);
    expect(cellNumber(quote, "E1004")).toBeCloseTo(
      (q.lines[999]!.qty * q.lines[999]!.unitPence) / 100,
      10
    );
  });
});
