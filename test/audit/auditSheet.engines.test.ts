/**
 * The audit's report sheet (auditSheet.test.ts) in an .xlsx beside the quote it audits, recalculated
 * by LibreOffice: every link cell evaluates to its label and keeps its target.
 */
import * as ExcelJS from "exceljs";
import type { AuditReport } from "../../src/audit";
import { buildAuditSheet } from "../../src/audit/reportSheet";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import { type SheetSpec } from "../../src/workbook/spec/spec";
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { example } from "../document/fixtures";
import { recalculateBufferWithLibreOffice } from "../support/libreoffice";
import { AUDITED_AT, finding } from "./findings";

describe("the report sheet's .xlsx in LibreOffice", () => {
  it("recalculates: every link cell shows its label (not the cached value), and keeps its target", async () => {
    const doc = example("commercial-imaging-ai.json");
    const quote = priceQuote(doc);
    const quoteSheet = buildQuoteSheet(doc, quote, checkPrinciples(doc, quote), {
      generatedAt: AUDITED_AT,
    });
    const report: AuditReport = {
      findings: [],
      quotes: [
        {
          sheet: quoteSheet.name,
          reference: doc.reference,
          findings: [
            finding({ sheet: quoteSheet.name, cell: "G12" }),
            finding({ sheet: quoteSheet.name, cell: "A38:I53", check: "line-missing" }),
          ],
        },
      ],
    };
    const audit = buildAuditSheet(report, { auditedAt: AUDITED_AT, source: "test.xlsx" });
    // A sentinel in place of the cached labels: only a recalculation brings the labels back.
    const sentinel: SheetSpec = {
      ...audit,
      cells: audit.cells.map((cell) =>
        cell.value.kind === "formula"
          ? { ...cell, value: { ...cell.value, cachedValue: "SENTINEL" } }
          : cell
      ),
    };
    const { buffer } = await recalculateBufferWithLibreOffice(
      await writeWorkbook([quoteSheet, sentinel])
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet(audit.name)!;
    const links = [7, 8].map((row) => {
      const cell = ws.getCell(`B${row}`);
      return { formula: cell.formula, value: (cell.value as { result?: unknown }).result };
    });
    const sheetRef = `'${quoteSheet.name}'`;
    expect(links).toEqual([
      { formula: `HYPERLINK("#${sheetRef}!G12","${sheetRef}!G12")`, value: `${sheetRef}!G12` },
      {
        formula: `HYPERLINK("#${sheetRef}!A38:I53","${sheetRef}!A38:I53")`,
        value: `${sheetRef}!A38:I53`,
      },
    ]);
    // The quote sheet the links point at is there under the name they use.
    expect(workbook.worksheets.map((w) => w.name)).toEqual([quoteSheet.name, audit.name]);
  });
});
