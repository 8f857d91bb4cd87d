import type { CostLine, Partnership, Use } from "../../document/schema";
import { Decimal, MAX_QUOTE_AMOUNT, ONE, ZERO, sumDecimals, toPence } from "../../model/decimal";
import { formatPounds } from "../../model/format";
import { invalidNumber } from "../../model/errors";
import type { CostCategory, LineKind, PricingRate } from "../../model/vocabulary";

/**
 * The quote for a partnership: the cost-recovery fee the NHS charges for access, by the CIDC guide's
 * pricing approach (chapter 5). Pure: decimal.js only, no Office, no DOM.
 *
 * The rule of the arithmetic. u = staff on-cost rate, h = overhead rate, f and k = the fixed- and
 * capital-cost recovery rates, all copied from the trust's pricing strategy into `pricing`;
 * ROUND = half away from zero to the penny, applied wherever a figure is printed on the quote:
 *
 *   each cost line     cost     = ROUND(quantity x unitCost)
 *                      marginal = ROUND(cost x (1 + u))       staff time
 *                               = cost                        non-staff: licences, compute, storage, charges
 *                      full     = ROUND(marginal x (1 + h))   everything but pass-through charges
 *                               = marginal                    pass-through: a published price passed on
 *                      amount   = full for commercial use, marginal for non-commercial use
 *   overall marginal cost    M = sum of the lines' marginal
 *   overall full cost        F = sum of the lines' full
 *   lines charged            C = F for commercial use, M for non-commercial use
 *   pass-through charged     P = sum of the pass-through lines' amounts
 *   recovery base            B = C - P when the strategy leaves pass-through charges out of the base
 *                               = C     when it includes them (every quote priced before it could say)
 *   fixed-cost recovery        = ROUND(B x f)
 *   capital-cost recovery      = ROUND(B x k)
 *   direct allocations         = as recorded, in pounds and pence (infrastructure for this partnership only)
 *   subtotal(category)         = sum of that category's amounts
 *   total                      = sum of every amount (lines, recoveries, direct allocations)
 *   vat                        = ROUND(total x vatRate)
 *   totalIncVat                = total + vat
 *
 * The documents limit decimal places (quantities 2, unit costs 4, rates 4), so every ROUND above
 * sees an exact value with at most six decimal places in pounds, and every printed figure is at most
 * MAX_QUOTE_AMOUNT: that is what lets a spreadsheet recalculating the quote sheet reproduce each
 * penny (see toPenceFormula in src/workbook/layouts/quote/quoteSheet.ts).
 *
 * This is NHSDP.CHARGE(use, marginal cost, h, f, k) with rounding at each printed step: when every line
 * is staff time and none is a pass-through, the two differ only by those roundings.
 *
 * The quote reads the use, the pricing rates and base, the costs and the VAT rate, nothing else. In particular
 * it never reads `partner.organisationType`: the price depends on how the data is used, never on who
 * the partner is (commercial principle 3), and that holds by construction.
 */

export type PricingBasis = "marginal cost" | "full cost";

/** The categories a quote totals: the three cost-line categories, then fixed and capital costs. */
export type QuoteCategory = CostCategory | "fixed" | "capital";

export const QUOTE_CATEGORIES: readonly QuoteCategory[] = [
  "services",
  "data-access-people",
  "data-access-other",
  "fixed",
  "capital",
];

export interface QuoteLine {
  readonly id: string;
  readonly category: CostCategory;
  readonly kind: LineKind;
  readonly passThrough: boolean;
  readonly description: string;
  readonly quantity: Decimal;
  readonly unit: string;
  readonly unitCost: Decimal;
  readonly staffGrade?: string;
  readonly standardItem?: string;
  /** quantity x unitCost, to the penny. */
  readonly cost: Decimal;
  /** cost with on-costs for staff time, to the penny. */
  readonly marginal: Decimal;
  /** marginal with overheads unless a pass-through, to the penny. */
  readonly full: Decimal;
  /** What the partner is charged for the line: full or marginal, by use. */
  readonly amount: Decimal;
  /**
   * The price of one unit as charged, unrounded: the unit cost with the on-cost (staff time) and, for
   * commercial use, the overhead (not on a pass-through). The partner's copy prints it beside the
   * amount; the amount, rounded at each printed step above, is what is charged.
   */
  readonly unitPrice: Decimal;
}

