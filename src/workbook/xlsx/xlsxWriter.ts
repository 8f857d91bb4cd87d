/*
 * Renders SheetSpecs into an xlsx file with ExcelJS: in Node for the CLI and tests, and in the task
 * pane's browser for the partner copy, so the bytes are a Uint8Array (a Node Buffer is one) and nothing
 * here needs Node's Buffer.
 *
 * Sheet-scoped defined names: ExcelJS has no API for them (its DefinedNames model drops
 * `localSheetId`, which it only writes for print areas/titles), and when it loads a file it turns
 * every sheet-scoped name into a workbook-level one, merging same-named names from different sheets.
 * So this writer owns the `<definedNames>` element of xl/workbook.xml: names read from a base file are
 * kept as raw entries (and removed from ExcelJS's model), new names are recorded per sheet, and after
 * ExcelJS has written the package the element is rewritten with `localSheetId` = the sheet's position
 * in `<sheets>` (workbookXml.ts), using the JSZip that ExcelJS depends on.
 *
 * Text cells are plain strings (never formula objects); OOXML escaping (`encodeXlsxText`) is applied
 * to every text cell of the workbook while it is written (XlsxBook.toBuffer).
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellAddress, parseRangeAddress, rangeAddress, sheetReference } from "../spec/a1";
import { planSheet, numericValue, type PlannedCell, type SheetPlan } from "../spec/plan";
import {
  REGISTER_SHEET_NAME,
  registerSheetSpec,
  type RegisterEntry,
} from "../layouts/register/register";
import { findExcelJsRegister, updateExcelJsRegister } from "./registerExcelJs";
import { addChartsToPackage } from "./xlsxCharts";
import {
  parseDefinedNames,
  rewriteDefinedNames,
  workbookSheetNames,
  type RawDefinedName,
} from "./workbookXml";
import { XML_PREDEFINED_ENTITIES } from "../xml/escape";
import { encodeXlsxText, uniqueSheetName } from "../spec/safeText";
import {
  DEFAULT_TABLE_STYLE,
  type BorderLine,
  type CellStyle,
  type ChartSpec,
  printTitleRowsAddress,
  type SheetSpec,
} from "../spec/spec";

export type XlsxData = Uint8Array | ArrayBuffer;

const PRINT_AREA = "_xlnm.Print_Area";
const PRINT_TITLES = "_xlnm.Print_Titles";
/** Excel's columns: A to XFD. */
const EXCEL_COLUMNS = 16384;
/** The built-in names ExcelJS writes from a sheet's page setup. */
const PRINT_NAMES: ReadonlySet<string> = new Set([PRINT_AREA, PRINT_TITLES]);

export { rewriteDefinedNames, workbookSheetNames, type RawDefinedName } from "./workbookXml";

export interface PlacedSheet {
  desiredName: string;
  /** The name actually used (valid and unique). */
  name: string;
}

export interface RegisterResult {
  sheetName: string;
  /** Whether the register sheet was created by this write. */
  created: boolean;
  /** Sheet rows updated in place (partnerships already in the register). */
  updated: number[];
  /** Sheet rows added. */
  added: number[];
}

export interface XlsxWriteOptions {
  /** Names to avoid besides those already in the workbook. */
  existingSheetNames?: readonly string[];
  /** An existing .xlsx to add the sheets to (otherwise a new workbook). */
  base?: XlsxData;
  /** Register entries to record: each partnership's row updated, or added (and the register created if the workbook has none). */
  register?: readonly RegisterEntry[];
}

export interface XlsxWriteResult {
  buffer: Uint8Array;
  sheets: PlacedSheet[];
  register?: RegisterResult;
}

// ---------------------------------------------------------------------------------------------
// workbook.xml
// ---------------------------------------------------------------------------------------------

