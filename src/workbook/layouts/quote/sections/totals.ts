/* The totals: before VAT, the VAT, including VAT; then how every figure is rounded. */
import type { Quote } from "../../../../core/pricing/quote";
import type { Cursor } from "../../../spec/cursor";
import { blank, formula, text } from "../../../spec/spec";
import { NOTE, POUNDS_FORMAT } from "../../../spec/styles";
import { QUOTE_FORMULAS } from "../contract";
import { GRAND_TOTAL, LARGE_TEXT_HEIGHT, LAST_COLUMN_NUMBER, TOTAL, across } from "../layout";
import type { CostsAnchors } from "./costs";
import type { PricingAnchors } from "./pricingApproach";
import type { RecoveriesAnchors } from "./recoveries";

export interface TotalsAnchors {
  readonly total: string;
  readonly vat: string;
  readonly totalIncVat: string;
}

const ROUNDING_RULE =
  "Each figure is rounded half away from zero to the penny where it is printed: cost, then marginal cost (on-costs on staff time only), then full cost (overheads on all but pass-through charges); subtotals and the total are sums of the rounded figures.";

export function totalsSection(
  at: Cursor,
  quote: Quote,
  pricing: PricingAnchors,
  costs: CostsAnchors,
  recoveries: RecoveriesAnchors
): TotalsAnchors {
  const { sheet } = at;
  const figure = LAST_COLUMN_NUMBER;
  at.keep(4);
  sheet.setAt(at.row, 2, text("Total before VAT"), { style: TOTAL });
  const total = sheet.setAt(
    at.row,
    figure,
    formula(
      QUOTE_FORMULAS.sum([
        costs.linesCharged,
        recoveries.subtotals.fixed,
        recoveries.subtotals.capital,
      ]),
      quote.total.toNumber()
    ),
    { numberFormat: POUNDS_FORMAT, style: TOTAL }
  );
  at.skip();
  sheet.setAt(at.row, 2, text("VAT"));
  const vat = sheet.setAt(
    at.row,
    figure,
    formula(QUOTE_FORMULAS.vat(total, pricing.rates.vatRate), quote.vat.toNumber()),
    { numberFormat: POUNDS_FORMAT }
  );
  at.skip();
  sheet.setAt(at.row, 2, text("Total including VAT"), { style: GRAND_TOTAL });
  for (let col = 3; col < figure; col++) sheet.setAt(at.row, col, blank(), { style: GRAND_TOTAL });
  const totalIncVat = sheet.setAt(
    at.row,
    figure,
    formula(QUOTE_FORMULAS.totalIncVat(total, vat), quote.totalIncVat.toNumber()),
    { numberFormat: POUNDS_FORMAT, style: GRAND_TOTAL }
  );
  sheet.rowHeight(at.row, LARGE_TEXT_HEIGHT + 2);
  at.skip();
  across(at, text(ROUNDING_RULE), 2, LAST_COLUMN_NUMBER, { ...NOTE, wrap: true });
  at.skip();
  return { total, vat, totalIncVat };
}
