/**
 * Every text cell of every example's quote (and findings) sheet, within its print area, has room for its text, measured with the
 * sheets' font itself: Carlito, metrically identical to Calibri, whose glyph widths opentype.js reads
 * from the font file. The sheet code sizes rows from character counts; this test wraps each text as a
 * spreadsheet does, word by word at the cell's width in pixels, and checks:
 *  - a wrapped cell's row (or merged rows) is at least as tall as its wrapped lines;
 *  - a cell that does not wrap fits its width, or has an empty neighbour to run into.
 * The PDF print test (quotePrint.engines.test.ts) checks the same from the other side: every word printed.
 */
import fs from "fs";
import * as opentype from "opentype.js";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { columnLetter, parseCellAddress, parseRangeAddress } from "../../src/workbook/spec/a1";
import { buildFindingsSheet } from "../../src/workbook/layouts/findingsSheet";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import { lineCount } from "../../src/workbook/spec/styles";
import type { CellSpec, SheetSpec } from "../../src/workbook/spec/spec";
import { EXAMPLE_FILES, example } from "../document/fixtures";
import { carlitoFile } from "../support/fonts";

/** Carlito in a style, from wherever fontconfig finds it (a sentence saying what to install if not). */
function font(style: "Regular" | "Bold"): opentype.Font {
  const bytes = fs.readFileSync(carlitoFile(style));
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}
const REGULAR = font("Regular");
const BOLD = font("Bold");

const DEFAULT_SIZE = 11;
/** Excel's row for one line of 11-point Calibri is 15 points; larger text scales with it. */
const lineHeight = (size: number): number => (15 * size) / DEFAULT_SIZE;
/** Excel's default column width when none is set, in width units. */
const DEFAULT_COLUMN_WIDTH = 8.43;
/** Excel keeps about 2 pixels free at each side of a cell's text; 3 each here, to be safe. */
const CELL_PADDING_PX = 6;

/**
 * A column width in pixels (ECMA-376 part 1, 18.3.1.13): width units count the maximum digit width,
 * 7 pixels for 11-point Calibri, plus 5 pixels of padding, truncated to whole pixels.
 */
const columnPixels = (width: number): number =>
  Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);

const textWidthPx = (text: string, bold: boolean, size: number): number =>
  // Points to pixels at 96 dpi.
  ((bold ? BOLD : REGULAR).getAdvanceWidth(text, size) * 96) / 72;

/** Lines the text takes wrapped at `widthPx`, breaking at spaces (and inside a word too long for a line). */
function wrappedLines(text: string, widthPx: number, bold: boolean, size: number): number {
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    lines += 1;
    let line = "";
    for (const word of paragraph.split(" ").filter(Boolean)) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (textWidthPx(candidate, bold, size) <= widthPx) {
        line = candidate;
        continue;
      }
      if (line !== "") lines += 1;
      // Break an over-long word by characters.
      let rest = word;
      while (textWidthPx(rest, bold, size) > widthPx) {
        let fit = 1;
        while (fit < rest.length && textWidthPx(rest.slice(0, fit + 1), bold, size) <= widthPx)
          fit++;
        rest = rest.slice(fit);
        lines += 1;
      }
      line = rest;
    }
  }
  return lines;
}

interface Room {
  widthPx: number;
  heightPt: number;
}

function cellPosition(cell: CellSpec): { row: number; col: number } {
  if (cell.row !== undefined && cell.col !== undefined) return { row: cell.row, col: cell.col };
  return parseCellAddress(cell.address ?? "A1");
}

/** The width and height a cell's text has: its merged area, or the cell itself. */
function roomOf(spec: SheetSpec, row: number, col: number): Room {
  const merge = (spec.mergedRanges ?? [])
    .map((m) => parseRangeAddress(m))
    .find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right);
  const area = merge ?? { top: row, bottom: row, left: col, right: col };
  let widthPx = 0;
  for (let c = area.left; c <= area.right; c++)
    widthPx += columnPixels(spec.columnWidths[columnLetter(c)] ?? DEFAULT_COLUMN_WIDTH);
  let heightPt = 0;
  for (let r = area.top; r <= area.bottom; r++)
    heightPt += spec.rowHeights?.[String(r)] ?? lineHeight(DEFAULT_SIZE);
  return { widthPx: widthPx - CELL_PADDING_PX, heightPt };
}

