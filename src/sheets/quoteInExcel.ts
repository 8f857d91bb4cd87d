/*
 * A quote in the open workbook, through Office.js: the add-in's path. It shares the SheetSpec and the
 * register row with the .xlsx path (quoteWorkbook.ts) but not ExcelJS, which the task pane never loads.
 */
import type { Finding } from "../core/principles";
import type { DocumentIssue } from "../document";
import { writeSheets, type ExcelRun } from "./officeWriter";
import { priceDocument } from "./pricedDocument";
import { buildFindingsSheet } from "./findingsSheet";
import { buildQuoteSheet } from "./quoteSheet";
import { quoteRegisterEntry } from "./registerEntry";

export type QuoteInExcelResult =
  | {
      ok: true;
      sheetName: string;
      registerSheetName: string | undefined;
      total: number;
      findings: readonly Finding[];
      syncs: number;
    }
  | { ok: false; issues: DocumentIssue[] };

/**
 * Validates a Partnership document and, only if it is valid, adds its quote sheet and its findings
 * sheet to the open workbook (never replacing a sheet: a second quote for the same reference becomes
 * "Quote X (2)") and records the partnership in the register (its row updated if it has one), in one
 * Excel.run with three or four syncs however long the quote.
 */
export async function generateQuoteInExcel(
  run: ExcelRun,
  json: unknown,
  generatedAt: Date
): Promise<QuoteInExcelResult> {
  const priced = priceDocument(json);
  if (!priced.ok) return priced;
  const { doc, quote, findings } = priced;
  const sheet = buildQuoteSheet(doc, quote, findings, { generatedAt });
  const findingsSheet = buildFindingsSheet(doc, findings, { generatedAt });
  const written = await writeSheets(run, [sheet, findingsSheet], {
    register: [quoteRegisterEntry(doc, quote, generatedAt)],
  });
  return {
    ok: true,
    sheetName: written.sheets[0]?.name ?? sheet.name,
    registerSheetName: written.register?.sheetName,
    total: quote.total.toNumber(),
    findings,
    syncs: written.syncs,
  };
}
