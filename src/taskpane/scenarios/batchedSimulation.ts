/*
 * The Monte Carlo in batches, so the worker running it can report progress and be stopped between
 * batches. core/scenarios' simulate has no progress hook, so each batch is a whole simulate() call of
 * its own with a seed derived from the document's, and the batches' present values are summarised
 * together as simulate() summarises one run. Within one batch (10,000 trials, the schema's default)
 * the figures are exactly those of `nhsdp scenario`; beyond it they are as reproducible (the same seed
 * gives the same figures in every pane) but come from different random streams than the CLI's.
 */
import {
  firstOfKind,
  HISTOGRAM_BINS,
  percentileOfSorted,
  simulate,
  type ScenarioInputs,
  type SimulationResult,
  type SimulationSettings,
} from "../../core/scenarios";

export const BATCH_TRIALS = 10_000;

/** Trials in each batch: full batches, then the remainder. */
export function batchSizes(trials: number, batch = BATCH_TRIALS): number[] {
  const sizes: number[] = [];
  for (let left = trials; left > 0; left -= batch) sizes.push(Math.min(batch, left));
  return sizes;
}

/**
 * The seed of batch `index`: the document's own for the first, so a run of one batch is the CLI's;
 * the others mixed (a 32-bit integer hash) so that seed s's second batch is not seed s+1's first.
 */
export function batchSeed(seed: number, index: number): number {
  if (index === 0) return seed;
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) & 0x7fffffff;
}

/** One batch's present values, by mechanism in candidate order. */
export function runBatch(
  inputs: ScenarioInputs,
  settings: SimulationSettings,
  index: number,
  trials: number
): Float64Array[] {
  return simulate(inputs, { ...settings, trials, seed: batchSeed(settings.seed, index) })
    .presentValues as Float64Array[];
}

/** The batches' present values joined and summarised as one run, without the per-trial values. */
export function summariseBatches(
  inputs: ScenarioInputs,
  settings: SimulationSettings,
  batches: readonly Float64Array[][]
): SimulationResult {
  const trials = batches.reduce((sum, batch) => sum + (batch[0]?.length ?? 0), 0);
  const joined = inputs.candidates.map((_, m) => {
    const all = new Float64Array(trials);
    let at = 0;
    for (const batch of batches) {
      const values = batch[m] as Float64Array;
      all.set(values, at);
      at += values.length;
    }
    return all;
  });
  const sorted = joined.map((values) => values.slice().sort());
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
      // As simulate(): the top edge belongs to the last bin.
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
    const r = joined[inputs.candidates.indexOf(royalty)] as Float64Array;
    const ms = joined[inputs.candidates.indexOf(milestones)] as Float64Array;
    let wins = 0;
    for (let trial = 0; trial < r.length; trial++)
      if ((r[trial] as number) > (ms[trial] as number)) wins++;
    royaltyBeatsMilestones = {
      royaltyId: royalty.id,
      milestonesId: milestones.id,
      probability: wins / trials,
    };
  }
  return {
    trials,
    seed: settings.seed,
    mechanisms,
    histogramEdges,
    royaltyBeatsMilestones,
    // Millions of doubles are not worth copying back to the page, which shows only the summary.
    presentValues: [],
  };
}