/** Reads the defined names (with their scope) of an xlsx file. */
export async function readDefinedNames(data: XlsxData): Promise<RawDefinedName[]> {
  const zip = await JSZip.loadAsync(data);
  const file = zip.file("xl/workbook.xml");
  if (!file) throw new Error("Not an xlsx workbook: xl/workbook.xml is missing");
  return parseDefinedNames(await file.async("string"));
}

/**
 * The defined names of an .xlsx file, and a copy of the file without them. ExcelJS's reader parses
 * print areas and titles itself and throws on some that Excel opens (an unescaped apostrophe in a
 * sheet name, from older writers); a reader that takes the names from here gives ExcelJS the copy.
 */
export async function separateDefinedNames(
  data: XlsxData
): Promise<{ names: RawDefinedName[]; withoutNames: Uint8Array }> {
  const zip = await JSZip.loadAsync(data);
  const file = zip.file("xl/workbook.xml");
  if (!file) throw new Error("Not an xlsx workbook: xl/workbook.xml is missing");
  const xml = await file.async("string");
  zip.file("xl/workbook.xml", rewriteDefinedNames(xml, []));
  return {
    names: parseDefinedNames(xml),
    withoutNames: await zip.generateAsync({ type: "uint8array", compression: "STORE" }),
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering one sheet
// ---------------------------------------------------------------------------------------------

function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

function excelJsBorder(line: BorderLine): Partial<ExcelJS.Border> {
  return { style: line };
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.italic || style.size !== undefined || style.fontColor) {
    const font: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, size: style.size ?? 11 };
    if (style.bold) font.bold = true;
    if (style.italic) font.italic = true;
    if (style.fontColor) font.color = { argb: argb(style.fontColor) };
    cell.font = font;
  }
  if (style.fill)
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.border) {
    const b: Partial<ExcelJS.Borders> = {};
    if (style.border.top) b.top = excelJsBorder(style.border.top);
    if (style.border.bottom) b.bottom = excelJsBorder(style.border.bottom);
    if (style.border.left) b.left = excelJsBorder(style.border.left);
    if (style.border.right) b.right = excelJsBorder(style.border.right);
    cell.border = b;
  }
  if (style.horizontal || style.vertical || style.wrap || style.indent) {
    const a: Partial<ExcelJS.Alignment> = {};
    if (style.horizontal) a.horizontal = style.horizontal;
    if (style.vertical) a.vertical = style.vertical === "center" ? "middle" : style.vertical;
    if (style.wrap) a.wrapText = true;
    if (style.indent) a.indent = style.indent;
    cell.alignment = a;
  }
}

/**
 * The ExcelJS value for a planned cell: text is a plain string (never a formula object), holding the
 * true text; XlsxBook.toBuffer applies OOXML escaping when it writes.
 */
export function excelJsCellValue(c: PlannedCell): ExcelJS.CellValue {
  const v = c.value;
  switch (v.kind) {
    case "text":
      return v.text;
    case "number":
    case "date":
      return numericValue(v) ?? null;
    case "formula":
      return v.cachedValue === undefined
        ? { formula: v.formula, date1904: false }
        : { formula: v.formula, result: v.cachedValue, date1904: false };
    case "blank":
      return null;
  }
}

