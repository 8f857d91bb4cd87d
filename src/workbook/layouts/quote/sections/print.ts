/*
 * The quote on paper: A4 landscape fitted to one page wide (about 90%, so body text prints at about
 * 10 points), a header naming the quote (with a large red DRAFT banner on every page while it breaks
 * a principle), and pages that never end on a heading.
 */
import type { Partnership } from "../../../../document";
import { VERSION } from "../../../../model/version";
import { columnLetter } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import { DEFAULT_ROW_HEIGHT, paginatedWithTableTitles } from "../../../spec/pagination";
import { pageOfPages, type HeaderFooterSection, type SheetSpec } from "../../../spec/spec";
import { NHS_RED } from "../../../spec/styles";
import { LAST_COLUMN_NUMBER } from "../layout";

export interface PrintAnchors {
  /** The last printed row: the record of the inputs below it is in the file, not on paper. */
  readonly lastRow: number;
}

/** The banner's font: large, bold and red, so that no page of a draft passes for an offer. */
const BANNER_FONT = { font: { bold: true, size: 16, color: NHS_RED } } as const;

/** "DRAFT – not an offer: 2 principle errors to resolve". */
export function draftBannerText(errors: number): string {
  return `DRAFT \u2013 not an offer: ${errors} principle error${errors === 1 ? "" : "s"} to resolve`;
}

/** The print settings for everything above the cursor; `errors` is the number of ERROR findings. */
export function printSetup(
  at: Cursor,
  doc: Partnership,
  errors: number,
  generated: string,
  costHeaderRow: number
): PrintAnchors {
  const lastRow = Math.max(at.row - 1, 1);
  const banner: HeaderFooterSection | undefined =
    errors > 0 ? [BANNER_FONT, draftBannerText(errors)] : undefined;
  at.sheet.showGridlines(false).print({
    paperSize: "A4",
    orientation: "landscape",
    fitToWidth: true,
    header: {
      left: `Quote ${doc.reference}`,
      ...(banner === undefined ? {} : { center: banner }),
      right: `Generated ${generated.replace("T", " ")} UTC`,
    },
    footer: { left: `NHS Data Partnership Pricing ${VERSION}`, right: pageOfPages(doc.reference) },
    // The cost table's column headings, kept only if the table breaks across pages (paginated).
    printTitleRows: { first: costHeaderRow, last: costHeaderRow },
    // Rows written absolute: ExcelJS prefixes only a "$" to each part, and LibreOffice prints the
    // whole sheet, the record of the inputs below included, for a print area of "$A1:$I72".
    printArea: `A$1:${columnLetter(LAST_COLUMN_NUMBER)}$${lastRow}`,
  });
  return { lastRow };
}

/**
 * The finished sheet: every printed row given an explicit height, so that Excel and LibreOffice
 * paginate it as pagination.ts does, a page break above each row kept with the rows after it that
 * would otherwise end a page, and the cost table's headings repeated only if it runs over pages.
 */
export function paginated(at: Cursor, print: PrintAnchors, costTableEnd: number): SheetSpec {
  for (let row = 1; row <= print.lastRow; row++)
    if (at.sheet.heightOf(row) === undefined) at.sheet.rowHeight(row, DEFAULT_ROW_HEIGHT);
  return paginatedWithTableTitles(at.sheet.build(), at.keepWithNext, costTableEnd);
}
