/**
 * A mechanism's payments, one row each in time order, so that the cumulative column is the value
 * received by each date: the amount if paid, its probability, the expected cash, the discount factor,
 * the present value, the risk-adjusted present value and the cumulative risk-adjusted value.
 */
import { Decimal, ONE, ZERO } from "../../../../model/decimal";
import type { Candidate, Mechanism } from "../../../../core/scenarios";
import { royaltyYears, type CashFlow } from "../../../../core/scenarios/mechanisms";
import { flowValue, type FactorCache, type FlowValue } from "../../../../core/scenarios/value";
import type { Partnership } from "../../../../document/schema";
import { formatLongDate } from "../../../../model/format";
import type { Cursor } from "../../../spec/cursor";
import { formula, num, text, type CellValueSpec } from "../../../spec/spec";
import { TOP, WRAPPED } from "../../../spec/styles";
import { factorFormula, royaltyFormula, type DiscountBands } from "../formulas";
import { A, COL, FACTOR, INPUT, PART_YEARS, RATE, VALUE, YEARS, n } from "../style";
import { forecastCell, type AssumptionAnchors } from "./assumptions";
import {
  royaltyFormulaTerms,
  type RoyaltyTermAnchors,
  type SubscriptionTermAnchors,
} from "./terms";

/**
 * A payment table: the bands its factors use, and its first row, where the cumulative column starts;
 * the scenario's discount factors and the mechanism's payments, whose figures the cells cache.
 */
export interface PaymentTable {
  readonly bands: DiscountBands;
  /** The partner's yearly default rate, which weights every payment the partner has contracted to make. */
  readonly defaultRate: string;
  readonly top: number;
  readonly factors: FactorCache;
  /** The core's payments, in the mechanism's own order (cashFlows). */
  readonly flows: readonly CashFlow[];
}

/** The first milestone offer's payments, in time order, as the grids and workings read them. */
export interface MilestoneAnchors {
  readonly amounts: string;
  readonly probabilities: string;
  /** The chance the partner is still paying at each milestone. */
  readonly partnerPaying: string;
  /** Each milestone's year cell. */
  readonly years: readonly string[];
  /** Each milestone's year, in the same order. */
  readonly yearValues: readonly Decimal[];
}

/** A royalty's terms, and whether each forecast year is in its term (1 or 0). */
export interface RoyaltyAnchors {
  readonly terms: RoyaltyTermAnchors;
  /** The in-term column, every forecast year. */
  readonly inTerm: string;
  /** The in-term cell of each forecast year, year 1 first. */
  readonly inTermByYear: readonly string[];
}

interface Payment {
  readonly year: CellValueSpec;
  readonly label: string;
  readonly amount: CellValueSpec;
  readonly amountInput: boolean;
  readonly probability: CellValueSpec;
  readonly probabilityInput: boolean;
  /** A payment the partner contracted to make, weighted by the chance it is still paying; not a royalty. */
  readonly contracted: boolean;
  /** The core's payment, whose chance the partner is still paying the row caches. */
  readonly flow: CashFlow;
  /** The core's figures for the payment, which its formulas cache. */
  readonly value: FlowValue;
}

/**
 * Years from the quote date as a reader takes them in: whole years as they are, a part of a year (an
 * instalment due 25 days after the quote date is 0.068493 years) to two places.
 */
function yearsFormat(years: CellValueSpec): string {
  const value =
    years.kind === "number" ? years.value : years.kind === "formula" ? years.cachedValue : 0;
  return typeof value === "number" && !Number.isInteger(value) ? PART_YEARS : YEARS;
}

/**
 * One payment's row, its formulas caching the core's figures; `cumulative` is the risk-adjusted value of
 * the rows above. Returns the row and the cumulative value to it.
 */
