import type { Severity } from "../../model/vocabulary";
import type { CellStyle } from "./spec";

/** The look the generated sheets share: NHS blue headings, grey table headers, top-aligned wrapped text. */

export const NHS_BLUE = "#005EB8";
export const NHS_RED = "#D5281B";
export const NHS_WARM_YELLOW = "#ED8B00";
export const NHS_DARK_GREY = "#425563";

/** Pounds and pence in a cell, with the pound sign whatever the reader's locale (809: English, UK). */
export const POUNDS_FORMAT = "[$£-809]#,##0.00";
/** Pounds over or (under): a shortfall in brackets, as a finance reader expects beside "(under)". */
export const POUNDS_OVER_UNDER_FORMAT = "[$£-809]#,##0.00;([$£-809]#,##0.00)";
/**
 * A count or a number of years as typed: "12" or "12.5". Not "#,##0.##", whose decimal point Excel
 * shows on a whole number ("12.").
 */
export const PLAIN_NUMBER_FORMAT = "General";
/** Whole pounds in a cell: valuations, which are compared rather than paid. */
export const WHOLE_POUNDS_FORMAT = "[$£-809]#,##0";

/**
 * A date a person reads, in a cell: "2 June 2025", in English whatever the reader's locale (809:
 * English, UK). The cell keeps the date's serial number, so formulas and the audit read a date.
 */
export const LONG_DATE_FORMAT = "[$-809]d mmmm yyyy";
/** The same in a narrow table column: "2 Jun 2025". */
export const SHORT_DATE_FORMAT = "[$-809]d mmm yyyy";

/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;

/** The colour a finding's severity is written in, on the findings sheet and the audit report. */
export const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = {
  error: NHS_RED,
  warning: NHS_WARM_YELLOW,
  info: NHS_DARK_GREY,
};

export const TITLE: CellStyle = { bold: true, size: 16, fontColor: NHS_BLUE };
export const HEADING: CellStyle = { bold: true, size: 12, fontColor: "#FFFFFF", fill: NHS_BLUE };
export const LABEL: CellStyle = { bold: true, vertical: "top" };
export const TOP: CellStyle = { vertical: "top" };
export const WRAPPED: CellStyle = { wrap: true, vertical: "top" };
export const NOTE: CellStyle = {
  italic: true,
  fontColor: NHS_DARK_GREY,
  wrap: true,
  vertical: "top",
};
/**
 * Shaded: a cell a reader may change (a quantity, a unit cost, a rate, an amount), which the figures
 * are formulas over. The same pale yellow as the scenario sheet's inputs.
 */
export const INPUT_FILL = "#FFF4CC";
export const INPUT: CellStyle = { fill: INPUT_FILL, vertical: "top" };
export const TABLE_HEADER: CellStyle = { bold: true, fill: "#E8EDEE", border: { bottom: "thin" } };

/**
 * How many lines `value` takes in a wrapped cell about `charactersPerLine` wide, wrapped as Excel and
 * LibreOffice wrap: at spaces and after hyphens, a word too long for a line broken across lines, and
 * every line break kept. Counting characters alone would undercount: a long word that does not fit
 * moves whole to the next line and leaves the end of the line before it empty.
 */
export function lineCount(value: string, charactersPerLine: number): number {
  const width = Math.max(1, Math.floor(charactersPerLine));
  let lines = 0;
  for (const paragraph of value.split(/\r\n|\r|\n/)) {
    lines += 1;
    let used = 0;
    // Words keep a trailing hyphen ("treatment-"), where both programs may also break.
    for (const word of paragraph.split(/ +|(?<=-)/).filter((w) => w !== "")) {
      const gap = used === 0 ? 0 : 1;
      if (used + gap + word.length <= width) {
        used += gap + word.length;
        continue;
      }
      if (used > 0) lines += 1;
      // A word longer than a line fills whole lines, then the rest starts the next.
      lines += Math.floor((word.length - 1) / width);
      used = word.length - Math.floor((word.length - 1) / width) * width;
    }
  }
  return Math.max(1, lines);
}

/** A column's width in pixels at 100%: whole maximum-digit widths (7 px in 11-point Calibri) and 5 px of padding. */
export function columnPixels(width: number): number {
  return Math.trunc(width * 7) + 5;
}

/**
 * Pixels per character when sizing rows for wrapped text. Carlito (metrically Calibri) averages 5.96 px
 * per character of English prose at 11 points; 6.5 leaves room for runs of wide letters and capitals.
 */
const PIXELS_PER_CHARACTER = 6.5;
/** Pixels a cell keeps clear beside its text. */
const CELL_PADDING_PIXELS = 6;

/** About how many characters of 11-point text fit on one line of a cell (or merge) of these column widths. */
export function charactersPerLine(columnWidths: readonly number[]): number {
  const pixels = columnWidths.reduce((sum, width) => sum + columnPixels(width), 0);
  return Math.max(1, Math.floor((pixels - CELL_PADDING_PIXELS) / PIXELS_PER_CHARACTER));
}

/** A row height in points for `lines` lines of 11-point text, within Excel's limit. */
export function heightForLines(lines: number): number {
  return Math.min(MAX_ROW_HEIGHT, 15 * lines);
}
