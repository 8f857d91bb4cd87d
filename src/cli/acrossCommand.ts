/**
 * `nhsdp scenario A.json B.json ...`: the trust's partnerships side by side, each agreed terms'
 * risk-adjusted value, the share of its product's profit that is, the fair share's range and where
 * the terms fall in it, so that the trust sees whether it shares value consistently (commercial
 * principle 1). Nothing is simulated: each figure is its own scenarios' exact valuation.
 */
import { partnershipValue, type PartnershipValue } from "../core/scenarios";
import type { Partnership } from "../document/schema";
import type { ValueSharingPolicy } from "../document/valueSharingPolicy";
import { formatPercent, formatWholePounds } from "../model/format";
import { MECHANISM_LABELS } from "../model/labels";

const n = (value: { toNumber(): number }) => value.toNumber();

/** The comparison as plain JSON: valuations in doubles, never rounded. */
export function acrossFigures(values: readonly PartnershipValue[]) {
  return {
    partnerships: values.map((value) => ({
      reference: value.reference,
      partner: value.partner,
      use: value.use,
      terms: value.terms,
      ...(value.valued
        ? {
            riskAdjustedPresentValue: n(value.riskAdjustedPresentValue),
            fairShare:
              value.fairShare === null
                ? null
                : {
                    productValue: n(value.fairShare.productValue),
                    contribution: n(value.fairShare.contribution),
                    value: {
                      low: n(value.fairShare.value.low),
                      high: n(value.fairShare.value.high),
                    },
                    offerShare:
                      value.fairShare.offer.share === null ? null : n(value.fairShare.offer.share),
                    position: value.fairShare.offer.position,
                  },
          }
        : { riskAdjustedPresentValue: null, reason: value.reason }),
    })),
  };
}

/** The comparison in words: a line a partnership. */
export function acrossLines(values: readonly PartnershipValue[]): string[] {
  return [
    "The partnerships side by side: the agreed terms, their risk-adjusted value today, and a fair share",
    ...values.map((value) => {
      const terms =
        value.terms.length === 0
          ? "no value-sharing terms"
          : value.terms.map((kind) => MECHANISM_LABELS[kind].toLowerCase()).join(", ");
      const head = `  ${value.reference} (${value.partner}, ${value.use}): ${terms}`;
      if (!value.valued) return `${head}; not valued (${value.reason})`;
      const share = value.fairShare;
      const fair =
        share === null
          ? "no fair share given (scenarios.fairShare)"
          : `${share.offer.share === null ? "" : `${formatPercent(share.offer.share, 2)} of the product's profit; `}a fair share is ${formatWholePounds(share.value.low)} to ${formatWholePounds(share.value.high)}: ${share.offer.position} the range`;
      return `${head}; worth ${formatWholePounds(value.riskAdjustedPresentValue)}; ${fair}`;
    }),
  ];
}

export function partnershipValues(
  docs: readonly Partnership[],
  policy: NonNullable<ValueSharingPolicy["contribution"]> | undefined
): PartnershipValue[] {
  return docs.map((doc) => partnershipValue(doc, policy));
}
