/*
 * The quote on paper: A4 portrait fitted to one page wide, a header naming the quote (and saying
 * DRAFT while it breaks a principle), and pages that never end on a heading.
 */
import type { Partnership } from "../../../../document";
import { VERSION } from "../../../../model/version";
import { columnLetter } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import { DEFAULT_ROW_HEIGHT, pageBreaks } from "../../../spec/pagination";
import { pageOfPages, type SheetSpec } from "../../../spec/spec";
import { LAST_COLUMN_NUMBER } from "../layout";

export interface PrintAnchors {
  /** The last printed row: the record of the inputs below it is in the file, not on paper. */
  readonly lastRow: number;
}

/** The print settings for everything above the cursor. */
export function printSetup(
  at: Cursor,
  doc: Partnership,
  draft: boolean,
  generated: string,
  costHeaderRow: number
): PrintAnchors {
  const lastRow = Math.max(at.row - 1, 1);
  at.sheet.showGridlines(false).print({
    paperSize: "A4",
    orientation: "portrait",
    fitToWidth: true,
    header: {
      left: `${draft ? "DRAFT " : ""}Quote ${doc.reference}`,
      right: `Generated ${generated.replace("T", " ")} UTC`,
    },
    footer: { left: `NHS Data Partnership Pricing ${VERSION}`, right: pageOfPages(doc.reference) },
    // The cost table's column headings: the table a long quote breaks across pages.
    printTitleRows: { first: costHeaderRow, last: costHeaderRow },
    // Rows written absolute: ExcelJS prefixes only a "$" to each part, and LibreOffice prints the
    // whole sheet, the record of the inputs below included, for a print area of "$A1:$I72".
    printArea: `A$1:${columnLetter(LAST_COLUMN_NUMBER)}$${lastRow}`,
  });
  return { lastRow };
}

/**
 * The finished sheet: every printed row given an explicit height, so that Excel and LibreOffice
 * paginate it as pageBreaks does, and a page break above each row kept with the rows after it that
 * would otherwise end a page.
 */
export function paginated(at: Cursor, print: PrintAnchors): SheetSpec {
  for (let row = 1; row <= print.lastRow; row++)
    if (at.sheet.heightOf(row) === undefined) at.sheet.rowHeight(row, DEFAULT_ROW_HEIGHT);
  const spec = at.sheet.build();
  return { ...spec, print: { ...spec.print, rowBreaks: pageBreaks(spec, at.keepWithNext) } };
}