function paymentRow(
  at: Cursor,
  table: PaymentTable,
  payment: Payment,
  cumulative: Decimal
): { row: number; cumulative: Decimal } {
  const { sheet } = at;
  const r = at.row;
  const { value } = payment;
  const total = cumulative.plus(value.riskAdjustedPresentValue);
  sheet.setAt(r, COL.year, payment.year, {
    numberFormat: yearsFormat(payment.year),
    style: { ...(payment.year.kind === "number" ? INPUT : TOP), horizontal: "left" },
  });
  if (payment.label !== "") {
    sheet.setAt(r, COL.payment, text(payment.label), { style: WRAPPED });
    at.fitText(payment.label, COL.payment);
  }
  sheet.setAt(r, COL.amount, payment.amount, {
    numberFormat: VALUE,
    style: payment.amountInput ? INPUT : TOP,
  });
  sheet.setAt(r, COL.probability, payment.probability, {
    numberFormat: RATE,
    style: payment.probabilityInput ? INPUT : TOP,
  });
  if (payment.contracted)
    sheet.setAt(
      r,
      COL.partnerPaying,
      formula(`(1-${table.defaultRate})^A${r}`, n(payment.flow.partnerPaying)),
      { numberFormat: RATE, style: TOP }
    );
  const expected = payment.contracted ? `E${r}*F${r}*D${r}` : `E${r}*F${r}`;
  sheet.setAt(r, COL.expected, formula(expected, n(value.expectedCash)), {
    numberFormat: VALUE,
    style: TOP,
  });
  sheet.setAt(r, COL.factor, formula(factorFormula(table.bands, `A${r}`), n(value.factor)), {
    numberFormat: FACTOR,
    style: TOP,
  });
  sheet.setAt(r, COL.presentValue, formula(`E${r}*H${r}`, n(value.presentValue)), {
    numberFormat: VALUE,
    style: TOP,
  });
  sheet.setAt(r, COL.riskAdjusted, formula(`G${r}*H${r}`, n(value.riskAdjustedPresentValue)), {
    numberFormat: VALUE,
    style: TOP,
  });
  sheet.setAt(r, COL.cumulative, formula(r === table.top ? `J${r}` : `K${r - 1}+J${r}`, n(total)), {
    numberFormat: VALUE,
    style: TOP,
  });
  at.skip();
  return { row: r, cumulative: total };
}

/** A payment with the core's figures for it. */
function flowOf(table: PaymentTable, flow: CashFlow): { flow: CashFlow; value: FlowValue } {
  return { flow, value: flowValue(flow, table.factors) };
}

/** The core's payment `i` with its figures. */
function flowAt(table: PaymentTable, i: number): { flow: CashFlow; value: FlowValue } {
  const flow = table.flows[i];
  if (flow === undefined) throw new Error(`The mechanism has no payment ${i + 1}`);
  return flowOf(table, flow);
}

/** Items in time order, each with its index in the terms (stable for the same year). */
function byTime<T extends { year: Decimal }>(items: readonly T[]): { item: T; i: number }[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.year.comparedTo(b.item.year) || a.i - b.i);
}

export function fixedPayments(
  at: Cursor,
  table: PaymentTable,
  mechanism: Extract<Mechanism, { kind: "fixed" }>,
  labels: readonly string[]
): void {
  let cumulative = ZERO;
  for (const { item, i } of byTime(mechanism.instalments))
    ({ cumulative } = paymentRow(
      at,
      table,
      {
        year: num(n(item.year)),
        label: labels[i] ?? "",
        amount: num(n(item.amount)),
        amountInput: true,
        probability: num(1),
        probabilityInput: false,
        contracted: true,
        ...flowAt(table, i),
      },
      cumulative
    ));
}

export function milestonePayments(
  at: Cursor,
  table: PaymentTable,
  mechanism: Extract<Mechanism, { kind: "milestones" }>,
  labels: readonly string[]
): MilestoneAnchors {
  let cumulative = ZERO;
  const ordered = byTime(mechanism.milestones.map((m) => ({ ...m, year: m.period })));
  const rows = ordered.map(({ item, i }) => {
    const row = paymentRow(
      at,
      table,
      {
        year: num(n(item.year)),
        label: labels[i] ?? "",
        amount: num(n(item.amount)),
        amountInput: true,
        probability: num(n(item.probability)),
        probabilityInput: true,
        contracted: true,
        ...flowAt(table, i),
      },
      cumulative
    );
    cumulative = row.cumulative;
    return row.row;
  });
  const last = at.row - 1;
  return {
    amounts: `${A(table.top, COL.amount)}:${A(last, COL.amount)}`,
    probabilities: `${A(table.top, COL.probability)}:${A(last, COL.probability)}`,
    partnerPaying: `${A(table.top, COL.partnerPaying)}:${A(last, COL.partnerPaying)}`,
    years: rows.map((r) => A(r, COL.year)),
    yearValues: ordered.map(({ item }) => item.year),
  };
}

