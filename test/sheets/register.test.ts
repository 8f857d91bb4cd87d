/**
 * The partnership register: one row per partnership keyed by reference, updated in place when a quote
 * is generated again, the user's own columns and rows never touched. Checked on the pure plan, then
 * through ExcelJS files (reloaded from their bytes); register.engines.test.ts opens the table in
 * LibreOffice.
 */
import * as ExcelJS from "exceljs";
import {
  REGISTER_HEADERS,
  REGISTER_TABLE_NAME,
  planRegisterChange,
  registerSheetSpec,
} from "../../src/workbook/layouts/register/register";
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { text } from "../../src/workbook/spec/spec";
import {
  XlsxBook,
  readDefinedNames,
  writeWorkbook,
  writeWorkbookDetailed,
} from "../../src/workbook/xlsx/xlsxWriter";
import { syntheticQuote } from "./fixtures";
import { E1, E1_AGAIN, E2, E3, LAST_COLUMN, load, rowValues, tableXml } from "./registerEntries";

describe("register sheet spec", () => {
  test("header row plus one row per entry, as the NHSDP_Register table, header frozen", () => {
    const spec = registerSheetSpec([E1, E2]);
    expect(spec.name).toBe("Register");
    expect(spec.table).toEqual({
      name: REGISTER_TABLE_NAME,
      range: `A1:${LAST_COLUMN}3`,
      // Light banding: the heading row carries the other sheets' grey table heading itself.
      style: "TableStyleLight1",
      showRowStripes: true,
    });
    expect(
      spec.cells
        .filter((c) => c.address?.endsWith("1") && c.address.length === 2)
        .map((c) => (c.value.kind === "text" ? c.value.text : ""))
    ).toEqual([
      "Reference",
      "Partner",
      "Use",
      "Stage",
      "Owner",
      "Total excl. VAT (£)",
      "Value sharing",
      "IG status",
      "Review date",
      "Last generated",
    ]);
    expect(spec.freeze).toEqual({ rows: 1 });
    expect(spec.print.fitToWidth).toBe(true);
  });

  test("a heading row styled as the other sheets' tables, its headings wrapped within the row", () => {
    const spec = registerSheetSpec([E1, E2]);
    const header = spec.cells.filter((c) => /^[A-J]1$/.test(c.address ?? ""));
    expect(header).toHaveLength(10);
    for (const cell of header)
      expect(cell.style).toEqual({
        bold: true,
        fill: "#E8EDEE",
        border: { bottom: "thin" },
        vertical: "top",
        wrap: true,
      });
    // "Total excl. VAT (£)" in a column 14 wide takes two lines ("Total excl." / "VAT (£)"), as does
    // "Review date" in one 11 wide: the row is two lines of 15 points, so no heading spills into row 2.
    expect(spec.columnWidths.F).toBe(14);
    expect(spec.columnWidths.I).toBe(11);
    expect(spec.rowHeights?.["1"]).toBe(30);
  });

  test("money as pounds and pence; frozen heading, repeated on every printed page; page x of y", () => {
    const spec = registerSheetSpec([E1, E2]);
    const total = spec.cells.find((c) => c.address === "F2");
    expect(total?.value).toEqual({ kind: "number", value: E1.total });
    expect(total?.numberFormat).toBe("[$£-809]#,##0.00");
    expect(spec.freeze).toEqual({ rows: 1 });
    expect(spec.print.printTitleRows).toEqual({ first: 1, last: 1 });
    expect(spec.print.orientation).toBe("landscape");
    expect(spec.print.footer?.right).toEqual([
      "Register",
      " - page ",
      { field: "pageNumber" },
      " of ",
      { field: "pageCount" },
    ]);
  });

  test("the columns fit landscape A4 at 9 points or more when fitted to its width", () => {
    // A4 landscape is 297 mm = 841.9 pt; Excel's default margins leave 0.7 in (50.4 pt) each side:
    // 741.1 pt across. A column w wide is trunc(7w) + 5 pixels, 0.75 pt each. Fitting the sheet to
    // that width scales 11-point text to 11 x 741.1 / (0.75 x pixels).
    const spec = registerSheetSpec([E1, E2]);
    const pixels = Object.values(spec.columnWidths).reduce(
      (sum, w) => sum + Math.trunc(7 * w) + 5,
      0
    );
    expect(pixels).toBe(1177);
    expect((11 * 741.1) / (0.75 * pixels)).toBeGreaterThanOrEqual(9);
  });

  test("entries are validated, and a reference may appear once", () => {
    expect(() => registerSheetSpec([])).toThrow(/At least one/);
    expect(() => registerSheetSpec([{ ...E1, total: Number.NaN }])).toThrow(/total/);
    expect(() => registerSheetSpec([{ ...E1, generated: "yesterday" }])).toThrow(/generated/);
    expect(() => registerSheetSpec([{ ...E1, reviewDate: "31/03/2027" }])).toThrow(/reviewDate/);
    expect(() => registerSheetSpec([{ ...E1, reference: "  " }])).toThrow(/reference must not/);
    expect(() => registerSheetSpec([E1, E1_AGAIN])).toThrow(/" q-2025-001 " appears twice/);
  });
});

