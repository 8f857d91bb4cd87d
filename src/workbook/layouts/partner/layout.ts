/*
 * The partner copy's grid: five columns that fit an A4 portrait page at full size, so its text prints
 * at the size it is written (11 point body) rather than scaled down, and the row shapes its sections
 * repeat.
 */
import { columnLetter } from "../../spec/a1";
import type { Cursor } from "../../spec/cursor";
import type { SheetSpecBuilder } from "../../spec/builder";
import { text, type CellStyle } from "../../spec/spec";
import { LABEL, NHS_RED, WRAPPED } from "../../spec/styles";

/** A: what is supplied; B: quantity; C: unit; D: unit price; E: amount. */
const COLUMN_WIDTHS: readonly number[] = [42, 10, 13, 13, 15];
export const LAST_COLUMN = COLUMN_WIDTHS.length;

export function partnerColumns(sheet: SheetSpecBuilder): SheetSpecBuilder {
  COLUMN_WIDTHS.forEach((width, i) => sheet.columnWidth(columnLetter(i + 1), width));
  return sheet;
}

export const BANNER: CellStyle = {
  bold: true,
  size: 14,
  fontColor: "#FFFFFF",
  fill: NHS_RED,
  horizontal: "center",
  vertical: "center",
};
export const BOX: CellStyle = { fill: "#E8EDEE", vertical: "top", wrap: true };
export const BOX_FIGURE: CellStyle = { fill: "#E8EDEE", vertical: "top", bold: true, size: 12 };

import { across } from "../../spec/cursor";

export { across };

/** A term of the offer: its title in bold, then its text across the page, kept together. */
export function term(at: Cursor, label: string, value: string): void {
  at.keep(2);
  at.sheet.setAt(at.row, 1, text(label), { style: LABEL });
  at.skip();
  paragraph(at, value);
}

/** A paragraph across the whole width; the cursor moves to the next row. */
export function paragraph(at: Cursor, value: string, style: CellStyle = WRAPPED): void {
  across(at, text(value), 1, LAST_COLUMN, style);
  at.skip();
}
