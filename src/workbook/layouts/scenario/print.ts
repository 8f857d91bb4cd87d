/**
 * The sheet's page: the column widths (set before any row is fitted to its text), the print settings and
 * the page breaks.
 */
import { VERSION } from "../../../model/version";
import { columnLetter } from "../../spec/a1";
import type { SheetSpecBuilder } from "../../spec/builder";
import { DEFAULT_ROW_HEIGHT, pageHeightInRows, paginate } from "../../spec/pagination";
import { pageOfPages, type SheetSpec } from "../../spec/spec";
import { columnWidth } from "./style";

/** Columns 1..`width`: A..K the tables' widths, any further grid or histogram column as wide as K. */
export function setColumnWidths(sheet: SheetSpecBuilder, width: number): void {
  for (let col = 1; col <= width; col++) sheet.columnWidth(col, columnWidth(col));
}

/**
 * A4 landscape fitted to the width, without gridlines, printing rows 1..`lastPrinted`; a row left at the
 * default height is given it explicitly, so that every writer and the pagination agree.
 */
export function printSetup(
  sheet: SheetSpecBuilder,
  page: { reference: string; generated: string; width: number; lastPrinted: number }
): void {
  sheet.showGridlines(false).print({
    paperSize: "A4",
    // Landscape: fitted to the width of a portrait page the tables' text would print at about 6 points;
    // across a landscape page it prints at 9 points or more.
    orientation: "landscape",
    fitToWidth: true,
    header: { left: `Scenarios ${page.reference}`, right: `Generated ${page.generated} UTC` },
    footer: { left: `NHS Data Partnership Pricing ${VERSION}`, right: pageOfPages(page.reference) },
    // No print titles: the sheet is a run of different tables (comparison, assumptions, each
    // mechanism, breakeven, cumulative, grids, simulation), each with headings of its own, and Excel
    // repeats one range on every later page: any one table's headings would mislabel the others.
    // Rows absolute, as the quote's: LibreOffice otherwise prints the workings too.
    printArea: `A$1:${columnLetter(page.width)}$${page.lastPrinted}`,
  });
  for (let r = 1; r <= page.lastPrinted; r++)
    if (sheet.heightOf(r) === undefined) sheet.rowHeight(r, DEFAULT_ROW_HEIGHT);
}

/**
 * The sheet with its manual page breaks: pagination.ts's, and also above a heading that its estimate
 * puts at the top of a page. That estimate holds a little less on a page than Excel and LibreOffice
 * print (it keeps 3% in hand), so a heading it starts a page with, or one a row or two below, may print
 * at the foot of the page before, away from its table, unless it has a break of its own.
 */
export function withPageBreaks(
  spec: SheetSpec,
  keepWithNext: readonly (readonly [number, number])[]
): SheetSpec {
  const { pageStarts, breaks } = paginate(spec, keepWithNext);
  const slack = pageHeightInRows(spec) * 0.05;
  const height = (row: number) => spec.rowHeights?.[String(row)] ?? DEFAULT_ROW_HEIGHT;
  const added: number[] = [];
  for (const start of pageStarts.slice(1)) {
    let above = 0;
    for (let row = start; above < slack; row++) {
      if (keepWithNext.some(([kept]) => kept === row)) {
        added.push(row);
        break;
      }
      above += height(row);
    }
  }
  const rowBreaks = [...new Set([...breaks, ...added])].sort((a, b) => a - b);
  return { ...spec, print: { ...spec.print, rowBreaks } };
}
