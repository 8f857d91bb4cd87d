import type { ExcelRun } from "../../src/addin/excelRun";
import { writeSheets, updateRegister } from "../../src/addin/writeSheets";
import { officeBlockArrays } from "../../src/workbook/office/officeWriter";
import { planSheet } from "../../src/workbook/spec/plan";
import { REGISTER_HEADERS } from "../../src/workbook/layouts/register/register";
import { normaliseCellText } from "../../src/workbook/spec/safeText";
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { text } from "../../src/workbook/spec/spec";
import { createExcelMock, rebuildSheets, type OfficeCall } from "../support/officeMock";
import { HOSTILE_STRINGS, LINE_FIRST_ROW, syntheticQuote } from "./fixtures";

const BULK = ["values", "formulas", "numberFormat"];

function bulkAssignments(log: readonly OfficeCall[]): OfficeCall[] {
  return log.filter((op) => op.kind === "set" && BULK.includes(op.name));
}

async function generate(lines: number, existing: string[] = []) {
  const mock = createExcelMock({ sheets: existing });
  const q = syntheticQuote(lines, "Quote", HOSTILE_STRINGS);
  const result = await writeSheets(mock.run, [q.spec]);
  return { mock, q, result };
}

// Type-level check: the real Excel.run can be passed where an ExcelRun is expected.
export function acceptsExcelRun(): ExcelRun {
  return Excel.run;
}

