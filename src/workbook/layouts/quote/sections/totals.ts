/*
 * The totals: before VAT, the VAT, including VAT; the reconciliation of the total with its four parts
 * and a check that they add up; then how every figure is rounded.
 */
import type { Quote } from "../../../../core/pricing/quote";
import { sumDecimals } from "../../../../model/decimal";
import { formatPounds } from "../../../../model/format";
import type { Cursor } from "../../../spec/cursor";
import { blank, formula, text } from "../../../spec/spec";
import { NOTE, POUNDS_FORMAT, WRAPPED } from "../../../spec/styles";
import { QUOTE_FORMULAS, RECONCILED, type ReconciliationParts } from "../contract";
import { GRAND_TOTAL, LARGE_TEXT_HEIGHT, LAST_COLUMN_NUMBER, TOTAL, across } from "../layout";
import type { CostsAnchors } from "./costs";
import type { PricingAnchors } from "./pricingApproach";
import type { RecoveriesAnchors } from "./recoveries";

export interface TotalsAnchors {
  readonly total: string;
  readonly vat: string;
  readonly totalIncVat: string;
  /** The cell that checks the reconciliation's parts add up to the total. */
  readonly reconciliationCheck: string;
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
  at.keep(6);
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

  // The total's four parts, each a cell above (or a sum of them), then whether they add up.
  const parts: ReconciliationParts = {
    linesCharged: costs.linesCharged,
    fixed: recoveries.subtotals.fixed,
    capital: QUOTE_FORMULAS.reconciliationPart(recoveries.recoveries.capital),
    allocations: QUOTE_FORMULAS.reconciliationPart(recoveries.allocations),
  };
  const capitalRecovered = sumDecimals(
    quote.recoveries.filter((r) => r.category === "capital").map((r) => r.amount)
  );
  const allocated = sumDecimals(quote.directAllocations.map((a) => a.amount));
  const sentence = `Lines charged ${formatPounds(quote.linesCharged)} + fixed-cost recovery ${formatPounds(quote.subtotals.fixed)} + capital-cost recovery ${formatPounds(capitalRecovered)} + direct allocations ${formatPounds(allocated)} = total ${formatPounds(quote.total)}`;
  across(
    at,
    formula(QUOTE_FORMULAS.reconciliation(parts, total), sentence),
    2,
    LAST_COLUMN_NUMBER,
    WRAPPED
  );
  at.fitText(sentence, 2, LAST_COLUMN_NUMBER);
  at.skip();
  const reconciliationCheck = across(
    at,
    formula(QUOTE_FORMULAS.reconciliationCheck(parts, total), RECONCILED),
    2,
    LAST_COLUMN_NUMBER,
    { bold: true, vertical: "top" }
  );
  at.skip();
  across(at, text(ROUNDING_RULE), 2, LAST_COLUMN_NUMBER, { ...NOTE, wrap: true });
  at.skip();
  return { total, vat, totalIncVat, reconciliationCheck };
}
