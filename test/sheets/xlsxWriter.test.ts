/*
 * The xlsx writer's package: defined names, page setup, formulas and strings as written, and a second
 * generation into the same workbook. xlsxWriter.engines.test.ts has HyperFormula and LibreOffice
 * compute the values.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  readDefinedNames,
  rewriteDefinedNames,
  writeWorkbook,
  writeWorkbookDetailed,
} from "../../src/workbook/xlsx/xlsxWriter";
import { LINES, LINES2, smallSpec } from "./smallSpec";

async function unzip(buffer: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(buffer);
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
