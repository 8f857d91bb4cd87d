/*
 * Where a printed sheet's pages end, so that a heading never stands alone at the foot of a page.
 * Written for sheets printed on A4 fitted to one page wide with the default margins, whose every row
 * has an explicit height (so that Excel and LibreOffice lay the rows out alike): the page holds a known
 * height of rows once the fit-to-width scale is known.
 */
import { columnLetter, parseRangeAddress } from "./a1";
import type { SheetSpec } from "./spec";
import { columnPixels } from "./styles";

/** A4 in points, and Excel's default margins (0.7 inch left and right, 0.75 inch top and bottom). */
const A4 = { width: 595.28, height: 841.89 } as const;
const MARGINS = { horizontal: 2 * 0.7 * 72, vertical: 2 * 0.75 * 72 } as const;
/** Excel's default column width in width units, and the default row height in points. */
export const DEFAULT_COLUMN_WIDTH = 9.140625;
export const DEFAULT_ROW_HEIGHT = 15;
/** Room left unused at the foot of each page, for rounding in the engines' own layout. */
const SAFETY = 0.97;

/** A column's width in points: Excel shows w characters of 7 pixels plus 5 pixels of padding, at 96 dpi. */
function columnPoints(width: number): number {
  return columnPixels(width) * 0.75;
}

/** The height of rows, in the sheet's own points, that one printed page holds. */
export function pageHeightInRows(spec: SheetSpec): number {
  const area = parseRangeAddress(spec.print.printArea ?? "A1:A1");
  let width = 0;
  for (let col = area.left; col <= area.right; col++)
    width += columnPoints(spec.columnWidths[columnLetter(col)] ?? DEFAULT_COLUMN_WIDTH);
  const portrait = spec.print.orientation === "portrait";
  const paperWidth = (portrait ? A4.width : A4.height) - MARGINS.horizontal;
  const paperHeight = (portrait ? A4.height : A4.width) - MARGINS.vertical;
  // Fitting to one page wide scales the sheet down by a whole percentage, never up.
  const scale = spec.print.fitToWidth
    ? Math.min(1, Math.floor((100 * paperWidth) / width) / 100)
    : 1;
  return (paperHeight / scale) * SAFETY;
}

/** How the rows of a sheet fall on its pages: where each page starts, and which of those are manual breaks. */
export interface Pagination {
  /** The first row of every page, the first page's included. */
  readonly pageStarts: number[];
  /** The rows that need a manual page break above them. */
  readonly breaks: number[];
}

/**
 * Lays the print area's rows out on pages, adding a manual break wherever a row in `keepWithNext`
 * ([row, n]) would otherwise print on a page without the n - 1 rows after it.
 */
export function paginate(
  spec: SheetSpec,
  keepWithNext: readonly (readonly [number, number])[]
): Pagination {
  const area = parseRangeAddress(spec.print.printArea ?? "A1:A1");
  const height = (row: number) => spec.rowHeights?.[String(row)] ?? DEFAULT_ROW_HEIGHT;
  // Two requests from one row (a section and the table it opens): the longer holds.
  const keep = new Map<number, number>();
  for (const [row, rows] of keepWithNext) keep.set(row, Math.max(rows, keep.get(row) ?? 0));
  const full = pageHeightInRows(spec);
  // Print titles repeat at the top of every page that starts below them, taking their height.
  const titles = spec.print.printTitleRows;
  let titleHeight = 0;
  if (titles) for (let row = titles.first; row <= titles.last; row++) titleHeight += height(row);
  const pageFrom = (row: number) => (titles && row > titles.last ? full - titleHeight : full);
  const pageStarts = [area.top];
  const breaks: number[] = [];
  let page = pageFrom(area.top);
  let used = 0;
  for (let row = area.top; row <= area.bottom; row++) {
    const rows = keep.get(row);
    if (rows !== undefined && used > 0) {
      let needed = 0;
      for (let next = row; next < row + rows && next <= area.bottom; next++) needed += height(next);
      if (used + needed > page) {
        breaks.push(row);
        pageStarts.push(row);
        page = pageFrom(row);
        used = 0;
      }
    }
    // A row that does not fit starts the next page by itself.
    if (used > 0 && used + height(row) > page) {
      pageStarts.push(row);
      page = pageFrom(row);
      used = 0;
    }
    used += height(row);
  }
  return { pageStarts, breaks };
}

/**
 * The sheet with its manual page breaks, keeping its print titles (a table's heading row) only when
 * that table, which ends at `tableEnd`, runs on to another page: repeated above what follows the
 * table (totals, terms, an acceptance block), they would head nothing.
 */
export function paginatedWithTableTitles(
  spec: SheetSpec,
  keepWithNext: readonly (readonly [number, number])[],
  tableEnd: number
): SheetSpec {
  const print = { ...spec.print };
  const titles = print.printTitleRows;
  if (titles !== undefined) {
    const { pageStarts } = paginate(spec, keepWithNext);
    const pageOf = (row: number) => pageStarts.filter((start) => start <= row).length;
    if (pageOf(titles.last) === pageOf(tableEnd)) delete print.printTitleRows;
  }
  return {
    ...spec,
    print: { ...print, rowBreaks: paginate({ ...spec, print }, keepWithNext).breaks },
  };
}
