/**
 * The scenario sheet's histogram of simulated present values, binned from the trials themselves rather
 * than from the simulation's shared edges: those span every mechanism's values, so a fixed payment or a
 * zero (the product never reaching market) sets the axis and the royalty's spread falls into one bin.
 * Here the bins cover only the uncertain mechanisms' values above nothing, on round edges; a mechanism
 * that pays the same in every trial is not binned (the sheet states its amount), and the trials in
 * which an uncertain mechanism pays nothing are counted apart.
 */
import type { SimulationResult } from "../../../core/scenarios";

/** Bins the sheet draws at most. */
export const SHEET_BINS = 20;

export interface UncertainMechanism {
  /** The mechanism's index in the simulation (candidate order). */
  readonly index: number;
  /** Trials in each bin. */
  readonly counts: readonly number[];
  /** Trials in which it pays nothing (a present value of £0 or less). */
  readonly nothing: number;
}

export interface SheetHistogram {
  readonly uncertain: readonly UncertainMechanism[];
  /** Mechanisms with the same present value in every trial, and that value. */
  readonly fixed: readonly { readonly index: number; readonly value: number }[];
  /** The bins' edges, one more than the bins; empty when nothing uncertain pays anything. */
  readonly edges: readonly number[];
}

/** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `raw`. */
export function roundStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw * (1 - 1e-12)) return m * power;
  return 10 * power;
}

export function sheetHistogram(simulation: SimulationResult): SheetHistogram {
  const fixed: { index: number; value: number }[] = [];
  const varying: number[] = [];
  simulation.presentValues.forEach((values, index) => {
    const first = values[0];
    if (first === undefined) return;
    if (values.every((value) => value === first)) fixed.push({ index, value: first });
    else varying.push(index);
  });
  let low = Infinity;
  let high = -Infinity;
  for (const index of varying)
    for (const value of simulation.presentValues[index] as Float64Array)
      if (value > 0) {
        low = Math.min(low, value);
        high = Math.max(high, value);
      }
  let edges: number[] = [];
  if (high >= low) {
    const step = roundStep(high > low ? (high - low) / SHEET_BINS : high / 10);
    const start = Math.floor(low / step) * step;
    const bins = Math.max(1, Math.min(SHEET_BINS + 1, Math.floor((high - start) / step) + 1));
    edges = Array.from({ length: bins + 1 }, (_, i) => start + i * step);
  }
  const bins = Math.max(0, edges.length - 1);
  const uncertain = varying.map((index) => {
    const counts = new Array<number>(bins).fill(0);
    let nothing = 0;
    for (const value of simulation.presentValues[index] as Float64Array) {
      if (!(value > 0)) {
        nothing += 1;
        continue;
      }
      const start = edges[0] as number;
      const step = (edges[1] as number) - start;
      const bin = Math.min(bins - 1, Math.max(0, Math.floor((value - start) / step)));
      counts[bin] = (counts[bin] as number) + 1;
    }
    return { index, counts, nothing };
  });
  return { uncertain, fixed, edges };
}
