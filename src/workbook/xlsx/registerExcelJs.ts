/*
 * The register through ExcelJS: finding the NHSDP_Register table in a loaded workbook and applying the
 * change `planRegisterChange` decided.
 *
 * ExcelJS cannot change a table it loaded from a file (the loaded model lacks `ref`, `rows` and its
 * worksheet), so `restoreLoadedTable` rebuilds those from the sheet first; the rows are then edited in
 * the model and `commit()` writes the table back. Cells of the user's own columns go back as they
 * were read. Text is stored as is; XlsxBook.toBuffer escapes it when writing.
 */
import type * as ExcelJS from "exceljs";
import { cellAddress, parseRangeAddress } from "../spec/a1";
import {
  REGISTER_TABLE_NAME,
  planRegisterChange,
  registerColumnWidth,
  registerRowHeight,
  type RegisterEntry,
} from "../layouts/register/register";
import { normaliseCellText } from "../spec/safeText";
import { isoToSerial } from "../spec/dates";
import { type CellValueSpec } from "../spec/spec";

interface TableModel {
  name: string;
  ref?: string;
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string; filterButton?: boolean }[];
  rows?: unknown[][];
}

// A Table's exceljs 4.4.0 internals, not public API: exceljs is pinned to 4.4.0 for them.
interface TableInternals {
  worksheet?: ExcelJS.Worksheet;
  table: TableModel;
  /** Records the table's footprint so that `commit` rewrites it (what ExcelJS's own mutators do). */
  cacheState(): void;
  commit(): void;
}

/** The register table in an ExcelJS workbook, if any (table names are case-insensitive). */
export function findExcelJsRegister(
  workbook: ExcelJS.Workbook
): { worksheet: ExcelJS.Worksheet; table: ExcelJS.Table } | undefined {
  for (const worksheet of workbook.worksheets) {
    // Reads t.table, an exceljs 4.4.0 internal (exceljs is pinned to 4.4.0 for it).
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

/** Gives a table loaded from a file the `ref`, `rows` and worksheet ExcelJS needs to change it. */
function restoreLoadedTable(worksheet: ExcelJS.Worksheet, t: TableInternals): void {
  // Writes t.table and t.worksheet, exceljs 4.4.0 internals (exceljs is pinned to 4.4.0 for them).
  const model = t.table;
  const headerRows = model.headerRow === false ? 0 : 1;
  if (!model.rows || !model.ref) {
    if (!model.tableRef) throw new Error(`Table ${model.name} has no range`);
    const r = parseRangeAddress(model.tableRef);
    model.ref = cellAddress(r.top, r.left);
    const rows: unknown[][] = [];
    for (let row = r.top + headerRows; row <= r.bottom - (model.totalsRow ? 1 : 0); row++) {
      const values: unknown[] = [];
      for (let col = r.left; col <= r.right; col++) values.push(worksheet.getCell(row, col).value);
      rows.push(values);
    }
    model.rows = rows;
  }
  if (!t.worksheet) t.worksheet = worksheet;
}

export interface ExcelJsRegisterResult {
  /** Sheet rows updated in place. */
  updated: number[];
  /** Sheet rows added. */
  added: number[];
}

/**
 * Brings the register table up to date with `entries` (one row per reference: updated in place, or
 * added) and returns the sheet rows written.
 */
export function updateExcelJsRegister(
  worksheet: ExcelJS.Worksheet,
  table: ExcelJS.Table,
  entries: readonly RegisterEntry[]
): ExcelJsRegisterResult {
  // Edits t.table, then cacheState() and commit(): exceljs 4.4.0 internals (pinned for them).
  const t = table as unknown as TableInternals;
  restoreLoadedTable(worksheet, t);
  const model = t.table;
  const rows = model.rows as unknown[][];
  if (model.headerRow === false)
    throw new Error(
      `The register table ${model.name} has no header row, so its columns cannot be found; turn its header row on`
    );
  const change = planRegisterChange(
    { headers: model.columns.map((c) => c.name), body: rows },
    entries
  );
  t.cacheState();
  for (const header of change.newColumns) {
    model.columns.push({ name: header, filterButton: true });
    for (const row of rows) row.push(null);
  }
  for (let i = 0; i < change.additions.length; i++)
    rows.push(new Array<unknown>(change.width).fill(null));
  const writes = [...change.updates, ...change.additions];
  for (const write of writes) {
    const row = rows[write.row] as unknown[];
    for (const cell of write.cells) row[cell.column] = excelJsValue(cell.value);
  }
  t.commit();

  const origin = parseRangeAddress(model.ref as string);
  const firstBodyRow = origin.top + 1;
  change.newColumns.forEach((header, i) => {
    worksheet.getColumn(origin.left + change.width - change.newColumns.length + i).width =
      registerColumnWidth(header);
  });
  const rowOnSheet = (bodyRow: number) => firstBodyRow + bodyRow;
  for (const write of writes) {
    const row = rowOnSheet(write.row);
    for (const cell of write.cells) {
      const target = worksheet.getCell(row, origin.left + cell.column);
      target.numFmt = cell.numberFormat ?? "General";
      target.alignment = { vertical: "top", ...(cell.style.wrap ? { wrapText: true } : {}) };
    }
    // Never shorter than it was: a column of the user's may need the height.
    const { height } = worksheet.getRow(row);
    worksheet.getRow(row).height = Math.max(height ?? 0, registerRowHeight(write.entry));
  }
  return {
    updated: change.updates.map((w) => rowOnSheet(w.row)),
    added: change.additions.map((w) => rowOnSheet(w.row)),
  };
}