describe("writeSheets", () => {
  test.each([1, 10, 1000])("%i cost lines: one Excel.run, at most 3 syncs", async (lines) => {
    const { mock, result } = await generate(lines);
    expect(mock.runs()).toBe(1);
    expect(mock.syncs()).toBeLessThanOrEqual(3);
    expect(result.syncs).toBe(mock.syncs());
  });

  test("values, formulas and number formats are 2-D arrays and their number does not grow with the cells", async () => {
    const counts: Record<number, { bulk: number; all: number }> = {};
    for (const lines of [1, 10, 1000]) {
      const { mock } = await generate(lines);
      const bulk = bulkAssignments(mock.log);
      for (const op of bulk) {
        expect(Array.isArray(op.value)).toBe(true);
        expect((op.value as unknown[]).every((row) => Array.isArray(row))).toBe(true);
      }
      counts[lines] = { bulk: bulk.length, all: mock.log.length };
    }
    expect(counts[1000]!.bulk).toBe(counts[10]!.bulk);
    expect(counts[1000]!.all).toBe(counts[10]!.all);
    expect(counts[1]!.all).toBeLessThanOrEqual(counts[10]!.all);
    // A handful of blocks (title, header+lines, total, date): values + formulas + formats each.
    expect(counts[1000]!.bulk).toBeLessThanOrEqual(12);
    expect(counts[1000]!.all).toBeLessThan(120);
  });

  test("the line block holds every line in one assignment of each kind", async () => {
    const { mock } = await generate(1000);
    const lineBlock = `ws[Quote].getRange(A4:E${LINE_FIRST_ROW + 999})`;
    const ops = mock.log.filter((op) => op.path === lineBlock && op.kind === "set");
    expect(ops.map((o) => o.name).sort()).toEqual(["formulas", "numberFormat", "values"]);
    for (const op of ops) expect((op.value as unknown[][]).length).toBe(1001);
    const formulas = ops.find((o) => o.name === "formulas")!.value as (string | null)[][];
    expect(formulas[1]).toEqual([null, null, null, null, `=ROUND(C5*D5,2)`]);
    expect(formulas[1000]![4]).toBe(`=ROUND(C1004*D1004,2)`);
  });

  test("text cells starting with = + - @ are never passed as formulas, nor unescaped in values", async () => {
    const { mock, q } = await generate(HOSTILE_STRINGS.length);
    const sheets = rebuildSheets(mock.log); // throws on any string Excel would parse
    const sheet = sheets.get("Quote")!;
    HOSTILE_STRINGS.forEach((s, i) => {
      const cell = sheet.cells.get(`A${LINE_FIRST_ROW + i}`);
      expect(cell).toEqual({ text: normaliseCellText(s) });
    });
    for (const op of bulkAssignments(mock.log)) {
      for (const row of op.value as unknown[][]) {
        for (const v of row) {
          if (typeof v !== "string") continue;
          if (op.name === "values") expect(v.startsWith("'")).toBe(true);
          if (op.name === "formulas")
            expect(v).toMatch(/^=(ROUND\(C\d+\*D\d+,2\)|SUM\(E5:E\d+\))$/);
        }
      }
    }
    expect(q.spec.cells.filter((c) => c.value.kind === "formula")).toHaveLength(
      HOSTILE_STRINGS.length + 1
    );
  });

  test("calculation and screen updating are suspended while writing, then the workbook recalculates", async () => {
    const { mock } = await generate(3);
    const calls = mock.log.filter((op) => op.path === "application").map((op) => op.name);
    expect(calls).toEqual([
      "suspendApiCalculationUntilNextSync",
      "suspendScreenUpdatingUntilNextSync",
      "calculate",
    ]);
    const firstWrite = mock.log.findIndex((op) => op.kind === "set");
    const suspend = mock.log.findIndex((op) => op.name === "suspendApiCalculationUntilNextSync");
    expect(suspend).toBeLessThan(firstWrite);
  });

  test('a second generation with an existing sheet of the same name creates "Quote (2)", then "Quote (3)"', async () => {
    const { mock, result } = await generate(2, ["Quote", "Notes"]);
    expect(result.sheets).toEqual([{ desiredName: "Quote", name: "Quote (2)" }]);
    expect(
      mock.log
        .filter((op) => op.name === "add" && op.path === "workbook.worksheets")
        .map((op) => op.args)
    ).toEqual([["Quote (2)"]]);
    const again = await generate(2, ["quote", "QUOTE (2)"]);
    expect(again.result.sheets[0]!.name).toBe("Quote (3)");
  });

  test("names, page layout, headers, freeze panes, widths and merges", async () => {
    const { mock, q } = await generate(4);
    const ws = "ws[Quote]";
    const nameAdd = mock.log.find((op) => op.path === `${ws}.names` && op.name === "add")!;
    expect(nameAdd.args).toEqual(["NHSDP_Total", { ref: `${ws}.getRange(E${q.totalRow})` }]);
    const sets = (path: string) =>
      Object.fromEntries(
        mock.log
          .filter((op) => op.path === path && op.kind === "set")
          .map((op) => [op.name, op.value])
      );
    expect(sets(`${ws}.pageLayout`)).toEqual({
      paperSize: "A4",
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect(sets(`${ws}.pageLayout.headersFooters.defaultForAllPages`)).toEqual({
      centerHeader: "Quote Quote",
      rightHeader: "NHSDP && partners",
      leftFooter: "Confidential",
    });
    expect(mock.log.find((op) => op.path === `${ws}.freezePanes`)).toMatchObject({
      name: "freezeRows",
      args: [4],
    });
    expect(
      mock.log.find((op) => op.path === `${ws}.getRange(A1:E1)` && op.name === "merge")
    ).toBeDefined();
    expect(sets(`${ws}.getRange(A:A).format`)).toEqual({ columnWidth: 210 });
    const activate = mock.log.find((op) => op.name === "activate");
    expect(activate?.path).toBe(ws);
  });

  test("styles are applied once per distinct style, to all its cells at once", async () => {
    const { mock } = await generate(1000);
    const getRanges = mock.log.filter((op) => op.name === "getRanges");
    expect(getRanges.length).toBeLessThanOrEqual(8);
    const wrap = getRanges.find((op) => String(op.args![0]).includes("A5:A1004"));
    expect(wrap).toBeDefined();
    const borders = mock.log.filter(
      (op) => op.path.includes(".borders.getItem(") && op.kind === "set"
    );
    expect(borders.length).toBeLessThan(20);
  });

  const entry = (reference: string, partner: string, total: number) => ({
    reference,
    partner,
    use: "Commercial",
    stage: "Issued",
    total,
    valueSharing: "None",
    igStatus: "Complete",
    generated: "2025-07-01T09:00",
  });
  const existingRow = (reference: string) => [
    reference,
    "Old partner",
    "Commercial",
    "Draft",
    "",
    1,
    "None",
    "Complete",
    "",
    45800,
  ];

  test("register: an existing partnership's row is updated in place, a new one added, in four syncs", async () => {
    const mock = createExcelMock({
      sheets: ["Register", "Quote"],
      register: {
        sheet: "Register",
        headers: [...REGISTER_HEADERS],
        body: [existingRow("Q-1"), existingRow("Q-2")],
      },
    });
    const result = await updateRegister(mock.run, [
      entry("q-2", "=cmd|' /C calc'!A0", 1234.5),
      entry("Q-3", "Acme", 10),
    ]);
    expect(result.register).toEqual({
      sheetName: "Register",
      created: false,
      updated: 1,
      added: 1,
    });
    expect(mock.syncs()).toBe(4);
    expect(result.syncs).toBe(4);
    // One blank row added (so a calculated column of the user's fills it), then written in place.
    const adds = mock.log.filter(
      (op) => op.path === "table[NHSDP_Register].rows" && op.name === "add"
    );
    expect(adds).toEqual([
      { path: "table[NHSDP_Register].rows", kind: "call", name: "add", args: [] },
    ]);
    const register = rebuildSheets(mock.log).get("Register")!; // throws on text Excel would parse
    // Q-2 was the second body row: sheet row 3. Q-3 comes after the body: row 4.
    expect(register.cells.get("A3")).toEqual({ text: "q-2" });
    expect(register.cells.get("B3")).toEqual({ text: "=cmd|' /C calc'!A0" });
    expect(register.cells.get("F3")).toEqual({ number: 1234.5 });
    expect(register.cells.get("A4")).toEqual({ text: "Q-3" });
    expect(register.cells.has("A2")).toBe(false); // Q-1 untouched
    expect(register.numberFormats.get("F4")).toBe("[$£-809]#,##0.00");
    expect(register.numberFormats.get("J4")).toBe("[$-809]d mmm yyyy hh:mm");
    // 2025-07-01 09:00 is serial 45839 + 9/24.
    expect((register.cells.get("J4") as { number: number }).number).toBeCloseTo(45839.375, 9);
    expect(
      mock.log.filter((op) => op.name === "add" && op.path === "workbook.worksheets")
    ).toHaveLength(0);
  });

  test("register: a table elsewhere on its sheet, with a column of the user's and an old layout, is written around", async () => {
    const headers = ["Notes", "Reference", "Partner", "Use", "Total (£)", "Date generated"];
    const mock = createExcelMock({
      sheets: ["Partnerships"],
      register: {
        sheet: "Partnerships",
        headers,
        body: [["call back", "Q-1", "Acme", "Commercial", 5, 45000]],
        rowIndex: 4, // body starts at row 5
        columnIndex: 2, // column C
      },
    });
    await updateRegister(mock.run, [entry("Q-1", "Acme Ltd", 7)]);
    const added = mock.log.filter(
      (op) => op.path === "table[NHSDP_Register].columns" && op.name === "add"
    );
    expect(added.map((op) => op.args![2])).toEqual([
      "Stage",
      "Owner",
      "Value sharing",
      "IG status",
      "Review date",
    ]);
    const sheet = rebuildSheets(mock.log).get("Partnerships")!;
    expect(sheet.cells.has("C5")).toBe(false); // the user's Notes
    expect(sheet.cells.get("D5")).toEqual({ text: "Q-1" });
    expect(sheet.cells.get("E5")).toEqual({ text: "Acme Ltd" });
    expect(sheet.cells.get("G5")).toEqual({ number: 7 });
    expect(sheet.cells.get("I5")).toEqual({ text: "Issued" }); // Stage, the first added column
    expect(sheet.cells.has("J5")).toBe(false); // no owner: cleared, not written
    expect(mock.log.filter((op) => op.path === "table[NHSDP_Register].rows")).toHaveLength(0);
  });

  test("register: a table with no Reference column is refused before anything is written", async () => {
    const mock = createExcelMock({
      sheets: ["Register"],
      register: { sheet: "Register", headers: ["Ref", "Partner"], body: [["Q-1", "Acme"]] },
    });
    await expect(
      writeSheets(mock.run, [syntheticQuote(2).spec], { register: [entry("Q-1", "Acme", 1)] })
    ).rejects.toThrow(/no "Reference" column/);
    expect(mock.log.filter((op) => op.kind === "set")).toEqual([]);
    expect(mock.log.filter((op) => op.name === "add")).toEqual([]);
  });

  test("register: created as a sheet with the NHSDP_Register table when missing (name made unique)", async () => {
    const mock = createExcelMock({ sheets: ["Register"] });
    const q = syntheticQuote(2);
    const result = await writeSheets(mock.run, [q.spec], { register: [entry("Q-1", "P", 5)] });
    expect(result.register).toEqual({
      sheetName: "Register (2)",
      created: true,
      updated: 0,
      added: 1,
    });
    expect(mock.syncs()).toBe(3);
    const tableAdd = mock.log.find(
      (op) => op.path === "ws[Register (2)].tables" && op.name === "add"
    )!;
    expect(tableAdd.args).toEqual([{ ref: "ws[Register (2)].getRange(A1:J2)" }, true]);
    const table = mock.log.filter(
      (op) => op.path === "ws[Register (2)].tables.add(…,…)" && op.kind === "set"
    );
    expect(Object.fromEntries(table.map((op) => [op.name, op.value]))).toMatchObject({
      name: "NHSDP_Register",
    });
    expect(mock.log.filter((op) => op.path.startsWith("table[") && op.name === "add")).toHaveLength(
      0
    );
  });

  test("an invalid spec is rejected before Excel is touched", async () => {
    const mock = createExcelMock();
    const bad = {
      ...syntheticQuote(1).spec,
      cells: [{ address: "A1", value: { kind: "formula" as const, formula: "NHSDP.CHARGE(1)" } }],
    };
    await expect(writeSheets(mock.run, [bad])).rejects.toThrow(/NHSDP.CHARGE/);
    expect(mock.runs()).toBe(0);
  });
});

describe("officeBlockArrays", () => {
  test("text is apostrophe-prefixed, formulas go only to the formulas array, every written cell gets a format", () => {
    const b = new SheetSpecBuilder("S");
    b.set("A1", text("=1+1"));
    b.set("B1", { kind: "formula", formula: "1+1" });
    b.set("C1", { kind: "number", value: -0 }, { numberFormat: "0.00" });
    const plan = planSheet(b.build());
    const arrays = officeBlockArrays(plan.blocks[0]!.cells);
    expect(arrays.values).toEqual([["'=1+1", null, 0]]);
    expect(arrays.formulas).toEqual([[null, "=1+1", null]]);
    expect(arrays.numberFormats).toEqual([["General", "General", "0.00"]]);
  });
});
