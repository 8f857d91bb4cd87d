/*
 * The audit's report as a sheet of its own, added beside the sheets it audited (which are never
 * touched): what was audited and when, then each finding with its severity, the audited cell as a
 * link that selects it, what is wrong, expected against found, and the guide section. One sheet per
 * audit, named after the quote it audited ("Audit - <reference>"), laid out to print on A4.
 */
import type { AuditCheck, AuditFinding, AuditReport, AuditedQuote } from "./model";
import { isoMinute } from "../model/format";
import { SEVERITIES } from "../core/principles";
import { severityCount, severityWord } from "../model/labels";
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
  charactersPerLine,
  heightForLines,
  lineCount,
} from "../workbook/spec/styles";
import { SheetSpecBuilder } from "../workbook/spec/builder";
import { formula, pageOfPages, text, type CellStyle, type SheetSpec } from "../workbook/spec/spec";
import { compactCells, groupFindings, type FindingGroup } from "./knockOn";

export const AUDIT_SHEET_PREFIX = "Audit - ";

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
 * Column widths (xlsx units), and how many characters of wrapped text a line of each holds. The widths
 * add up to what prints across landscape A4 at about 84% (fit to width): body text at 9 points or more.
 */
const COLUMNS = [
  { header: "Severity", width: 10 },
  { header: "Cell", width: 20 },
  { header: "Check", width: 14 },
  { header: "Finding", width: 52 },
  { header: "Expected", width: 18 },
  { header: "Found", width: 18 },
  { header: "Guide section", width: 30 },
].map((column) => ({ ...column, characters: charactersPerLine([column.width]) }));

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

/**
 * "2 errors, 1 warning, no notes": the report's entries, a cell's formula and value counted once and
 * the figures that only follow from another cell not at all (knockOnCount says how many those are).
 */
export function severityCounts(findings: readonly AuditFinding[]): string {
  const groups = groupFindings(findings);
  return SEVERITIES.map((severity) =>
    severityCount(groups.filter((group) => group.head.severity === severity).length, severity)
  ).join(", ");
}

/** How many figures differ only because a cell they follow from does. */
function knockOnCount(findings: readonly AuditFinding[]): number {
  return findings.filter((finding) => finding.causedBy !== undefined).length;
}

/** ", and 16 figures that follow from them", or nothing. */
function knockOnClause(findings: readonly AuditFinding[]): string {
  const count = knockOnCount(findings);
  return count === 0
    ? ""
    : ` (and ${plural(count, "figure")} that differ${count === 1 ? "s" : ""} only because of them)`;
}

function quoteHeading(quote: AuditedQuote): string {
  const generated = quote.generatorVersion
    ? `, generated by version ${quote.generatorVersion}`
    : "";
  const outcome =
    quote.findings.length === 0
      ? "Clean: every figure, formula and input is as generated"
      : `${severityCounts(quote.findings)}${knockOnClause(quote.findings)}`;
  return `${quoteSheetName(quote.sheet)}: quote ${quote.reference || "(reference unreadable)"}${generated}. ${outcome}.`;
}

const bySeverity = (findings: readonly AuditFinding[]): AuditFinding[] =>
  SEVERITIES.flatMap((severity) => findings.filter((finding) => finding.severity === severity));

/**
 * What a cell's entry says: the finding, with its figure's value beside a replaced or changed formula
 * (expected as the value it should show, the formula it should have named as such), never a formula
 * in place of a value.
 */
export function entryTexts(group: FindingGroup): {
  message: string;
  expected: string;
  found: string;
  /** The formula the cell should have, when the entry is about its formula and not already shown. */
  formula?: string;
} {
  const { head } = group;
  const value = group.sameCell.find((finding) => finding.check === "arithmetic");
  const expected = value?.expected ?? head.expected ?? "";
  const found = value?.found ?? head.found ?? "";
  const sentences = [head.message];
  if (value !== undefined)
    sentences.push(
      head.check === "formula-replaced"
        ? `The sheet's own inputs give ${value.expected ?? "another figure"}.`
        : value.message
    );
  for (const other of group.sameCell) if (other !== value) sentences.push(other.message);
  const formula =
    head.expectedFormula !== undefined && head.expectedFormula !== expected
      ? head.expectedFormula
      : undefined;
  return { message: sentences.join(" "), expected, found, ...(formula ? { formula } : {}) };
}

