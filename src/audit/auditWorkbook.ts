/*
 * Audits a workbook in the reader-neutral model (model.ts): finds each quote sheet by the names the
 * generator writes, checks it (checks.ts) and reports findings with their cells. Free of ExcelJS and
 * Office.js, so the add-in's bundle carries it without either reader it does not use.
 */
import type { PricingStrategy } from "../document";
import { checkQuoteSheet } from "./checks";
import { markKnockOns } from "./knockOn";
import type { AuditFinding, AuditReport, AuditWorkbook, AuditedQuote } from "./model";
import { auditPartnerCopy, isPartnerCopy } from "./partnerCopy";
import { isQuoteSheet, readQuoteSheet } from "./quoteSheetReader";

const GUIDE_QUOTES =
  "CIDC guide, chapter 5: Establishing your pricing strategy (every partnership priced by one documented approach)";

export interface AuditOptions {
  /** The trust's pricing strategy: the quotes' rates are checked against it. */
  readonly strategy?: PricingStrategy;
}

export function auditWorkbook(workbook: AuditWorkbook, options: AuditOptions = {}): AuditReport {
  const quotes: AuditedQuote[] = [];
  for (const sheet of workbook.sheets) {
    if (isPartnerCopy(sheet)) {
      quotes.push(auditPartnerCopy(sheet, workbook, options));
      continue;
    }
    if (!isQuoteSheet(sheet)) continue;
    const read = readQuoteSheet(sheet);
    if (!read.ok) {
      quotes.push({
        sheet: sheet.name,
        reference: read.reference ?? "",
        findings: read.problems.map((problem): AuditFinding => ({
          severity: "error",
          check: "metadata",
          sheet: sheet.name,
          cell: problem.cell,
          message: problem.message,
          guideSection: GUIDE_QUOTES,
        })),
      });
      continue;
    }
    const { record } = read.layout;
    quotes.push({
      sheet: sheet.name,
      reference: record.reference,
      generatorVersion: record.version,
      // Figures that differ only because a cell they add up differs are marked with that cell.
      findings: markKnockOns(checkQuoteSheet(read.layout, options), sheet),
    });
  }
  const findings: AuditFinding[] =
    quotes.length > 0
      ? []
      : [
          {
            severity: "warning",
            check: "not-a-quote",
            sheet: "",
            cell: "",
            message:
              "The workbook has no quote sheet: none of its sheets carries the names the quote generator writes (NHSDP_AsGenerated, NHSDP_Total, or a partner copy's NHSDP_PartnerReference). If it should hold a quote, ask the trust for the workbook as generated.",
            guideSection: GUIDE_QUOTES,
          },
        ];
  return { quotes, findings };
}
