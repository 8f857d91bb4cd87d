/*
 * What the audit reads and what it reports, independent of how the workbook was read: an .xlsx file
 * through ExcelJS (readXlsx.ts) or, later, the open workbook through Office.js. The checks see only
 * these types, so both paths feed the same checks.
 */
import type { Severity } from "../core/principles";

/** A cell's value; for a formula, the value the spreadsheet last calculated (cached in the file). */
export type AuditCellValue = number | string | boolean | { readonly error: string } | null;

export interface AuditCell {
  readonly value: AuditCellValue;
  /** The formula without its leading "=", when the cell has one. */
  readonly formula?: string;
}

export interface AuditSheet {
  readonly name: string;
  /**
   * The sheet's defined names: name → what it refers to on this sheet ("$A$38:$I$53"), or the name's
   * raw text when that is not a range of this sheet ("#REF!", another sheet's cells).
   */
  readonly names: ReadonlyMap<string, string>;
  /** Never undefined: an empty cell has the value null. */
  cell(row: number, col: number): AuditCell;
}

export interface AuditWorkbook {
  readonly sheets: readonly AuditSheet[];
}

export const EMPTY_CELL: AuditCell = Object.freeze({ value: null });

/** What kind of check found it: lets a reader (or a test) group and filter the findings. */
export type AuditCheck =
  | "not-a-quote"
  | "metadata"
  | "arithmetic"
  | "formula-replaced"
  | "formula-changed"
  | "broken-reference"
  | "input-changed"
  | "input-invalid"
  | "line-missing"
  | "line-extra"
  | "pricing-basis"
  | "principle"
  /** A partner copy whose every figure matches the trust's priced inputs. */
  | "partner-copy";

export interface AuditFinding {
  readonly severity: Severity;
  readonly check: AuditCheck;
  /** The sheet's name as it is now (it may have been renamed since it was generated). */
  readonly sheet: string;
  /** A cell or range of that sheet: "I64", "A38:I53"; empty when the finding is about the workbook. */
  readonly cell: string;
  /** Plain English: what is wrong and what to do about it. */
  readonly message: string;
  /** Where the CIDC guide (or the DHSC principles) says why it matters. */
  readonly guideSection: string;
  /**
   * What the sheet should show and what it shows: the recomputation and the cell, or before and after,
   * as a reader reads them (money as pounds and pence, rates as percentages).
   */
  readonly expected?: string;
  readonly found?: string;
  /** The formula the generator writes in the cell ("=SUM(I59:I60)"), when the finding is about one. */
  readonly expectedFormula?: string;
  /**
   * For a figure that differs only because a cell its formula refers to differs (a knock-on): that
   * cell, on the same sheet, where the change was made ("G39": a formula typed over, say). Set by the
   * audit (knockOn.ts); the report lists such figures under the cell that caused them.
   */
  readonly causedBy?: string;
  /** The principle rule, for principle findings. */
  readonly ruleId?: string;
}

export interface AuditedQuote {
  readonly sheet: string;
  /** The reference recorded when the sheet was generated (or shown on it, if the record is unreadable). */
  readonly reference: string;
  readonly generatorVersion?: string;
  readonly findings: readonly AuditFinding[];
}

export interface AuditReport {
  readonly quotes: readonly AuditedQuote[];
  /** Findings about the workbook itself, such as having no quote sheet. */
  readonly findings: readonly AuditFinding[];
}

/** Every finding of a report, workbook-level first. */
export function allFindings(report: AuditReport): AuditFinding[] {
  return [...report.findings, ...report.quotes.flatMap((quote) => quote.findings)];
}
