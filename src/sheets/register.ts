/*
 * The partnership register: one row per generated quote (reference, partner, use, total, date
 * generated) in an Excel table named NHSDP_Register. The table is found by name wherever it is, so
 * the sheet can be renamed or moved; the first quote creates it (from `registerSheetSpec`), every
 * later quote appends rows to it and never rewrites it:
 *  - Office.js: `table.rows.add(undefined, rows)` (see officeWriter.writeSheets' `register` option);
 *  - ExcelJS: `worksheet.getTable(name).addRow(row)` + `commit()` (see XlsxBook.appendToRegister).
 *    ExcelJS cannot append to a table it loaded from a file (the loaded model lacks `ref`, `rows` and
 *    its worksheet), so `appendRowsToExcelJsTable` restores those from the sheet first. Text is stored
 *    as is; XlsxBook.toBuffer escapes it when writing.
 */
import type * as ExcelJS from "exceljs";
import { cellAddress, parseRangeAddress, rangeAddress } from "./a1";
import { officeTextLiteral, normaliseCellText } from "./safeText";
import {
  DEFAULT_PRINT,
  SheetSpecBuilder,
  date,
  isoToSerial,
  num,
  text,
  type CellValueSpec,
  type SheetSpec,
} from "./spec";

export const REGISTER_TABLE_NAME = "NHSDP_Register";
export const REGISTER_SHEET_NAME = "Register";
export const REGISTER_HEADERS = [
  "Reference",
  "Partner",
  "Use",
  "Total (£)",
  "Date generated",
] as const;
export const REGISTER_TOTAL_FORMAT = "[$£-809]#,##0.00";
export const REGISTER_DATE_FORMAT = "yyyy-mm-dd hh:mm";
/** Number format per register column (null = General). */
export const REGISTER_NUMBER_FORMATS: readonly (string | null)[] = [
  null,
  null,
  null,
  REGISTER_TOTAL_FORMAT,
  REGISTER_DATE_FORMAT,
];

export interface RegisterEntry {
  reference: string;
  partner: string;
  use: string;
  /** The quote's total in pounds. */
  total: number;
  /** ISO date or date-time the quote was generated ("2025-06-30T14:05"). */
  generated: string;
}

export function registerEntryProblems(e: RegisterEntry): string[] {
  const p: string[] = [];
  for (const k of ["reference", "partner", "use"] as const)
    if (typeof e[k] !== "string") p.push(`${k} must be text`);
  if (typeof e.total !== "number" || !Number.isFinite(e.total))
    p.push("total must be a finite number");
  try {
    isoToSerial(e.generated);
  } catch (err) {
    p.push(`generated: ${(err as Error).message}`);
  }
  return p;
}

function assertEntries(entries: readonly RegisterEntry[]): void {
  if (entries.length === 0) throw new RangeError("At least one register entry is needed");
  entries.forEach((e, i) => {
    const p = registerEntryProblems(e);
    if (p.length) throw new RangeError(`Register entry ${i + 1}: ${p.join("; ")}`);
  });
}

/** The cell values of one register row, in column order. */
export function registerRowValues(e: RegisterEntry): CellValueSpec[] {
  return [text(e.reference), text(e.partner), text(e.use), num(e.total), date(e.generated)];
}

/** The register sheet (header row plus one row per entry, as the NHSDP_Register table). */
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
    { style: { bold: true } }
  );
  entries.forEach((e, i) => {
    b.row(
      i + 2,
      "A",
      registerRowValues(e),
      REGISTER_NUMBER_FORMATS.map((f) =>
        f === null
          ? { style: { vertical: "top" as const } }
          : { numberFormat: f, style: { vertical: "top" as const } }
      )
    );
  });
  b.columnWidth("A", 20)
    .columnWidth("B", 32)
    .columnWidth("C", 40)
    .columnWidth("D", 14)
    .columnWidth("E", 18);
  b.freeze({ rows: 1 });
  b.print({
    ...DEFAULT_PRINT,
    orientation: "portrait",
    fitToWidth: true,
    header: { center: "NHS data partnerships: quote register" },
  });
  b.table({
    name: REGISTER_TABLE_NAME,
    range: rangeAddress({
      top: 1,
      left: 1,
      bottom: entries.length + 1,
      right: REGISTER_HEADERS.length,
    }),
    style: "TableStyleMedium2",
    showRowStripes: true,
  });
  return b.build();
}

