/*
 * The quote sheet: a Partnership document and the core's figures laid out as a SheetSpec that a partner
 * without the add-in can read and an auditor can trace. Every figure is a native Excel formula over the
 * input cells beside it; the core's figures ride along only as cached values for viewers that do not
 * recalculate. Text from the document is always written as text.
 *
 * Each section (sections/) writes its rows from the cursor down and returns the cells later sections
 * and the defined names refer to; what the audit relies on is in contract.ts.
 */
import { hasErrors, type Finding } from "../../../core/principles";
import type { Quote } from "../../../core/pricing/quote";
import type { Partnership } from "../../../document";
import { SheetSpecBuilder } from "../../spec/builder";
import { Cursor } from "../../spec/cursor";
import type { SheetSpec } from "../../spec/spec";
import { QUOTE_METADATA_NAMES, QUOTE_NAMES, isoMinute } from "./contract";
import { LAST_COLUMN_NUMBER, quoteColumns } from "./layout";
import { costsSection, type CostsAnchors } from "./sections/costs";
import { dataValueSection } from "./sections/dataValue";
import { headerSection, type HeaderAnchors } from "./sections/header";
import { partnershipSection } from "./sections/partnership";
import { pricingApproachSection, type PricingAnchors } from "./sections/pricingApproach";
import { paginated, printSetup } from "./sections/print";
import { recordSection, type RecordAnchors } from "./sections/record";
import { recoveriesSection, type RecoveriesAnchors } from "./sections/recoveries";
import { totalsSection, type TotalsAnchors } from "./sections/totals";
import { summaryBox } from "./sections/summary";
import { valueSharingSection } from "./sections/valueSharing";

export interface QuoteSheetOptions {
  /** When the quote is generated: shown on the sheet and in the print header. */
  generatedAt: Date;
  /**
   * The partner's copy: the quote sheet alone, without the findings sheet, so a draft's warning does
   * not point to findings the reader does not have. Internal (findings beside it) when absent.
   */
  partner?: boolean;
}

export function buildQuoteSheet(
  doc: Partnership,
  quote: Quote,
  findings: readonly Finding[],
  options: QuoteSheetOptions
): SheetSpec {
  const generated = isoMinute(options.generatedAt);
  const errors = hasErrors(findings)
    ? findings.filter((finding) => finding.severity === "error").length
    : 0;
  // The widths first: every row's height is reckoned from the columns its text spans.
  const sheet = quoteColumns(new SheetSpecBuilder(`Quote ${doc.reference}`));
  const at = new Cursor(sheet, LAST_COLUMN_NUMBER);

  const header = headerSection(at, doc, findings, generated, options.partner !== true);
  // Near the top of page 1; its formulas are written once the cells they refer to are.
  const summary = summaryBox(at, doc, quote);
  partnershipSection(at, doc);
  dataValueSection(at, doc);
  const pricing = pricingApproachSection(at, doc, quote);
  const costs = costsSection(at, quote, pricing);
  const costTableEnd = at.row - 1;
  const recoveries = recoveriesSection(at, quote, pricing, costs);
  const totals = totalsSection(at, quote, pricing, costs, recoveries);
  const valueSharing = valueSharingSection(at, doc);
  const summaryTotal = summary.fill({
    totalIncVat: totals.totalIncVat,
    validUntil: header.validUntil,
    valueSharing,
  });
  const print = printSetup(at, doc, errors, generated, costs.headerRow);

  // Below the print area: the partner's printout is the quote, the file carries what the audit needs.
  at.skip(2);
  const record = recordSection(at, doc, quote, generated);
  nameTheQuote(sheet, { header, pricing, costs, recoveries, totals, record, summaryTotal });
  return paginated(at, print, costTableEnd);
}

/** The sheet-scoped names the audit finds the quote's inputs, blocks and totals by (contract.ts). */
function nameTheQuote(
  sheet: SheetSpecBuilder,
  anchors: {
    header: HeaderAnchors;
    pricing: PricingAnchors;
    costs: CostsAnchors;
    recoveries: RecoveriesAnchors;
    totals: TotalsAnchors;
    record: RecordAnchors;
    summaryTotal: string;
  }
): void {
  const { header, pricing, costs, recoveries, totals, record, summaryTotal } = anchors;
  const names = QUOTE_METADATA_NAMES;
  sheet.defineName(names.reference, header.reference);
  sheet.defineName(names.use, pricing.use);
  sheet.defineName(names.staffOnCostRate, pricing.rates.staffOnCostRate);
  sheet.defineName(names.overheadRate, pricing.rates.overheadRate);
  sheet.defineName(names.fixedCostRecoveryRate, pricing.rates.fixedCostRecoveryRate);
  sheet.defineName(names.capitalCostRecoveryRate, pricing.rates.capitalCostRecoveryRate);
  sheet.defineName(names.vatRate, pricing.rates.vatRate);
  if (costs.lines !== undefined) sheet.defineName(names.lines, costs.lines);
  sheet.defineName(names.marginalCost, costs.marginalCost);
  sheet.defineName(names.fullCost, costs.fullCost);
  sheet.defineName(names.linesCharged, costs.linesCharged);
  if (costs.passThroughCharged !== undefined) {
    sheet.defineName(names.passThroughCharged, costs.passThroughCharged);
    sheet.defineName(names.recoveryBase, costs.recoveryBase);
  }
  sheet.defineName(names.recoveries, recoveries.block);
  sheet.defineName(QUOTE_NAMES.total, totals.total);
  sheet.defineName(QUOTE_NAMES.vat, totals.vat);
  sheet.defineName(QUOTE_NAMES.totalIncVat, totals.totalIncVat);
  sheet.defineName(names.asGenerated, record.range);
  sheet.defineName(names.summaryTotalIncVat, summaryTotal);
  sheet.defineName(names.reconciliationCheck, totals.reconciliationCheck);
}
