/**
 * The cumulative risk-adjusted value of each mechanism at the end of each whole year, from year 0 to
 * the last payment's, which the line chart below it draws. The mechanisms' tables pay in different
 * years (a milestone in year 2.5, a subscription from year 0), so each column sums its own table's
 * risk-adjusted values up to the row's year rather than reading its Cumulative column.
 */
import type { MechanismValue, ScenarioInputs } from "../../../../core/scenarios";
import { ZERO } from "../../../../model/decimal";
import { cashFlows } from "../../../../core/scenarios/mechanisms";
import type { Cursor } from "../../../spec/cursor";
import { formula, num } from "../../../spec/spec";
import { TOP } from "../../../spec/styles";
import { header, note } from "../rows";
import { A, CHART_ROWS, COL, LAST_COLUMN, VALUE, n } from "../style";
import { BESIDE_ROWS, chartFitsBeside } from "./charts";
import type { MechanismAnchors } from "./mechanism";

/**
 * The table's rows, year 0 first; mechanism m's column is 3 + m, the years in column A; its header on
 * `headerRow`, its last column `lastColumn`.
 */
export interface CumulativeAnchors {
  readonly top: number;
  readonly bottom: number;
  readonly headerRow: number;
  readonly lastColumn: number;
}

export function cumulativeSection(
  at: Cursor,
  inputs: ScenarioInputs,
  tables: readonly MechanismAnchors[],
  values: readonly MechanismValue[],
  names: readonly string[]
): CumulativeAnchors {
  const { sheet } = at;
  const { candidates } = inputs;
  let lastYear = inputs.forecast.length;
  for (const candidate of candidates)
    for (const flow of cashFlows(
      candidate,
      inputs.forecast,
      inputs.probabilityOfReachingMarket,
      inputs.counterparty.defaultRate
    ))
      lastYear = Math.max(lastYear, Math.ceil(n(flow.year)));
  const lastColumn = 2 + candidates.length;
  const beside = chartFitsBeside(lastColumn);
  // The table and its chart print together.
  const rows = lastYear + 1;
  at.heading(
    "Cumulative risk-adjusted value by year",
    LAST_COLUMN,
    3 + (beside ? Math.max(rows + 1, BESIDE_ROWS) : rows + 2 + CHART_ROWS)
  );
  note(
    at,
    `Each mechanism's risk-adjusted present value received by the end of each year: the sum of its table's risk-adjusted values up to that year, so it follows the tables' inputs. Drawn in the chart ${beside ? "beside" : "below"} it.`
  );
  const headerRow = at.row;
  header(at, ["Year", null, ...names], 1, 3);
  const top = at.row;
  for (let year = 0; year <= lastYear; year++) {
    sheet.setAt(at.row, 1, num(year), { style: { ...TOP, horizontal: "left" } });
    tables.forEach((table, m) => {
      const value =
        table.bottom < table.top
          ? "0"
          : `SUMIF(${A(table.top, COL.year)}:${A(table.bottom, COL.year)},"<="&${A(at.row, 1)},${A(table.top, COL.riskAdjusted)}:${A(table.bottom, COL.riskAdjusted)})`;
      sheet.setAt(at.row, 3 + m, formula(value, n(cumulativeAt(values[m], year))), {
        numberFormat: VALUE,
        style: TOP,
      });
    });
    at.skip();
  }
  return { top, bottom: at.row - 1, headerRow, lastColumn };
}

/**
 * The core's cumulative risk-adjusted value of a mechanism by the end of `year`: a payment during year n
 * is in year n's row, and after the last row every payment has been received.
 */
function cumulativeAt(value: MechanismValue | undefined, year: number) {
  if (value === undefined) return ZERO;
  const { years } = value;
  const row = years[Math.min(year, years.length - 1)];
  return row === undefined ? ZERO : row.cumulativeDiscountedExpectedCash;
}
