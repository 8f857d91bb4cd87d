/*
 * A declarative description of one worksheet, rendered identically by the ExcelJS writer (xlsx files,
 * CLI) and the Office.js writer (the add-in). Plain JSON-serialisable data: no Office or ExcelJS types.
 *
 * Conventions
 *  - Rows/columns are 1-based; a cell is placed by `address` ("B5") or by `row`/`col`.
 *  - Formulas are native Excel formulas in the en-US (invariant) syntax, WITHOUT the leading "=",
 *    exactly as stored in an xlsx `<f>` element: "ROUND(C5*D5,2)". The `formula()` helper strips one
 *    leading "=" if given, and the writers tolerate one, but specs should not carry it. Only native
 *    functions from `NATIVE_FUNCTIONS` are accepted (no add-in custom functions such as NHSDP.*, no
 *    functions that need the `_xlfn.` prefix in a file), so a generated sheet calculates the same in
 *    Excel without the add-in, in LibreOffice and in HyperFormula.
 *  - `cachedValue` is only a hint written to xlsx files; Excel recalculates on load (the writer sets
 *    fullCalcOnLoad) and Office.js computes formulas itself.
 *  - Dates are ISO strings, "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS[.sss]]" with an optional "Z";
 *    they are written as Excel serial numbers (wall-clock time; "Z" is accepted and ignored, other
 *    offsets are rejected) with a date number format ("yyyy-mm-dd" or "yyyy-mm-dd hh:mm" unless the
 *    cell gives its own).
 *  - Text is always written as text (see safeText.ts).
 *  - Colours are "#RRGGBB". Column widths are xlsx width units (the `width` stored in the file and
 *    ExcelJS's `column.width`; Excel's default column is 9.140625, shown as 8.43 in its Column Width
 *    dialog); the Office.js writer converts them to points. Row heights are in points.
 */
import {
  A1Error,
  MAX_COLUMNS,
  MAX_ROWS,
  cellAddress,
  columnLetter,
  columnNumber,
  parseCellAddress,
  parseRangeAddress,
  rangeAddress,
  rangeContains,
  rangesOverlap,
  type CellRef,
  type RangeRef,
} from "./a1";
import { MAX_CELL_TEXT, escapeHeaderFooterText, normaliseCellText } from "./safeText";

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export interface TextValue {
  kind: "text";
  text: string;
}
export interface NumberValue {
  kind: "number";
  value: number;
}
export interface FormulaValue {
  kind: "formula";
  /** Native Excel formula without the leading "=". */
  formula: string;
  cachedValue?: number | string;
}
export interface DateValue {
  kind: "date";
  iso: string;
}
/** A cell that only carries formatting (borders, fill) or is the hidden part of a merge. */
export interface BlankValue {
  kind: "blank";
}
export type CellValueSpec = TextValue | NumberValue | FormulaValue | DateValue | BlankValue;

export type BorderLine = "thin" | "medium" | "thick" | "double";

export interface BorderSpec {
  top?: BorderLine;
  bottom?: BorderLine;
  left?: BorderLine;
  right?: BorderLine;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  /** Solid fill, "#RRGGBB". */
  fill?: string;
  border?: BorderSpec;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  wrap?: boolean;
  indent?: number;
}

export type CellPosition =
  | { address: string; row?: undefined; col?: undefined }
  | { row: number; col: number; address?: undefined };

export type CellSpec = CellPosition & {
  value: CellValueSpec;
  numberFormat?: string;
  style?: CellStyle;
};

export interface DefinedNameSpec {
  /** e.g. "NHSDP_Total" */
  name: string;
  /** A cell or range on this sheet, e.g. "$F$30" or "$B$2:$B$4" (made absolute when written). */
  ref: string;
  scope: "sheet";
}

export interface HeaderFooterSpec {
  left?: string;
  center?: string;
  right?: string;
}

export interface PrintSpec {
  paperSize: "A4";
  orientation: "portrait" | "landscape";
  /** Fit all columns on one page width; any number of pages tall. */
  fitToWidth: boolean;
  /** Plain text (an "&" is printed as "&"); at most 255 characters in all, after escaping. */
  header?: HeaderFooterSpec;
  footer?: HeaderFooterSpec;
  /** e.g. "A1:F40" */
  printArea?: string;
  /** Rows that start a new printed page: a manual page break above each, in ascending order. */
  rowBreaks?: number[];
}

