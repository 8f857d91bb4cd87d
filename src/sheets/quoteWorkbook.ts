import type { Finding } from "../core/principles";
import type { Quote } from "../core/quote";
import type { Partnership } from "../document";
import { buildQuoteSheet } from "./quoteSheet";
import { writeWorkbook } from "./xlsxWriter";

/**
 * A standalone quote workbook (.xlsx): the quote sheet and a register row for it, for the CLI and for
 * partners who do not have the add-in.
 */
export async function writeQuoteWorkbook(
  doc: Partnership,
  quote: Quote,
  findings: readonly Finding[],
  options: { generatedAt: Date }
): Promise<Buffer> {
  const sheet = buildQuoteSheet(doc, quote, findings, options);
  return writeWorkbook([sheet], {
    register: [
      {
        reference: doc.reference,
        partner: doc.partner.name,
        use: doc.use,
        total: quote.total.toNumber(),
        generated: options.generatedAt.toISOString().slice(0, 16),
      },
    ],
  });
}
