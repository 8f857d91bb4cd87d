/*
 * What the partner buys: each cost line at the price charged for it (quantity, unit, unit price and
 * amount), the contributions to the trust's fixed and capital costs as charges in their own right,
 * the infrastructure built for this partnership, then the total, VAT and the total including VAT.
 * No cost build-up: no marginal cost, rates, bases, internal ids or kinds of cost.
 */
import type { Quote } from "../../../../core/pricing/quote";
import { COST_CATEGORY_LABELS } from "../../../../document";
import { COST_CATEGORIES } from "../../../../model/vocabulary";
import type { Cursor } from "../../../spec/cursor";
import { formula, num, text } from "../../../spec/spec";
import {
  LABEL,
  NHS_BLUE,
  PLAIN_NUMBER_FORMAT,
  POUNDS_FORMAT,
  TABLE_HEADER,
  TOP,
  WRAPPED,
} from "../../../spec/styles";
import { PARTNER_COLUMNS, PARTNER_FORMULAS, otherCharges } from "../contract";
import { across } from "../layout";
import { GRAND_TOTAL as QUOTE_GRAND_TOTAL } from "../../quote/layout";

/** A unit price may have fractions of a penny (a per-record price): show them when there are any. */
const UNIT_PRICE_FORMAT = "[$£-809]#,##0.00##";
/** The quote's grand-total band, a size smaller on the partner's narrower page. */
const GRAND_TOTAL = { ...QUOTE_GRAND_TOTAL, size: 12 };

export interface ChargesAnchors {
  readonly headerRow: number;
  /** "A20:E31", or undefined when nothing but fixed and capital costs is charged. */
  readonly lines: string | undefined;
  readonly charges: string | undefined;
  readonly total: string;
  readonly vatRate: string;
  readonly vat: string;
  readonly totalIncVat: string;
}

export function chargesSection(at: Cursor, quote: Quote): ChargesAnchors {
  const { sheet } = at;
  const { description, quantity, unit, unitPrice, amount } = PARTNER_COLUMNS;
  at.heading("What the quote covers");
  const headerRow = at.row;
  const headers: [number, string][] = [
    [description, "Description"],
    [quantity, "Quantity"],
    [unit, "Unit"],
    [unitPrice, "Unit price"],
    [amount, "Amount"],
  ];
  for (const [col, header] of headers)
    sheet.setAt(at.row, col, text(header), {
      style:
        col === quantity || col >= unitPrice
          ? { ...TABLE_HEADER, horizontal: "right" }
          : col === unit
            ? { ...TABLE_HEADER, indent: 1 }
            : TABLE_HEADER,
    });
  at.skip();
  const firstRow = at.row;

  // Lines in the priced quote's order, under the guide's category headings.
  let linesBlock: string | undefined;
  for (const category of COST_CATEGORIES) {
    const lines = quote.lines.filter((line) => line.category === category);
    if (lines.length === 0) continue;
    at.keep(2);
    sheet.setAt(at.row, description, text(COST_CATEGORY_LABELS[category]), {
      style: { bold: true, fontColor: NHS_BLUE },
    });
    at.skip();
    for (const line of lines) {
      sheet.setAt(at.row, description, text(line.description), { style: WRAPPED });
      at.fitText(line.description, description);
      sheet.setAt(at.row, quantity, num(line.quantity.toNumber()), {
        style: TOP,
        numberFormat: PLAIN_NUMBER_FORMAT,
      });
      sheet.setAt(at.row, unit, text(line.unit), { style: { ...WRAPPED, indent: 1 } });
      at.fitText(line.unit, unit);
      sheet.setAt(at.row, unitPrice, num(line.unitPrice.toNumber()), {
        style: TOP,
        numberFormat: UNIT_PRICE_FORMAT,
      });
      sheet.setAt(at.row, amount, num(line.amount.toNumber()), {
        style: TOP,
        numberFormat: POUNDS_FORMAT,
      });
      at.skip();
    }
  }
  const lastLineRow = at.row - 1;
  if (lastLineRow >= firstRow) linesBlock = `A${firstRow}:E${lastLineRow}`;

  // The fixed and capital costs the guide recovers as a share of cost, and infrastructure built for
  // this partnership alone: charges with their amounts only.
  const others = otherCharges(quote);
  let chargesBlock: string | undefined;
  if (others.length > 0) {
    at.keep(2);
    sheet.setAt(at.row, description, text("Other charges"), {
      style: { bold: true, fontColor: NHS_BLUE },
    });
    at.skip();
    const first = at.row;
    for (const other of others) {
      across(at, text(other.label), description, unitPrice, WRAPPED);
      sheet.setAt(at.row, amount, num(other.amount.toNumber()), {
        style: TOP,
        numberFormat: POUNDS_FORMAT,
      });
      at.skip();
    }
    chargesBlock = `A${first}:E${at.row - 1}`;
  }
  const lastRow = at.row - 1;

  // Totals: formulas over the amounts above.
  at.keep(3);
  const label = (value: string, style = LABEL) =>
    across(at, text(value), description, unitPrice, { ...style, horizontal: "right" });
  label("Total before VAT");
  const total = sheet.setAt(
    at.row,
    amount,
    formula(PARTNER_FORMULAS.total(firstRow, Math.max(lastRow, firstRow)), quote.total.toNumber()),
    { style: { bold: true, border: { top: "thin" } }, numberFormat: POUNDS_FORMAT }
  );
  at.skip();
  across(at, text("VAT at"), description, unit, { ...TOP, horizontal: "right" });
  // The rate the VAT is worked out at, shown beside it.
  const vatRate = sheet.setAt(at.row, unitPrice, num(quote.vatRate.toNumber()), {
    style: TOP,
    numberFormat: "0.00%",
  });
  const vat = sheet.setAt(
    at.row,
    amount,
    formula(PARTNER_FORMULAS.vat(total, vatRate), quote.vat.toNumber()),
    { style: TOP, numberFormat: POUNDS_FORMAT }
  );
  at.skip();
  across(at, text("Total including VAT"), description, unitPrice, {
    ...GRAND_TOTAL,
    horizontal: "right",
  });
  sheet.rowHeight(at.row, 18);
  const totalIncVat = sheet.setAt(
    at.row,
    amount,
    formula(PARTNER_FORMULAS.totalIncVat(total, vat), quote.totalIncVat.toNumber()),
    { style: GRAND_TOTAL, numberFormat: POUNDS_FORMAT }
  );
  at.skip();
  return {
    headerRow,
    lines: linesBlock,
    charges: chargesBlock,
    total,
    vatRate,
    vat,
    totalIncVat,
  };
}
