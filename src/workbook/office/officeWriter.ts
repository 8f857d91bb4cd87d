/*
 * Renders a SheetSpec onto a worksheet through Office.js: everything is queued on the worksheet of the
 * caller's request context, and nothing here syncs or starts an `Excel.run` (src/addin/writeSheets.ts
 * owns the one Excel.run and its three syncs). Whatever the number of cells, each contiguous block is
 * written with one `values`, one `formulas` and one `numberFormat` 2-D array, and each distinct style
 * is applied once to all its cells (`getRanges` of their rectangles); then merges, column widths,
 * names, page layout, freeze panes, tables and charts.
 * Text cells are written apostrophe-prefixed (see safeText.ts), so no text is ever parsed.
 * Only string literals of Office enums are used, so nothing here needs the `Excel` global at run time.
 */
import { cellAddress, columnLetter, parseRangeAddress, rangeAddress } from "../spec/a1";
import {
  addressChunks,
  columnWidthToPoints,
  numericValue,
  type PlannedCell,
  type SheetPlan,
} from "../spec/plan";
import { officeTextLiteral } from "../spec/safeText";
import { DEFAULT_TABLE_STYLE, type BorderLine, type CellStyle, type ChartSpec } from "../spec/spec";

type Matrix = (string | number | null)[][];

/** The three 2-D arrays written for a block: values (text/number/date), formulas, number formats. */
export function officeBlockArrays(cells: (PlannedCell | null)[][]): {
  values: Matrix | null;
  formulas: Matrix | null;
  numberFormats: Matrix;
} {
  let hasValues = false;
  let hasFormulas = false;
  const values: Matrix = [];
  const formulas: Matrix = [];
  const numberFormats: Matrix = [];
  for (const row of cells) {
    const v: (string | number | null)[] = [];
    const f: (string | number | null)[] = [];
    const n: (string | number | null)[] = [];
    for (const c of row) {
      let value: string | number | null = null;
      let formula: string | null = null;
      if (c) {
        switch (c.value.kind) {
          case "text":
            value = officeTextLiteral(c.value.text);
            break;
          case "number":
          case "date":
            value = numericValue(c.value) ?? null;
            break;
          case "formula":
            formula = `=${c.value.formula}`;
            break;
          case "blank":
            break;
        }
      }
      if (value !== null) hasValues = true;
      if (formula !== null) hasFormulas = true;
      v.push(value);
      f.push(formula);
      n.push(c ? (c.numberFormat ?? "General") : null);
    }
    values.push(v);
    formulas.push(f);
    numberFormats.push(n);
  }
  return {
    values: hasValues ? values : null,
    formulas: hasFormulas ? formulas : null,
    numberFormats,
  };
}

function applyBorder(
  format: Excel.RangeFormat,
  index:
    | Excel.BorderIndex
    | "EdgeTop"
    | "EdgeBottom"
    | "EdgeLeft"
    | "EdgeRight"
    | "InsideHorizontal"
    | "InsideVertical",
  line: BorderLine
): void {
  const border = format.borders.getItem(index);
  if (line === "double") {
    border.style = "Double";
    return;
  }
  border.style = "Continuous";
  border.weight = line === "thin" ? "Thin" : line === "medium" ? "Medium" : "Thick";
}

/** Applies a style to a Range/RangeAreas format (cell-level edges: every cell gets them). */
export function applyOfficeStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.bold) format.font.bold = true;
  if (style.italic) format.font.italic = true;
  if (style.size !== undefined) format.font.size = style.size;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.fill) format.fill.color = style.fill;
  if (style.horizontal)
    format.horizontalAlignment =
      style.horizontal === "left" ? "Left" : style.horizontal === "center" ? "Center" : "Right";
  if (style.vertical)
    format.verticalAlignment =
      style.vertical === "top" ? "Top" : style.vertical === "center" ? "Center" : "Bottom";
  if (style.wrap) format.wrapText = true;
  if (style.indent) format.indentLevel = style.indent;
  const b = style.border;
  if (b) {
    if (b.top) applyBorder(format, "EdgeTop", b.top);
    if (b.bottom) applyBorder(format, "EdgeBottom", b.bottom);
    if (b.top || b.bottom)
      applyBorder(format, "InsideHorizontal", (b.bottom ?? b.top) as BorderLine);
    if (b.left) applyBorder(format, "EdgeLeft", b.left);
    if (b.right) applyBorder(format, "EdgeRight", b.right);
    if (b.left || b.right) applyBorder(format, "InsideVertical", (b.right ?? b.left) as BorderLine);
  }
}

