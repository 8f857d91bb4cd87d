/*
 * Renders SheetSpecs into the open workbook through Office.js, in ONE `Excel.run` and three
 * `context.sync()` calls whatever the number of cells (four when an existing register is updated):
 *   1. load the existing sheet names (and look up the register table);
 *   1b. only when the register exists: load its header and body, to find each partnership's row;
 *   2. with calculation and screen updating suspended: add the sheets; write each contiguous block of
 *      cells with one `values`, one `formulas` and one `numberFormat` 2-D array; apply each distinct
 *      style once to all its cells (`getRanges` of their rectangles); merges, column widths, names,
 *      page layout, freeze panes, tables; update or add the register's rows;
 *   3. recalculate (calculation was suspended while writing, and Office leaves re-calculating to the
 *      caller).
 * Everything that can fail (specs, register entries, a register without a Reference column) is checked
 * before anything is queued, so a failure leaves the workbook as it was.
 * Text cells are written apostrophe-prefixed (see safeText.ts), so no text is ever parsed.
 * `Excel.run` is injected so tests can pass a mock; only string literals of Office enums are used, so
 * nothing here needs the `Excel` global at run time.
 */
import { cellAddress, columnLetter, parseRangeAddress, rangeAddress } from "./a1";
import {
  addressChunks,
  columnWidthToPoints,
  numericValue,
  planSheet,
  type PlannedCell,
  type SheetPlan,
} from "./plan";
import {
  REGISTER_SHEET_NAME,
  REGISTER_TABLE_NAME,
  planRegisterChange,
  registerSheetSpec,
  type RegisterEntry,
} from "./register";
import { loadRegister, queueRegisterChange, registerStateOf } from "./registerOffice";
import { officeTextLiteral, uniqueSheetName } from "./safeText";
import { DEFAULT_TABLE_STYLE, type BorderLine, type CellStyle, type SheetSpec } from "./spec";

/** `Excel.run` (or a stand-in with the same single-batch signature). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWriteOptions {
  /** Partnerships to record in NHSDP_Register: each one's row updated, or added (the register created with its sheet if missing). */
  register?: readonly RegisterEntry[];
  /** Activate the first new sheet (default true). */
  activate?: boolean;
}

export interface OfficePlacedSheet {
  desiredName: string;
  name: string;
}

export interface OfficeWriteResult {
  sheets: OfficePlacedSheet[];
  register?: {
    sheetName: string;
    created: boolean;
    /** Partnerships whose row was updated in place. */
    updated: number;
    /** Partnerships given a new row. */
    added: number;
  };
  /** Number of context.sync() calls made: 3, or 4 when an existing register was updated. */
  syncs: number;
}

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

  if (spec.table) {
    const table = ws.tables.add(ws.getRange(spec.table.range), true);
    table.name = spec.table.name;
    table.style = spec.table.style ?? DEFAULT_TABLE_STYLE;
    table.showBandedRows = spec.table.showRowStripes ?? true;
  }
}

/**
 * Writes `specs` as new sheets (valid, unique names: an existing "Quote" makes "Quote (2)") and
 * records `options.register` in the register, in one Excel.run with three or four syncs.
 */
export async function writeSheets(
  run: ExcelRun,
  specs: readonly SheetSpec[],
  options: OfficeWriteOptions = {}
): Promise<OfficeWriteResult> {
  const plans = specs.map(planSheet); // validate everything before touching the workbook
  const entries = options.register ?? [];
  const registerPlan = entries.length
    ? planSheet(registerSheetSpec(entries, REGISTER_SHEET_NAME))
    : undefined;
  return run(async (context) => {
    let syncs = 0;
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    // The register table, looked up (as a null object if absent) only when there are rows to record.
    const register = registerPlan
      ? {
          plan: registerPlan,
          table: context.workbook.tables.getItemOrNullObject(REGISTER_TABLE_NAME),
        }
      : undefined;
    if (register) {
      register.table.load("name");
      register.table.worksheet.load("name");
    }
    await context.sync(); // 1
    syncs++;

    const existing = register && !register.table.isNullObject ? register.table : undefined;
    let registerChange: (() => OfficeWriteResult["register"]) | undefined;
    if (existing) {
      const loaded = loadRegister(existing);
      await context.sync(); // 1b
      syncs++;
      const change = planRegisterChange(registerStateOf(loaded), entries);
      registerChange = () => {
        queueRegisterChange(existing, loaded, change);
        return {
          sheetName: existing.worksheet.name,
          created: false,
          updated: change.updates.length,
          added: change.additions.length,
        };
      };
    }

    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    const used = worksheets.items.map((w) => w.name);
    const sheets: OfficePlacedSheet[] = [];
    const added: Excel.Worksheet[] = [];
    const addPlanned = (plan: SheetPlan): string => {
      const name = uniqueSheetName(plan.spec.name, used);
      used.push(name);
      const ws = worksheets.add(name);
      queueSheet(ws, plan);
      added.push(ws);
      return name;
    };
    for (const plan of plans) sheets.push({ desiredName: plan.spec.name, name: addPlanned(plan) });
    const result: OfficeWriteResult = { sheets, syncs: 0 };
    if (registerChange) result.register = registerChange();
    else if (register)
      result.register = {
        sheetName: addPlanned(register.plan),
        created: true,
        updated: 0,
        added: entries.length,
      };
    if (options.activate !== false && added[0]) added[0].activate();
    await context.sync(); // 2
    syncs++;

    context.application.calculate("Recalculate");
    await context.sync(); // 3
    syncs++;
    result.syncs = syncs;
    return result;
  });
}

/** Records partnerships in the register (creating it if needed): writeSheets with no sheets. */
export async function updateRegister(
  run: ExcelRun,
  entries: readonly RegisterEntry[]
): Promise<OfficeWriteResult> {
  return writeSheets(run, [], { register: entries, activate: false });
}
