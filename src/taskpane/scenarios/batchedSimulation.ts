/*
 * The Monte Carlo in batches, so the worker running it can report progress and be stopped between
 * batches. core/scenarios' simulate has no progress hook, so each batch is a whole simulate() call of
 * its own with a seed derived from the document's, and the batches' present values are summarised
 * together by the core's own summarise(). Within one batch (10,000 trials, the schema's default)
 * the figures are exactly those of `nhsdp scenario`; beyond it they are as reproducible (the same seed
 * gives the same figures in every pane) but come from different random streams than the CLI's.
 */
import {
  simulate,
  summarise,
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
  // Millions of doubles are not worth copying back to the page, which shows only the summary.
  return { ...summarise(inputs, { trials, seed: settings.seed }, joined), presentValues: [] };
}
