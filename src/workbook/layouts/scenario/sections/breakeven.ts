/**
 * The breakeven royalty: the milestones' risk-adjusted value over the risk-weighted, discounted revenue
 * of the royalty's years, the flat rate at which a royalty is worth as much as the milestone offer.
 */
import {
  breakevenRevenueValue,
  type ScenarioInputs,
  type ScenarioResult,
} from "../../../../core/scenarios";
import { absoluteAddress } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import { formula, text } from "../../../spec/spec";
import { formulaStringLiteral } from "../../../spec/safeText";
import { LABEL, TOP } from "../../../spec/styles";
import { label, note } from "../rows";
import { COL, FIGURE, FIGURE_HEIGHT, FINE_RATE, LAST_COLUMN, VALUE, n } from "../style";
import { forecastRange, type AssumptionAnchors } from "./assumptions";
import type { FirstOffers } from "./mechanism";
import { NO_REVENUE } from "./comparison";

export interface BreakevenAnchors {
  /** The breakeven rate's cell, absolute; null when there is no milestone offer to match. */
  readonly rate: string | null;
}

/**
 * The revenue a flat royalty is paid on, risk-adjusted and discounted: over the first royalty offer's
 * term, or every year of the forecast without one (the core's breakevenRevenueValue).
 */
export function royaltyRevenueFormula(assumptions: AssumptionAnchors, offers: FirstOffers): string {
  const revenue = forecastRange(assumptions.forecast, COL.revenue);
  const factors = forecastRange(assumptions.forecast, COL.factor);
  const pMarket = assumptions.probabilityOfReachingMarket;
  return offers.royalty === null
    ? `${pMarket}*SUMPRODUCT(${revenue},${factors})`
    : `${pMarket}*SUMPRODUCT(${revenue},${factors},${offers.royalty.payments.inTerm})`;
}

export function breakevenSection(
  at: Cursor,
  assumptions: AssumptionAnchors,
  offers: FirstOffers,
  inputs: ScenarioInputs,
  result: ScenarioResult
): BreakevenAnchors {
  const { royalty, milestones } = offers;
  const { sheet } = at;
  at.heading("Breakeven royalty", LAST_COLUMN, 8);
  if (milestones === null) {
    note(at, "None: there is no milestone offer to match.");
    return { rate: null };
  }
  const revenueValue = royaltyRevenueFormula(assumptions, offers);
  note(
    at,
    `The flat royalty rate, with no cap or minimum, whose risk-adjusted present value equals ${milestones.candidate.id}'s: paid ${royalty !== null ? `over ${royalty.candidate.id}'s term from the launch` : "on every year of the forecast"} and only if the product reaches market. Above it the royalty is worth more to the NHS; below it the milestones are.`
  );
  // The core's figures, cached: the milestones' value, the revenue's, and the rate, their quotient.
  const milestonesValue = result.mechanisms.find(
    (value) => value.id === milestones.candidate.id
  )?.riskAdjustedPresentValue;
  const revenueWorth = breakevenRevenueValue(inputs);
  const breakevenRate = result.breakeven.rate;
  label(at, `${milestones.candidate.id}, risk-adjusted`);
  const milestonesCell = sheet.setAt(
    at.row,
    COL.riskAdjusted,
    formula(milestones.riskAdjusted, milestonesValue && n(milestonesValue)),
    { numberFormat: VALUE, style: TOP }
  );
  at.skip();
  sheet.setAt(at.row, 1, text("Revenue in the royalty's years, risk-adjusted and discounted"), {
    style: LABEL,
  });
  sheet.merge(`A${at.row}:E${at.row}`);
  const revenueCell = sheet.setAt(
    at.row,
    COL.riskAdjusted,
    formula(revenueValue, n(revenueWorth)),
    {
      numberFormat: VALUE,
      style: TOP,
    }
  );
  at.skip();
  label(at, "Breakeven royalty rate", { style: { ...LABEL, size: 12 } });
  const rate = sheet.setAt(
    at.row,
    COL.riskAdjusted,
    formula(
      `IF(${revenueCell}=0,${formulaStringLiteral(NO_REVENUE)},${milestonesCell}/${revenueCell})`,
      breakevenRate === null ? NO_REVENUE : n(breakevenRate)
    ),
    { numberFormat: FINE_RATE, style: FIGURE }
  );
  sheet.rowHeight(at.row, FIGURE_HEIGHT);
  at.skip();
  label(at, "A flat royalty at this rate is worth");
  sheet.setAt(
    at.row,
    COL.riskAdjusted,
    formula(
      `IF(ISNUMBER(${rate}),${rate}*${revenueCell},${formulaStringLiteral(NO_REVENUE)})`,
      breakevenRate === null ? NO_REVENUE : n(breakevenRate.times(revenueWorth))
    ),
    { numberFormat: VALUE, style: TOP }
  );
  at.skip();
  return { rate: absoluteAddress(rate) };
}
