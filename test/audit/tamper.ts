/*
 * Tampering with generated quote workbooks the way a person at a spreadsheet would, to build the
 * audit's corpus. Cells are edited with ExcelJS; the sheet-scoped names are carried over from the
 * original file (ExcelJS would merge them into workbook-level ones), and a deleted or inserted row
 * moves every reference below it as Excel and LibreOffice do: references to rows after it shift, a
 * range that spans it shrinks or grows, a reference to a deleted cell becomes #REF!.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  readDefinedNames,
  rewriteDefinedNames,
  type RawDefinedName,
} from "../../src/workbook/xlsx/xlsxWriter";

export interface RowChange {
  /** The row deleted, or the row a new empty row is inserted at (the old row moves down). */
  readonly row: number;
  readonly change: "delete" | "insert";
}

function shiftReference(
  ref: { col: string; absRow: string; row: number },
  at: RowChange,
  end: "single" | "first" | "last"
): number | undefined {
  const { row } = ref;
  if (at.change === "insert") return row >= at.row ? row + 1 : row;
  if (row < at.row) return row;
  if (row > at.row) return row - 1;
  // The deleted row itself: a single reference breaks; a range keeps its other rows.
  if (end === "single") return undefined;
  return end === "first" ? row : row - 1;
}

/** A formula (or a name's text) with its A1 references moved for a deleted or inserted row. */
export function shiftFormula(formula: string, at: RowChange): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![\w(])/g,
            (match, d1, c1, r1d, r1, d2, c2, r2d, r2) => {
              if (c2 === undefined) {
                const row = shiftReference({ col: c1, absRow: r1d, row: Number(r1) }, at, "single");
                return row === undefined ? "#REF!" : `${d1}${c1}${r1d}${row}`;
              }
              const first = Number(r1);
              const last = Number(r2);
              if (at.change === "delete" && first === at.row && last === at.row) return "#REF!";
              const top = shiftReference({ col: c1, absRow: r1d, row: first }, at, "first");
              const bottom = shiftReference({ col: c2, absRow: r2d, row: last }, at, "last");
              return `${d1}${c1}${r1d}${top}:${d2}${c2}${r2d}${bottom}`;
            }
          )
    )
    .join("");
}

export interface Tampering {
  /** Edits the quote sheet (after any row change). */
  edit?: (sheet: ExcelJS.Worksheet) => void;
  rows?: RowChange;
  /** Renames the first sheet. */
  renameTo?: string;
}

/** The first sheet's workbook after the tampering; the original bytes are left as they are. */
export async function tamper(xlsx: Buffer, tampering: Tampering): Promise<Buffer> {
  let names: RawDefinedName[] = await readDefinedNames(xlsx);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const at = tampering.rows;
  if (at !== undefined) {
    const merges = Object.keys((sheet as unknown as { _merges: Record<string, unknown> })._merges);
    for (const merge of merges) sheet.unMergeCells(merge);
    if (at.change === "delete") sheet.spliceRows(at.row, 1);
    else sheet.spliceRows(at.row, 0, []);
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (value !== null && typeof value === "object" && "formula" in value && value.formula)
          cell.value = { ...value, formula: shiftFormula(value.formula, at) };
      })
    );
    names = names.map((name) => ({
      ...name,
      text: name.text.replace(/!(.*)$/, (_, ref: string) => `!${shiftFormula(ref, at)}`),
    }));
  }
  tampering.edit?.(sheet);
  const original = sheet.name;
  if (tampering.renameTo !== undefined) {
    sheet.name = tampering.renameTo;
    const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
    names = names.map((name) => ({
      ...name,
      ...(name.sheetName === original ? { sheetName: tampering.renameTo } : {}),
      text: name.text.split(quoted(original)).join(quoted(tampering.renameTo!)),
    }));
  }
  (workbook.definedNames as unknown as { model: unknown[] }).model = [];
  for (const ws of workbook.worksheets) delete ws.pageSetup.printArea;
  const written = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const zip = await JSZip.loadAsync(written);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", rewriteDefinedNames(xml, names));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
