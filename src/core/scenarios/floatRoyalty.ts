import type { RoyaltyTerms } from "../valuation/royalty";

/**
 * A royalty's terms in doubles, for the simulation, which evaluates them tens of millions of times a
 * second. The same rule as royalty.ts's royaltyForPeriod (incremental tiers, then the cap, then the
 * minimum); the tests hold the two together on random terms. Terms must have been validated.
 */
export interface FloatRoyalty {
  readonly rates: Float64Array;
  /** Lower bound of each tier; the first is 0. */
  readonly thresholds: Float64Array;
  /** Infinity when there is no cap. */
  readonly cap: number;
  /** 0 when there is no minimum. */
  readonly minimum: number;
}

export function floatRoyalty(terms: RoyaltyTerms<{ toNumber(): number }>): FloatRoyalty {
  return {
    rates: Float64Array.from(terms.rates, (rate) => rate.toNumber()),
    thresholds:
      terms.thresholds === null
        ? Float64Array.of(0)
        : Float64Array.from(terms.thresholds, (threshold) => threshold.toNumber()),
    cap: terms.annualCap === null ? Infinity : terms.annualCap.toNumber(),
    minimum: terms.annualMinimum === null ? 0 : terms.annualMinimum.toNumber(),
  };
}

export function royaltyOn(revenue: number, royalty: FloatRoyalty): number {
  const { rates, thresholds } = royalty;
  const tiers = rates.length;
  let due = 0;
  for (let tier = 0; tier < tiers; tier++) {
    const lower = thresholds[tier] as number;
    if (revenue <= lower) break;
    const upper = tier + 1 < tiers ? (thresholds[tier + 1] as number) : Infinity;
    due += ((revenue > upper ? upper : revenue) - lower) * (rates[tier] as number);
  }
  if (due > royalty.cap) due = royalty.cap;
  if (due < royalty.minimum) due = royalty.minimum;
  return due;
}
