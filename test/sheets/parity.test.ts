/*
 * The two writers render a spec identically: the ExcelJS file read back and the Office.js operations
 * replayed onto a grid give the same cells, number formats, styles, borders, widths, merges, names,
 * page setup, headers, freeze panes and tables.
 */
import * as ExcelJS from "exceljs";
import {
  parseRangeAddress,
  cellAddress,
  columnNumber,
  type RangeRef,
} from "../../src/workbook/spec/a1";
import { writeSheets } from "../../src/addin/writeSheets";
import { columnWidthToPoints } from "../../src/workbook/spec/plan";
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { date, formula, num, text, type SheetSpec } from "../../src/workbook/spec/spec";
import { readDefinedNames, writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { createExcelMock, rebuildSheets, type OfficeCall } from "../support/officeMock";
import { HOSTILE_STRINGS, syntheticQuote } from "./fixtures";

function stylesSpec(): SheetSpec {
  const b = new SheetSpecBuilder("Styles");
  b.set("A1", text("Big centred title"), {
    style: { bold: true, size: 16, horizontal: "center", fill: "#1F4E79", fontColor: "#FFFFFF" },
  });
  b.set(
    "B1",
    { kind: "blank" },
    { style: { bold: true, size: 16, horizontal: "center", fill: "#1F4E79", fontColor: "#FFFFFF" } }
  );
  b.set(
    "C1",
    { kind: "blank" },
    { style: { bold: true, size: 16, horizontal: "center", fill: "#1F4E79", fontColor: "#FFFFFF" } }
  );
  b.merge("A1:C1");
  const boxed = {
    border: {
      top: "medium" as const,
      bottom: "medium" as const,
      left: "thin" as const,
      right: "thin" as const,
    },
  };
  for (let r = 3; r <= 6; r++) {
    b.row(
      r,
      "A",
      [text(`Row ${r}`), num(r * 1.5), formula(`B${r}*2`)],
      [
        { style: { ...boxed, indent: 1, vertical: "top" } },
        { style: boxed, numberFormat: "0.0" },
        { style: boxed, numberFormat: "0.00" },
      ]
    );
  }
  b.set("A8", text("A note that wraps over lines, right aligned"), {
    style: { wrap: true, horizontal: "right", italic: true },
  });
  b.set("B8", date("2025-06-30"));
  b.set("C8", num(0.175), { numberFormat: "0.0%", style: { border: { bottom: "double" } } });
  b.columnWidth("A", 30).columnWidth("B", 12).columnWidth("C", 12).rowHeight(8, 45);
  b.defineName("Rate", "C8").defineName("Rows", "B3:B6");
  b.freeze({ rows: 2, columns: 1 });
  b.showGridlines(false);
  b.print({
    orientation: "landscape",
    fitToWidth: false,
    printArea: "A1:C8",
    header: { left: "L & R" },
    footer: { right: "Page" },
  });
  return b.build();
}

type Cell = { text: string } | { number: number } | { formula: string };
interface Rendered {
  cells: Map<string, Cell>;
  formats: Map<string, string>;
  styles: Map<string, Record<string, unknown>>;
  borders: Set<string>;
  widths: Map<number, number>;
  heights: Map<number, number>;
  merges: string[];
  names: string[];
  page: Record<string, unknown>;
  freeze: { rows: number; columns: number };
  gridlines: boolean;
  table?: string;
}

function cellsOf(address: string): { row: number; col: number }[] {
  const r = parseRangeAddress(address);
  const out: { row: number; col: number }[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

function setStyle(
  map: Map<string, Record<string, unknown>>,
  address: string,
  key: string,
  value: unknown
): void {
  const s = map.get(address) ?? {};
  s[key] = value;
  map.set(address, s);
}

/** A sheet with nothing on it yet, as each writer's reading starts. */
function emptyRendered(): Rendered {
  return {
    cells: new Map(),
    formats: new Map(),
    styles: new Map(),
    borders: new Set(),
    widths: new Map(),
    heights: new Map(),
    merges: [],
    names: [],
    page: {},
    freeze: { rows: 0, columns: 0 },
    gridlines: true,
  };
}

function fromOffice(log: readonly OfficeCall[], sheet: string): Rendered {
  const grid = rebuildSheets(log).get(sheet)!;
  const r: Rendered = {
    ...emptyRendered(),
    cells: grid.cells,
    formats: new Map([...grid.numberFormats].filter(([, f]) => f !== "General")),
  };
  const ws = `ws[${sheet}]`;
  const pendingBorders = new Map<
    string,
    { areas: string; item: string; style?: string; weight?: string }
  >();
  for (const op of log) {
    if (!op.path.startsWith(ws)) continue;
    const rest = op.path.slice(ws.length);
    let m: RegExpExecArray | null;
    if ((m = /^\.getRanges\(([^)]*)\)\.format(\.font|\.fill)?$/.exec(rest)) && op.kind === "set") {
      const prop = `${m[2] ?? ""}.${op.name}`;
      const key = {
        ".font.bold": "bold",
        ".font.italic": "italic",
        ".font.size": "size",
        ".font.color": "fontColor",
        ".fill.color": "fill",
        ".horizontalAlignment": "horizontal",
        ".verticalAlignment": "vertical",
        ".wrapText": "wrap",
        ".indentLevel": "indent",
      }[prop];
      if (!key) throw new Error(`unexpected ${prop}`);
      const value =
        typeof op.value === "string" && ["horizontal", "vertical"].includes(key)
          ? op.value.toLowerCase()
          : op.value;
      for (const area of (m[1] as string).split(","))
        for (const c of cellsOf(area)) setStyle(r.styles, cellAddress(c.row, c.col), key, value);
    } else if (
      (m = /^\.getRanges\(([^)]*)\)\.format\.borders\.getItem\((\w+)\)$/.exec(rest)) &&
      op.kind === "set"
    ) {
      const k = `${m[1]}|${m[2]}`;
      const b = pendingBorders.get(k) ?? { areas: m[1] as string, item: m[2] as string };
      if (op.name === "style") b.style = String(op.value);
      if (op.name === "weight") b.weight = String(op.value);
      pendingBorders.set(k, b);
    } else if (
      (m = /^\.getRange\(([A-Z]+):([A-Z]+)\)\.format$/.exec(rest)) &&
      op.name === "columnWidth"
    ) {
      for (let c = columnNumber(m[1] as string); c <= columnNumber(m[2] as string); c++)
        r.widths.set(c, op.value as number);
    } else if ((m = /^\.getRange\((\d+):(\d+)\)\.format$/.exec(rest)) && op.name === "rowHeight") {
      for (let row = Number(m[1]); row <= Number(m[2]); row++)
        r.heights.set(row, op.value as number);
    } else if (
      (m = /^\.getRange\(([A-Z0-9:]+)\)$/.exec(rest)) &&
      op.kind === "call" &&
      op.name === "merge"
    ) {
      r.merges.push(m[1] as string);
    } else if (rest === ".names" && op.name === "add") {
      const ref = /getRange\(([^)]*)\)/.exec((op.args![1] as { ref: string }).ref)![1];
      r.names.push(`${String(op.args![0])}=${ref}`);
    } else if (rest === ".pageLayout" && op.kind === "set") {
      r.page[op.name] = op.value;
    } else if (rest === ".pageLayout" && op.name === "setPrintArea") {
      r.page["printArea"] = /getRange\(([^)]*)\)/.exec((op.args![0] as { ref: string }).ref)![1];
    } else if (rest === ".pageLayout.headersFooters.defaultForAllPages" && op.kind === "set") {
      r.page[op.name] = op.value;
    } else if (rest === ".freezePanes") {
      if (op.name === "freezeRows") r.freeze.rows = op.args![0] as number;
      if (op.name === "freezeColumns") r.freeze.columns = op.args![0] as number;
      if (op.name === "freezeAt") {
        const a = parseRangeAddress(
          /getRange\(([^)]*)\)/.exec((op.args![0] as { ref: string }).ref)![1] as string
        );
        r.freeze = { rows: a.bottom, columns: a.right };
      }
    } else if (rest === "" && op.name === "showGridlines") {
      r.gridlines = op.value as boolean;
    } else if (rest === ".tables" && op.name === "add") {
      r.table = /getRange\(([^)]*)\)/.exec((op.args![0] as { ref: string }).ref)![1];
    }
  }
  for (const b of pendingBorders.values()) {
    const line = b.style === "Double" ? "double" : (b.weight ?? "").toLowerCase();
    for (const area of b.areas.split(",")) {
      const a: RangeRef = parseRangeAddress(area);
      for (let row = a.top; row <= a.bottom; row++) {
        for (let col = a.left; col <= a.right; col++) {
          if (b.item === "EdgeTop" && row === a.top) r.borders.add(`h${row}:${col}=${line}`);
          if (b.item === "EdgeBottom" && row === a.bottom)
            r.borders.add(`h${row + 1}:${col}=${line}`);
          if (b.item === "InsideHorizontal" && row > a.top) r.borders.add(`h${row}:${col}=${line}`);
          if (b.item === "EdgeLeft" && col === a.left) r.borders.add(`v${row}:${col}=${line}`);
          if (b.item === "EdgeRight" && col === a.right)
            r.borders.add(`v${row}:${col + 1}=${line}`);
          if (b.item === "InsideVertical" && col > a.left) r.borders.add(`v${row}:${col}=${line}`);
        }
      }
    }
  }
  return r;
}

