/**
 * The sheet's native charts, drawn from its own ranges so that they move with the assumptions: the
 * cumulative risk-adjusted value by year, each mechanism's tornado and the simulation's histogram. Each is drawn beside its
 * table where the table leaves room, otherwise just below it, and prints on the table's page.
 */
import { columnLetter } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import type { ChartSpec } from "../../../spec/spec";
import { CHART_ROWS, LAST_COLUMN, VALUE } from "../style";
import type { CumulativeAnchors } from "./cumulative";
import type { FairShareAnchors } from "./fairShare";
import type { HistogramAnchors } from "./simulation";
import type { TornadoChartAnchors } from "./tornado";

/** Columns a chart beside a table needs at least. */
const BESIDE_COLUMNS = 5;
/** Rows a chart beside a table covers at least. */
export const BESIDE_ROWS = 16;

/** Whether a table ending at column `last` leaves room for its chart beside it. */
export function chartFitsBeside(last: number): boolean {
  return LAST_COLUMN - last >= BESIDE_COLUMNS;
}

export function cumulativeChart(
  at: Cursor,
  names: readonly string[],
  table: CumulativeAnchors
): void {
  const { top, bottom } = table;
  place(at, table, (anchor) => ({
    kind: "line",
    title: "Cumulative risk-adjusted present value by year",
    categories: `A${top}:A${bottom}`,
    series: names.map((name, m) => ({
      name,
      values: `${columnLetter(3 + m)}${top}:${columnLetter(3 + m)}${bottom}`,
    })),
    anchor,
    categoryFormat: "0",
    valueFormat: VALUE,
    categoryAxisTitle: "Years from the quote date",
    valueAxisTitle: "Risk-adjusted present value received (£)",
  }));
}

export function histogramChart(
  at: Cursor,
  names: readonly string[],
  histogram: HistogramAnchors
): void {
  const { top, bottom } = histogram;
  place(at, histogram, (anchor) => ({
    kind: "column",
    title: "Spread of simulated present values, in the trials that pay something",
    categories: `B${top}:B${bottom}`,
    series: names.map((name, m) => ({
      name,
      values: `${columnLetter(4 + m)}${top}:${columnLetter(4 + m)}${bottom}`,
    })),
    anchor,
    categoryFormat: VALUE,
    valueFormat: "0%",
    categoryAxisTitle: "Present value: each bin from its lower edge (£)",
    valueAxisTitle: "Share of the trials in which it pays",
  }));
}

/** The fair share's range and the terms on the table, three horizontal bars in pounds today. */
export function fairShareChart(at: Cursor, table: FairShareAnchors): void {
  const { top, bottom } = table;
  place(
    at,
    table,
    (anchor) => ({
      kind: "bar",
      title: "A fair share and the terms on the table, risk-adjusted value today",
      categories: `A${top}:A${bottom}`,
      series: [{ name: "Risk-adjusted value today", values: `C${top}:C${bottom}` }],
      anchor,
      valueFormat: VALUE,
      valueAxisTitle: "Risk-adjusted present value (£)",
      topDown: true,
    }),
    12
  );
}

/**
 * A mechanism's tornado: a horizontal bar for the change at each assumption's low and high value, the
 * largest swing at the top as in its table.
 */
export function tornadoChart(at: Cursor, name: string, table: TornadoChartAnchors): void {
  const { top, bottom } = table;
  const column = (col: number) => `${columnLetter(col)}${top}:${columnLetter(col)}${bottom}`;
  place(
    at,
    table,
    (anchor) => ({
      kind: "bar",
      title: `${name}: change in risk-adjusted value, one assumption at a time`,
      categories: column(table.categories),
      series: [
        { name: "At the low value", values: column(table.changeAtLow) },
        { name: "At the high value", values: column(table.changeAtHigh) },
      ],
      anchor,
      valueFormat: VALUE,
      valueAxisTitle: "Change from the value as assumed (£)",
      topDown: true,
    }),
    TORNADO_CHART_ROWS(bottom - top + 1)
  );
}

/** Rows a tornado of `bars` bars covers: two a bar, and room for the title, axis and legend; no fewer than 12. */
const TORNADO_CHART_ROWS = (bars: number) => Math.max(12, 2 * bars + 5);

/** Where a table's chart goes: beside it, from its header row, or below it. */
export interface ChartPlace {
  /** The table's header row, where a chart beside it starts. */
  readonly headerRow: number;
  /** The table's last column. */
  readonly lastColumn: number;
}

/**
 * Beside the table (from its header row to at least BESIDE_ROWS rows down, the cursor moved below
 * both), or a blank row then `rows` rows (CHART_ROWS unless told) across the tables' width below it,
 * kept together.
 */
function place(
  at: Cursor,
  table: ChartPlace,
  chart: (anchor: string) => ChartSpec,
  rows: number = CHART_ROWS
): void {
  if (chartFitsBeside(table.lastColumn)) {
    const bottom = Math.max(at.row - 1, table.headerRow + BESIDE_ROWS - 1);
    const left = columnLetter(table.lastColumn + 1);
    at.sheet.chart(chart(`${left}${table.headerRow}:${columnLetter(LAST_COLUMN)}${bottom}`));
    at.row = bottom + 1;
    return;
  }
  at.skip();
  at.keep(rows);
  at.sheet.chart(chart(`A${at.row}:${columnLetter(LAST_COLUMN)}${at.row + rows - 1}`));
  at.skip(rows);
}
