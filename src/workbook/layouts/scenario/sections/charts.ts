/**
 * The sheet's two native charts, drawn from its own ranges so that they move with the assumptions: the
 * cumulative risk-adjusted value by year, and the simulation's histogram. Each is kept whole on a page,
 * a row below its table.
 */
import type { Candidate, SimulationResult } from "../../../../core/scenarios";
import { columnLetter } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import { CHART_ROWS, LAST_COLUMN, VALUE } from "../style";
import type { CumulativeAnchors } from "./cumulative";
import type { HistogramAnchors } from "./simulation";

export function cumulativeChart(
  at: Cursor,
  candidates: readonly Candidate[],
  table: CumulativeAnchors
): void {
  const { top, bottom } = table;
  chartRows(at, (anchor) =>
    at.sheet.chart({
      kind: "line",
      title: "Cumulative risk-adjusted present value by year",
      categories: `A${top}:A${bottom}`,
      series: candidates.map((candidate, m) => ({
        name: candidate.id,
        values: `${columnLetter(3 + m)}${top}:${columnLetter(3 + m)}${bottom}`,
      })),
      anchor,
      categoryFormat: "0",
      valueFormat: VALUE,
    })
  );
}

export function histogramChart(
  at: Cursor,
  simulation: SimulationResult,
  histogram: HistogramAnchors
): void {
  const { firstBin, lastBin } = histogram;
  chartRows(at, (anchor) =>
    at.sheet.chart({
      kind: "column",
      title: "Simulated present values: trials in each bin, by the bin's lower edge",
      categories: `B${firstBin}:B${lastBin}`,
      series: simulation.mechanisms.map((summary, m) => ({
        name: summary.id,
        values: `${columnLetter(4 + m)}${firstBin}:${columnLetter(4 + m)}${lastBin}`,
      })),
      anchor,
      categoryFormat: VALUE,
      valueFormat: "#,##0",
    })
  );
}

/** A blank row, then CHART_ROWS rows across the tables' width kept together, the chart over them. */
function chartRows(at: Cursor, draw: (anchor: string) => void): void {
  at.skip();
  at.keep(CHART_ROWS);
  draw(`A${at.row}:${columnLetter(LAST_COLUMN)}${at.row + CHART_ROWS - 1}`);
  at.skip(CHART_ROWS);
}