async function fromXlsx(buffer: Uint8Array, sheet: string): Promise<Rendered> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  const r = emptyRendered();
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.height !== undefined && row.height !== 15) r.heights.set(rowNumber, row.height);
    row.eachCell({ includeEmpty: true }, (cell) => {
      const a = cell.address;
      if (cell.type === ExcelJS.ValueType.Formula) r.cells.set(a, { formula: cell.formula });
      else if (cell.type === ExcelJS.ValueType.String)
        r.cells.set(a, { text: cell.value as string });
      else if (cell.type === ExcelJS.ValueType.Number)
        r.cells.set(a, { number: cell.value as number });
      else if (cell.type === ExcelJS.ValueType.Date)
        r.cells.set(a, { number: (cell.value as Date).getTime() / 86_400_000 + 25_569 });
      if (cell.numFmt && cell.numFmt !== "General") r.formats.set(a, cell.numFmt);
      const f = cell.font ?? {};
      if (f.bold) setStyle(r.styles, a, "bold", true);
      if (f.italic) setStyle(r.styles, a, "italic", true);
      if (f.size !== undefined && f.size !== 11) setStyle(r.styles, a, "size", f.size);
      if (f.color?.argb) setStyle(r.styles, a, "fontColor", `#${f.color.argb.slice(2)}`);
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      if (fill?.type === "pattern" && fill.fgColor?.argb)
        setStyle(r.styles, a, "fill", `#${fill.fgColor.argb.slice(2)}`);
      const al = cell.alignment ?? {};
      if (al.horizontal) setStyle(r.styles, a, "horizontal", al.horizontal);
      if (al.vertical)
        setStyle(r.styles, a, "vertical", al.vertical === "middle" ? "center" : al.vertical);
      if (al.wrapText) setStyle(r.styles, a, "wrap", true);
      if (al.indent) setStyle(r.styles, a, "indent", al.indent);
      const b = cell.border ?? {};
      const { row: rr, col } = { row: Number(cell.row), col: Number(cell.col) };
      if (b.top?.style) r.borders.add(`h${rr}:${col}=${b.top.style}`);
      if (b.bottom?.style) r.borders.add(`h${rr + 1}:${col}=${b.bottom.style}`);
      if (b.left?.style) r.borders.add(`v${rr}:${col}=${b.left.style}`);
      if (b.right?.style) r.borders.add(`v${rr}:${col + 1}=${b.right.style}`);
    });
  });
  ws.columns.forEach((c, i) => {
    if (c.width !== undefined) r.widths.set(i + 1, columnWidthToPoints(c.width));
  });
  r.merges = (ws.model.merges ?? []).map(String);
  const names = await readDefinedNames(buffer);
  r.names = names
    .filter((n) => n.sheetName === sheet && !n.name.startsWith("_xlnm"))
    .map((n) => `${n.name}=${n.text.split("!")[1]!.replace(/\$/g, "")}`);
  const ps = ws.pageSetup;
  r.page = {
    paperSize: ps.paperSize === 9 ? "A4" : ps.paperSize,
    orientation: ps.orientation === "portrait" ? "Portrait" : "Landscape",
  };
  if (ps.fitToPage)
    r.page["zoom"] = { horizontalFitToPages: ps.fitToWidth, verticalFitToPages: ps.fitToHeight };
  if (ps.printArea) r.page["printArea"] = ps.printArea;
  const parts = (s: string | undefined, kind: "Header" | "Footer"): void => {
    for (const m of (s ?? "").matchAll(/&([LCR])((?:[^&]|&&)*)/g))
      r.page[`${{ L: "left", C: "center", R: "right" }[m[1] as "L"]}${kind}`] = m[2];
  };
  parts(ws.headerFooter.oddHeader, "Header");
  parts(ws.headerFooter.oddFooter, "Footer");
  const view = ws.views[0] as
    (Partial<ExcelJS.WorksheetViewFrozen> & { showGridLines?: boolean }) | undefined;
  if (view?.state === "frozen") r.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
  if (view?.showGridLines === false) r.gridlines = false;
  const table = ws.getTables()[0] as unknown as { table?: { tableRef: string } } | undefined;
  if (table?.table) r.table = table.table.tableRef;
  return r;
}

