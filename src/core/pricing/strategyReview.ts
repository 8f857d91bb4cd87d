import type { Partnership } from "../../document/schema";
import type { PricingStrategy } from "../../document/strategy";
import { Decimal, ZERO, sumDecimals } from "../../model/decimal";
import { invalidValue } from "../../model/errors";
import { formatPercent } from "../../model/format";
import { DECIMAL_PLACES, type DataUse, type QuoteStage } from "../../model/vocabulary";
import { priceQuote } from "./quote";
import { recoveryBaseTotal, recoveryRate } from "./strategy";

/**
 * The review of a pricing strategy after its year (CIDC guide, chapter 6, "Evaluation and review of
 * strategy": evaluate the strategy against its objectives, and revise it as costs and demand change).
 * Pure: decimal.js only, no I/O.
 *
 * For the partnerships whose quote is dated in the financial year (1 April to 31 March) and that name
 * the strategy's id:
 *
 *   recovered(pool, stage)  = sum of the quotes' recovery amounts for that pool, by stage
 *   recovered(pool)         = recovered(accepted) + recovered(issued): what the year has realised;
 *                             drafts are shown beside it, declined and withdrawn quotes apart, neither
 *                             in the total
 *   pool amount             = annualPool + ROUND(capital employed x cost of capital) (capital only);
 *                             none for a rate stated directly: there is nothing to recover against
 *   over (under) recovery   = recovered(pool) - pool amount
 *   realised base           = sum of quote.recoveryBase, accepted and issued, split by use:
 *                             commercial (full cost) and non-commercial (marginal cost), against the
 *                             strategy's forecast commercialFullCost and nonCommercialMarginalCost
 *   pass-through share      = sum of passThroughCharged / sum of linesCharged, accepted and issued,
 *                             to 0.01% (4 decimal places)
 *   next revision's rate    = pool amount / realised base, half away from zero to 0.01%: the rate that
 *                             would have recovered the pool from the year's realised work
 *
 * Money is exact to the penny: every term is a quote's printed figure, summed.
 */

const REVIEW_STAGES = ["accepted", "issued", "draft", "declined", "withdrawn"] as const;
/** The stages whose recoveries count as realised. */
const REALISED_STAGES: readonly QuoteStage[] = ["accepted", "issued"];

export type PoolId = "fixed" | "capital";
const POOL_IDS: readonly PoolId[] = ["fixed", "capital"];

export interface FinancialYear {
  /** "2025/26" */
  readonly label: string;
  /** "2025-04-01" */
  readonly start: string;
  /** "2026-03-31" */
  readonly end: string;
}

/** One partnership of the year, as the review's table shows it. */
export interface ReviewedQuote {
  readonly reference: string;
  readonly partner: string;
  readonly use: DataUse;
  readonly stage: QuoteStage;
  readonly date: string;
  readonly revision: number;
  readonly linesCharged: Decimal;
  readonly passThroughCharged: Decimal;
  readonly recoveryBase: Decimal;
  readonly fixedRecovered: Decimal;
  readonly capitalRecovered: Decimal;
}

export interface PoolReview {
  readonly pool: PoolId;
  /** What the strategy recovers: a pool (with its cost of capital), or a stated rate. */
  readonly basis: "pool" | "stated rate";
  /** The strategy's rate for the pool. */
  readonly rate: Decimal;
  /** annualPool, before any cost of capital; null for a stated rate. */
  readonly annualPool: Decimal | null;
  /** The cost-of-capital charge added to the pool, to the penny; zero when there is none. */
  readonly costOfCapital: Decimal;
  /** annualPool + cost of capital; null for a stated rate, which has no pool to recover against. */
  readonly poolAmount: Decimal | null;
  /** Recovered by stage. */
  readonly byStage: Readonly<Record<QuoteStage, Decimal>>;
  /** Recovered by use, accepted and issued only. */
  readonly byUse: Readonly<Record<DataUse, Decimal>>;
  /** Accepted plus issued. */
  readonly recovered: Decimal;
  /** recovered - poolAmount: positive over-recovered, negative under-recovered; null without a pool. */
  readonly overUnder: Decimal | null;
  /** poolAmount / realised base to 0.01%; null without a pool or without a realised base. */
  readonly nextRate: Decimal | null;
  /** Why there is no next rate, when there is none. */
  readonly note?: string;
}

export interface BaseReview {
  readonly forecastCommercialFullCost: Decimal;
  readonly forecastNonCommercialMarginalCost: Decimal;
  readonly forecast: Decimal;
  readonly realisedCommercialFullCost: Decimal;
  readonly realisedNonCommercialMarginalCost: Decimal;
  readonly realised: Decimal;
  /** realised - forecast. */
  readonly difference: Decimal;
  /**
   * Said when the realised base falls well short of the forecast: the next rates are then more likely
   * to reflect a register missing partnerships than the year's work.
   */
  readonly shortfallNote?: string;
}

