import { VALUE_CHARACTERISTICS, type Partnership } from "../../document/schema";
import type { ContributionLevel, ValueSharingPolicy } from "../../document/valueSharingPolicy";
import { Decimal, ONE, ZERO, sumDecimals } from "../../model/decimal";
import { formatPercent, formatWholePounds } from "../../model/format";
import {
  breakevenRevenueValue,
  firstOfKind,
  riskAdjustedValue,
  type ScenarioInputs,
} from "./engine";
import { documentCandidates } from "./fromDocument";
import { FactorCache } from "./value";

/**
 * A fair share of a product's value, by the guide's own method (chapter 5, "Pricing your data"): the
 * data's contribution to the foreground IP, judged by its six characteristics and its intended use,
 * with the expertise the NHS supplies and the risks and investment it bears (chapter 1: "fairly
 * allocate the commercial gains between parties based on their respective contributions, roles,
 * responsibilities, risks and investment"). Each factor is scored 0 to 1 and weighed by the trust's
 * value-sharing policy into one contribution score; the score scales the share of the product's
 * risk-adjusted profit the policy gives a full contribution. The weights and shares are a starting
 * point the trust sets, not a standard. Present values are decimals and not rounded.
 */

type Contribution = NonNullable<ValueSharingPolicy["contribution"]>;
type IntendedUse = Partnership["dataAssets"][number]["intendedUse"];

const d = (value: number | string) => new Decimal(value);

/** The policy's defaults, which docs/scenarios.md explains: a starting point, not a standard. */
export const DEFAULT_WEIGHTS = {
  data: d("0.5"),
  intendedUse: d("0.2"),
  expertise: d("0.15"),
  riskAndInvestment: d("0.15"),
} as const;

/**
 * How much each intended use contributes to a product: training or validating an AI model is the
 * product's substance; a real-world study its evidence; deployment and trial recruitment use the data
 * in operation; early exploration tests a hypothesis.
 */
export const DEFAULT_INTENDED_USE_SCORES: Readonly<Record<IntendedUse, Decimal>> = {
  "train-validate-ai-model": d(1),
  "real-world-study": d("0.75"),
  "deploy-ai-model": d("0.5"),
  "clinical-trial-recruitment-monitoring": d("0.5"),
  "early-exploration": d("0.25"),
};

/** A licensor's share of a product's profit at full contribution: up to the 25% rule of thumb. */
export const DEFAULT_SHARE_AT_FULL_CONTRIBUTION = { low: d("0.1"), high: d("0.25") } as const;

const LEVEL_SCORES: Readonly<Record<ContributionLevel, Decimal>> = {
  none: ZERO,
  some: d("0.5"),
  substantial: ONE,
};

export interface Range {
  readonly low: Decimal;
  readonly high: Decimal;
}

export interface FairShare {
  /** Each factor's score, 0 to 1, its weight, and the weighed score. */
  readonly factors: {
    readonly data: { readonly score: Decimal; readonly weight: Decimal };
    readonly intendedUse: { readonly score: Decimal; readonly weight: Decimal };
    readonly expertise: { readonly score: Decimal; readonly weight: Decimal };
    readonly riskAndInvestment: { readonly score: Decimal; readonly weight: Decimal };
  };
  readonly contribution: Decimal;
  readonly profitMargin: Decimal;
  /** The product's risk-adjusted profit today: revenue x margin x chance of reaching market, discounted. */
  readonly productValue: Decimal;
  /** The policy's share at full contribution. */
  readonly shareAtFullContribution: Range;
  /** contribution x the share at full contribution. */
  readonly share: Range;
  /** share x product value: what a fair share is worth to the NHS today. */
  readonly value: Range;
  /** The flat royalty rate worth `value`, paid as the breakeven royalty is; null with no revenue. */
  readonly royaltyRate: Range | null;
  /** The first milestone offer scaled to be worth `value`: the total of its amounts; null with none. */
  readonly milestones: { readonly id: string; readonly total: Range; readonly scale: Range } | null;
  /** A fixed sum on signature worth `value`: the value itself. */
  readonly fixedSum: Range;
  /** The document's own terms, risk-adjusted, and where they fall. */
  readonly offer: {
    readonly value: Decimal;
    /** Of the product's value; null when the product is worth nothing. */
    readonly share: Decimal | null;
    readonly position: "below" | "within" | "above";
  };
}

/** Each factor's score, the contribution and the share range, from the document and the policy. */
function contributionOf(
  doc: Partnership,
  inputs: NonNullable<NonNullable<Partnership["scenarios"]>["fairShare"]>,
  policy: Contribution | undefined
) {
  const weights = policy?.weights;
  const weight = (name: keyof typeof DEFAULT_WEIGHTS) =>
    weights === undefined ? DEFAULT_WEIGHTS[name] : d(weights[name]);
  const useScore = (use: IntendedUse) => {
    const stated = policy?.intendedUseScores?.[use];
    return stated === undefined ? DEFAULT_INTENDED_USE_SCORES[use] : d(stated);
  };
  const assets = doc.dataAssets;
  const mean = (values: Decimal[]) =>
    values.length === 0 ? ZERO : sumDecimals(values).div(values.length);
  // Each asset's share of high characteristics, and its use's score, averaged over the assets.
  const data = mean(
    assets.map((asset) =>
      d(VALUE_CHARACTERISTICS.filter((name) => asset[name] === "high").length).div(6)
    )
  );
  const intendedUse = mean(assets.map((asset) => useScore(asset.intendedUse)));
  const factors = {
    data: { score: data, weight: weight("data") },
    intendedUse: { score: intendedUse, weight: weight("intendedUse") },
    expertise: { score: LEVEL_SCORES[inputs.expertise], weight: weight("expertise") },
    riskAndInvestment: {
      score: LEVEL_SCORES[inputs.riskAndInvestment],
      weight: weight("riskAndInvestment"),
    },
  };
  const contribution = sumDecimals(
    Object.values(factors).map((factor) => factor.score.times(factor.weight))
  );
  const full = policy?.shareAtFullContribution;
  const shareAtFullContribution =
    full === undefined
      ? DEFAULT_SHARE_AT_FULL_CONTRIBUTION
      : { low: d(full.low), high: d(full.high) };
  return { factors, contribution, shareAtFullContribution };
}

