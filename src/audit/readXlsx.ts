/*
 * Reads an .xlsx file into the audit's model. Read only: the bytes are parsed, never written back.
 *
 * ExcelJS reads the cells, formulas and cached values; the defined names come from xl/workbook.xml
 * directly (separateDefinedNames), because ExcelJS turns sheet-scoped names into workbook-level ones
 * and merges same-named names of different sheets, which would mix up two quotes in one workbook, and
 * throws on print areas Excel opens. ExcelJS is given the file without its names.
 */
import * as ExcelJS from "exceljs";
import { separateDefinedNames, type RawDefinedName } from "../workbook/xlsx/xlsxWriter";
import { namesBySheet } from "./definedNames";
import {
  EMPTY_CELL,
  type AuditCell,
  type AuditCellValue,
  type AuditSheet,
  type AuditWorkbook,
} from "./model";

/** The file is not a workbook the audit can read; the message says why, in words. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

function cellValue(value: ExcelJS.CellValue): AuditCellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value.toISOString();
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellValue(value.result ?? null);
  if ("text" in value) return String(value.text);
  return null;
}

function auditCell(cell: ExcelJS.Cell): AuditCell {
  const value = cell.value;
  if (value === null || value === undefined) return EMPTY_CELL;
  const formula = cell.formula;
  const read = cellValue(value);
  return formula ? { value: read, formula } : { value: read };
}

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (
    /end of central directory|zip|corrupt|invalid signature|Can't find|workbook\.xml is missing/i.test(
      message
    )
  )
    return "it is not an .xlsx workbook, or it is damaged or truncated";
  return `it could not be read as an .xlsx workbook (${message})`;
}

/** Reads the bytes of an .xlsx file; throws WorkbookReadError saying why when it cannot. */
export async function readXlsxWorkbook(data: Buffer | Uint8Array): Promise<AuditWorkbook> {
  let names: RawDefinedName[];
  const workbook = new ExcelJS.Workbook();
  try {
    const separated = await separateDefinedNames(data);
    names = separated.names;
    await workbook.xlsx.load(separated.withoutNames as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookReadError(describeFailure(error));
  }
  const worksheets = workbook.worksheets;
  const bySheet = namesBySheet(
    names,
    worksheets.map((ws) => ws.name)
  );
  const sheets: AuditSheet[] = worksheets.map((ws) => ({
    name: ws.name,
    names: bySheet.get(ws.name) ?? new Map(),
    cell: (row: number, col: number) => {
      const existing = ws.findCell(row, col);
      return existing === undefined ? EMPTY_CELL : auditCell(existing);
    },
  }));
  return { sheets };
}
