/*
 * An .xlsx workbook as Office.js would hand it to the add-in, for the office-addin-mock tests of the
 * audit: each sheet's used range as the three arrays Excel loads (values, with the result of a formula;
 * formulas, where a constant shows as its value; value types) and the defined names with their
 * formulas. Built from the file with ExcelJS and the raw names of xl/workbook.xml, not with the
 * audit's own .xlsx reader.
 */
import * as ExcelJS from "exceljs";
import { readDefinedNames } from "../../src/workbook/xlsx/xlsxWriter";
import type { ExcelMockOptions, MockSheetContent, MockUsedRange } from "../support/officeMock";

type Loaded = { value: unknown; formula: unknown; type: string };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function loadedCell(cell: ExcelJS.Cell): Loaded {
  const raw = cell.value;
  const formula = cell.formula ? `=${cell.formula}` : undefined;
  const result =
    raw !== null && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw)
      ? (raw.result ?? null)
      : raw;
  const asLoaded = (value: unknown): Loaded => {
    // A formula the file carries no result for stays uncalculated (Empty), as the .xlsx reader sees
    // it: Excel would show its result, which only a spreadsheet engine could supply here.
    if (value === null || value === undefined)
      return { value: "", formula: formula ?? "", type: "Empty" };
    if (typeof value === "number") return { value, formula: formula ?? value, type: "Double" };
    if (typeof value === "boolean") return { value, formula: formula ?? value, type: "Boolean" };
    if (typeof value === "string") return { value, formula: formula ?? value, type: "String" };
    if (value instanceof Date) {
      const serial = (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
      return { value: serial, formula: formula ?? serial, type: "Double" };
    }
    if (typeof value === "object" && "error" in value) {
      const error = String((value as { error: unknown }).error);
      return { value: error, formula: formula ?? error, type: "Error" };
    }
    if (typeof value === "object" && "richText" in value) {
      const joined = (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
      return { value: joined, formula: formula ?? joined, type: "String" };
    }
    throw new Error(`${cell.address}: a value this helper does not load: ${JSON.stringify(value)}`);
  };
  return asLoaded(result);
}

/** The used range of a sheet (values only, as getUsedRangeOrNullObject(true)); undefined if empty. */
function usedRange(ws: ExcelJS.Worksheet): MockUsedRange | undefined {
  const cells: { row: number; col: number; loaded: Loaded }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const loaded = loadedCell(cell);
      if (loaded.type !== "Empty" || loaded.formula !== "") cells.push({ row: r, col: c, loaded });
    })
  );
  if (cells.length === 0) return undefined;
  const top = Math.min(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.col));
  const bottom = Math.max(...cells.map((c) => c.row));
  const right = Math.max(...cells.map((c) => c.col));
  const grid = <T>(fill: T) =>
    Array.from({ length: bottom - top + 1 }, () =>
      Array.from({ length: right - left + 1 }, () => fill)
    );
  const used: MockUsedRange = {
    rowIndex: top - 1,
    columnIndex: left - 1,
    values: grid<unknown>(""),
    formulas: grid<unknown>(""),
    valueTypes: grid("Empty"),
  };
  for (const { row, col, loaded } of cells) {
    used.values[row - top]![col - left] = loaded.value;
    used.formulas[row - top]![col - left] = loaded.formula;
    used.valueTypes[row - top]![col - left] = loaded.type;
  }
  return used;
}

/** The mock options that make office-addin-mock's workbook hold what the .xlsx file holds. */
export async function officeContentOf(
  xlsx: Buffer | Uint8Array
): Promise<Required<Pick<ExcelMockOptions, "content" | "workbookNames">>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const names = await readDefinedNames(xlsx);
  const content: Record<string, MockSheetContent> = {};
  for (const ws of workbook.worksheets) {
    const used = usedRange(ws);
    content[ws.name] = {
      names: names
        .filter((n) => n.sheetName === ws.name && !n.name.startsWith("_xlnm."))
        .map((n) => ({ name: n.name, formula: `=${n.text}` })),
      ...(used === undefined ? {} : { used }),
    };
  }
  const workbookNames = names
    .filter((n) => n.sheetName === undefined && !n.name.startsWith("_xlnm."))
    .map((n) => ({ name: n.name, formula: `=${n.text}` }));
  return { content, workbookNames };
}