export interface QuoteException {
  readonly reference: string;
  readonly reason: "older revision" | "before effectiveFrom" | "after reviewBy";
  readonly message: string;
}

export interface OverdueReview {
  readonly reference: string;
  readonly reviewDate: string;
}

export interface StrategyReview {
  readonly strategy: { readonly id: string; readonly revision: number; readonly trust: string };
  readonly year: FinancialYear;
  readonly asOf: string;
  readonly quotes: readonly ReviewedQuote[];
  /** References of the documents given that name another strategy, or none. */
  readonly otherStrategy: readonly string[];
  /** References naming this strategy but dated outside the year. */
  readonly outsideYear: readonly string[];
  readonly pools: readonly PoolReview[];
  readonly base: BaseReview;
  /** Whether the strategy's recovery base includes pass-through charges. */
  readonly passThroughInBase: boolean;
  readonly passThrough: {
    readonly charged: Decimal;
    readonly linesCharged: Decimal;
    /** charged / linesCharged to 0.01%; null when nothing was charged. */
    readonly share: Decimal | null;
  };
  readonly exceptions: readonly QuoteException[];
  readonly overdueReviews: readonly OverdueReview[];
}

export interface ReviewOptions {
  /** "2025/26": 1 April 2025 to 31 March 2026. Default: the year containing strategy.effectiveFrom. */
  readonly year?: string;
  /** The day the review is made (YYYY-MM-DD): a partnership whose reviewDate is before it is overdue. */
  readonly asOf: string;
}

/** "2025/26" as its first and last day; throws an InputError naming `year` when it is not one. */
export function financialYear(label: string): FinancialYear {
  const match = /^(\d{4})\/(\d{2})$/.exec(label.trim());
  const first = match === null ? NaN : Number(match[1]);
  if (match === null || Number(match[2]) !== (first + 1) % 100)
    throw invalidValue(
      `--year ${label}`,
      "must be a financial year written like 2025/26 (1 April 2025 to 31 March 2026)"
    );
  return { label: label.trim(), start: `${first}-04-01`, end: `${first + 1}-03-31` };
}

/** The financial year a day falls in. */
export function yearContaining(iso: string): FinancialYear {
  const year = Number(iso.slice(0, 4));
  const first = iso.slice(5) >= "04-01" ? year : year - 1;
  return financialYear(`${first}/${String((first + 1) % 100).padStart(2, "0")}`);
}

const toRate = (value: Decimal): Decimal =>
  value.toDecimalPlaces(DECIMAL_PLACES.rate, Decimal.ROUND_HALF_UP);

const realised = (quote: ReviewedQuote): boolean => REALISED_STAGES.includes(quote.stage);

function reviewedQuote(doc: Partnership): ReviewedQuote {
  const quote = priceQuote(doc);
  const amount = (category: PoolId) =>
    quote.recoveries.find((line) => line.category === category)?.amount ?? ZERO;
  return {
    reference: doc.reference,
    partner: doc.partner.name,
    use: doc.use,
    stage: doc.quote.stage,
    date: doc.quote.date,
    revision: doc.pricing.strategy?.revision ?? 0,
    linesCharged: quote.linesCharged,
    passThroughCharged: quote.passThroughCharged,
    recoveryBase: quote.recoveryBase,
    fixedRecovered: amount("fixed"),
    capitalRecovered: amount("capital"),
  };
}

/** Below this share of the forecast, a realised base more likely means an incomplete register. */
const BASE_MOSTLY_REALISED = 0.9;

const sumOf = (quotes: readonly ReviewedQuote[], figure: (quote: ReviewedQuote) => Decimal) =>
  sumDecimals(quotes.map(figure));

