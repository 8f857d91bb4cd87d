import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { formula, num, text, type SheetSpec } from "../../src/workbook/spec/spec";
import {
  readDefinedNames,
  rewriteDefinedNames,
  writeWorkbook,
  writeWorkbookDetailed,
  XlsxBook,
} from "../../src/workbook/xlsx/xlsxWriter";
import { evaluateWithHyperFormula, evaluateXlsxWithHyperFormula } from "../support/hyperformula";
import { recalculateBufferWithLibreOffice } from "../support/libreoffice";
import { syntheticQuote } from "./fixtures";

const LO_TIMEOUT = 180_000;

/** Lines B2:B4 = ROUND(C*D,2), B5 = SUM (named NHSDP_Total), B6 = B5*2 cached wrongly, B7 uses the name. */
function smallSpec(name: string, lines: [number, number][]): SheetSpec {
  const b = new SheetSpecBuilder(name);
  b.row(1, "A", [text("Item"), text("Line total"), text("Quantity"), text("Unit cost")], {
    style: { bold: true },
  });
  lines.forEach(([qty, unit], i) => {
    const r = i + 2;
    b.row(r, "A", [text(`Line ${i + 1}`), formula(`ROUND(C${r}*D${r},2)`), num(qty), num(unit)]);
  });
  b.set("A5", text("Total"));
  b.set("B5", formula("SUM(B2:B4)"), { numberFormat: "#,##0.00" });
  b.defineName("NHSDP_Total", "B5");
  b.set("B6", formula("B5*2", 1)); // deliberately wrong cached value: only a recalculation fixes it
  b.set("B7", formula("NHSDP_Total+0"));
  b.print({ header: { left: "NHS", center: `Quote ${name} & co`, right: "Draft" } });
  return b.build();
}

// 12 × 45.678 = 548.136 → 548.14; 7 × 13.3333 = 93.3331 → 93.33; 3 × 1250.1 = 3750.3
const LINES: [number, number][] = [
  [12, 45.678],
  [7, 13.3333],
  [3, 1250.1],
];
const EXPECTED = {
  B2: 548.14,
  B3: 93.33,
  B4: 3750.3,
  B5: 548.14 + 93.33 + 3750.3,
  B6: 2 * (548.14 + 93.33 + 3750.3),
};
// Second sheet: 2 × 10.005 = 20.01; 1 × 0.994 = 0.994 → 0.99; 4 × 2.5 = 10
const LINES2: [number, number][] = [
  [2, 10.005],
  [1, 0.994],
  [4, 2.5],
];
const TOTAL2 = 20.01 + 0.99 + 10;

async function unzip(buffer: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(buffer);
}

function cellNumber(ws: ExcelJS.Worksheet, address: string): number {
  const v = ws.getCell(address).value;
  if (typeof v === "number") return v;
  if (v && typeof v === "object" && "result" in v && typeof v.result === "number") return v.result;
  throw new Error(`${address}: no numeric value (${JSON.stringify(v)})`);
}