/** The label of the formula a cell should have, on the report sheet and in the command's output. */
export const FORMULA_LABEL = "Formula it should have:";

/** "And 16 figures that depend on it differ: cells F59:F60, H39, ..." with the last of them in full. */
export function knockOnText(group: FindingGroup): string {
  const { knockOns } = group;
  const cells = compactCells(knockOns.map((finding) => finding.cell));
  const count = knockOns.length;
  const last = knockOns.reduce((a, b) => (rowOf(b.cell) >= rowOf(a.cell) ? b : a));
  return `And ${plural(count, "figure")} that depend${count === 1 ? "s" : ""} on it ${count === 1 ? "differs" : "differ"}: ${count === 1 ? "cell" : "cells"} ${cells}. ${count === 1 ? "It follows" : "They follow"} from this cell and will agree again once it is put right.${count === 1 ? "" : ` The last of them, ${last.cell}: ${last.message}`}`;
}

const rowOf = (cell: string): number => Number(/\d+/.exec(cell)?.[0] ?? 0);

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
    `${plural(report.quotes.length, "quote sheet")} audited: ${severityCounts(all)}${knockOnClause(all)}.${all.some((f) => f.severity === "error") ? " A quote with an error is not the quote as generated, or breaks a rule: do not rely on its figures until the trust has answered." : ""}`,
    { bold: true }
  );
  sheet.row(
    HEADER_ROW,
    1,
    COLUMNS.map((column) => text(column.header)),
    { style: { ...TABLE_HEADER, vertical: "top" } }
  );
  let row = HEADER_ROW + 1;

  /** Sizes the row for its texts, each in its column (or in the columns `spans` says it is merged over). */
  const sizeRow = (values: readonly string[], spans: readonly number[] = []) => {
    let column = 0;
    let lines = 1;
    values.forEach((value, i) => {
      const span = spans[i] ?? 1;
      const characters = COLUMNS.slice(column, column + span).reduce(
        (sum, c) => sum + c.characters,
        0
      );
      lines = Math.max(lines, lineCount(value, characters));
      column += span;
    });
    if (lines > 1) sheet.rowHeight(row, heightForLines(lines));
  };

  /** A cell's entry: what is wrong there, then the figures that only follow from it. */
  const groupRows = (group: FindingGroup) => {
    const { head } = group;
    const link = hyperlinkFormula(head);
    const place = findingPlace(head);
    sheet.setAt(row, 1, text(severityWord(head.severity)), {
      style: { bold: true, vertical: "top", fontColor: SEVERITY_COLOURS[head.severity] },
    });
    sheet.setAt(row, 2, link === undefined ? text(place) : formula(link, place), {
      style: link === undefined ? WRAPPED : { ...WRAPPED, fontColor: NHS_BLUE },
    });
    const entry = entryTexts(group);
    const rest = [
      CHECK_LABELS[head.check],
      entry.formula === undefined
        ? entry.message
        : `${entry.message}\n${FORMULA_LABEL} ${entry.formula}`,
      entry.expected,
      entry.found,
      head.guideSection,
    ];
    rest.forEach((value, i) => {
      if (value !== "") sheet.setAt(row, i + 3, text(value), { style: WRAPPED });
    });
    sizeRow([severityWord(head.severity), place, ...rest]);
    row += 1;
    if (group.knockOns.length === 0) return;
    const follows = knockOnText(group);
    sheet.setAt(row, 3, text("Figures that follow"), { style: WRAPPED });
    sheet.setAt(row, 4, text(follows), { style: WRAPPED });
    sheet.merge(`D${row}:F${row}`);
    sizeRow(["", "", "Figures that follow", follows], [1, 1, 1, 3]);
    row += 1;
  };

  for (const group of groupFindings(bySeverity(report.findings))) groupRows(group);
  for (const quote of report.quotes) {
    across(row, quoteHeading(quote), { bold: true, fill: "#E8EDEE" });
    row += 1;
    for (const group of groupFindings(bySeverity(quote.findings))) groupRows(group);
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
