/**
 * Long sheets on paper: a quote with many cost lines and a register with many partnerships, written as
 * .xlsx and printed to PDF by LibreOffice (one run), the pages read back with pdftotext. Every page's
 * footer says "<reference> - page x of y" with the page count filled in, and each page after the first
 * repeats the table's column headings (the print titles) at its top.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import type { Partnership } from "../../src/document";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import { registerSheetSpec } from "../../src/workbook/layouts/register/register";
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { example } from "../document/fixtures";
import { printFilesToPdfWithLibreOffice } from "../support/libreoffice";
import { E1 } from "./registerEntries";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-titles-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The imaging example with 160 cost lines: the cost table runs over several pages. */
function longQuote(): Partnership {
  const doc = example("commercial-imaging-ai.json");
  const [first] = doc.costs.lines;
  const lines = Array.from({ length: 160 }, (_, i) => ({
    ...first!,
    id: `line-${i + 1}`,
    description: `Cost line number ${i + 1}`,
  }));
  return { ...doc, reference: "R&D 7", costs: { ...doc.costs, lines } };
}

const REGISTER_NAME = "Register";
const pages = new Map<string, string[]>();
beforeAll(async () => {
  const doc = longQuote();
  const quote = priceQuote(doc);
  const quoteSpec = buildQuoteSheet(doc, quote, checkPrinciples(doc, quote), {
    generatedAt: new Date("2026-11-23T10:00:00Z"),
  });
  const entries = Array.from({ length: 120 }, (_, i) => ({ ...E1, reference: `DP-${1000 + i}` }));
  const registerSpec = registerSheetSpec(entries, REGISTER_NAME);
  const files: string[] = [];
  for (const [name, spec] of [
    ["quote", quoteSpec],
    ["register", registerSpec],
  ] as const) {
    const file = path.join(work, `${name}.xlsx`);
    fs.writeFileSync(file, await writeWorkbook([spec]));
    files.push(file);
  }
  const pdfs = await printFilesToPdfWithLibreOffice(files);
  for (const [i, name] of ["quote", "register"].entries()) {
    const text = execFileSync("pdftotext", ["-layout", pdfs[i] as string, "-"], {
      encoding: "utf8",
    });
    // pdftotext ends each page with a form feed.
    pages.set(
      name,
      text.split("\f").filter((page) => page.trim() !== "")
    );
  }
  fs.rmSync(path.dirname(pdfs[0] as string), { recursive: true, force: true });
}, 120_000);

describe.each([
  ["quote", "R&D 7", /Line\s+Description\s+Kind\s+Quantity/],
  ["register", REGISTER_NAME, /Reference\s+Partner\s+Use\s+Stage/],
])("a long %s printed", (name, reference, headings) => {
  it("spans several pages, each footed '<reference> - page x of y'", () => {
    const printed = pages.get(name)!;
    expect(printed.length).toBeGreaterThanOrEqual(3);
    printed.forEach((page, i) =>
      expect(page).toContain(`${reference} - page ${i + 1} of ${printed.length}`)
    );
  });

  it("repeats the table's headings at the top of each later page", () => {
    const printed = pages.get(name)!;
    // The page the table starts on and every page after it.
    const from = printed.findIndex((page) => headings.test(page));
    expect(from).toBeGreaterThanOrEqual(0);
    for (const page of printed.slice(from + 1)) {
      const lines = page.split("\n").filter((line) => line.trim() !== "");
      // The print header's line first (if any), then the headings.
      expect(lines.slice(0, 2).some((line) => headings.test(line))).toBe(true);
    }
  });
});
