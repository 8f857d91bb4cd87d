import type { PriceChange } from "../core/pricing/priceChange";
import type { Quote } from "../core/pricing/quote";
import { QUOTE_CATEGORIES } from "../core/pricing/quote";
import { PRICING_RATES } from "../model/vocabulary";
import { documentTermValues } from "../core/scenarios";
import { counterpartyFigures, discountFigures, priceBasisFigures } from "./scenarioFigures";
import type { Partnership } from "../document/schema";

/**
 * The quote's figures as plain JSON for scripts and audits. Money is in pounds as JSON numbers with at
 * most two decimal places (each is already rounded to the penny in the core, so the number prints back
 * exactly); rates are decimals.
 */
export interface QuoteFigures {
  reference: string;
  use: string;
  basis: string;
  stage: string;
  strategy: { id: string; revision: number } | null;
  rates: Record<string, number>;
  marginalCost: number;
  fullCost: number;
  /** Full cost for commercial use, marginal cost otherwise. */
  linesCharged: number;
  /** Whether the recovery rates multiply the pass-through charges too. */
  passThroughInRecoveryBase: boolean;
  passThroughCharged: number;
  /** What the fixed and capital recovery rates multiply. */
  recoveryBase: number;
  total: number;
  vat: number;
  totalIncVat: number;
  vatRate: number;
  subtotals: Record<string, number>;
  lines: {
    id: string;
    category: string;
    kind: string;
    passThrough: boolean;
    description: string;
    quantity: number;
    unit: string;
    unitCost: number;
    cost: number;
    marginal: number;
    full: number;
    amount: number;
  }[];
  recoveries: { id: string; category: string; rate: number; base: number; amount: number }[];
  directAllocations: { id: string; description: string; amount: number }[];
  /** The present value of each of the document's own value-sharing terms (valuations, not prices: unrounded). */
  valueSharing?: ValueSharingFigures;
  /** Present when the document was a version-1 document: how its price changed on reading it as version 2. */
  upgrade?: {
    fromVersion: number;
    before: { total: number; vat: number; totalIncVat: number };
    change: number;
    items: { id: string; before: number; after: number; change: number; reason: string }[];
  };
}

export function quoteFigures(
  reference: string,
  stage: string,
  strategy: { id: string; revision: number } | undefined,
  quote: Quote,
  upgrade?: PriceChange,
  valueSharing?: ValueSharingFigures
): QuoteFigures {
  return {
    reference,
    use: quote.use,
    basis: quote.basis,
    stage,
    strategy: strategy ?? null,
    rates: Object.fromEntries(PRICING_RATES.map((rate) => [rate, quote.rates[rate].toNumber()])),
    marginalCost: quote.marginalCost.toNumber(),
    fullCost: quote.fullCost.toNumber(),
    linesCharged: quote.linesCharged.toNumber(),
    passThroughInRecoveryBase: quote.passThroughInRecoveryBase,
    passThroughCharged: quote.passThroughCharged.toNumber(),
    recoveryBase: quote.recoveryBase.toNumber(),
    total: quote.total.toNumber(),
    vat: quote.vat.toNumber(),
    totalIncVat: quote.totalIncVat.toNumber(),
    vatRate: quote.vatRate.toNumber(),
    subtotals: Object.fromEntries(
      QUOTE_CATEGORIES.map((category) => [category, quote.subtotals[category].toNumber()])
    ),
    lines: quote.lines.map((line) => ({
      id: line.id,
      category: line.category,
      kind: line.kind,
      passThrough: line.passThrough,
      description: line.description,
      quantity: line.quantity.toNumber(),
      unit: line.unit,
      unitCost: line.unitCost.toNumber(),
      cost: line.cost.toNumber(),
      marginal: line.marginal.toNumber(),
      full: line.full.toNumber(),
      amount: line.amount.toNumber(),
    })),
    recoveries: quote.recoveries.map((line) => ({
      id: line.id,
      category: line.category,
      rate: line.rate.toNumber(),
      base: line.base.toNumber(),
      amount: line.amount.toNumber(),
    })),
    directAllocations: quote.directAllocations.map((line) => ({
      id: line.id,
      description: line.description,
      amount: line.amount.toNumber(),
    })),
    ...(valueSharing === undefined ? {} : { valueSharing }),
    ...(upgrade === undefined ? {} : { upgrade: upgradeFigures(upgrade) }),
  };
}

export interface ValueSharingFigures {
  /** The scenarios block's discount rate, or the Green Book schedule when the document has none. */
  discount: { kind: string; rate?: number };
  priceBasis: ReturnType<typeof priceBasisFigures>;
  /** The partner's risk of not paying, which weights every term but a royalty. */
  counterparty: ReturnType<typeof counterpartyFigures>;
  terms: (
    | { id: string; mechanism: string; presentValue: number; riskAdjustedPresentValue: number }
    | {
        id: string;
        mechanism: string;
        presentValue: null;
        riskAdjustedPresentValue: null;
        reason: string;
      }
  )[];
  /** The sum of the terms' risk-adjusted present values; null when a term cannot be valued. */
  totalRiskAdjustedPresentValue: number | null;
}

/** What the document's own value-sharing terms are worth to the NHS today, each on its own. */
export function valueSharingFigures(doc: Partnership): ValueSharingFigures {
  const { discount, counterparty, terms } = documentTermValues(doc);
  let total = 0;
  let complete = true;
  const figures = terms.map((term) => {
    if ("reason" in term) {
      complete = false;
      return {
        id: term.id,
        mechanism: term.kind,
        presentValue: null,
        riskAdjustedPresentValue: null,
        reason: term.reason,
      };
    }
    const riskAdjusted = term.riskAdjustedPresentValue.toNumber();
    total += riskAdjusted;
    return {
      id: term.id,
      mechanism: term.kind,
      presentValue: term.presentValue.toNumber(),
      riskAdjustedPresentValue: riskAdjusted,
    };
  });
  return {
    discount: discountFigures(discount),
    priceBasis: priceBasisFigures(discount),
    counterparty: counterpartyFigures(counterparty),
    terms: figures,
    totalRiskAdjustedPresentValue: complete ? total : null,
  };
}

/** How an older document's price changed on reading it, as plain JSON. */
export function upgradeFigures(upgrade: PriceChange): NonNullable<QuoteFigures["upgrade"]> {
  return {
    fromVersion: upgrade.fromVersion,
    before: {
      total: upgrade.before.total.toNumber(),
      vat: upgrade.before.vat.toNumber(),
      totalIncVat: upgrade.before.totalIncVat.toNumber(),
    },
    change: upgrade.change.toNumber(),
    items: upgrade.items.map((item) => ({
      id: item.id,
      before: item.before.toNumber(),
      after: item.after.toNumber(),
      change: item.change.toNumber(),
      reason: item.reason,
    })),
  };
}
