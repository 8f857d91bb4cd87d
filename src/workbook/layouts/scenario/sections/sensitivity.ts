/**
 * The two sensitivity grids: a flat royalty at each rate against each flat discount rate (with the
 * milestone offer beneath, to read against), and the royalty offer with the forecast scaled to each peak
 * revenue against each probability of reaching market. Each cell is a formula over the workings laid out
 * below the printed page, written once they are (gridFormulas).
 */
import type { Decimal } from "../../../../model/decimal";
import type { ScenarioInputs, ScenarioResult } from "../../../../core/scenarios";
import { cellAddress } from "../../../spec/a1";
import type { SheetSpecBuilder } from "../../../spec/builder";
import type { Cursor } from "../../../spec/cursor";
import { formula, num, text } from "../../../spec/spec";
import { TABLE_HEADER, TOP } from "../../../spec/styles";
import { note } from "../rows";
import { A, COL, RATE, TOTAL, VALUE, n } from "../style";
import { forecastRange, type AssumptionAnchors } from "./assumptions";
import type { FirstOffers } from "./mechanism";
import type { WorkingsAnchors } from "./workings";

/** A grid cell's formula over the workings, and the engine's value for it. */
export interface GridFormula {
  readonly row: number;
  readonly col: number;
  readonly build: (workings: WorkingsAnchors) => string;
  readonly cached: number;
}

export interface SensitivityAnchors {
  /** Grid cells by [row][column], as the engine's grids. */
  readonly royaltyByDiscountRate: readonly (readonly string[])[];
  readonly milestonesByDiscountRate: readonly string[] | null;
  readonly peakRevenueByProbability: readonly (readonly string[])[] | null;
  /** Every grid cell's formula, for gridFormulas to write once the workings are laid out. */
  readonly formulas: readonly GridFormula[];
}

/** What the grids read: the assumptions, and the first royalty and milestone offers where there are. */
export interface SensitivityContext {
  readonly inputs: ScenarioInputs;
  readonly result: ScenarioResult;
  readonly assumptions: AssumptionAnchors;
  readonly offers: FirstOffers;
  /** The sheet's printed width in columns. */
  readonly width: number;
}

export function sensitivitySection(at: Cursor, context: SensitivityContext): SensitivityAnchors {
  const formulas: GridFormula[] = [];
  const { royaltyByDiscountRate, milestonesByDiscountRate } = royaltyGrid(at, context, formulas);
  const peakRevenueByProbability = peakGrid(at, context, formulas);
  return { royaltyByDiscountRate, milestonesByDiscountRate, peakRevenueByProbability, formulas };
}

/** Writes each grid cell's formula over the workings, with the engine's value cached. */
export function gridFormulas(
  sheet: SheetSpecBuilder,
  formulas: readonly GridFormula[],
  workings: WorkingsAnchors
): void {
  for (const cell of formulas)
    sheet.setAt(cell.row, cell.col, formula(cell.build(workings), cell.cached), {
      numberFormat: VALUE,
      style: TOP,
    });
}

/** A grid's corner label in B and its column values across from C, as headers. */
function axisRow(at: Cursor, corner: string, values: readonly Decimal[]): void {
  at.sheet.setAt(at.row, 2, text(corner), { style: { ...TABLE_HEADER, wrap: true } });
  values.forEach((value, j) =>
    at.sheet.setAt(at.row, 3 + j, num(n(value)), {
      numberFormat: RATE,
      style: { ...TABLE_HEADER, horizontal: "right" },
    })
  );
}

