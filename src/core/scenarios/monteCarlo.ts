import type { Distribution } from "../../document/scenarios";
import { Decimal, ONE, ZERO } from "../../model/decimal";
import { stillPaying } from "./counterparty";
import { curveFactor, yearlyFactors, type DiscountCurve } from "./discountCurve";
import { sampler, type Sampler } from "./distributions";
import type { ScenarioInputs } from "./engine";
import { firstOfKind } from "./engine";
import { floatRoyalty, royaltyOn, type FloatRoyalty } from "./floatRoyalty";
import { cashFlows, type MechanismKind, type ScenarioMilestone } from "./mechanisms";
import { seededUniform } from "./random";
import { launchYearOf, peakOf } from "./revenue";
import { FactorCache } from "./value";
import { invalidNumber, invalidValue } from "../../model/errors";

/**
 * A seeded Monte Carlo simulation of what each mechanism pays the NHS. Statistics are not money: every
 * figure here is a double in a Float64Array, not a decimal, because its error is the sampling error
 * (a percentile from 10,000 trials is good to about 1%), which no rounding comes near; decimals would
 * make a million trials take minutes.
 *
 * Each trial draws the peak revenue, the launch delay, whether the product reaches market and whether
 * each milestone is paid, then discounts what each mechanism pays in that future. A launch delay moves
 * the royalty's revenue later by whole years, and with it every milestone tied to the launch (each
 * discounted at its new period on the same curve); the other milestones, fixed payments and
 * subscriptions stay where they are.
 */

export type MilestoneDependence = "pipeline" | "independent";

export interface SimulationSettings {
  readonly trials: number;
  readonly seed: number;
  /** Omitted: the forecast's own peak in every trial. */
  readonly peakRevenue?: Distribution | undefined;
  /**
   * In years, rounded to whole years. It postpones the royalty's revenue and every milestone tied to
   * the launch by the same years. Omitted: no delay.
   */
  readonly launchDelayYears?: Distribution | undefined;
  /**
   * "pipeline": one uniform draw u per trial decides everything that depends on the development
   * programme: a milestone of probability p is paid when u < p, and the product reaches market when
   * u < its probability. Each keeps its own probability, and a later, less likely stage is paid only
   * if every likelier one is. "independent": a separate draw for each.
   */
  readonly milestoneDependence: MilestoneDependence;
}

export const HISTOGRAM_BINS = 20;

export interface MechanismSummary {
  readonly id: string;
  readonly kind: MechanismKind;
  readonly mean: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** Trials in each bin of the shared histogram edges. */
  readonly histogram: readonly number[];
}

export interface SimulationResult {
  readonly trials: number;
  readonly seed: number;
  readonly mechanisms: readonly MechanismSummary[];
  /** HISTOGRAM_BINS + 1 edges in pounds, shared by every mechanism so their histograms compare. */
  readonly histogramEdges: readonly number[];
  /** Share of trials in which the first royalty offer pays more than the first milestone offer. */
  readonly royaltyBeatsMilestones: {
    readonly royaltyId: string;
    readonly milestonesId: string;
    readonly probability: number;
  } | null;
  /** Each mechanism's present value in every trial, in candidate order. */
  readonly presentValues: readonly Float64Array[];
}

/**
 * Payments the partner has contracted to make, discounted to today, each with the chance that the
 * partner is still paying when it falls due ((1 - default rate)^year, decreasing with time). In a trial
 * one draw p decides how long the partner pays: a payment is made when p < its chance, so a partner who
 * stops paying at some year pays nothing after it, and over many trials each payment is made with its
 * own chance.
 */
interface ContractedPayments {
  readonly discountedAmounts: Float64Array;
  readonly partnerPaying: Float64Array;
}

/** How one mechanism's present value is found in a trial. */
type TrialValue =
  | { readonly kind: "contracted"; readonly payments: ContractedPayments }
  | {
      readonly kind: "milestones";
      /** Each milestone's payment when the launch is `delay` whole years late. */
      readonly byDelay: (delay: number) => ContractedPayments;
      readonly probabilities: Float64Array;
    }
  | { readonly kind: "royalty"; readonly royalty: FloatRoyalty; readonly termYears: number };

/** Linear interpolation between order statistics (Excel's PERCENTILE.INC) of a sorted sample. */
export function percentileOfSorted(sorted: Float64Array, fraction: number): number {
  const position = (sorted.length - 1) * fraction;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (position - below) * (upper - lower);
}

