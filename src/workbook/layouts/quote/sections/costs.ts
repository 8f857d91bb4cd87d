/*
 * The cost table: a header, then for each cost category with lines its heading, one row per line
 * (cost, marginal cost and full cost as formulas over the line's inputs and the rates) and its
 * subtotals; then the overall marginal and full cost, and the cost lines charged for the use.
 */
import type { Quote, QuoteLine } from "../../../../core/pricing/quote";
import { sumDecimals } from "../../../../model/decimal";
import { COST_CATEGORIES } from "../../../../model/vocabulary";
import { COST_CATEGORY_LABELS } from "../../../../document";
import { absoluteAddress } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import { formulaStringLiteral } from "../../../spec/safeText";
import { formula, num, text } from "../../../spec/spec";
import { INPUT, POUNDS_FORMAT, TABLE_HEADER, TOP, WRAPPED } from "../../../spec/styles";
import { KIND_LABELS, QUOTE_COLUMNS, QUOTE_FORMULAS, SUBTOTAL_PREFIX } from "../contract";
import {
  CATEGORY,
  COST_HEADER_ALIGNMENT,
  LAST_COLUMN_NUMBER,
  MONEY,
  QUANTITY_FORMAT,
  SUBTOTAL,
  UNIT_COST_FORMAT,
  across,
  rowsAcross,
} from "../layout";
import type { PricingAnchors } from "./pricingApproach";

export interface CostsAnchors {
  /** The row of the table's column headings. */
  readonly headerRow: number;
  /** The table's body, category headings to the last subtotal ("A14:I31"); undefined with no lines. */
  readonly lines: string | undefined;
  /** The overall marginal cost, full cost and cost lines charged, as absolute addresses. */
  readonly marginalCost: string;
  readonly fullCost: string;
  readonly linesCharged: string;
  /** What the recovery rates multiply: the lines charged, or them less the pass-through charges. */
  readonly recoveryBase: string;
  /** The pass-through charges taken out of the base, when they are. */
  readonly passThroughCharged?: string;
}

/** The header's two lines: "Marginal cost (charged)" wraps within its column. */
const HEADER_HEIGHT = 30;

function kindLabel(line: QuoteLine): string {
  return line.passThrough ? KIND_LABELS.passThrough : KIND_LABELS[line.kind];
}