function plain(r: Rendered): Record<string, unknown> {
  const sorted = <T>(m: Map<string | number, T>) =>
    Object.fromEntries([...m.entries()].sort(([a], [b]) => String(a).localeCompare(String(b))));
  return {
    cells: sorted(r.cells),
    formats: sorted(r.formats),
    styles: sorted(r.styles),
    borders: [...r.borders].sort(),
    widths: sorted(r.widths),
    heights: sorted(r.heights),
    merges: [...r.merges].sort(),
    names: [...r.names].sort(),
    page: r.page,
    freeze: r.freeze,
    gridlines: r.gridlines,
    table: r.table,
  };
}

describe.each([
  ["a quote with hostile texts", () => syntheticQuote(12, "Quote", HOSTILE_STRINGS).spec],
  ["every style feature", stylesSpec],
])("Office.js and ExcelJS render %s identically", (_label, make) => {
  test("same cells, formats, styles, borders, layout, names and print setup", async () => {
    const spec = make();
    const mock = createExcelMock();
    const office = await writeSheets(mock.run, [spec]);
    const buffer = await writeWorkbook([spec]);
    const a = plain(fromOffice(mock.log, office.sheets[0]!.name));
    const b = plain(await fromXlsx(buffer, office.sheets[0]!.name));
    expect(a).toEqual(b);
    expect(Object.keys(a["cells"] as object).length).toBeGreaterThan(10);
  });
});
