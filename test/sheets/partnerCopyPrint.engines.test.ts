/**
 * The partner copy of a quote whose reference has an apostrophe ("St George's DP-07"), printed by
 * LibreOffice: the print area holds, so the pages show the quote and not the record of the inputs kept
 * below it. When the print area's sheet name was left unescaped, LibreOffice dropped the print area and
 * printed the record, JSON included.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { writeQuoteWorkbook } from "../../src/workbook/xlsx/quoteWorkbook";
import { example } from "../document/fixtures";
import { printFilesToPdfWithLibreOffice } from "../support/libreoffice";

const REFERENCES = ["St George's DP-07", "DP-2025-011 (King's)"];
const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-partner-print-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const printed = new Map<string, string>();
beforeAll(async () => {
  const files = await Promise.all(
    REFERENCES.map(async (reference, i) => {
      const doc = { ...example("commercial-imaging-ai.json"), reference };
      const quote = priceQuote(doc);
      const bytes = await writeQuoteWorkbook(doc, quote, checkPrinciples(doc, quote), {
        generatedAt: new Date("2026-11-23T10:00:00Z"),
        partner: true,
      });
      const file = path.join(work, `partner-${i}.xlsx`);
      fs.writeFileSync(file, bytes);
      return file;
    })
  );
  const pdfs = await printFilesToPdfWithLibreOffice(files);
  REFERENCES.forEach((reference, i) =>
    printed.set(
      reference,
      execFileSync("pdftotext", ["-layout", pdfs[i] as string, "-"], { encoding: "utf8" })
    )
  );
});

describe.each(REFERENCES.map((reference) => [reference]))("the partner copy of %s", (reference) => {
  it("prints the quote with its reference and total", () => {
    const text = printed.get(reference) as string;
    expect(text).toContain(reference);
    expect(text).toContain("Total before VAT");
  });

  it("does not print the record of the inputs kept below the print area", () => {
    const text = printed.get(reference) as string;
    expect(text).not.toContain("Inputs as generated");
    expect(text).not.toContain('"format"');
  });
});