export interface FreezeSpec {
  rows?: number;
  columns?: number;
}

export interface TableSpec {
  /** Workbook-unique table name, e.g. "NHSDP_Register". */
  name: string;
  /** Header row plus data rows, e.g. "A1:E2"; the header cells must be text cells in `cells`. */
  range: string;
  /** A built-in table style; default "TableStyleMedium2". */
  style?: string;
  showRowStripes?: boolean;
}

export interface ChartSeriesSpec {
  /** The legend's label. */
  name: string;
  /** One row or one column of this sheet, as long as the chart's categories: "C10:C30". */
  values: string;
}

/**
 * A native chart over ranges of its own sheet, so it follows the cells when they change. The .xlsx
 * writer draws it as DrawingML parts, the Office.js writer through worksheet.charts.
 */
export interface ChartSpec {
  kind: "line" | "column";
  title: string;
  /** One row or one column of this sheet: the category axis's labels ("A10:A30"). */
  categories: string;
  series: ChartSeriesSpec[];
  /** The cells the chart covers, top-left to bottom-right: "A32:K50". */
  anchor: string;
  /** Number formats of the axes' labels; without one a spreadsheet shows the numbers as General. */
  categoryFormat?: string;
  valueFormat?: string;
}

export interface SheetSpec {
  /** The desired sheet name; writers make it valid and unique ("Quote (2)"). */
  name: string;
  cells: CellSpec[];
  /** Column letter → width in xlsx width units, e.g. { A: 40, B: 12 }. */
  columnWidths: Record<string, number>;
  /** Row number → height in points. */
  rowHeights?: Record<string, number>;
  mergedRanges?: string[];
  names: DefinedNameSpec[];
  print: PrintSpec;
  freeze?: FreezeSpec;
  table?: TableSpec;
  showGridlines?: boolean;
  charts?: ChartSpec[];
}

export const DEFAULT_PRINT: Readonly<PrintSpec> = Object.freeze({
  paperSize: "A4",
  orientation: "portrait",
  fitToWidth: true,
});

export const DEFAULT_TABLE_STYLE = "TableStyleMedium2";
export const DEFAULT_DATE_FORMAT = "yyyy-mm-dd";
export const DEFAULT_DATETIME_FORMAT = "yyyy-mm-dd hh:mm";

// ---------------------------------------------------------------------------------------------
// Value constructors
// ---------------------------------------------------------------------------------------------

export const text = (t: string): TextValue => ({ kind: "text", text: t });
export const num = (value: number): NumberValue => ({ kind: "number", value });
export const date = (iso: string): DateValue => ({ kind: "date", iso });
export const blank = (): BlankValue => ({ kind: "blank" });
/** A formula; a leading "=" is accepted and removed. */
export function formula(f: string, cachedValue?: number | string): FormulaValue {
  const body = formulaBody(f);
  return cachedValue === undefined
    ? { kind: "formula", formula: body }
    : { kind: "formula", formula: body, cachedValue };
}

/** The formula without one leading "=" (and surrounding whitespace). */
export function formulaBody(f: string): string {
  const t = f.trim();
  return t.startsWith("=") ? t.slice(1).trim() : t;
}

export function cellRef(cell: CellPosition): CellRef {
  if (typeof cell.address === "string") return parseCellAddress(cell.address);
  const { row, col } = cell as { row: number; col: number };
  cellAddress(row, col); // validates
  return { row, col };
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z)?)?$/;

export function isoHasTime(iso: string): boolean {
  const m = ISO_RE.exec(iso);
  return !!m && m[4] !== undefined;
}

/**
 * Excel's serial number for an ISO date or wall-clock date-time (1900 date system): days since
 * 1899-12-30. Dates before 1900-03-01 are rejected (Excel's fictitious 1900-02-29 makes them differ
 * between Excel and other spreadsheets).
 */
export function isoToSerial(iso: string): number {
  const m = ISO_RE.exec(iso);
  if (!m)
    throw new RangeError(`"${iso}" is not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z])`);
  const part = (i: number): number => (m[i] === undefined ? 0 : Number(m[i]));
  const [y, mo, d, h, mi, s] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const millis = m[7] === undefined ? 0 : Number((m[7] + "00").slice(0, 3));
  const t = Date.UTC(y, mo - 1, d, h, mi, s, millis);
  const back = new Date(t);
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    throw new RangeError(`"${iso}" is not a real date/time`);
  }
  const serial = t / 86_400_000 + 25_569;
  if (serial < 61) throw new RangeError(`"${iso}" is before 1900-03-01`);
  if (serial >= 2_958_466) throw new RangeError(`"${iso}" is after 9999-12-31`);
  return serial;
}

