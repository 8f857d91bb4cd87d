/**
 * The scenario sheet's row shapes, each written at the cursor's row and sized for its text across the
 * columns it spans: a note across the sheet, a label with its value and a comment, a table's header.
 */
import { absoluteAddress, columnLetter } from "../../spec/a1";
import type { CellOptions } from "../../spec/builder";
import type { Cursor } from "../../spec/cursor";
import { blank, text, type CellValueSpec } from "../../spec/spec";
import { LABEL, NOTE, TABLE_HEADER } from "../../spec/styles";
import { LAST_COLUMN } from "./style";

/** The column a comment beside an input starts in; it runs to the last column. */
const COMMENT_COLUMN = 4;

/** A note merged across columns 1..`width`, its row tall enough for its lines; moves to the next row. */
export function note(at: Cursor, value: string, width: number = LAST_COLUMN): void {
  at.sheet.setAt(at.row, 1, text(value), { style: NOTE });
  at.sheet.merge(`A${at.row}:${columnLetter(width)}${at.row}`);
  at.fitText(value, 1, width);
  at.skip();
}

/** A label in A:B (merged) on the cursor's row. */
export function label(at: Cursor, value: string, options: CellOptions = { style: LABEL }): void {
  at.sheet.setAt(at.row, 1, text(value), options);
  at.sheet.merge(`A${at.row}:B${at.row}`);
}

/** A comment in D..the last column (merged) on the cursor's row, its row tall enough for it. */
export function comment(at: Cursor, value: string): void {
  at.sheet.setAt(at.row, COMMENT_COLUMN, text(value), { style: NOTE });
  at.sheet.merge(`${columnLetter(COMMENT_COLUMN)}${at.row}:${columnLetter(LAST_COLUMN)}${at.row}`);
  at.fitText(value, COMMENT_COLUMN, LAST_COLUMN);
}

/**
 * An input: a label in A:B, the value in C and an optional comment in D..; moves to the next row and
 * returns the value's absolute address.
 */
export function input(
  at: Cursor,
  name: string,
  value: CellValueSpec,
  options: CellOptions,
  remark?: string
): string {
  label(at, name);
  const address = at.sheet.setAt(at.row, 3, value, options);
  if (remark !== undefined) comment(at, remark);
  at.skip();
  return absoluteAddress(address);
}

/**
 * A table's header from column `first`, a null label an empty header cell; columns from `numericFrom`
 * are right-aligned over numbers. A text label before them runs on over the empty header cells after it,
 * rather than wrapping in a narrow one. The row is as tall as the longest label wrapped in its span.
 */
export function header(
  at: Cursor,
  labels: readonly (string | null)[],
  first = 1,
  numericFrom = 3
): void {
  const { sheet, row } = at;
  const shown: (string | null)[] = [...labels];
  labels.forEach((label, i) => {
    const col = first + i;
    const value =
      label !== null && col >= numericFrom ? breakToFit(label, at.charactersAcross(col)) : label;
    shown[i] = value;
    sheet.setAt(row, col, value === null ? blank() : text(value), {
      style: {
        ...TABLE_HEADER,
        wrap: true,
        vertical: "top",
        horizontal: col >= numericFrom ? "right" : "left",
      },
    });
  });
  shown.forEach((value, i) => {
    const col = first + i;
    if (value === null) return;
    let last = i;
    if (col < numericFrom)
      while (labels[last + 1] === null && first + last + 1 < numericFrom) last += 1;
    if (last > i) sheet.merge(`${columnLetter(col)}${row}:${columnLetter(first + last)}${row}`);
    at.fitText(value, col, first + last);
  });
  at.skip();
}

/**
 * A numeric column's heading broken onto lines of at most about two thirds of its width: a bold heading
 * that nearly fills its column runs into the next one's, right-aligned beside it ("Expected cash
 * Discount factor"), so it is given its own lines and a gap either side.
 */
export function breakToFit(label: string, charactersPerLine: number): string {
  const width = Math.max(6, Math.floor(charactersPerLine * 0.7));
  if (label.length <= width || label.includes("\n")) return label;
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join("\n");
}
