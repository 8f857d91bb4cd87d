/*
 * The strategy review sheet (CIDC guide, chapter 6, "Evaluation and review of strategy"): the year's
 * quotes under a pricing strategy, and what they recovered against its pools and forecast base. Every
 * total, the over or under recovery and the rates the next revision would need are native formulas
 * (SUMIFS over the quotes table), so a finance officer can trace each figure to the quotes, and correct
 * a quote's stage to watch the totals move, without the add-in.
 */
import type { StrategyReview } from "../../../core/pricing/strategyReview";
import { formatLongDate, isoMinute } from "../../../model/format";
import { VERSION } from "../../../model/version";
import { columnLetter } from "../../spec/a1";
import { SheetSpecBuilder } from "../../spec/builder";
import { across, Cursor } from "../../spec/cursor";
import { DEFAULT_ROW_HEIGHT } from "../../spec/pagination";
import { pageOfPages, text, type SheetSpec } from "../../spec/spec";
import { TITLE } from "../../spec/styles";
import { withPageBreaks } from "../scenario/print";
import { quotesTableSection } from "./quotesTable";
import {
  baseSection,
  chartSection,
  nextRates,
  notesSection,
  passThroughSection,
  poolsSection,
} from "./summary";
import { COLUMN_WIDTHS, LAST_COLUMN } from "./style";

export { REVIEW_NAMES } from "./style";

const REVIEW_SHEET_NAME = "Strategy review";

export function buildReviewSheet(
  review: StrategyReview,
  options: { generatedAt: Date }
): SheetSpec {
  const sheet = new SheetSpecBuilder(REVIEW_SHEET_NAME);
  COLUMN_WIDTHS.forEach((width, i) => sheet.columnWidth(i + 1, width));
  const at = new Cursor(sheet, LAST_COLUMN);
  const generated = isoMinute(options.generatedAt).replace("T", " ");
  const { strategy, year } = review;

  across(
    at,
    text(`Strategy review: ${strategy.id} revision ${strategy.revision}, ${year.label}`),
    1,
    LAST_COLUMN,
    TITLE
  );
  sheet.rowHeight(at.row, 24);
  at.row += 1;
  across(
    at,
    text(
      `${strategy.trust}. Quotes dated ${formatLongDate(year.start)} to ${formatLongDate(year.end)}; reviews due as of ${formatLongDate(review.asOf)}. Recovered means accepted and issued quotes.`
    ),
    1,
    LAST_COLUMN,
    { wrap: true, vertical: "top" }
  );
  at.row += 1;

  // The quotes table's rows are needed by every total: it is laid out after them, its rows reserved.
  const summaryStart = at.row;
  const rowsAbove = 1 + RESERVED_ROWS;
  at.row = summaryStart + rowsAbove;
  const table = at.together(() => quotesTableSection(at, review));
  const end = at.row;

  at.row = summaryStart;
  const pools = at.together(() => poolsSection(at, review, table));
  const realised = at.together(() => baseSection(at, review, table));
  nextRates(at, pools, realised);
  at.together(() => passThroughSection(at, review, table));
  at.together(() => chartSection(at, pools));
  if (at.row > summaryStart + rowsAbove)
    throw new Error("the review's summary is longer than the rows reserved for it");

  at.row = end;
  at.together(() => notesSection(at, review));
  const lastPrinted = at.row - 1;

  sheet.showGridlines(false).print({
    paperSize: "A4",
    orientation: "landscape",
    fitToWidth: true,
    header: { left: `Strategy review ${year.label}`, right: `Generated ${generated} UTC` },
    footer: { left: `NHS Data Partnership Pricing ${VERSION}`, right: pageOfPages(strategy.id) },
    printArea: `A$1:${columnLetter(LAST_COLUMN)}$${lastPrinted}`,
    // The title and the trust: each page says whose strategy and which year it reviews.
    printTitleRows: { first: 1, last: 2 },
  });
  for (let r = 1; r <= lastPrinted; r++)
    if (sheet.heightOf(r) === undefined) sheet.rowHeight(r, DEFAULT_ROW_HEIGHT);
  return withPageBreaks(sheet.build(), at.keepWithNext);
}

/**
 * The rows the summary sections take: pools (heading 2 + header + 14), base (2 + 1 + 3), pass-through
 * (2 + 3), chart (2 + 16 rows).
 */
const RESERVED_ROWS = 2 + 1 + 14 + (2 + 1 + 3) + (2 + 3) + (2 + 16);