/** Writes a planned sheet into an (empty) ExcelJS worksheet; returns its sheet-scoped names. */
export function renderSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): RawDefinedName[] {
  const spec = plan.spec;
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.col);
    if (c.value.kind !== "blank") cell.value = excelJsCellValue(c);
    if (c.numberFormat !== undefined) cell.numFmt = c.numberFormat;
    if (c.style) applyStyle(cell, c.style);
  }
  for (const run of plan.columnWidths) {
    for (let col = run.first; col <= run.last; col++) ws.getColumn(col).width = run.size;
  }
  for (const run of plan.rowHeights) {
    for (let row = run.first; row <= run.last; row++) ws.getRow(row).height = run.size;
  }
  // Undocumented in ExcelJS (typed, not in its README): relies on exceljs 4.4.0, pinned for it.
  const merger = ws as unknown as {
    mergeCellsWithoutStyle(t: number, l: number, b: number, r: number): void;
  };
  for (const m of plan.merges) merger.mergeCellsWithoutStyle(m.top, m.left, m.bottom, m.right);

  if (spec.visibility === "veryHidden") ws.state = "veryHidden";
  const print = spec.print;
  ws.pageSetup.paperSize = 9; // A4
  ws.pageSetup.orientation = print.orientation;
  ws.pageSetup.fitToPage = print.fitToWidth;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = print.fitToWidth ? 0 : 1;
  // ExcelJS puts a break below a row; the spec names the row that starts the new page.
  // Across every column (1..16384): left to itself ExcelJS writes max="16838", past Excel's last column.
  for (const row of print.rowBreaks ?? []) ws.getRow(row - 1).addPageBreak(1, EXCEL_COLUMNS);
  if (plan.headerString) ws.headerFooter.oddHeader = plan.headerString;
  if (plan.footerString) ws.headerFooter.oddFooter = plan.footerString;

  const view: Partial<ExcelJS.WorksheetView> = {};
  const rows = spec.freeze?.rows ?? 0;
  const cols = spec.freeze?.columns ?? 0;
  if (rows > 0 || cols > 0) {
    Object.assign(view, {
      state: "frozen",
      xSplit: cols,
      ySplit: rows,
      topLeftCell: cellAddress(rows + 1, cols + 1),
    });
  }
  if (spec.showGridlines === false) view.showGridLines = false;
  if (Object.keys(view).length) ws.views = [view as ExcelJS.WorksheetView];

  if (spec.table) {
    const t = spec.table;
    const r = parseRangeAddress(t.range);
    const at = new Map(plan.cells.map((c) => [`${c.row}:${c.col}`, c]));
    const columns: ExcelJS.TableColumnProperties[] = [];
    for (let col = r.left; col <= r.right; col++) {
      const h = at.get(`${r.top}:${col}`);
      // Validation guarantees a text header; ExcelJS rewrites header cells from these names.
      columns.push({
        name: h && h.value.kind === "text" ? h.value.text : `Column${col - r.left + 1}`,
        filterButton: true,
      });
    }
    const rowsData: ExcelJS.CellValue[][] = [];
    for (let row = r.top + 1; row <= r.bottom; row++) {
      const values: ExcelJS.CellValue[] = [];
      for (let col = r.left; col <= r.right; col++) {
        const c = at.get(`${row}:${col}`);
        values.push(c ? excelJsCellValue(c) : null);
      }
      rowsData.push(values);
    }
    ws.addTable({
      name: t.name,
      displayName: t.name,
      ref: cellAddress(r.top, r.left),
      headerRow: true,
      totalsRow: false,
      style: {
        theme: (t.style ?? DEFAULT_TABLE_STYLE) as ExcelJS.TableStyleProperties["theme"],
        showRowStripes: t.showRowStripes ?? true,
      },
      columns,
      rows: rowsData,
    });
  }

  const names: RawDefinedName[] = plan.names.map((n) => ({
    name: n.name,
    sheetName: ws.name,
    text: sheetReference(ws.name, n.ref),
  }));
  // The print area is a defined name this writer writes itself: ExcelJS writes the sheet name in it
  // without doubling an apostrophe ('St George's'!...), which Excel repairs by dropping the name.
  if (print.printArea)
    names.push({
      name: PRINT_AREA,
      sheetName: ws.name,
      text: sheetReference(ws.name, rangeAddress(parseRangeAddress(print.printArea), true)),
    });
  // Print titles likewise, and never through ws.pageSetup.printTitlesRow.
  if (print.printTitleRows)
    names.push({
      name: PRINT_TITLES,
      sheetName: ws.name,
      text: sheetReference(ws.name, printTitleRowsAddress(print.printTitleRows)),
    });
  return names;
}