export function subscriptionPayments(
  at: Cursor,
  table: PaymentTable,
  mechanism: Extract<Mechanism, { kind: "subscription" }>,
  terms: SubscriptionTermAnchors
): void {
  let cumulative = ZERO;
  for (let k = 0; k < mechanism.years; k++) {
    const { flow, value } = flowAt(table, k);
    ({ cumulative } = paymentRow(
      at,
      table,
      {
        year: formula(`${k}+IF(${terms.inAdvance}="Yes",0,1)`, n(flow.year)),
        label: `Fee ${k + 1}`,
        amount: formula(`${terms.fee}*(1+${terms.indexation})^${k}`, n(flow.amount)),
        amountInput: false,
        probability: num(1),
        probabilityInput: false,
        contracted: true,
        flow,
        value,
      },
      cumulative
    ));
  }
}

/** A royalty in each forecast year: the year's revenue, whether it is in the term, the royalty due. */
export function royaltyPayments(
  at: Cursor,
  table: PaymentTable,
  assumptions: AssumptionAnchors,
  scenario: { forecast: readonly Decimal[]; probabilityOfReachingMarket: Decimal },
  mechanism: Extract<Mechanism, { kind: "royalty" }>,
  terms: RoyaltyTermAnchors
): RoyaltyAnchors {
  const { sheet } = at;
  const { forecast } = assumptions;
  const pMarket = scenario.probabilityOfReachingMarket;
  const paid = royaltyYears(mechanism.termYears, scenario.forecast);
  const inTermByYear: string[] = [];
  let cumulative = ZERO;
  scenario.forecast.forEach((revenue, i) => {
    const year = i + 1;
    const r = at.row;
    // The core pays a royalty only in its term: a year outside it pays nothing.
    const k = paid.indexOf(year);
    const { flow, value } =
      k < 0
        ? flowOf(table, {
            year: new Decimal(year),
            amount: ZERO,
            probability: pMarket,
            partnerPaying: ONE,
          })
        : flowAt(table, k);
    sheet.setAt(r, COL.revenue, formula(forecastCell(forecast, year, COL.revenue), n(revenue)), {
      numberFormat: VALUE,
      style: TOP,
    });
    const since = forecastCell(forecast, year, COL.inTerm);
    sheet.setAt(
      r,
      COL.inTerm,
      formula(`IF(AND(${since}>=1,${since}<=${terms.term}),1,0)`, k < 0 ? 0 : 1),
      { style: TOP }
    );
    inTermByYear.push(A(r, COL.inTerm));
    ({ cumulative } = paymentRow(
      at,
      table,
      {
        year: formula(forecastCell(forecast, year, COL.year), year),
        label: "",
        amount: formula(
          `D${r}*${royaltyFormula(`C${r}`, royaltyFormulaTerms(terms))}`,
          n(flow.amount)
        ),
        amountInput: false,
        probability: formula(assumptions.probabilityOfReachingMarket, n(pMarket)),
        probabilityInput: false,
        contracted: false,
        flow,
        value,
      },
      cumulative
    ));
  });
  return {
    terms,
    inTerm: `${A(table.top, COL.inTerm)}:${A(at.row - 1, COL.inTerm)}`,
    inTermByYear,
  };
}

/** Each payment's label: a milestone's description, an instalment's due date. */
export function paymentLabels(doc: Partnership, candidate: Candidate): string[] {
  if (candidate.path === "valueSharing.milestones")
    return (doc.valueSharing.milestones ?? []).map((milestone) => milestone.description);
  if (candidate.path === "valueSharing.fixedPayment") {
    const instalments = doc.valueSharing.fixedPayment?.instalments ?? [];
    return instalments.length === 0
      ? ["On signature"]
      : instalments.map((i) => `Due ${formatLongDate(i.due)}`);
  }
  const alternative = doc.scenarios?.alternatives.find((a) => a.id === candidate.id);
  if (alternative?.mechanism === "milestones")
    return alternative.milestones.map((milestone) => milestone.description);
  if (alternative?.mechanism === "fixed")
    return alternative.instalments.map((_, i) => `Instalment ${i + 1}`);
  return [];
}
