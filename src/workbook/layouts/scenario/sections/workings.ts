/**
 * The sensitivity grids' workings, below the print area: one scalar formula a cell, the forecast years
 * down and one column per axis value, because HyperFormula and older Excel do not evaluate array
 * arithmetic inside SUMPRODUCT. The grids' cells are SUMPRODUCTs over these columns.
 */
import { Decimal, ZERO } from "../../../../model/decimal";
import { flatCurve, type Candidate, type ScenarioInputs } from "../../../../core/scenarios";
import type { CashFlow } from "../../../../core/scenarios/mechanisms";
import { flatRoyaltyFlows, royaltyFlowsAtPeak } from "../../../../core/scenarios/sensitivity";
import { FactorCache } from "../../../../core/scenarios/value";
import type { Cursor } from "../../../spec/cursor";
import { formula, num, text } from "../../../spec/spec";
import { TABLE_HEADER } from "../../../spec/styles";
import { flatFactorFormula, royaltyFormula, type DiscountBands } from "../formulas";
import { A, COL, FACTOR, RATE, VALUE, YEARS, n } from "../style";
import { forecastCell, forecastRange, type ForecastAnchors } from "./assumptions";
import type { MilestoneAnchors, RoyaltyAnchors } from "./payments";
import { royaltyFormulaTerms } from "./terms";

export interface WorkingsAnchors {
  /** Per royalty rate of the first grid: the column of that royalty in each forecast year. */
  readonly royaltyAtRate: readonly string[];
  /** Per discount rate of the first grid: the column of its factor in each forecast year. */
  readonly factorAtRate: readonly string[];
  /** Per discount rate: the column of its factor at each milestone's year. */
  readonly milestoneFactorAtRate: readonly string[];
  /** Per peak revenue of the second grid: the column of the royalty offer in each year, scaled. */
  readonly royaltyAtPeak: readonly string[];
}

/** What the workings read: the forecast, the grids' axes, and the first royalty and milestone offers. */
export interface WorkingsContext {
  readonly forecast: ForecastAnchors;
  /** The discount bands, whose inflation (for nominal amounts) every grid column's factor keeps. */
  readonly bands: DiscountBands;
  /** The scenario, whose figures (through the core) the workings' formulas cache. */
  readonly inputs: ScenarioInputs;
  /** The first royalty offer: its candidate, and its terms and term on the sheet. */
  readonly royalty: { readonly candidate: Candidate; readonly payments: RoyaltyAnchors } | null;
  readonly milestones: MilestoneAnchors | null;
}

/** The amount a payment of `flows` in `year` pays if it is paid; 0 when none falls in it. */
function amountIn(flows: readonly CashFlow[], year: number): Decimal {
  return flows.find((flow) => flow.year.equals(year))?.amount ?? ZERO;
}

/** Discount factors at a flat real rate with the scenario's price basis, the core's. */
const flatFactors = (inputs: ScenarioInputs) => (rate: Decimal) =>
  new FactorCache(flatCurve(rate, undefined, inputs.discount.priceBasis));

