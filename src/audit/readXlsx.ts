/*
 * Reads an .xlsx file into the audit's model. Read only: the bytes are parsed, never written back.
 *
 * ExcelJS reads the cells, formulas and cached values; the defined names come from xl/workbook.xml
 * directly (readDefinedNames), because ExcelJS turns sheet-scoped names into workbook-level ones and
 * merges same-named names of different sheets, which would mix up two quotes in one workbook.
 */
import * as ExcelJS from "exceljs";
import { parseRangeAddress } from "../sheets/a1";
import { readDefinedNames, type RawDefinedName } from "../sheets/xlsxWriter";
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

/** "'Quote (2)'!$A$1:$I$9" → ["Quote (2)", "$A$1:$I$9"]; undefined for anything else. */
function splitSheetReference(text: string): [string, string] | undefined {
  const m =
    /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(
      text.trim()
    );
  if (!m) return undefined;
  return [m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string), m[3] as string];
}

/**
 * The names each sheet can see: its own sheet-scoped names, then workbook-level names that point at
 * it (a tool that drops the scope keeps the name pointing at the right sheet).
 */
function namesBySheet(names: readonly RawDefinedName[], sheetNames: readonly string[]) {
  const bySheet = new Map<string, Map<string, string>>(sheetNames.map((name) => [name, new Map()]));
  const ordered = [
    ...names.filter((name) => name.sheetName !== undefined),
    ...names.filter((name) => name.sheetName === undefined),
  ];
  for (const name of ordered) {
    const split = splitSheetReference(name.text);
    const owner = name.sheetName ?? split?.[0];
    const target = owner === undefined ? undefined : bySheet.get(owner);
    if (target === undefined || target.has(name.name)) continue;
    const onThisSheet = split !== undefined && split[0] === owner;
    if (onThisSheet) {
      try {
        parseRangeAddress(split[1]);
        target.set(name.name, split[1]);
        continue;
      } catch {
        // not a range: kept as written below
      }
    }
    target.set(name.name, name.text);
  }
  return bySheet;
}

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/end of central directory|zip|corrupt|invalid signature|Can't find/i.test(message))
    return `it is not an .xlsx workbook, or it is damaged or truncated (${message})`;
  return message;
}

/** Reads the bytes of an .xlsx file; throws WorkbookReadError saying why when it cannot. */
export async function readXlsxWorkbook(data: Buffer | Uint8Array): Promise<AuditWorkbook> {
  let names: RawDefinedName[];
  const workbook = new ExcelJS.Workbook();
  try {
    names = await readDefinedNames(data);
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
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
