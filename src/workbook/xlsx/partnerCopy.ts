/*
 * The partner copy as .xlsx bytes, from a Partnership document: the quote sheet alone, nothing internal.
 * Runs wherever ExcelJS does: in Node for the CLI, and in the task pane, which loads this module (and
 * ExcelJS with it) only when the user exports a partner copy.
 */
import type { DocumentIssue } from "../../document";
import { priceDocument } from "../../core/pricing/pricedDocument";
import { writeQuoteWorkbook } from "./quoteWorkbook";
import { isoDay, workbookFileName } from "../../model/format";

export type PartnerCopyResult =
  | {
      ok: true;
      bytes: Uint8Array;
      /** A file name for it: "Quote DP-2025-011.xlsx". */
      fileName: string;
      /** How many ERROR findings mark the copy DRAFT (0 when it is ready to send). */
      errors: number;
    }
  | { ok: false; issues: DocumentIssue[] };

/** "Quote DP-2025-011.xlsx". */
export function partnerCopyFileName(reference: string): string {
  return workbookFileName("Quote", reference);
}

export async function partnerCopyFromDocument(
  json: unknown,
  generatedAt: Date
): Promise<PartnerCopyResult> {
  return quoteWorkbookFromDocument(json, generatedAt, { partner: true });
}

/**
 * Either copy as .xlsx bytes: the partner copy, or the internal workbook (quote, findings, register),
 * which the pane offers for download outside Excel.
 */
export async function quoteWorkbookFromDocument(
  json: unknown,
  generatedAt: Date,
  options: { partner: boolean }
): Promise<PartnerCopyResult> {
  const priced = priceDocument(json, { asOf: isoDay(generatedAt) });
  if (!priced.ok) return priced;
  const { doc, quote, findings } = priced;
  const bytes = await writeQuoteWorkbook(doc, quote, findings, {
    generatedAt,
    partner: options.partner,
  });
  const fileName = partnerCopyFileName(doc.reference);
  return {
    ok: true,
    bytes,
    fileName: options.partner ? fileName : fileName.replace(/\.xlsx$/, " (internal).xlsx"),
    errors: findings.filter((finding) => finding.severity === "error").length,
  };
}
