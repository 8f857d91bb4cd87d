/*
 * The value-sharing terms as the partner agrees to them: each payment with when it falls due, in
 * addition to the access charge and exclusive of VAT. What the trust assumes about them (milestone
 * probabilities and expected years, revenue forecasts) is its own and is not printed.
 */
import type { Partnership } from "../../../../document";
import { Decimal, toPence } from "../../../../model/decimal";
import { formatLongDate, formatPercent, formatPounds } from "../../../../model/format";
import { subscriptionFee } from "../../../../core/valuation/valuation";
import type { Cursor } from "../../../spec/cursor";
import { num, text } from "../../../spec/spec";
import { POUNDS_FORMAT, TABLE_HEADER, TOP, WRAPPED } from "../../../spec/styles";
import { LAST_COLUMN, across, paragraph } from "../layout";

const pounds = (value: number): string => formatPounds(new Decimal(value));

/** "first", "second" ... for the anniversaries a subscription falls due on. */
function ordinal(n: number): string {
  const words = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
  ];
  if (n <= words.length) return words[n - 1] as string;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** When subscription payment k (0-based) falls due, counted from the agreement's start. */
function subscriptionDue(k: number, inAdvance: boolean): string {
  const anniversary = inAdvance ? k : k + 1;
  return anniversary === 0
    ? "On signing the agreement"
    : `On the ${ordinal(anniversary)} anniversary of the agreement`;
}

/** One sentence for the summary box: what the partner pays beyond the access charge. */
export function valueSharingSummary(doc: Partnership): string {
  const terms = doc.valueSharing;
  const parts: string[] = [];
  if (terms.fixedPayment) {
    const n = terms.fixedPayment.instalments.length;
    parts.push(
      `a fixed payment of ${pounds(terms.fixedPayment.amount)}${n > 1 ? ` in ${n} instalments` : ""}`
    );
  }
  if (terms.subscription)
    parts.push(
      `a subscription of ${pounds(terms.subscription.annualFee)} a year for ${terms.subscription.years} years`
    );
  if (terms.milestones?.length) {
    const total = terms.milestones.reduce((sum, m) => sum.plus(m.amount), new Decimal(0));
    parts.push(
      `milestone payments of up to ${formatPounds(total)} (${terms.milestones.length} milestones)`
    );
  }
  if (terms.royalty) parts.push(`a royalty on revenue for ${terms.royalty.termYears} years`);
  if (parts.length === 0)
    return "There are no value-sharing payments: the access charge is the whole price.";
  const list =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `In addition, under the value-sharing terms below: ${list}, each exclusive of VAT.`;
}

export function valueSharingSection(at: Cursor, doc: Partnership): void {
  const terms = doc.valueSharing;
  const { sheet } = at;
  at.heading("Value-sharing terms");
  if (!(terms.fixedPayment || terms.subscription || terms.milestones?.length || terms.royalty)) {
    paragraph(at, "None: the access charge above is the whole price.");
    return;
  }
  paragraph(
    at,
    "These payments share the value of what the partner builds with the data (CIDC guide, chapter 1). They are in addition to the access charge above, and exclusive of VAT: VAT is added where it applies, at the rate in force when each is invoiced."
  );
  const schedule = (rows: readonly (readonly [string, number])[], heading: string): void => {
    at.keep(2);
    across(at, text(heading), 1, LAST_COLUMN - 1, TABLE_HEADER);
    sheet.setAt(at.row, LAST_COLUMN, text("Amount"), {
      style: { ...TABLE_HEADER, horizontal: "right" },
    });
    at.skip();
    for (const [when, amount] of rows) {
      across(at, text(when), 1, LAST_COLUMN - 1, WRAPPED);
      sheet.setAt(at.row, LAST_COLUMN, num(amount), { style: TOP, numberFormat: POUNDS_FORMAT });
      at.skip();
    }
    at.skip();
  };
  if (terms.fixedPayment) {
    const { amount, instalments } = terms.fixedPayment;
    paragraph(at, `Fixed payment of ${pounds(amount)}.`, { ...WRAPPED, bold: true });
    schedule(
      instalments.length > 0
        ? instalments.map(
            (instalment) => [`Due ${formatLongDate(instalment.due)}`, instalment.amount] as const
          )
        : [["Due on signing the agreement", amount]],
      "Falls due"
    );
  }
  if (terms.subscription) {
    const s = terms.subscription;
    const indexed =
      s.indexation === 0 ? "" : `, rising by ${formatPercent(s.indexation)} each year`;
    paragraph(at, `Subscription: ${s.years} yearly payments${indexed}.`, {
      ...WRAPPED,
      bold: true,
    });
    const rows = Array.from({ length: s.years }, (_, k) => {
      const fee = toPence(subscriptionFee(new Decimal(s.annualFee), new Decimal(s.indexation), k));
      return [subscriptionDue(k, s.inAdvance), fee.toNumber()] as const;
    });
    schedule(rows, "Falls due");
  }
  if (terms.milestones?.length) {
    paragraph(
      at,
      "Milestone payments, each due within the payment terms of the milestone being reached.",
      {
        ...WRAPPED,
        bold: true,
      }
    );
    schedule(
      terms.milestones.map((milestone) => [milestone.description, milestone.amount] as const),
      "Milestone"
    );
  }
  if (terms.royalty) {
    const r = terms.royalty;
    const tiers = r.tiers.map((tier, i) => {
      const next = r.tiers[i + 1];
      const band =
        next === undefined
          ? i === 0
            ? "on all revenue"
            : `on revenue above ${pounds(tier.threshold)}`
          : `on revenue from ${pounds(tier.threshold)} up to ${pounds(next.threshold)}`;
      return `${formatPercent(tier.rate)} ${band}`;
    });
    const limits = [
      ...(r.annualMinimum !== undefined ? [`at least ${pounds(r.annualMinimum)} a year`] : []),
      ...(r.annualCap !== undefined ? [`at most ${pounds(r.annualCap)} a year`] : []),
    ];
    paragraph(at, `Royalty for ${r.termYears} years, paid yearly in arrears.`, {
      ...WRAPPED,
      bold: true,
    });
    paragraph(
      at,
      `On the partner's revenue each year from products built with the data: ${tiers.join("; ")}${tiers.length > 1 ? " (each rate applies to the revenue within its band, like tax bands)" : ""}.${limits.length ? ` The royalty is ${limits.join(" and ")}.` : ""}`
    );
    at.skip();
  }
}
