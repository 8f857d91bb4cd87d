/*
 * The partnership register: one row per partnership, keyed by its reference, in an Excel table named
 * NHSDP_Register. Generating a quote again updates that partnership's row in place; a new reference
 * adds a row. The table is found by name wherever it is, so the sheet can be renamed or moved.
 *
 * The register is the trust's own list as much as the add-in's: users sort it, add columns of their
 * own ("Notes", "Invoice sent") and type into them. So the add-in only ever writes the cells of its own
 * columns, finds those columns by their header (not by position), adds any of its columns the table
 * lacks at the right (a register written by an earlier version of the add-in gains the new ones), and
 * never deletes or reorders a row.
 *
 * This module decides what to write (`planRegisterChange`, pure); registerOffice.ts and
 * registerExcelJs.ts write it through Office.js and ExcelJS.
 */
import { VERSION } from "../../../model/version";
import { columnLetter, rangeAddress } from "../../spec/a1";
import { normaliseCellText } from "../../spec/safeText";
import {
  POUNDS_FORMAT,
  SHORT_DATE_FORMAT,
  TABLE_HEADER,
  heightForLines,
  lineCount,
} from "../../spec/styles";
import {
  DEFAULT_PRINT,
  blank,
  date,
  num,
  pageOfPages,
  text,
  type CellStyle,
  type CellValueSpec,
  type SheetSpec,
} from "../../spec/spec";
import { SheetSpecBuilder } from "../../spec/builder";
import { isoToSerial } from "../../spec/dates";

export const REGISTER_TABLE_NAME = "NHSDP_Register";
export const REGISTER_SHEET_NAME = "Register";
export const REGISTER_DATE_FORMAT = SHORT_DATE_FORMAT;
export const REGISTER_DATETIME_FORMAT = `${SHORT_DATE_FORMAT} hh:mm`;
export const REGISTER_TABLE_STYLE = "TableStyleLight1";

/** One partnership's row, as the quote generator describes it. */
export interface RegisterEntry {
  /** The partnership's reference: the register's key. */
  reference: string;
  partner: string;
  /** "Commercial" or "Non-commercial". */
  use: string;
  /** The quote's stage: "Draft", "Issued", ... */
  stage: string;
  /** The trust's lead for the partnership; empty when the document names none. */
  owner?: string;
  /** The quote's total in pounds. */
  total: number;
  /** The value-sharing terms in a line ("None" when there are none). */
  valueSharing: string;
  /** The information governance position in a line ("Complete", or what is outstanding). */
  igStatus: string;
  /** ISO date the partnership is next reviewed, if the document gives one. */
  reviewDate?: string;
  /** ISO date or date-time the quote was generated ("2025-06-30T14:05"). */
  generated: string;
}

interface RegisterColumn {
  header: string;
  /** Headers an earlier version of the register used for this column. */
  formerHeaders?: readonly string[];
  width: number;
  /** Characters a line holds at this width, for row heights. */
  charactersPerLine?: number;
  numberFormat?: string;
  value(entry: RegisterEntry): CellValueSpec;
}

const optionalText = (value: string | undefined): CellValueSpec =>
  value === undefined || value.trim() === "" ? blank() : text(value);

/**
 * The add-in's columns, left to right as a new register lays them out. Their widths add up to what
 * prints across landscape A4 at 83% (fit to width), so the body prints at 9 points or more:
 * long texts wrap instead (the rows are as tall as their longest cell).
 */
export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { header: "Reference", width: 14, charactersPerLine: 14, value: (e) => text(e.reference) },
  { header: "Partner", width: 18, charactersPerLine: 18, value: (e) => text(e.partner) },
  { header: "Use", width: 13, charactersPerLine: 13, value: (e) => text(e.use) },
  { header: "Stage", width: 10, value: (e) => text(e.stage) },
  { header: "Owner", width: 16, charactersPerLine: 16, value: (e) => optionalText(e.owner) },
  {
    header: "Total excl. VAT (£)",
    formerHeaders: ["Total (£)"],
    width: 14,
    numberFormat: POUNDS_FORMAT,
    value: (e) => num(e.total),
  },
  {
    header: "Value sharing",
    width: 28,
    charactersPerLine: 29,
    value: (e) => text(e.valueSharing),
  },
  { header: "IG status", width: 21, charactersPerLine: 22, value: (e) => text(e.igStatus) },
  {
    header: "Review date",
    width: 11,
    numberFormat: REGISTER_DATE_FORMAT,
    value: (e) => (e.reviewDate === undefined ? blank() : date(e.reviewDate)),
  },
  {
    header: "Last generated",
    formerHeaders: ["Date generated"],
    width: 16,
    numberFormat: REGISTER_DATETIME_FORMAT,
    value: (e) => date(e.generated),
  },
];

export const REGISTER_HEADERS: readonly string[] = REGISTER_COLUMNS.map((c) => c.header);

