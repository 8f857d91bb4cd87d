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
import { LABEL, TOP, WRAPPED } from "../../../spec/styles";
import { sheetHistogram } from "../histogram";
import { header, label, note } from "../rows";
import { CHART_ROWS, LAST_COLUMN, SHARE, VALUE } from "../style";
import { BESIDE_ROWS, chartFitsBeside } from "./charts";

/**
 * The histogram's bins: bin 1 on `top`; its lower edges in column B, the uncertain mechanism m's share of
 * its paying trials in 4 + m; the header on `headerRow`, the table's last column `lastColumn`.
 */
export interface HistogramAnchors {
  readonly top: number;
  readonly bottom: number;
  readonly headerRow: number;
  readonly lastColumn: number;
  /** The uncertain mechanisms' names in words, in the table's column order. */
  readonly names: readonly string[];
}

export interface SimulationAnchors {
  /** Null when there is nothing to chart: no mechanism whose value varies and pays something. */
  readonly histogram: HistogramAnchors | null;
}

export function simulationSection(
  at: Cursor,
  settings: SimulationSettings,
  simulation: SimulationResult,
  names: readonly string[],
  width: number,
  milestones: {
    /** The milestones a late launch moves, in words; null when no offer has milestones. */
    readonly tiedToLaunch: readonly string[] | null;
  }
): SimulationAnchors {
  at.heading(
    "Simulation: seeded results, written as values",
    width,
    9 + simulation.mechanisms.length
  );
  settingsRows(at, settings, simulation, names, milestones.tiedToLaunch);
  at.skip();
  at.together(() => {
    header(at, ["Mechanism", null, "Mean", "P10", "P50", "P90"], 1, 3);
    simulation.mechanisms.forEach((summary, m) => {
      const name = names[m] ?? summary.id;
      at.sheet.setAt(at.row, 1, text(name), { style: WRAPPED });
      at.sheet.merge(`A${at.row}:B${at.row}`);
      at.fitText(name, 1, 2);
      [summary.mean, summary.p10, summary.p50, summary.p90].forEach((value, i) =>
        at.sheet.setAt(at.row, 3 + i, num(value), { numberFormat: VALUE, style: TOP })
      );
      at.skip();
    });
  });
  return { histogram: histogramRows(at, simulation, names) };
}

/** The trials, the seed, how the draws are made, and the chance the royalty beats the milestones. */
function settingsRows(
  at: Cursor,
  settings: SimulationSettings,
  simulation: SimulationResult,
  names: readonly string[],
  tiedToLaunch: readonly string[] | null
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
  if (tiedToLaunch !== null)
    line(
      "Milestones moved by a late launch",
      text(
        tiedToLaunch.length === 0
          ? "None: every milestone stays at its year"
          : `${tiedToLaunch.join("; ")}: each moves by the delay drawn, discounted at its new year`
      )
    );
  if (simulation.royaltyBeatsMilestones !== null) {
    const beats = simulation.royaltyBeatsMilestones;
    const named = (id: string) => names[simulation.mechanisms.findIndex((m) => m.id === id)] ?? id;
    line(
      `${named(beats.royaltyId)} pays more than ${named(beats.milestonesId)} in`,
      num(beats.probability),
      "0.0%"
    );
  }
}

/**
 * The histogram's table, kept whole with its chart: a note on what is not binned (a mechanism paying the
 * same in every trial, and the trials that pay nothing), the trials paying nothing, then the bins,
 * shared by the uncertain mechanisms. Null when no uncertain mechanism pays anything.
 */
function histogramRows(
  at: Cursor,
  simulation: SimulationResult,
  names: readonly string[]
): HistogramAnchors | null {
  const { sheet } = at;
  const histogram = sheetHistogram(simulation);
  const { edges, uncertain } = histogram;
  const name = (index: number) => names[index] ?? simulation.mechanisms[index]?.id ?? "";
  const fixed = histogram.fixed.map(
    ({ index, value }) => `${name(index)}: ${formatWholePounds(value)} in every trial`
  );
  const bins = edges.length - 1;
  if (uncertain.length === 0 || bins < 1) {
    at.skip();
    note(
      at,
      `No histogram: no mechanism's present value varies from trial to trial and pays something.${fixed.length > 0 ? ` ${fixed.join("; ")}.` : ""}`
    );
    return null;
  }
  const lastColumn = 3 + uncertain.length;
  const chartRows = chartFitsBeside(lastColumn)
    ? Math.max(bins + 2, BESIDE_ROWS)
    : bins + 3 + CHART_ROWS;
  at.skip();
  at.keep(4 + chartRows);
  sheet.setAt(at.row, 1, text("Spread of present values: trials in each bin"), { style: LABEL });
  at.skip();
  note(
    at,
    `Bins of ${formatWholePounds((edges[1] as number) - (edges[0] as number))} over the values of the mechanisms that vary, from the smallest above nothing to the largest.` +
      (fixed.length > 0
        ? ` Not binned, as they pay the same in every trial: ${fixed.join("; ")}.`
        : "") +
      " Each bin holds a share of the trials in which the mechanism pays something, so that a mechanism rarely paid shows its spread as clearly as one nearly always paid; the trials paying nothing (no milestone reached, the product not reaching market) are counted above the bins and not drawn.",
    LAST_COLUMN
  );
  const headerRow = at.row;
  header(at, ["Bin", "From", "To", ...uncertain.map(({ index }) => name(index))], 1, 2);
  const counted = (what: string, count: (m: (typeof uncertain)[number]) => number) => {
    sheet.setAt(at.row, 1, text(what), { style: TOP });
    sheet.merge(`A${at.row}:C${at.row}`);
    uncertain.forEach((mechanism, m) =>
      sheet.setAt(at.row, 4 + m, num(count(mechanism)), { numberFormat: "#,##0", style: TOP })
    );
    at.skip();
  };
  counted("Trials paying nothing", ({ nothing }) => nothing);
  const paying = ({ nothing }: { nothing: number }) => simulation.trials - nothing;
  counted("Trials paying something: binned below", paying);
  const top = at.row;
  for (let bin = 0; bin < bins; bin++) {
    sheet.setAt(at.row, 1, num(bin + 1), { style: { ...TOP, horizontal: "left" } });
    sheet.setAt(at.row, 2, num(edges[bin] as number), { numberFormat: VALUE, style: TOP });
    sheet.setAt(at.row, 3, num(edges[bin + 1] as number), { numberFormat: VALUE, style: TOP });
    uncertain.forEach((mechanism, m) => {
      const share =
        paying(mechanism) === 0 ? 0 : (mechanism.counts[bin] as number) / paying(mechanism);
      sheet.setAt(at.row, 4 + m, num(share), { numberFormat: SHARE, style: TOP });
    });
    at.skip();
  }
  return {
    top,
    bottom: at.row - 1,
    headerRow,
    lastColumn,
    names: uncertain.map(({ index }) => name(index)),
  };
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
