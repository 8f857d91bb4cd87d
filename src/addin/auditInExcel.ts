/*
 * The audit of the open workbook, for the ribbon command and the task pane: read the workbook
 * (audit/officeReader.ts, in an Excel.run of its own), run the same checks as nhsdp audit, and add the
 * report as a new sheet through writeSheets.ts. Two Excel.run batches, the first only loading: if the
 * audit fails, the workbook is as it was, and even when it succeeds the audited sheets are never
 * written (the report is a new sheet whose name no existing sheet has). Never throws: a failure is an
 * outcome with a message.
 */
import { buildAuditSheet } from "../audit/reportSheet";
import { auditWorkbook, type AuditOptions } from "../audit/auditWorkbook";
import { allFindings, type AuditReport } from "../audit/model";
import { groupFindings } from "../audit/knockOn";
import { readOpenWorkbook } from "../audit/officeReader";
import type { ExcelRun } from "./excelRun";
import { writeSheets } from "./writeSheets";

export const OPEN_WORKBOOK = "the open workbook";

export type ExcelAuditOutcome =
  | {
      readonly ok: true;
      readonly report: AuditReport;
      /** The report sheet as named in the workbook ("Audit - X (2)" when "Audit - X" existed). */
      readonly sheetName: string;
      readonly errors: number;
      readonly warnings: number;
      readonly notes: number;
      /** context.sync() calls: reading the workbook, then writing the report. */
      readonly syncs: { readonly read: number; readonly write: number };
    }
  | { readonly ok: false; readonly message: string };

function reason(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  const text = String(error);
  return text === "" || text === "[object Object]" ? "an unknown error" : text;
}

export async function auditOpenWorkbook(
  run: ExcelRun,
  auditedAt: Date,
  options: AuditOptions = {}
): Promise<ExcelAuditOutcome> {
  let read: Awaited<ReturnType<typeof readOpenWorkbook>>;
  try {
    read = await run((context) => readOpenWorkbook(context));
  } catch (error) {
    return {
      ok: false,
      message: `The audit could not read the workbook, and nothing was changed: ${reason(error)}. If a cell is being edited, press Enter or Esc and try again.`,
    };
  }
  let report: AuditReport;
  try {
    report = auditWorkbook(read.workbook, options);
  } catch (error) {
    return {
      ok: false,
      message: `The audit stopped on an unexpected problem, and nothing was changed: ${reason(error)}. Please report it with the workbook.`,
    };
  }
  const findings = allFindings(report);
  // Counted as the report sheet counts them: one per entry (a cell's formula and value together, the
  // figures that only follow from it not again), so the pane and the sheet say the same numbers.
  const entries = [
    ...groupFindings(report.findings),
    ...report.quotes.flatMap((quote) => groupFindings(quote.findings)),
  ];
  const count = (severity: string) =>
    entries.filter((entry) => entry.head.severity === severity).length;
  const spec = buildAuditSheet(report, { auditedAt, source: OPEN_WORKBOOK });
  try {
    const written = await writeSheets(run, [spec]);
    return {
      ok: true,
      report,
      sheetName: written.sheets[0]?.name ?? spec.name,
      errors: count("error"),
      warnings: count("warning"),
      notes: count("info"),
      syncs: { read: read.syncs, write: written.syncs },
    };
  } catch (error) {
    return {
      ok: false,
      message: `The audit found ${findings.length} finding(s) but could not add its report sheet "${spec.name}": ${reason(error)}. The audited sheets were not changed.`,
    };
  }
}
