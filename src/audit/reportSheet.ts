/*
 * The audit's report as a sheet of its own, added beside the sheets it audited (which are never
 * touched): what was audited and when, then each finding with its severity, the audited cell as a
 * link that selects it, what is wrong, expected against found, and the guide section. One sheet per
 * audit, named after the quote it audited ("Audit - <reference>"), laid out to print on A4.
 */
import type { AuditCheck, AuditFinding, AuditReport, AuditedQuote } from "./model";
import { isoMinute } from "../model/format";
import { SEVERITIES, type Severity } from "../core/principles";
import { SEVERITY_NAMES } from "../model/labels";
import { VERSION } from "../model/version";
import { quoteSheetName } from "../workbook/spec/a1";
import { formulaStringLiteral } from "../workbook/spec/safeText";
import {
  NHS_BLUE,
  NOTE,
  SEVERITY_COLOURS,
  TABLE_HEADER,
  TITLE,
  WRAPPED,
  heightForLines,
  lineCount,
} from "../workbook/spec/styles";
import { SheetSpecBuilder } from "../workbook/spec/builder";
import { formula, pageOfPages, text, type CellStyle, type SheetSpec } from "../workbook/spec/spec";

export const AUDIT_SHEET_PREFIX = "Audit - ";

/** A severity as the report's Severity column writes it: "ERROR", "WARNING", "NOTE". */
const severityWord = (severity: Severity): string => SEVERITY_NAMES[severity].one.toUpperCase();

/** What each check looks at, in the words of the report's Check column. */
export const CHECK_LABELS: Readonly<Record<AuditCheck, string>> = {
  "not-a-quote": "No quote",
  metadata: "Unreadable quote",
  arithmetic: "Figure differs",
  "formula-replaced": "Formula replaced",
  "formula-changed": "Formula changed",
  "broken-reference": "Broken reference",
  "input-changed": "Input changed",
  "input-invalid": "Input not valid",
  "line-missing": "Line missing",
  "line-extra": "Line added",
  "pricing-basis": "Pricing basis",
  principle: "Principle",
  "partner-copy": "Partner copy verified",
};

/**
 * Column widths (xlsx units) and how many characters of wrapped text are counted to a line of each:
 * the ratios of the findings sheet, whose rows the Carlito measurement test checks.
 */
const COLUMNS = [
  { header: "Severity", width: 10, characters: 9 },
  { header: "Cell", width: 24, characters: 23 },
  { header: "Check", width: 16, characters: 15 },
  { header: "Finding", width: 60, characters: 68 },
  { header: "Expected", width: 20, characters: 20 },
  { header: "Found", width: 20, characters: 20 },
  { header: "Guide section", width: 36, characters: 40 },
] as const;

const HEADER_ROW = 5;
/** More references than this would run the title off the page: it counts them instead. */
const LISTED_IN_TITLE = 3;
const LAST_COLUMN = "G";
/** Characters counted to a line of text merged across the whole table. */
const TABLE_CHARACTERS = COLUMNS.reduce((sum, column) => sum + column.characters, 0);

/** "'Quote X'!I64", or "'Quote X'" for a finding about the whole sheet. */
export function findingPlace(finding: Pick<AuditFinding, "sheet" | "cell">): string {
  if (finding.sheet === "") return "(workbook)";
  const sheet = quoteSheetName(finding.sheet);
  return finding.cell === "" ? sheet : `${sheet}!${finding.cell}`;
}

/**
 * A native HYPERLINK that selects the finding's cell (or the sheet's A1) in this workbook: Excel and
 * LibreOffice both follow a "#Sheet!A1" location within the file. Undefined for workbook findings.
 */
export function hyperlinkFormula(
  finding: Pick<AuditFinding, "sheet" | "cell">
): string | undefined {
  if (finding.sheet === "") return undefined;
  const target = `#${quoteSheetName(finding.sheet)}!${finding.cell === "" ? "A1" : finding.cell}`;
  return `HYPERLINK(${formulaStringLiteral(target)},${formulaStringLiteral(findingPlace(finding))})`;
}

/** "Audit - <reference>" for one quote; otherwise what the workbook held. */
export function auditSheetName(report: AuditReport): string {
  const [only, ...others] = report.quotes;
  if (only !== undefined && others.length === 0)
    return `${AUDIT_SHEET_PREFIX}${only.reference || only.sheet}`;
  return report.quotes.length === 0
    ? `${AUDIT_SHEET_PREFIX}no quote`
    : `${AUDIT_SHEET_PREFIX}${report.quotes.length} quotes`;
}