export function workingsSection(at: Cursor, context: WorkingsContext): WorkingsAnchors {
  const { inputs } = context;
  const axes = inputs.sensitivity;
  const royalty = context.royalty?.payments ?? null;
  const royaltyMechanism =
    context.royalty?.candidate.mechanism.kind === "royalty"
      ? context.royalty.candidate.mechanism
      : undefined;
  at.sheet.setAt(
    at.row,
    1,
    text(
      "Workings for the sensitivity grids (not printed): each column is one grid row or column, year by year."
    ),
    { style: { bold: true, size: 12 } }
  );
  at.skip(2);
  const revenue = (year: number) => forecastCell(context.forecast, year, COL.revenue);
  const inTerm = (year: number) => royalty?.inTermByYear[year - 1] ?? null;
  const royaltyAtRate = yearBlock(
    at,
    context,
    "Royalty in each year at each flat royalty rate (the first grid's rows)",
    axes.royaltyRates,
    RATE,
    (year, rate) => {
      const product = `${revenue(year)}*${rate}`;
      const due = royalty?.terms.hasCap ? `MIN(${royalty.terms.capCell},${product})` : product;
      const floored = royalty?.terms.hasMinimum ? `MAX(${royalty.terms.minimumCell},${due})` : due;
      const term = inTerm(year);
      return term === null ? floored : `${term}*${floored}`;
    },
    (rate) => {
      const flows = flatRoyaltyFlows(
        royaltyMechanism,
        inputs.forecast,
        inputs.probabilityOfReachingMarket,
        rate
      );
      return (year) => amountIn(flows, year);
    }
  );
  const factorAtRate = yearBlock(
    at,
    context,
    "Discount factor in each year at each flat discount rate (the first grid's columns)",
    axes.discountRates,
    RATE,
    (year, rate) =>
      flatFactorFormula(rate, context.bands, forecastCell(context.forecast, year, COL.year)),
    (rate) => {
      const factors = flatFactors(inputs)(rate);
      return (year) => factors.at(new Decimal(year));
    }
  );
  const milestoneFactorAtRate =
    context.milestones === null ? [] : milestoneBlock(at, context, context.milestones);
  const royaltyOffer = context.royalty?.candidate;
  const royaltyAtPeak =
    royalty === null || royaltyOffer === undefined
      ? []
      : yearBlock(
          at,
          context,
          "The royalty offer in each year with the forecast scaled to each peak revenue (the second grid's rows)",
          axes.peakRevenues,
          VALUE,
          (year, peakCell) => {
            const peak = `MAX(${forecastRange(context.forecast, COL.revenue)})`;
            const scaled = `${revenue(year)}*${peakCell}/${peak}`;
            return `${inTerm(year)}*${royaltyFormula(scaled, royaltyFormulaTerms(royalty.terms))}`;
          },
          (peak, i) => {
            const flows = royaltyFlowsAtPeak(
              royaltyOffer,
              inputs.forecast,
              peak,
              i,
              inputs.probabilityOfReachingMarket
            );
            return (year) => amountIn(flows, year);
          }
        );
  return { royaltyAtRate, factorAtRate, milestoneFactorAtRate, royaltyAtPeak };
}

function blockTitle(at: Cursor, title: string): void {
  at.sheet.setAt(at.row, 1, text(title), { style: { bold: true } });
  at.skip();
}

/** A header of "Year" and the axis values from column C; returns its row. */
function axisHeader(at: Cursor, values: readonly Decimal[], format: string): number {
  const headerRow = at.row;
  at.sheet.setAt(headerRow, 1, text("Year"), { style: TABLE_HEADER });
  values.forEach((value, j) =>
    at.sheet.setAt(headerRow, 3 + j, num(n(value)), { numberFormat: format, style: TABLE_HEADER })
  );
  at.skip();
  return headerRow;
}

/**
 * A block with the forecast years down and one column per axis value; returns each column's range.
 * `cached` gives, for an axis value (and its index), the core's figure in each year.
 */
function yearBlock(
  at: Cursor,
  context: WorkingsContext,
  title: string,
  values: readonly Decimal[],
  format: string,
  cell: (year: number, valueCell: string) => string,
  cached: (value: Decimal, j: number) => (year: number) => Decimal
): string[] {
  const { forecast } = context;
  const years = context.inputs.forecast.length;
  blockTitle(at, title);
  const headerRow = axisHeader(at, values, format);
  const columns = values.map((value, j) => cached(value, j));
  const top = at.row;
  for (let year = 1; year <= years; year++) {
    at.sheet.setAt(at.row, 1, formula(forecastCell(forecast, year, COL.year), year));
    columns.forEach((figure, j) =>
      at.sheet.setAt(at.row, 3 + j, formula(cell(year, A(headerRow, 3 + j)), n(figure(year))), {
        numberFormat: "#,##0.00####",
      })
    );
    at.skip();
  }
  at.skip();
  return values.map((_, j) => `${A(top, 3 + j)}:${A(top + years - 1, 3 + j)}`);
}

/** The discount factor at each milestone's year at each flat discount rate. */
function milestoneBlock(
  at: Cursor,
  context: WorkingsContext,
  milestones: MilestoneAnchors
): string[] {
  const { discountRates } = context.inputs.sensitivity;
  blockTitle(at, "Discount factor at each milestone's year at each flat discount rate");
  const headerRow = axisHeader(at, discountRates, RATE);
  const factors = discountRates.map(flatFactors(context.inputs));
  const top = at.row;
  milestones.years.forEach((year, k) => {
    const value = milestones.yearValues[k] as Decimal;
    at.sheet.setAt(at.row, 1, formula(year, n(value)), { numberFormat: YEARS });
    factors.forEach((atRate, j) =>
      at.sheet.setAt(
        at.row,
        3 + j,
        formula(flatFactorFormula(A(headerRow, 3 + j), context.bands, year), n(atRate.at(value))),
        { numberFormat: FACTOR }
      )
    );
    at.skip();
  });
  at.skip();
  return discountRates.map(
    (_, j) => `${A(top, 3 + j)}:${A(top + milestones.years.length - 1, 3 + j)}`
  );
}
