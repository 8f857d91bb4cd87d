/*
 * A standalone quote workbook (.xlsx) for the CLI and for partners who do not have the add-in: the same
 * quote sheet and register row the add-in writes through Office.js (quoteInExcel.ts).
 */
import type { Finding } from "../core/principles";
import type { Quote } from "../core/quote";
import type { Partnership } from "../document";
import { quoteRegisterEntry } from "./quoteInExcel";
import { buildQuoteSheet } from "./quoteSheet";
import { writeWorkbook } from "./xlsxWriter";

export async function writeQuoteWorkbook(
  doc: Partnership,
  quote: Quote,
  findings: readonly Finding[],
  options: { generatedAt: Date }
): Promise<Buffer> {
  const sheet = buildQuoteSheet(doc, quote, findings, options);
  return writeWorkbook([sheet], {
    register: [quoteRegisterEntry(doc, quote, options.generatedAt)],
  });
}
