/*
 * The register through Office.js: reading an existing NHSDP_Register table and queueing the change
 * `planRegisterChange` decided (no syncs here; src/addin/writeSheets.ts owns them).
 *
 * Rows are added blank (`table.rows.add()` with no values) and then written cell by cell in the
 * add-in's columns only, so a column of the user's own keeps what Excel puts in a new table row (a
 * calculated column's formula, say) instead of being overwritten with blanks.
 */
import { rangeAddress } from "../spec/a1";
import { columnWidthToPoints, numericValue } from "../spec/plan";
import {
  registerCellRuns,
  registerColumnWidth,
  type RegisterCellWrite,
  type RegisterChange,
  type RegisterTableState,
} from "../layouts/register/register";
import { normaliseCellText, officeTextLiteral } from "../spec/safeText";

export interface LoadedRegister {
  header: Excel.Range;
  body: Excel.Range;
}

/** Queues the loads of the register's header and body (read after the next sync). */
export function loadRegister(table: Excel.Table): LoadedRegister {
  return {
    header: table.getHeaderRowRange().load("values"),
    body: table.getDataBodyRange().load(["values", "rowIndex", "columnIndex"]),
  };
}

export function registerStateOf(loaded: LoadedRegister): RegisterTableState {
  return { headers: loaded.header.values[0] ?? [], body: loaded.body.values };
}

/** A cell as Office.js `values` takes it: text apostrophe-prefixed (never parsed), blank as "". */
function officeCellValue(cell: RegisterCellWrite): string | number {
  const v = cell.value;
  if (v.kind === "text") return officeTextLiteral(normaliseCellText(v.text));
  return numericValue(v) ?? "";
}

/** Queues the change on the loaded register (no sync). */
export function queueRegisterChange(
  table: Excel.Table,
  loaded: LoadedRegister,
  change: RegisterChange
): void {
  for (const header of change.newColumns) {
    const column = table.columns.add(undefined, undefined, header);
    column.getRange().format.columnWidth = columnWidthToPoints(registerColumnWidth(header));
  }
  for (let i = 0; i < change.additions.length; i++) table.rows.add();
  const sheet = table.worksheet;
  const top = loaded.body.rowIndex + 1;
  const left = loaded.body.columnIndex + 1;
  for (const write of [...change.updates, ...change.additions]) {
    const row = top + write.row;
    for (const run of registerCellRuns(write.cells)) {
      const first = run[0] as RegisterCellWrite;
      const range = sheet.getRange(
        rangeAddress({
          top: row,
          left: left + first.column,
          bottom: row,
          right: left + first.column + run.length - 1,
        })
      );
      range.values = [run.map(officeCellValue)];
      range.numberFormat = [run.map((cell) => cell.numberFormat ?? "General")];
      range.format.verticalAlignment = "Top";
      range.format.wrapText = false;
      for (const [i, cell] of run.entries())
        if (cell.style.wrap) range.getCell(0, i).format.wrapText = true;
    }
    sheet.getRange(`${row}:${row}`).format.autofitRows();
  }
}
