import type { CostCategory, Partnership, Use } from "../document/schema";
import { decimalArithmetic } from "./arithmetic";
import {
  Decimal,
  MAX_QUOTE_AMOUNT,
  ONE,
  ZERO,
  formatPounds,
  sumDecimals,
  toQuotedPence,
} from "./decimal";
import { invalidNumber } from "./errors";
import { requireFraction, requireNonNegative } from "./validate";

/**
 * The quote for a partnership: the cost-recovery fee the NHS charges for access, by the CIDC guide's
 * pricing approach (chapter 5). Pure: decimal.js only, no Office, no DOM.
 *
 * The rule of the arithmetic (u = on-cost rate, h = overhead rate, ROUND = half away from zero to the penny,
 * via a millionth of a penny so the sheet's formula reproduces it in every engine: see toQuotedPence):
 *
 *   each cost line     amount  = ROUND(quantity x unitCost x (1 + u) x (1 + h))   commercial use (full cost)
 *                      amount  = ROUND(quantity x unitCost x (1 + u))             non-commercial use (marginal cost)
 *   fixed costs        fixed   = ROUND(fixedCosts.pool x fixedCosts.share)
 *   capital costs      capital = ROUND(capitalCosts.pool x capitalCosts.share)
 *   subtotal(category) = sum of that category's rounded amounts
 *   total              = sum of every rounded amount (lines, fixed, capital)
 *   vat                = ROUND(total x vatRate)
 *   totalIncVat        = total + vat
 *
 * This is NHSDP.CHARGE (src/core/costs.ts) with per-line rounding:
 *   CHARGE(use, MARGINALCOST(quantities, unitCosts, u), h, fixed pool, fixed share, capital pool, capital share)
 * is  sum(quantity x unitCost) x (1 + u) x (1 + h) + pools' shares  for commercial use, and the same without
 * (1 + h) for non-commercial use, rounded once. Multiplication distributes over the sum, so the two differ only
 * by the rounding of each line: by at most half a penny per rounded line (the test suite checks this).
 *
 * No line, pool share or total may exceed MAX_QUOTE_AMOUNT; a larger figure is an input mistake.
 *
 * The quote reads the use, the costs and the VAT rate, nothing else. In particular it never reads
 * `partner.organisationType`: the price depends on how the data is used, never on who the partner is
 * (commercial principle 3), and that holds by construction.
 */

export type PricingBasis = "marginal cost" | "full cost";

/** The categories a quote totals: the document's three cost-line categories and the two shared pools. */
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
  readonly description: string;
  readonly quantity: Decimal;
  readonly unit: string;
  readonly unitCost: Decimal;
  /** quantity x unitCost x the line uplift, rounded to the penny. */
  readonly amount: Decimal;
}

export interface PoolLine {
  readonly id: "fixed-costs" | "capital-costs";
  readonly category: "fixed" | "capital";
  readonly description: string;
  readonly pool: Decimal;
  readonly share: Decimal;
  /** pool x share, rounded to the penny. */
  readonly amount: Decimal;
}

export interface Quote {
  readonly use: Use;
  readonly basis: PricingBasis;
  /** One sentence, citing the guide, on why this basis applies. */
  readonly basisReason: string;
  readonly onCostRate: Decimal;
  /** The overhead rate in the document. */
  readonly overheadRate: Decimal;
  /** Whether the overhead rate was applied (commercial use only). */
  readonly overheadApplied: boolean;
  /** What every cost line's quantity x unitCost is multiplied by: (1 + u) x (1 + h), or (1 + u). */
  readonly lineUplift: Decimal;
  readonly lines: readonly QuoteLine[];
  /** Fixed, then capital cost recovery; always both, a zero pool giving £0.00. */
  readonly poolLines: readonly PoolLine[];
  readonly subtotals: Readonly<Record<QuoteCategory, Decimal>>;
  /** Ex VAT. */
  readonly total: Decimal;
  readonly vatRate: Decimal;
  readonly vat: Decimal;
  readonly totalIncVat: Decimal;
}

const D = decimalArithmetic;

