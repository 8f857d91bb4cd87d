import {
  writeSheets,
  appendToRegister,
  officeBlockArrays,
  type ExcelRun,
} from "../../src/sheets/officeWriter";
import { planSheet } from "../../src/sheets/plan";
import { normaliseCellText } from "../../src/sheets/safeText";
import { SheetSpecBuilder, text } from "../../src/sheets/spec";
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

describe("officeWriter.writeSheets", () => {
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

  test("register: appended with one rows.add when the table exists", async () => {
    const mock = createExcelMock({ sheets: ["Register", "Quote"], registerTableSheet: "Register" });
    const entries = [
      {
        reference: "Q-2",
        partner: "=cmd|' /C calc'!A0",
        use: "+research",
        total: 1234.5,
        generated: "2025-07-01T09:00",
      },
      { reference: "Q-3", partner: "Acme", use: "@audit", total: 10, generated: "2025-07-02" },
    ];
    const result = await appendToRegister(mock.run, entries);
    expect(result.register).toEqual({ sheetName: "Register", created: false });
    expect(mock.syncs()).toBeLessThanOrEqual(3);
    const adds = mock.log.filter(
      (op) => op.path === "table[NHSDP_Register].rows" && op.name === "add"
    );
    expect(adds).toHaveLength(1);
    const rows = adds[0]!.args![1] as unknown[][];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.slice(0, 3)).toEqual(["'Q-2", "'=cmd|' /C calc'!A0", "'+research"]);
    expect(rows[0]![3]).toBe(1234.5);
    expect(rows[0]![4]).toBeCloseTo(45839.375, 9);
    expect(
      mock.log.filter((op) => op.name === "add" && op.path === "workbook.worksheets")
    ).toHaveLength(0);
    const fmt = mock.log.find((op) => op.name === "numberFormat")!;
    expect(fmt.path).toBe("table[NHSDP_Register].rows.add(…,…).getRange().getResizedRange(1,0)");
    expect((fmt.value as string[][])[0]).toEqual([
      "General",
      "General",
      "General",
      "[$£-809]#,##0.00",
      "yyyy-mm-dd hh:mm",
    ]);
  });

  test("register: created as a sheet with the NHSDP_Register table when missing (name made unique)", async () => {
    const mock = createExcelMock({ sheets: ["Register"] });
    const q = syntheticQuote(2);
    const result = await writeSheets(mock.run, [q.spec], {
      register: [{ reference: "Q-1", partner: "P", use: "U", total: 5, generated: "2025-07-01" }],
    });
    expect(result.register).toEqual({ sheetName: "Register (2)", created: true });
    expect(mock.syncs()).toBeLessThanOrEqual(3);
    const tableAdd = mock.log.find(
      (op) => op.path === "ws[Register (2)].tables" && op.name === "add"
    )!;
    expect(tableAdd.args).toEqual([{ ref: "ws[Register (2)].getRange(A1:E2)" }, true]);
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
