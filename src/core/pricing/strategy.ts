import type { Partnership } from "../../document/schema";
import type { CostRecovery, PricingStrategy } from "../../document/strategy";
import { Decimal } from "../../model/decimal";
import { formatPercent, formatPounds } from "../../model/format";
import { PRICING_RATES, DECIMAL_PLACES, type PricingRate } from "../../model/vocabulary";

/**
 * The trust's pricing strategy as rates a quote uses. Pure: decimal.js only.
 *
 * A recovery rate derived from a pool is pool / base rounded half away from zero to 0.01% (four
 * decimal places), the precision every rate in a quote has; a rate typed directly is used as it is.
 */

/** How a strategy's recovery rate was arrived at, for the sheet and for messages. */
export interface RecoveryRate {
  readonly rate: Decimal;
  /** "£1,250,000.00 / £50,000,000.00" when derived, or the stated source when typed. */
  readonly derivation:
    | {
        readonly kind: "derived";
        readonly pool: Decimal;
        readonly base: Decimal;
        readonly baseDescription: string;
      }
    | { readonly kind: "stated"; readonly source: string };
}

export function recoveryRate(recovery: CostRecovery): RecoveryRate {
  if (recovery.rate !== undefined)
    return {
      rate: new Decimal(recovery.rate),
      derivation: { kind: "stated", source: recovery.source ?? "" },
    };
  const pool = new Decimal(recovery.annualPool ?? 0);
  const base = new Decimal(recovery.annualBase ?? 0);
  return {
    rate: base.isZero()
      ? new Decimal(0)
      : pool.div(base).toDecimalPlaces(DECIMAL_PLACES.rate, Decimal.ROUND_HALF_UP),
    derivation: { kind: "derived", pool, base, baseDescription: recovery.baseDescription ?? "" },
  };
}

/** The four rates a strategy sets. */
export function strategyRates(strategy: PricingStrategy): Readonly<Record<PricingRate, Decimal>> {
  return {
    staffOnCostRate: new Decimal(strategy.staffTime.onCostRate),
    overheadRate: new Decimal(strategy.overhead.rate),
    fixedCostRecoveryRate: recoveryRate(strategy.fixedCostRecovery).rate,
    capitalCostRecoveryRate: recoveryRate(strategy.capitalCostRecovery).rate,
  };
}

export const RATE_LABELS: Readonly<Record<PricingRate, string>> = {
  staffOnCostRate: "staff on-cost rate",
  overheadRate: "overhead rate",
  fixedCostRecoveryRate: "fixed-cost recovery rate",
  capitalCostRecoveryRate: "capital-cost recovery rate",
};

/** A rate of the quote that is not the strategy's. */
export interface RateDifference {
  readonly rate: PricingRate;
  readonly quoteValue: Decimal;
  readonly strategyValue: Decimal;
  /** The reason recorded in the quote's overrides, when there is one. */
  readonly reason?: string;
}

/** Each rate of the document that differs from the strategy's, with the override reason if recorded. */
export function rateDifferences(doc: Partnership, strategy: PricingStrategy): RateDifference[] {
  const rates = strategyRates(strategy);
  const differences: RateDifference[] = [];
  for (const rate of PRICING_RATES) {
    const quoteValue = new Decimal(doc.pricing[rate]);
    const strategyValue = rates[rate];
    if (quoteValue.equals(strategyValue)) continue;
    const override = doc.pricing.overrides.find((candidate) => candidate.rate === rate);
    differences.push({
      rate,
      quoteValue,
      strategyValue,
      ...(override === undefined ? {} : { reason: override.reason }),
    });
  }
  return differences;
}

/**
 * The document priced with the strategy: its four rates copied in, the strategy named, overrides
 * cleared. Nothing else changes; the caller decides whether to keep any override.
 */
export function withStrategyRates(doc: Partnership, strategy: PricingStrategy): Partnership {
  const rates = strategyRates(strategy);
  return {
    ...doc,
    pricing: {
      strategy: { id: strategy.id, revision: strategy.revision },
      staffOnCostRate: rates.staffOnCostRate.toNumber(),
      overheadRate: rates.overheadRate.toNumber(),
      fixedCostRecoveryRate: rates.fixedCostRecoveryRate.toNumber(),
      capitalCostRecoveryRate: rates.capitalCostRecoveryRate.toNumber(),
      overrides: [],
    },
  };
}

function describeRecovery(name: string, recovery: RecoveryRate): string {
  const { rate, derivation } = recovery;
  return derivation.kind === "derived"
    ? `${name}: ${formatPercent(rate)} = ${formatPounds(derivation.pool)} / ${formatPounds(derivation.base)} (${derivation.baseDescription}), to 0.01%`
    : `${name}: ${formatPercent(rate)}, as stated (${derivation.source})`;
}

/** What a strategy sets, in a few lines a finance officer can check against the approved paper. */
export function describeStrategy(strategy: PricingStrategy): string[] {
  return [
    `${strategy.id} revision ${strategy.revision}: the pricing strategy of ${strategy.trust.name}, in effect from ${strategy.effectiveFrom}, approved by ${strategy.approvedBy} on ${strategy.approvedOn}`,
    `  staff on-cost rate: ${formatPercent(new Decimal(strategy.staffTime.onCostRate))} on staff time only, ${strategy.staffTime.grades.length} staff grade(s)`,
    `  overhead rate: ${formatPercent(new Decimal(strategy.overhead.rate))} on commercial use (${strategy.overhead.covers})`,
    `  ${describeRecovery("fixed-cost recovery rate", recoveryRate(strategy.fixedCostRecovery))}`,
    `  ${describeRecovery("capital-cost recovery rate", recoveryRate(strategy.capitalCostRecovery))}`,
    `  standard items: ${strategy.standardItems.length} (${strategy.standardItems.filter((item) => item.passThrough).length} passed on at a published price)`,
  ];
}
