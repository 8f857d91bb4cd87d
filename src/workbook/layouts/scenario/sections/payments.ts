/**
 * A mechanism's payments, one row each in time order, so that the cumulative column is the value
 * received by each date: the amount if paid, its probability, the expected cash, the discount factor,
 * the present value, the risk-adjusted present value and the cumulative risk-adjusted value.
 */
import type { Decimal } from "../../../../model/decimal";
import type { Candidate, Mechanism } from "../../../../core/scenarios";
import type { Partnership } from "../../../../document/schema";
import type { Cursor } from "../../../spec/cursor";
import { formula, num, text, type CellValueSpec } from "../../../spec/spec";
import { TOP, WRAPPED } from "../../../spec/styles";
import { factorFormula, royaltyFormula, type DiscountBands } from "../formulas";
import { A, COL, FACTOR, INPUT, POUNDS, RATE, VALUE, YEARS, n } from "../style";
import { forecastCell, type AssumptionAnchors } from "./assumptions";
import {
  royaltyFormulaTerms,
  type RoyaltyTermAnchors,
  type SubscriptionTermAnchors,
} from "./terms";

/** A payment table: the bands its factors use, and its first row, where the cumulative column starts. */
export interface PaymentTable {
  readonly bands: DiscountBands;
  readonly top: number;
}

/** The first milestone offer's payments, in time order, as the grids and workings read them. */
export interface MilestoneAnchors {
  readonly amounts: string;
  readonly probabilities: string;
  /** Each milestone's year cell. */
  readonly years: readonly string[];
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
}

/** One payment's row; returns the row. */
function paymentRow(at: Cursor, table: PaymentTable, payment: Payment): number {
  const { sheet } = at;
  const r = at.row;
  sheet.setAt(r, COL.year, payment.year, {
    numberFormat: YEARS,
    style: { ...(payment.year.kind === "number" ? INPUT : TOP), horizontal: "left" },
  });
  if (payment.label !== "") {
    sheet.setAt(r, COL.payment, text(payment.label), { style: WRAPPED });
    at.fitText(payment.label, COL.payment);
  }
  sheet.setAt(r, COL.amount, payment.amount, {
    numberFormat: POUNDS,
    style: payment.amountInput ? INPUT : TOP,
  });
  sheet.setAt(r, COL.probability, payment.probability, {
    numberFormat: RATE,
    style: payment.probabilityInput ? INPUT : TOP,
  });
  sheet.setAt(r, COL.expected, formula(`E${r}*F${r}`), { numberFormat: POUNDS, style: TOP });
  sheet.setAt(r, COL.factor, formula(factorFormula(table.bands, `A${r}`)), {
    numberFormat: FACTOR,
    style: TOP,
  });
  sheet.setAt(r, COL.presentValue, formula(`E${r}*H${r}`), { numberFormat: VALUE, style: TOP });
  sheet.setAt(r, COL.riskAdjusted, formula(`G${r}*H${r}`), { numberFormat: VALUE, style: TOP });
  sheet.setAt(r, COL.cumulative, formula(r === table.top ? `J${r}` : `K${r - 1}+J${r}`), {
    numberFormat: VALUE,
    style: TOP,
  });
  at.skip();
  return r;
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
  for (const { item, i } of byTime(mechanism.instalments))
    paymentRow(at, table, {
      year: num(n(item.year)),
      label: labels[i] ?? "",
      amount: num(n(item.amount)),
      amountInput: true,
      probability: num(1),
      probabilityInput: false,
    });
}

export function milestonePayments(
  at: Cursor,
  table: PaymentTable,
  mechanism: Extract<Mechanism, { kind: "milestones" }>,
  labels: readonly string[]
): MilestoneAnchors {
  const rows = byTime(mechanism.milestones.map((m) => ({ ...m, year: m.period }))).map(
    ({ item, i }) =>
      paymentRow(at, table, {
        year: num(n(item.year)),
        label: labels[i] ?? "",
        amount: num(n(item.amount)),
        amountInput: true,
        probability: num(n(item.probability)),
        probabilityInput: true,
      })
  );
  const last = at.row - 1;
  return {
    amounts: `${A(table.top, COL.amount)}:${A(last, COL.amount)}`,
    probabilities: `${A(table.top, COL.probability)}:${A(last, COL.probability)}`,
    years: rows.map((r) => A(r, COL.year)),
  };
}

export function subscriptionPayments(
  at: Cursor,
  table: PaymentTable,
  mechanism: Extract<Mechanism, { kind: "subscription" }>,
  terms: SubscriptionTermAnchors
): void {
  for (let k = 0; k < mechanism.years; k++)
    paymentRow(at, table, {
      year: formula(`${k}+IF(${terms.inAdvance}="Yes",0,1)`),
      label: `Fee ${k + 1}`,
      amount: formula(`${terms.fee}*(1+${terms.indexation})^${k}`),
      amountInput: false,
      probability: num(1),
      probabilityInput: false,
    });
}

/** A royalty in each forecast year: the year's revenue, whether it is in the term, the royalty due. */
export function royaltyPayments(
  at: Cursor,
  table: PaymentTable,
  assumptions: AssumptionAnchors,
  years: number,
  terms: RoyaltyTermAnchors
): RoyaltyAnchors {
  const { sheet } = at;
  const { forecast } = assumptions;
  const inTermByYear: string[] = [];
  for (let year = 1; year <= years; year++) {
    const r = at.row;
    sheet.setAt(r, COL.revenue, formula(forecastCell(forecast, year, COL.revenue)), {
      numberFormat: VALUE,
      style: TOP,
    });
    const since = forecastCell(forecast, year, COL.inTerm);
    sheet.setAt(r, COL.inTerm, formula(`IF(AND(${since}>=1,${since}<=${terms.term}),1,0)`), {
      style: TOP,
    });
    inTermByYear.push(A(r, COL.inTerm));
    paymentRow(at, table, {
      year: formula(forecastCell(forecast, year, COL.year)),
      label: "",
      amount: formula(`D${r}*${royaltyFormula(`C${r}`, royaltyFormulaTerms(terms))}`),
      amountInput: false,
      probability: formula(assumptions.probabilityOfReachingMarket),
      probabilityInput: false,
    });
  }
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
    return instalments.length === 0 ? ["On signature"] : instalments.map((i) => `Due ${i.due}`);
  }
  const alternative = doc.scenarios?.alternatives.find((a) => a.id === candidate.id);
  if (alternative?.mechanism === "milestones")
    return alternative.milestones.map((milestone) => milestone.description);
  if (alternative?.mechanism === "fixed")
    return alternative.instalments.map((_, i) => `Instalment ${i + 1}`);
  return [];
}
