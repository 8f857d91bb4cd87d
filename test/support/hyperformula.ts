/*
 * Evaluates an ExcelJS workbook in-process with HyperFormula (GPL licence key, tests only): every
 * worksheet becomes a HyperFormula sheet (formulas as "=...", text forced to text with a leading
 * apostrophe so "=cmd|..." stays a string, dates as serial numbers), defined names become named
 * expressions with their sheet scope. Targets are A1 addresses on `sheetName` or defined names
 * (sheet-scoped first, then workbook-level).
 */
import * as ExcelJS from "exceljs";
import { HyperFormula, type CellValue, type RawCellContent } from "hyperformula";
import { readDefinedNames, type RawDefinedName } from "../../src/workbook/xlsx/xlsxWriter";

export type HfValue = CellValue;

function excelSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

function raw(cell: ExcelJS.Cell): RawCellContent {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  if (cell.formula) return `=${cell.formula}`;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return `'${v}`;
  if (v instanceof Date) return excelSerial(v);
  if (typeof v === "object" && "richText" in v) return `'${v.richText.map((r) => r.text).join("")}`;
  if (typeof v === "object" && "error" in v) return String(v.error);
  if (typeof v === "object" && "text" in v) return `'${String((v as { text: unknown }).text)}`;
  return null;
}

/** Builds a HyperFormula instance from all worksheets of `workbook`, plus `names`. */
export function buildHyperFormula(
  workbook: ExcelJS.Workbook,
  names: readonly RawDefinedName[] = []
): HyperFormula {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const ws of workbook.worksheets) {
    const grid: RawCellContent[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        while (grid.length < r) grid.push([]);
        const line = grid[r - 1] as RawCellContent[];
        while (line.length < c) line.push(null);
        line[c - 1] = raw(cell);
      });
    });
    sheets[ws.name] = grid;
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
  for (const n of names) {
    if (n.name.startsWith("_xlnm.")) continue;
    const scope = n.sheetName === undefined ? undefined : hf.getSheetId(n.sheetName);
    if (n.sheetName !== undefined && scope === undefined) continue;
    hf.addNamedExpression(n.name, `=${n.text}`, scope);
  }
  return hf;
}

/** Values of `targets` (A1 addresses on `sheetName`, or defined names) computed by HyperFormula. */
export function evaluateWithHyperFormula(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  targets: readonly string[],
  names: readonly RawDefinedName[] = []
): Record<string, HfValue> {
  const hf = buildHyperFormula(workbook, names);
  try {
    const sheet = hf.getSheetId(sheetName);
    if (sheet === undefined) throw new Error(`No sheet ${sheetName}`);
    const out: Record<string, HfValue> = {};
    for (const t of targets) {
      if (/^\$?[A-Za-z]{1,3}\$?\d+$/.test(t)) {
        const address = hf.simpleCellAddressFromString(t.replace(/\$/g, ""), sheet);
        if (!address) throw new Error(`Bad address ${t}`);
        out[t] = hf.getCellValue(address);
      } else {
        const v = hf.getNamedExpressionValue(t, sheet) ?? hf.getNamedExpressionValue(t);
        if (v === undefined) throw new Error(`No defined name ${t} visible from ${sheetName}`);
        out[t] = v as HfValue;
      }
    }
    return out;
  } finally {
    hf.destroy();
  }
}

/** Same, from xlsx bytes: loads the workbook with ExcelJS and its defined names (with scope) from the zip. */
export async function evaluateXlsxWithHyperFormula(
  xlsx: Uint8Array,
  sheetName: string,
  targets: readonly string[]
): Promise<Record<string, HfValue>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  return evaluateWithHyperFormula(workbook, sheetName, targets, await readDefinedNames(xlsx));
}
