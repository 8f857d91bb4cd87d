/**
 * The Office.js reader of the audit, against office-addin-mock holding what generated quote workbooks
 * hold (see officeWorkbook.ts): the same report as the .xlsx reader gives for the same file, in three
 * syncs whatever the number of sheets and cells, with a constant number of bulk loads, and nothing
 * but loads on the workbook.
 */
import { auditWorkbook, auditXlsx } from "../../src/audit";
import { gridSheet, officeCell, readOpenWorkbook } from "../../src/audit/officeReader";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import type { Partnership } from "../../src/document";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import { writeQuoteWorkbook } from "../../src/workbook/xlsx/quoteWorkbook";
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { EXAMPLE_FILES, example } from "../document/fixtures";
import { createExcelMock, type ExcelMockOptions, type OfficeCall } from "../support/officeMock";
import { officeContentOf } from "./officeWorkbook";

const GENERATED_AT = new Date("2026-11-23T10:00:00Z");

async function generate(doc: Partnership, partner = false): Promise<Buffer> {
  const quote = priceQuote(doc);
  return Buffer.from(
    await writeQuoteWorkbook(doc, quote, checkPrinciples(doc, quote), {
      generatedAt: GENERATED_AT,
      partner,
    })
  );
}

async function auditInMock(options: ExcelMockOptions) {
  const mock = createExcelMock(options);
  const read = await mock.run(readOpenWorkbook);
  return { mock, read, report: auditWorkbook(read.workbook) };
}

const READS = new Set(["load", "getUsedRangeOrNullObject"]);
const writesIn = (log: readonly OfficeCall[]) =>
  log.filter((op) => op.kind === "set" || !READS.has(op.name));

/** A sheet of `rows` x 5 numbers, as a trust's own data beside the quote. */
function dataSheet(rows: number) {
  const grid = <T>(cell: (r: number, c: number) => T) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: 5 }, (_, c) => cell(r, c)));
  return {
    used: {
      rowIndex: 0,
      columnIndex: 0,
      values: grid((r, c) => r * 5 + c),
      formulas: grid((r, c) => r * 5 + c),
      valueTypes: grid(() => "Double"),
    },
  };
}

describe("readOpenWorkbook: the same report as the .xlsx reader", () => {
  describe.each(EXAMPLE_FILES.map((file) => [file]))("%s", (file) => {
    it.each([
      ["internal workbook", false],
      ["partner copy", true],
    ])("%s", async (_, partner) => {
      const doc = example(file);
      const xlsx = await generate(doc, partner);
      const { report } = await auditInMock(await officeContentOf(xlsx));
      expect(report.quotes.map((quote) => [quote.sheet, quote.reference])).toEqual([
        [`Quote ${doc.reference}`, doc.reference],
      ]);
      expect(report).toEqual(await auditXlsx(xlsx));
      // A partner copy says it was verified against the trust's priced inputs; nothing else but the principles.
      expect(
        report.quotes[0]!.findings.filter((finding) => finding.check !== "principle").map(
          (finding) => finding.check
        )
      ).toEqual(partner ? ["partner-copy"] : []);
    });
  });
});

describe("readOpenWorkbook: syncs and loads", () => {
  let quoteContent: Awaited<ReturnType<typeof officeContentOf>>;
  const doc = example("commercial-imaging-ai.json");
  const quoteSheet = `Quote ${doc.reference}`;
  beforeAll(async () => {
    const quote = priceQuote(doc);
    quoteContent = await officeContentOf(
      await writeWorkbook([
        buildQuoteSheet(doc, quote, checkPrinciples(doc, quote), { generatedAt: GENERATED_AT }),
      ])
    );
  });

  it("three syncs in one Excel.run, only loads, and the used range of the quote sheet alone", async () => {
    const { mock, read } = await auditInMock(quoteContent);
    expect(mock.runs()).toBe(1);
    expect(mock.syncs()).toBe(3);
    expect(read.syncs).toBe(3);
    expect(writesIn(mock.log)).toEqual([]);
    expect(mock.log.map((op) => `${op.path} ${op.name}`)).toEqual([
      "workbook.worksheets load",
      "workbook.names load",
      `ws[${quoteSheet}].names load`,
      `ws[${quoteSheet}] getUsedRangeOrNullObject`,
      `ws[${quoteSheet}].getUsedRangeOrNullObject(true) load`,
    ]);
    expect(mock.log.at(-1)!.args).toEqual(["rowIndex,columnIndex,values,formulas,valueTypes"]);
  });

  it("twenty data sheets of 10,000 rows beside the quote: still three syncs, none of their cells loaded", async () => {
    const content = { ...quoteContent.content };
    for (let i = 1; i <= 20; i++) content[`Data ${i}`] = dataSheet(10_000);
    const { mock, report } = await auditInMock({ ...quoteContent, content });
    expect(mock.syncs()).toBe(3);
    expect(report.quotes.map((quote) => quote.sheet)).toEqual([quoteSheet]);
    // One load of the sheets, one of the workbook's names, one of each sheet's names (21), one used range.
    expect(mock.log.filter((op) => op.name === "load")).toHaveLength(1 + 1 + 21 + 1);
    expect(mock.log.filter((op) => op.name === "getUsedRangeOrNullObject")).toEqual([
      expect.objectContaining({ path: `ws[${quoteSheet}]` }),
    ]);
    expect(writesIn(mock.log)).toEqual([]);
  });

  it("ten quote sheets: three syncs, and each quote's cells in one load", async () => {
    const docs = Array.from({ length: 10 }, (_, i) => {
      const each = example(EXAMPLE_FILES[i % EXAMPLE_FILES.length]!);
      return { ...each, reference: `${each.reference}-${i + 1}` };
    });
    const xlsx = await writeWorkbook(
      docs.map((each) => {
        const quote = priceQuote(each);
        return buildQuoteSheet(each, quote, checkPrinciples(each, quote), {
          generatedAt: GENERATED_AT,
        });
      })
    );
    const { mock, report } = await auditInMock(await officeContentOf(xlsx));
    expect(mock.syncs()).toBe(3);
    expect(report.quotes.map((quote) => quote.reference)).toEqual(docs.map((d) => d.reference));
    expect(mock.log.filter((op) => op.name === "getUsedRangeOrNullObject")).toHaveLength(10);
    expect(report).toEqual(await auditXlsx(xlsx));
  });

  it("a workbook with no quote: two syncs, no cells loaded, and the warning that says so", async () => {
    const { mock, report, read } = await auditInMock({
      content: { Budget: dataSheet(100), Notes: {} },
    });
    expect(mock.syncs()).toBe(2);
    expect(read.syncs).toBe(2);
    expect(mock.log.filter((op) => op.name === "getUsedRangeOrNullObject")).toEqual([]);
    expect(report.quotes).toEqual([]);
    expect(report.findings.map((f) => [f.severity, f.check])).toEqual([["warning", "not-a-quote"]]);
  });
});

