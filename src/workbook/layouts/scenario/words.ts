/**
 * The mechanisms in words, for what a reader sees (charts' legends, tables' headings): "Royalty at 2%
 * (alternative)" rather than the candidate's id. Two candidates that would read alike keep their ids.
 */
import { MECHANISM_LABELS } from "../../../model/labels";
import { ZERO } from "../../../model/decimal";
import { formatPercent, formatWholePounds } from "../../../model/format";
import type { Candidate } from "../../../core/scenarios";

function describe(candidate: Candidate): string {
  const { mechanism } = candidate;
  switch (mechanism.kind) {
    case "fixed": {
      const total = mechanism.instalments.reduce((sum, i) => sum.plus(i.amount), ZERO);
      return `Fixed payment of ${formatWholePounds(total)}`;
    }
    case "milestones": {
      const total = mechanism.milestones.reduce((sum, m) => sum.plus(m.amount), ZERO);
      return `Milestones, up to ${formatWholePounds(total)}`;
    }
    case "subscription":
      return `Subscription of ${formatWholePounds(mechanism.annualFee)} a year`;
    case "royalty": {
      const { rates } = mechanism.terms;
      const first = rates[0];
      const last = rates[rates.length - 1];
      if (first === undefined || last === undefined) return MECHANISM_LABELS.royalty;
      return rates.length === 1
        ? `Royalty at ${formatPercent(first)}`
        : `Tiered royalty, ${formatPercent(first)} to ${formatPercent(last)}`;
    }
  }
}

/** Each candidate in words, in candidate order; where two would read alike, each keeps its id. */
export function mechanismNames(candidates: readonly Candidate[]): string[] {
  const words = candidates.map(
    (candidate) =>
      `${describe(candidate)} (${candidate.fromDocument ? "document's terms" : "alternative"})`
  );
  return words.map((word, i) =>
    words.indexOf(word) === words.lastIndexOf(word)
      ? word
      : `${word}, ${(candidates[i] as Candidate).id}`
  );
}
