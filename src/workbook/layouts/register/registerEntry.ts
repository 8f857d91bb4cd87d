/*
 * A partnership's register row, described from its document and its priced quote. Shared by the
 * add-in (quoteInExcel.ts) and the .xlsx workbooks (quoteWorkbook.ts), so both registers read alike.
 */
import Decimal from "decimal.js";
import { formatPercent, formatPounds, isoMinute } from "../../../model/format";
import type { Quote } from "../../../core/pricing/quote";
import {
  IG_STATUS_LABELS,
  QUOTE_STAGE_LABELS,
  USE_LABELS,
  type Partnership,
} from "../../../document";
import type { RegisterEntry } from "./register";

const pounds = (amount: number): string => formatPounds(new Decimal(amount));
const plural = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`;

/** The value-sharing terms in one line, e.g. "Fixed £50,000.00 in 2 instalments; royalty 4% ...". */
export function valueSharingSummary(doc: Partnership): string {
  const { fixedPayment, subscription, milestones, royalty } = doc.valueSharing;
  const parts: string[] = [];
  if (fixedPayment) {
    const count = fixedPayment.instalments.length;
    parts.push(
      `Fixed ${pounds(fixedPayment.amount)}${count > 1 ? ` in ${count} instalments` : ""}`
    );
  }
  if (subscription) {
    const indexed =
      subscription.indexation !== 0 ? `, ${formatPercent(subscription.indexation)} a year` : "";
    parts.push(
      `Subscription ${pounds(subscription.annualFee)} a year for ${plural(subscription.years, "year", "years")}${indexed}`
    );
  }
  if (milestones && milestones.length > 0) {
    const total = milestones.reduce((sum, m) => sum.plus(m.amount), new Decimal(0));
    parts.push(
      `${plural(milestones.length, "milestone", "milestones")} totalling ${formatPounds(total)}`
    );
  }
  if (royalty) {
    const tiers = royalty.tiers
      .map((tier, i) =>
        i === 0
          ? `${formatPercent(tier.rate)} of revenue`
          : `${formatPercent(tier.rate)} above ${pounds(tier.threshold)}`
      )
      .join(", ");
    const limits = [
      royalty.annualCap !== undefined ? `cap ${pounds(royalty.annualCap)} a year` : "",
      royalty.annualMinimum !== undefined ? `minimum ${pounds(royalty.annualMinimum)} a year` : "",
    ].filter(Boolean);
    parts.push(
      `Royalty ${tiers}, for ${plural(royalty.termYears, "year", "years")}${limits.length ? ` (${limits.join(", ")})` : ""}`
    );
  }
  return parts.length ? parts.join("; ") : "None";
}

const IG_ITEMS = [
  ["dpia", "DPIA"],
  ["dataProcessingAgreement", "Data processing agreement"],
  ["dataSharingAgreement", "Data sharing agreement"],
  ["supplierDueDiligence", "Supplier due diligence"],
] as const;

/** "Complete" when nothing is outstanding, otherwise each outstanding item and its status. */
export function igStatusSummary(doc: Partnership): string {
  const outstanding = IG_ITEMS.filter(([field]) => {
    const status = doc.informationGovernance[field];
    return status !== "complete" && status !== "not-applicable";
  }).map(
    ([field, label]) =>
      `${label}: ${IG_STATUS_LABELS[doc.informationGovernance[field]].toLowerCase()}`
  );
  return outstanding.length === 0 ? "Complete" : outstanding.join("; ");
}

export function quoteRegisterEntry(
  doc: Partnership,
  quote: Quote,
  generatedAt: Date
): RegisterEntry {
  return {
    reference: doc.reference,
    partner: doc.partner.name,
    use: USE_LABELS[doc.use],
    stage: QUOTE_STAGE_LABELS[doc.quote.stage],
    ...(doc.owner !== undefined ? { owner: doc.owner } : {}),
    total: quote.total.toNumber(),
    valueSharing: valueSharingSummary(doc),
    igStatus: igStatusSummary(doc),
    ...(doc.reviewDate !== undefined ? { reviewDate: doc.reviewDate } : {}),
    generated: isoMinute(generatedAt),
  };
}
