/*
 * Workbooks printed to PDF by LibreOffice and read back page by page as a reader sees them: every word
 * with its box on the page and the size of its type, in points as printed (after the scaling that
 * "fit to one page wide" applies), and the page's lines (words that share a line on paper).
 *
 * How the size is measured. poppler's `pdftotext -bbox-layout` gives every word's box; its height is
 * the printed font size times the font's ascent + descent (from the PDF's font descriptor), so for one
 * family of fonts, height / size is a constant. The constant is not assumed: every print run also
 * prints a calibration workbook, Calibri (printed as Carlito) at 7 to 14 pt, regular, bold, italic and
 * bold italic, at 100% scale, and the constant is the mean of height / size over those words. The
 * calibration must hold to within CALIBRATION_TOLERANCE_PT for every sample, or the print fails: with
 * LibreOffice 7.4 and poppler 22.12 the constant is 1.300 and every sample is within 0.02 pt. A
 * word's size is only known for the fonts the calibration printed (Carlito in its four faces): each
 * page lists the fonts it uses (`pdffonts`), and those the calibration did not cover, so a test can
 * refuse to judge a page whose sizes it cannot measure.
 *
 * Everything runs in one run of LibreOffice (printFilesToPdfWithLibreOffice); nothing is downloaded.
 * Needs poppler-utils (pdftotext, pdffonts), installed by .ci/run with LibreOffice.
 */
import { execFileSync } from "child_process";
import * as ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { pdfFonts } from "./fonts";
import { printFilesToPdfWithLibreOffice } from "./libreoffice";

/** How far any calibration sample's measured size may be from the size it was printed at. */
export const CALIBRATION_TOLERANCE_PT = 0.05;

export interface PrintedWord {
  readonly text: string;
  /** The word's box, in points from the page's top left corner. */
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  /** The printed size of its type, in points. */
  readonly size: number;
}

export interface PrintedLine {
  /** Left to right. */
  readonly words: readonly PrintedWord[];
  /** The words joined by single spaces. */
  readonly text: string;
  readonly yMin: number;
  readonly yMax: number;
}

export interface PrintedPage {
  /** 1-based, within its PDF. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  /** Top to bottom, each left to right. */
  readonly lines: readonly PrintedLine[];
  /** Every word, in the order of the lines. */
  readonly words: readonly PrintedWord[];
  /** The fonts the page uses (subset prefix dropped), e.g. "Carlito-Bold". */
  readonly fonts: readonly string[];
  /** Those the calibration did not print, whose sizes are therefore not measured. */
  readonly uncalibratedFonts: readonly string[];
}

export interface Calibration {
  /** Box height / font size for the calibrated fonts. */
  readonly ratio: number;
  readonly fonts: readonly string[];
  /** Each sample's size as printed and as measured with `ratio`. */
  readonly samples: readonly {
    readonly face: string;
    readonly size: number;
    readonly measured: number;
  }[];
}

export interface PrintedWorkbooks {
  readonly documents: ReadonlyMap<string, readonly PrintedPage[]>;
  readonly calibration: Calibration;
  /** Wall time of the run of LibreOffice. */
  readonly ms: number;
}

const CALIBRATION_SIZES = [7, 8, 9, 10, 11, 12, 14];
const FACES = [
  { face: "regular", bold: false, italic: false },
  { face: "bold", bold: true, italic: false },
  { face: "italic", bold: false, italic: true },
  { face: "bolditalic", bold: true, italic: true },
] as const;
const CALIBRATION_NAME = "zz-font-size-calibration";

/** Calibri (Carlito when LibreOffice prints it) at each size and face, one word a row, at 100%. */
async function calibrationWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Calibration");
  let row = 1;
  for (const size of CALIBRATION_SIZES)
    for (const { face, bold, italic } of FACES) {
      const cell = sheet.getCell(row, 1);
      cell.value = `cal-${face}-${size}`;
      cell.font = { name: "Calibri", size, bold, italic };
      sheet.getRow(row).height = size * 2;
      row += 1;
    }
  sheet.getColumn(1).width = 40;
  sheet.pageSetup = { paperSize: 9, orientation: "portrait", scale: 100 };
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

