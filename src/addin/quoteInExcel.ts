/*
 * A quote in the open workbook, through Office.js: the add-in's path. It shares the SheetSpec and the
 * register row with the .xlsx path (quoteWorkbook.ts) but not ExcelJS, which the task pane never loads.
 */
import { checkQuoteSheet } from "../audit/checks";
import { namesBySheet } from "../audit/definedNames";
import { gridSheet } from "../audit/officeReader";
import { readQuoteSheet } from "../audit/quoteSheetReader";
import type { Finding } from "../core/principles";
import type { DocumentIssue } from "../document";
import { cellAddress, parseRangeAddress, type RangeRef } from "../workbook/spec/a1";
import { priceDocument } from "../core/pricing/pricedDocument";
import { isoDay } from "../model/format";
import {
  FINDINGS_NAMES,
  buildFindingsSheet,
  findingsTitle,
} from "../workbook/layouts/findingsSheet";
import { QUOTE_METADATA_NAMES } from "../workbook/layouts/quote/contract";
import { buildQuoteSheet } from "../workbook/layouts/quote/quoteSheet";
import { quoteRegisterEntry } from "../workbook/layouts/register/registerEntry";
import type { ExcelRun } from "./excelRun";
import type { FoundSheet } from "./supersede";
import { writeSheets } from "./writeSheets";

export type QuoteInExcelResult =
  | {
      ok: true;
      sheetName: string;
      findingsSheetName?: string;
      registerSheetName: string | undefined;
      /**
       * The partnership's earlier quote and findings sheets, by the names they had: replaced by the
       * new ones (which took their names and places), or kept under `kept.name` because they had
       * been edited by hand.
       */
      superseded?: { sheet: string; kept?: { name: string; reason: string } }[];
      total: number;
      findings: readonly Finding[];
      syncs: number;
    }
  | { ok: false; issues: DocumentIssue[] };

/** The quote sheet's last column (I); the record of the inputs below it runs further right. */
const QUOTE_LAST_COLUMN = 9;

/** The first non-empty cell of the used range outside `inside`, as an A1 address. */
function cellOutside(sheet: FoundSheet, inside: (row: number, col: number) => boolean) {
  const grid = sheet.grid;
  if (grid === undefined) return undefined;
  for (let r = 0; r < grid.values.length; r++) {
    const values = grid.values[r] ?? [];
    for (let c = 0; c < values.length; c++) {
      const row = grid.rowIndex + r + 1;
      const col = grid.columnIndex + c + 1;
      const empty =
        grid.valueTypes[r]?.[c] === "Empty" && !/^=/.test(String(grid.formulas[r]?.[c]));
      if (!empty && !inside(row, col)) return cellAddress(row, col);
    }
  }
  return undefined;
}

/** A name's range on `sheet`, or undefined when it is missing or no longer a range there. */
function namedRange(names: ReadonlyMap<string, string>, name: string): RangeRef | undefined {
  const ref = names.get(name);
  if (ref === undefined) return undefined;
  try {
    return parseRangeAddress(ref);
  } catch {
    return undefined;
  }
}

const visibleNames = (sheet: FoundSheet): ReadonlyMap<string, string> =>
  namesBySheet(
    [...sheet.names].map(([name, text]) => ({ name, sheetName: sheet.name, text })),
    [sheet.name]
  ).get(sheet.name) ?? new Map<string, string>();

/**
 * Why an earlier quote sheet must be kept: what the audit reports as changed since it was generated
 * (its inputs against the record of them, its formulas against the generator's, its figures, lines
 * added or removed, a record that can no longer be read), or anything typed outside what the
 * generator wrote (right of column I above the record, or below the record). Principle findings are
 * about the partnership, not about edits, and do not count. Edits to text the audit does not check
 * (a description, a note typed over a label) are not seen.
 */
