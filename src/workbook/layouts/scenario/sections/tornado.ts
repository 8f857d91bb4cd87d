/**
 * The tornado: for each mechanism, its risk-adjusted present value with one assumption at a time moved to
 * its low and then its high value, the largest swing first, and a horizontal bar chart of the changes
 * from the value as assumed. The values at the low and the high are the add-in's, written as values (as
 * the simulation's are): each is a whole revaluation with one input changed, which the sheet's formulas
 * above compute only at the inputs as they stand. The swing and the changes are formulas over them.
 */
import type { Tornado, TornadoBar, TornadoUnit } from "../../../../core/scenarios";
import type { Decimal } from "../../../../model/decimal";
import type { Cursor } from "../../../spec/cursor";
import { formula, num, text } from "../../../spec/spec";
import { LABEL, TOP, WRAPPED } from "../../../spec/styles";
import { header, label, note } from "../rows";
import { A, FIGURE, RATE, VALUE, n } from "../style";
import { tornadoChart } from "./charts";

/** The table's columns: the assumption in A:B, then these. */
const T = {
  assumption: 1,
  low: 3,
  high: 4,
  valueAtLow: 5,
  valueAtHigh: 6,
  swing: 7,
  changeAtLow: 8,
  changeAtHigh: 9,
} as const;
export const TORNADO_LAST_COLUMN = T.changeAtHigh;

/** Where a mechanism's tornado is on the sheet, bar by bar in the table's order. */
export interface TornadoTableAnchors {
  readonly id: string;
  readonly baseValue: string;
  readonly bars: readonly {
    readonly assumption: string;
    readonly valueAtLow: string;
    readonly valueAtHigh: string;
    readonly swing: string;
    readonly changeAtLow: string;
    readonly changeAtHigh: string;
  }[];
}

/** A chart's rows: the bars' categories and the two series of changes, for tornadoChart. */
export interface TornadoChartAnchors {
  readonly top: number;
  readonly bottom: number;
  readonly headerRow: number;
  readonly lastColumn: number;
  readonly categories: number;
  readonly changeAtLow: number;
  readonly changeAtHigh: number;
}

const FORMATS: Record<TornadoUnit, string> = {
  pounds: VALUE,
  probability: "0.0%",
  years: "0",
  multiple: '0.00"x"',
  rate: RATE,
  points: "+0.00%;-0.00%;0.00%",
};

/** The default low and high, as TORNADO_ASSUMPTIONS gives them, in words for the sheet's note. */
export const TORNADO_DEFAULTS =
  "peak revenue 50% and 150% of the forecast's peak; the chance of reaching market half and one and a half times the scenario's (at most 100%); a launch 0 and 2 years late; royalty rates times 0.5 and 1.5 (each at most 100%); the discount rate 2 points either side (with the Green Book, every band's rate moved by the same points)";

export function tornadoSection(
  at: Cursor,
  tornado: Tornado,
  names: readonly string[],
  width: number
): TornadoTableAnchors[] {
  // The heading and its notes print with the first mechanism's table.
  const intro = () => {
    at.heading("Tornado: which assumption moves each value most", width, 6);
    note(
      at,
      "Each mechanism's risk-adjusted present value with one assumption at a time moved to its low and then its high value, every other as above; the rows are sorted by the swing, |value at high - value at low|, the largest first. " +
        `The low and high values are the scenarios block's (scenarios.tornado) where it gives them, otherwise: ${TORNADO_DEFAULTS}. ` +
        "A late launch moves the royalty's revenue later (cut at the forecast's last year) and every milestone tied to the launch by the same years.",
      width
    );
    note(
      at,
      "The values at the low and the high are computed by the add-in and written as values, like the simulation's results: each is a whole revaluation with one input changed, so they do not move when an input above is changed (generate the sheet again). The swing and the changes from the value as assumed are formulas over them.",
      width
    );
  };
  // The heading and notes print with the first table's first rows; each table with its chart on a
  // page of its own when they fit (with the notes, the first may not).
  const introStart = at.row;
  intro();
  at.keepWithNext.push([introStart, at.row - introStart + 5]);
  return tornado.mechanisms.map((mechanism, m) =>
    at.together(() => {
      const name = names[m] ?? mechanism.id;
      at.skip();
      at.sheet.setAt(at.row, 1, text(name), { style: { ...LABEL, wrap: true } });
      at.sheet.merge(`A${at.row}:I${at.row}`);
      at.fitText(name, 1, TORNADO_LAST_COLUMN);
      at.skip();
      label(at, "Risk-adjusted present value as assumed");
      const base = { address: A(at.row, T.low), value: mechanism.baseValue };
      const baseValue = at.sheet.setAt(at.row, T.low, num(n(mechanism.baseValue)), {
        numberFormat: VALUE,
        style: FIGURE,
      });
      at.skip();
      const headerRow = at.row;
      header(
        at,
        [
          "Assumption",
          null,
          "Low value",
          "High value",
          "Value at low",
          "Value at high",
          "Swing",
          "Change at low",
          "Change at high",
        ],
        1,
        3
      );
      const top = at.row;
      const bars = mechanism.bars.map((bar) => barRow(at, bar, base));
      const bottom = at.row - 1;
      if (mechanism.bars.every((bar) => bar.swing.isZero())) {
        at.skip();
        note(at, "No chart: none of these assumptions moves this mechanism's value.");
      } else
        tornadoChart(at, name, {
          top,
          bottom,
          headerRow,
          lastColumn: TORNADO_LAST_COLUMN,
          categories: T.assumption,
          changeAtLow: T.changeAtLow,
          changeAtHigh: T.changeAtHigh,
        });
      return { id: mechanism.id, baseValue, bars };
    })
  );
}

/** One assumption's row; `base` is the value as assumed: its absolute address, and the figure. */
function barRow(
  at: Cursor,
  bar: TornadoBar,
  base: { readonly address: string; readonly value: Decimal }
): TornadoTableAnchors["bars"][number] {
  const { sheet, row } = at;
  sheet.setAt(row, T.assumption, text(bar.label), { style: WRAPPED });
  sheet.merge(`A${row}:B${row}`);
  at.fitText(bar.label, 1, 2);
  const format = FORMATS[bar.unit];
  sheet.setAt(row, T.low, num(n(bar.low)), { numberFormat: format, style: TOP });
  sheet.setAt(row, T.high, num(n(bar.high)), { numberFormat: format, style: TOP });
  const low = sheet.setAt(row, T.valueAtLow, num(n(bar.valueAtLow)), {
    numberFormat: VALUE,
    style: TOP,
  });
  const high = sheet.setAt(row, T.valueAtHigh, num(n(bar.valueAtHigh)), {
    numberFormat: VALUE,
    style: TOP,
  });
  const cell = (col: number, f: string, cached: number) =>
    sheet.setAt(row, col, formula(f, cached), { numberFormat: VALUE, style: TOP });
  const swing = cell(T.swing, `ABS(${high}-${low})`, n(bar.swing));
  const changeAtLow = cell(
    T.changeAtLow,
    `${low}-${base.address}`,
    n(bar.valueAtLow.minus(base.value))
  );
  const changeAtHigh = cell(
    T.changeAtHigh,
    `${high}-${base.address}`,
    n(bar.valueAtHigh.minus(base.value))
  );
  at.skip();
  return {
    assumption: bar.assumption,
    valueAtLow: low,
    valueAtHigh: high,
    swing,
    changeAtLow,
    changeAtHigh,
  };
}