export function costsSection(at: Cursor, quote: Quote, pricing: PricingAnchors): CostsAnchors {
  const { sheet } = at;
  at.heading("Costs");
  const commercial = `${pricing.use}=${formulaStringLiteral("commercial")}`;
  sheet.row(
    at.row,
    1,
    [
      text("Line"),
      text("Description"),
      text("Kind"),
      text("Quantity"),
      text("Unit"),
      text("Unit cost"),
      text("Cost"),
      formula(
        `IF(${commercial},${formulaStringLiteral("Marginal cost")},${formulaStringLiteral("Marginal cost (charged)")})`,
        quote.overheadApplied ? "Marginal cost" : "Marginal cost (charged)"
      ),
      formula(
        `IF(${commercial},${formulaStringLiteral("Full cost (charged)")},${formulaStringLiteral("Full cost")})`,
        quote.overheadApplied ? "Full cost (charged)" : "Full cost"
      ),
    ],
    COST_HEADER_ALIGNMENT.map((horizontal) => ({
      style: { ...TABLE_HEADER, wrap: true, vertical: "top", horizontal },
    }))
  );
  sheet.rowHeight(at.row, HEADER_HEIGHT);
  const headerRow = at.row;
  at.skip();

  const top = at.row;
  const marginalSubtotals: string[] = [];
  const fullSubtotals: string[] = [];
  for (const category of COST_CATEGORIES) {
    const lines = quote.lines.filter((line) => line.category === category);
    if (lines.length === 0) continue;
    at.keep(3);
    sheet.setAt(at.row, 1, text(COST_CATEGORY_LABELS[category]), { style: CATEGORY });
    at.skip();
    const first = at.row;
    for (const line of lines) lineRow(at, line, pricing);
    const last = at.row - 1;
    sheet.setAt(at.row, 2, text(`${SUBTOTAL_PREFIX}${COST_CATEGORY_LABELS[category]}`), {
      style: SUBTOTAL,
    });
    for (const [column, subtotals, figures] of [
      [QUOTE_COLUMNS.marginal, marginalSubtotals, lines.map((line) => line.marginal)],
      [QUOTE_COLUMNS.full, fullSubtotals, lines.map((line) => line.full)],
    ] as const)
      subtotals.push(
        sheet.setAt(
          at.row,
          column,
          formula(QUOTE_FORMULAS.columnSum(column, first, last), sumDecimals(figures).toNumber()),
          { numberFormat: POUNDS_FORMAT, style: SUBTOTAL }
        )
      );
    at.skip(2);
  }
  const bottom = at.row - 2;
  const body = quote.lines.length > 0 ? rowsAcross(top, bottom) : undefined;

  sheet.setAt(at.row, 2, text("Overall marginal cost and overall full cost"), { style: SUBTOTAL });
  const total = (column: number, subtotals: readonly string[], value: number): string =>
    absoluteAddress(
      sheet.setAt(at.row, column, formula(QUOTE_FORMULAS.sum(subtotals), value), {
        numberFormat: POUNDS_FORMAT,
        style: SUBTOTAL,
      })
    );
  const marginalCost = total(
    QUOTE_COLUMNS.marginal,
    marginalSubtotals,
    quote.marginalCost.toNumber()
  );
  const fullCost = total(QUOTE_COLUMNS.full, fullSubtotals, quote.fullCost.toNumber());
  at.skip();
  across(
    at,
    text("Cost lines charged: full cost for commercial use, marginal cost for non-commercial use"),
    2,
    QUOTE_COLUMNS.cost,
    { bold: true }
  );
  const linesCharged = absoluteAddress(
    sheet.setAt(
      at.row,
      LAST_COLUMN_NUMBER,
      formula(
        QUOTE_FORMULAS.linesCharged(pricing.use, marginalCost, fullCost),
        quote.linesCharged.toNumber()
      ),
      { numberFormat: POUNDS_FORMAT, style: { bold: true } }
    )
  );
  at.skip();
  if (quote.passThroughInRecoveryBase) {
    at.skip();
    return {
      headerRow,
      lines: body,
      marginalCost,
      fullCost,
      linesCharged,
      recoveryBase: linesCharged,
    };
  }
  const passThroughCharged = baseRow(
    at,
    "Less the pass-through charges: passed on at their published price, with no fixed or capital recovery",
    body === undefined ? "0" : QUOTE_FORMULAS.passThroughCharged(top, bottom),
    quote.passThroughCharged.toNumber(),
    false
  );
  const recoveryBase = baseRow(
    at,
    "Recovery base: the cost lines charged less the pass-through charges",
    QUOTE_FORMULAS.recoveryBase(linesCharged, passThroughCharged),
    quote.recoveryBase.toNumber(),
    true
  );
  at.skip();
  return {
    headerRow,
    lines: body,
    marginalCost,
    fullCost,
    linesCharged,
    recoveryBase,
    passThroughCharged,
  };
}

/**
 * A labelled figure under the cost table, its label across B to the marginal cost column (empty on
 * these rows) and its formula in the last column, level with the label's first line.
 */
function baseRow(
  at: Cursor,
  label: string,
  expression: string,
  value: number,
  bold: boolean
): string {
  across(at, text(label), 2, QUOTE_COLUMNS.marginal, { bold, wrap: true, vertical: "top" });
  const cell = absoluteAddress(
    at.sheet.setAt(at.row, LAST_COLUMN_NUMBER, formula(expression, value), {
      numberFormat: POUNDS_FORMAT,
      style: { bold, vertical: "top" },
    })
  );
  at.skip();
  return cell;
}

/** One cost line: its inputs (kind, quantity, unit, unit cost: shaded), then its cost, marginal cost and full cost as formulas. */
function lineRow(at: Cursor, line: QuoteLine, pricing: PricingAnchors): void {
  const r = at.row;
  at.sheet.row(
    r,
    1,
    [
      text(line.id),
      text(line.description),
      text(kindLabel(line)),
      num(line.quantity.toNumber()),
      text(line.unit),
      num(line.unitCost.toNumber()),
    ],
    [
      { style: TOP },
      { style: WRAPPED },
      { style: INPUT },
      { numberFormat: QUANTITY_FORMAT, style: INPUT },
      { style: INPUT },
      { numberFormat: UNIT_COST_FORMAT, style: INPUT },
    ]
  );
  const { cost, marginal, full } = QUOTE_COLUMNS;
  const { rates } = pricing;
  at.sheet.setAt(r, cost, formula(QUOTE_FORMULAS.lineCost(r), line.cost.toNumber()), MONEY);
  at.sheet.setAt(
    r,
    marginal,
    formula(QUOTE_FORMULAS.lineMarginal(r, rates.staffOnCostRate), line.marginal.toNumber()),
    MONEY
  );
  at.sheet.setAt(
    r,
    full,
    formula(QUOTE_FORMULAS.lineFull(r, rates.overheadRate), line.full.toNumber()),
    MONEY
  );
  at.fitText(line.description, QUOTE_COLUMNS.description);
  at.skip();
}