export function reviewStrategy(
  strategy: PricingStrategy,
  partnerships: readonly Partnership[],
  options: ReviewOptions
): StrategyReview {
  const year =
    options.year === undefined
      ? yearContaining(strategy.effectiveFrom)
      : financialYear(options.year);
  const ours = partnerships.filter((doc) => doc.pricing.strategy?.id === strategy.id);
  const otherStrategy = partnerships
    .filter((doc) => doc.pricing.strategy?.id !== strategy.id)
    .map((doc) => doc.reference);
  const inYear = (doc: Partnership) => doc.quote.date >= year.start && doc.quote.date <= year.end;
  const quotes = ours.filter(inYear).map(reviewedQuote);
  const outsideYear = ours.filter((doc) => !inYear(doc)).map((doc) => doc.reference);
  const counted = quotes.filter(realised);

  const byUse = (use: DataUse) => counted.filter((quote) => quote.use === use);
  const base: BaseReview = (() => {
    const forecastCommercialFullCost = new Decimal(strategy.recoveryBase.commercialFullCost ?? 0);
    const forecastNonCommercialMarginalCost = new Decimal(
      strategy.recoveryBase.nonCommercialMarginalCost ?? 0
    );
    const realisedCommercialFullCost = sumOf(byUse("commercial"), (q) => q.recoveryBase);
    const realisedNonCommercialMarginalCost = sumOf(byUse("non-commercial"), (q) => q.recoveryBase);
    const forecast = recoveryBaseTotal(strategy.recoveryBase);
    const realisedTotal = realisedCommercialFullCost.plus(realisedNonCommercialMarginalCost);
    const share = forecast.isZero() ? null : realisedTotal.div(forecast);
    return {
      forecastCommercialFullCost,
      forecastNonCommercialMarginalCost,
      forecast,
      realisedCommercialFullCost,
      realisedNonCommercialMarginalCost,
      realised: realisedTotal,
      difference: realisedTotal.minus(forecast),
      ...(share !== null && share.lessThan(BASE_MOSTLY_REALISED)
        ? {
            shortfallNote: `the realised recovery base is ${formatPercent(toRate(share))} of the forecast; the rates the next revision would need assume every quote of the year is here, so check the register for missing partnerships before using them`,
          }
        : {}),
    };
  })();

  const pools = POOL_IDS.map((pool): PoolReview => {
    const recovery = pool === "fixed" ? strategy.fixedCostRecovery : strategy.capitalCostRecovery;
    const rate = recoveryRate(recovery, strategy.recoveryBase);
    const figure = (quote: ReviewedQuote) =>
      pool === "fixed" ? quote.fixedRecovered : quote.capitalRecovered;
    const byStage = Object.fromEntries(
      REVIEW_STAGES.map((stage) => [
        stage,
        sumOf(
          quotes.filter((quote) => quote.stage === stage),
          figure
        ),
      ])
    ) as Record<QuoteStage, Decimal>;
    const recovered = sumOf(counted, figure);
    const uses = {
      commercial: sumOf(byUse("commercial"), figure),
      "non-commercial": sumOf(byUse("non-commercial"), figure),
    };
    if (rate.derivation.kind === "stated")
      return {
        pool,
        basis: "stated rate",
        rate: rate.rate,
        annualPool: null,
        costOfCapital: ZERO,
        poolAmount: null,
        byStage,
        byUse: uses,
        recovered,
        overUnder: null,
        nextRate: null,
        note: `the strategy states the rate (${rate.derivation.source}); it sets no pool to recover against`,
      };
    const poolAmount = rate.derivation.recovered;
    return {
      pool,
      basis: "pool",
      rate: rate.rate,
      annualPool: rate.derivation.pool,
      costOfCapital: rate.derivation.costOfCapital?.charge ?? ZERO,
      poolAmount,
      byStage,
      byUse: uses,
      recovered,
      overUnder: recovered.minus(poolAmount),
      nextRate: base.realised.isZero() ? null : toRate(poolAmount.div(base.realised)),
      ...(base.realised.isZero()
        ? {
            note: "no accepted or issued quote in the year: there is no realised base to spread the pool over",
          }
        : {}),
    };
  });

  const charged = sumOf(counted, (q) => q.passThroughCharged);
  const linesCharged = sumOf(counted, (q) => q.linesCharged);

  const exceptions: QuoteException[] = [];
  for (const doc of ours) {
    const revision = doc.pricing.strategy?.revision ?? 0;
    if (revision < strategy.revision)
      exceptions.push({
        reference: doc.reference,
        reason: "older revision",
        message: `priced under revision ${revision}, not the current revision ${strategy.revision}`,
      });
    if (doc.quote.date < strategy.effectiveFrom)
      exceptions.push({
        reference: doc.reference,
        reason: "before effectiveFrom",
        message: `dated ${doc.quote.date}, before the strategy took effect (${strategy.effectiveFrom})`,
      });
    if (strategy.reviewBy !== undefined && doc.quote.date > strategy.reviewBy)
      exceptions.push({
        reference: doc.reference,
        reason: "after reviewBy",
        message: `dated ${doc.quote.date}, after the strategy was due for review (${strategy.reviewBy})`,
      });
  }
  const overdueReviews = ours
    .filter((doc) => doc.reviewDate !== undefined && doc.reviewDate < options.asOf)
    .map((doc) => ({ reference: doc.reference, reviewDate: doc.reviewDate as string }));

  return {
    strategy: { id: strategy.id, revision: strategy.revision, trust: strategy.trust.name },
    year,
    asOf: options.asOf,
    quotes,
    otherStrategy,
    outsideYear,
    pools,
    base,
    passThroughInBase: strategy.recoveryBase.passThrough === "included",
    passThrough: {
      charged,
      linesCharged,
      share: linesCharged.isZero() ? null : toRate(charged.div(linesCharged)),
    },
    exceptions,
    overdueReviews,
  };
}
