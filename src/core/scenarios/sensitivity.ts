import { Decimal, ZERO } from "../../model/decimal";
import type { ScenarioInputs } from "./engine";
import type { RoyaltyTerms } from "../valuation/royalty";
import { flatCurve, type DiscountCurve } from "./discountCurve";
import { cashFlows, type Candidate, type CashFlow, type Mechanism } from "./mechanisms";
import { scaleToPeak, type RevenueForecast } from "./revenue";
import { discountedValue, FactorCache } from "./value";

/**
 * The two grids an analyst reads to see how far a conclusion depends on the assumptions. Each cell is a
 * risk-adjusted present value in pounds, computed by the same engine as the comparison itself.
 */
export interface SensitivityGrid {
  readonly rows: readonly Decimal[];
  readonly columns: readonly Decimal[];
  /** cells[row][column] */
  readonly cells: readonly (readonly Decimal[])[];
}

export interface RoyaltyByDiscountRate extends SensitivityGrid {
  /** The milestone offer's value at each column's discount rate, to read the grid against; null with no offer. */
  readonly milestones: readonly Decimal[] | null;
}

type RoyaltyMechanism = Extract<Mechanism, { kind: "royalty" }>;

/**
 * Royalty at each flat rate (rows) and discount rate (columns). The royalty keeps the offer's cap,
 * minimum and term, or runs the whole forecast when there is no royalty offer.
 */
export function royaltyRateByDiscountRate(
  royalty: RoyaltyMechanism | undefined,
  milestones: Candidate | undefined,
  scenario: Pick<
    ScenarioInputs,
    "forecast" | "probabilityOfReachingMarket" | "discount" | "counterparty"
  >,
  royaltyRates: readonly Decimal[],
  discountRates: readonly Decimal[]
): RoyaltyByDiscountRate {
  const { forecast, probabilityOfReachingMarket } = scenario;
  // Each column's flat real rate, with the scenario's price basis: nominal amounts are still deflated.
  const curves = discountRates.map(
    (rate, i) =>
      new FactorCache(
        flatCurve(rate, `scenarios.sensitivity.discountRates[${i}]`, scenario.discount.priceBasis)
      )
  );
  const cells = royaltyRates.map((rate) => {
    const flows = flatRoyaltyFlows(royalty, forecast, probabilityOfReachingMarket, rate);
    return curves.map((factors) => discountedValue(flows, factors, true));
  });
  const milestoneValues =
    milestones === undefined
      ? null
      : curves.map((factors) =>
          discountedValue(
            cashFlows(
              milestones,
              forecast,
              probabilityOfReachingMarket,
              scenario.counterparty.defaultRate
            ),
            factors,
            true
          )
        );
  return { rows: royaltyRates, columns: discountRates, cells, milestones: milestoneValues };
}

/**
 * The payments of a flat royalty at `rate` that keeps the offer's cap, minimum and term (the whole
 * forecast without an offer): one row of the royalty-rate grid.
 */
export function flatRoyaltyFlows(
  royalty: RoyaltyMechanism | undefined,
  forecast: RevenueForecast,
  probabilityOfReachingMarket: Decimal,
  rate: Decimal
): CashFlow[] {
  const terms: RoyaltyTerms<Decimal> = {
    rates: [rate],
    thresholds: null,
    annualCap: royalty?.terms.annualCap ?? null,
    annualMinimum: royalty?.terms.annualMinimum ?? null,
  };
  return cashFlows(
    {
      id: "sensitivity",
      path: "scenarios.sensitivity.royaltyRates",
      fromDocument: false,
      mechanism: { kind: "royalty", terms, termYears: royalty?.termYears ?? forecast.length },
    },
    forecast,
    probabilityOfReachingMarket,
    // A royalty is paid on the product's sales, whatever the partner's own finances.
    ZERO
  );
}

/** The royalty offer's value with the forecast scaled to each peak (rows) and each chance of reaching market (columns). */
export function peakRevenueByProbability(
  royalty: Candidate,
  forecast: RevenueForecast,
  curve: DiscountCurve,
  peakRevenues: readonly Decimal[],
  probabilities: readonly Decimal[]
): SensitivityGrid {
  const factors = new FactorCache(curve);
  const cells = peakRevenues.map((peak, i) => {
    return probabilities.map((probability) =>
      discountedValue(royaltyFlowsAtPeak(royalty, forecast, peak, i, probability), factors, true)
    );
  });
  return { rows: peakRevenues, columns: probabilities, cells };
}

/**
 * The royalty offer's payments with the forecast scaled to `peak` (the `i`th of the grid's peaks, for
 * messages): one cell of the peak-revenue grid before discounting.
 */
export function royaltyFlowsAtPeak(
  royalty: Candidate,
  forecast: RevenueForecast,
  peak: Decimal,
  i: number,
  probability: Decimal
): CashFlow[] {
  const scaled = scaleToPeak(forecast, peak, `scenarios.sensitivity.peakRevenues[${i}]`);
  return cashFlows(royalty, scaled, probability, ZERO);
}
