/*
 * Reads the open workbook into the audit's model through Office.js, so the checks that audit an .xlsx
 * file audit the workbook in Excel the same way. Read only: nothing is set, added or called on the
 * workbook but loads. The only module of src/audit that touches Office.js objects, and it keeps to
 * loading and copying; everything else is in the model, the quote reader and the checks.
 *
 * It reads through the request context it is given: the add-in starts the Excel.run (one, for the
 * whole read; see src/addin/auditInExcel.ts), and the read makes three context.sync() calls in it,
 * whatever the number of sheets or cells:
 *   1. the sheets' names and the workbook-level names;
 *   2. every sheet's own (sheet-scoped) names, which say which sheets are quote sheets (or a partner
 *      copy and its record);
 *   3. the used range of each quote sheet only: its values, formulas and value types, each as one
 *      2-D array. A trust's other sheets (a data extract of a million rows) are never transferred.
 * A workbook without a quote sheet needs only the first two.
 */
import { namesBySheet, type ReadDefinedName } from "./definedNames";
import {
  EMPTY_CELL,
  type AuditCell,
  type AuditCellValue,
  type AuditSheet,
  type AuditWorkbook,
} from "./model";
import { isPartnerCopy, isPartnerRecord } from "./partnerCopy";
import { isQuoteSheet } from "./quoteSheetReader";

export interface OfficeWorkbookRead {
  readonly workbook: AuditWorkbook;
  /** context.sync() calls made: 2 without a quote sheet, 3 with any number of them. */
  readonly syncs: number;
}

/** A used range as loaded: top-left position (0-based, as Office.js gives it) and the three arrays. */
export interface LoadedGrid {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly string[])[];
}

/** A name's formula as Office.js gives it ("='Quote'!$A$1") as the text the model expects. */
function nameText(formula: unknown): string {
  const text = typeof formula === "string" ? formula : String(formula ?? "");
  return text.startsWith("=") ? text.slice(1) : text;
}

/**
 * One cell from the loaded arrays. Office.js gives a constant's value in `formulas` too, so a cell has
 * a formula when that text starts with "=" and differs from its value: a text cell typed as '=x has
 * the same "=x" in both.
 */
export function officeCell(
  value: unknown,
  formula: unknown,
  valueType: string | undefined
): AuditCell {
  const hasFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  if (valueType === "Empty" && !hasFormula) return EMPTY_CELL;
  let read: AuditCellValue;
  if (valueType === "Empty") read = null;
  else if (valueType === "Error") read = { error: String(value) };
  else if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    read = value;
  else read = null;
  return hasFormula ? { value: read, formula: formula.slice(1) } : { value: read };
}

/** The model's sheet over a loaded used range (or over nothing, for a sheet that is not a quote). */
export function gridSheet(
  name: string,
  names: ReadonlyMap<string, string>,
  grid: LoadedGrid | undefined
): AuditSheet {
  return {
    name,
    names,
    cell: (row: number, col: number) => {
      if (grid === undefined) return EMPTY_CELL;
      const r = row - 1 - grid.rowIndex;
      const c = col - 1 - grid.columnIndex;
      const values = grid.values[r];
      if (r < 0 || c < 0 || values === undefined || c >= values.length) return EMPTY_CELL;
      return officeCell(values[c], grid.formulas[r]?.[c], grid.valueTypes[r]?.[c]);
    },
  };
}

/** Reads the open workbook for the audit through `context`, in at most three syncs. */
export async function readOpenWorkbook(context: Excel.RequestContext): Promise<OfficeWorkbookRead> {
  let syncs = 0;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const workbookNames = context.workbook.names;
  workbookNames.load("items/name,items/formula");
  await context.sync(); // 1
  syncs++;

  const sheets = worksheets.items.map((worksheet) => {
    const names = worksheet.names;
    names.load("items/name,items/formula");
    return { worksheet, name: worksheet.name, names };
  });
  await context.sync(); // 2
  syncs++;

  const defined: ReadDefinedName[] = [
    ...sheets.flatMap((sheet) =>
      sheet.names.items.map((item) => ({
        name: item.name,
        sheetName: sheet.name,
        text: nameText(item.formula),
      }))
    ),
    ...workbookNames.items.map((item) => ({ name: item.name, text: nameText(item.formula) })),
  ];
  const visible = namesBySheet(
    defined,
    sheets.map((sheet) => sheet.name)
  );
  const read = sheets.map((sheet) => {
    const names = visible.get(sheet.name) ?? new Map<string, string>();
    const named = gridSheet(sheet.name, names, undefined);
    if (!isQuoteSheet(named) && !isPartnerCopy(named) && !isPartnerRecord(named))
      return { name: sheet.name, names, used: undefined };
    // valuesOnly: formatting alone (a bordered, empty row) does not widen what is transferred.
    const used = sheet.worksheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,values,formulas,valueTypes");
    return { name: sheet.name, names, used };
  });
  if (read.some((sheet) => sheet.used !== undefined)) {
    await context.sync(); // 3
    syncs++;
  }

  const workbook: AuditWorkbook = {
    sheets: read.map((sheet) => {
      const used = sheet.used;
      const grid: LoadedGrid | undefined =
        used === undefined || used.isNullObject
          ? undefined
          : {
              rowIndex: used.rowIndex,
              columnIndex: used.columnIndex,
              values: used.values,
              formulas: used.formulas,
              valueTypes: used.valueTypes,
            };
      return gridSheet(sheet.name, sheet.names, grid);
    }),
  };
  return { workbook, syncs };
}
