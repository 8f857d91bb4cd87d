/**
 * One mechanism under comparison: a heading, its terms (a royalty's tiers, cap, minimum and term; a
 * subscription's fee), its payments year by year, and a total whose present values the comparison reads.
 */
import { MECHANISM_LABELS } from "../../../../model/labels";
import type { Decimal } from "../../../../model/decimal";
import {
  firstOfKind,
  type Candidate,
  type MechanismValue,
  type ScenarioInputs,
} from "../../../../core/scenarios";
import { cashFlows } from "../../../../core/scenarios/mechanisms";
import { FactorCache } from "../../../../core/scenarios/value";
import type { Partnership } from "../../../../document/schema";
import { absoluteAddress, cellAddress } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import { blank, formula, text } from "../../../spec/spec";
import { formulaStringLiteral } from "../../../spec/safeText";
import { NO_TARGET } from "./comparison";
import { header, note } from "../rows";
import { COL, LAST_COLUMN, TOTAL, VALUE, n } from "../style";
import type { AssumptionAnchors } from "./assumptions";
import {
  fixedPayments,
  milestonePayments,
  paymentLabels,
  royaltyPayments,
  subscriptionPayments,
  type MilestoneAnchors,
  type PaymentTable,
  type RoyaltyAnchors,
} from "./payments";
import type { OfferTerms } from "./terms";

export interface MechanismAnchors {
  /** The total's present value and risk-adjusted present value, absolute. */
  readonly presentValue: string;
  readonly riskAdjusted: string;
  /** The year the cumulative risk-adjusted value reaches the payback target, or words where there is no target: a formula. */
  readonly payback: string;
  /** The table's first and last payment rows (bottom < top when it pays nothing). */
  readonly top: number;
  readonly bottom: number;
  /** A royalty's terms and term years; null for another kind. */
  readonly royalty: RoyaltyAnchors | null;
  /** A milestone offer's payments; null for another kind. */
  readonly milestones: MilestoneAnchors | null;
}

export function mechanismSection(
  at: Cursor,
  doc: Partnership,
  assumptions: AssumptionAnchors,
  inputs: ScenarioInputs,
  candidate: Candidate,
  value: MechanismValue | undefined,
  terms: OfferTerms
): MechanismAnchors {
  const { mechanism } = candidate;
  // The heading and the table's header and first rows print together.
  at.heading(
    `${candidate.id}: ${MECHANISM_LABELS[mechanism.kind].toLowerCase()}, ${candidate.fromDocument ? "the document's own terms" : "an alternative"}`,
    LAST_COLUMN,
    6
  );
  if (terms !== null) note(at, `Its terms are in the inputs above ("Terms of ${candidate.id}").`);
  const { table, royalty, milestones } = termsAndPayments(
    at,
    doc,
    assumptions,
    inputs,
    candidate,
    terms
  );
  const totals = totalRow(at, table.top, value);
  return {
    ...totals,
    payback: paybackFormula(table.top, totals.bottom, assumptions.paybackTarget),
    top: table.top,
    royalty,
    milestones,
  };
}

/** The terms above the table, then the table's header and its payments, as the mechanism's kind has them. */
function termsAndPayments(
  at: Cursor,
  doc: Partnership,
  assumptions: AssumptionAnchors,
  inputs: ScenarioInputs,
  candidate: Candidate,
  offerTerms: OfferTerms
): { table: PaymentTable; royalty: RoyaltyAnchors | null; milestones: MilestoneAnchors | null } {
  const { mechanism } = candidate;
  const labels = paymentLabels(doc, candidate);
  // The core's payments and factors, whose figures the table's formulas cache.
  const flows = cashFlows(
    candidate,
    inputs.forecast,
    inputs.probabilityOfReachingMarket,
    inputs.counterparty.defaultRate
  );
  const paymentTable = (royalty: boolean) =>
    paymentHeader(at, assumptions, new FactorCache(inputs.discount), flows, royalty);
  switch (mechanism.kind) {
    case "fixed": {
      const table = paymentTable(false);
      fixedPayments(at, table, mechanism, labels);
      return { table, royalty: null, milestones: null };
    }
    case "milestones": {
      const table = paymentTable(false);
      return { table, royalty: null, milestones: milestonePayments(at, table, mechanism, labels) };
    }
    case "subscription": {
      if (offerTerms?.kind !== "subscription") throw new Error(`${candidate.id} has no terms`);
      const { terms } = offerTerms;
      const table = paymentTable(false);
      subscriptionPayments(at, table, mechanism, terms);
      return { table, royalty: null, milestones: null };
    }
    case "royalty": {
      if (offerTerms?.kind !== "royalty") throw new Error(`${candidate.id} has no terms`);
      const { terms } = offerTerms;
      const table = paymentTable(true);
      const royalty = royaltyPayments(at, table, assumptions, inputs, mechanism, terms);
      return { table, royalty, milestones: null };
    }
  }
}