// ---------------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------------

/**
 * Functions a generated sheet may use: long-standing native Excel functions that need no `_xlfn.`
 * prefix in a file and that LibreOffice and HyperFormula also implement.
 */
export const NATIVE_FUNCTIONS: ReadonlySet<string> = new Set([
  "ABS",
  "AND",
  "AVERAGE",
  "AVERAGEIF",
  "CEILING",
  "CHOOSE",
  "COLUMN",
  "COLUMNS",
  "CONCATENATE",
  "COUNT",
  "COUNTA",
  "COUNTBLANK",
  "COUNTIF",
  "COUNTIFS",
  "DATE",
  "DAY",
  "DAYS360",
  "EDATE",
  "EOMONTH",
  "EXACT",
  "EXP",
  "FALSE",
  "FIND",
  "FLOOR",
  "FV",
  "HLOOKUP",
  "HOUR",
  "HYPERLINK",
  "IF",
  "IFERROR",
  "INDEX",
  "INT",
  "IRR",
  "ISBLANK",
  "ISERROR",
  "ISNUMBER",
  "ISTEXT",
  "LARGE",
  "LEFT",
  "LEN",
  "LN",
  "LOG",
  "LOG10",
  "LOOKUP",
  "LOWER",
  "MATCH",
  "MAX",
  "MEDIAN",
  "MID",
  "MIN",
  "MINUTE",
  "MOD",
  "MONTH",
  "N",
  "NA",
  "NETWORKDAYS",
  "NOT",
  "NOW",
  "NPV",
  "OR",
  "PMT",
  "POWER",
  "PRODUCT",
  "PROPER",
  "PV",
  "RATE",
  "REPT",
  "RIGHT",
  "ROUND",
  "ROUNDDOWN",
  "ROUNDUP",
  "ROW",
  "ROWS",
  "SEARCH",
  "SIGN",
  "SMALL",
  "SQRT",
  "SUBSTITUTE",
  "SUBTOTAL",
  "SUM",
  "SUMIF",
  "SUMIFS",
  "SUMPRODUCT",
  "TEXT",
  "TIME",
  "TODAY",
  "TRIM",
  "TRUE",
  "TRUNC",
  "UPPER",
  "VALUE",
  "VLOOKUP",
  "WEEKDAY",
  "YEAR",
  "YEARFRAC",
]);

/** Removes string literals, quoted sheet names and [structured references] from a formula. */
function stripFormulaLiterals(f: string): string {
  let out = f.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'/g, "S");
  let prev: string;
  do {
    prev = out;
    out = out.replace(/\[[^[\]]*\]/g, "");
  } while (out !== prev);
  return out;
}

/** The upper-cased names of the functions a formula calls. */
export function formulaFunctions(f: string): string[] {
  const body = stripFormulaLiterals(formulaBody(f));
  const names = new Set<string>();
  for (const m of body.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g))
    names.add((m[1] as string).toUpperCase());
  return [...names];
}

/** Problems with a formula (empty list = acceptable). */
export function formulaProblems(f: string): string[] {
  const problems: string[] = [];
  const body = formulaBody(f);
  if (body === "") return ["empty formula"];
  if (f.trim().startsWith("=")) problems.push('formula should be stored without the leading "="');
  if (body.length > 8192) problems.push("formula longer than Excel's 8,192 characters");
  const bare = stripFormulaLiterals(body);
  if (/[|]/.test(bare)) problems.push('"|" outside a string (DDE) is not allowed');
  if (/\[[^\]]*\][A-Za-z0-9_. ]*'?!/.test(body.replace(/"(?:[^"]|"")*"/g, '""')))
    problems.push("external workbook references are not allowed");
  for (const fn of formulaFunctions(body)) {
    if (!NATIVE_FUNCTIONS.has(fn))
      problems.push(`function ${fn} is not in the native function list`);
  }
  let depth = 0;
  for (const ch of bare) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (depth < 0) break;
  }
  if (depth !== 0) problems.push("unbalanced parentheses");
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Defined names
// ---------------------------------------------------------------------------------------------

