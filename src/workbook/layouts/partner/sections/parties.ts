/*
 * The top of the partner's quote: DRAFT across the page while a principle is broken, the title, who
 * the quote is from and to (addresses and contacts), and the quote's reference and dates.
 */
import type { Partnership } from "../../../../document";
import { formatLongDate } from "../../../../model/format";
import { text } from "../../../spec/spec";
import { LABEL, TITLE, TOP, WRAPPED } from "../../../spec/styles";
import type { Cursor } from "../../../spec/cursor";
import { BANNER, LAST_COLUMN, across } from "../layout";

type Contact = NonNullable<Partnership["trust"]["contact"]>;

/** The words DRAFT is printed with: here on page 1, and in the header of every page. */
export const DRAFT_TEXT = "DRAFT: not an offer";

const addressLines = (address: string | undefined): string[] =>
  (address ?? "").split(/\s*(?:\r?\n|,)\s*/).filter((part) => part.trim() !== "");

function contactLines(contact: Contact | undefined): string[] {
  if (contact === undefined) return [];
  return [
    contact.role ? `${contact.name}, ${contact.role}` : contact.name,
    ...(contact.email ? [contact.email] : []),
    ...(contact.phone ? [contact.phone] : []),
  ];
}

export interface PartiesAnchors {
  /** The reference's cell. */
  readonly reference: string;
}

export function partiesSection(at: Cursor, doc: Partnership, draft: boolean): PartiesAnchors {
  const { sheet } = at;
  if (draft) {
    across(at, text(`${DRAFT_TEXT}. This quote cannot be accepted yet.`), 1, LAST_COLUMN, BANNER);
    sheet.rowHeight(at.row, 24);
    at.skip(2);
  }
  across(
    at,
    text(draft ? "Draft quote for access to NHS data" : "Quote for access to NHS data"),
    1,
    LAST_COLUMN,
    TITLE
  );
  sheet.rowHeight(at.row, 24);
  at.skip(2);

  // From (the trust) on the left, A; to (the partner) on the right, B:E.
  const trust = doc.trust;
  const from = [
    trust.odsCode ? `${trust.name} (${trust.odsCode})` : trust.name,
    ...addressLines(trust.address),
    ...contactLines(trust.contact),
    ...(trust.vatNumber ? [`VAT registration ${trust.vatNumber}`] : []),
  ];
  const to = [
    doc.partner.name,
    ...addressLines(doc.partner.address),
    ...contactLines(doc.partner.contact),
  ];
  sheet.setAt(at.row, 1, text("From"), { style: LABEL });
  sheet.setAt(at.row, 2, text("To"), { style: LABEL });
  at.skip();
  const rows = Math.max(from.length, to.length);
  for (let i = 0; i < rows; i++) {
    const style = i === 0 ? { ...WRAPPED, bold: true } : WRAPPED;
    if (from[i] !== undefined) across(at, text(from[i] as string), 1, 1, style);
    if (to[i] !== undefined) across(at, text(to[i] as string), 2, LAST_COLUMN, style);
    at.skip();
  }
  at.skip();

  const details: [string, string][] = [["Quote date", formatLongDate(doc.quote.date)]];
  if (doc.quote.validUntil !== undefined)
    details.push(["Valid until", formatLongDate(doc.quote.validUntil)]);
  if (doc.quote.paymentTermsDays !== undefined)
    details.push(["Payment terms", `Within ${doc.quote.paymentTermsDays} days of invoice`]);
  sheet.setAt(at.row, 1, text("Quote reference"), { style: LABEL });
  const reference = across(at, text(doc.reference), 2, LAST_COLUMN, { ...TOP, bold: true });
  at.skip();
  for (const [label, value] of details) {
    sheet.setAt(at.row, 1, text(label), { style: LABEL });
    across(at, text(value), 2, LAST_COLUMN, TOP);
    at.skip();
  }
  return { reference };
}