/** The payments table's header, kept with its first rows; a royalty's has its revenue and term columns. */
function paymentHeader(
  at: Cursor,
  assumptions: AssumptionAnchors,
  factors: FactorCache,
  flows: PaymentTable["flows"],
  royalty: boolean
): PaymentTable {
  at.keep(3);
  header(
    at,
    [
      "Year",
      "Payment",
      royalty ? "Revenue" : null,
      royalty ? "In term" : "Partner still paying",
      "Amount if paid",
      "Probability",
      "Expected cash",
      "Discount factor",
      "Present value",
      "Risk-adjusted",
      "Cumulative risk-adjusted",
    ],
    1,
    3
  );
  return {
    bands: assumptions.bands,
    defaultRate: assumptions.defaultRate,
    top: at.row,
    factors,
    flows,
  };
}

/** The table's total row: the sums of its present values. */
function totalRow(
  at: Cursor,
  top: number,
  value: MechanismValue | undefined
): { presentValue: string; riskAdjusted: string; bottom: number } {
  const { sheet } = at;
  const bottom = at.row - 1;
  sheet.setAt(at.row, COL.payment, text("Total"), { style: TOTAL });
  for (let col = 3; col <= LAST_COLUMN; col++)
    if (col !== COL.presentValue && col !== COL.riskAdjusted)
      sheet.setAt(at.row, col, blank(), { style: TOTAL });
  const sum = (col: number, cached: Decimal | undefined) =>
    absoluteAddress(
      sheet.setAt(
        at.row,
        col,
        formula(
          bottom < top ? "0" : `SUM(${cellAddress(top, col)}:${cellAddress(bottom, col)})`,
          cached === undefined ? undefined : n(cached)
        ),
        { numberFormat: VALUE, style: TOTAL }
      )
    );
  const presentValue = sum(COL.presentValue, value?.presentValue);
  const riskAdjusted = sum(COL.riskAdjusted, value?.riskAdjustedPresentValue);
  at.skip();
  return { presentValue, riskAdjusted, bottom };
}

/**
 * The first whole year whose cumulative risk-adjusted value reaches the target; "None" if none does;
 * NO_TARGET while the target cell is empty.
 */
function paybackFormula(top: number, bottom: number, paybackTarget: string): string {
  const noTarget = formulaStringLiteral(NO_TARGET);
  if (bottom < top)
    return `IF(ISNUMBER(${paybackTarget}),IF(${paybackTarget}<=0,0,"None"),${noTarget})`;
  const cumulative = `K${top}:K${bottom}`;
  const below = `COUNTIF(${cumulative},"<"&${paybackTarget})`;
  return `IF(ISNUMBER(${paybackTarget}),IF(${paybackTarget}<=0,0,IF(${below}=ROWS(${cumulative}),"None",ROUNDUP(INDEX(A${top}:A${bottom},${below}+1),0))),${noTarget})`;
}

/**
 * The first offer of each kind the breakeven and the grids compare (the document's own where it has
 * one, as the named values), with what its table anchors.
 */
export interface FirstOffers {
  readonly royalty: { readonly candidate: Candidate; readonly payments: RoyaltyAnchors } | null;
  readonly milestones: {
    readonly candidate: Candidate;
    readonly payments: MilestoneAnchors;
    /** The table's total risk-adjusted present value. */
    readonly riskAdjusted: string;
  } | null;
}

export function firstOffers(
  candidates: readonly Candidate[],
  mechanisms: readonly MechanismAnchors[]
): FirstOffers {
  const first = (kind: "royalty" | "milestones") => {
    const candidate = firstOfKind(candidates, kind);
    const table = candidate === undefined ? undefined : mechanisms[candidates.indexOf(candidate)];
    return candidate === undefined || table === undefined ? null : { candidate, table };
  };
  const royalty = first("royalty");
  const milestones = first("milestones");
  return {
    royalty:
      royalty?.table.royalty == null
        ? null
        : { candidate: royalty.candidate, payments: royalty.table.royalty },
    milestones:
      milestones?.table.milestones == null
        ? null
        : {
            candidate: milestones.candidate,
            payments: milestones.table.milestones,
            riskAdjusted: milestones.table.riskAdjusted,
          },
  };
}
