/**
 * The seeded simulation's results, written as values (a spreadsheet cannot redraw the same sample):
 * its settings, each mechanism's mean and percentiles, and the histogram the chart below it draws.
 */
import { formatWholePounds } from "../../../../model/format";
import type { SimulationResult, SimulationSettings } from "../../../../core/scenarios";
import type { Distribution } from "../../../../document/scenarios";
import { columnLetter } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import { num, text, type CellValueSpec } from "../../../spec/spec";
import { LABEL, TOP } from "../../../spec/styles";
import { header, label } from "../rows";
import { LAST_COLUMN, VALUE } from "../style";

/** The histogram's rows: bin 1 on `firstBin`; its lower edges in column B, mechanism m's counts in 4 + m. */
export interface HistogramAnchors {
  readonly firstBin: number;
  readonly lastBin: number;
}

export interface SimulationAnchors {
  /** Null when there is nothing to chart: no bins or no mechanisms. */
  readonly histogram: HistogramAnchors | null;
}

export function simulationSection(
  at: Cursor,
  settings: SimulationSettings,
  simulation: SimulationResult,
  width: number
): SimulationAnchors {
  at.heading(
    "Simulation: seeded results, written as values",
    width,
    9 + simulation.mechanisms.length
  );
  settingsRows(at, settings, simulation);
  at.skip();
  at.keep(3);
  header(at, ["Mechanism", null, "Mean", "P10", "P50", "P90"], 1, 3);
  for (const summary of simulation.mechanisms) {
    at.sheet.setAt(at.row, 1, text(summary.id), { style: TOP });
    at.sheet.merge(`A${at.row}:B${at.row}`);
    [summary.mean, summary.p10, summary.p50, summary.p90].forEach((value, i) =>
      at.sheet.setAt(at.row, 3 + i, num(value), { numberFormat: VALUE, style: TOP })
    );
    at.skip();
  }
  at.skip();
  const histogram = histogramRows(at, simulation);
  return {
    histogram:
      histogram.lastBin < histogram.firstBin || simulation.mechanisms.length === 0
        ? null
        : histogram,
  };
}

/** The trials, the seed, how the draws are made, and the chance the royalty beats the milestones. */
function settingsRows(
  at: Cursor,
  settings: SimulationSettings,
  simulation: SimulationResult
): void {
  const line = (name: string, value: CellValueSpec, format?: string) => {
    label(at, name, { style: { ...LABEL, wrap: true } });
    at.fitText(name, 1, 2);
    at.sheet.setAt(at.row, 3, value, {
      style: { ...TOP, horizontal: "left" },
      ...(format ? { numberFormat: format } : {}),
    });
    if (value.kind === "text") at.sheet.merge(`C${at.row}:${columnLetter(LAST_COLUMN)}${at.row}`);
    at.skip();
  };
  line("Trials", num(simulation.trials), "#,##0");
  line("Seed", num(simulation.seed), "0");
  line(
    "Milestones and reaching market",
    text(
      settings.milestoneDependence === "pipeline"
        ? "One development pipeline: a less likely stage is paid only if every likelier one is"
        : "Each drawn on its own"
    )
  );
  line("Peak revenue", text(describeDistribution(settings.peakRevenue, "£")));
  line("Launch delay", text(describeDistribution(settings.launchDelayYears, "years")));
  if (simulation.royaltyBeatsMilestones !== null) {
    const beats = simulation.royaltyBeatsMilestones;
    line(
      `${beats.royaltyId} pays more than ${beats.milestonesId} in`,
      num(beats.probability),
      "0.0%"
    );
  }
}

/** The histogram's table: trials in each bin, bins shared by every mechanism. It prints whole. */
function histogramRows(at: Cursor, simulation: SimulationResult): HistogramAnchors {
  const { sheet } = at;
  at.keep(3 + simulation.histogramEdges.length - 1);
  sheet.setAt(
    at.row,
    1,
    text("Histogram of present values: trials in each bin, bins shared by every mechanism"),
    { style: LABEL }
  );
  at.skip();
  header(at, ["Bin", "From", "To", ...simulation.mechanisms.map((summary) => summary.id)], 1, 2);
  const edges = simulation.histogramEdges;
  const firstBin = at.row;
  for (let bin = 0; bin + 1 < edges.length; bin++) {
    sheet.setAt(at.row, 1, num(bin + 1), { style: { ...TOP, horizontal: "left" } });
    sheet.setAt(at.row, 2, num(edges[bin] as number), { numberFormat: VALUE, style: TOP });
    sheet.setAt(at.row, 3, num(edges[bin + 1] as number), { numberFormat: VALUE, style: TOP });
    simulation.mechanisms.forEach((summary, m) =>
      sheet.setAt(at.row, 4 + m, num(summary.histogram[bin] as number), {
        numberFormat: "#,##0",
        style: TOP,
      })
    );
    at.skip();
  }
  return { firstBin, lastBin: at.row - 1 };
}

function describeDistribution(distribution: Distribution | undefined, unit: "£" | "years"): string {
  if (distribution === undefined) return "not varied";
  const v = (value: number) => (unit === "£" ? formatWholePounds(value) : `${value} years`);
  switch (distribution.distribution) {
    case "fixed":
      return `fixed at ${v(distribution.value)}`;
    case "uniform":
      return `uniform from ${v(distribution.min)} to ${v(distribution.max)}`;
    case "triangular":
      return `triangular: ${v(distribution.min)}, most likely ${v(distribution.mode)}, ${v(distribution.max)}`;
    case "pert":
      return `PERT: ${v(distribution.min)}, most likely ${v(distribution.mode)}, ${v(distribution.max)}`;
    case "lognormal":
      return `lognormal: median ${v(distribution.median)}, sigma ${distribution.sigma}`;
  }
}
