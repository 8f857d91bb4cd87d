/*
 * The summary box on page 1: what the partner pays for access (the total including VAT, a formula on
 * the total below), what else it agrees to pay under the value-sharing terms, and until when the
 * offer stands.
 */
import type { Partnership } from "../../../../document";
import type { Decimal } from "../../../../model/decimal";
import { formatLongDate } from "../../../../model/format";
import type { Cursor } from "../../../spec/cursor";
import { absoluteAddress } from "../../../spec/a1";
import { formula, text } from "../../../spec/spec";
import { POUNDS_FORMAT } from "../../../spec/styles";
import { BOX, BOX_FIGURE, LAST_COLUMN, across } from "../layout";
import { valueSharingSummary } from "./valueSharing";

export interface SummaryBox {
  /** Writes the total's formula once the total's cell is known. */
  readonly fillTotal: (totalIncVat: string, value: Decimal) => void;
}

export function summarySection(at: Cursor, doc: Partnership): SummaryBox {
  const { sheet } = at;
  at.skip();
  at.keep(4);
  const totalRow = at.row;
  across(at, text("Total to pay for access, including VAT"), 1, LAST_COLUMN - 1, {
    ...BOX,
    bold: true,
    size: 12,
  });
  sheet.rowHeight(at.row, 18);
  at.skip();
  const lines = [
    valueSharingSummary(doc),
    doc.quote.validUntil === undefined
      ? "This quote does not yet give the date until which it stands."
      : `This offer stands until ${formatLongDate(doc.quote.validUntil)}.`,
  ];
  for (const line of lines) {
    across(at, text(line), 1, LAST_COLUMN, BOX);
    at.skip();
  }
  return {
    fillTotal: (totalIncVat, value) => {
      sheet.setAt(totalRow, LAST_COLUMN, formula(absoluteAddress(totalIncVat), value.toNumber()), {
        style: { ...BOX_FIGURE, horizontal: "right" },
        numberFormat: POUNDS_FORMAT,
      });
    },
  };
}