export function simulate(inputs: ScenarioInputs, settings: SimulationSettings): SimulationResult {
  const { trials, seed } = settings;
  if (!Number.isInteger(trials) || trials < 1)
    throw invalidNumber("trials", "must be a whole number of trials, at least 1");
  if (!Number.isInteger(seed) || seed < 0 || seed > 2147483647)
    throw invalidNumber("seed", "must be a whole number from 0 to 2147483647");
  const { forecast, candidates } = inputs;
  const years = forecast.length;
  const baseRevenue = Float64Array.from(forecast, (revenue) => revenue.toNumber());
  const basePeak = peakOf(forecast).toNumber();
  const baseLaunch = launchYearOf(forecast);
  if (settings.peakRevenue !== undefined && basePeak === 0)
    throw invalidValue(
      "scenarios.monteCarlo.peakRevenue",
      "the revenue forecast is 0 in every year, so there is no peak to vary"
    );
  const factors = Float64Array.from(yearlyFactors(inputs.discount, years), (f) => f.toNumber());
  const decimalFactors = new FactorCache(inputs.discount);
  const pMarket = inputs.probabilityOfReachingMarket.toNumber();
  const defaultRate = inputs.counterparty.defaultRate;

  const valuers: TrialValue[] = candidates.map((candidate) => {
    const mechanism = candidate.mechanism;
    switch (mechanism.kind) {
      case "fixed":
      case "subscription": {
        const flows = cashFlows(candidate, forecast, ONE, defaultRate);
        return {
          kind: "contracted",
          payments: {
            discountedAmounts: Float64Array.from(flows, (flow) =>
              flow.amount.isZero() ? 0 : flow.amount.times(decimalFactors.at(flow.year)).toNumber()
            ),
            partnerPaying: Float64Array.from(flows, (flow) => flow.partnerPaying.toNumber()),
          },
        };
      }
      case "milestones":
        return {
          kind: "milestones",
          byDelay: delayedMilestones(mechanism.milestones, inputs.discount, defaultRate),
          probabilities: Float64Array.from(mechanism.milestones, (m) => m.probability.toNumber()),
        };
      case "royalty":
        // Checks the terms as the engine does, with the candidate's path in the message.
        cashFlows(candidate, forecast.slice(0, 1), ONE, ZERO);
        return {
          kind: "royalty",
          royalty: floatRoyalty(mechanism.terms),
          termYears: mechanism.termYears,
        };
    }
  });

  const uniform = seededUniform(seed);
  const peakSampler: Sampler | null =
    settings.peakRevenue === undefined ? null : sampler(settings.peakRevenue, uniform);
  const delaySampler: Sampler | null =
    settings.launchDelayYears === undefined ? null : sampler(settings.launchDelayYears, uniform);
  const pipeline = settings.milestoneDependence === "pipeline";
  // No draw when the partner is sure to pay, so a scenario without counterparty risk draws as before.
  const partnerMayDefault = !defaultRate.isZero();

  const presentValues = candidates.map(() => new Float64Array(trials));
  const count = valuers.length;
  for (let trial = 0; trial < trials; trial++) {
    const scale = peakSampler === null ? 1 : peakSampler() / basePeak;
    const delay = delaySampler === null ? 0 : Math.max(0, Math.round(delaySampler()));
    const shared = pipeline ? uniform() : 0;
    const reached = (pipeline ? shared : uniform()) < pMarket;
    const partner = partnerMayDefault ? uniform() : 0;
    for (let m = 0; m < count; m++) {
      const valuer = valuers[m] as TrialValue;
      let value = 0;
      if (valuer.kind === "contracted") value = paidWhile(valuer.payments, partner);
      else if (valuer.kind === "milestones") {
        const { probabilities } = valuer;
        const { discountedAmounts, partnerPaying } = valuer.byDelay(delay);
        for (let i = 0; i < discountedAmounts.length; i++)
          if (
            (pipeline ? shared : uniform()) < (probabilities[i] as number) &&
            partner < (partnerPaying[i] as number)
          )
            value += discountedAmounts[i] as number;
      } else if (reached && baseLaunch !== null) {
        const start = baseLaunch + delay;
        const end = Math.min(years, start + valuer.termYears - 1);
        for (let year = start; year <= end; year++)
          value +=
            royaltyOn(scale * (baseRevenue[year - delay - 1] as number), valuer.royalty) *
            (factors[year] as number);
      }
      (presentValues[m] as Float64Array)[trial] = value;
    }
  }
  return summarise(inputs, settings, presentValues);
}

