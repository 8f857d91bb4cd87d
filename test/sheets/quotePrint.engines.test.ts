/**
 * The quote sheet as a partner sees it on paper: each example's quote is written as an .xlsx, printed
 * to PDF by LibreOffice (with Carlito, metrically Calibri; all in one run), and the pages are read back with poppler's
 * pdftotext. Checked mechanically: the page count the layout planned, no page ending on a heading
 * (a heading always prints with what follows it), and no clipped text (every word of every text cell
 * is on the printed pages, which a row too short for its wrapped text would cut).
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { VERSION } from "../../src/model/version";
import { parseCellAddress, parseRangeAddress } from "../../src/workbook/spec/a1";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import type { SheetSpec } from "../../src/workbook/spec/spec";
import { EXAMPLE_FILES, example } from "../document/fixtures";
import { printFilesToPdfWithLibreOffice } from "../support/libreoffice";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-print-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Each example's quote sheet. */
const SPECS = new Map(
  EXAMPLE_FILES.map((file) => {
    const doc = example(file);
    const quote = priceQuote(doc);
    const spec = buildQuoteSheet(doc, quote, checkPrinciples(doc, quote), {
      generatedAt: new Date("2026-11-23T10:00:00Z"),
    });
    return [file, spec];
  })
);

/** Every example's quote printed to PDF, in one run of LibreOffice. */
const pdfs = new Map<string, string>();
beforeAll(async () => {
  const files: string[] = [];
  for (const [file, spec] of SPECS) {
    const xlsx = path.join(work, file.replace(/\.json$/, ".xlsx"));
    fs.writeFileSync(xlsx, await writeWorkbook([spec]));
    files.push(xlsx);
  }
  const printed = await printFilesToPdfWithLibreOffice(files);
  [...SPECS.keys()].forEach((file, i) => pdfs.set(file, printed[i] as string));
});
afterAll(() => {
  const [first] = pdfs.values();
  if (first) fs.rmSync(path.dirname(first), { recursive: true, force: true });
});

/** Section headings and the labels that introduce a table: none may end a page. */
const HEADINGS = [
  "Partnership",
  "Data value profile",
  "Pricing approach",
  "Costs",
  "Value-sharing terms",
  "Services",
  "Data access: people",
  "Data access: other variable costs",
  "Fixed payment",
  "Subscription",
  "Milestone payments",
  "Revenue royalty",
];

function pdftotext(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], {
    encoding: "utf8",
  });
}

function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Every text a printed cell shows (text values and the cached text of text formulas); the record of the inputs below the print area is not printed. */
function cellTexts(spec: SheetSpec): string[] {
  const lastPrintedRow = parseRangeAddress(spec.print.printArea ?? "A1").bottom;
  return spec.cells.flatMap((cell) => {
    if ((cell.row ?? parseCellAddress(cell.address ?? "A1").row) > lastPrintedRow) return [];
    if (cell.value.kind === "text") return [cell.value.text];
    if (cell.value.kind === "formula" && typeof cell.value.cachedValue === "string")
      return [cell.value.cachedValue];
    return [];
  });
}

function wordCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  // A line may wrap after a hyphen ("treatment-" / "line"), so a hyphen ends a word on both sides.
  for (const word of texts.join(" ").replace(/-/g, "- ").split(/\s+/).filter(Boolean))
    counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

describe.each(EXAMPLE_FILES.map((file) => [file]))("%s printed", (file) => {
  const spec = SPECS.get(file) as SheetSpec;
  let pages: string[];

  beforeAll(() => {
    const pdf = pdfs.get(file) as string;
    pages = Array.from({ length: pageCount(pdf) }, (_, i) => pdftotext(pdf, i + 1));
  });

  it("has a page break above every row the layout keeps with what follows", () => {
    const breaks = spec.print.rowBreaks ?? [];
    // One page more than there are manual breaks, at least; LibreOffice may break again within a page.
    expect(pages.length).toBeGreaterThanOrEqual(breaks.length + 1);
    breaks.forEach((row, i) => {
      const first = spec.cells.find((cell) => cell.row === row && cell.value.kind === "text");
      const firstText = first?.value.kind === "text" ? first.value.text : "";
      const page = pages[i + 1] ?? "";
      // The first body line of the page after the break (the print header comes first).
      const lines = page.split("\n").filter((line) => line.trim() !== "");
      expect([row, lines[1]?.trim().startsWith(firstText.slice(0, 20))]).toEqual([row, true]);
    });
  });

  it("never ends a page on a heading", () => {
    const footer = `NHS Data Partnership Pricing ${VERSION}`;
    pages.forEach((page, i) => {
      const lines = page
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "" && line !== footer);
      const last = lines[lines.length - 1] ?? "";
      expect([i + 1, HEADINGS.includes(last)]).toEqual([i + 1, false]);
    });
  });

  it("prints every word of every text cell: nothing is clipped", () => {
    const printed = wordCounts(pages);
    const missing = [...wordCounts(cellTexts(spec))].filter(
      ([word, count]) => (printed.get(word) ?? 0) < count
    );
    expect(missing).toEqual([]);
  });
});
