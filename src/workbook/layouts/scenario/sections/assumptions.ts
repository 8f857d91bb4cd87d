/**
 * The assumptions every formula below reads: the probability of reaching market, the payback target
 * (empty when the document gives none), the partner's default rate, the discount schedule's bands,
 * the price basis (with nominal amounts, the inflation that deflates them) and the revenue forecast
 * with each year's discount factor.
 */
import { formatPercent, formatWholePounds } from "../../../../model/format";
import { Decimal } from "../../../../model/decimal";
import type { ScenarioInputs } from "../../../../core/scenarios";
import { equivalentNominalRate } from "../../../../core/scenarios/priceBasis";
import { yearsSinceLaunch } from "../../../../core/scenarios/revenue";
import { FactorCache } from "../../../../core/scenarios/value";
import { GREEN_BOOK_SCHEDULE } from "../../../../core/valuation/discounting";
import type { Partnership } from "../../../../document/schema";
import { absoluteAddress } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import { blank, formula, num } from "../../../spec/spec";
import { TOP } from "../../../spec/styles";
import { factorFormula, type Bands, type DiscountBands } from "../formulas";
import { comment, header, input, label } from "../rows";
import { A, COL, FACTOR, INPUT, RATE, VALUE, n } from "../style";

/** The forecast table: year 1 on row `top`, the last year on row `bottom`. */
export interface ForecastAnchors {
  readonly top: number;
  readonly bottom: number;
}

export interface AssumptionAnchors {
  readonly probabilityOfReachingMarket: string;
  readonly paybackTarget: string;
  /** The partner's yearly default rate. */
  readonly defaultRate: string;
  readonly bands: DiscountBands;
  readonly forecast: ForecastAnchors;
}

/** A column of the forecast table, every year, absolute: "$C$30:$C$39". */
export function forecastRange(forecast: ForecastAnchors, col: number): string {
  return `${A(forecast.top, col)}:${A(forecast.bottom, col)}`;
}

/** A column's cell in the forecast table for `year` (1 the first), absolute. */
export function forecastCell(forecast: ForecastAnchors, year: number, col: number): string {
  return A(forecast.top + year - 1, col);
}

export function assumptionsSection(
  at: Cursor,
  doc: Partnership,
  inputs: ScenarioInputs
): AssumptionAnchors {
  at.heading("Inputs: the assumptions, then the offers' terms");
  const probabilityOfReachingMarket = input(
    at,
    "Probability of reaching market",
    num(n(inputs.probabilityOfReachingMarket)),
    { numberFormat: RATE, style: INPUT },
    "the chance, from today, that the product earns the forecast revenue; a royalty is paid only then"
  );
  // Only a target the user states: the fee already recovers the partnership's cost.
  const target = inputs.paybackTarget;
  const paybackTarget = input(
    at,
    "Payback target",
    target === null ? blank() : num(n(target)),
    { numberFormat: VALUE, style: INPUT },
    target === null
      ? "none given, so no payback is shown; enter the pounds an offer must bring in (risk-adjusted, discounted) to see the year it does"
      : "from the scenarios block: the risk-adjusted present value an offer must reach to pay back"
  );
  const { counterparty } = inputs;
  const defaultRate = input(
    at,
    "Partner's default rate a year",
    num(n(counterparty.defaultRate)),
    { numberFormat: RATE, style: INPUT },
    `the chance each year that the partner stops paying: a fixed payment, fee or milestone due at year t is paid with probability (1 - rate)^t; a royalty is not (it is paid on sales). ${counterparty.stated ? "From the scenarios block" : "Not stated, so a starting point"}: ${counterparty.source}.`
  );
  // Each table with its title on one page (the section as a whole may not fit on one).
  const realBands = at.together(() => discountSection(at, inputs));
  at.skip();
  const inflation = at.together(() => priceBasisSection(at, inputs));
  if (inflation !== null) at.skip();
  const bands: DiscountBands = { ...realBands, inflation };
  const forecast = at.together(() => forecastSection(at, doc, inputs, bands));
  return { probabilityOfReachingMarket, paybackTarget, defaultRate, bands, forecast };
}

/** One band's "from year" and rate, as inputs in C and D; returns their absolute addresses. */
function bandRow(at: Cursor, fromYear: number, rate: number): { from: string; rate: string } {
  const from = absoluteAddress(at.sheet.setAt(at.row, 3, num(fromYear), { style: INPUT }));
  const rateCell = absoluteAddress(
    at.sheet.setAt(at.row, 4, num(rate), { numberFormat: RATE, style: INPUT })
  );
  at.skip();
  return { from, rate: rateCell };
}