/** Text cells without room for their text, described for the failure message. */
function cramped(spec: SheetSpec): string[] {
  const occupied = new Set(
    spec.cells.map((cell) => {
      const { row, col } = cellPosition(cell);
      return `${row}:${col}`;
    })
  );
  const lastPrintedRow = spec.print.printArea
    ? parseRangeAddress(spec.print.printArea).bottom
    : Number.POSITIVE_INFINITY;
  const problems: string[] = [];
  for (const cell of spec.cells) {
    const shown =
      cell.value.kind === "text"
        ? cell.value.text
        : cell.value.kind === "formula" && typeof cell.value.cachedValue === "string"
          ? cell.value.cachedValue
          : undefined;
    if (shown === undefined || shown === "") continue;
    const { row, col } = cellPosition(cell);
    if (row > lastPrintedRow) continue; // a machine record below the printed quote, not for reading
    const bold = cell.style?.bold === true;
    const size = cell.style?.size ?? DEFAULT_SIZE;
    const room = roomOf(spec, row, col);
    const where = `${columnLetter(col)}${row}`;
    if (cell.style?.wrap) {
      const lines = wrappedLines(shown, room.widthPx, bold, size);
      const needed = lines * lineHeight(size);
      if (room.heightPt < needed)
        problems.push(
          `${where}: ${lines} lines need ${needed}pt, the row is ${room.heightPt}pt ("${shown}")`
        );
    } else {
      const width = textWidthPx(shown, bold, size);
      const next = `${row}:${col + 1}`;
      const merged = (spec.mergedRanges ?? []).some((m) => {
        const r = parseRangeAddress(m);
        return r.top <= row && row <= r.bottom && r.left <= col && col <= r.right;
      });
      // Unwrapped text runs on into an empty cell to its right, unless it is merged or right-aligned.
      const mayOverflow = !merged && !occupied.has(next) && cell.style?.horizontal !== "right";
      if (width > room.widthPx && !mayOverflow)
        problems.push(`${where}: ${Math.ceil(width)}px of text in ${room.widthPx}px ("${shown}")`);
    }
  }
  return problems;
}

describe.each(EXAMPLE_FILES.map((file) => [file]))("%s", (file) => {
  const doc = example(file);
  const quote = priceQuote(doc);
  const findings = checkPrinciples(doc, quote);
  const generatedAt = new Date("2026-11-23T10:00:00Z");

  it("quote sheet: every text cell has room for its text", () => {
    expect(cramped(buildQuoteSheet(doc, quote, findings, { generatedAt }))).toEqual([]);
  });

  it("findings sheet: every text cell has room for its text", () => {
    expect(cramped(buildFindingsSheet(doc, findings, { generatedAt }))).toEqual([]);
  });
});

describe("the measure itself", () => {
  it("measures Carlito as Calibri: the digit 0 is 7 pixels at 11 points", () => {
    // 1,038 of 2,048 font units x 11pt = 5.575pt = 7.43px; Excel rounds its maximum digit width to 7.
    expect(Math.round(textWidthPx("0", false, 11))).toBe(7);
  });

  it("wraps at spaces, and breaks a word longer than the line", () => {
    const zero = textWidthPx("0", false, 11);
    // Ten zeros fit in 10.5 zero-widths; eleven do not.
    expect(wrappedLines("0000000000", zero * 10.5, false, 11)).toBe(1);
    expect(wrappedLines("00000000000", zero * 10.5, false, 11)).toBe(2);
    expect(wrappedLines("00000 00000", zero * 5.5, false, 11)).toBe(2);
    expect(wrappedLines("a\nb", 1000, false, 11)).toBe(2);
  });

  it("finds a row too short for its text", () => {
    const spec: SheetSpec = {
      name: "S",
      cells: [
        { address: "A1", value: { kind: "text", text: "word ".repeat(40) }, style: { wrap: true } },
      ],
      columnWidths: { A: 20 },
      rowHeights: { "1": 30 },
      names: [],
      print: { paperSize: "A4", orientation: "portrait", fitToWidth: true },
    };
    expect(cramped(spec)).toEqual([
      expect.stringMatching(/^A1: \d+ lines need \d+pt, the row is 30pt/),
    ]);
  });
});

describe("lineCount, the sheets' own estimate", () => {
  it("wraps whole words: a word that does not fit moves to the next line", () => {
    // "abc def" is 7 characters: one line of 7; "abc defg" needs 8, so "defg" moves down.
    expect(lineCount("abc def", 7)).toBe(1);
    expect(lineCount("abc defg", 7)).toBe(2);
    // Characters alone would say 13 / 10 -> 2 lines; by words it is also 2 ("aaaa" / "bbbbbbbb").
    expect(lineCount("aaaa bbbbbbbb", 10)).toBe(2);
    // "aaaaaa bbbbbb cccccc" at 10: each word on its own line, where 20 / 10 would say 2.
    expect(lineCount("aaaaaa bbbbbb cccccc", 10)).toBe(3);
  });

  it("breaks a word longer than a line, and keeps every line break", () => {
    expect(lineCount("abcdefghijklmnop", 5)).toBe(4); // 16 characters: 5 + 5 + 5 + 1
    expect(lineCount("a\nb\n\nc", 10)).toBe(4);
    expect(lineCount("", 10)).toBe(1);
  });
});
