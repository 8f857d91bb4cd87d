import type { PricingStrategy } from "../../document/strategy";
import { Decimal } from "../../model/decimal";
import { formatPercent } from "../../model/format";
import type { Finding } from "../principles/types";
import { RATE_LABELS } from "./strategy";

/**
 * Checks of a pricing strategy on its own, beyond what its schema can reject: a rate typed as a
 * percentage (22 for 22%) is valid, since a rate may be up to 100 (10,000%), but it is almost
 * always a slip that would multiply every quote priced with it.
 */

/** The rule a rate above 100% is reported under, in a partnership and in a strategy alike. */
export const RATE_AS_DECIMAL = {
  id: "rate-as-decimal",
  principle: "Commercial principle 1",
  guideSection:
    'CIDC guide, chapter 4: Principle 1 ("The costs of access should not be prohibitive to good uses of data")',
} as const;

/**
 * What to say about a rate above 1 (100%), which is most likely a percentage typed where a decimal
 * belongs; undefined for a rate of 100% or less.
 */
export function rateAboveWholeMessage(
  label: string,
  value: number,
  field: string
): string | undefined {
  if (value <= 1) return undefined;
  const meant = new Decimal(value).div(100);
  return `The ${label} is ${formatPercent(value)}; if you meant ${formatPercent(meant)}, enter ${meant.toString()} in ${field}. Rates are decimals: 0.22 is 22%, and 22 is 2200%. If the rate really is above 100%, leave it as it is.`;
}

/** Warnings about a valid strategy's rates, each with its field; none for a strategy whose rates are plausible. */
export function checkStrategy(strategy: PricingStrategy): Finding[] {
  const rates: [string, number | undefined, string][] = [
    [RATE_LABELS.staffOnCostRate, strategy.staffTime.onCostRate, "staffTime.onCostRate"],
    [RATE_LABELS.overheadRate, strategy.overhead.rate, "overhead.rate"],
    [RATE_LABELS.fixedCostRecoveryRate, strategy.fixedCostRecovery.rate, "fixedCostRecovery.rate"],
    [
      RATE_LABELS.capitalCostRecoveryRate,
      strategy.capitalCostRecovery.rate,
      "capitalCostRecovery.rate",
    ],
  ];
  const findings: Finding[] = [];
  for (const [label, value, field] of rates) {
    const message = value === undefined ? undefined : rateAboveWholeMessage(label, value, field);
    if (message !== undefined)
      findings.push({
        ruleId: RATE_AS_DECIMAL.id,
        severity: "warning",
        message,
        principle: RATE_AS_DECIMAL.principle,
        guideSection: RATE_AS_DECIMAL.guideSection,
        field,
      });
  }
  return findings;
}
