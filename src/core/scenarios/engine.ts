import { Decimal } from "../../model/decimal";
import { breakevenAgainstMilestones, royaltyRevenueValue, type Breakeven } from "./breakeven";
import type { Counterparty } from "./counterparty";
import type { DiscountCurve } from "./discountCurve";
import { cashFlows, lastYearOf, royaltyYears, type Candidate, type Mechanism } from "./mechanisms";
import { peakOf, type RevenueForecast } from "./revenue";
import {
  peakRevenueByProbability,
  royaltyRateByDiscountRate,
  type RoyaltyByDiscountRate,
  type SensitivityGrid,
} from "./sensitivity";
import { discountedValue, FactorCache, valueMechanism, type MechanismValue } from "./value";

/** Everything a scenario comparison needs, already checked and in decimals (see fromDocument.ts). */
export interface ScenarioInputs {
  readonly forecast: RevenueForecast;
  readonly probabilityOfReachingMarket: Decimal;
  /** Real or Green Book rates, with the price basis that deflates nominal amounts first. */
  readonly discount: DiscountCurve;
  /** The partner's yearly risk of not paying what it contracted to. */
  readonly counterparty: Counterparty;
  readonly candidates: readonly Candidate[];
  /**
   * Pounds of risk-adjusted discounted cash at which a mechanism has paid back, as the user states it;
   * null when none is given, and then no mechanism has a payback year. Never the partnership's fee or
   * cost by default: the fee already recovers the cost, so a payback against it would say nothing.
   */
  readonly paybackTarget: Decimal | null;
  readonly sensitivity: {
    readonly royaltyRates: readonly Decimal[];
    readonly discountRates: readonly Decimal[];
    readonly peakRevenues: readonly Decimal[];
    readonly probabilities: readonly Decimal[];
  };
}

export interface ScenarioResult {
  readonly mechanisms: readonly MechanismValue[];
  /** The target each mechanism's paybackYear is measured against; null when none was given. */
  readonly paybackTarget: Decimal | null;
  /** The flat royalty rate matching the first milestone offer. */
  readonly breakeven: Breakeven;
  readonly sensitivity: {
    readonly royaltyRateByDiscountRate: RoyaltyByDiscountRate;
    /** Null when there is no royalty offer to vary, or no revenue to scale. */
    readonly peakRevenueByProbability: SensitivityGrid | null;
  };
}

/** The offer of a kind that the breakeven and the grids compare: the first, so the document's own where it has one. */
export function firstOfKind<K extends Mechanism["kind"]>(
  candidates: readonly Candidate[],
  kind: K
): (Candidate & { mechanism: Extract<Mechanism, { kind: K }> }) | undefined {
  return candidates.find((candidate) => candidate.mechanism.kind === kind) as
    (Candidate & { mechanism: Extract<Mechanism, { kind: K }> }) | undefined;
}

/** The years the breakeven's flat royalty is paid in: the first royalty offer's term, or the whole forecast. */
function breakevenRoyaltyYears(inputs: ScenarioInputs): number[] {
  const royalty = firstOfKind(inputs.candidates, "royalty");
  return royaltyYears(royalty?.mechanism.termYears ?? inputs.forecast.length, inputs.forecast);
}

/**
 * The revenue the breakeven royalty is paid on, risk-adjusted and discounted: the breakeven's divisor,
 * which the scenario sheet shows beside it.
 */
export function breakevenRevenueValue(inputs: ScenarioInputs): Decimal {
  return royaltyRevenueValue(
    inputs.forecast,
    breakevenRoyaltyYears(inputs),
    inputs.probabilityOfReachingMarket,
    new FactorCache(inputs.discount)
  );
}

/** A candidate's risk-adjusted present value under `inputs`, on `factors` (the inputs' discount curve). */
export function riskAdjustedValue(
  candidate: Candidate,
  inputs: ScenarioInputs,
  factors: FactorCache
): Decimal {
  return discountedValue(
    cashFlows(
      candidate,
      inputs.forecast,
      inputs.probabilityOfReachingMarket,
      inputs.counterparty.defaultRate
    ),
    factors,
    true
  );
}

export function evaluateScenarios(inputs: ScenarioInputs): ScenarioResult {
  const { forecast, probabilityOfReachingMarket: pMarket, candidates } = inputs;
  const factors = new FactorCache(inputs.discount);
  const defaultRate = inputs.counterparty.defaultRate;
  const flows = candidates.map((candidate) => cashFlows(candidate, forecast, pMarket, defaultRate));
  const lastYear = Math.max(0, ...flows.map(lastYearOf));
  const mechanisms = candidates.map((candidate, i) =>
    valueMechanism(candidate, flows[i] ?? [], factors, lastYear, inputs.paybackTarget)
  );
  const royalty = firstOfKind(candidates, "royalty");
  const milestones = firstOfKind(candidates, "milestones");
  const milestonesValue = mechanisms.find((value) => value.id === milestones?.id);
  const breakeven = breakevenAgainstMilestones(
    milestonesValue,
    forecast,
    breakevenRoyaltyYears(inputs),
    pMarket,
    factors
  );
  const { royaltyRates, discountRates, peakRevenues, probabilities } = inputs.sensitivity;
  return {
    mechanisms,
    paybackTarget: inputs.paybackTarget,
    breakeven,
    sensitivity: {
      royaltyRateByDiscountRate: royaltyRateByDiscountRate(
        royalty?.mechanism,
        milestones,
        inputs,
        royaltyRates,
        discountRates
      ),
      peakRevenueByProbability:
        royalty === undefined || peakOf(forecast).isZero()
          ? null
          : peakRevenueByProbability(
              royalty,
              forecast,
              inputs.discount,
              peakRevenues,
              probabilities
            ),
    },
  };
}