export interface RecoveryLine {
  readonly id: "fixed-cost-recovery" | "capital-cost-recovery";
  readonly category: "fixed" | "capital";
  readonly description: string;
  readonly rate: Decimal;
  /** The overall marginal or full cost the rate applies to. */
  readonly base: Decimal;
  /** base x rate, to the penny. */
  readonly amount: Decimal;
}

export interface AllocationLine {
  readonly id: string;
  readonly category: "capital";
  readonly description: string;
  readonly amount: Decimal;
}

export type QuoteRates = Readonly<Record<PricingRate, Decimal>>;

export interface Quote {
  readonly use: Use;
  readonly basis: PricingBasis;
  /** One sentence, citing the guide, on why this basis applies. */
  readonly basisReason: string;
  readonly rates: QuoteRates;
  /** Whether overheads are charged (commercial use only). */
  readonly overheadApplied: boolean;
  readonly lines: readonly QuoteLine[];
  /** Sum of the lines' marginal cost: the recovery base for non-commercial use. */
  readonly marginalCost: Decimal;
  /** Sum of the lines' full cost. */
  readonly fullCost: Decimal;
  /** What the cost lines are charged: full cost for commercial use, marginal cost otherwise. */
  readonly linesCharged: Decimal;
  /** Whether the recovery rates multiply the pass-through charges too. */
  readonly passThroughInRecoveryBase: boolean;
  /** The pass-through lines' amounts: out of the base unless passThroughInRecoveryBase. */
  readonly passThroughCharged: Decimal;
  /** What the fixed and capital recovery rates multiply. */
  readonly recoveryBase: Decimal;
  /** Fixed, then capital cost recovery; always both, a zero rate giving £0.00. */
  readonly recoveries: readonly RecoveryLine[];
  readonly directAllocations: readonly AllocationLine[];
  readonly subtotals: Readonly<Record<QuoteCategory, Decimal>>;
  /** Ex VAT. */
  readonly total: Decimal;
  readonly vatRate: Decimal;
  readonly vat: Decimal;
  readonly totalIncVat: Decimal;
}

export const BASIS_REASONS: Readonly<Record<Use, string>> = {
  commercial:
    'Commercial use is charged at full cost: marginal cost plus overheads, with fixed and capital costs recovered as a percentage of the overall full cost (CIDC guide, chapter 5: "Marginal cost + overhead costs = full or total cost").',
  "non-commercial":
    "Non-commercial use is charged at marginal cost, with no overhead uplift; fixed and capital costs are recovered as a percentage of the overall marginal cost (CIDC guide, chapter 5).",
};

export const RECOVERY_DESCRIPTIONS = {
  fixed: "Fixed costs: managerial staff, platform operating, buildings and utilities",
  capital: "Capital costs: building the SDE, acquiring new data, platform improvements",
} as const;

/** `what` names the figure when it is not what the partner is charged ("its full cost, ... "). */
function withinQuoteLimit(amount: Decimal, field: string, what = ""): Decimal {
  if (amount.greaterThan(MAX_QUOTE_AMOUNT)) {
    throw invalidNumber(
      field,
      `${what}comes to ${formatPounds(amount)}, above the ${formatPounds(new Decimal(MAX_QUOTE_AMOUNT))} a quote can carry; check the quantities and unit costs`
    );
  }
  return amount;
}

/** Reads a figure the schema has already checked; a negative one still throws, naming the field. */
function nonNegative(value: number, field: string): Decimal {
  const decimal = new Decimal(value);
  if (decimal.isNegative() && !decimal.isZero()) throw invalidNumber(field, "must not be negative");
  return decimal;
}

function priceLine(
  line: CostLine,
  index: number,
  rates: QuoteRates,
  commercial: boolean
): QuoteLine {
  const field = `costs.lines[${index}]`;
  const quantity = nonNegative(line.quantity, `${field}.quantity`);
  const unitCost = nonNegative(line.unitCost, `${field}.unitCost`);
  const cost = withinQuoteLimit(toPence(quantity.times(unitCost)), field);
  const marginal =
    line.kind === "staff"
      ? withinQuoteLimit(toPence(cost.times(ONE.plus(rates.staffOnCostRate))), field)
      : cost;
  const full = line.passThrough
    ? marginal
    : withinQuoteLimit(
        toPence(marginal.times(ONE.plus(rates.overheadRate))),
        field,
        commercial ? "" : "its full cost, printed beside the marginal cost it is charged at, "
      );
  return {
    id: line.id,
    category: line.category,
    kind: line.kind,
    passThrough: line.passThrough,
    description: line.description,
    quantity,
    unit: line.unit,
    unitCost,
    ...(line.staffGrade === undefined ? {} : { staffGrade: line.staffGrade }),
    ...(line.standardItem === undefined ? {} : { standardItem: line.standardItem }),
    cost,
    marginal,
    full,
    amount: commercial ? full : marginal,
    unitPrice: unitCost
      .times(line.kind === "staff" ? ONE.plus(rates.staffOnCostRate) : ONE)
      .times(commercial && !line.passThrough ? ONE.plus(rates.overheadRate) : ONE),
  };
}