export function quoteSheetEdits(sheet: FoundSheet): string | undefined {
  const names = visibleNames(sheet);
  const read = readQuoteSheet(gridSheet(sheet.name, names, sheet.grid));
  if (!read.ok) {
    const problem = read.problems[0];
    return `its record of the inputs as generated cannot be read${problem ? ` (${problem.message})` : ""}`;
  }
  const change = checkQuoteSheet(read.layout).find((finding) => finding.check !== "principle");
  if (change) return `${change.cell ? `cell ${change.cell}: ` : ""}${change.message}`;
  const record = namedRange(names, QUOTE_METADATA_NAMES.asGenerated);
  const outside = cellOutside(
    sheet,
    (row, col) =>
      record !== undefined &&
      row <= record.bottom &&
      (col <= QUOTE_LAST_COLUMN || row >= record.top)
  );
  return outside === undefined
    ? undefined
    : `cell ${outside} holds something the generator did not write there`;
}

/**
 * Why an earlier findings sheet must be kept: anything outside the table the generator wrote (a note
 * beside or below it), or that table's name gone. Its own cells are the generator's text from the
 * document, written again from the document as it is now, so they are not compared.
 */
export function findingsSheetEdits(sheet: FoundSheet): string | undefined {
  const table = namedRange(visibleNames(sheet), FINDINGS_NAMES.findings);
  if (table === undefined)
    return `the name ${FINDINGS_NAMES.findings}, over what the generator wrote, is missing or broken`;
  const outside = cellOutside(
    sheet,
    (row, col) => row >= table.top && row <= table.bottom && col >= table.left && col <= table.right
  );
  return outside === undefined
    ? undefined
    : `cell ${outside}, outside the findings table, holds something the generator did not write`;
}

/**
 * Validates a Partnership document and, only if it is valid, writes its quote sheet and its findings
 * sheet to the open workbook and records the partnership in the register (its row updated if it has
 * one), in one Excel.run.
 *
 * Creating the quote again supersedes the partnership's earlier sheets, found by the sheet-scoped
 * names the generator writes (the reference cell on the quote sheet, the title on the findings sheet)
 * and never by a sheet's name: the new sheet takes the earlier one's name (the user's, if renamed)
 * and place in the tab order, and the earlier one is deleted. An earlier sheet edited by hand since
 * it was generated (quoteSheetEdits, findingsSheetEdits) is kept, renamed "<name> (previous)", the
 * new one beside it: regenerating must not silently discard the user's work, and refusing would leave
 * the user unable to update the quote without deleting that work by hand. A sheet without the names,
 * or another partnership's, is never touched; without an earlier sheet the new one is added ("Quote
 * X (2)" beside a sheet the user named "Quote X").
 *
 * Syncs: 3 in an empty workbook; 4 with sheets (their names read); 5 when any sheet is a generated
 * quote or findings sheet (its marker cell read); 6 when this partnership's are found (their used
 * ranges read, to see edits). The register's own read shares the second.
 */
export async function generateQuoteInExcel(
  run: ExcelRun,
  json: unknown,
  generatedAt: Date
): Promise<QuoteInExcelResult> {
  const priced = priceDocument(json, { asOf: isoDay(generatedAt) });
  if (!priced.ok) return priced;
  const { doc, quote, findings } = priced;
  const sheet = buildQuoteSheet(doc, quote, findings, { generatedAt });
  const findingsSheet = buildFindingsSheet(doc, findings, { generatedAt });
  const written = await writeSheets(run, [sheet, findingsSheet], {
    register: [quoteRegisterEntry(doc, quote, generatedAt)],
    replace: [
      { marker: QUOTE_METADATA_NAMES.reference, value: doc.reference, edited: quoteSheetEdits },
      {
        marker: FINDINGS_NAMES.title,
        value: findingsTitle(doc.reference),
        edited: findingsSheetEdits,
      },
    ],
  });
  return {
    ok: true,
    sheetName: written.sheets[0]?.name ?? sheet.name,
    findingsSheetName: written.sheets[1]?.name ?? findingsSheet.name,
    superseded: written.sheets.flatMap((placed) =>
      placed.superseded === undefined
        ? []
        : [
            {
              sheet: placed.superseded.name,
              ...(placed.superseded.kept ? { kept: placed.superseded.kept } : {}),
            },
          ]
    ),
    registerSheetName: written.register?.sheetName,
    total: quote.total.toNumber(),
    findings,
    syncs: written.syncs,
  };
}