/** Queues everything for one planned sheet on a (new, empty) worksheet. No sync. */
export function queueSheet(ws: Excel.Worksheet, plan: SheetPlan): void {
  const spec = plan.spec;
  for (const block of plan.blocks) {
    const range = ws.getRange(block.address);
    const arrays = officeBlockArrays(block.cells);
    if (arrays.values) range.values = arrays.values;
    if (arrays.formulas) range.formulas = arrays.formulas;
    range.numberFormat = arrays.numberFormats;
  }
  for (const group of plan.styleGroups) {
    for (const chunk of addressChunks(group.rects))
      applyOfficeStyle(ws.getRanges(chunk).format, group.style);
  }
  for (const run of plan.columnWidths) {
    ws.getRange(`${columnLetter(run.first)}:${columnLetter(run.last)}`).format.columnWidth =
      columnWidthToPoints(run.size);
  }
  for (const run of plan.rowHeights)
    ws.getRange(`${run.first}:${run.last}`).format.rowHeight = run.size;
  for (const m of plan.merges) ws.getRange(rangeAddress(m)).merge(false);
  for (const n of plan.names)
    ws.names.add(n.name, ws.getRange(rangeAddress(parseRangeAddress(n.ref))));

  const pl = ws.pageLayout;
  pl.paperSize = "A4";
  pl.orientation = spec.print.orientation === "portrait" ? "Portrait" : "Landscape";
  if (spec.print.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (spec.print.printArea) pl.setPrintArea(ws.getRange(spec.print.printArea));
  const titles = spec.print.printTitleRows;
  if (titles) pl.setPrintTitleRows(ws.getRange(`${titles.first}:${titles.last}`));
  for (const row of spec.print.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${row}`);
  const hf = pl.headersFooters.defaultForAllPages;
  if (plan.header.left) hf.leftHeader = plan.header.left;
  if (plan.header.center) hf.centerHeader = plan.header.center;
  if (plan.header.right) hf.rightHeader = plan.header.right;
  if (plan.footer.left) hf.leftFooter = plan.footer.left;
  if (plan.footer.center) hf.centerFooter = plan.footer.center;
  if (plan.footer.right) hf.rightFooter = plan.footer.right;

  const rows = spec.freeze?.rows ?? 0;
  const cols = spec.freeze?.columns ?? 0;
  if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRange(`A1:${cellAddress(rows, cols)}`));
  else if (rows > 0) ws.freezePanes.freezeRows(rows);
  else if (cols > 0) ws.freezePanes.freezeColumns(cols);
  if (spec.showGridlines === false) ws.showGridlines = false;
  if (spec.visibility === "veryHidden") ws.visibility = "VeryHidden";

  if (spec.table) {
    const table = ws.tables.add(ws.getRange(spec.table.range), true);
    table.name = spec.table.name;
    table.style = spec.table.style ?? DEFAULT_TABLE_STYLE;
    table.showBandedRows = spec.table.showRowStripes ?? true;
  }

  (spec.charts ?? []).forEach((chart, i) => queueChart(ws, chart, i));
}

/**
 * Queues one chart. It is added over its first series' values only, by columns, so Excel makes exactly
 * one series and guesses nothing (a source range with the categories beside the values would be read
 * as one more series when the categories are numbers); the categories and the other series are then
 * given range by range (ExcelApi 1.7). Horizontal bars drawn top down reverse the category axis (ExcelApi
 * 1.7) and move where the value axis crosses it (ExcelApi 1.8).
 */
export function queueChart(ws: Excel.Worksheet, chart: ChartSpec, index: number): void {
  const [first, ...rest] = chart.series;
  if (first === undefined) return;
  const added = ws.charts.add(
    chart.kind === "line" ? "Line" : chart.kind === "bar" ? "BarClustered" : "ColumnClustered",
    ws.getRange(first.values),
    "Columns"
  );
  added.name = `NHSDP chart ${index + 1}`;
  added.title.text = chart.title;
  added.legend.position = "Bottom";
  if (chart.categoryFormat !== undefined)
    added.axes.categoryAxis.numberFormat = chart.categoryFormat;
  if (chart.valueFormat !== undefined) added.axes.valueAxis.numberFormat = chart.valueFormat;
  if (chart.categoryAxisTitle !== undefined)
    added.axes.categoryAxis.title.text = chart.categoryAxisTitle;
  if (chart.valueAxisTitle !== undefined) added.axes.valueAxis.title.text = chart.valueAxisTitle;
  if (chart.kind === "bar" && chart.topDown === true) {
    // The first category at the top, and the value axis crossing at the last, now the bottom one.
    added.axes.categoryAxis.reversePlotOrder = true;
    added.axes.categoryAxis.position = "Maximum";
  }
  const anchor = parseRangeAddress(chart.anchor);
  added.setPosition(cellAddress(anchor.top, anchor.left), cellAddress(anchor.bottom, anchor.right));
  const categories = ws.getRange(chart.categories);
  const head = added.series.getItemAt(0);
  head.name = first.name;
  head.setXAxisValues(categories);
  for (const series of rest) {
    const more = added.series.add(series.name);
    more.setValues(ws.getRange(series.values));
    more.setXAxisValues(categories);
  }
}
