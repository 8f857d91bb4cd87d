/**
 * The year's quotes under the strategy, one row each: the figures every total on the sheet is a SUMIFS
 * over. Values, not formulas: each is the quote's own printed figure (its quote sheet shows the working).
 */
import type { ReviewedQuote, StrategyReview } from "../../../core/pricing/strategyReview";
import { sumDecimals, type Decimal } from "../../../model/decimal";
import type { Cursor } from "../../spec/cursor";
import { date, formula, num, text } from "../../spec/spec";
import { TABLE_HEADER, WRAPPED } from "../../spec/styles";
import { A, COL, FIGURE, LAST_COLUMN, POUNDS, TOTAL } from "./style";

export interface QuotesTable {
  /** The data rows (at least one: a note row when there are no quotes). */
  readonly first: number;
  readonly last: number;
}

const HEADERS = [
  "Reference",
  "Partner",
  "Use",
  "Stage",
  "Quote date",
  "Revision",
  "Lines charged",
  "Pass-through",
  "Recovery base",
  "Fixed recovered",
  "Capital recovered",
];

/** A quote's figures, in the order of the table's last five columns. */
const figures = (quote: ReviewedQuote): Decimal[] => [
  quote.linesCharged,
  quote.passThroughCharged,
  quote.recoveryBase,
  quote.fixedRecovered,
  quote.capitalRecovered,
];

/** A column of the table's data rows, absolute: "$J$12:$J$15". */
export const column = (table: QuotesTable, col: number): string =>
  `${A(table.first, col)}:${A(table.last, col)}`;

export function quotesTableSection(at: Cursor, review: StrategyReview): QuotesTable {
  at.heading(`Quotes dated in ${review.year.label} under ${review.strategy.id}`);
  at.sheet.row(
    at.row,
    1,
    HEADERS.map(text),
    HEADERS.map((_, i) => ({
      style: {
        ...TABLE_HEADER,
        wrap: true,
        vertical: "bottom" as const,
        // Figures and dates right-aligned, as their columns.
        ...(i + 1 >= COL.date ? { horizontal: "right" as const } : {}),
      },
    }))
  );
  at.fitLines(2);
  at.row += 1;
  const first = at.row;
  if (review.quotes.length === 0) {
    at.sheet.setAt(at.row, COL.partner, text("No quote of the year names this strategy."), {
      style: WRAPPED,
    });
    at.row += 1;
  }
  for (const quote of review.quotes) {
    const money = { numberFormat: POUNDS, style: FIGURE };
    at.sheet.row(
      at.row,
      1,
      [
        text(quote.reference),
        text(quote.partner),
        text(quote.use),
        text(quote.stage),
        date(quote.date),
        num(quote.revision),
      ],
      [
        { style: FIGURE },
        { style: WRAPPED },
        { style: FIGURE },
        { style: FIGURE },
        { style: FIGURE, numberFormat: "[$-809]d mmm yyyy" },
        { style: { ...FIGURE, horizontal: "right" } },
      ]
    );
    at.sheet.row(
      at.row,
      COL.linesCharged,
      figures(quote).map((value) => num(value.toNumber())),
      money
    );
    at.fitText(quote.partner, COL.partner);
    at.row += 1;
  }
  const table = { first, last: at.row - 1 };
  at.sheet.setAt(at.row, 1, text("All stages"), { style: TOTAL });
  for (let col = 2; col < COL.linesCharged; col++)
    at.sheet.setAt(at.row, col, text(""), { style: TOTAL });
  for (let col = COL.linesCharged; col <= LAST_COLUMN; col++) {
    const total = sumDecimals(
      review.quotes.map((quote) => figures(quote)[col - COL.linesCharged] as Decimal)
    );
    at.sheet.setAt(at.row, col, formula(`SUM(${column(table, col)})`, total.toNumber()), {
      style: TOTAL,
      numberFormat: POUNDS,
    });
  }
  at.row += 1;
  return table;
}
