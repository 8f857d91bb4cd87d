/**
 * What every part of the scenario sheet shares: the yearly tables' columns, the number formats, the
 * styles of inputs and totals, the mechanisms' labels and the column widths text is fitted to.
 */
import type { Decimal } from "../../../model/decimal";
import type { ScenarioInputs } from "../../../core/scenarios";
import { absoluteAddress, cellAddress } from "../../spec/a1";
import type { CellStyle } from "../../spec/spec";

/**
 * Money on the sheet, every table alike: whole pounds, as valuations compared rather than paid (a cell
 * keeps its exact figure; only its display is rounded).
 */
export { WHOLE_POUNDS_FORMAT as VALUE } from "../../spec/styles";
export const RATE = "0.00%";
export const FINE_RATE = "0.000%";
export const FACTOR = "0.000000";
/** A share of trials. */
export const SHARE = "0.0%";
export { PLAIN_NUMBER_FORMAT as YEARS } from "../../spec/styles";
/** A part of a year from the quote date (a dated instalment), to two places: 0.08. */
export const PART_YEARS = "0.00";

/** Shaded: the cells a reader may change. */
export const INPUT: CellStyle = { fill: "#FFF4CC", vertical: "top" };
export const TOTAL: CellStyle = { bold: true, border: { top: "thin" } };
export const FIGURE: CellStyle = { bold: true, size: 12 };
export const TITLE_HEIGHT = 24;
/** The row of a 12-point figure. */
export const FIGURE_HEIGHT = 18;

/** The yearly tables' columns. */
export const COL = {
  year: 1,
  payment: 2,
  revenue: 3,
  inTerm: 4,
  /** In a table of payments the partner contracted to make (not a royalty's), where inTerm would be. */
  partnerPaying: 4,
  amount: 5,
  probability: 6,
  expected: 7,
  factor: 8,
  presentValue: 9,
  riskAdjusted: 10,
  cumulative: 11,
} as const;
export const LAST_COLUMN = COL.cumulative;
/** Rows a chart covers: about 270 points, readable at the sheet's printed width. */
export const CHART_ROWS = 18;

/** Widths of columns A..K; a grid or histogram wider than the tables has columns of the last width. */
export const COLUMN_WIDTHS: readonly number[] = [8, 28, 14, 13, 14, 13, 14, 13, 14, 14, 14];
const EXTRA_COLUMN_WIDTH = 14;

/** The grids and histogram may be wider than the tables; the print area takes the widest. */
export function sheetWidth(inputs: ScenarioInputs): number {
  const axes = inputs.sensitivity;
  return Math.max(
    LAST_COLUMN,
    2 + axes.discountRates.length,
    2 + axes.probabilities.length,
    3 + inputs.candidates.length
  );
}

export function columnWidth(col: number): number {
  return COLUMN_WIDTHS[col - 1] ?? EXTRA_COLUMN_WIDTH;
}

/** The absolute address of a cell: "$C$12". */
export const A = (row: number, col: number): string => absoluteAddress(cellAddress(row, col));
export const n = (value: Decimal): number => value.toNumber();
