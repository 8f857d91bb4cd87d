import type { Partnership } from "../../document/schema";
import type { ValueSharingPolicy } from "../../document/valueSharingPolicy";
import type { Decimal } from "../../model/decimal";
import type { MechanismKind } from "../../model/vocabulary";
import { agreedTermsValue, fairShareOf, type FairShare } from "./fairShare";
import { documentCandidates, scenarioInputs } from "./fromDocument";

/**
 * One partnership's terms as the trust's partnerships are compared side by side: what it agreed, what
 * that is worth to the NHS today (risk-adjusted, by its own scenarios), and, where the scenarios give
 * one, the fair share of its product and where the terms fall in it. A partnership without scenarios
 * has its terms listed, unvalued, with the reason.
 */
export type PartnershipValue = {
  readonly reference: string;
  readonly partner: string;
  readonly use: Partnership["use"];
  /** The mechanisms of its agreed terms, in the document's order. */
  readonly terms: readonly MechanismKind[];
} & (
  | {
      readonly valued: true;
      /** The agreed terms' risk-adjusted present value. */
      readonly riskAdjustedPresentValue: Decimal;
      readonly fairShare: FairShare | null;
    }
  | { readonly valued: false; readonly reason: string }
);

export function partnershipValue(
  doc: Partnership,
  policy?: NonNullable<ValueSharingPolicy["contribution"]>
): PartnershipValue {
  const candidates = documentCandidates(doc);
  const described = {
    reference: doc.reference,
    partner: doc.partner.name,
    use: doc.use,
    terms: candidates.map((candidate) => candidate.mechanism.kind),
  };
  if (doc.scenarios === undefined)
    return {
      ...described,
      valued: false,
      reason:
        "no scenarios block: its product's revenue and chance of reaching market are not given",
    };
  let inputs;
  try {
    inputs = scenarioInputs(doc);
  } catch (error) {
    return {
      ...described,
      valued: false,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
  // The fair share values the agreed terms already; without one, they are valued here.
  const fairShare = fairShareOf(doc, inputs, policy);
  return {
    ...described,
    valued: true,
    riskAdjustedPresentValue: fairShare?.offer.value ?? agreedTermsValue(doc, inputs),
    fairShare,
  };
}
