/*
 * A1 address arithmetic shared by the sheet specs and both writers. Rows and columns are 1-based, as
 * in Excel's own UI and in ExcelJS; the limits are Excel's (XFD = 16,384 columns, 1,048,576 rows).
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class A1Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = "A1Error";
  }
}

function checkRow(row: number): void {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS)
    throw new A1Error(`Row ${row} is outside 1..${MAX_ROWS}`);
}

function checkCol(col: number): void {
  if (!Number.isInteger(col) || col < 1 || col > MAX_COLUMNS) {
    throw new A1Error(`Column ${col} is outside 1..${MAX_COLUMNS}`);
  }
}

/** 1 → "A", 26 → "Z", 27 → "AA", 16384 → "XFD". */
export function columnLetter(col: number): string {
  checkCol(col);
  let n = col;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 1, "xfd" → 16384. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new A1Error(`"${letters}" is not a column`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  checkCol(n);
  return n;
}

/** (5, 2) → "B5"; with absolute: "$B$5". */
export function cellAddress(row: number, col: number, absolute = false): string {
  checkRow(row);
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(col)}${d}${row}`;
}

/** "$B$5" → "B5"; absolute markers are accepted and dropped. */
export function parseCellAddress(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(address.trim());
  if (!m) throw new A1Error(`"${address}" is not an A1 cell address`);
  const row = Number(m[2]);
  checkRow(row);
  return { row, col: columnNumber(m[1] as string) };
}

/** "B2:D4" (or a single cell "B2") → its corners, normalised so top <= bottom and left <= right. */
export function parseRangeAddress(address: string): RangeRef {
  const parts = address.trim().split(":");
  if (parts.length > 2 || parts.length === 0) throw new A1Error(`"${address}" is not an A1 range`);
  const a = parseCellAddress(parts[0] as string);
  const b = parts.length === 2 ? parseCellAddress(parts[1] as string) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Corners → "B2:D4", or "B2" when the range is one cell. */
export function rangeAddress(range: RangeRef, absolute = false): string {
  const tl = cellAddress(range.top, range.left, absolute);
  if (range.top === range.bottom && range.left === range.right) return tl;
  return `${tl}:${cellAddress(range.bottom, range.right, absolute)}`;
}

/** Makes every part of an A1 cell or range address absolute: "B2:D4" → "$B$2:$D$4". */
export function absoluteAddress(address: string): string {
  return rangeAddress(parseRangeAddress(address), true);
}

/** Moves a cell address by whole rows and columns: offsetAddress("B5", 1, 2) → "D6". */
export function offsetAddress(address: string, rows: number, cols: number): string {
  const c = parseCellAddress(address);
  return cellAddress(c.row + rows, c.col + cols);
}

export function rangeContains(outer: RangeRef, inner: RangeRef): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

export function rangesOverlap(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * A sheet name as it must appear in a reference: always quoted, apostrophes doubled. Quoting is
 * always valid, so callers never have to decide whether a name "needs" it.
 */
export function quoteSheetName(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** "'Quote (2)'!$F$30". */
export function sheetReference(sheetName: string, address: string): string {
  return `${quoteSheetName(sheetName)}!${address}`;
}
