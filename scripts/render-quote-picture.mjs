#!/usr/bin/env node
/*
 * Renders the README's picture of a quote from a real generated workbook, so the picture stays true:
 * the built nhsdp command writes the partner copy of the imaging example, LibreOffice prints it to
 * PDF, and pdftoppm turns its first page into docs/quote-example.png.
 * Needs: npm run build:cli, and Debian's libreoffice-calc, fonts-crosextra-carlito and poppler-utils.
 *   npm run picture
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { fileURLToPath } from "url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-picture-"));
try {
  const xlsx = path.join(work, "quote.xlsx");
  execFileSync(process.execPath, [
    path.join(root, "dist", "cli", "nhsdp.js"),
    "quote",
    path.join(root, "examples", "commercial-imaging-ai.json"),
    "-o",
    xlsx,
    "--partner",
    // Checked as of the example's own quote date, so the picture does not depend on today's date.
    "--as-of",
    "2025-06-02",
  ]);
  execFileSync("soffice", [
    `-env:UserInstallation=file://${path.join(work, "profile")}`,
    "--headless",
    "--convert-to",
    "pdf",
    "--outdir",
    work,
    xlsx,
  ]);
  const out = path.join(root, "docs", "quote-example");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "110",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    path.join(work, "quote.pdf"),
    out,
  ]);
  process.stdout.write(`Wrote ${path.relative(root, out)}.png\n`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