function royaltyGrid(
  at: Cursor,
  context: SensitivityContext,
  formulas: GridFormula[]
): { royaltyByDiscountRate: string[][]; milestonesByDiscountRate: string[] | null } {
  const { sheet } = at;
  const { inputs, width } = context;
  const { royalty, milestones } = context.offers;
  const axes = inputs.sensitivity;
  const pMarket = context.assumptions.probabilityOfReachingMarket;
  const grid = context.result.sensitivity.royaltyRateByDiscountRate;
  // The milestone offer's row, only where there is one.
  const milestoneRow = grid.milestones !== null && milestones !== null;
  at.heading("Sensitivity: royalty rate x discount rate", width, axes.royaltyRates.length + 4);
  note(
    at,
    `Risk-adjusted present value of a flat royalty at each rate (down) with each flat discount rate (across), ${royalty ? `keeping ${royalty.candidate.id}'s cap, minimum and term` : "over the whole forecast"}${milestoneRow ? `; the last row is ${milestones.candidate.id} at the same discount rates` : ""}. Formulas over the workings below the printed page.`,
    width
  );
  axisRow(at, "Royalty rate \\ discount rate", axes.discountRates);
  at.skip();
  const royaltyByDiscountRate = axes.royaltyRates.map((rate, i) => {
    sheet.setAt(at.row, 2, num(n(rate)), {
      numberFormat: RATE,
      style: { ...TOP, horizontal: "left" },
    });
    const cells = axes.discountRates.map((_, j) => {
      formulas.push({
        row: at.row,
        col: 3 + j,
        build: (w) => `${pMarket}*SUMPRODUCT(${w.royaltyAtRate[i]},${w.factorAtRate[j]})`,
        cached: n((grid.cells[i] as readonly Decimal[])[j] as Decimal),
      });
      return cellAddress(at.row, 3 + j);
    });
    at.skip();
    return cells;
  });
  if (grid.milestones === null || milestones === null)
    return { royaltyByDiscountRate, milestonesByDiscountRate: null };
  sheet.setAt(at.row, 2, text(milestones.candidate.id), { style: { ...TOTAL, wrap: true } });
  at.fitText(milestones.candidate.id, 2);
  const { amounts, probabilities, partnerPaying } = milestones.payments;
  const milestonesByDiscountRate = grid.milestones.map((value, j) => {
    formulas.push({
      row: at.row,
      col: 3 + j,
      build: (w) =>
        `SUMPRODUCT(${amounts},${probabilities},${partnerPaying},${w.milestoneFactorAtRate[j]})`,
      cached: n(value),
    });
    return cellAddress(at.row, 3 + j);
  });
  at.skip();
  return { royaltyByDiscountRate, milestonesByDiscountRate };
}

function peakGrid(
  at: Cursor,
  context: SensitivityContext,
  formulas: GridFormula[]
): string[][] | null {
  const { sheet } = at;
  const { inputs, width } = context;
  const royalty = context.offers.royalty?.candidate ?? null;
  const axes = inputs.sensitivity;
  const factors = forecastRange(context.assumptions.forecast, COL.factor);
  at.heading(
    "Sensitivity: peak revenue x probability of reaching market",
    width,
    axes.peakRevenues.length + 3
  );
  const byPeak = context.result.sensitivity.peakRevenueByProbability;
  if (byPeak === null || royalty === null) {
    note(
      at,
      royalty === null
        ? "None: the comparison has no royalty offer to vary."
        : "None: the forecast has no revenue to scale.",
      width
    );
    return null;
  }
  note(
    at,
    `Risk-adjusted present value of ${royalty.id} with the forecast scaled to each peak revenue (down) and each probability of reaching market (across), at the discount rate of the assumptions.`,
    width
  );
  axisRow(at, "Peak revenue \\ probability", axes.probabilities);
  const probabilityRow = at.row;
  at.skip();
  return axes.peakRevenues.map((peak, i) => {
    sheet.setAt(at.row, 2, num(n(peak)), {
      numberFormat: VALUE,
      style: { ...TOP, horizontal: "left" },
    });
    const cells = axes.probabilities.map((_, j) => {
      formulas.push({
        row: at.row,
        col: 3 + j,
        build: (w) => `${A(probabilityRow, 3 + j)}*SUMPRODUCT(${w.royaltyAtPeak[i]},${factors})`,
        cached: n((byPeak.cells[i] as readonly Decimal[])[j] as Decimal),
      });
      return cellAddress(at.row, 3 + j);
    });
    at.skip();
    return cells;
  });
}
