/*
 * A quote in the open workbook, through Office.js: the add-in's path. It shares the SheetSpec and the
 * register row with the .xlsx path (quoteWorkbook.ts) but not ExcelJS, which the task pane never loads.
 */
import { InputError } from "../core/errors";
import { checkPrinciples, type Finding } from "../core/principles";
import { priceQuote, type Quote } from "../core/quote";
import { parsePartnership, type DocumentIssue } from "../document";
import { writeSheets, type ExcelRun } from "./officeWriter";
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
  const parsed = parsePartnership(json);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const doc = parsed.document;
  let quote: Quote;
  try {
    quote = priceQuote(doc);
  } catch (error) {
    // A valid document whose figures are out of range (a line above the quote limit, say).
    if (error instanceof InputError)
      return { ok: false, issues: [{ path: error.argument, message: error.problem }] };
    throw error;
  }
  const findings = checkPrinciples(doc, quote);
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
