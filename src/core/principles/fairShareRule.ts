import { fairShareOf, fairShareSentences, scenarioInputs } from "../scenarios";
import { formatPercent, formatWholePounds } from "../../model/format";
import { rule } from "./ruleKit";

/**
 * Whether a commercial partnership's terms give the NHS a fair share of the product's value, as its
 * scenarios' fair share works it out (core/scenarios/fairShare.ts), weighed by the trust's value-sharing
 * policy when the strategy is at hand. It values the terms with the partner's risk of not paying, which
 * starts from the organisation type unless the scenarios state it; it never changes a price.
 */
export const fairShareOfValue = rule(
  {
    id: "fair-share",
    principle: "Commercial principle 4",
    guideSection:
      'CIDC guide, chapter 5: Pricing your data ("its contribution to the foreground IP"); chapter 1: commercial use ("fairly allocate the commercial gains ... based on their respective contributions, roles, responsibilities, risks and investment")',
    summary:
      "A commercial partnership's value-sharing terms are worth at least the low end of a fair share of the product's risk-adjusted profit, by the NHS's contribution.",
  },
  (doc, _quote, emit, { strategy }) => {
    if (doc.use !== "commercial" || doc.scenarios?.fairShare === undefined) return;
    let inputs;
    try {
      inputs = scenarioInputs(doc);
    } catch {
      // Nothing to compare: the value-share rules say what the terms lack.
      return;
    }
    const share = fairShareOf(doc, inputs, strategy?.valueSharingPolicy?.contribution);
    if (share === null || share.offer.position !== "below") return;
    const offered =
      share.offer.share === null ? "" : ` (${formatPercent(share.offer.share, 2)} of it)`;
    emit(
      "warning",
      `The agreed terms are worth ${formatWholePounds(share.offer.value)} to the NHS today, risk-adjusted${offered}, below a fair share of the product's value. ${fairShareSentences(share)[0]}. Agree terms worth at least the low end, or record why the NHS accepts less.`,
      "valueSharing"
    );
  }
);
