/*
 * The pricing approach: the use of the data (an input the basis, its reason and every charged figure
 * follow), the pricing strategy the rates come from, and the rates themselves with what each is for.
 */
import { BASIS_REASONS, type Quote } from "../../../../core/pricing/quote";
import { formatPercent } from "../../../../model/format";
import { DATA_USES, type PricingRate } from "../../../../model/vocabulary";
import type { Partnership, Use } from "../../../../document";
import { absoluteAddress } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import { formulaStringLiteral } from "../../../spec/safeText";
import { formula, num, text } from "../../../spec/spec";
import { INPUT, LABEL, NOTE, WRAPPED } from "../../../spec/styles";
import { basisText } from "../contract";
import { LAST_COLUMN_NUMBER, RATE_FORMAT, across, detail } from "../layout";

/** The inputs the cost table and the totals refer to, as absolute addresses ("$C$20"). */
export interface PricingAnchors {
  /** The cell holding the use of the data, "commercial" or "non-commercial". */
  readonly use: string;
  readonly rates: Readonly<Record<PricingRate | "vatRate", string>>;
}

export function pricingApproachSection(at: Cursor, doc: Partnership, quote: Quote): PricingAnchors {
  const { sheet } = at;
  at.heading("Pricing approach");
  sheet.setAt(at.row, 1, text("Use of the data"), { style: LABEL });
  const use = absoluteAddress(
    sheet.setAt(at.row, 3, text(doc.use), { style: { ...INPUT, bold: true } })
  );
  // The basis and its reason follow the use cell, so a reader who changes it sees why the figures move.
  const byUse = (choice: (value: Use) => string): string =>
    `IF(${use}=${formulaStringLiteral("commercial")},${formulaStringLiteral(choice("commercial"))},${formulaStringLiteral(choice("non-commercial"))})`;
  sheet.setAt(at.row, 4, formula(byUse(basisText), basisText(doc.use)));
  at.skip();
  sheet.setAt(at.row, 1, text("Why"), { style: LABEL });
  const reason = formula(
    byUse((value) => BASIS_REASONS[value]),
    quote.basisReason
  );
  across(at, reason, 2, LAST_COLUMN_NUMBER, WRAPPED);
  // Tall enough for either reason, whichever the use cell is changed to.
  for (const value of DATA_USES) at.fitText(BASIS_REASONS[value], 2, LAST_COLUMN_NUMBER);
  at.skip();

  const strategy = doc.pricing.strategy;
  detail(
    at,
    "Pricing strategy",
    strategy === undefined
      ? "None named: the rates below are this document's own"
      : `${strategy.id}, revision ${strategy.revision}: the rates below are copied from it`
  );
  const rateNote = (rate: PricingRate, note: string): string => {
    const override = doc.pricing.overrides.find((candidate) => candidate.rate === rate);
    return override === undefined
      ? note
      : `${note}. Overrides the strategy's ${formatPercent(override.strategyValue)}: ${override.reason}`;
  };
  /** A rate's label in A, its value in C and what it is for across D to the last column. */
  const rateRow = (label: string, value: number, note: string): string => {
    sheet.setAt(at.row, 1, text(label), { style: LABEL });
    const address = sheet.setAt(at.row, 3, num(value), { numberFormat: RATE_FORMAT, style: INPUT });
    across(at, text(note), 4, LAST_COLUMN_NUMBER, NOTE);
    at.skip();
    return absoluteAddress(address);
  };
  const { rates } = quote;
  const staffOnCostRate = rateRow(
    "Staff on-cost rate",
    rates.staffOnCostRate.toNumber(),
    rateNote("staffOnCostRate", "employer's pension and National Insurance, on staff time only")
  );
  const overheadRate = rateRow(
    "Overhead rate",
    rates.overheadRate.toNumber(),
    rateNote("overheadRate", "full cost = marginal cost + overheads; not on pass-through charges")
  );
  const fixedCostRecoveryRate = rateRow(
    "Fixed-cost recovery rate",
    rates.fixedCostRecoveryRate.toNumber(),
    rateNote(
      "fixedCostRecoveryRate",
      "a percentage of the overall full cost (commercial) or marginal cost (non-commercial)"
    )
  );
  const capitalCostRecoveryRate = rateRow(
    "Capital-cost recovery rate",
    rates.capitalCostRecoveryRate.toNumber(),
    rateNote("capitalCostRecoveryRate", "the same way as fixed costs")
  );
  const vatRate = rateRow(
    "VAT rate",
    quote.vatRate.toNumber(),
    "an explicit input: VAT depends on the supply"
  );
  return {
    use,
    rates: {
      staffOnCostRate,
      overheadRate,
      fixedCostRecoveryRate,
      capitalCostRecoveryRate,
      vatRate,
    },
  };
}
