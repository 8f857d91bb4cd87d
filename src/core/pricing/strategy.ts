import type { Partnership } from "../../document/schema";
import type { CostRecovery, PricingStrategy, RecoveryBase } from "../../document/strategy";
import { Decimal, toPence } from "../../model/decimal";
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
  readonly derivation:
    | {
        readonly kind: "derived";
        readonly pool: Decimal;
        /** The cost of capital added to the pool: capital employed x rate, to the penny. */
        readonly costOfCapital?: {
          readonly rate: Decimal;
          readonly capitalEmployed: Decimal;
          readonly charge: Decimal;
          readonly source: string;
        };
        /** The pool with its cost of capital: what the rate recovers. */
        readonly recovered: Decimal;
        readonly base: Decimal;
        readonly baseDescription: string;
      }
    | { readonly kind: "stated"; readonly source: string };
}

/** The base the recovery rates are spread over: commercial full cost plus non-commercial marginal cost. */
export function recoveryBaseTotal(base: RecoveryBase): Decimal {
  return new Decimal(base.commercialFullCost ?? 0).plus(base.nonCommercialMarginalCost ?? 0);
}

/**
 * A pool's rate: (pool + capital employed x cost of capital, to the penny) / base, rounded half away
 * from zero to 0.01%; or the rate stated with its source.
 */
export function recoveryRate(recovery: CostRecovery, base: RecoveryBase): RecoveryRate {
  if (recovery.rate !== undefined)
    return {
      rate: new Decimal(recovery.rate),
      derivation: { kind: "stated", source: recovery.source ?? "" },
    };
  const pool = new Decimal(recovery.annualPool ?? 0);
  const capital = recovery.costOfCapital;
  const costOfCapital =
    capital === undefined
      ? undefined
      : {
          rate: new Decimal(capital.rate),
          capitalEmployed: new Decimal(capital.capitalEmployed),
          charge: toPence(new Decimal(capital.capitalEmployed).times(capital.rate)),
          source: capital.source,
        };
  const recovered = pool.plus(costOfCapital?.charge ?? 0);
  const total = recoveryBaseTotal(base);
  return {
    rate: total.isZero()
      ? new Decimal(0)
      : recovered.div(total).toDecimalPlaces(DECIMAL_PLACES.rate, Decimal.ROUND_HALF_UP),
    derivation: {
      kind: "derived",
      pool,
      ...(costOfCapital === undefined ? {} : { costOfCapital }),
      recovered,
      base: total,
      baseDescription: base.description,
    },
  };
}

/** Whether the strategy's recovery rates multiply pass-through charges too. */
export function passThroughInRecoveryBase(strategy: PricingStrategy): boolean {
  return strategy.recoveryBase.passThrough === "included";
}

/** The four rates a strategy sets. */
export function strategyRates(strategy: PricingStrategy): Readonly<Record<PricingRate, Decimal>> {
  return {
    staffOnCostRate: new Decimal(strategy.staffTime.onCostRate),
    overheadRate: new Decimal(strategy.overhead.rate),
    fixedCostRecoveryRate: recoveryRate(strategy.fixedCostRecovery, strategy.recoveryBase).rate,
    capitalCostRecoveryRate: recoveryRate(strategy.capitalCostRecovery, strategy.recoveryBase).rate,
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
 * The document priced with the strategy: its four rates and its recovery base's treatment of
 * pass-through charges copied in, the strategy named, overrides cleared. Nothing else changes; the caller decides whether to keep any override.
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
      passThroughInRecoveryBase: passThroughInRecoveryBase(strategy),
      overrides: [],
    },
  };
}

/** "5.25% = (£600,000.00 + 3.5% x £3,000,000.00) / £12,000,000.00 (...), to 0.01%" or the stated rate. */
export function recoveryWorking(recovery: RecoveryRate): string {
  const { rate, derivation } = recovery;
  if (derivation.kind === "stated")
    return `${formatPercent(rate)}, as stated (${derivation.source})`;
  const { pool, costOfCapital, base, baseDescription } = derivation;
  const recovered =
    costOfCapital === undefined
      ? formatPounds(pool)
      : `(${formatPounds(pool)} + ${formatPercent(costOfCapital.rate)} cost of capital x ${formatPounds(costOfCapital.capitalEmployed)} = ${formatPounds(costOfCapital.charge)})`;
  return `${formatPercent(rate)} = ${recovered} / ${formatPounds(base)} (${baseDescription}), to 0.01%`;
}

function describeRecovery(name: string, recovery: RecoveryRate): string {
  return `${name}: ${recoveryWorking(recovery)}`;
}

function describeBase(strategy: PricingStrategy): string {
  const base = strategy.recoveryBase;
  const passThrough = passThroughInRecoveryBase(strategy)
    ? `pass-through charges included (${base.passThroughReason ?? ""})`
    : "pass-through charges excluded";
  if (base.commercialFullCost === undefined && base.nonCommercialMarginalCost === undefined)
    return `${base.description}; ${passThrough}`;
  return `${formatPounds(recoveryBaseTotal(base))} = commercial full cost ${formatPounds(new Decimal(base.commercialFullCost ?? 0))} + non-commercial marginal cost ${formatPounds(new Decimal(base.nonCommercialMarginalCost ?? 0))} (${base.description}); ${passThrough}`;
}

/** What a strategy sets, in a few lines a finance officer can check against the approved paper. */
export function describeStrategy(strategy: PricingStrategy): string[] {
  return [
    `${strategy.id} revision ${strategy.revision}: the pricing strategy of ${strategy.trust.name}, in effect from ${strategy.effectiveFrom}, approved by ${strategy.approvedBy} on ${strategy.approvedOn}`,
    `  staff on-cost rate: ${formatPercent(new Decimal(strategy.staffTime.onCostRate))} on staff time only, ${strategy.staffTime.grades.length} staff grade(s)`,
    `  overhead rate: ${formatPercent(new Decimal(strategy.overhead.rate))} on commercial use (${strategy.overhead.covers})`,
    `  recovery base: ${describeBase(strategy)}`,
    `  ${describeRecovery("fixed-cost recovery rate", recoveryRate(strategy.fixedCostRecovery, strategy.recoveryBase))}`,
    `  ${describeRecovery("capital-cost recovery rate", recoveryRate(strategy.capitalCostRecovery, strategy.recoveryBase))}`,
    `  standard items: ${strategy.standardItems.length} (${strategy.standardItems.filter((item) => item.passThrough).length} passed on at a published price)`,
  ];
}
