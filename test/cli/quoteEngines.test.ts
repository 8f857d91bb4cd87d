/**
 * For every example document, the built `nhsdp` command writes a quote workbook and prints the core's
 * figures. The workbook is then recalculated by two real spreadsheet engines, LibreOffice (headless)
 * and HyperFormula (in-process), and every line, subtotal and total they compute from the sheet's own
 * formulas must equal the core's figure to the penny.
 */
import { spawnSync } from "child_process";
import * as ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { readDefinedNames } from "../../src/sheets/xlsxWriter";
import { evaluateXlsxWithHyperFormula } from "../support/hyperformula";
import { recalculateFileWithLibreOffice } from "../support/libreoffice";

const ROOT = path.join(__dirname, "..", "..");
const CLI = path.join(ROOT, "dist", "cli", "nhsdp.js");
const EXAMPLES = fs
  .readdirSync(path.join(ROOT, "examples"))
  .filter((file) => file.endsWith(".json"))
  .map((file) => path.join(ROOT, "examples", file));

interface Figures {
  total: number;
  vat: number;
  totalIncVat: number;
  subtotals: Record<string, number>;
  lines: { id: string; amount: number }[];
}

const SUBTOTAL_LABELS: Record<string, string> = {
  services: "Subtotal: Services",
  "data-access-people": "Subtotal: Data access: people",
  "data-access-other": "Subtotal: Data access: other variable costs",
  fixed: "Subtotal: Data access: fixed costs (share)",
  capital: "Subtotal: Data access: capital costs (share)",
};

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-quotes-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const pence = (value: unknown): number => Math.round(Number(value) * 100);

/** The cells the figures live in: line amounts by line id (column A), subtotals by label (column B). */
function locate(sheet: ExcelJS.Worksheet): {
  lines: Map<string, string>;
  subtotals: Map<string, string>;
} {
  const lines = new Map<string, string>();
  const subtotals = new Map<string, string>();
  sheet.eachRow((row, r) => {
    const a = row.getCell(1);
    const b = row.getCell(2).value;
    if (row.getCell(6).formula && typeof a.value === "string") lines.set(a.value, `F${r}`);
    if (typeof b === "string" && b.startsWith("Subtotal: ")) subtotals.set(b, `F${r}`);
  });
  return { lines, subtotals };
}

function cellResult(sheet: ExcelJS.Worksheet, address: string): unknown {
  const cell = sheet.getCell(address);
  return cell.formula ? cell.result : cell.value;
}

describe.each(EXAMPLES.map((file) => [path.basename(file), file]))("%s", (_name, file) => {
  const output = path.join(work, path.basename(file).replace(/\.json$/, ".xlsx"));
  let figures: Figures;

  beforeAll(() => {
    const run = spawnSync(process.execPath, [CLI, "quote", file, "-o", output, "--json"], {
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`nhsdp quote failed (${run.status}): ${run.stderr}`);
    figures = JSON.parse(run.stdout) as Figures;
  });

  it("LibreOffice's NHSDP_Total, NHSDP_VAT and NHSDP_TotalIncVAT equal the core's, and so does every line and subtotal", async () => {
    const { workbook, buffer } = await recalculateFileWithLibreOffice(output);
    const names = await readDefinedNames(buffer);
    const valueOf = (name: string): unknown => {
      const defined = names.find((n) => n.name === name);
      if (!defined) throw new Error(`${name} is not defined after LibreOffice's round trip`);
      const match = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(defined.text);
      if (!match) throw new Error(`${name} refers to ${defined.text}`);
      const sheet = workbook.getWorksheet(
        (match[1] as string).replace(/''/g, "'")
      ) as ExcelJS.Worksheet;
      return cellResult(sheet, `${match[2]}${match[3]}`);
    };
    expect(pence(valueOf("NHSDP_Total"))).toBe(pence(figures.total));
    expect(pence(valueOf("NHSDP_VAT"))).toBe(pence(figures.vat));
    expect(pence(valueOf("NHSDP_TotalIncVAT"))).toBe(pence(figures.totalIncVat));

    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    // Some formulas (the subscription schedule) are written with no cached value at all, so a result
    // in every formula cell shows LibreOffice really calculated the sheet rather than echoing the file.
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula)
          expect([cell.address, typeof cell.result]).toEqual([cell.address, "number"]);
      })
    );
    const cells = locate(sheet);
    for (const line of figures.lines) {
      const address = cells.lines.get(line.id);
      if (address === undefined) throw new Error(`line ${line.id} is not on the sheet`);
      expect([line.id, pence(cellResult(sheet, address))]).toEqual([line.id, pence(line.amount)]);
    }
    for (const [category, amount] of Object.entries(figures.subtotals)) {
      const address = cells.subtotals.get(SUBTOTAL_LABELS[category] as string);
      if (address === undefined) {
        expect([category, amount]).toEqual([category, 0]);
        continue;
      }
      expect([category, pence(cellResult(sheet, address))]).toEqual([category, pence(amount)]);
    }
  });

  it("HyperFormula computes the same figures from the sheet's formulas", async () => {
    const buffer = fs.readFileSync(output);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const cells = locate(sheet);
    const lineAddresses = figures.lines.map((line) => cells.lines.get(line.id) as string);
    const values = await evaluateXlsxWithHyperFormula(buffer, sheet.name, [
      "NHSDP_Total",
      "NHSDP_VAT",
      "NHSDP_TotalIncVAT",
      ...lineAddresses,
    ]);
    expect(pence(values.NHSDP_Total)).toBe(pence(figures.total));
    expect(pence(values.NHSDP_VAT)).toBe(pence(figures.vat));
    expect(pence(values.NHSDP_TotalIncVAT)).toBe(pence(figures.totalIncVat));
    figures.lines.forEach((line, i) => {
      expect([line.id, pence(values[lineAddresses[i] as string])]).toEqual([
        line.id,
        pence(line.amount),
      ]);
    });
  });

  it("uses native formulas only: no NHSDP functions in the workbook a partner receives", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(output) as unknown as ArrayBuffer);
    const formulas: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cell.formula && formulas.push(cell.formula)))
    );
    expect(formulas.length).toBeGreaterThan(5);
    expect(formulas.filter((f) => /NHSDP\./i.test(f))).toEqual([]);
  });
});