export const BASIS_REASONS: Readonly<Record<Use, string>> = {
  commercial:
    'Commercial use is charged at full cost, marginal cost plus overheads with fixed and capital costs recovered as a share, as the CIDC guide\'s pricing approach sets out (chapter 5: "Marginal cost + overhead costs = full or total cost").',
  "non-commercial":
    "Non-commercial use is charged at marginal cost with no overhead uplift, fixed and capital costs recovered as a share on a marginal-cost basis, as the CIDC guide's pricing approach sets out (chapter 5).",
};

function decimal(value: number): Decimal {
  return new Decimal(value);
}

function withinQuoteLimit(amount: Decimal, field: string): Decimal {
  if (amount.greaterThan(MAX_QUOTE_AMOUNT)) {
    throw invalidNumber(
      field,
      `comes to ${formatPounds(amount)}, above the ${formatPounds(new Decimal(MAX_QUOTE_AMOUNT))} a quote can carry; check the quantities and unit costs`
    );
  }
  return amount;
}

/**
 * Prices a partnership. The document should have passed `parsePartnership`; a negative amount or a
 * share outside 0..1 still throws an InputError naming the field (`costs.lines[2].unitCost`).
 */
export function priceQuote(doc: Partnership): Quote {
  // Only these fields of the document are read.
  const { use, costs, vatRate: vatRateInput } = doc;

  const onCostRate = requireNonNegative(D, decimal(costs.onCostRate ?? 0), "costs.onCostRate");
  const overheadRate = requireNonNegative(D, decimal(costs.overheadRate), "costs.overheadRate");
  const vatRate = requireFraction(D, decimal(vatRateInput), "vatRate");
  const overheadApplied = use === "commercial";
  const lineUplift = ONE.plus(onCostRate).times(overheadApplied ? ONE.plus(overheadRate) : ONE);

  const lines: QuoteLine[] = costs.lines.map((line, index) => {
    const quantity = requireNonNegative(
      D,
      decimal(line.quantity),
      `costs.lines[${index}].quantity`
    );
    const unitCost = requireNonNegative(
      D,
      decimal(line.unitCost),
      `costs.lines[${index}].unitCost`
    );
    return {
      id: line.id,
      category: line.category,
      description: line.description,
      quantity,
      unit: line.unit,
      unitCost,
      amount: withinQuoteLimit(
        toQuotedPence(quantity.times(unitCost).times(lineUplift)),
        `costs.lines[${index}]`
      ),
    };
  });

  const pool = (key: "fixedCosts" | "capitalCosts"): { pool: Decimal; share: Decimal } => ({
    pool: requireNonNegative(D, decimal(costs[key].pool), `costs.${key}.pool`),
    share: requireFraction(D, decimal(costs[key].share), `costs.${key}.share`),
  });
  const fixed = pool("fixedCosts");
  const capital = pool("capitalCosts");
  const poolLines: PoolLine[] = [
    {
      id: "fixed-costs",
      category: "fixed",
      description:
        "Share of fixed costs: managerial staff, platform operating, buildings and utilities",
      ...fixed,
      amount: withinQuoteLimit(toQuotedPence(fixed.pool.times(fixed.share)), "costs.fixedCosts"),
    },
    {
      id: "capital-costs",
      category: "capital",
      description:
        "Share of capital costs: building the SDE, acquiring new data, platform improvements",
      ...capital,
      amount: withinQuoteLimit(
        toQuotedPence(capital.pool.times(capital.share)),
        "costs.capitalCosts"
      ),
    },
  ];

  const subtotals: Record<QuoteCategory, Decimal> = {
    services: ZERO,
    "data-access-people": ZERO,
    "data-access-other": ZERO,
    fixed: ZERO,
    capital: ZERO,
  };
  for (const line of [...lines, ...poolLines])
    subtotals[line.category] = subtotals[line.category].plus(line.amount);

  const total = withinQuoteLimit(
    sumDecimals([...lines, ...poolLines].map((line) => line.amount)),
    "costs"
  );
  const vat = toQuotedPence(total.times(vatRate));

  return {
    use,
    basis: overheadApplied ? "full cost" : "marginal cost",
    basisReason: BASIS_REASONS[use],
    onCostRate,
    overheadRate,
    overheadApplied,
    lineUplift,
    lines,
    poolLines,
    subtotals,
    total,
    vatRate,
    vat,
    totalIncVat: total.plus(vat),
  };
}

export { formatPounds } from "./decimal";
