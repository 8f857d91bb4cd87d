/**
 * The audit on a corpus of quote workbooks generated from the examples (internal and partner copies)
 * and tampered with by the tests: each must yield exactly the findings the tampering calls for, at the
 * cell the test changed, and none may crash. Principle findings are compared with the core's check of
 * the original document, which the audit only sees through the sheet. Workbooks a spreadsheet would
 * recalculate after an edit are recalculated by LibreOffice before they are audited, in
 * audit.engines.test.ts.
 */
import * as ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { allFindings, auditXlsx, readXlsxWorkbook, WorkbookReadError } from "../../src/audit";
import { auditCommand } from "../../src/cli/auditCommand";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { EXAMPLE_FILES, example } from "../document/fixtures";
import {
  BASE,
  GENERATED_AT,
  SHEET,
  base,
  expectedRules,
  generate,
  locate,
  notPrinciples,
  principleRules,
} from "./generated";
import { tamper } from "./tamper";

describe("generated workbooks audit clean", () => {
  describe.each(EXAMPLE_FILES.map((file) => [file]))("%s", (file) => {
    const doc = example(file);
    it("internal workbook: no findings but the principles, which match the document's own", async () => {
      const report = await auditXlsx(await generate(doc));
      expect(report.quotes.map((quote) => [quote.sheet, quote.reference])).toEqual([
        [`Quote ${doc.reference}`, doc.reference],
      ]);
      expect(notPrinciples(report)).toEqual([]);
      expect(principleRules(report)).toEqual(expectedRules(doc));
    });

    it("partner copy: verified against the trust's priced inputs, and the principles match the document's", async () => {
      const report = await auditXlsx(await generate(doc, true));
      expect(report.quotes.map((quote) => [quote.sheet, quote.reference])).toEqual([
        [`Quote ${doc.reference}`, doc.reference],
      ]);
      expect(notPrinciples(report)).toEqual([
        { check: "partner-copy", sheet: `Quote ${doc.reference}`, cell: "" },
      ]);
      expect(principleRules(report)).toEqual(expectedRules(doc));
    });
  });
});

describe("tampered workbooks", () => {
  let original: Buffer;
  let at: Awaited<ReturnType<typeof locate>>;
  beforeAll(async () => {
    original = await generate(base);
    at = await locate(original);
  });

  it("a formula pasted over with its own value: the formula is reported replaced, nothing else", async () => {
    const total = at.names.get("NHSDP_Total")!;
    const xlsx = await tamper(original, {
      edit: (sheet) => {
        const cell = sheet.getCell(total);
        cell.value = (cell.value as { result: number }).result;
      },
    });
    expect(notPrinciples(await auditXlsx(xlsx))).toEqual([
      expect.objectContaining({ check: "formula-replaced", sheet: SHEET, cell: total }),
    ]);
  });

  it("the summary box's total typed over with £1 less: replaced, and off from £88,430.66", async () => {
    const summary = at.names.get("NHSDP_SummaryTotalIncVAT")!;
    // The example's total including VAT: £73,692.22 + £14,738.44 = £88,430.66; typed as £88,429.66.
    const xlsx = await tamper(original, {
      edit: (sheet) => (sheet.getCell(summary).value = 88429.66),
    });
    expect(notPrinciples(await auditXlsx(xlsx))).toEqual([
      expect.objectContaining({ check: "formula-replaced", cell: summary, found: "£88,429.66" }),
      expect.objectContaining({
        check: "arithmetic",
        cell: summary,
        expected: "£88,430.66",
        found: "£88,429.66",
      }),
    ]);
  });

  it("the reconciliation's check typed over with its own answer: reported replaced", async () => {
    const check = at.names.get("NHSDP_ReconciliationCheck")!;
    const xlsx = await tamper(original, {
      edit: (sheet) => (sheet.getCell(check).value = "Check: the four parts add up to the total."),
    });
    expect(notPrinciples(await auditXlsx(xlsx))).toEqual([
      expect.objectContaining({ check: "formula-replaced", cell: check }),
    ]);
  });

  it("a line's cost typed over with £100 more (not recalculated): replaced, and off by £100", async () => {
    const row = at.row("svc-deid");
    // 12 days x £450.00 = £5,400.00 in the example; typed as £5,500.00.
    expect(base.costs.lines.find((line) => line.id === "svc-deid")).toMatchObject({
      quantity: 12,
      unitCost: 450,
    });
    const xlsx = await tamper(original, {
      edit: (sheet) => (sheet.getCell(`G${row}`).value = 5500),
    });
    expect(notPrinciples(await auditXlsx(xlsx))).toEqual([
      // The value the formula gives and the constant typed over it, both as money; the formula beside.
      expect.objectContaining({
        check: "formula-replaced",
        cell: `G${row}`,
        expected: "£5,400.00",
        found: "£5,500.00",
      }),
      {
        check: "arithmetic",
        sheet: SHEET,
        cell: `G${row}`,
        expected: "£5,400.00",
        found: "£5,500.00",
      },
    ]);
  });

  it("a renamed sheet is still found by its names, and audits clean under its new name", async () => {
    const xlsx = await tamper(original, { renameTo: "Sent to partner" });
    const report = await auditXlsx(xlsx);
    expect(report.quotes.map((quote) => [quote.sheet, quote.reference])).toEqual([
      ["Sent to partner", base.reference],
    ]);
    expect(notPrinciples(report)).toEqual([]);
    expect(allFindings(report).every((finding) => finding.sheet === "Sent to partner")).toBe(true);
  });
});