// ---------------------------------------------------------------------------------------------
// Office.js: rows for table.rows.add
// ---------------------------------------------------------------------------------------------

/** One register row as Office.js values: text apostrophe-prefixed (never parsed), numbers as numbers. */
export function registerOfficeRow(e: RegisterEntry): (string | number)[] {
  return registerRowValues(e).map((v) => {
    switch (v.kind) {
      case "text":
        return officeTextLiteral(normaliseCellText(v.text));
      case "number":
        return v.value;
      case "date":
        return isoToSerial(v.iso);
      default:
        throw new Error("unreachable");
    }
  });
}

/**
 * Queues the append of `entries` to an existing register table (no sync): one `rows.add` for all the
 * rows and one number-format assignment for the added block.
 */
export function queueRegisterAppend(table: Excel.Table, entries: readonly RegisterEntry[]): void {
  assertEntries(entries);
  const values = entries.map(registerOfficeRow);
  const added = table.rows.add(undefined, values);
  added.getRange().getResizedRange(entries.length - 1, 0).numberFormat = entries.map(() =>
    REGISTER_NUMBER_FORMATS.map((f) => f ?? "General")
  );
}

// ---------------------------------------------------------------------------------------------
// ExcelJS
// ---------------------------------------------------------------------------------------------

interface TableModel {
  name: string;
  ref?: string;
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string }[];
  rows?: unknown[][];
}

interface TableInternals {
  worksheet?: ExcelJS.Worksheet;
  table: TableModel;
  addRow(values: unknown[], rowNumber?: number): void;
  commit(): void;
}

/** The register table in an ExcelJS workbook, if any (table names are case-insensitive). */
export function findExcelJsRegister(
  workbook: ExcelJS.Workbook
): { worksheet: ExcelJS.Worksheet; table: ExcelJS.Table } | undefined {
  for (const worksheet of workbook.worksheets) {
    for (const t of worksheet.getTables() as unknown as TableInternals[]) {
      if (t.table && t.table.name.toUpperCase() === REGISTER_TABLE_NAME.toUpperCase()) {
        return { worksheet, table: t as unknown as ExcelJS.Table };
      }
    }
  }
  return undefined;
}

function excelJsValue(v: CellValueSpec): string | number | null {
  switch (v.kind) {
    case "text":
      return normaliseCellText(v.text);
    case "number":
      return v.value;
    case "date":
      return isoToSerial(v.iso);
    default:
      return null;
  }
}

/**
 * Appends rows to an ExcelJS table with addRow + commit, first restoring what ExcelJS does not keep
 * when it loads a table from a file. Returns the sheet rows written.
 */
export function appendRowsToExcelJsTable(
  worksheet: ExcelJS.Worksheet,
  table: ExcelJS.Table,
  entries: readonly RegisterEntry[]
): number[] {
  assertEntries(entries);
  const t = table as unknown as TableInternals;
  const model = t.table;
  if (model.columns.length !== REGISTER_HEADERS.length) {
    throw new Error(
      `Table ${model.name} has ${model.columns.length} columns, expected ${REGISTER_HEADERS.length}`
    );
  }
  const headerRows = model.headerRow === false ? 0 : 1;
  if (!model.rows || !model.ref) {
    if (!model.tableRef) throw new Error(`Table ${model.name} has no range`);
    const r = parseRangeAddress(model.tableRef);
    model.ref = cellAddress(r.top, r.left);
    const rows: unknown[][] = [];
    for (let row = r.top + headerRows; row <= r.bottom - (model.totalsRow ? 1 : 0); row++) {
      const values: unknown[] = [];
      for (let col = r.left; col <= r.right; col++) {
        values.push(worksheet.getCell(row, col).value);
      }
      rows.push(values);
    }
    model.rows = rows;
  }
  if (!t.worksheet) t.worksheet = worksheet;
  const first = parseRangeAddress(model.ref);
  const before = model.rows.length;
  for (const e of entries) t.addRow(registerRowValues(e).map(excelJsValue));
  t.commit();
  const written: number[] = [];
  entries.forEach((_, i) => {
    const row = first.top + headerRows + before + i;
    written.push(row);
    REGISTER_NUMBER_FORMATS.forEach((f, j) => {
      const cell = worksheet.getCell(row, first.left + j);
      if (f) cell.numFmt = f;
      cell.alignment = { vertical: "top" };
    });
  });
  return written;
}