/** The footer's label: the audited quote's reference, or the sheet's name when it audited several or none. */
function footerLabel(report: AuditReport): string {
  const [only, ...others] = report.quotes;
  if (only !== undefined && others.length === 0) return only.reference || only.sheet;
  return auditSheetName(report);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "2 errors, 1 warning, no notes". */
export function severityCounts(findings: readonly AuditFinding[]): string {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const say = (n: number, one: string) => (n === 0 ? `no ${one}s` : plural(n, one));
  return `${say(count("error"), "error")}, ${say(count("warning"), "warning")}, ${say(count("info"), "note")}`;
}

function quoteHeading(quote: AuditedQuote): string {
  const generated = quote.generatorVersion
    ? `, generated by version ${quote.generatorVersion}`
    : "";
  const outcome =
    quote.findings.length === 0
      ? "Clean: every figure, formula and input is as generated"
      : `${severityCounts(quote.findings)}`;
  return `${quoteSheetName(quote.sheet)}: quote ${quote.reference || "(reference unreadable)"}${generated}. ${outcome}.`;
}

const bySeverity = (findings: readonly AuditFinding[]): AuditFinding[] =>
  SEVERITIES.flatMap((severity) => findings.filter((finding) => finding.severity === severity));

export interface AuditSheetOptions {
  readonly auditedAt: Date;
  /** What was audited, as the reader knows it: "the open workbook", a file's name. */
  readonly source: string;
}

/** The report sheet of one audit. */
export function buildAuditSheet(report: AuditReport, options: AuditSheetOptions): SheetSpec {
  const name = auditSheetName(report);
  const sheet = new SheetSpecBuilder(name);
  const audited = isoMinute(options.auditedAt).replace("T", " ");
  const all = [...report.findings, ...report.quotes.flatMap((quote) => quote.findings)];
  const references = report.quotes.map((quote) => quote.reference || quote.sheet);
  const what =
    references.length === 0
      ? options.source
      : references.length <= LISTED_IN_TITLE
        ? `${references.join(", ")} in ${options.source}`
        : `${references.length} quotes in ${options.source}`;
  /** Text across the table's width, wrapped, its row as tall as its lines. */
  const across = (at: number, value: string, style: CellStyle) => {
    sheet.setAt(at, 1, text(value), { style: { ...style, wrap: true, vertical: "top" } });
    sheet.merge(`A${at}:${LAST_COLUMN}${at}`);
    const lines = lineCount(value, TABLE_CHARACTERS);
    if (lines > 1) sheet.rowHeight(at, heightForLines(lines));
  };
  sheet.setAt(1, 1, text(`Audit of ${what}`), { style: TITLE });
  across(
    2,
    `Audited ${audited} UTC by NHS Data Partnership Pricing ${VERSION}. The audited sheets were read, not changed; each cell address below selects the cell it names.`,
    NOTE
  );
  across(
    3,
    `${plural(report.quotes.length, "quote sheet")} audited: ${severityCounts(all)}.${all.some((f) => f.severity === "error") ? " A quote with an error is not the quote as generated, or breaks a rule: do not rely on its figures until the trust has answered." : ""}`,
    { bold: true }
  );
  sheet.row(
    HEADER_ROW,
    1,
    COLUMNS.map((column) => text(column.header)),
    { style: { ...TABLE_HEADER, vertical: "top" } }
  );
  let row = HEADER_ROW + 1;

  const findingRow = (finding: AuditFinding) => {
    const link = hyperlinkFormula(finding);
    const place = findingPlace(finding);
    sheet.setAt(row, 1, text(severityWord(finding.severity)), {
      style: { bold: true, vertical: "top", fontColor: SEVERITY_COLOURS[finding.severity] },
    });
    sheet.setAt(row, 2, link === undefined ? text(place) : formula(link, place), {
      style: link === undefined ? WRAPPED : { ...WRAPPED, fontColor: NHS_BLUE },
    });
    const rest = [
      CHECK_LABELS[finding.check],
      finding.message,
      finding.expected ?? "",
      finding.found ?? "",
      finding.guideSection,
    ];
    rest.forEach((value, i) => {
      if (value !== "") sheet.setAt(row, i + 3, text(value), { style: WRAPPED });
    });
    const lines = Math.max(
      ...[severityWord(finding.severity), place, ...rest].map((value, i) =>
        lineCount(value, COLUMNS[i]!.characters)
      )
    );
    if (lines > 1) sheet.rowHeight(row, heightForLines(lines));
    row += 1;
  };

  for (const finding of bySeverity(report.findings)) findingRow(finding);
  for (const quote of report.quotes) {
    across(row, quoteHeading(quote), { bold: true, fill: "#E8EDEE" });
    row += 1;
    for (const finding of bySeverity(quote.findings)) findingRow(finding);
  }
  COLUMNS.forEach((column, i) => sheet.columnWidth(i + 1, column.width));
  return sheet
    .showGridlines(false)
    .freeze({ rows: HEADER_ROW })
    .print({
      paperSize: "A4",
      orientation: "landscape",
      fitToWidth: true,
      header: { left: name, right: `Audited ${audited} UTC` },
      footer: {
        left: `NHS Data Partnership Pricing ${VERSION}`,
        right: pageOfPages(footerLabel(report)),
      },
      printArea: `A1:${LAST_COLUMN}${row - 1}`,
      printTitleRows: { first: HEADER_ROW, last: HEADER_ROW },
    })
    .build();
}