// ---------------------------------------------------------------------------------------------
// Workbook
// ---------------------------------------------------------------------------------------------

/**
 * Applies OOXML string escaping (`encodeXlsxText`) to every text cell that needs it, just for the
 * duration of a write: cells in the workbook always hold the true text (ExcelJS decodes on load, and
 * the writers store text as is), and ExcelJS does not escape on save. Returns an undo function.
 */
function encodeTextForWrite(workbook: ExcelJS.Workbook): () => void {
  const needs = /_x[0-9A-Fa-f]{4}_|\r/;
  const undo: (() => void)[] = [];
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value;
        if (typeof v === "string") {
          if (needs.test(v)) {
            cell.value = encodeXlsxText(v);
            undo.push(() => (cell.value = v));
          }
        } else if (v && typeof v === "object" && "richText" in v && Array.isArray(v.richText)) {
          if (v.richText.some((r) => needs.test(r.text))) {
            cell.value = {
              richText: v.richText.map((r) => ({ ...r, text: encodeXlsxText(r.text) })),
            };
            undo.push(() => (cell.value = v));
          }
        }
      });
    });
  }
  return () => undo.forEach((u) => u());
}

/**
 * ExcelJS's own (second) entity decoding of sheet names, as its utils.xmlDecode does it: the predefined
 * entities only, named in lower-case letters. Not an XML decoder (unescapeXml is): it reproduces
 * ExcelJS, numeric references left alone, to recognise the names ExcelJS has garbled.
 */
function excelJsDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c, name: string) => XML_PREDEFINED_ENTITIES.get(name) ?? c);
}

/**
 * ExcelJS decodes XML entities in sheet names twice when loading, so a sheet called "R&amp;D" comes
 * back as "R&D" (and would be renamed on save, orphaning its names). Puts the true names back.
 */
function restoreSheetNames(workbook: ExcelJS.Workbook, trueNames: readonly string[]): void {
  const present = new Set(workbook.worksheets.map((ws) => ws.name));
  for (const ws of workbook.worksheets) {
    if (trueNames.includes(ws.name)) continue;
    const candidates = trueNames.filter((t) => !present.has(t) && excelJsDecode(t) === ws.name);
    if (candidates.length === 1) {
      ws.name = candidates[0] as string;
      present.add(ws.name);
    }
  }
}

/** An ExcelJS workbook plus the sheet-scoped names ExcelJS cannot carry itself. */
export class XlsxBook {
  readonly workbook: ExcelJS.Workbook;
  private readonly names: RawDefinedName[];
  /** The charts of the sheets this book added, drawn into the package after ExcelJS writes it. */
  private readonly charts: { sheet: ExcelJS.Worksheet; charts: readonly ChartSpec[] }[] = [];

  private constructor(workbook: ExcelJS.Workbook, names: RawDefinedName[]) {
    this.workbook = workbook;
    this.names = names;
  }

  static create(): XlsxBook {
    const wb = new ExcelJS.Workbook();
    wb.creator = "NHSDP";
    wb.calcProperties.fullCalcOnLoad = true;
    return new XlsxBook(wb, []);
  }

