/*
 * The quote sheet's grid and look, shared by its sections: the columns and their widths, the number
 * formats and styles, and the row shapes the sections repeat (a label with its text across the row,
 * text merged across columns). Rows are sized from the widths of the columns their text spans (the
 * shared Cursor, src/workbook/spec/cursor.ts), so the widths are set before any row is written.
 */
import { columnLetter } from "../../spec/a1";
import type { SheetSpecBuilder, CellOptions } from "../../spec/builder";
import type { Cursor } from "../../spec/cursor";
import { text, type CellStyle } from "../../spec/spec";
import { LABEL, NHS_BLUE, POUNDS_FORMAT, TOP, WRAPPED } from "../../spec/styles";

/** The last printed column (I): full-width rows run to it. */
export const LAST_COLUMN_NUMBER = 9;

/**
 * Column widths A..I in width units: labels, descriptions, then narrower figure columns. 149 units
 * (1,088 pixels, 816 points) print on A4 landscape at 90%, so 11-point text prints at about 10 points.
 */
const COLUMN_WIDTHS: readonly number[] = [24, 34, 16, 11, 11, 12, 13, 14, 14];

/** Sets the quote's column widths: first, since every row's height is reckoned from them. */
export function quoteColumns(sheet: SheetSpecBuilder): SheetSpecBuilder {
  COLUMN_WIDTHS.forEach((width, i) => sheet.columnWidth(columnLetter(i + 1), width));
  return sheet;
}

/** Unit costs may have fractions of a penny (a per-record price): show them when there are any. */
export const UNIT_COST_FORMAT = "[$£-809]#,##0.00##";
export const RATE_FORMAT = "0.00%";
export { PLAIN_NUMBER_FORMAT as QUANTITY_FORMAT } from "../../spec/styles";

export const CATEGORY: CellStyle = { bold: true, fontColor: NHS_BLUE };
export const SUBTOTAL: CellStyle = { bold: true, border: { top: "thin" } };
export const TOTAL: CellStyle = {
  bold: true,
  size: 12,
  border: { top: "thin", bottom: "double" },
};
export const GRAND_TOTAL: CellStyle = {
  bold: true,
  size: 13,
  fill: "#E8EDEE",
  border: { top: "thin", bottom: "double" },
};
export const MONEY: CellOptions = { numberFormat: POUNDS_FORMAT, style: TOP };

/** Row heights, in points, for the 16-point title and 12- or 13-point lines. */
export const TITLE_HEIGHT = 24;
export const LARGE_TEXT_HEIGHT = 18;

/** Headers over numbers are right-aligned like the numbers: one per column, A..I. */
export const COST_HEADER_ALIGNMENT = [
  "left",
  "left",
  "left",
  "right",
  "left",
  "right",
  "right",
  "right",
  "right",
] as const;

import { across } from "../../spec/cursor";

export { across };

/** Rows `top`..`bottom` across every column, A to the last: "A14:I31". */
export function rowsAcross(top: number, bottom: number): string {
  return `A${top}:${columnLetter(LAST_COLUMN_NUMBER)}${bottom}`;
}

/** A label in A and its text wrapped across B to the last column; the cursor moves to the next row. */
export function detail(at: Cursor, label: string, value: string): void {
  at.sheet.setAt(at.row, 1, text(label), { style: LABEL });
  across(at, text(value), 2, LAST_COLUMN_NUMBER, WRAPPED);
  at.skip();
}
