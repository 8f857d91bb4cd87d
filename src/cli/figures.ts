import type { Quote } from "../core/quote";
import { QUOTE_CATEGORIES } from "../core/quote";

/**
 * The quote's figures as plain JSON for scripts and audits. Money is in pounds as JSON numbers with at
 * most two decimal places (each is already rounded to the penny in the core, so the number prints back
 * exactly); rates are decimals.
 */
export interface QuoteFigures {
  reference: string;
  use: string;
  basis: string;
  total: number;
  vat: number;
  totalIncVat: number;
  vatRate: number;
  subtotals: Record<string, number>;
  lines: {
    id: string;
    category: string;
    description: string;
    quantity: number;
    unit: string;
    unitCost: number;
    amount: number;
  }[];
}

export function quoteFigures(reference: string, quote: Quote): QuoteFigures {
  const pool = quote.poolLines.map((line) => ({
    id: line.id,
    category: line.category,
    description: line.description,
    quantity: line.share.toNumber(),
    unit: "share of pool",
    unitCost: line.pool.toNumber(),
    amount: line.amount.toNumber(),
  }));
  return {
    reference,
    use: quote.use,
    basis: quote.basis,
    total: quote.total.toNumber(),
    vat: quote.vat.toNumber(),
    totalIncVat: quote.totalIncVat.toNumber(),
    vatRate: quote.vatRate.toNumber(),
    subtotals: Object.fromEntries(
      QUOTE_CATEGORIES.map((category) => [category, quote.subtotals[category].toNumber()])
    ),
    lines: [
      ...quote.lines.map((line) => ({
        id: line.id,
        category: line.category,
        description: line.description,
        quantity: line.quantity.toNumber(),
        unit: line.unit,
        unitCost: line.unitCost.toNumber(),
        amount: line.amount.toNumber(),
      })),
      ...pool,
    ],
  };
}