const times = (range: Range, by: Decimal): Range => ({
  low: range.low.times(by),
  high: range.high.times(by),
});

/** The document's own value-sharing terms, risk-adjusted and discounted: the offer on the table. */
export function agreedTermsValue(doc: Partnership, inputs: ScenarioInputs): Decimal {
  const factors = new FactorCache(inputs.discount);
  return sumDecimals(
    documentCandidates(doc).map((candidate) => riskAdjustedValue(candidate, inputs, factors))
  );
}

/**
 * The fair share of the product a document's scenarios describe, or null when they have no fairShare
 * block. `policy` is the trust's value-sharing policy's contribution part, when the strategy is at hand.
 */
export function fairShareOf(
  doc: Partnership,
  inputs: ScenarioInputs,
  policy?: Contribution
): FairShare | null {
  const stated = doc.scenarios?.fairShare;
  if (stated === undefined) return null;
  const { factors, contribution, shareAtFullContribution } = contributionOf(doc, stated, policy);
  const factorCache = new FactorCache(inputs.discount);
  const profitMargin = d(stated.profitMargin);
  // Revenue x margin x chance of reaching market, every year of the forecast, discounted.
  let revenueValue = ZERO;
  inputs.forecast.forEach((revenue, i) => {
    if (!revenue.isZero())
      revenueValue = revenueValue.plus(revenue.times(factorCache.at(d(i + 1))));
  });
  const productValue = revenueValue.times(profitMargin).times(inputs.probabilityOfReachingMarket);
  const share = times(shareAtFullContribution, contribution);
  const value = times(share, productValue);
  const royaltyBase = breakevenRevenueValue(inputs);
  const milestones = firstOfKind(inputs.candidates, "milestones");
  const milestonesValue =
    milestones === undefined ? ZERO : riskAdjustedValue(milestones, inputs, factorCache);
  const offered = agreedTermsValue(doc, inputs);
  const milestoneTotal =
    milestones?.mechanism.kind === "milestones"
      ? sumDecimals(milestones.mechanism.milestones.map((milestone) => milestone.amount))
      : ZERO;
  return {
    factors,
    contribution,
    profitMargin,
    productValue,
    shareAtFullContribution,
    share,
    value,
    royaltyRate: royaltyBase.isZero() ? null : times(value, ONE.div(royaltyBase)),
    milestones:
      milestones === undefined || milestonesValue.isZero()
        ? null
        : {
            id: milestones.id,
            scale: times(value, ONE.div(milestonesValue)),
            total: times(value, milestoneTotal.div(milestonesValue)),
          },
    fixedSum: value,
    offer: {
      value: offered,
      share: productValue.isZero() ? null : offered.div(productValue),
      position: offered.lessThan(value.low)
        ? "below"
        : offered.greaterThan(value.high)
          ? "above"
          : "within",
    },
  };
}

const POSITION_WORDS = {
  below: "below the range",
  within: "within the range",
  above: "above the range",
} as const;

const percentRange = (range: Range) =>
  `${formatPercent(range.low, 2)} to ${formatPercent(range.high, 2)}`;
const poundsRange = (range: Range) =>
  `${formatWholePounds(range.low)} to ${formatWholePounds(range.high)}`;

/**
 * The fair share in two sentences, as the command line, the task pane and the finding say it: the
 * range as a share, in pounds and as each mechanism, then where the terms on the table fall.
 */
export function fairShareSentences(share: FairShare): [string, string] {
  const ways = [
    ...(share.royaltyRate === null ? [] : [`a royalty of ${percentRange(share.royaltyRate)}`]),
    ...(share.milestones === null
      ? []
      : [
          `milestones like ${share.milestones.id}'s of ${poundsRange(share.milestones.total)} in all`,
        ]),
    `${poundsRange(share.fixedSum)} on signature`,
  ];
  const offered =
    share.offer.share === null ? "" : `, ${formatPercent(share.offer.share, 2)} of it`;
  return [
    `A fair share for the NHS's contribution (${formatPercent(share.contribution, 1)} of a full one) is ${percentRange(share.share)} of the product's risk-adjusted profit of ${formatWholePounds(share.productValue)}: ${poundsRange(share.value)} today, as ${ways.join(", or ")}`,
    `The terms on the table are worth ${formatWholePounds(share.offer.value)}${offered}: ${POSITION_WORDS[share.offer.position]}`,
  ];
}
