/** The terms above a mechanism's table, as inputs its payments read: a royalty's, a subscription's. */
import type { Decimal } from "../../../../model/decimal";
import type { Candidate, Mechanism } from "../../../../core/scenarios";
import { absoluteAddress } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import { num, text } from "../../../spec/spec";
import { LABEL, TOP } from "../../../spec/styles";
import type { RoyaltyFormulaTerms } from "../formulas";
import { header, input } from "../rows";
import { INPUT, RATE, VALUE, n } from "../style";

export interface RoyaltyTermAnchors {
  /** Each tier's lower bound and rate. */
  readonly thresholds: readonly string[];
  readonly rates: readonly string[];
  /** The annual cap's and minimum's cells, there ("None") even when the terms have neither. */
  readonly capCell: string;
  readonly minimumCell: string;
  readonly hasCap: boolean;
  readonly hasMinimum: boolean;
  /** The term in years from the launch. */
  readonly term: string;
}

export interface SubscriptionTermAnchors {
  readonly fee: string;
  readonly indexation: string;
  /** "Yes" or "No". */
  readonly inAdvance: string;
}

/** The terms as royaltyFormula reads them: a cap and a minimum only where the terms have them. */
export function royaltyFormulaTerms(terms: RoyaltyTermAnchors): RoyaltyFormulaTerms {
  return {
    thresholds: terms.thresholds,
    rates: terms.rates,
    cap: terms.hasCap ? terms.capCell : null,
    minimum: terms.hasMinimum ? terms.minimumCell : null,
  };
}

/** Rows the terms take, so that their label keeps them with it. */
export function termRows(mechanism: Mechanism): number {
  if (mechanism.kind === "royalty") return mechanism.terms.rates.length + 4;
  return mechanism.kind === "subscription" ? 3 : 0;
}

/** An offer's terms as inputs: a royalty's or a subscription's; null for a kind whose table holds them. */
export type OfferTerms =
  | { readonly kind: "royalty"; readonly terms: RoyaltyTermAnchors }
  | { readonly kind: "subscription"; readonly terms: SubscriptionTermAnchors }
  | null;

/**
 * The terms of every royalty and subscription offer, with the assumptions, so that the inputs are in one
 * block: each offer's name, then its terms. Returns each candidate's terms, in candidate order.
 */
export function offerTermsSection(
  at: Cursor,
  candidates: readonly Candidate[],
  names: readonly string[]
): OfferTerms[] {
  return candidates.map((candidate, i) => {
    const { mechanism } = candidate;
    if (mechanism.kind !== "royalty" && mechanism.kind !== "subscription") return null;
    at.skip();
    at.keep(termRows(mechanism) + 1);
    // Unmerged, so that it runs on across the empty cells to its right.
    at.sheet.setAt(at.row, 1, text(`Terms of ${candidate.id}: ${names[i] ?? ""}`), {
      style: LABEL,
    });
    at.skip();
    return mechanism.kind === "royalty"
      ? { kind: "royalty", terms: royaltyTerms(at, mechanism) }
      : { kind: "subscription", terms: subscriptionTerms(at, mechanism) };
  });
}

export function royaltyTerms(
  at: Cursor,
  mechanism: Extract<Mechanism, { kind: "royalty" }>
): RoyaltyTermAnchors {
  const { terms } = mechanism;
  header(at, ["Tier", null, "Revenue from", "Rate"], 1, 3);
  const thresholds: string[] = [];
  const rates: string[] = [];
  terms.rates.forEach((rate, k) => {
    at.sheet.setAt(at.row, 1, num(k + 1), { style: { ...TOP, horizontal: "left" } });
    const threshold = terms.thresholds === null ? 0 : n(terms.thresholds[k] as Decimal);
    thresholds.push(
      absoluteAddress(
        at.sheet.setAt(at.row, 3, num(threshold), { numberFormat: VALUE, style: INPUT })
      )
    );
    rates.push(
      absoluteAddress(at.sheet.setAt(at.row, 4, num(n(rate)), { numberFormat: RATE, style: INPUT }))
    );
    at.skip();
  });
  const capCell = input(
    at,
    "Annual cap",
    terms.annualCap === null ? text("None") : num(n(terms.annualCap)),
    { numberFormat: VALUE, style: INPUT },
    terms.annualCap === null
      ? "no cap: a number typed here is not used by the formulas below"
      : undefined
  );
  const minimumCell = input(
    at,
    "Annual minimum",
    terms.annualMinimum === null ? text("None") : num(n(terms.annualMinimum)),
    { numberFormat: VALUE, style: INPUT },
    terms.annualMinimum === null
      ? "no minimum: a number typed here is not used by the formulas below"
      : "paid in every year of the term once the product has launched"
  );
  const term = input(
    at,
    "Term in years, from the launch",
    num(mechanism.termYears),
    { style: { ...INPUT, horizontal: "left" } },
    "the first year with revenue is year 1 of the term"
  );
  return {
    thresholds,
    rates,
    capCell,
    minimumCell,
    hasCap: terms.annualCap !== null,
    hasMinimum: terms.annualMinimum !== null,
    term,
  };
}

export function subscriptionTerms(
  at: Cursor,
  mechanism: Extract<Mechanism, { kind: "subscription" }>
): SubscriptionTermAnchors {
  const fee = input(at, "First year's fee", num(n(mechanism.annualFee)), {
    numberFormat: VALUE,
    style: INPUT,
  });
  const indexation = input(at, "Yearly indexation", num(n(mechanism.indexation)), {
    numberFormat: RATE,
    style: INPUT,
  });
  const inAdvance = input(
    at,
    "Paid in advance",
    text(mechanism.inAdvance ? "Yes" : "No"),
    { style: INPUT },
    `Yes: at the start of each year (year 0 first); No: at its end. ${mechanism.years} yearly payments.`
  );
  return { fee, indexation, inAdvance };
}
