/*
 * The top of the quote: its title (and, while the partnership breaks a principle, a draft warning),
 * when and by what it was generated, who it is from and on what terms, and who it is to.
 */
import type { Finding } from "../../../../core/principles";
import { QUOTE_STAGE_LABELS, type Partnership } from "../../../../document";
import { VERSION } from "../../../../model/version";
import type { Cursor } from "../../../spec/cursor";
import { date, text, type CellValueSpec } from "../../../spec/spec";
import { LABEL, LONG_DATE_FORMAT, NHS_DARK_GREY, NHS_RED, TITLE, TOP } from "../../../spec/styles";
import { formatLongDate, formatLongDateTime } from "../../../../model/format";
import { LARGE_TEXT_HEIGHT, LAST_COLUMN_NUMBER, TITLE_HEIGHT, across } from "../layout";

export interface HeaderAnchors {
  /** The cell holding the quote reference. */
  readonly reference: string;
}

/** The title, a draft warning while there are errors, the generation line, who from, on what terms, to whom. */
export function headerSection(
  at: Cursor,
  doc: Partnership,
  findings: readonly Finding[],
  generated: string
): HeaderAnchors {
  const { sheet } = at;
  const errors = findings.filter((finding) => finding.severity === "error").length;
  sheet.setAt(at.row, 1, text(`Quote for access to NHS data: ${doc.reference}`), { style: TITLE });
  sheet.rowHeight(at.row, TITLE_HEIGHT);
  at.skip();
  if (errors > 0) {
    sheet.setAt(
      at.row,
      1,
      text(
        `DRAFT, NOT FOR SENDING: the partnership has ${errors} error${errors === 1 ? "" : "s"} against the NHS principles; see the findings.`
      ),
      { style: { bold: true, size: 12, fontColor: NHS_RED } }
    );
    sheet.rowHeight(at.row, LARGE_TEXT_HEIGHT);
    at.skip();
  }
  sheet.setAt(
    at.row,
    1,
    text(
      `Generated ${formatLongDateTime(generated)} UTC by NHS Data Partnership Pricing ${VERSION}. Every figure below is a formula over the inputs beside it.`
    ),
    { style: { italic: true, fontColor: NHS_DARK_GREY } }
  );
  at.skip(2);
  const reference = fromAndTerms(at, doc);
  sheet.setAt(at.row, 1, text("To"), { style: LABEL });
  across(at, text(doc.partner.name), 2, LAST_COLUMN_NUMBER, { bold: true, size: 12 });
  sheet.rowHeight(at.row, LARGE_TEXT_HEIGHT);
  at.skip();
  return { reference };
}

/** "Issued 2 June 2025", "Accepted 1 July 2025 (issued 2 June 2025)", "Draft": short enough for the header. */
function stageText(doc: Partnership): string {
  const terms = doc.quote;
  const decided = terms.acceptedOn ?? terms.declinedOn ?? terms.withdrawnOn;
  const label = QUOTE_STAGE_LABELS[terms.stage];
  const issued = terms.issuedOn === undefined ? undefined : formatLongDate(terms.issuedOn);
  if (decided !== undefined)
    return `${label} ${formatLongDate(decided)}${issued === undefined ? "" : ` (issued ${issued})`}`;
  return issued === undefined ? label : `${label} ${issued}`;
}

/**
 * Who the quote is from and its terms: the trust's name and address on the left (A:E), the reference,
 * stage, dates and payment terms on the right (labels F:G, values H:I), then a blank row. Returns the
 * reference's cell.
 */
function fromAndTerms(at: Cursor, doc: Partnership): string {
  const from = [
    doc.trust.odsCode ? `${doc.trust.name} (${doc.trust.odsCode})` : doc.trust.name,
    ...(doc.trust.address ?? "").split(/\s*(?:\r?\n|,)\s*/).filter((part) => part.trim() !== ""),
  ];
  const { validUntil, paymentTermsDays } = doc.quote;
  const terms: (readonly [string, CellValueSpec])[] = [
    ["Stage", text(stageText(doc))],
    ["Quote date", date(doc.quote.date)],
  ];
  if (validUntil !== undefined) terms.push(["Valid until", date(validUntil)]);
  if (paymentTermsDays !== undefined)
    terms.push(["Payment terms", text(`Within ${paymentTermsDays} days of invoice`)]);

  const first = at.row;
  from.forEach((line, i) => {
    at.row = first + i;
    across(at, text(line), 1, 5, i === 0 ? { bold: true, size: 12 } : TOP);
    if (i === 0) at.sheet.rowHeight(at.row, LARGE_TEXT_HEIGHT);
  });
  const term = (row: number, label: string, value: CellValueSpec, bold: boolean): string => {
    at.row = row;
    across(at, text(label), 6, 7, { ...LABEL, horizontal: "right" });
    const style = { bold, horizontal: "left", vertical: "top" } as const;
    // A date keeps its serial number; the reader sees it written out ("2 June 2025").
    return across(at, value, 8, 9, style, value.kind === "date" ? LONG_DATE_FORMAT : undefined);
  };
  const reference = term(first, "Quote reference", text(doc.reference), true);
  terms.forEach(([label, value], i) => term(first + 1 + i, label, value, false));
  at.row = first + Math.max(from.length, 1 + terms.length);
  at.skip();
  return reference;
}