/** Whether `name` is a legal Excel defined name (and not one reserved or confusable with a reference). */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) return false;
  if (/^[RrCc]$/.test(name)) return false;
  if (/^_xlnm\./i.test(name)) return false;
  if (/^[Rr][0-9]*[Cc][0-9]*$/.test(name)) return false;
  const a1 = /^([A-Za-z]{1,3})([0-9]+)$/.exec(name);
  if (a1) {
    try {
      if (
        columnNumber(a1[1] as string) <= MAX_COLUMNS &&
        Number(a1[2]) >= 1 &&
        Number(a1[2]) <= MAX_ROWS
      )
        return false;
    } catch {
      /* not a column → fine */
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Header / footer
// ---------------------------------------------------------------------------------------------

/** The OOXML header/footer string ("&Lleft&Ccentre&Rright"), each section escaped. */
export function headerFooterString(hf: HeaderFooterSpec | undefined): string {
  if (!hf) return "";
  let out = "";
  if (hf.left) out += `&L${escapeHeaderFooterText(hf.left)}`;
  if (hf.center) out += `&C${escapeHeaderFooterText(hf.center)}`;
  if (hf.right) out += `&R${escapeHeaderFooterText(hf.right)}`;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

export class SheetSpecError extends Error {
  readonly issues: readonly string[];
  constructor(sheet: string, issues: readonly string[]) {
    super(`Sheet spec "${sheet}" is not valid:\n - ${issues.join("\n - ")}`);
    this.name = "SheetSpecError";
    this.issues = issues;
  }
}

const COLOUR = /^#[0-9A-Fa-f]{6}$/;
const BORDER_LINES: ReadonlySet<string> = new Set(["thin", "medium", "thick", "double"]);

function styleProblems(style: CellStyle, where: string): string[] {
  const p: string[] = [];
  if (style.fontColor !== undefined && !COLOUR.test(style.fontColor))
    p.push(`${where}: fontColor must be #RRGGBB`);
  if (style.fill !== undefined && !COLOUR.test(style.fill))
    p.push(`${where}: fill must be #RRGGBB`);
  if (style.size !== undefined && !(style.size >= 1 && style.size <= 409))
    p.push(`${where}: size must be 1..409`);
  if (
    style.indent !== undefined &&
    !(Number.isInteger(style.indent) && style.indent >= 0 && style.indent <= 250)
  ) {
    p.push(`${where}: indent must be an integer 0..250`);
  }
  if (style.horizontal !== undefined && !["left", "center", "right"].includes(style.horizontal))
    p.push(`${where}: bad horizontal`);
  if (style.vertical !== undefined && !["top", "center", "bottom"].includes(style.vertical))
    p.push(`${where}: bad vertical`);
  for (const [edge, line] of Object.entries(style.border ?? {})) {
    if (!["top", "bottom", "left", "right"].includes(edge))
      p.push(`${where}: unknown border edge ${edge}`);
    if (line !== undefined && !BORDER_LINES.has(line))
      p.push(`${where}: unknown border line ${String(line)}`);
  }
  return p;
}

/** All problems with a spec (empty = valid). */
export function sheetSpecProblems(spec: SheetSpec): string[] {
  const p: string[] = [];
  if (typeof spec.name !== "string") p.push("name must be a string");
  const occupied = new Map<string, CellSpec>();
  for (const [i, cell] of spec.cells.entries()) {
    let where = `cell #${i}`;
    let ref: CellRef;
    try {
      ref = cellRef(cell);
      where = cellAddress(ref.row, ref.col);
    } catch (e) {
      p.push(`${where}: ${(e as Error).message}`);
      continue;
    }
    if (occupied.has(where)) p.push(`${where}: more than one cell spec for this address`);
    occupied.set(where, cell);
    const v = cell.value;
    switch (v?.kind) {
      case "text":
        if (typeof v.text !== "string") p.push(`${where}: text must be a string`);
        else if (normaliseCellText(v.text).length > MAX_CELL_TEXT)
          p.push(`${where}: text longer than ${MAX_CELL_TEXT} characters`);
        break;
      case "number":
        if (typeof v.value !== "number" || !Number.isFinite(v.value))
          p.push(`${where}: number must be finite`);
        break;
      case "formula":
        if (typeof v.formula !== "string") p.push(`${where}: formula must be a string`);
        else for (const fp of formulaProblems(v.formula)) p.push(`${where}: ${fp}`);
        if (
          v.cachedValue !== undefined &&
          typeof v.cachedValue === "number" &&
          !Number.isFinite(v.cachedValue)
        ) {
          p.push(`${where}: cachedValue must be finite`);
        }
        break;
      case "date":
        try {
          isoToSerial(v.iso);
        } catch (e) {
          p.push(`${where}: ${(e as Error).message}`);
        }
        break;
      case "blank":
        break;
      default:
        p.push(`${where}: unknown value kind`);
    }
    if (
      cell.numberFormat !== undefined &&
      (typeof cell.numberFormat !== "string" ||
        cell.numberFormat.length > 255 ||
        cell.numberFormat === "")
    ) {
      p.push(`${where}: numberFormat must be a non-empty string of at most 255 characters`);
    }
    if (cell.style) p.push(...styleProblems(cell.style, where));
  }
  for (const [col, width] of Object.entries(spec.columnWidths ?? {})) {
    try {
      columnNumber(col);
    } catch {
      p.push(`columnWidths: "${col}" is not a column letter`);
    }
    if (!(typeof width === "number" && width >= 0 && width <= 255))
      p.push(`columnWidths.${col}: width must be 0..255`);
  }
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) {
    const r = Number(row);
    if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS)
      p.push(`rowHeights: "${row}" is not a row number`);
    if (!(typeof height === "number" && height >= 0 && height <= 409))
      p.push(`rowHeights.${row}: height must be 0..409`);
  }
  const merges: RangeRef[] = [];
  for (const m of spec.mergedRanges ?? []) {
    let r: RangeRef;
    try {
      r = parseRangeAddress(m);
    } catch (e) {
      p.push(`mergedRanges: ${(e as A1Error).message}`);
      continue;
    }
    if (r.top === r.bottom && r.left === r.right) p.push(`mergedRanges: ${m} is a single cell`);
    if (merges.some((o) => rangesOverlap(o, r)))
      p.push(`mergedRanges: ${m} overlaps another merge`);
    merges.push(r);
    for (const [addr, cell] of occupied) {
      const c = parseCellAddress(addr);
      const inside = rangeContains(r, { top: c.row, left: c.col, bottom: c.row, right: c.col });
      if (inside && !(c.row === r.top && c.col === r.left) && cell.value.kind !== "blank") {
        p.push(`mergedRanges: ${m} would hide the value in ${addr}`);
      }
    }
  }
  const seenNames = new Set<string>();
  for (const n of spec.names ?? []) {
    if (!isValidDefinedName(n.name)) p.push(`names: "${n.name}" is not a valid defined name`);
    if (seenNames.has(n.name.toUpperCase())) p.push(`names: "${n.name}" defined twice`);
    seenNames.add(n.name.toUpperCase());
    if (n.scope !== "sheet") p.push(`names: "${n.name}" must have scope "sheet"`);
    try {
      parseRangeAddress(n.ref);
    } catch {
      p.push(`names: "${n.name}" ref "${n.ref}" is not a cell or range on this sheet`);
    }
  }
  const pr = spec.print;
  if (!pr) p.push("print is required");
  else {
    if (pr.paperSize !== "A4") p.push('print.paperSize must be "A4"');
    if (pr.orientation !== "portrait" && pr.orientation !== "landscape")
      p.push("print.orientation must be portrait or landscape");
    if (headerFooterString(pr.header).length > 255)
      p.push("print.header is longer than Excel's 255 characters");
    if (headerFooterString(pr.footer).length > 255)
      p.push("print.footer is longer than Excel's 255 characters");
    if (pr.rowBreaks !== undefined) {
      pr.rowBreaks.forEach((row, i) => {
        if (!Number.isInteger(row) || row < 2 || row > MAX_ROWS)
          p.push(`print.rowBreaks: ${row} is not a row from 2 to ${MAX_ROWS}`);
        else if (i > 0 && row <= (pr.rowBreaks?.[i - 1] ?? 0))
          p.push(`print.rowBreaks: ${row} is not after the break before it`);
      });
    }
    if (pr.printArea !== undefined) {
      try {
        parseRangeAddress(pr.printArea);
      } catch {
        p.push(`print.printArea "${pr.printArea}" is not a range`);
      }
    }
  }
  const fr = spec.freeze;
  if (fr) {
    for (const k of ["rows", "columns"] as const) {
      const v = fr[k];
      if (v !== undefined && !(Number.isInteger(v) && v >= 0 && v < 1000))
        p.push(`freeze.${k} must be a small non-negative integer`);
    }
  }
  const t = spec.table;
  if (t) {
    if (!isValidDefinedName(t.name)) p.push(`table: "${t.name}" is not a valid table name`);
    let r: RangeRef | undefined;
    try {
      r = parseRangeAddress(t.range);
    } catch {
      p.push(`table: range "${t.range}" is not a range`);
    }
    if (r) {
      if (r.bottom - r.top < 1) p.push("table: range needs a header row and at least one data row");
      const headers = new Set<string>();
      for (let c = r.left; c <= r.right; c++) {
        const h = occupied.get(cellAddress(r.top, c));
        if (!h || h.value.kind !== "text" || h.value.text.trim() === "") {
          p.push(`table: header ${cellAddress(r.top, c)} must be a non-empty text cell`);
        } else if (headers.has(h.value.text.toUpperCase())) {
          p.push(`table: header "${h.value.text}" repeated`);
        } else headers.add(h.value.text.toUpperCase());
      }
      for (const m of merges)
        if (rangesOverlap(m, r)) p.push("table: range overlaps a merged range");
    }
  }
  if (spec.charts !== undefined) {
    if (!Array.isArray(spec.charts)) p.push("charts must be a list");
    else p.push(...chartProblems(spec.charts));
  }
  return p;
}

/** The number of cells of a range that is one row or one column; undefined for any other range. */
function vectorLength(range: RangeRef): number | undefined {
  if (range.left === range.right) return range.bottom - range.top + 1;
  if (range.top === range.bottom) return range.right - range.left + 1;
  return undefined;
}

const CHART_TEXT = 255;

function chartProblems(charts: readonly ChartSpec[]): string[] {
  const p: string[] = [];
  const anchors: RangeRef[] = [];
  charts.forEach((chart, i) => {
    const where = `charts[${i}]`;
    if (chart.kind !== "line" && chart.kind !== "column")
      p.push(`${where}: kind must be "line" or "column"`);
    if (typeof chart.title !== "string" || chart.title.trim() === "")
      p.push(`${where}: title must be non-empty text`);
    else if (chart.title.length > CHART_TEXT)
      p.push(`${where}: title longer than ${CHART_TEXT} characters`);
    const vector = (address: string, what: string): number | undefined => {
      let range: RangeRef;
      try {
        range = parseRangeAddress(address);
      } catch {
        p.push(`${where}: ${what} "${address}" is not a range`);
        return undefined;
      }
      const length = vectorLength(range);
      if (length === undefined) p.push(`${where}: ${what} "${address}" is not one row or column`);
      return length;
    };
    const categories = vector(chart.categories, "categories");
    if (!Array.isArray(chart.series) || chart.series.length === 0)
      p.push(`${where}: needs at least one series`);
    for (const [k, series] of (chart.series ?? []).entries()) {
      if (typeof series.name !== "string" || series.name.trim() === "")
        p.push(`${where}.series[${k}]: name must be non-empty text`);
      else if (series.name.length > CHART_TEXT)
        p.push(`${where}.series[${k}]: name longer than ${CHART_TEXT} characters`);
      const length = vector(series.values, `series[${k}] values`);
      if (length !== undefined && categories !== undefined && length !== categories)
        p.push(`${where}.series[${k}]: ${length} values for ${categories} categories`);
    }
    for (const key of ["categoryFormat", "valueFormat"] as const) {
      const format = chart[key];
      if (
        format !== undefined &&
        (typeof format !== "string" || format === "" || format.length > CHART_TEXT)
      )
        p.push(`${where}: ${key} must be a non-empty string of at most ${CHART_TEXT} characters`);
    }
    try {
      const anchor = parseRangeAddress(chart.anchor);
      if (anchors.some((other) => rangesOverlap(other, anchor)))
        p.push(`${where}: anchor ${chart.anchor} overlaps another chart`);
      anchors.push(anchor);
    } catch {
      p.push(`${where}: anchor "${chart.anchor}" is not a range`);
    }
  });
  return p;
}

export function assertValidSheetSpec(spec: SheetSpec): void {
  const problems = sheetSpecProblems(spec);
  if (problems.length) throw new SheetSpecError(spec.name, problems);
}

// ---------------------------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------------------------

export interface CellOptions {
  numberFormat?: string;
  style?: CellStyle;
}

/**
 * Builds a SheetSpec without address mistakes: cells are placed by address or (row, col), a cell can
 * be set only once, and `build()` validates everything.
 */
export class SheetSpecBuilder {
  private readonly cells = new Map<string, CellSpec>();
  private readonly widths: Record<string, number> = {};
  private readonly heights: Record<string, number> = {};
  private readonly merges: string[] = [];
  private readonly names: DefinedNameSpec[] = [];
  private printSpec: PrintSpec = { ...DEFAULT_PRINT };
  private freezeSpec: FreezeSpec | undefined;
  private tableSpec: TableSpec | undefined;
  private gridlines: boolean | undefined;
  private readonly chartSpecs: ChartSpec[] = [];

  constructor(private readonly name: string) {}

  /** Sets one cell; throws if the address already has a cell. Returns the address ("B5"). */
  set(address: string, value: CellValueSpec, options: CellOptions = {}): string {
    const { row, col } = parseCellAddress(address);
    return this.setAt(row, col, value, options);
  }

  setAt(row: number, col: number, value: CellValueSpec, options: CellOptions = {}): string {
    const address = cellAddress(row, col);
    if (this.cells.has(address)) throw new A1Error(`Cell ${address} is already set`);
    const cell: CellSpec = { address, value };
    if (options.numberFormat !== undefined) cell.numberFormat = options.numberFormat;
    if (options.style !== undefined) cell.style = { ...options.style };
    this.cells.set(address, cell);
    return address;
  }

  /** Sets consecutive cells of one row from `startColumn` ("A" or 1); `null` skips a column. */
  row(
    row: number,
    startColumn: string | number,
    values: readonly (CellValueSpec | null)[],
    options: CellOptions | readonly (CellOptions | undefined)[] = {}
  ): string[] {
    const start = typeof startColumn === "number" ? startColumn : columnNumber(startColumn);
    const out: string[] = [];
    values.forEach((v, i) => {
      if (v === null) return;
      const opt = Array.isArray(options)
        ? ((options as readonly (CellOptions | undefined)[])[i] ?? {})
        : (options as CellOptions);
      out.push(this.setAt(row, start + i, v, opt));
    });
    return out;
  }

  has(address: string): boolean {
    const { row, col } = parseCellAddress(address);
    return this.cells.has(cellAddress(row, col));
  }

  columnWidth(column: string | number, width: number): this {
    const letter =
      typeof column === "number" ? columnLetter(column) : columnLetter(columnNumber(column));
    this.widths[letter] = width;
    return this;
  }

  rowHeight(row: number, height: number): this {
    this.heights[String(row)] = height;
    return this;
  }

  merge(range: string): this {
    this.merges.push(rangeAddress(parseRangeAddress(range)));
    return this;
  }

  /** A sheet-scoped defined name for a cell/range on this sheet (stored absolute: "$F$30"). */
  defineName(name: string, ref: string): this {
    this.names.push({ name, ref: rangeAddress(parseRangeAddress(ref), true), scope: "sheet" });
    return this;
  }

  print(print: Partial<PrintSpec>): this {
    this.printSpec = { ...this.printSpec, ...print };
    return this;
  }

  freeze(freeze: FreezeSpec): this {
    this.freezeSpec = { ...freeze };
    return this;
  }

  table(table: TableSpec): this {
    this.tableSpec = { ...table };
    return this;
  }

  showGridlines(show: boolean): this {
    this.gridlines = show;
    return this;
  }

  chart(chart: ChartSpec): this {
    this.chartSpecs.push({ ...chart, series: chart.series.map((s) => ({ ...s })) });
    return this;
  }

  build(): SheetSpec {
    const spec: SheetSpec = {
      name: this.name,
      cells: [...this.cells.values()].map((c) => ({ ...c })),
      columnWidths: { ...this.widths },
      names: this.names.map((n) => ({ ...n })),
      print: { ...this.printSpec },
    };
    if (Object.keys(this.heights).length) spec.rowHeights = { ...this.heights };
    if (this.merges.length) spec.mergedRanges = [...this.merges];
    if (this.freezeSpec) spec.freeze = { ...this.freezeSpec };
    if (this.tableSpec) spec.table = { ...this.tableSpec };
    if (this.gridlines !== undefined) spec.showGridlines = this.gridlines;
    if (this.chartSpecs.length)
      spec.charts = this.chartSpecs.map((c) => ({ ...c, series: c.series.map((s) => ({ ...s })) }));
    assertValidSheetSpec(spec);
    return spec;
  }
}