describe("planRegisterChange", () => {
  const headers = [...REGISTER_HEADERS];
  const row = (reference: string) => [reference, "x", "x", "x", "x", 1, "x", "x", 46000, 46000];

  test("a reference already in the register updates its row (case and spaces ignored); a new one is added", () => {
    const change = planRegisterChange({ headers, body: [row("Q-2025-000"), row("Q-2025-001")] }, [
      E1_AGAIN,
      E3,
    ]);
    expect(change.newColumns).toEqual([]);
    expect(change.updates.map((w) => [w.row, w.entry.reference])).toEqual([[1, " q-2025-001 "]]);
    expect(change.additions.map((w) => [w.row, w.entry.reference])).toEqual([[2, "Q-2025-003"]]);
    // Every one of the add-in's columns is written: the owner removed from the document is cleared.
    const cells = change.updates[0]!.cells;
    expect(cells.map((c) => c.column)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(cells[4]!.value).toEqual({ kind: "blank" });
    expect(cells[5]!).toMatchObject({ value: { kind: "number", value: 15000 } });
  });

  test("the user's own columns are found around, never written; the add-in's are found by header", () => {
    const userHeaders = ["Notes", "Reference", "Partner", "Invoice sent", ...headers.slice(2)];
    const change = planRegisterChange(
      { headers: userHeaders, body: [["call back", "Q-2025-001", "Acme", "yes"]] },
      [E1_AGAIN]
    );
    expect(change.updates).toHaveLength(1);
    const columns = change.updates[0]!.cells.map((c) => c.column);
    expect(columns).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(columns).not.toContain(0);
    expect(columns).not.toContain(3);
  });

  test("a register from an earlier version gains the new columns at its right", () => {
    const old = ["Reference", "Partner", "Use", "Total (£)", "Date generated"];
    const change = planRegisterChange(
      { headers: old, body: [["Q-2025-001", "Acme", "Commercial", 10, 45000]] },
      [E1_AGAIN]
    );
    expect(change.newColumns).toEqual([
      "Stage",
      "Owner",
      "Value sharing",
      "IG status",
      "Review date",
    ]);
    expect(change.width).toBe(10);
    // Reference 0, Partner 1, Use 2, Stage 5, Owner 6, Total 3, Value sharing 7, IG 8, Review 9, Generated 4
    expect(change.updates[0]!.cells.map((c) => c.column)).toEqual([0, 1, 2, 5, 6, 3, 7, 8, 9, 4]);
  });

  test("a blank row (an emptied table keeps one) is reused; a reference pasted twice updates the first", () => {
    const blank = headers.map(() => null);
    const change = planRegisterChange(
      { headers, body: [row("Q-2025-001"), blank, row("Q-2025-001")] },
      [E1_AGAIN, E2, E3]
    );
    expect(change.updates.map((w) => [w.row, w.entry.reference])).toEqual([
      [0, " q-2025-001 "],
      [1, "Q-2025-002"],
    ]);
    expect(change.additions.map((w) => [w.row, w.entry.reference])).toEqual([[3, "Q-2025-003"]]);
  });

  test("a register without a Reference column is refused with what its columns are", () => {
    expect(() =>
      planRegisterChange({ headers: ["Ref", "Partner"], body: [["Q-2025-001", "Acme"]] }, [E1])
    ).toThrow(
      'The register table NHSDP_Register has no "Reference" column, so its rows cannot be matched to partnerships; name the column of references "Reference" (its columns are: Ref, Partner)'
    );
  });
});

describe("register with ExcelJS", () => {
  test("created on first use; generating again updates the row in place; a new partnership adds one", async () => {
    const first = await writeWorkbookDetailed([syntheticQuote(2).spec], { register: [E1] });
    expect(first.register).toEqual({
      sheetName: "Register",
      created: true,
      updated: [],
      added: [2],
    });
    expect(await tableXml(first.buffer)).toEqual([
      expect.stringContaining(`ref="A1:${LAST_COLUMN}2"`),
    ]);

    const second = await writeWorkbookDetailed([syntheticQuote(2).spec], {
      base: first.buffer,
      register: [E1_AGAIN],
    });
    expect(second.sheets[0]!.name).toBe("Quote (2)");
    expect(second.register).toEqual({
      sheetName: "Register",
      created: false,
      updated: [2],
      added: [],
    });
    const third = await writeWorkbookDetailed([], { base: second.buffer, register: [E2, E3] });
    expect(third.register).toEqual({
      sheetName: "Register",
      created: false,
      updated: [],
      added: [3, 4],
    });

    const tables = await tableXml(third.buffer);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toContain(`name="${REGISTER_TABLE_NAME}"`);
    expect(tables[0]).toContain(`ref="A1:${LAST_COLUMN}4"`);

    const wb = await load(third.buffer);
    const ws = wb.getWorksheet("Register")!;
    expect(rowValues(ws, 1)).toEqual([...REGISTER_HEADERS]);
    const [a, b, c, d, e, f, g, h, i] = rowValues(ws, 2);
    // The whole row is the latest quote, its reference as the document now spells it.
    expect([a, b, c, d, e, f, g, h]).toEqual([
      " q-2025-001 ",
      "Acme Analytics",
      "Commercial",
      "Accepted",
      null,
      15000,
      "Royalty 4% of revenue, for 10 years",
      "Complete",
    ]);
    expect((i as Date).toISOString()).toBe("2027-03-31T00:00:00.000Z");
    expect((ws.getCell("J2").value as Date).toISOString()).toBe("2025-08-01T09:15:00.000Z");
    // Texts are written as text, never parsed (including "_x0041_" and CR).
    expect(rowValues(ws, 3).slice(0, 4)).toEqual([
      "Q-2025-002",
      "=cmd|' /C calc'!A0",
      "_x0041_ \r\n use",
      "Issued",
    ]);
    expect(ws.getCell("B3").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("F4").numFmt).toBe("[$£-809]#,##0.00");
    expect(ws.getCell("I2").numFmt).toBe("[$-809]d mmm yyyy");
    expect(ws.getCell("J4").numFmt).toBe("[$-809]d mmm yyyy hh:mm");
    // The quote sheets' names are still scoped to their own sheets; the register's print titles to it.
    expect(
      (await readDefinedNames(third.buffer)).map((n) => [
        n.sheetName,
        n.name === "_xlnm.Print_Titles",
      ])
    ).toEqual([
      ["Quote", false],
      ["Register", true],
      ["Quote (2)", false],
    ]);
  });

  test("what the user typed in a column of their own survives regeneration", async () => {
    const first = await writeWorkbook([], { register: [E1, E3] });
    // The user adds a Notes column to the table and writes in it.
    const wb = await load(first);
    const ws = wb.getWorksheet("Register")!;
    const table = ws.getTable(REGISTER_TABLE_NAME) as unknown as {
      table: { tableRef: string; columns: { name: string }[] };
    };
    table.table.columns.push({ name: "Notes" });
    table.table.tableRef = "A1:K3";
    ws.getCell("K1").value = "Notes";
    ws.getCell("K2").value = "Chase the DPIA";
    ws.getCell("K3").value = "Invoice sent";
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await tableXml(edited)).toEqual([expect.stringContaining('ref="A1:K3"')]);

    const again = await writeWorkbookDetailed([], { base: edited, register: [E1_AGAIN, E2] });
    expect(again.register).toMatchObject({ updated: [2], added: [4] });
    const after = (await load(again.buffer)).getWorksheet("Register")!;
    expect(after.getCell("K2").value).toBe("Chase the DPIA");
    expect(after.getCell("K3").value).toBe("Invoice sent");
    expect(after.getCell("K4").value).toBeNull();
    expect(after.getCell("D2").value).toBe("Accepted");
    expect(after.getCell("A4").value).toBe("Q-2025-002");
    expect(await tableXml(again.buffer)).toEqual([expect.stringContaining('ref="A1:K4"')]);
  });

  test("a register written by an earlier version keeps its rows and gains the new columns", async () => {
    const book = XlsxBook.create();
    const b = new SheetSpecBuilder("Register");
    const oldHeaders = ["Reference", "Partner", "Use", "Total (£)", "Date generated"];
    oldHeaders.forEach((h, i) => b.setAt(1, i + 1, text(h)));
    b.setAt(2, 1, text("Q-2024-009"));
    b.setAt(2, 2, text("Older Partner Ltd"));
    b.setAt(2, 3, text("Commercial research"));
    b.table({ name: REGISTER_TABLE_NAME, range: "A1:E2" });
    book.addSheet(b.build());
    const old = await book.toBuffer();

    const updated = await writeWorkbookDetailed([], { base: old, register: [E1] });
    expect(updated.register).toMatchObject({ created: false, updated: [], added: [3] });
    const ws = (await load(updated.buffer)).getWorksheet("Register")!;
    expect(rowValues(ws, 1)).toEqual([
      ...oldHeaders,
      "Stage",
      "Owner",
      "Value sharing",
      "IG status",
      "Review date",
    ]);
    expect(rowValues(ws, 2).slice(0, 3)).toEqual([
      "Q-2024-009",
      "Older Partner Ltd",
      "Commercial research",
    ]);
    expect(rowValues(ws, 3).slice(0, 4)).toEqual([
      "Q-2025-001",
      "Acme Analytics",
      "Commercial",
      12345.67,
    ]);
    expect(ws.getCell("F3").value).toBe("Draft");
    expect(ws.getCell("G3").value).toBe("Jo Bloggs, Head of Data");
    expect(await tableXml(updated.buffer)).toEqual([expect.stringContaining('ref="A1:J3"')]);
  });

  test("the register is found by table name even if its sheet was renamed", async () => {
    const book = XlsxBook.create();
    book.updateRegister([E1], { sheetName: "Quotes log" });
    const buffer = await book.toBuffer();
    const r = await writeWorkbookDetailed([], { base: buffer, register: [E2, E3] });
    expect(r.register).toEqual({
      sheetName: "Quotes log",
      created: false,
      updated: [],
      added: [3, 4],
    });
  });

  test("a user's own sheet called Register is not taken over", async () => {
    const b = new SheetSpecBuilder("Register");
    b.set("A1", text("my notes"));
    const buffer = await writeWorkbook([b.build()]);
    const r = await writeWorkbookDetailed([], { base: buffer, register: [E1] });
    expect(r.register).toEqual({
      sheetName: "Register (2)",
      created: true,
      updated: [],
      added: [2],
    });
    const wb = await load(r.buffer);
    expect(wb.getWorksheet("Register")!.getCell("A1").value).toBe("my notes");
  });
});
