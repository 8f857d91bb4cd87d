/**
 * What every section of the strategy review sheet shares: the quotes table's columns and widths, the
 * number formats, and the defined names the engines test and an auditor read the totals by.
 */
import { absoluteAddress, cellAddress } from "../../spec/a1";
import type { CellStyle } from "../../spec/spec";

export { POUNDS_FORMAT as POUNDS, POUNDS_OVER_UNDER_FORMAT as OVER_UNDER } from "../../spec/styles";
export const RATE = "0.00%";

/** The quotes table's columns, left to right; the summaries use A:B for labels, C and D for figures. */
export const COL = {
  reference: 1,
  partner: 2,
  use: 3,
  stage: 4,
  date: 5,
  revision: 6,
  linesCharged: 7,
  passThrough: 8,
  recoveryBase: 9,
  fixed: 10,
  capital: 11,
} as const;
export const LAST_COLUMN = COL.capital;

/**
 * Widths of A..K: about 160 units, which print across landscape A4 at about 83% (fit to width), so the
 * 11-point body prints at 9 points or more.
 */
export const COLUMN_WIDTHS: readonly number[] = [14, 24, 16, 16, 14, 9, 14, 14, 14, 14, 14];

export const TOTAL: CellStyle = { bold: true, border: { top: "thin" } };
export const FIGURE: CellStyle = { vertical: "top" };

/** The absolute address of a cell: "$C$12". */
export const A = (row: number, col: number): string => absoluteAddress(cellAddress(row, col));

/** The defined names of the review's figures, each the cell a --json figure is compared with. */
export const REVIEW_NAMES = {
  fixedPool: "NHSDP_Review_FixedPool",
  fixedAccepted: "NHSDP_Review_FixedAccepted",
  fixedIssued: "NHSDP_Review_FixedIssued",
  fixedDraft: "NHSDP_Review_FixedDraft",
  fixedDeclined: "NHSDP_Review_FixedDeclined",
  fixedWithdrawn: "NHSDP_Review_FixedWithdrawn",
  fixedRecovered: "NHSDP_Review_FixedRecovered",
  fixedCommercial: "NHSDP_Review_FixedCommercial",
  fixedNonCommercial: "NHSDP_Review_FixedNonCommercial",
  fixedOverUnder: "NHSDP_Review_FixedOverUnder",
  fixedNextRate: "NHSDP_Review_FixedNextRate",
  capitalPool: "NHSDP_Review_CapitalPool",
  capitalAccepted: "NHSDP_Review_CapitalAccepted",
  capitalIssued: "NHSDP_Review_CapitalIssued",
  capitalDraft: "NHSDP_Review_CapitalDraft",
  capitalDeclined: "NHSDP_Review_CapitalDeclined",
  capitalWithdrawn: "NHSDP_Review_CapitalWithdrawn",
  capitalRecovered: "NHSDP_Review_CapitalRecovered",
  capitalCommercial: "NHSDP_Review_CapitalCommercial",
  capitalNonCommercial: "NHSDP_Review_CapitalNonCommercial",
  capitalOverUnder: "NHSDP_Review_CapitalOverUnder",
  capitalNextRate: "NHSDP_Review_CapitalNextRate",
  forecastCommercial: "NHSDP_Review_ForecastCommercial",
  forecastNonCommercial: "NHSDP_Review_ForecastNonCommercial",
  forecast: "NHSDP_Review_Forecast",
  realisedCommercial: "NHSDP_Review_RealisedCommercial",
  realisedNonCommercial: "NHSDP_Review_RealisedNonCommercial",
  realised: "NHSDP_Review_Realised",
  baseDifference: "NHSDP_Review_BaseDifference",
  passThroughCharged: "NHSDP_Review_PassThroughCharged",
  linesCharged: "NHSDP_Review_LinesCharged",
  passThroughShare: "NHSDP_Review_PassThroughShare",
} as const;
export type ReviewFigure = keyof typeof REVIEW_NAMES;
