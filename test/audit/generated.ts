/*
 * The quote workbooks the audit tests generate from the examples, and how they read the audit's
 * findings: shared by audit.test.ts and audit.engines.test.ts (the LibreOffice round trips).
 */
import * as ExcelJS from "exceljs";
import { allFindings } from "../../src/audit";
import type { AuditFinding, AuditReport } from "../../src/audit";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import type { Partnership } from "../../src/document";
import { writeQuoteWorkbook } from "../../src/workbook/xlsx/quoteWorkbook";
import { readDefinedNames } from "../../src/workbook/xlsx/xlsxWriter";
import { example } from "../document/fixtures";

export const GENERATED_AT = new Date("2026-11-23T10:00:00Z");
export const BASE = "commercial-imaging-ai.json";

export async function generate(doc: Partnership, partner = false): Promise<Buffer> {
  const quote = priceQuote(doc);
  return Buffer.from(
    await writeQuoteWorkbook(doc, quote, checkPrinciples(doc, quote), {
      generatedAt: GENERATED_AT,
      partner,
    })
  );
}

/** What a finding says about where and what, without its wording. */
export const shape = (finding: AuditFinding) => ({
  check: finding.check,
  sheet: finding.sheet,
  cell: finding.cell,
  ...(finding.expected === undefined ? {} : { expected: finding.expected }),
  ...(finding.found === undefined ? {} : { found: finding.found }),
});

export const notPrinciples = (report: AuditReport) =>
  allFindings(report)
    .filter((finding) => finding.check !== "principle")
    .map(shape);

export const principleRules = (report: AuditReport) =>
  allFindings(report)
    .filter((finding) => finding.check === "principle")
    .map((finding) => `${finding.severity} ${finding.ruleId}`)
    .sort();

/**
 * The principles an audit of the workbook finds: every rule's on the document, but the fair share's,
 * which needs the scenarios block a quote workbook does not carry.
 */
export const expectedRules = (doc: Partnership) =>
  checkPrinciples({ ...doc, scenarios: undefined }, priceQuote(doc))
    .map((finding) => `${finding.severity} ${finding.ruleId}`)
    .sort();

/** The row of the quote sheet whose column A holds `id`, and the sheet's names, read independently. */
export async function locate(xlsx: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows = new Map<string, number>();
  sheet.eachRow((row, r) => {
    const a = row.getCell(1).value;
    if (typeof a === "string" && !rows.has(a)) rows.set(a, r);
  });
  const names = new Map(
    (await readDefinedNames(xlsx)).map((name) => [
      name.name,
      name.text.replace(/^.*!/, "").replace(/\$/g, ""),
    ])
  );
  const row = (id: string) => {
    const found = rows.get(id);
    if (found === undefined) throw new Error(`no row for ${id}`);
    return found;
  };
  return { sheetName: sheet.name, row, names };
}

export const base = example(BASE);
export const SHEET = `Quote ${base.reference}`;