interface RawWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** The box's extent across the line: its height, or its width for a line printed on its side. */
  across: number;
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");

/** Every page's size and word boxes, from `pdftotext -bbox-layout`. */
function wordBoxes(pdf: string): { width: number; height: number; words: RawWord[] }[] {
  const html = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return html
    .split(/<page /)
    .slice(1)
    .map((page) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
      if (!size) throw new Error(`${pdf}: a page without a size in pdftotext's output`);
      const words = [...page.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)].flatMap((line) => {
        const boxes = [
          ...(line[1] as string).matchAll(
            /<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g
          ),
        ].map((m) => ({
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
          text: unescapeXml(m[5] as string),
        }));
        // A line turned on its side (a chart's value-axis title) stacks its words one above another
        // in one column: its type runs across the width of their boxes, not their height.
        const [first] = boxes;
        const onItsSide =
          first !== undefined &&
          boxes.length > 1 &&
          boxes.every(
            (box) => Math.abs(box.xMin - first.xMin) < 0.5 && Math.abs(box.xMax - first.xMax) < 0.5
          );
        return boxes.map((box) => ({
          ...box,
          across: onItsSide ? box.xMax - box.xMin : box.yMax - box.yMin,
        }));
      });
      return { width: Number(size[1]), height: Number(size[2]), words };
    });
}

/** Words into lines: a word joins the line its vertical middle falls within. */
function intoLines(words: readonly PrintedWord[]): PrintedLine[] {
  const sorted = [...words].sort((a, b) => a.yMin + a.yMax - (b.yMin + b.yMax) || a.xMin - b.xMin);
  const lines: { words: PrintedWord[]; yMin: number; yMax: number }[] = [];
  for (const word of sorted) {
    const middle = (word.yMin + word.yMax) / 2;
    const line = lines.find((l) => middle >= l.yMin && middle <= l.yMax);
    if (line) {
      line.words.push(word);
      line.yMin = Math.min(line.yMin, word.yMin);
      line.yMax = Math.max(line.yMax, word.yMax);
    } else lines.push({ words: [word], yMin: word.yMin, yMax: word.yMax });
  }
  return lines
    .sort((a, b) => a.yMin - b.yMin)
    .map((line) => {
      const inOrder = [...line.words].sort((a, b) => a.xMin - b.xMin);
      return {
        words: inOrder,
        text: inOrder.map((word) => word.text).join(" "),
        yMin: line.yMin,
        yMax: line.yMax,
      };
    });
}

function calibrate(pdf: string): Calibration {
  const [page] = wordBoxes(pdf);
  const samples = (page?.words ?? []).flatMap((word) => {
    const m = /^cal-(\w+)-(\d+)$/.exec(word.text);
    return m ? [{ face: m[1] as string, size: Number(m[2]), height: word.yMax - word.yMin }] : [];
  });
  if (samples.length !== CALIBRATION_SIZES.length * FACES.length)
    throw new Error(
      `font-size calibration: ${samples.length} of ${CALIBRATION_SIZES.length * FACES.length} samples printed`
    );
  const ratio = samples.reduce((sum, s) => sum + s.height / s.size, 0) / samples.length;
  const measured = samples.map(({ face, size, height }) => ({
    face,
    size,
    measured: height / ratio,
  }));
  const off = measured.filter((s) => Math.abs(s.measured - s.size) > CALIBRATION_TOLERANCE_PT);
  if (off.length > 0)
    throw new Error(
      `font-size calibration does not hold (height / size ${ratio.toFixed(4)}): ` +
        off.map((s) => `${s.face} ${s.size} pt measured ${s.measured.toFixed(3)} pt`).join(", ")
    );
  return { ratio, fonts: pdfFonts(pdf, 1), samples: measured };
}

