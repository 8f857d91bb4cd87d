import {
  planSheet,
  cellsToRects,
  addressChunks,
  columnWidthToPoints,
} from "../../src/workbook/spec/plan";
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { SheetSpecError, sheetSpecProblems } from "../../src/workbook/spec/validate";
import { blank, date, formula, num, text, type SheetSpec } from "../../src/workbook/spec/spec";
import {
  formulaFunctions,
  formulaProblems,
  isValidDefinedName,
} from "../../src/workbook/spec/formulas";
import { isoToSerial } from "../../src/workbook/spec/dates";
import { syntheticQuote } from "./fixtures";

function base(): SheetSpec {
  const b = new SheetSpecBuilder("S");
  b.set("A1", text("x"));
  return b.build();
}

describe("SheetSpec", () => {
  test("is plain JSON data", () => {
    const spec = syntheticQuote(5).spec;
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(sheetSpecProblems(JSON.parse(JSON.stringify(spec)) as SheetSpec)).toEqual([]);
  });

  test("cells may be placed by row/col as well as address", () => {
    const spec: SheetSpec = {
      ...base(),
      cells: [
        { row: 3, col: 2, value: num(1) },
        { address: "C3", value: formula("B3*2") },
      ],
    };
    expect(sheetSpecProblems(spec)).toEqual([]);
    expect(planSheet(spec).cells.map((c) => c.address)).toEqual(["B3", "C3"]);
  });

  test("the builder refuses to set a cell twice", () => {
    const b = new SheetSpecBuilder("S");
    b.set("B2", num(1));
    expect(() => b.set("b2", num(2))).toThrow(/already set/);
    expect(() => b.setAt(2, 2, num(2))).toThrow(/already set/);
    expect(b.row(3, "B", [num(1), null, text("x")])).toEqual(["B3", "D3"]);
  });

  test("formula helper strips a leading =", () => {
    expect(formula("=ROUND(C5*D5,2)")).toEqual({ kind: "formula", formula: "ROUND(C5*D5,2)" });
    expect(formula("SUM(A1:A3)", 6)).toEqual({
      kind: "formula",
      formula: "SUM(A1:A3)",
      cachedValue: 6,
    });
  });

  test("only native functions, no DDE, no external references", () => {
    expect(formulaProblems("ROUND(C5*D5,2)")).toEqual([]);
    expect(formulaProblems('IF(A1>0,"NHSDP.CHARGE(x)",SUM(NHSDP_Register[Total (£)]))')).toEqual(
      []
    );
    expect(formulaProblems("'Quote (2)'!NHSDP_Total*2")).toEqual([]);
    expect(formulaProblems("NHSDP.CHARGE(1,2)")).toEqual([
      "function NHSDP.CHARGE is not in the native function list",
    ]);
    expect(formulaProblems("XLOOKUP(1,A:A,B:B)")).toEqual([
      "function XLOOKUP is not in the native function list",
    ]);
    expect(formulaProblems("_xlfn.STDEV.S(A1:A3)")).toEqual([
      "function _XLFN.STDEV.S is not in the native function list",
    ]);
    expect(formulaProblems("cmd|' /C calc'!A0")).toContain(
      '"|" outside a string (DDE) is not allowed'
    );
    expect(formulaProblems("[1]Sheet1!A1")).toContain(
      "external workbook references are not allowed"
    );
    expect(formulaProblems("'[Book.xlsx]Sheet 1'!A1")).toContain(
      "external workbook references are not allowed"
    );
    expect(formulaProblems("=SUM(1)")).toContain(
      'formula should be stored without the leading "="'
    );
    expect(formulaProblems("SUM((1)")).toContain("unbalanced parentheses");
    expect(formulaProblems("")).toEqual(["empty formula"]);
    expect(formulaFunctions(`ROUND(SUM(A1:A2),2)&"MAX(" & 'x(y'!A1`)).toEqual(["ROUND", "SUM"]);
  });

  test("defined names", () => {
    for (const ok of ["NHSDP_Total", "_rate", "Total.2025", "\\x"])
      expect(isValidDefinedName(ok)).toBe(true);
    for (const bad of [
      "A1",
      "XFD1048576",
      "R1C1",
      "R",
      "c",
      "NHSDP Total",
      "1abc",
      "",
      "_xlnm.Print_Area",
      "a-b",
    ])
      expect(isValidDefinedName(bad)).toBe(false);
    expect(isValidDefinedName("XFE1")).toBe(true);
  });

  test("dates become Excel serial numbers", () => {
    expect(isoToSerial("2025-06-30")).toBe(45838);
    expect(isoToSerial("2025-06-30T12:00")).toBe(45838.5);
    expect(isoToSerial("2025-06-30T18:00:00Z")).toBe(45838.75);
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(() => isoToSerial("2025-02-30")).toThrow(RangeError);
    expect(() => isoToSerial("2025-06-30T10:00+01:00")).toThrow(RangeError);
    expect(() => isoToSerial("1900-02-28")).toThrow(RangeError);
    expect(() => isoToSerial("30/06/2025")).toThrow(RangeError);
  });

  test("validation reports every problem", () => {
    const spec: SheetSpec = {
      ...base(),
      cells: [
        { address: "A1", value: text("title") },
        { address: "B1", value: text("hidden by merge") },
        { address: "A2", value: num(Number.NaN) },
        { address: "A3", value: formula("NHSDP.X(1)") },
        { address: "A4", value: date("2025-13-01") },
        {
          address: "A5",
          value: text("x"),
          style: { fill: "red", border: { bottom: "dotted" as "thin" } },
        },
        { address: "A5", value: blank() },
        { address: "ZZZZ1", value: blank() },
        { address: "A6", value: text("x".repeat(32_768)) },
      ],
      mergedRanges: ["A1:C1", "C1:D1"],
      names: [
        { name: "A1", ref: "$A$1", scope: "sheet" },
        { name: "Total", ref: "Sheet2!A1", scope: "sheet" },
      ],
      print: {
        paperSize: "A4",
        orientation: "portrait",
        fitToWidth: true,
        header: { center: "&".repeat(200) },
      },
      table: { name: "T", range: "A1:B1" },
    };
    const problems = sheetSpecProblems(spec);
    expect(problems).toEqual(
      expect.arrayContaining([
        "A2: number must be finite",
        "A3: function NHSDP.X is not in the native function list",
        expect.stringMatching(/^A4: /),
        "A5: fill must be #RRGGBB",
        "A5: unknown border line dotted",
        "A5: more than one cell spec for this address",
        expect.stringMatching(/^cell #7: /),
        "A6: text longer than 32767 characters",
        "mergedRanges: A1:C1 would hide the value in B1",
        "mergedRanges: C1:D1 overlaps another merge",
        'names: "A1" is not a valid defined name',
        'names: "Total" ref "Sheet2!A1" is not a cell or range on this sheet',
        "print.header is longer than Excel's 255 characters",
        "table: range needs a header row and at least one data row",
      ])
    );
    expect(() => planSheet(spec)).toThrow(SheetSpecError);
  });
});

describe("plan", () => {
  test("cells split into blocks at empty rows; each block is one rectangle", () => {
    const q = syntheticQuote(3);
    const plan = planSheet(q.spec);
    expect(plan.blocks.map((b) => b.address)).toEqual([
      "A1:A2",
      "A4:E7",
      `A${q.totalRow}:E${q.totalRow}`,
      `A${q.totalRow + 2}:B${q.totalRow + 2}`,
    ]);
    expect(plan.names).toEqual([{ name: "NHSDP_Total", ref: `$E$${q.totalRow}` }]);
    expect(plan.headerString).toBe("&CQuote Quote&RNHSDP && partners");
    const dateCell = plan.cells.find((c) => c.value.kind === "date")!;
    expect(dateCell.numberFormat).toBe("yyyy-mm-dd hh:mm");
  });

  test("identical styles are grouped into few rectangles", () => {
    expect(
      cellsToRects([
        { row: 1, col: 1 },
        { row: 1, col: 2 },
        { row: 2, col: 1 },
        { row: 2, col: 2 },
        { row: 3, col: 1 },
        { row: 5, col: 1 },
      ])
    ).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 3, left: 1, bottom: 3, right: 1 },
      { top: 5, left: 1, bottom: 5, right: 1 },
    ]);
    const plan = planSheet(syntheticQuote(1000).spec);
    expect(plan.styleGroups.reduce((n, g) => n + g.rects.length, 0)).toBeLessThanOrEqual(8);
    const rects = Array.from({ length: 500 }, (_, i) => ({
      top: 2 * i + 1,
      left: 1,
      bottom: 2 * i + 1,
      right: 1,
    }));
    const chunks = addressChunks(rects, 100);
    expect(chunks.every((c) => c.length <= 100)).toBe(true);
    expect(chunks.join(",").split(",")).toHaveLength(500);
  });

  test("column widths convert to Excel's points", () => {
    expect(columnWidthToPoints(9.140625)).toBe(48); // Excel's default column: 64 px
    expect(columnWidthToPoints(0)).toBe(0);
  });
});
