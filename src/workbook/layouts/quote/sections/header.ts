/*
 * The top of the quote: its title (and, while the partnership breaks a principle, a draft warning),
 * when and by what it was generated, the key to the shaded inputs, who it is from and on what terms,
 * and who it is to.
 */
import type { Finding } from "../../../../core/principles";
import { QUOTE_STAGE_LABELS, type Partnership } from "../../../../document";
import { VERSION } from "../../../../model/version";
import { absoluteAddress } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import { date, text, type CellValueSpec } from "../../../spec/spec";
import {
  INPUT,
  LABEL,
  LONG_DATE_FORMAT,
  NHS_DARK_GREY,
  NHS_RED,
  NOTE,
  TITLE,
  TOP,
} from "../../../spec/styles";
import { formatLongDate, formatLongDateTime } from "../../../../model/format";
import { LARGE_TEXT_HEIGHT, LAST_COLUMN_NUMBER, TITLE_HEIGHT, across } from "../layout";

export interface HeaderAnchors {
  /** The cell holding the quote reference. */
  readonly reference: string;
  /** The cell holding the date the quote is valid until, as an absolute address; undefined without one. */
  readonly validUntil: string | undefined;
}

/** The key to the shading, beside a shaded cell that shows it. */
export const INPUT_KEY = "Shaded cells are inputs; every other figure is a formula.";

/**
 * The title, a draft warning while there are errors, the generation line, the key to the inputs, who
 * from, on what terms, to whom. `findingsSheet`: whether the findings are in the same workbook (the
 * internal one), so that the warning may point to them.
 */
export function headerSection(
  at: Cursor,
  doc: Partnership,
  findings: readonly Finding[],
  generated: string,
  findingsSheet: boolean
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
        `DRAFT, NOT FOR SENDING: the partnership has ${errors} error${errors === 1 ? "" : "s"} against the NHS principles${findingsSheet ? "; see the findings sheet" : ""}.`
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
      `Generated ${formatLongDateTime(generated)} UTC by NHS Data Partnership Pricing ${VERSION}.`
    ),
    { style: { italic: true, fontColor: NHS_DARK_GREY } }
  );
  at.skip();
  sheet.setAt(at.row, 1, text("Input"), { style: INPUT });
  across(at, text(INPUT_KEY), 2, LAST_COLUMN_NUMBER, NOTE);
  at.skip(2);
  const { reference, validUntil } = fromAndTerms(at, doc, errors > 0);
  sheet.setAt(at.row, 1, text("To"), { style: LABEL });
  across(at, text(doc.partner.name), 2, LAST_COLUMN_NUMBER, { bold: true, size: 12 });
  sheet.rowHeight(at.row, LARGE_TEXT_HEIGHT);
  at.skip();
  return { reference, validUntil };
}

/**
 * "Issued 2 June 2025", "Accepted 1 July 2025 (issued 2 June 2025)", "Draft": short enough for the
 * header. A quote with errors is a draft whatever stage it records: "Draft (recorded as issued; errors
 * must be resolved before it is sent)".
 */
export function stageText(doc: Partnership, draft: boolean): string {
  const terms = doc.quote;
  const decided = terms.acceptedOn ?? terms.declinedOn ?? terms.withdrawnOn;
  const label = QUOTE_STAGE_LABELS[terms.stage];
  if (draft && terms.stage !== "draft")
    return `Draft (recorded as ${label.toLowerCase()}; errors must be resolved before it is sent)`;
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
function fromAndTerms(
  at: Cursor,
  doc: Partnership,
  draft: boolean
): { reference: string; validUntil: string | undefined } {
  const from = [
    doc.trust.odsCode ? `${doc.trust.name} (${doc.trust.odsCode})` : doc.trust.name,
    ...(doc.trust.address ?? "").split(/\s*(?:\r?\n|,)\s*/).filter((part) => part.trim() !== ""),
  ];
  const { validUntil, paymentTermsDays } = doc.quote;
  const terms: (readonly [string, CellValueSpec])[] = [
    ["Stage", text(stageText(doc, draft))],
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
    const style = { bold, horizontal: "left", vertical: "top", wrap: true } as const;
    // A date keeps its serial number; the reader sees it written out ("2 June 2025"). Dates are inputs.
    if (value.kind === "date")
      return across(at, value, 8, 9, { ...style, ...INPUT }, LONG_DATE_FORMAT);
    return across(at, value, 8, 9, style);
  };
  const reference = term(first, "Quote reference", text(doc.reference), true);
  const cells = terms.map(([label, value], i) => term(first + 1 + i, label, value, false));
  const validIndex = terms.findIndex(([label]) => label === "Valid until");
  at.row = first + Math.max(from.length, 1 + terms.length);
  at.skip();
  return {
    reference,
    validUntil: validIndex < 0 ? undefined : absoluteAddress(cells[validIndex] as string),
  };
}
