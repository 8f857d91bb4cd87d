/*
 * The task pane's quote actions, without React or Office: creating the quote sheet, and making a
 * workbook and handing it over (the quote workbook, the partner copy, the scenario workbook), each
 * become an outcome to show, never an exception.
 */
import type { DocumentIssue } from "../document";
// Types only: the sheet writer (and ExcelJS behind it) is loaded when a sheet is created, not here.
import type { ExcelRun } from "../addin/excelRun";
import type { QuoteInExcelResult } from "../addin/quoteInExcel";
import type { PartnerCopyResult } from "../workbook/xlsx/partnerCopy";
import { deliverWorkbook, type DeliveryTarget } from "../addin/deliverWorkbook";

/** "path: message", as the issue list shows it. */
export function issueText(issue: DocumentIssue): string {
  return `${issue.path}: ${issue.message}`;
}

function problemsHeading(count: number): string {
  return `${count} ${count === 1 ? "problem" : "problems"} in the document`;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  const text = String(error);
  return text === "" || text === "[object Object]" ? "an unknown error" : text;
}

export { excelAvailable } from "./host";

export type CreateOutcome =
  | {
      readonly status: "success";
      readonly message: string;
      /** What the message goes on to list, a line each (how an imported document's price changed). */
      readonly details?: readonly string[];
    }
  /** Done, with something the user must know before going on (a partner copy marked DRAFT). */
  | { readonly status: "warning"; readonly message: string; readonly details?: readonly string[] }
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
    message: `${problemsHeading(result.issues.length)}: nothing was written.`,
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
 * Makes a workbook through `write` (partnerCopyFromDocument, say) and hands it to the user through
 * `target` (a new workbook in Excel, or a download); `copy` names it in the messages ("partner copy",
 * "quote workbook"). Never rejects: every failure is a message.
 */
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
        message: `${problemsHeading(result.issues.length)}: no ${copy} was made.`,
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