/** What the partner pays in a trial whose draw is `partner`: each payment it is still paying for. */
function paidWhile(payments: ContractedPayments, partner: number): number {
  const { discountedAmounts, partnerPaying } = payments;
  let value = 0;
  for (let i = 0; i < discountedAmounts.length; i++)
    if (partner < (partnerPaying[i] as number)) value += discountedAmounts[i] as number;
  return value;
}

/**
 * Each milestone's amount discounted to today, and the chance the partner is still paying then, for a
 * launch `delay` whole years late: a milestone tied to the launch falls at its period plus the delay,
 * on the same curve; any other at its own period whatever the delay. The figures are exact decimals,
 * turned into doubles once for each delay a trial draws (delays are whole years, so there are few),
 * then reused by every trial with that delay.
 */
function delayedMilestones(
  milestones: readonly ScenarioMilestone[],
  curve: DiscountCurve,
  defaultRate: Decimal
): (delay: number) => ContractedPayments {
  const atDelay = (delay: number): ContractedPayments => {
    const periods = milestones.map((milestone) =>
      milestone.tiedToLaunch === true ? milestone.period.plus(delay) : milestone.period
    );
    return {
      discountedAmounts: Float64Array.from(milestones, (milestone, i) =>
        // Worth nothing is worth nothing, even where a factor is huge (0 x Infinity would be NaN).
        milestone.amount.isZero()
          ? 0
          : milestone.amount.times(curveFactor(curve, periods[i] as Decimal)).toNumber()
      ),
      partnerPaying: Float64Array.from(periods, (period) =>
        stillPaying(defaultRate, period).toNumber()
      ),
    };
  };
  const onTime = atDelay(0);
  if (!milestones.some((milestone) => milestone.tiedToLaunch === true)) return () => onTime;
  const byDelay = new Map<number, ContractedPayments>([[0, onTime]]);
  return (delay) => {
    let payments = byDelay.get(delay);
    if (payments === undefined) {
      payments = atDelay(delay);
      byDelay.set(delay, payments);
    }
    return payments;
  };
}

/**
 * The summary of trials' present values (one Float64Array per candidate, in candidate order): what
 * simulate() returns, and what a caller that ran the trials in batches returns for all of them.
 */
export function summarise(
  inputs: ScenarioInputs,
  settings: Pick<SimulationSettings, "trials" | "seed">,
  presentValues: Float64Array[]
): SimulationResult {
  const sorted = presentValues.map((values) => values.slice().sort());
  let low = Infinity;
  let high = -Infinity;
  for (const values of sorted) {
    low = Math.min(low, values[0] as number);
    high = Math.max(high, values[values.length - 1] as number);
  }
  const width = (high - low) / HISTOGRAM_BINS;
  const histogramEdges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) =>
    i === HISTOGRAM_BINS ? high : low + i * width
  );
  const mechanisms = inputs.candidates.map((candidate, m) => {
    const values = sorted[m] as Float64Array;
    let total = 0;
    const histogram = new Array<number>(HISTOGRAM_BINS).fill(0);
    for (const value of values) {
      total += value;
      // The top edge belongs to the last bin; with every value equal, all fall in the first.
      const bin = width > 0 ? Math.min(HISTOGRAM_BINS - 1, Math.floor((value - low) / width)) : 0;
      histogram[bin] = (histogram[bin] as number) + 1;
    }
    return {
      id: candidate.id,
      kind: candidate.mechanism.kind,
      mean: total / values.length,
      p10: percentileOfSorted(values, 0.1),
      p50: percentileOfSorted(values, 0.5),
      p90: percentileOfSorted(values, 0.9),
      histogram,
    };
  });
  const royalty = firstOfKind(inputs.candidates, "royalty");
  const milestones = firstOfKind(inputs.candidates, "milestones");
  let royaltyBeatsMilestones: SimulationResult["royaltyBeatsMilestones"] = null;
  if (royalty !== undefined && milestones !== undefined) {
    const royaltyValues = presentValues[inputs.candidates.indexOf(royalty)] as Float64Array;
    const milestoneValues = presentValues[inputs.candidates.indexOf(milestones)] as Float64Array;
    let wins = 0;
    for (let trial = 0; trial < royaltyValues.length; trial++)
      if ((royaltyValues[trial] as number) > (milestoneValues[trial] as number)) wins++;
    royaltyBeatsMilestones = {
      royaltyId: royalty.id,
      milestonesId: milestones.id,
      probability: wins / royaltyValues.length,
    };
  }
  return {
    trials: settings.trials,
    seed: settings.seed,
    mechanisms,
    histogramEdges,
    royaltyBeatsMilestones,
    presentValues,
  };
}