describe("workbooks that are not what they seem", () => {
  it("a truncated file is refused with the reason, and nothing crashes", async () => {
    const xlsx = await generate(base);
    await expect(readXlsxWorkbook(xlsx.subarray(0, 2000))).rejects.toThrow(WorkbookReadError);
    await expect(readXlsxWorkbook(Buffer.from("not a workbook"))).rejects.toThrow(
      /not an \.xlsx workbook/
    );
  });

  it("a workbook with no quote: a warning that says so", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Budget").getCell("A1").value = 42;
    const report = await auditXlsx(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(report.quotes).toEqual([]);
    expect(report.findings.map((finding) => [finding.severity, finding.check])).toEqual([
      ["warning", "not-a-quote"],
    ]);
  });

  it("a workbook with 50 quotes: each found by its own names and audited clean", async () => {
    const docs = Array.from({ length: 50 }, (_, i) => {
      const doc = example(EXAMPLE_FILES[i % EXAMPLE_FILES.length]!);
      return { ...doc, reference: `${doc.reference}-${i + 1}` };
    });
    const xlsx = await writeWorkbook(
      docs.map((doc) => {
        const quote = priceQuote(doc);
        return buildQuoteSheet(doc, quote, checkPrinciples(doc, quote), {
          generatedAt: GENERATED_AT,
        });
      })
    );
    const report = await auditXlsx(xlsx);
    expect(report.quotes.map((quote) => quote.reference)).toEqual(docs.map((doc) => doc.reference));
    expect(notPrinciples(report)).toEqual([]);
    report.quotes.forEach((quote, i) =>
      expect(
        quote.findings.map((finding) => `${finding.severity} ${finding.ruleId}`).sort()
      ).toEqual(expectedRules(docs[i]!))
    );
  });
});

describe("nhsdp audit", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-audit-"));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  const run = async (files: string[], options: { json?: boolean; strategy?: string } = {}) => {
    let stdout = "";
    let stderr = "";
    const code = await auditCommand(files, options, {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
    });
    return { code, stdout, stderr };
  };

  it("exits 0 on clean workbooks, 1 on an error finding, 2 for an unreadable file while auditing the rest; never writes", async () => {
    const clean = path.join(work, "clean.xlsx");
    fs.writeFileSync(clean, await generate(base, true));
    const before = fs.readFileSync(clean);
    const mtime = fs.statSync(clean).mtimeMs;
    expect((await run([clean])).code).toBe(0);

    const tampered = path.join(work, "tampered.xlsx");
    const total = (await locate(before)).names.get("NHSDP_PartnerTotal")!;
    fs.writeFileSync(
      tampered,
      await tamper(before, { edit: (sheet) => (sheet.getCell(total).value = 1) })
    );
    const withError = await run([clean, tampered]);
    expect(withError.code).toBe(1);
    expect(withError.stdout).toContain(`'${SHEET}'!${total}`);

    const truncated = path.join(work, "truncated.xlsx");
    fs.writeFileSync(truncated, before.subarray(0, 1000));
    const result = await run([truncated, path.join(work, "missing.xlsx"), clean], { json: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `nhsdp: cannot audit ${truncated}: it is not an Excel workbook (.xlsx), or it is damaged or cut short: give the quote workbook as nhsdp or the add-in wrote it\n`
    );
    expect(result.stderr).toMatch(/cannot audit .*missing\.xlsx: there is no such file/);
    const json = JSON.parse(result.stdout) as { workbooks: { file: string; readable: boolean }[] };
    expect(
      json.workbooks.map((workbook) => [path.basename(workbook.file), workbook.readable])
    ).toEqual([
      ["truncated.xlsx", false],
      ["missing.xlsx", false],
      ["clean.xlsx", true],
    ]);
    expect(fs.readFileSync(clean).equals(before)).toBe(true);
    expect(fs.statSync(clean).mtimeMs).toBe(mtime);
  });

  it("refuses a strategy file that is a partnership, naming it", async () => {
    const clean = path.join(work, "clean2.xlsx");
    fs.writeFileSync(clean, await generate(base));
    const partnership = path.join(__dirname, "..", "..", "examples", BASE);
    const result = await run([clean], { strategy: partnership });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /is a partnership document; --strategy takes the trust's pricing strategy/
    );
  });
});