describe("readOpenWorkbook: what Excel holds after a person edited it", () => {
  const doc = example("commercial-imaging-ai.json");
  const quoteSheet = `Quote ${doc.reference}`;
  let content: Awaited<ReturnType<typeof officeContentOf>>;
  beforeAll(async () => {
    content = await officeContentOf(await generate(doc));
  });
  /** The cell a sheet-scoped name of the quote sheet points at, read from the mock's own names. */
  const named = (name: string) => {
    const formula = content.content[quoteSheet]!.names!.find((n) => n.name === name)!.formula;
    const m = /!\$([A-Z]+)\$(\d+)$/.exec(formula)!;
    return { address: `${m[1]}${m[2]}`, row: Number(m[2]) - 1, col: m[1]!.charCodeAt(0) - 65 };
  };
  const edited = (edit: (used: NonNullable<(typeof content.content)[string]["used"]>) => void) => {
    const copy = structuredClone(content);
    edit(copy.content[quoteSheet]!.used!);
    return copy;
  };

  it("the total typed over with its own value: reported as a replaced formula at its cell", async () => {
    const total = named("NHSDP_Total");
    const tampered = edited((used) => {
      const value = used.values[total.row]![total.col];
      expect(typeof value).toBe("number");
      used.formulas[total.row]![total.col] = value;
    });
    const { report } = await auditInMock(tampered);
    expect(
      report.quotes[0]!.findings.filter((f) => f.check !== "principle").map((f) => [
        f.check,
        f.sheet,
        f.cell,
      ])
    ).toEqual([["formula-replaced", quoteSheet, total.address]]);
  });

  it("the VAT rate changed from 0.2 to 0.25: an input changed, before and after", async () => {
    const vat = named("NHSDP_VATRate");
    const tampered = edited((used) => {
      expect(used.values[vat.row]![vat.col]).toBe(0.2);
      used.values[vat.row]![vat.col] = 0.25;
      used.formulas[vat.row]![vat.col] = 0.25;
    });
    const { report } = await auditInMock(tampered);
    const inputs = report.quotes[0]!.findings.filter((f) => f.check === "input-changed");
    expect(inputs.map((f) => [f.cell, f.expected, f.found])).toEqual([
      // A rate as the sheet shows it: a percentage.
      [vat.address, "20%", "25%"],
    ]);
  });

  it("a name whose cells were deleted (=#REF!): the quote is reported unreadable, not guessed at", async () => {
    const copy = structuredClone(content);
    const names = copy.content[quoteSheet]!.names!;
    names.find((n) => n.name === "NHSDP_Recoveries")!.formula = "=#REF!";
    const { report } = await auditInMock(copy);
    expect(report.quotes[0]!.findings).toEqual([
      expect.objectContaining({
        severity: "error",
        check: "metadata",
        message: expect.stringContaining("NHSDP_Recoveries refers to #REF!"),
      }),
    ]);
  });
});

describe("the loaded arrays as cells", () => {
  it("tells a formula from text that starts with = and from a constant", () => {
    expect(officeCell(12, "=SUM(A1:A3)", "Double")).toEqual({ value: 12, formula: "SUM(A1:A3)" });
    expect(officeCell("=not a formula", "=not a formula", "String")).toEqual({
      value: "=not a formula",
    });
    expect(officeCell(5400, 5400, "Double")).toEqual({ value: 5400 });
    expect(officeCell("", "", "Empty")).toEqual({ value: null });
    expect(officeCell("#REF!", "=A1+#REF!", "Error")).toEqual({
      value: { error: "#REF!" },
      formula: "A1+#REF!",
    });
    expect(officeCell(true, true, "Boolean")).toEqual({ value: true });
  });

  it("places a used range that does not start at A1 where it is", () => {
    // C3:D4 holds 1, 2 / 3, =C3+D3.
    const sheet = gridSheet("S", new Map(), {
      rowIndex: 2,
      columnIndex: 2,
      values: [
        [1, 2],
        [3, 3],
      ],
      formulas: [
        [1, 2],
        [3, "=C3+D3"],
      ],
      valueTypes: [
        ["Double", "Double"],
        ["Double", "Double"],
      ],
    });
    expect(sheet.cell(3, 3)).toEqual({ value: 1 });
    expect(sheet.cell(4, 4)).toEqual({ value: 3, formula: "C3+D3" });
    expect(sheet.cell(2, 3)).toEqual({ value: null });
    expect(sheet.cell(3, 5)).toEqual({ value: null });
    expect(sheet.cell(1, 1)).toEqual({ value: null });
  });
});
