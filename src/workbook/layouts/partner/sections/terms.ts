/*
 * How the partner pays and accepts: payment terms and instructions, a purchase order, the terms and
 * conditions the quote is offered under, non-exclusivity, and a block to sign.
 */
import type { Partnership } from "../../../../document";
import { formatLongDate } from "../../../../model/format";
import type { Cursor } from "../../../spec/cursor";
import { blank, text } from "../../../spec/spec";
import { LABEL } from "../../../spec/styles";
import { LAST_COLUMN, paragraph, term } from "../layout";

export function paymentAndTermsSection(at: Cursor, doc: Partnership): void {
  const { trust, quote } = doc;
  const contact = trust.contact;
  const whoToWriteTo = contact?.email ?? contact?.name ?? trust.name;
  at.heading("Payment and terms");
  term(
    at,
    "Purchase order",
    `Please send a purchase order quoting ${doc.reference} to ${whoToWriteTo}; the trust invoices against it.`
  );
  term(
    at,
    "Paying",
    `${quote.paymentTermsDays === undefined ? "Invoices are payable on the terms stated on them." : `Invoices are payable within ${quote.paymentTermsDays} days.`} ${trust.paymentInstructions ?? `Ask ${whoToWriteTo} for the trust's bank details; they are also on each invoice.`}`
  );
  term(
    at,
    "Terms and conditions",
    `${trust.termsAndConditions === undefined ? `This quote is offered under ${trust.name}'s standard terms for data access, available from ${whoToWriteTo}.` : `This quote is offered under: ${trust.termsAndConditions}`} Access to the data is not exclusive: the trust may make the same data available to others.`
  );
  if (quote.validUntil !== undefined)
    term(
      at,
      "Validity",
      `This offer stands until ${formatLongDate(quote.validUntil)}. Prices are in pounds sterling.`
    );
}

/** Lines to sign on, for the partner's acceptance. */
export function acceptanceSection(at: Cursor, doc: Partnership): void {
  const { sheet } = at;
  at.heading("Acceptance", LAST_COLUMN, 8);
  paragraph(
    at,
    `On behalf of ${doc.partner.name}, I accept this quote (${doc.reference}) and its terms.`
  );
  at.skip();
  for (const label of ["Signature", "Name", "Position", "Date", "Purchase order number"]) {
    sheet.setAt(at.row, 1, text(label), { style: LABEL });
    for (let col = 2; col <= LAST_COLUMN; col++)
      sheet.setAt(at.row, col, blank(), { style: { border: { bottom: "thin" } } });
    sheet.rowHeight(at.row, 24);
    at.skip();
  }
}