describe("xlsxWriter: package contents", () => {
  let buffer: Uint8Array;
  beforeAll(async () => {
    buffer = await writeWorkbook([smallSpec("Lines", LINES)]);
  });

  test("NHSDP_Total is a sheet-scoped defined name (localSheetId)", async () => {
    const xml = await (await unzip(buffer)).file("xl/workbook.xml")!.async("string");
    expect(xml).toContain(
      `<definedName name="NHSDP_Total" localSheetId="0">'Lines'!$B$5</definedName>`
    );
    expect(await readDefinedNames(buffer)).toEqual([
      { name: "NHSDP_Total", sheetName: "Lines", text: "'Lines'!$B$5" },
    ]);
    expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  test("A4 portrait, fit to one page wide, header text", async () => {
    const sheet = await (await unzip(buffer)).file("xl/worksheets/sheet1.xml")!.async("string");
    const pageSetup = /<pageSetup [^>]*\/>/.exec(sheet)![0];
    expect(pageSetup).toContain('paperSize="9"');
    expect(pageSetup).toContain('orientation="portrait"');
    expect(pageSetup).toContain('fitToWidth="1"');
    expect(pageSetup).toContain('fitToHeight="0"');
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheet).toContain(
      "<oddHeader>&amp;LNHS&amp;CQuote Lines &amp;&amp; co&amp;RDraft</oddHeader>"
    );
  });

  test("formulas are written without cached values unless given; text as shared strings", async () => {
    const sheet = await (await unzip(buffer)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toContain('<c r="B2"><f>ROUND(C2*D2,2)</f></c>');
    expect(sheet).toContain("<f>B5*2</f><v>1</v>");
    expect(sheet).toMatch(/<c r="A2" t="s">/);
  });

  test('generating again into the same workbook adds "Lines (2)" with its own NHSDP_Total', async () => {
    const again = await writeWorkbookDetailed([smallSpec("Lines", LINES2)], { base: buffer });
    expect(again.sheets).toEqual([{ desiredName: "Lines", name: "Lines (2)" }]);
    expect(await readDefinedNames(again.buffer)).toEqual([
      { name: "NHSDP_Total", sheetName: "Lines", text: "'Lines'!$B$5" },
      { name: "NHSDP_Total", sheetName: "Lines (2)", text: "'Lines (2)'!$B$5" },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(again.buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Lines", "Lines (2)"]);
    expect(wb.getWorksheet("Lines")!.getCell("B2").formula).toBe("ROUND(C2*D2,2)");
  });

  test("existingSheetNames are avoided as well", async () => {
    const r = await writeWorkbookDetailed([smallSpec("Lines", LINES)], {
      existingSheetNames: ["LINES", "lines (2)"],
    });
    expect(r.sheets[0]!.name).toBe("Lines (3)");
  });

  test("names read from a base file keep their scope, other names survive, removed sheets drop theirs", () => {
    const xml =
      '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B &amp; C" sheetId="2" r:id="rId2"/></sheets>' +
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">A!$A$1:$B$2</definedName></definedNames><calcPr/></workbook>';
    const out = rewriteDefinedNames(xml, [
      { name: "_xlnm.Print_Area", sheetName: "A", text: "A!$A$1:$B$2" },
      { name: "Rate", text: "0.035", attributes: { hidden: "1" } },
      { name: "NHSDP_Total", sheetName: "B & C", text: "'B & C'!$F$3" },
      { name: "Gone", sheetName: "Deleted", text: "Deleted!$A$1" },
    ]);
    expect(out).toContain(
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">A!$A$1:$B$2</definedName><definedName name="Rate" hidden="1">0.035</definedName>' +
        `<definedName name="NHSDP_Total" localSheetId="1">'B &amp; C'!$F$3</definedName></definedNames><calcPr/>`
    );
  });
});

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
  test(
    "LibreOffice recalculates on load (a wrong cached value is corrected) and gets the arithmetic",
    async () => {
      const buffer = await writeWorkbook([smallSpec("Lines", LINES)]);
      const res = await recalculateBufferWithLibreOffice(buffer, "small.xlsx");
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
    },
    LO_TIMEOUT
  );

  test(
    "two sheets with their own NHSDP_Total, and a 1,000-line quote",
    async () => {
      const first = await writeWorkbook([smallSpec("Lines", LINES)]);
      const q = syntheticQuote(1000);
      const both = await writeWorkbook([smallSpec("Lines", LINES2), q.spec], { base: first });
      const res = await recalculateBufferWithLibreOffice(both, "both.xlsx");
      expect(cellNumber(res.workbook.getWorksheet("Lines")!, "B7")).toBeCloseTo(EXPECTED.B5, 10);
      expect(cellNumber(res.workbook.getWorksheet("Lines (2)")!, "B7")).toBeCloseTo(TOTAL2, 10);
      const quote = res.workbook.getWorksheet("Quote")!;
      expect(cellNumber(quote, `E${q.totalRow}`)).toBeCloseTo(q.totalPence / 100, 6);
      expect(cellNumber(quote, "E1004")).toBeCloseTo(
        (q.lines[999]!.qty * q.lines[999]!.unitPence) / 100,
        10
      );
    },
    LO_TIMEOUT
  );
});
