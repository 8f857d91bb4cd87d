/*
 * Hostile text (formulas, escapes, control characters) through the ExcelJS and Office.js writers: every
 * string stays text, never a formula. injection.engines.test.ts takes it through LibreOffice.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeSheets } from "../../src/addin/writeSheets";
import { REGISTER_HEADERS } from "../../src/workbook/layouts/register/register";
import { normaliseCellText } from "../../src/workbook/spec/safeText";
import {
  XlsxBook,
  workbookSheetNames,
  writeWorkbook,
  writeWorkbookDetailed,
} from "../../src/workbook/xlsx/xlsxWriter";
import { createExcelMock, rebuildSheets } from "../support/officeMock";
import { HOSTILE_STRINGS } from "./fixtures";
import { REGISTER, REGISTER_TEXT_COLUMNS, corpusSpec, expectTextCells } from "./hostileCorpus";

describe("hostile text through the ExcelJS writer", () => {
  let buffer: Uint8Array;
  beforeAll(async () => {
    buffer = await writeWorkbook([corpusSpec()], { register: REGISTER });
  });

  test("every string comes back as a string cell with the same text, never a formula", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expectTextCells(wb.getWorksheet("Corpus")!, "A", 1, HOSTILE_STRINGS);
    const reg = wb.getWorksheet("Register")!;
    for (const col of REGISTER_TEXT_COLUMNS)
      expectTextCells(
        reg,
        col,
        2,
        REGISTER.map((r) => r.reference)
      );
  });

  test("the package has no <f> element and no cell that is not a shared string", async () => {
    const zip = await JSZip.loadAsync(buffer);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).not.toContain("<f>");
    const cells = [...sheet.matchAll(/<c r="(A\d+)"([^>]*)>/g)];
    expect(cells).toHaveLength(HOSTILE_STRINGS.length);
    for (const c of cells) expect(c[2]).toContain('t="s"');
    expect(await zip.file("xl/workbook.xml")!.async("string")).not.toMatch(
      /externalReference|ddeLink/
    );
    expect(Object.keys(zip.files).some((f) => f.includes("externalLink"))).toBe(false);
  });

  test("hostile desired sheet names become valid, distinct sheet names", async () => {
    const specs = HOSTILE_STRINGS.map((s) => ({ ...corpusSpec(), name: s }));
    const r = await writeWorkbookDetailed(specs);
    const names = r.sheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
    for (const n of names) {
      expect(n.length).toBeGreaterThan(0);
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[/\\?*:[\]]|^'|'$/);
    }
    const xml = await (await JSZip.loadAsync(r.buffer)).file("xl/workbook.xml")!.async("string");
    expect(workbookSheetNames(xml)).toEqual(names);
    // ExcelJS's loader decodes "&amp;" in a sheet name twice; XlsxBook.load puts the true name back.
    const book = await XlsxBook.load(r.buffer);
    expect(book.sheetNames()).toEqual(names);
    const again = await book.toBuffer();
    const xml2 = await (await JSZip.loadAsync(again)).file("xl/workbook.xml")!.async("string");
    expect(workbookSheetNames(xml2)).toEqual(names);
  });
});

describe("hostile text through the Office.js writer", () => {
  test("every text reaches Range.values apostrophe-prefixed and never Range.formulas", async () => {
    const mock = createExcelMock({ sheets: ["Corpus"] });
    await writeSheets(mock.run, [corpusSpec()], { register: REGISTER });
    const sheets = rebuildSheets(mock.log); // throws if any string would be parsed by Excel
    const sheet = sheets.get("Corpus (2)")!;
    HOSTILE_STRINGS.forEach((s, i) =>
      expect(sheet.cells.get(`A${i + 1}`)).toEqual({ text: normaliseCellText(s) })
    );
    expect(mock.log.filter((op) => op.name === "formulas")).toHaveLength(0);
    const register = sheets.get("Register")!;
    REGISTER.forEach((r, i) =>
      expect(register.cells.get(`B${i + 2}`)).toEqual({ text: normaliseCellText(r.partner) })
    );
  });

  test("hostile register rows written to an existing table pass only apostrophe-prefixed text", async () => {
    const mock = createExcelMock({
      sheets: ["Register"],
      register: { sheet: "Register", headers: [...REGISTER_HEADERS], body: [] },
    });
    await writeSheets(mock.run, [], { register: REGISTER });
    const register = rebuildSheets(mock.log).get("Register")!; // throws on any text Excel would parse
    REGISTER.forEach((r, i) => {
      for (const col of REGISTER_TEXT_COLUMNS)
        expect(register.cells.get(`${col}${i + 2}`)).toEqual({
          text: normaliseCellText(r.partner),
        });
    });
    expect(mock.log.filter((op) => op.name === "formulas")).toHaveLength(0);
  });
});