const WRAPPED_TOP: CellStyle = { vertical: "top", wrap: true };
const TOP: CellStyle = { vertical: "top" };
/** The heading row: the other sheets' table heading, wrapped at the top of its cell. */
const HEADER_STYLE: CellStyle = { ...TABLE_HEADER, vertical: "top", wrap: true };

/** Characters of bold heading text a line of a column holds: bold letters are wider. */
const headingCharacters = (width: number): number => Math.max(1, Math.floor(width * 0.9));

/** The heading row's height: each heading wrapped at spaces within its column, never into the body. */
export function registerHeaderHeight(): number {
  return heightForLines(
    Math.max(...REGISTER_COLUMNS.map((c) => lineCount(c.header, headingCharacters(c.width))))
  );
}

/** The style of a register column's body cells. */
export function registerColumnStyle(column: number): CellStyle {
  return REGISTER_COLUMNS[column]?.charactersPerLine ? WRAPPED_TOP : TOP;
}

export function registerEntryProblems(e: RegisterEntry): string[] {
  const p: string[] = [];
  for (const k of ["reference", "partner", "use", "stage", "valueSharing", "igStatus"] as const)
    if (typeof e[k] !== "string") p.push(`${k} must be text`);
  if (typeof e.reference === "string" && registerKey(e.reference) === "")
    p.push("reference must not be empty: it is the register's key");
  if (e.owner !== undefined && typeof e.owner !== "string") p.push("owner must be text");
  if (typeof e.total !== "number" || !Number.isFinite(e.total))
    p.push("total must be a finite number");
  for (const k of ["generated", "reviewDate"] as const) {
    const value = e[k];
    if (value === undefined && k === "reviewDate") continue;
    try {
      isoToSerial(value as string);
    } catch (err) {
      p.push(`${k}: ${(err as Error).message}`);
    }
  }
  return p;
}

function assertEntries(entries: readonly RegisterEntry[]): void {
  if (entries.length === 0) throw new RangeError("At least one register entry is needed");
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const p = registerEntryProblems(e);
    if (p.length) throw new RangeError(`Register entry ${i + 1}: ${p.join("; ")}`);
    const key = registerKey(e.reference);
    if (seen.has(key))
      throw new RangeError(
        `Register entry ${i + 1}: reference "${e.reference}" appears twice; one row per partnership`
      );
    seen.add(key);
  });
}

/** The cell values of one register row, in the add-in's column order. */
export function registerRowValues(e: RegisterEntry): CellValueSpec[] {
  return REGISTER_COLUMNS.map((c) => c.value(e));
}

/** A row tall enough for the entry's longest wrapped cell. */
export function registerRowHeight(e: RegisterEntry): number {
  const values = registerRowValues(e);
  let lines = 1;
  REGISTER_COLUMNS.forEach((c, i) => {
    const v = values[i];
    if (c.charactersPerLine && v?.kind === "text")
      lines = Math.max(lines, lineCount(v.text, c.charactersPerLine));
  });
  return heightForLines(lines);
}

/** A new register sheet: the header row and one row per entry, as the NHSDP_Register table. */
export function registerSheetSpec(
  entries: readonly RegisterEntry[],
  sheetName: string = REGISTER_SHEET_NAME
): SheetSpec {
  assertEntries(entries);
  const b = new SheetSpecBuilder(sheetName);
  b.row(
    1,
    "A",
    REGISTER_HEADERS.map((h) => text(h)),
    { style: HEADER_STYLE }
  );
  b.rowHeight(1, registerHeaderHeight());
  entries.forEach((e, i) => {
    b.row(
      i + 2,
      "A",
      registerRowValues(e),
      REGISTER_COLUMNS.map((c, j) => ({
        style: registerColumnStyle(j),
        ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
      }))
    );
    b.rowHeight(i + 2, registerRowHeight(e));
  });
  REGISTER_COLUMNS.forEach((c, i) => b.columnWidth(columnLetter(i + 1), c.width));
  b.freeze({ rows: 1 });
  b.print({
    ...DEFAULT_PRINT,
    orientation: "landscape",
    fitToWidth: true,
    header: { center: "NHS data partnerships: register" },
    // No single reference: the sheet's name stands for the register.
    footer: { left: `NHS Data Partnership Pricing ${VERSION}`, right: pageOfPages(sheetName) },
    printTitleRows: { first: 1, last: 1 },
  });
  b.table({
    name: REGISTER_TABLE_NAME,
    range: rangeAddress({
      top: 1,
      left: 1,
      bottom: entries.length + 1,
      right: REGISTER_COLUMNS.length,
    }),
    // Light banding under a heading styled as the other sheets' tables (grey, bold, a rule below).
    style: REGISTER_TABLE_STYLE,
    showRowStripes: true,
  });
  return b.build();
}

// ---------------------------------------------------------------------------------------------
// Updating an existing register
// ---------------------------------------------------------------------------------------------

