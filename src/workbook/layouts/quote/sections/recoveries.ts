/*
 * Fixed and capital costs: each recovered as a rate of the recovery base, then the capital
 * allocated directly, then a subtotal for each.
 */
import type { Quote } from "../../../../core/pricing/quote";
import { COST_CATEGORY_LABELS } from "../../../../document";
import type { Cursor } from "../../../spec/cursor";
import { blank, formula, num, text } from "../../../spec/spec";
import { INPUT, POUNDS_FORMAT, TABLE_HEADER, TOP, WRAPPED } from "../../../spec/styles";
import { QUOTE_FORMULAS, RECOVERY_COLUMNS, SUBTOTAL_PREFIX } from "../contract";
import { COST_HEADER_ALIGNMENT, MONEY, RATE_FORMAT, SUBTOTAL, rowsAcross } from "../layout";
import type { CostsAnchors } from "./costs";
import type { PricingAnchors } from "./pricingApproach";

type Pool = "fixed" | "capital";

export interface RecoveriesAnchors {
  /** The recoveries, the direct allocations and the two subtotals: "A34:I39". */
  readonly block: string;
  /** Each pool's subtotal ("I38"). */
  readonly subtotals: Readonly<Record<Pool, string>>;
  /** The amounts of each pool's recoveries (without the direct allocations), and of the direct allocations. */
  readonly recoveries: Readonly<Record<Pool, readonly string[]>>;
  readonly allocations: readonly string[];
}

export function recoveriesSection(
  at: Cursor,
  quote: Quote,
  pricing: PricingAnchors,
  costs: CostsAnchors
): RecoveriesAnchors {
  const { sheet } = at;
  const { id, description, rate, base, amount } = RECOVERY_COLUMNS;
  sheet.row(
    at.row,
    1,
    [
      text("Line"),
      text("Description"),
      blank(), // blank but styled, so the header band runs unbroken across the table
      text("Rate"),
      blank(),
      text("Of"),
      blank(),
      blank(),
      text("Amount"),
    ],
    COST_HEADER_ALIGNMENT.map((horizontal) => ({ style: { ...TABLE_HEADER, horizontal } }))
  );
  at.skip();
  const top = at.row;
  const amounts: Record<Pool, string[]> = { fixed: [], capital: [] };
  /** A row's id in A and its description wrapped in B. */
  const describe = (lineId: string, words: string): void => {
    sheet.setAt(at.row, id, text(lineId), { style: TOP });
    sheet.setAt(at.row, description, text(words), { style: WRAPPED });
  };
  for (const recovery of quote.recoveries) {
    const r = at.row;
    describe(recovery.id, recovery.description);
    const rateInput =
      recovery.category === "fixed"
        ? pricing.rates.fixedCostRecoveryRate
        : pricing.rates.capitalCostRecoveryRate;
    sheet.setAt(r, rate, formula(rateInput, recovery.rate.toNumber()), {
      numberFormat: RATE_FORMAT,
      style: TOP,
    });
    sheet.setAt(r, base, formula(costs.recoveryBase, recovery.base.toNumber()), MONEY);
    amounts[recovery.category].push(
      sheet.setAt(
        r,
        amount,
        formula(QUOTE_FORMULAS.recoveryAmount(r), recovery.amount.toNumber()),
        MONEY
      )
    );
    at.fitText(recovery.description, description);
    at.skip();
  }
  const recoveries = { fixed: [...amounts.fixed], capital: [...amounts.capital] };
  const allocations: string[] = [];
  for (const allocation of quote.directAllocations) {
    const label = `Directly allocated capital: ${allocation.description}`;
    describe(allocation.id, label);
    // An amount typed in: an input.
    const cell = sheet.setAt(at.row, amount, num(allocation.amount.toNumber()), {
      numberFormat: POUNDS_FORMAT,
      style: INPUT,
    });
    allocations.push(cell);
    amounts.capital.push(cell);
    at.fitText(label, description);
    at.skip();
  }
  const subtotal = (pool: Pool): string => {
    sheet.setAt(at.row, description, text(`${SUBTOTAL_PREFIX}${COST_CATEGORY_LABELS[pool]}`), {
      style: SUBTOTAL,
    });
    const cell = sheet.setAt(
      at.row,
      amount,
      formula(QUOTE_FORMULAS.sum(amounts[pool]), quote.subtotals[pool].toNumber()),
      { numberFormat: POUNDS_FORMAT, style: SUBTOTAL }
    );
    at.skip();
    return cell;
  };
  const fixed = subtotal("fixed");
  const capital = subtotal("capital");
  const block = rowsAcross(top, at.row - 1);
  at.skip();
  return { block, subtotals: { fixed, capital }, recoveries, allocations };
}
