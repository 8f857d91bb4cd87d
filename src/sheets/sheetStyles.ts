import type { CellStyle } from "./spec";

/** The look the generated sheets share: NHS blue headings, grey table headers, top-aligned wrapped text. */

export const NHS_BLUE = "#005EB8";
export const NHS_RED = "#D5281B";
export const NHS_WARM_YELLOW = "#ED8B00";
export const NHS_DARK_GREY = "#425563";

/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;

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
export const TABLE_HEADER: CellStyle = { bold: true, fill: "#E8EDEE", border: { bottom: "thin" } };

/** How many lines `value` takes wrapped at about `charactersPerLine`. */
export function lineCount(value: string, charactersPerLine: number): number {
  return Math.max(1, Math.ceil(value.length / charactersPerLine));
}

/** A row height in points for `lines` lines of 11-point text, within Excel's limit. */
export function heightForLines(lines: number): number {
  return Math.min(MAX_ROW_HEIGHT, 15 * lines);
}
