import type { Partnership } from "../../document/schema";
import type { ValueSharingPolicy } from "../../document/valueSharingPolicy";
import { formatPercent, formatWholePounds } from "../../model/format";
import type { MechanismKind, QuoteStage } from "../../model/vocabulary";
import { highCharacteristics, isHighValue } from "../valuation/dataValue";

import { byStage, mechanismsInForce, rule, TERM_NAMES, type Emit } from "./ruleKit";
import type { Severity } from "./types";

/** Each mechanism as a list in a sentence names it: "a fixed payment or milestone payments". */
const WITH_ARTICLE: Readonly<Record<MechanismKind, string>> = {
  fixed: `a ${TERM_NAMES.fixed}`,
  subscription: `a ${TERM_NAMES.subscription}`,
  milestones: TERM_NAMES.milestones,
  royalty: `a ${TERM_NAMES.royalty}`,
};

/** "a, b or c" */
function listed(items: readonly string[], conjunction: "and" | "or"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** The policy's text for quoting in a sentence of its own: its closing full stop is the sentence's. */
const quoted = (text: string): string => text.trim().replace(/\.$/, "");

/**
 * A departure from the policy is a warning until the partner accepts; an accepted agreement stands,
 * so it is then recorded for the next partnership (as strategy-current does for an overdue review).
 */
const departure = (stage: QuoteStage): Severity =>
  byStage(stage, "warning", stage === "accepted" ? "info" : "warning");

const TAKE_IT_UP =
  "take the departure to whoever approves the trust's pricing strategy, so partners with the same use and data meet the same terms";

/** The data's value as the policy reads it: high when any asset has 4 or more of 6 characteristics high. */
function dataValueOf(doc: Partnership): { value: "high" | "low"; words: string } {
  const high = doc.dataAssets.filter(isHighValue);
  if (high.length === 0)
    return {
      value: "low",
      words:
        "data that is not high-value (no data asset has 4 or more of its 6 characteristics high)",
    };
  const named = high.map(
    (asset) => `"${asset.name}", ${highCharacteristics(asset).length} of 6 characteristics high`
  );
  return { value: "high", words: `high-value data (${named.join("; ")})` };
}

function checkMechanisms(doc: Partnership, policy: ValueSharingPolicy, emit: Emit): void {
  const { value, words } = dataValueOf(doc);
  const preference = policy.preferredMechanisms.find(
    (candidate) => candidate.use === doc.use && candidate.dataValue === value
  );
  if (preference === undefined) return;
  const inForce = mechanismsInForce(doc);
  if (inForce.some((kind) => preference.mechanisms.includes(kind))) return;
  const preferred = listed(
    preference.mechanisms.map((kind) => WITH_ARTICLE[kind]),
    "or"
  );
  const actual =
    inForce.length === 0
      ? "the agreement has no value-sharing term that pays anything"
      : `the agreement shares value only through ${listed(
          inForce.map((kind) => WITH_ARTICLE[kind]),
          "and"
        )}`;
  emit(
    departure(doc.quote.stage),
    `The trust's value-sharing policy prefers ${preferred} for ${doc.use} use of ${words}, but ${actual}. Offer one of the preferred mechanisms, or ${TAKE_IT_UP}.`,
    "valueSharing"
  );
}

function checkRoyalty(doc: Partnership, policy: ValueSharingPolicy, emit: Emit): void {
  const royalty = doc.valueSharing.royalty;
  const terms = policy.royalty;
  if (royalty === undefined || terms === undefined) return;
  const severity = departure(doc.quote.stage);
  if (doc.use === "commercial" && terms.minimumRate !== undefined) {
    // The headline rate is the top tier's: the rate a royalty is quoted at ("4% rising to 6%").
    const last = royalty.tiers.length - 1;
    const top = royalty.tiers[last];
    if (top !== undefined && top.rate < terms.minimumRate) {
      const which =
        last === 0
          ? "The royalty's rate"
          : `The royalty's headline rate, its top tier's (on annual revenue from ${formatWholePounds(top.threshold)}),`;
      emit(
        severity,
        `${which} is ${formatPercent(top.rate)}, below the ${formatPercent(terms.minimumRate)} the trust's value-sharing policy sets as the lowest headline rate it accepts for commercial use. Raise it to at least ${formatPercent(terms.minimumRate)}, or ${TAKE_IT_UP}.`,
        `valueSharing.royalty.tiers[${last}].rate`
      );
    }
  }
  if (doc.use === "commercial" && terms.annualMinimum !== undefined) {
    const asked = formatWholePounds(terms.annualMinimum);
    const agreed = royalty.annualMinimum;
    if (agreed === undefined || agreed < terms.annualMinimum)
      emit(
        severity,
        agreed === undefined
          ? `The royalty has no annual minimum, but the trust's value-sharing policy asks for one of ${asked} a year. Agree an annual minimum of at least ${asked}, or ${TAKE_IT_UP}.`
          : `The royalty's annual minimum is ${formatWholePounds(agreed)}, below the ${asked} a year the trust's value-sharing policy asks for. Raise it to at least ${asked}, or ${TAKE_IT_UP}.`,
        "valueSharing.royalty.annualMinimum"
      );
  }
  emit(
    "info",
    `Define the royalty in the agreement as the trust's value-sharing policy does. Its base: "${quoted(terms.base)}". If the product is given away or bundled: "${quoted(terms.givenAway)}".`,
    "valueSharing.royalty"
  );
}

export const valueSharingPolicy = rule(
  {
    id: "value-sharing-policy",
    principle: "Commercial principles 1 and 4",
    guideSection:
      'CIDC guide, chapter 4: Principles 1 and 4 ("a consistent, efficient approach"; "The NHS should seek a share of any commercial value"); chapter 5: Pricing your data (data value characteristics and uses)',
    summary:
      "A quote checked against a strategy with a value-sharing policy offers a mechanism the policy prefers for its use and data value, and a royalty at or above the policy's lowest headline rate and annual minimum, defined as the policy defines its base.",
  },
  (doc, _quote, emit, { strategy }) => {
    const policy = strategy?.valueSharingPolicy;
    if (policy === undefined) return;
    if (
      doc.use !== "commercial" &&
      !policy.preferredMechanisms.some((preference) => preference.use === doc.use)
    )
      return;
    checkMechanisms(doc, policy, emit);
    checkRoyalty(doc, policy, emit);
  }
);
