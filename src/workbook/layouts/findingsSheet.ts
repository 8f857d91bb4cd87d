/*
 * The principle findings on a sheet of their own, for the trust's internal workbook only: the partner
 * copy is the quote sheet alone. Each finding with its severity, the principle, what it asks the
 * user to change (the document field, named as the task pane labels it: document/fieldLabels.ts) and
 * where the guide says so.
 */
import type { Finding } from "../../core/principles";
import { formatLongDateTime, isoMinute } from "../../model/format";
import { severityWord } from "../../model/labels";
import { VERSION } from "../../model/version";
import { fieldLabel, type Partnership } from "../../document";
import {
  NOTE,
  SEVERITY_COLOURS,
  charactersPerLine,
  TABLE_HEADER,
  TITLE,
  WRAPPED,
  heightForLines,
  lineCount,
} from "../spec/styles";
import { SheetSpecBuilder } from "../spec/builder";
import { pageOfPages, text, type SheetSpec } from "../spec/spec";

/** The table's column headings, frozen on screen and repeated at the top of every printed page. */
const HEADER_ROW = 4;

const COLUMNS = [
  { header: "Severity", width: 11 },
  { header: "Principle", width: 16 },
  { header: "Finding", width: 56 },
  { header: "Field to change", width: 26 },
  { header: "Guide", width: 34 },
] as const;

/**
 * Sheet-scoped names on the findings sheet, so that creating the quote again finds the sheet (however
 * the user renamed it) and sees whether anything was added beside the table.
 */
export const FINDINGS_NAMES = {
  /** The title, which names the partnership: "Checks against the NHS principles: <reference>". */
  title: "NHSDP_FindingsTitle",
  /** Everything the generator wrote: the title down to the last finding, columns A to E. */
  findings: "NHSDP_Findings",
} as const;

/** The findings sheet's title for a partnership, as written in A1. */
export function findingsTitle(reference: string): string {
  return `Checks against the NHS principles: ${reference}`;
}

export function buildFindingsSheet(
  doc: Partnership,
  findings: readonly Finding[],
  options: { generatedAt: Date }
): SheetSpec {
  const sheet = new SheetSpecBuilder(`Findings ${doc.reference}`);
  const generated = formatLongDateTime(isoMinute(options.generatedAt));
  sheet.setAt(1, 1, text(findingsTitle(doc.reference)), { style: TITLE });
  sheet.defineName(FINDINGS_NAMES.title, "A1");
  sheet.setAt(
    2,
    1,
    text(
      `Internal: not for the partner. ${findings.length} finding${findings.length === 1 ? "" : "s"}, generated ${generated} UTC by NHS Data Partnership Pricing ${VERSION}.`
    ),
    { style: { ...NOTE, wrap: false } }
  );
  let row = HEADER_ROW;
  sheet.row(
    row,
    1,
    COLUMNS.map((column) => text(column.header)),
    { style: TABLE_HEADER }
  );
  row += 1;
  if (findings.length === 0) {
    sheet.setAt(row, 1, text("No findings: the partnership meets every check."));
    row += 1;
  }
  for (const finding of findings) {
    const cells = [
      // The audit report's words: ERROR, WARNING, NOTE.
      severityWord(finding.severity),
      finding.principle,
      finding.message,
      // The field as the task pane labels it, its list items by id: the pane is where it is changed.
      finding.field === undefined ? "" : fieldLabel(finding.field, doc),
      finding.guideSection,
    ];
    cells.forEach((value, i) =>
      sheet.setAt(row, i + 1, text(value), {
        style:
          i === 0
            ? { bold: true, vertical: "top", fontColor: SEVERITY_COLOURS[finding.severity] }
            : WRAPPED,
      })
    );
    const lines = Math.max(
      ...cells.map((value, i) => lineCount(value, charactersPerLine([COLUMNS[i]!.width])))
    );
    if (lines > 1) sheet.rowHeight(row, heightForLines(lines));
    row += 1;
  }
  sheet.defineName(FINDINGS_NAMES.findings, `A1:E${row - 1}`);
  COLUMNS.forEach((column, i) => sheet.columnWidth(i + 1, column.width));
  return sheet
    .showGridlines(false)
    .freeze({ rows: HEADER_ROW })
    .print({
      paperSize: "A4",
      orientation: "landscape",
      fitToWidth: true,
      header: { left: `Findings ${doc.reference}`, right: "Internal: not for the partner" },
      footer: {
        left: `NHS Data Partnership Pricing ${VERSION}`,
        right: pageOfPages(doc.reference),
      },
      printArea: `A1:E${row - 1}`,
      printTitleRows: { first: HEADER_ROW, last: HEADER_ROW },
    })
    .build();
}