/**
 * Whether the amounts are real or nominal and, when nominal, the inflation that deflates them, a band
 * a year as the Green Book's bands compound; null for real amounts, which nothing deflates.
 */
function priceBasisSection(at: Cursor, inputs: ScenarioInputs): Bands | null {
  const basis = inputs.discount.priceBasis;
  at.keep(3);
  label(at, "Price basis");
  if (basis.kind === "real") {
    comment(
      at,
      `Real: every amount is in today's prices, as the discount rates are, so nothing is deflated.${basis.stated ? "" : " The scenarios block does not say; state the price basis, since a contract's amounts are usually nominal."}`
    );
    at.skip();
    return null;
  }
  const nominal = equivalentNominalRate(
    basis,
    inputs.discount.kind === "flat" ? inputs.discount.rate : null
  );
  comment(
    at,
    `Nominal: every amount is in the pounds of the day it is paid, so each is deflated to today's prices by the inflation below, then discounted at the real rates above${nominal === null ? "" : ` (the same as discounting at a nominal ${formatPercent(nominal)})`}. Inflation from: ${basis.source}.`
  );
  at.skip();
  header(at, ["", "", "From year", "Inflation"], 1, 3);
  const rows = basis.inflation.map((rate, k) => bandRow(at, k, n(rate)));
  return { from: rows.map((row) => row.from), rate: rows.map((row) => row.rate) };
}

/** The discount rate: one flat band, or the Green Book's bands from the core's schedule. */
function discountSection(at: Cursor, inputs: ScenarioInputs): Bands {
  at.keep(3);
  label(at, "Discount rate");
  comment(
    at,
    inputs.discount.kind === "flat"
      ? "One flat rate for every year, compounded yearly; a payment at year t is worth 1 / (1 + rate)^t of itself today."
      : "HM Treasury Green Book declining schedule: each rate applies to the years in its band, and the bands compound one after another (year 40 is 1 / (1.035^30 x 1.03^10))."
  );
  at.skip();
  header(at, ["", "", "From year", "Rate"], 1, 3);
  const schedule =
    inputs.discount.kind === "flat"
      ? [{ fromYear: 0, rate: n(inputs.discount.rate) }]
      : GREEN_BOOK_SCHEDULE.map((band) => ({ fromYear: band.fromYear, rate: Number(band.rate) }));
  const rows = schedule.map((band) => bandRow(at, band.fromYear, band.rate));
  return { from: rows.map((row) => row.from), rate: rows.map((row) => row.rate) };
}

/** The revenue in each year if the product reaches market, the years since launch and the factor. */
function forecastSection(
  at: Cursor,
  doc: Partnership,
  inputs: ScenarioInputs,
  bands: DiscountBands
): ForecastAnchors {
  const { sheet } = at;
  at.keep(4);
  label(at, "Revenue forecast");
  const revenue = doc.scenarios?.revenue;
  comment(
    at,
    revenue?.kind === "curve"
      ? `From a curve: launch in year ${revenue.launchYear}, ${revenue.yearsToPeak} year(s) to a peak of ${formatWholePounds(revenue.peakRevenue)}, then ${formatPercent(revenue.declineRate)} a year less; the years are written out as inputs.`
      : "The product's revenue in each year if it reaches market, year 1 being the year after the quote date."
  );
  at.skip();
  header(
    at,
    ["Year", null, "Revenue", "Years since launch", null, null, null, "Discount factor"],
    1,
    3
  );
  const top = at.row;
  const since = yearsSinceLaunch(inputs.forecast);
  const factors = new FactorCache(inputs.discount);
  inputs.forecast.forEach((value: Decimal, i) => {
    const year = i + 1;
    const r = at.row;
    sheet.setAt(r, COL.year, num(year), { style: { ...TOP, horizontal: "left" } });
    sheet.setAt(r, COL.revenue, num(n(value)), { numberFormat: VALUE, style: INPUT });
    // Counted from the first year with revenue, as the royalty's term is.
    const count = year === 1 ? `IF(C${r}>0,1,0)` : `IF(D${r - 1}>0,D${r - 1}+1,IF(C${r}>0,1,0))`;
    sheet.setAt(r, COL.inTerm, formula(count, since[i]), { style: TOP });
    const factor = n(factors.at(new Decimal(year)));
    sheet.setAt(r, COL.factor, formula(factorFormula(bands, `A${r}`), factor), {
      numberFormat: FACTOR,
      style: TOP,
    });
    at.skip();
  });
  return { top, bottom: at.row - 1 };
}
