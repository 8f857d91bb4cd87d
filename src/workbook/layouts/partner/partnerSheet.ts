/*
 * The partner copy: the quote as the partner reads, signs and pays it, from the same priced quote as
 * the trust's own sheet. It shows who the quote is from and to, what is supplied at what price, the
 * total and VAT, the value-sharing terms with when each payment falls due, how to pay, the terms it
 * is offered under and a block to accept it; never how the trust costs it (no marginal cost, rates,
 * bases, internal ids, data rating, governance status, probabilities, owner or notes).
 *
 * Its figures are native formulas over its own inputs, the amounts charged. What the audit needs to
 * check those amounts against the trust's priced inputs goes on a second, very hidden sheet
 * (buildPartnerRecordSheet), which a recipient working in Excel does not see.
 */
import { hasErrors, type Finding } from "../../../core/principles";
import type { Quote } from "../../../core/pricing/quote";
import type { Partnership } from "../../../document";
import { isoMinute } from "../../../model/format";
import { columnLetter, parseCellAddress } from "../../spec/a1";
import { SheetSpecBuilder } from "../../spec/builder";
import { Cursor } from "../../spec/cursor";
import { DEFAULT_ROW_HEIGHT, paginatedWithTableTitles } from "../../spec/pagination";
import { pageOfPages, type SheetSpec } from "../../spec/spec";
import { recordSection } from "../quote/sections/record";
import { PARTNER_NAMES, PARTNER_RECORD_NAME, PARTNER_RECORD_SHEET } from "./contract";
import { LAST_COLUMN, partnerColumns } from "./layout";
import { chargesSection } from "./sections/charges";
import { DRAFT_TEXT, partiesSection } from "./sections/parties";
import { summarySection } from "./sections/summary";
import { acceptanceSection, paymentAndTermsSection } from "./sections/terms";
import { valueSharingSection } from "./sections/valueSharing";

const rowOf = (address: string): number => parseCellAddress(address).row;

export interface PartnerSheetOptions {
  generatedAt: Date;
}

export function buildPartnerSheet(
  doc: Partnership,
  quote: Quote,
  findings: readonly Finding[],
  options: PartnerSheetOptions
): SheetSpec {
  const draft = hasErrors(findings);
  const sheet = partnerColumns(new SheetSpecBuilder(`Quote ${doc.reference}`));
  const at = new Cursor(sheet, LAST_COLUMN);

  const parties = partiesSection(at, doc, draft);
  const summary = summarySection(at, doc);
  const charges = chargesSection(at, quote);
  summary.fillTotal(charges.totalIncVat, quote.totalIncVat);
  valueSharingSection(at, doc);
  paymentAndTermsSection(at, doc);
  acceptanceSection(at, doc);

  const lastRow = at.row - 1;
  sheet.showGridlines(false).print({
    paperSize: "A4",
    orientation: "portrait",
    fitToWidth: true,
    header: {
      left: draft ? `${DRAFT_TEXT} - Quote ${doc.reference}` : `Quote ${doc.reference}`,
      right: doc.trust.name,
    },
    footer: {
      left: draft
        ? DRAFT_TEXT
        : `Generated ${isoMinute(options.generatedAt).replace("T", " ")} UTC`,
      right: pageOfPages(doc.reference),
    },
    printTitleRows: { first: charges.headerRow, last: charges.headerRow },
    printArea: `A$1:${columnLetter(LAST_COLUMN)}$${lastRow}`,
  });
  sheet.defineName(PARTNER_NAMES.reference, parties.reference);
  if (charges.lines !== undefined) sheet.defineName(PARTNER_NAMES.lines, charges.lines);
  if (charges.charges !== undefined) sheet.defineName(PARTNER_NAMES.charges, charges.charges);
  sheet.defineName(PARTNER_NAMES.total, charges.total);
  sheet.defineName(PARTNER_NAMES.vatRate, charges.vatRate);
  sheet.defineName(PARTNER_NAMES.vat, charges.vat);
  sheet.defineName(PARTNER_NAMES.totalIncVat, charges.totalIncVat);

  for (let row = 1; row <= lastRow; row++)
    if (sheet.heightOf(row) === undefined) sheet.rowHeight(row, DEFAULT_ROW_HEIGHT);
  return paginatedWithTableTitles(sheet.build(), at.keepWithNext, rowOf(charges.totalIncVat));
}

/**
 * The trust's priced inputs as generated, on a very hidden sheet of the partner copy, so that the
 * audit can check the partner's figures against them. A recipient in Excel cannot see or unhide it;
 * it is still in the file, which is why it records the priced inputs and the document's
 * partner-facing fields only (see recordSection).
 */
export function buildPartnerRecordSheet(
  doc: Partnership,
  quote: Quote,
  options: PartnerSheetOptions
): SheetSpec {
  const sheet = new SheetSpecBuilder(PARTNER_RECORD_SHEET);
  const at = new Cursor(sheet, 11);
  const record = recordSection(at, doc, quote, isoMinute(options.generatedAt));
  sheet.defineName(PARTNER_RECORD_NAME, record.range);
  return { ...sheet.build(), visibility: "veryHidden" };
}