/** What a writer read of an existing register table. */
export interface RegisterTableState {
  /** The header row, left to right. */
  headers: readonly unknown[];
  /** The body, row by row, as the cells' values (text, numbers, blanks). */
  body: readonly (readonly unknown[])[];
}

export interface RegisterCellWrite {
  /** The table column, 0 = the table's first. */
  column: number;
  value: CellValueSpec;
  numberFormat?: string;
  style: CellStyle;
}

export interface RegisterRowWrite {
  /** The body row, 0 = the first row under the header; at or past the body's end = a row to add. */
  row: number;
  entry: RegisterEntry;
  cells: RegisterCellWrite[];
}

export interface RegisterChange {
  /** Headers of the add-in's columns the table lacks, to add at its right in this order. */
  newColumns: string[];
  /** The table's width once the new columns are added. */
  width: number;
  /** Rows updated in place (an existing reference, or a blank row reused). */
  updates: RegisterRowWrite[];
  /** Rows to add at the table's end, in order (their `row` counts on from the current body). */
  additions: RegisterRowWrite[];
}

/** The text a loaded cell shows, for keys and headers (ExcelJS may give rich text). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    const rich = (value as { richText?: { text: string }[] }).richText;
    if (Array.isArray(rich)) return rich.map((r) => r.text).join("");
    const result = (value as { result?: unknown }).result;
    if (result !== undefined) return cellText(result);
    const shown = (value as { text?: unknown }).text;
    if (typeof shown === "string") return shown;
    return "";
  }
  return String(value);
}

/** References match whatever their case and surrounding spaces: "dp-2025-011 " is DP-2025-011. */
export function registerKey(reference: unknown): string {
  return normaliseCellText(cellText(reference)).trim().toUpperCase();
}

const headerKey = (header: unknown): string =>
  cellText(header).trim().replace(/\s+/g, " ").toUpperCase();

/**
 * Decides how to bring an existing register up to date with `entries`: which of the add-in's columns
 * to add, which rows to update (matched by reference; the first match if a reference was pasted
 * twice) and which to add. Blank rows (an emptied table keeps one) are reused before rows are added.
 * Throws, before anything is written, when the table has no Reference column to match on.
 */
export function planRegisterChange(
  state: RegisterTableState,
  entries: readonly RegisterEntry[]
): RegisterChange {
  assertEntries(entries);
  const headerIndex = new Map<string, number>();
  state.headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key !== "" && !headerIndex.has(key)) headerIndex.set(key, i);
  });
  const newColumns: string[] = [];
  const columnOf = REGISTER_COLUMNS.map((c) => {
    for (const name of [c.header, ...(c.formerHeaders ?? [])]) {
      const at = headerIndex.get(headerKey(name));
      if (at !== undefined) return at;
    }
    newColumns.push(c.header);
    return state.headers.length + newColumns.length - 1;
  });
  const referenceColumn = columnOf[0] as number;
  if (referenceColumn >= state.headers.length)
    throw new Error(
      `The register table ${REGISTER_TABLE_NAME} has no "Reference" column, so its rows cannot be matched to partnerships; name the column of references "Reference" (its columns are: ${state.headers.map(cellText).join(", ")})`
    );

  const rowOfKey = new Map<string, number>();
  const blankRows: number[] = [];
  state.body.forEach((row, i) => {
    const key = registerKey(row[referenceColumn]);
    if (key === "") {
      if (row.every((v) => cellText(v).trim() === "")) blankRows.push(i);
    } else if (!rowOfKey.has(key)) rowOfKey.set(key, i);
  });

  const cellsOf = (e: RegisterEntry): RegisterCellWrite[] =>
    registerRowValues(e).map((value, i) => {
      const c = REGISTER_COLUMNS[i] as RegisterColumn;
      return {
        column: columnOf[i] as number,
        value,
        style: registerColumnStyle(i),
        ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
      };
    });
  const updates: RegisterRowWrite[] = [];
  const additions: RegisterRowWrite[] = [];
  for (const entry of entries) {
    const existing = rowOfKey.get(registerKey(entry.reference)) ?? blankRows.shift();
    if (existing !== undefined) updates.push({ row: existing, entry, cells: cellsOf(entry) });
    else
      additions.push({
        row: state.body.length + additions.length,
        entry,
        cells: cellsOf(entry),
      });
  }
  return { newColumns, width: state.headers.length + newColumns.length, updates, additions };
}

/** The widths of the add-in's columns, by header, for columns added to an existing register. */
export function registerColumnWidth(header: string): number {
  return REGISTER_COLUMNS.find((c) => c.header === header)?.width ?? 12;
}

/**
 * Consecutive runs of a row's cells (by table column), so each run is one range write.
 */
export function registerCellRuns(cells: readonly RegisterCellWrite[]): RegisterCellWrite[][] {
  const sorted = [...cells].sort((a, b) => a.column - b.column);
  const runs: RegisterCellWrite[][] = [];
  for (const cell of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.column + 1 === cell.column) run.push(cell);
    else runs.push([cell]);
  }
  return runs;
}
