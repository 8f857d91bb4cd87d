import type { Partnership } from "../../document/schema";
import type { PartnershipV1 } from "../../document/v1/schema";
import { equivalentRecoveryRate, lineAmountV1, poolAmountV1 } from "../../document/v1/arithmetic";
import { Decimal, ZERO, sumDecimals, toPence } from "../../model/decimal";
import { formatPercent, formatPounds } from "../../model/format";
import { priceQuote, type Quote } from "./quote";

/**
 * How a version-1 document's price changes when it is read as version 2, line by line and why, so
 * that an upgrade is never silent. Version 1 put on-costs on every line and charged pool x share for
 * fixed and capital costs; version 2 puts on-costs on staff time only and recovers fixed and capital
 * costs as a rate of the overall marginal or full cost, the rate carried over as the same proportion
 * of the cost base that version 1's pool share was.
 */

export interface PriceChangeItem {
  readonly id: string;
  readonly description: string;
  readonly before: Decimal;
  readonly after: Decimal;
  /** after - before: negative when the partner pays less. */
  readonly change: Decimal;
  /** Why it changed, in plain English. */
  readonly reason: string;
}

export interface PriceChange {
  readonly reference: string;
  readonly fromVersion: 1;
  readonly before: {
    readonly total: Decimal;
    readonly vat: Decimal;
    readonly totalIncVat: Decimal;
  };
  readonly after: { readonly total: Decimal; readonly vat: Decimal; readonly totalIncVat: Decimal };
  /** Change in the total ex VAT. */
  readonly change: Decimal;
  /** Every line, recovery or allocation whose amount changed. */
  readonly items: readonly PriceChangeItem[];
  /** What the upgrade recorded that version 1 did not say. */
  readonly notes: readonly string[];
}

function lineReason(
  original: PartnershipV1,
  quote: Quote,
  index: number,
  before: Decimal,
  after: Decimal
): string {
  const line = quote.lines[index];
  const written = original.costs.lines[index];
  const onCost = new Decimal(original.costs.onCostRate);
  const reasons: string[] = [];
  if (line !== undefined && line.kind === "non-staff" && !onCost.isZero())
    reasons.push(
      `a non-staff line: employer's on-costs (${formatPercent(onCost)}) belong to staff time only, so they no longer apply`
    );
  if (
    line !== undefined &&
    written !== undefined &&
    (!line.quantity.equals(written.quantity) || !line.unitCost.equals(written.unitCost))
  )
    reasons.push(
      "its quantity or unit cost is rounded to version 2's precision (quantities to 2 decimal places, unit costs to 4)"
    );
  if (reasons.length > 0) return reasons.join("; and ");
  return `rounded to the penny at each printed step (cost, marginal cost, full cost) instead of once: ${formatPounds(before)} becomes ${formatPounds(after)}`;
}

/**
 * `upgradeNotes` are what the upgrade had to change beyond the format (figures rounded to version 2's
 * precision, a rate capped), as migrate.ts reports them; they are listed with the change.
 */
export function explainPriceChange(
  original: PartnershipV1,
  upgraded: Partnership,
  upgradeNotes: readonly string[] = []
): PriceChange {
  const quote = priceQuote(upgraded);
  const items: PriceChangeItem[] = [];
  const add = (
    id: string,
    description: string,
    before: Decimal,
    after: Decimal,
    reason: string
  ) => {
    if (!before.equals(after))
      items.push({ id, description, before, after, change: after.minus(before), reason });
  };

  const linesBefore = original.costs.lines.map((line) => lineAmountV1(original, line));
  original.costs.lines.forEach((line, index) => {
    const before = linesBefore[index] as Decimal;
    const after = quote.lines[index]?.amount ?? ZERO;
    add(
      line.id,
      line.description,
      before,
      after,
      lineReason(original, quote, index, before, after)
    );
  });

  const costBaseBefore = sumDecimals(linesBefore);
  const pools = [
    { pool: original.costs.fixedCosts, recovery: quote.recoveries[0], name: "fixed" },
    { pool: original.costs.capitalCosts, recovery: quote.recoveries[1], name: "capital" },
  ] as const;
  for (const { pool, recovery, name } of pools) {
    if (recovery === undefined) continue;
    const before = poolAmountV1(pool);
    const baseName = quote.use === "commercial" ? "overall full cost" : "overall marginal cost";
    add(
      recovery.id,
      recovery.description,
      before,
      recovery.amount,
      costBaseBefore.isZero()
        ? `version 1 charged ${name} costs as pool x share (${formatPounds(new Decimal(pool.pool))} x ${formatPercent(new Decimal(pool.share))}); version 2 recovers a percentage of the cost lines, and there are none`
        : `version 1 charged ${name} costs as pool x share (${formatPounds(new Decimal(pool.pool))} x ${formatPercent(new Decimal(pool.share))} = ${formatPounds(before)}, ${formatPercent(equivalentRecoveryRate(before, costBaseBefore))} of its cost lines, to 0.01%); version 2 recovers ${formatPercent(recovery.rate)} of the ${baseName}, ${formatPounds(recovery.base)}`
    );
  }

  const totalBefore = sumDecimals([...linesBefore, ...pools.map(({ pool }) => poolAmountV1(pool))]);
  const vatBefore = toPence(totalBefore.times(original.vatRate));
  return {
    reference: original.reference,
    fromVersion: 1,
    before: { total: totalBefore, vat: vatBefore, totalIncVat: totalBefore.plus(vatBefore) },
    after: { total: quote.total, vat: quote.vat, totalIncVat: quote.totalIncVat },
    change: quote.total.minus(totalBefore),
    items,
    notes: [
      ...upgradeNotes,
      "The quote's stage is draft, dated the version-1 quote date; add its validity and payment terms before issuing it.",
      "Supplier due diligence is recorded as not started: version 1 did not record it.",
      "The rates are the document's own, not yet a pricing strategy's: price it with the trust's strategy before issuing it.",
    ],
  };
}

/** The change as lines of text, for the command line and messages. */
export function describePriceChange(change: PriceChange): string[] {
  const signed = (amount: Decimal) =>
    amount.isNegative() ? `-${formatPounds(amount.abs())}` : `+${formatPounds(amount)}`;
  const lines = [
    `${change.reference} is a version-${change.fromVersion} document, read as version 2. Its price changes from ${formatPounds(change.before.total)} to ${formatPounds(change.after.total)} ex VAT (${signed(change.change)}):`,
    ...change.items.map(
      (item) =>
        `  ${item.id}: ${formatPounds(item.before)} -> ${formatPounds(item.after)} (${signed(item.change)}): ${item.reason}`
    ),
  ];
  if (change.items.length === 0)
    lines[0] = `${change.reference} is a version-${change.fromVersion} document, read as version 2. Its price does not change (${formatPounds(change.after.total)} ex VAT).`;
  return [...lines, ...change.notes.map((note) => `  Note: ${note}`)];
}
