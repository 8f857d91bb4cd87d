/**
 * Print areas are defined names the .xlsx writer writes itself. Excel's rule (ECMA-376 part 1, 18.2.5
 * and 18.17): a sheet name in a reference is quoted, with each apostrophe inside it doubled; a name
 * that does not parse is dropped by Excel's repair, and the sheet then prints everything.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { text } from "../../src/workbook/spec/spec";
import { XlsxBook, readDefinedNames, writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";

function sheet(name: string) {
  const builder = new SheetSpecBuilder(name).print({ printArea: "A1:C4" });
  builder.set("A1", text("printed"));
  return builder.build();
}

describe("print areas", () => {
  test("a sheet name with an apostrophe is quoted with the apostrophe doubled, the rows absolute", async () => {
    const bytes = await writeWorkbook([sheet("Quote St George's DP-07")]);
    const names = await readDefinedNames(bytes);
    expect(names.filter((n) => n.name === "_xlnm.Print_Area")).toEqual([
      expect.objectContaining({
        sheetName: "Quote St George's DP-07",
        text: "'Quote St George''s DP-07'!$A$1:$C$4",
      }),
    ]);
  });

  test("a workbook written on top of one keeps each print area once, still escaped", async () => {
    const first = await writeWorkbook([sheet("King's")]);
    const book = await XlsxBook.load(first);
    book.addSheet(sheet("St Mary's"));
    const names = await readDefinedNames(await book.toBuffer());
    expect(
      names
        .filter((n) => n.name === "_xlnm.Print_Area")
        .map((n) => [n.sheetName, n.text])
        .sort()
    ).toEqual([
      ["King's", "'King''s'!$A$1:$C$4"],
      ["St Mary's", "'St Mary''s'!$A$1:$C$4"],
    ]);
  });

  test("another reader (ExcelJS) parses the written print area", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeWorkbook([sheet("King's")])) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("King's")?.pageSetup.printArea).toBe("A1:C4"); // ExcelJS drops the $ signs
  });
});

test("a manual page break runs across Excel's columns, A to XFD (max 16383, zero-based)", async () => {
  const builder = new SheetSpecBuilder("Breaks").print({ printArea: "A1:C40", rowBreaks: [20] });
  builder.set("A1", text("printed"));
  const zip = await JSZip.loadAsync(await writeWorkbook([builder.build()]));
  const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  // The spec names the row that starts the new page; the break is recorded below the row before it.
  expect(sheetXml).toMatch(/<brk id="19" max="16383" man="1"\/>/);
});
