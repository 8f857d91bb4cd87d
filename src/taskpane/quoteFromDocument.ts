/*
 * The task pane's "Quote from a partnership document" logic, without React or Office: a chosen file's
 * text becomes a view model (every problem with the document, or a summary of its quote and principle
 * findings), and creating the quote sheet becomes an outcome to show, never an exception.
 */
import { InputError } from "../model/errors";
import { describePriceChange, explainPriceChange } from "../core/pricing/priceChange";
import { checkPrinciples, SEVERITIES, type Finding, type Severity } from "../core/principles";
import { formatPounds, priceQuote, type PricingBasis } from "../core/pricing/quote";
import { DOCUMENT_PATH, parsePartnershipJson, USE_LABELS, type DocumentIssue } from "../document";
// Types only: the sheet writer (and ExcelJS behind it) is loaded when a sheet is created, not here.
import type { ExcelRun } from "../addin/excelRun";
import type { QuoteInExcelResult } from "../addin/quoteInExcel";
import type { PartnerCopyResult } from "../workbook/xlsx/partnerCopy";
import { deliverWorkbook, type DeliveryTarget } from "../addin/deliverWorkbook";

export interface FindingGroup {
  readonly severity: Severity;
  /** "Errors", "Warnings", "Information". */
  readonly label: string;
  readonly findings: readonly Finding[];
}

export interface QuoteSummary {
  readonly reference: string;
  readonly partner: string;
  /** "Commercial" or "Non-commercial". */
  readonly use: string;
  readonly basis: PricingBasis;
  readonly basisReason: string;
  /** Pounds and pence, e.g. "£98,678.53". */
  readonly total: string;
  /** The VAT rate as a percentage, e.g. "20%". */
  readonly vatRate: string;
  readonly vat: string;
  readonly totalIncVat: string;
  /** Findings by severity, most serious first; severities with no findings are left out. */
  readonly findingGroups: readonly FindingGroup[];
  readonly findingCount: number;
  /**
   * For a document written in an older version of the format: how its price changes now that it is
   * read as the current version, line by line and why. Empty for a current document.
   */
  readonly priceChange: readonly string[];
}

export type QuoteView =
  | {
      readonly status: "invalid";
      readonly fileName: string;
      /** "15 problems in bad-costs.json". */
      readonly heading: string;
      readonly issues: readonly DocumentIssue[];
    }
  | {
      readonly status: "valid";
      readonly fileName: string;
      /** The document as read, for generateQuoteInExcel (which validates it again). */
      readonly json: unknown;
      readonly summary: QuoteSummary;
    };

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: "Errors",
  warning: "Warnings",
  info: "Information",
};

/** "path: message", as the issue list shows it. */
export function issueText(issue: DocumentIssue): string {
  return `${issue.path}: ${issue.message}`;
}

export function problemsHeading(count: number, fileName: string): string {
  return `${count} ${count === 1 ? "problem" : "problems"} in ${fileName}`;
}

function invalid(fileName: string, issues: readonly DocumentIssue[]): QuoteView {
  return {
    status: "invalid",
    fileName,
    heading: problemsHeading(issues.length, fileName),
    issues,
  };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  const text = String(error);
  return text === "" || text === "[object Object]" ? "an unknown error" : text;
}

/**
 * Validates a partnership document's text and, when it is valid, prices it and checks it against the
 * principles. Never throws: a syntax error, an invalid field or a failure to price is an issue.
 */
export function quoteViewFromText(text: string, fileName: string): QuoteView {
  // Some editors save UTF-8 with a byte order mark, which JSON.parse refuses.
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    const parsed = parsePartnershipJson(source);
    if (!parsed.ok) return invalid(fileName, parsed.issues);
    const doc = parsed.document;
    const quote = priceQuote(doc);
    const findings = checkPrinciples(doc, quote);
    const findingGroups = SEVERITIES.map((severity) => ({
      severity,
      label: SEVERITY_LABELS[severity],
      findings: findings.filter((finding) => finding.severity === severity),
    })).filter((group) => group.findings.length > 0);
    return {
      status: "valid",
      fileName,
      json: JSON.parse(source) as unknown,
      summary: {
        reference: doc.reference,
        partner: doc.partner.name,
        use: USE_LABELS[doc.use],
        basis: quote.basis,
        basisReason: quote.basisReason,
        total: formatPounds(quote.total),
        vatRate: `${quote.vatRate.times(100).toString()}%`,
        vat: formatPounds(quote.vat),
        totalIncVat: formatPounds(quote.totalIncVat),
        findingGroups,
        findingCount: findings.length,
        priceChange:
          parsed.upgradedFrom === undefined
            ? []
            : describePriceChange(
                explainPriceChange(parsed.upgradedFrom.original, doc, parsed.upgradedFrom.notes)
              ),
      },
    };
  } catch (error) {
    // The schema admits every document priceQuote can price, except amounts too large to quote.
    if (error instanceof InputError)
      return invalid(fileName, [{ path: error.argument, message: error.problem }]);
    return invalid(fileName, [
      { path: DOCUMENT_PATH, message: `could not be priced: ${errorMessage(error)}` },
    ]);
  }
}