function readPages(pdf: string, calibration: Calibration): PrintedPage[] {
  return wordBoxes(pdf).map((page, i) => {
    const words = page.words.map(({ across, ...word }) => ({
      ...word,
      size: across / calibration.ratio,
    }));
    const lines = intoLines(words);
    const fonts = pdfFonts(pdf, i + 1);
    return {
      number: i + 1,
      width: page.width,
      height: page.height,
      lines,
      words: lines.flatMap((line) => line.words),
      fonts,
      uncalibratedFonts: fonts.filter((font) => !calibration.fonts.includes(font)),
    };
  });
}

/**
 * Prints the workbooks (distinct .xlsx names) and a calibration workbook in one run of LibreOffice,
 * and reads every page back.
 */
export async function printWorkbooks(
  inputs: readonly { name: string; xlsx: Uint8Array | Buffer }[]
): Promise<PrintedWorkbooks> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-printed-"));
  let outDir: string | undefined;
  try {
    const files = inputs.map(({ name, xlsx }) => {
      if (!/\.xlsx$/.test(name) || name.startsWith(CALIBRATION_NAME))
        throw new Error(`${name}: not a name a printed workbook may have`);
      const file = path.join(dir, name);
      fs.writeFileSync(file, xlsx);
      return file;
    });
    const calibrationFile = path.join(dir, `${CALIBRATION_NAME}.xlsx`);
    fs.writeFileSync(calibrationFile, await calibrationWorkbook());
    const started = Date.now();
    const pdfs = await printFilesToPdfWithLibreOffice([...files, calibrationFile]);
    const ms = Date.now() - started;
    outDir = path.dirname(pdfs[0] as string);
    const calibration = calibrate(pdfs[pdfs.length - 1] as string);
    const documents = new Map(
      inputs.map(({ name }, i) => [name, readPages(pdfs[i] as string, calibration)] as const)
    );
    return { documents, calibration, ms };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** What a printed workbook's first sheet asks of the printer, read from its .xlsx with ExcelJS. */
export interface PrintSettings {
  readonly sheetName: string;
  readonly hasHeader: boolean;
  readonly hasFooter: boolean;
  /** The text of each cell of the print-title rows within the print area's columns, left to right. */
  readonly printTitles?: readonly string[];
  /** Every text cell printed in bold: the sheet's headings, titles and tables' heading rows. */
  readonly boldTexts: readonly string[];
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

export async function printSettings(xlsx: Uint8Array | Buffer): Promise<PrintSettings> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("a workbook without a sheet");
  const hf = sheet.headerFooter ?? {};
  const titles = sheet.pageSetup.printTitlesRow;
  let printTitles: string[] | undefined;
  if (titles) {
    const [first, last] = titles.replace(/\$/g, "").split(":").map(Number) as [number, number];
    const area = /^\$?([A-Z]+)\$?\d+:\$?([A-Z]+)\$?\d+$/.exec(
      (sheet.pageSetup.printArea ?? "").replace(/^.*!/, "")
    );
    const [left, right] = area
      ? [columnNumber(area[1] as string), columnNumber(area[2] as string)]
      : [1, sheet.columnCount];
    printTitles = [];
    for (let row = first; row <= last; row++)
      for (let col = left; col <= right; col++) {
        const cell = sheet.getRow(row).getCell(col);
        if (cell.isMerged && cell.master !== cell) continue;
        const text = cell.text.trim();
        if (text !== "") printTitles.push(text);
      }
  }
  const boldTexts: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.font?.bold && typeof cell.value === "string" && cell.value.trim() !== "")
        boldTexts.push(cell.value.trim());
    })
  );
  return {
    sheetName: sheet.name,
    boldTexts,
    hasHeader: Boolean(hf.oddHeader),
    hasFooter: Boolean(hf.oddFooter),
    ...(printTitles === undefined ? {} : { printTitles }),
  };
}

/** The words of texts as a printed page wraps them: on spaces, and after a hyphen. */
export function printedWords(texts: readonly string[]): string[] {
  return texts
    .join(" ")
    .replace(/-/g, "- ")
    .split(/\s+/)
    .filter((word) => word !== "");
}
