/*
 * Quote workbooks (.xlsx) for the CLI and for partners who do not have the add-in: the same sheets and
 * register row the add-in writes through Office.js (quoteInExcel.ts).
 *  - the internal workbook: the quote, the principle findings on their own sheet, the register;
 *  - the partner copy: the partner's own layout of the quote (layouts/partner), with the trust's priced
 *    inputs on a very hidden sheet for the audit.
 */
import type { Finding } from "../../core/principles";
import type { Quote } from "../../core/pricing/quote";
import type { Partnership } from "../../document";
import { buildFindingsSheet } from "../layouts/findingsSheet";
import { quoteRegisterEntry } from "../layouts/register/registerEntry";
import { buildQuoteSheet } from "../layouts/quote/quoteSheet";
import { buildPartnerRecordSheet, buildPartnerSheet } from "../layouts/partner/partnerSheet";
import { writeWorkbook } from "./xlsxWriter";

export interface QuoteWorkbookOptions {
  generatedAt: Date;
  /** The copy the partner receives: what it buys, the price and the terms, nothing internal. */
  partner?: boolean;
}

export async function writeQuoteWorkbook(
  doc: Partnership,
  quote: Quote,
  findings: readonly Finding[],
  options: QuoteWorkbookOptions
): Promise<Uint8Array> {
  if (options.partner)
    return writeWorkbook([
      buildPartnerSheet(doc, quote, findings, options),
      buildPartnerRecordSheet(doc, quote, options),
    ]);
  const sheet = buildQuoteSheet(doc, quote, findings, options);
  return writeWorkbook([sheet, buildFindingsSheet(doc, findings, options)], {
    register: [quoteRegisterEntry(doc, quote, options.generatedAt)],
  });
}
