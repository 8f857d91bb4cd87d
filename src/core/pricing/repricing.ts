import type { Decimal } from "../../model/decimal";
import { formatPercent, formatPounds } from "../../model/format";
import { PRICING_RATES, type PricingRate } from "../../model/vocabulary";
import type { PriceChangeItem } from "./priceChange";
import type { Quote } from "./quote";
import { RATE_LABELS } from "./strategy";

/**
 * How a partnership's price changes when it is priced again with a newer revision of the trust's
 * strategy: the same document, only its rates changed. Each rate that differs, each line or recovery
 * whose amount changes and why, and the totals before and after. Pure: two quotes priced by the core
 * (priceQuote) in, the differences out; nothing is priced here.
 */

export interface RateChange {
  readonly rate: PricingRate;
  readonly before: Decimal;
  readonly after: Decimal;
}

export interface RepricingChange {
  readonly before: { readonly total: Decimal; readonly totalIncVat: Decimal };
  readonly after: { readonly total: Decimal; readonly totalIncVat: Decimal };
  /** after - before, ex VAT: negative when the partner pays less. */
  readonly change: Decimal;
  readonly rates: readonly RateChange[];
  /** Every line and recovery whose amount changes. */
  readonly items: readonly PriceChangeItem[];
}

function rateText(change: RateChange | undefined, what: string): string | undefined {
  return change === undefined
    ? undefined
    : `${what} ${formatPercent(change.before)} to ${formatPercent(change.after)}`;
}

/** The quote `before` priced again as `after`: the same lines, other rates. */
export function explainRepricing(before: Quote, after: Quote): RepricingChange {
  const rates = PRICING_RATES.filter((rate) => !before.rates[rate].equals(after.rates[rate])).map(
    (rate) => ({ rate, before: before.rates[rate], after: after.rates[rate] })
  );
  const changed = (rate: PricingRate) => rates.find((change) => change.rate === rate);
  const items: PriceChangeItem[] = [];
  const add = (id: string, description: string, from: Decimal, to: Decimal, reason: string) => {
    if (!from.equals(to))
      items.push({ id, description, before: from, after: to, change: to.minus(from), reason });
  };
  after.lines.forEach((line, index) => {
    const old = before.lines[index];
    if (old === undefined) return;
    const reasons = [
      line.kind === "staff" ? rateText(changed("staffOnCostRate"), "on-costs") : undefined,
      after.overheadApplied && !line.passThrough
        ? rateText(changed("overheadRate"), "overheads")
        : undefined,
    ].filter((reason): reason is string => reason !== undefined);
    add(
      line.id,
      line.description,
      old.amount,
      line.amount,
      reasons.length > 0 ? reasons.join("; ") : "priced again at the new rates"
    );
  });
  after.recoveries.forEach((recovery, index) => {
    const old = before.recoveries[index];
    if (old === undefined) return;
    add(
      recovery.id,
      recovery.description,
      old.amount,
      recovery.amount,
      `${formatPercent(old.rate)} of ${formatPounds(old.base)} to ${formatPercent(recovery.rate)} of ${formatPounds(recovery.base)}`
    );
  });
  return {
    before: { total: before.total, totalIncVat: before.totalIncVat },
    after: { total: after.total, totalIncVat: after.totalIncVat },
    change: after.total.minus(before.total),
    rates,
    items,
  };
}

/** "staff on-cost rate 25% to 27.5%" for each rate that changes. */
export function describeRateChanges(change: RepricingChange): string[] {
  return change.rates.map(
    (rate) =>
      `${RATE_LABELS[rate.rate]} ${formatPercent(rate.before)} to ${formatPercent(rate.after)}`
  );
}
