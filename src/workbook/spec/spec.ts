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
import { cellAddress, parseCellAddress, type CellRef } from "./a1";
import { escapeHeaderFooterText } from "./safeText";

// Types

export interface TextValue {
  kind: "text";
  text: string;
}
export interface NumberValue {
  kind: "number";
  value: number;
}
/** An error a formula evaluates to, cached as such: only #N/A, which a sheet writes on purpose (NA()). */
export interface FormulaError {
  error: "#N/A";
}
export interface FormulaValue {
  kind: "formula";
  /** Native Excel formula without the leading "=". */
  formula: string;
  cachedValue?: number | string | FormulaError;
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

/** A field Excel fills in when it prints: the page's number (&P) or the number of pages (&N). */
export interface HeaderFooterField {
  field: "pageNumber" | "pageCount";
}

/**
 * The font of the header or footer text after it, to the end of its section: bold, a size in points,
 * a colour ("#RRGGBB"). A page banner: [{ font: { bold: true, size: 16, color: "#D5281B" } }, "DRAFT"].
 */
export interface HeaderFooterFont {
  font: { bold?: boolean; size?: number; color?: string };
}

export const PAGE_NUMBER: Readonly<HeaderFooterField> = Object.freeze({ field: "pageNumber" });
export const PAGE_COUNT: Readonly<HeaderFooterField> = Object.freeze({ field: "pageCount" });

/**
 * One section of a header or footer: plain text (an "&" is printed as "&"), or text and fields in
 * order, e.g. [reference, " - page ", PAGE_NUMBER, " of ", PAGE_COUNT].
 */
export type HeaderFooterSection =
  string | readonly (string | Readonly<HeaderFooterField> | Readonly<HeaderFooterFont>)[];

export interface HeaderFooterSpec {
  left?: HeaderFooterSection;
  center?: HeaderFooterSection;
  right?: HeaderFooterSection;
}

/** Rows repeated at the top of every printed page after the one they are on (Excel's print titles). */
export interface PrintTitleRows {
  first: number;
  last: number;
}

export interface PrintSpec {
  paperSize: "A4";
  orientation: "portrait" | "landscape";
  /** Fit all columns on one page width; any number of pages tall. */
  fitToWidth: boolean;
  /** Text and page fields (an "&" is printed as "&"); at most 255 characters in all, after escaping. */
  header?: HeaderFooterSpec;
  footer?: HeaderFooterSpec;
  /** e.g. "A1:F40" */
  printArea?: string;
  /** Rows that start a new printed page: a manual page break above each, in ascending order. */
  rowBreaks?: number[];
  /** A table's heading row(s), printed again at the top of each later page; within the print area's rows. */
  printTitleRows?: PrintTitleRows;
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
  /** "column": clustered vertical bars; "bar": clustered horizontal bars, the categories down the left. */
  kind: "line" | "column" | "bar";
  title: string;
  /** One row or one column of this sheet: the category axis's labels ("A10:A30"). */
  categories: string;
  series: ChartSeriesSpec[];
  /** The cells the chart covers, top-left to bottom-right: "A32:K50". */
  anchor: string;
  /** Number formats of the axes' labels; without one a spreadsheet shows the numbers as General. */
  categoryFormat?: string;
  valueFormat?: string;
  /** The axes' titles, in words: what the categories are and what the values measure (with units). */
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
  /**
   * Horizontal bars only: the first category at the top, as its table reads (a spreadsheet draws it at
   * the bottom otherwise), with the value axis kept along the bottom.
   */
  topDown?: boolean;
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
  /** "veryHidden": a sheet the workbook's user never sees and cannot unhide from Excel's menus. */
  visibility?: "veryHidden";
}

export const DEFAULT_PRINT: Readonly<PrintSpec> = Object.freeze({
  paperSize: "A4",
  orientation: "portrait",
  fitToWidth: true,
});

export const DEFAULT_TABLE_STYLE = "TableStyleMedium2";
export const DEFAULT_DATE_FORMAT = "yyyy-mm-dd";
export const DEFAULT_DATETIME_FORMAT = "yyyy-mm-dd hh:mm";

// Value constructors

export const text = (t: string): TextValue => ({ kind: "text", text: t });
export const num = (value: number): NumberValue => ({ kind: "number", value });
export const date = (iso: string): DateValue => ({ kind: "date", iso });
export const blank = (): BlankValue => ({ kind: "blank" });
/** The cached value of a formula that evaluates to #N/A. */
export const NOT_AVAILABLE: Readonly<FormulaError> = Object.freeze({ error: "#N/A" });
/** A formula; a leading "=" is accepted and removed. */
export function formula(f: string, cachedValue?: number | string | FormulaError): FormulaValue {
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

// Header / footer

const FIELD_CODES: Readonly<Record<HeaderFooterField["field"], string>> = {
  pageNumber: "&P",
  pageCount: "&N",
};

/**
 * A font as Excel's codes: the size first ("&16"), then the font code ('&"-,Bold"'), whose "&" ends
 * the size's digits even when the text after it starts with a digit; then the colour ("&KD5281B").
 */
function fontCodes({ font }: HeaderFooterFont): string {
  const size = font.size === undefined ? "" : `&${Math.round(font.size)}`;
  const colour = font.color === undefined ? "" : `&K${font.color.replace(/^#/, "").toUpperCase()}`;
  return `${size}&"-,${font.bold ? "Bold" : "Regular"}"${colour}`;
}

/** One section as Excel's codes: its text escaped ("&" as "&&"), its fields as &P and &N, fonts as codes. */
export function headerFooterSectionString(section: HeaderFooterSection | undefined): string {
  if (section === undefined) return "";
  const parts = typeof section === "string" ? [section] : section;
  return parts
    .map((part) =>
      typeof part === "string"
        ? escapeHeaderFooterText(part)
        : "font" in part
          ? fontCodes(part)
          : FIELD_CODES[part.field]
    )
    .join("");
}

/** The OOXML header/footer string ("&Lleft&Ccentre&Rright"), each section escaped. */
export function headerFooterString(hf: HeaderFooterSpec | undefined): string {
  if (!hf) return "";
  let out = "";
  const left = headerFooterSectionString(hf.left);
  const center = headerFooterSectionString(hf.center);
  const right = headerFooterSectionString(hf.right);
  if (left) out += `&L${left}`;
  if (center) out += `&C${center}`;
  if (right) out += `&R${right}`;
  return out;
}

/** "<label> - page x of y", the page's number and the page count filled in as the sheet prints. */
export function pageOfPages(label: string): HeaderFooterSection {
  return [label, " - page ", PAGE_NUMBER, " of ", PAGE_COUNT];
}

/** The absolute rows of print titles: "$5:$5". */
export function printTitleRowsAddress(rows: PrintTitleRows): string {
  return `$${rows.first}:$${rows.last}`;
}