/** What the file picker hands over: a File in the browser, anything with a name and text() in tests. */
export interface TextFile {
  readonly name: string;
  text(): Promise<string>;
}

/** Reads a chosen file and makes its view model. Never rejects: an unreadable file is an issue. */
export async function quoteViewFromFile(file: TextFile): Promise<QuoteView> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return invalid(file.name, [
      { path: DOCUMENT_PATH, message: `could not be read: ${errorMessage(error)}` },
    ]);
  }
  return quoteViewFromText(text, file.name);
}

export { excelAvailable, type OfficeGlobals } from "./host";

export type CreateOutcome =
  | { readonly status: "success"; readonly message: string }
  /** Done, with something the user must know before going on (a partner copy marked DRAFT). */
  | { readonly status: "warning"; readonly message: string }
  | {
      readonly status: "error";
      readonly message: string;
      readonly issues: readonly DocumentIssue[];
    };

export type GenerateQuoteInExcel = (
  run: ExcelRun,
  json: unknown,
  generatedAt: Date
) => Promise<QuoteInExcelResult>;

/** The message for generateQuoteInExcel's result. */
export function describeQuoteResult(result: QuoteInExcelResult): CreateOutcome {
  if (result.ok) {
    const register = result.registerSheetName
      ? ` and its row in the register (${result.registerSheetName})`
      : "";
    const replaced = result.superseded ?? [];
    if (replaced.length === 0)
      return { status: "success", message: `Added sheet “${result.sheetName}”${register}.` };
    const kept = replaced.flatMap((s) => (s.kept ? [`“${s.kept.name}” (${s.kept.reason})`] : []));
    return {
      status: kept.length ? "warning" : "success",
      message: `Updated the quote “${result.sheetName}”${register}.${kept.length ? ` Your edited sheets are kept as ${kept.join(" and ")}.` : ""}`,
    };
  }
  return {
    status: "error",
    message: `${problemsHeading(result.issues.length, "the document")}: nothing was written.`,
    issues: result.issues,
  };
}

/**
 * Creates the quote sheet and register row through `generate` (generateQuoteInExcel) and describes
 * what happened. Never rejects: Office errors, a failure to load the writer, anything, is a message.
 */
export async function createQuoteSheet(
  generate: GenerateQuoteInExcel,
  run: ExcelRun,
  json: unknown,
  generatedAt: Date
): Promise<CreateOutcome> {
  try {
    const result = await generate(run, json, generatedAt);
    return describeQuoteResult(result);
  } catch (error) {
    return {
      status: "error",
      message: `The quote sheet could not be created: ${errorMessage(error)}`,
      issues: [],
    };
  }
}

export type WritePartnerCopy = (json: unknown, generatedAt: Date) => Promise<PartnerCopyResult>;

/**
 * Makes the partner copy through `write` (partnerCopyFromDocument) and hands it to the user through
 * `target` (a new workbook in Excel, or a download). Never rejects: every failure is a message.
 */
export async function exportPartnerCopy(
  write: WritePartnerCopy,
  json: unknown,
  generatedAt: Date,
  target: DeliveryTarget
): Promise<CreateOutcome> {
  return exportWorkbook(write, json, generatedAt, target, "partner copy");
}

/** exportPartnerCopy for either copy: `copy` names it in the messages ("quote workbook"). */
export async function exportWorkbook(
  write: WritePartnerCopy,
  json: unknown,
  generatedAt: Date,
  target: DeliveryTarget,
  copy: string
): Promise<CreateOutcome> {
  try {
    const result = await write(json, generatedAt);
    if (!result.ok)
      return {
        status: "error",
        message: `${problemsHeading(result.issues.length, "the document")}: no ${copy} was made.`,
        issues: result.issues,
      };
    const delivery = await deliverWorkbook(result.bytes, result.fileName, target);
    const done =
      delivery === "new-workbook"
        ? `The ${copy} opened as a new workbook: save it as “${result.fileName}”${copy === "partner copy" ? " and send it" : ""}.`
        : `Downloaded the ${copy}, “${result.fileName}”.`;
    if (result.errors === 0) return { status: "success", message: done };
    const findings =
      result.errors === 1 ? "the error finding" : `the ${result.errors} error findings`;
    return {
      status: "warning",
      message: `${done} It is marked DRAFT: correct ${findings} before sending it.`,
    };
  } catch (error) {
    return {
      status: "error",
      message: `The ${copy} could not be made: ${errorMessage(error)}`,
      issues: [],
    };
  }
}
