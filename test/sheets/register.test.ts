import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  REGISTER_HEADERS,
  REGISTER_TABLE_NAME,
  registerSheetSpec,
  type RegisterEntry,
} from "../../src/sheets/register";
import { SheetSpecBuilder, text } from "../../src/sheets/spec";
import {
  XlsxBook,
  readDefinedNames,
  writeWorkbook,
  writeWorkbookDetailed,
} from "../../src/sheets/xlsxWriter";
import { recalculateBufferWithLibreOffice } from "../support/libreoffice";
import { syntheticQuote } from "./fixtures";

const E1: RegisterEntry = {
  reference: "Q-2025-001",
  partner: "Acme Analytics",
  use: "Commercial research",
  total: 12345.67,
  generated: "2025-06-30T10:30",
};
const E2: RegisterEntry = {
  reference: "Q-2025-002",
  partner: "=cmd|' /C calc'!A0",
  use: "_x0041_ \r\n use",
  total: 99.5,
  generated: "2025-07-01",
};
const E3: RegisterEntry = {
  reference: "Q-2025-003",
  partner: "University of Somewhere",
  use: "Academic",
  total: 0,
  generated: "2025-07-02T08:00:00Z",
};

async function tableXml(buffer: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const files = Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
  return Promise.all(files.map((f) => zip.file(f)!.async("string")));
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

function rowValues(ws: ExcelJS.Worksheet, row: number): unknown[] {
  return [1, 2, 3, 4, 5].map((c) => ws.getCell(row, c).value);
}

describe("register sheet spec", () => {
  test("header row plus one row per entry, as the NHSDP_Register table", () => {
    const spec = registerSheetSpec([E1, E2]);
    expect(spec.name).toBe("Register");
    expect(spec.table).toEqual({
      name: REGISTER_TABLE_NAME,
      range: "A1:E3",
      style: "TableStyleMedium2",
      showRowStripes: true,
    });
    expect(
      spec.cells
        .filter((c) => c.address?.endsWith("1"))
        .map((c) => (c.value.kind === "text" ? c.value.text : ""))
    ).toEqual([...REGISTER_HEADERS]);
    expect(spec.freeze).toEqual({ rows: 1 });
  });

  test("entries are validated", () => {
    expect(() => registerSheetSpec([])).toThrow(/At least one/);
    expect(() => registerSheetSpec([{ ...E1, total: Number.NaN }])).toThrow(/total/);
    expect(() => registerSheetSpec([{ ...E1, generated: "yesterday" }])).toThrow(/generated/);
  });
});

describe("register with ExcelJS", () => {
  test("created on first use, then rows are appended to the same table, never a second register", async () => {
    const first = await writeWorkbookDetailed([syntheticQuote(2).spec], { register: [E1] });
    expect(first.register).toEqual({ sheetName: "Register", created: true, rows: [2] });
    expect(await tableXml(first.buffer)).toEqual([expect.stringContaining('ref="A1:E2"')]);

    const second = await writeWorkbookDetailed([syntheticQuote(2).spec], {
      base: first.buffer,
      register: [E2],
    });
    expect(second.sheets[0]!.name).toBe("Quote (2)");
    expect(second.register).toEqual({ sheetName: "Register", created: false, rows: [3] });
    const third = await writeWorkbookDetailed([], { base: second.buffer, register: [E3] });
    expect(third.register).toEqual({ sheetName: "Register", created: false, rows: [4] });

    const tables = await tableXml(third.buffer);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toContain(`name="${REGISTER_TABLE_NAME}"`);
    expect(tables[0]).toContain('ref="A1:E4"');

    const wb = await load(third.buffer);
    const ws = wb.getWorksheet("Register")!;
    expect(rowValues(ws, 1)).toEqual([...REGISTER_HEADERS]);
    expect(rowValues(ws, 2).slice(0, 4)).toEqual([
      "Q-2025-001",
      "Acme Analytics",
      "Commercial research",
      12345.67,
    ]);
    // Texts written in an earlier run are unchanged by later appends (including "_x0041_" and CR).
    expect(rowValues(ws, 3).slice(0, 4)).toEqual([
      "Q-2025-002",
      "=cmd|' /C calc'!A0",
      "_x0041_ \r\n use",
      99.5,
    ]);
    expect(ws.getCell("B3").type).toBe(ExcelJS.ValueType.String);
    expect(rowValues(ws, 4).slice(0, 4)).toEqual([
      "Q-2025-003",
      "University of Somewhere",
      "Academic",
      0,
    ]);
    expect(ws.getCell("D4").numFmt).toBe("[$£-809]#,##0.00");
    expect(ws.getCell("E4").numFmt).toBe("yyyy-mm-dd hh:mm");
    expect((ws.getCell("E4").value as Date).toISOString()).toBe("2025-07-02T08:00:00.000Z");
    // The quote sheets' names are still scoped to their own sheets.
    expect((await readDefinedNames(third.buffer)).map((n) => n.sheetName)).toEqual([
      "Quote",
      "Quote (2)",
    ]);
  });

  test("the register is found by table name even if its sheet was renamed", async () => {
    const book = XlsxBook.create();
    book.appendToRegister([E1], { sheetName: "Quotes log" });
    const buffer = await book.toBuffer();
    const r = await writeWorkbookDetailed([], { base: buffer, register: [E2, E3] });
    expect(r.register).toEqual({ sheetName: "Quotes log", created: false, rows: [3, 4] });
  });

  test("a user's own sheet called Register is not taken over", async () => {
    const b = new SheetSpecBuilder("Register");
    b.set("A1", text("my notes"));
    const buffer = await writeWorkbook([b.build()]);
    const r = await writeWorkbookDetailed([], { base: buffer, register: [E1] });
    expect(r.register).toEqual({ sheetName: "Register (2)", created: true, rows: [2] });
    const wb = await load(r.buffer);
    expect(wb.getWorksheet("Register")!.getCell("A1").value).toBe("my notes");
  });
});

describe("register through LibreOffice", () => {
  test("the appended table opens in LibreOffice with all rows", async () => {
    const first = await writeWorkbook([], { register: [E1] });
    const second = await writeWorkbook([], { base: first, register: [E2, E3] });
    const res = await recalculateBufferWithLibreOffice(second, "register.xlsx");
    const tables = await tableXml(res.buffer);
    expect(tables).toEqual([expect.stringMatching(/name="NHSDP_Register"[\s\S]*ref="A1:E4"/)]);
    const ws = res.workbook.getWorksheet("Register")!;
    expect(rowValues(ws, 4).slice(0, 4)).toEqual([
      "Q-2025-003",
      "University of Somewhere",
      "Academic",
      0,
    ]);
    expect(ws.getCell("B3").value).toBe("=cmd|' /C calc'!A0");
  }, 180_000);
});
