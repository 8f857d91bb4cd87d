import type { Partnership } from "../../document/schema";
import { type MechanismKind, type QuoteStage } from "../../model/vocabulary";
import type { CheckContext, Finding, PrincipleRule, Severity } from "./types";

/** What every principle rule is built with: the finding it emits and the severity by stage. */
export type Emit = (severity: Severity, message: string, field?: string) => void;

export function rule(
  definition: Omit<PrincipleRule, "check">,
  check: (
    doc: Partnership,
    quote: Parameters<PrincipleRule["check"]>[1],
    emit: Emit,
    context: CheckContext
  ) => void
): PrincipleRule {
  return {
    ...definition,
    check(doc, quote, context) {
      const findings: Finding[] = [];
      const emit: Emit = (severity, message, field) => {
        findings.push({
          ruleId: definition.id,
          severity,
          message,
          principle: definition.principle,
          guideSection: definition.guideSection,
          ...(field === undefined ? {} : { field }),
        });
      };
      check(doc, quote, emit, context);
      return findings;
    },
  };
}

/**
 * The severity for a quote's stage: `draft` while it is a draft (or was withdrawn, which ends it
 * without an agreement), `issued` once it has gone to the partner.
 */
export function byStage(stage: QuoteStage, draft: Severity, issued: Severity): Severity {
  return stage === "draft" || stage === "withdrawn" ? draft : issued;
}

/** "day", "Days" and " days " are the same unit. */
export const sameUnit = (a: string, b: string): boolean => {
  const normal = (unit: string) => unit.trim().toLowerCase().replace(/s$/, "");
  return normal(a) === normal(b);
};

export const isBlank = (text: string | undefined): boolean =>
  text === undefined || text.trim() === "";

/**
 * A unit that counts meetings rather than time ("meeting", "panel", "committee review"): a fee paid
 * per sitting, not a salary cost, however the line is categorised.
 */
export function isPerMeetingUnit(unit: string): boolean {
  return /\b(meeting|panel|review|committee|board)s?\b/i.test(unit);
}

/**
 * Only a rate can record why it departs from the strategy (an override with its reason); a line
 * cannot, so a line off its grade or item is an unexplained difference.
 */
export const UNEXPLAINED_LINE =
  "Price the line at the strategy's rate; if the work really costs something else, price it at the grade or item that matches it, or have the strategy revised.";

/** Each value-sharing mechanism as a sentence names it: "the agreement asks for a subscription". */
export const TERM_NAMES: Readonly<Record<MechanismKind, string>> = {
  fixed: "fixed payment",
  subscription: "subscription",
  milestones: "milestone payments",
  royalty: "revenue royalty",
};

/** The value-sharing mechanisms that would actually pay the NHS something, in MECHANISM_KINDS order. */
export function mechanismsInForce(doc: Partnership): MechanismKind[] {
  const { fixedPayment, subscription, milestones, royalty } = doc.valueSharing;
  const kinds: MechanismKind[] = [];
  if (fixedPayment !== undefined && fixedPayment.amount > 0) kinds.push("fixed");
  if (subscription !== undefined && subscription.annualFee > 0) kinds.push("subscription");
  if (milestones !== undefined && milestones.some((m) => m.amount > 0 && m.probability > 0))
    kinds.push("milestones");
  if (
    royalty !== undefined &&
    (royalty.tiers.some((tier) => tier.rate > 0) || (royalty.annualMinimum ?? 0) > 0)
  )
    kinds.push("royalty");
  return kinds;
}
