/**
 * The print tests' font check (printFilesToPdfWithLibreOffice reads every PDF's fonts back): a sheet
 * in Calibri printed by LibreOffice with Carlito passes; the same sheet printed where Carlito is missing
 * (fontconfig told to hide it, so LibreOffice falls back as it does without fonts-crosextra-carlito)
 * fails with a sentence naming the font it used and the package to install, where before the print
 * tests passed on pages Excel never prints.
 */
import * as ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { fontconfigWithoutCarlito, pdfFonts } from "../support/fonts";
import { printFilesToPdfWithLibreOffice } from "../support/libreoffice";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-print-font-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A sheet in Calibri, regular and bold, as the quote sheets are. */
async function calibriSheet(name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Quote");
  sheet.getCell("A1").value = "Total before VAT";
  sheet.getCell("A1").font = { name: "Calibri", size: 11, bold: true };
  sheet.getCell("A2").value = "£12,757.35";
  sheet.getCell("A2").font = { name: "Calibri", size: 11 };
  const file = path.join(work, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

it("passes a sheet LibreOffice printed with Carlito", async () => {
  const [pdf] = await printFilesToPdfWithLibreOffice([await calibriSheet("with-carlito.xlsx")]);
  try {
    expect(pdfFonts(pdf as string)).toEqual(["Carlito", "Carlito-Bold"]);
  } finally {
    fs.rmSync(path.dirname(pdf as string), { recursive: true, force: true });
  }
});

it("fails, saying so, when LibreOffice printed without Carlito", async () => {
  const hidden = fontconfigWithoutCarlito();
  const before = process.env["FONTCONFIG_FILE"];
  process.env["FONTCONFIG_FILE"] = hidden.file;
  try {
    await expect(
      printFilesToPdfWithLibreOffice([await calibriSheet("without-carlito.xlsx")])
    ).rejects.toThrow(
      /^LibreOffice printed without-carlito\.pdf with (?!Carlito).+, not Carlito: install fonts-crosextra-carlito \(apt-get install --no-install-recommends fonts-crosextra-carlito\), the font with Calibri's metrics/
    );
  } finally {
    if (before === undefined) delete process.env["FONTCONFIG_FILE"];
    else process.env["FONTCONFIG_FILE"] = before;
    hidden.remove();
  }
});