/**
 * Prices a partnership. The document should have passed `parsePartnership`; a negative figure or an
 * amount above the quote limit still throws an InputError naming the field (`costs.lines[2]`).
 */
export function priceQuote(doc: Partnership): Quote {
  // Only these fields of the document are read.
  const { use, pricing, costs, vatRate: vatRateInput } = doc;

  const rates: QuoteRates = {
    staffOnCostRate: nonNegative(pricing.staffOnCostRate, "pricing.staffOnCostRate"),
    overheadRate: nonNegative(pricing.overheadRate, "pricing.overheadRate"),
    fixedCostRecoveryRate: nonNegative(
      pricing.fixedCostRecoveryRate,
      "pricing.fixedCostRecoveryRate"
    ),
    capitalCostRecoveryRate: nonNegative(
      pricing.capitalCostRecoveryRate,
      "pricing.capitalCostRecoveryRate"
    ),
  };
  const vatRate = nonNegative(vatRateInput, "vatRate");
  const commercial = use === "commercial";

  const lines = costs.lines.map((line, index) => priceLine(line, index, rates, commercial));
  const marginalCost = withinQuoteLimit(sumDecimals(lines.map((line) => line.marginal)), "costs");
  const fullCost = withinQuoteLimit(sumDecimals(lines.map((line) => line.full)), "costs");
  const linesCharged = commercial ? fullCost : marginalCost;
  const passThroughCharged = sumDecimals(
    lines.filter((line) => line.passThrough).map((line) => line.amount)
  );
  const passThroughInRecoveryBase = pricing.passThroughInRecoveryBase;
  const recoveryBase = passThroughInRecoveryBase
    ? linesCharged
    : linesCharged.minus(passThroughCharged);

  const recovery = (
    id: RecoveryLine["id"],
    category: RecoveryLine["category"],
    rate: Decimal,
    field: string
  ): RecoveryLine => ({
    id,
    category,
    description: RECOVERY_DESCRIPTIONS[category],
    rate,
    base: recoveryBase,
    amount: withinQuoteLimit(toPence(recoveryBase.times(rate)), field),
  });
  const recoveries = [
    recovery(
      "fixed-cost-recovery",
      "fixed",
      rates.fixedCostRecoveryRate,
      "pricing.fixedCostRecoveryRate"
    ),
    recovery(
      "capital-cost-recovery",
      "capital",
      rates.capitalCostRecoveryRate,
      "pricing.capitalCostRecoveryRate"
    ),
  ];
  const directAllocations: AllocationLine[] = costs.directAllocations.map((allocation, index) => ({
    id: allocation.id,
    category: "capital",
    description: allocation.description,
    amount: withinQuoteLimit(
      nonNegative(allocation.amount, `costs.directAllocations[${index}].amount`),
      `costs.directAllocations[${index}]`
    ),
  }));

  const subtotals: Record<QuoteCategory, Decimal> = {
    services: ZERO,
    "data-access-people": ZERO,
    "data-access-other": ZERO,
    fixed: ZERO,
    capital: ZERO,
  };
  const charged = [...lines, ...recoveries, ...directAllocations];
  for (const line of charged) subtotals[line.category] = subtotals[line.category].plus(line.amount);

  const total = withinQuoteLimit(sumDecimals(charged.map((line) => line.amount)), "costs");
  const vat = toPence(total.times(vatRate));
  withinQuoteLimit(total.plus(vat), "vatRate", "its total including VAT ");

  return {
    use,
    basis: commercial ? "full cost" : "marginal cost",
    basisReason: BASIS_REASONS[use],
    rates,
    overheadApplied: commercial,
    lines,
    marginalCost,
    fullCost,
    linesCharged,
    passThroughInRecoveryBase,
    passThroughCharged,
    recoveryBase,
    recoveries,
    directAllocations,
    subtotals,
    total,
    vatRate,
    vat,
    totalIncVat: total.plus(vat),
  };
}
