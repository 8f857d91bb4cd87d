/**
 * The strategy review as JSON numbers: pounds with two decimals, rates as decimals (0.1578 = 15.78%),
 * null where the review has no figure (a stated rate has no pool; nothing realised gives no rate).
 */
import type { PoolReview, StrategyReview } from "../core/pricing/strategyReview";
import type { Decimal } from "../model/decimal";

const pounds = (value: Decimal): number => Number(value.toFixed(2));
const orNull = <T>(value: Decimal | null, as: (value: Decimal) => T): T | null =>
  value === null ? null : as(value);
const rate = (value: Decimal): number => value.toNumber();

function poolFigures(pool: PoolReview) {
  return {
    basis: pool.basis,
    rate: rate(pool.rate),
    annualPool: orNull(pool.annualPool, pounds),
    costOfCapital: pounds(pool.costOfCapital),
    poolAmount: orNull(pool.poolAmount, pounds),
    byStage: Object.fromEntries(
      Object.entries(pool.byStage).map(([stage, value]) => [stage, pounds(value)])
    ),
    byUse: {
      commercial: pounds(pool.byUse.commercial),
      nonCommercial: pounds(pool.byUse["non-commercial"]),
    },
    recovered: pounds(pool.recovered),
    overUnder: orNull(pool.overUnder, pounds),
    nextRate: orNull(pool.nextRate, rate),
    ...(pool.note === undefined ? {} : { note: pool.note }),
  };
}

export function reviewFigures(review: StrategyReview) {
  const [fixed, capital] = review.pools as [PoolReview, PoolReview];
  const { base } = review;
  return {
    strategy: review.strategy,
    year: review.year,
    asOf: review.asOf,
    quotes: review.quotes.map((quote) => ({
      reference: quote.reference,
      partner: quote.partner,
      use: quote.use,
      stage: quote.stage,
      date: quote.date,
      revision: quote.revision,
      linesCharged: pounds(quote.linesCharged),
      passThroughCharged: pounds(quote.passThroughCharged),
      recoveryBase: pounds(quote.recoveryBase),
      fixedRecovered: pounds(quote.fixedRecovered),
      capitalRecovered: pounds(quote.capitalRecovered),
    })),
    pools: { fixed: poolFigures(fixed), capital: poolFigures(capital) },
    recoveryBase: {
      forecast: {
        commercialFullCost: pounds(base.forecastCommercialFullCost),
        nonCommercialMarginalCost: pounds(base.forecastNonCommercialMarginalCost),
        total: pounds(base.forecast),
      },
      realised: {
        commercialFullCost: pounds(base.realisedCommercialFullCost),
        nonCommercialMarginalCost: pounds(base.realisedNonCommercialMarginalCost),
        total: pounds(base.realised),
      },
      difference: pounds(base.difference),
      ...(base.shortfallNote === undefined ? {} : { shortfallNote: base.shortfallNote }),
    },
    passThrough: {
      inRecoveryBase: review.passThroughInBase,
      charged: pounds(review.passThrough.charged),
      linesCharged: pounds(review.passThrough.linesCharged),
      share: orNull(review.passThrough.share, rate),
    },
    exceptions: review.exceptions,
    overdueReviews: review.overdueReviews,
    outsideYear: review.outsideYear,
    otherStrategy: review.otherStrategy,
  };
}