  static async load(data: XlsxData): Promise<XlsxBook> {
    const zip = await JSZip.loadAsync(data);
    const file = zip.file("xl/workbook.xml");
    if (!file) throw new Error("Not an xlsx workbook: xl/workbook.xml is missing");
    const xml = await file.async("string");
    // Every name is kept as the file has it, print areas and titles included: ExcelJS's own copies of
    // those are dropped when the book is written (see toBuffer), as it does not escape sheet names.
    const names = parseDefinedNames(xml);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as ArrayBuffer);
    restoreSheetNames(wb, workbookSheetNames(xml));
    // ExcelJS merged the sheet-scoped names into workbook-level ones; this class writes them instead.
    // DefinedNames' private model, an exceljs 4.4.0 internal (exceljs is pinned to 4.4.0 for it).
    (wb.definedNames as unknown as { model: unknown[] }).model = [];
    wb.calcProperties.fullCalcOnLoad = true;
    return new XlsxBook(wb, names);
  }

  sheetNames(): string[] {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  /** All defined names this book will write, print areas included. */
  definedNames(): readonly RawDefinedName[] {
    return this.names;
  }

  /** Adds a sheet for `spec` under a valid, unique name. */
  addSheet(spec: SheetSpec, options: { avoidNames?: Iterable<string> } = {}): PlacedSheet {
    const plan = planSheet(spec);
    const name = uniqueSheetName(spec.name, [...this.sheetNames(), ...(options.avoidNames ?? [])]);
    const ws = this.workbook.addWorksheet(name);
    this.names.push(...renderSheet(ws, plan));
    if (spec.charts?.length) this.charts.push({ sheet: ws, charts: spec.charts });
    return { desiredName: spec.name, name };
  }

  /**
   * Records `entries` in the NHSDP_Register table, one row per partnership: a reference already there
   * has its row updated, a new one is added; the register sheet is created if there is none.
   */
  updateRegister(
    entries: readonly RegisterEntry[],
    options: { avoidNames?: Iterable<string>; sheetName?: string } = {}
  ): RegisterResult {
    const found = findExcelJsRegister(this.workbook);
    if (found) {
      const rows = updateExcelJsRegister(found.worksheet, found.table, entries);
      return { sheetName: found.worksheet.name, created: false, ...rows };
    }
    const placed = this.addSheet(
      registerSheetSpec(entries, options.sheetName ?? REGISTER_SHEET_NAME),
      options
    );
    return {
      sheetName: placed.name,
      created: true,
      updated: [],
      added: entries.map((_, i) => i + 2),
    };
  }

  async toBuffer(): Promise<Uint8Array> {
    const restore = encodeTextForWrite(this.workbook);
    let raw: ArrayBuffer;
    try {
      raw = (await this.workbook.xlsx.writeBuffer()) as ArrayBuffer;
    } finally {
      restore();
    }
    const zip = await JSZip.loadAsync(raw);
    const file = zip.file("xl/workbook.xml");
    if (!file) throw new Error("ExcelJS wrote no xl/workbook.xml");
    const xml = await file.async("string");
    // Names added through ExcelJS, less the print areas and titles it writes from page setup.
    const written = parseDefinedNames(xml).filter((n) => !PRINT_NAMES.has(n.name));
    const rewritten = rewriteDefinedNames(xml, [...written, ...this.names]);
    zip.file("xl/workbook.xml", rewritten);
    await addChartsToPackage(
      zip,
      this.charts.map(({ sheet, charts }) => ({ sheetName: sheet.name, charts }))
    );
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }
}

/** Writes the specs (and register rows) into a new workbook or a copy of `base`, with details. */
export async function writeWorkbookDetailed(
  specs: readonly SheetSpec[],
  options: XlsxWriteOptions = {}
): Promise<XlsxWriteResult> {
  const book = options.base ? await XlsxBook.load(options.base) : XlsxBook.create();
  const avoid = options.existingSheetNames ?? [];
  const sheets = specs.map((s) => book.addSheet(s, { avoidNames: avoid }));
  const result: XlsxWriteResult = { buffer: new Uint8Array(0), sheets };
  if (options.register && options.register.length)
    result.register = book.updateRegister(options.register, { avoidNames: avoid });
  result.buffer = await book.toBuffer();
  return result;
}

/** Writes the specs into a new workbook (or a copy of `options.base`) and returns the xlsx bytes. */
export async function writeWorkbook(
  specs: readonly SheetSpec[],
  options: XlsxWriteOptions = {}
): Promise<Uint8Array> {
  return (await writeWorkbookDetailed(specs, options)).buffer;
}
