/**
 * Page footers and print titles. A footer's text is escaped ("&" printed as "&", written "&&") while
 * its page fields are Excel's codes (&P, &N); print titles are the sheet-scoped defined name
 * _xlnm.Print_Titles, which the .xlsx writer writes itself (whole rows, absolute, the sheet name quoted
 * with its apostrophes doubled), and the Office.js writer sets through pageLayout.setPrintTitleRows.
 */
import ExcelJS from "exceljs";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { VERSION } from "../../src/model/version";
import { buildAuditSheet } from "../../src/audit/reportSheet";
import { buildFindingsSheet } from "../../src/workbook/layouts/findingsSheet";
import { buildPartnerSheet } from "../../src/workbook/layouts/partner/partnerSheet";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import { registerSheetSpec } from "../../src/workbook/layouts/register/register";
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { paginate } from "../../src/workbook/spec/pagination";
import { planSheet } from "../../src/workbook/spec/plan";
import {
  PAGE_COUNT,
  PAGE_NUMBER,
  headerFooterString,
  pageOfPages,
  text,
  type SheetSpec,
} from "../../src/workbook/spec/spec";
import { sheetSpecProblems } from "../../src/workbook/spec/validate";
import { XlsxBook, readDefinedNames, writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { writeSheets } from "../../src/addin/writeSheets";
import { EXAMPLE_FILES, example } from "../document/fixtures";
import { createExcelMock } from "../support/officeMock";
import { E1, E2 } from "./registerEntries";
import { build as buildScenario, subscriptionWithScenarios } from "./scenarioSheetCases";

const GENERATED = new Date("2026-11-23T10:00:00Z");
const PRODUCT = `NHS Data Partnership Pricing ${VERSION}`;

/** A sheet of `rows` rows under a heading row 3, that row repeated on every printed page. */
function tableSheet(name: string, rows = 10): SheetSpec {
  const b = new SheetSpecBuilder(name);
  b.set("A1", text("Title"));
  b.row(3, "A", [text("Item"), text("Cost")]);
  for (let r = 4; r < 4 + rows; r++) b.row(r, "A", [text(`item ${r}`), text("1")]);
  b.print({
    printArea: `A1:B${3 + rows}`,
    printTitleRows: { first: 3, last: 3 },
    footer: { left: "Product", right: pageOfPages("R&D-01") },
  });
  return b.build();
}

describe("header and footer strings", () => {
  it("escapes a literal & in the text and writes page fields as &P and &N", () => {
    expect(
      headerFooterString({
        left: "A & B",
        right: ["R&D-01", " - page ", PAGE_NUMBER, " of ", PAGE_COUNT],
      })
    ).toBe("&LA && B&RR&&D-01 - page &P of &N");
    expect(headerFooterString({ center: pageOfPages("Q&A") })).toBe("&CQ&&A - page &P of &N");
  });

  it("keeps text that looks like a code as text", () => {
    expect(headerFooterString({ center: "&P &N &&" })).toBe("&C&&P &&N &&&&");
  });

  it("gives Office.js each section as codes, and the .xlsx writer the whole string", () => {
    const plan = planSheet(tableSheet("S"));
    expect(plan.footer).toEqual({ left: "Product", center: "", right: "R&&D-01 - page &P of &N" });
    expect(plan.footerString).toBe("&LProduct&RR&&D-01 - page &P of &N");
  });

  it("counts the codes towards Excel's 255 characters", () => {
    const spec = tableSheet("S");
    const long = {
      ...spec,
      print: { ...spec.print, footer: { center: pageOfPages("&".repeat(120)) } },
    };
    expect(sheetSpecProblems(long)).toContain("print.footer is longer than Excel's 255 characters");
  });

  it("rejects a field it does not know", () => {
    const spec = tableSheet("S");
    const bad = {
      ...spec,
      print: { ...spec.print, footer: { center: [{ field: "date" }] } },
    } as unknown as SheetSpec;
    expect(sheetSpecProblems(bad)).toEqual(['print.footer: unknown field "date"']);
  });
});

describe("print titles: validation", () => {
  const withTitles = (first: number, last: number): SheetSpec => {
    const spec = tableSheet("S");
    return { ...spec, print: { ...spec.print, printTitleRows: { first, last } } };
  };

  it("accepts title rows with cells, within the print area", () => {
    expect(sheetSpecProblems(withTitles(3, 3))).toEqual([]);
    expect(sheetSpecProblems(withTitles(1, 4))).toEqual([]);
  });

  it("rejects rows outside the sheet, reversed, empty or outside the print area", () => {
    expect(sheetSpecProblems(withTitles(0, 3))).toEqual([
      "print.printTitleRows: 0..3 are not rows from 1 to 1048576",
    ]);
    expect(sheetSpecProblems(withTitles(3, 1_048_577))).toHaveLength(1);
    expect(sheetSpecProblems(withTitles(3.5, 4))).toHaveLength(1);
    expect(sheetSpecProblems(withTitles(4, 3))).toEqual([
      "print.printTitleRows: first row 4 is after last row 3",
    ]);
    expect(sheetSpecProblems(withTitles(2, 2))).toEqual([
      "print.printTitleRows: rows 2..2 have no cells",
    ]);
    expect(sheetSpecProblems(withTitles(13, 14))).toEqual([
      "print.printTitleRows: rows 13..14 are not within the print area's rows 1..13",
    ]);
  });
});

describe("print titles in the .xlsx", () => {
  it("are a sheet-scoped _xlnm.Print_Titles of absolute whole rows, the sheet name quoted", async () => {
    const names = await readDefinedNames(
      await writeWorkbook([tableSheet("Quote St George's DP-07")])
    );
    expect(names.filter((n) => n.name === "_xlnm.Print_Titles")).toEqual([
      expect.objectContaining({
        sheetName: "Quote St George's DP-07",
        text: "'Quote St George''s DP-07'!$3:$3",
      }),
    ]);
  });

  it("are kept once per sheet when a workbook is written on top of one", async () => {
    const book = await XlsxBook.load(await writeWorkbook([tableSheet("King's")]));
    book.addSheet(tableSheet("St Mary's"));
    const names = await readDefinedNames(await book.toBuffer());
    expect(
      names
        .filter((n) => n.name === "_xlnm.Print_Titles")
        .map((n) => [n.sheetName, n.text])
        .sort()
    ).toEqual([
      ["King's", "'King''s'!$3:$3"],
      ["St Mary's", "'St Mary''s'!$3:$3"],
    ]);
  });

  it("are read by another reader (ExcelJS), with the footer's codes", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await writeWorkbook([tableSheet("King's")])) as unknown as ArrayBuffer
    );
    const ws = workbook.getWorksheet("King's")!;
    expect(ws.pageSetup.printTitlesRow).toBe("3:3");
    expect(ws.headerFooter.oddFooter).toBe("&LProduct&RR&&D-01 - page &P of &N");
  });
});

describe("print titles through Office.js", () => {
  it("queues setPrintTitleRows on the title rows and the footer's sections", async () => {
    const mock = createExcelMock();
    await writeSheets(mock.run, [tableSheet("Sheet")]);
    const ws = "ws[Sheet]";
    expect(
      mock.log.find((op) => op.path === `${ws}.pageLayout` && op.name === "setPrintTitleRows")
    ).toEqual(expect.objectContaining({ kind: "call", args: [{ ref: `${ws}.getRange(3:3)` }] }));
    const footer = Object.fromEntries(
      mock.log
        .filter(
          (op) =>
            op.path === `${ws}.pageLayout.headersFooters.defaultForAllPages` && op.kind === "set"
        )
        .map((op) => [op.name, op.value])
    );
    expect(footer).toEqual({ leftFooter: "Product", rightFooter: "R&&D-01 - page &P of &N" });
  });
});

describe("pagination with print titles", () => {
  it("leaves room for the repeated rows on every page after them", () => {
    const spec = tableSheet("S", 200);
    const plain = { ...spec, print: { ...spec.print, printTitleRows: undefined } };
    const tall = {
      ...spec,
      rowHeights: { ...spec.rowHeights, "3": 100 },
    };
    const without = paginate(plain, []).pageStarts;
    const withTitles = paginate(tall, []).pageStarts;
    // The first page is as long; later pages hold 100 points (about 6 rows) fewer.
    expect(withTitles[1]! - withTitles[0]!).toBe(without[1]! - without[0]! - 6);
    expect(withTitles[2]! - withTitles[1]!).toBeLessThan(without[2]! - without[1]! - 6);
  });
});

describe("every generated sheet prints its reference, page x of y, and its table's headings", () => {
  const footerOf = (spec: SheetSpec) => headerFooterString(spec.print.footer);
  const rowText = (spec: SheetSpec, row: number) =>
    spec.cells
      .filter((cell) => cell.row === row || cell.address?.replace(/^[A-Z]+/, "") === String(row))
      .map((cell) => (cell.value.kind === "text" ? cell.value.text : ""))
      .join("|");

  it("the quote: the cost table's column headings", () => {
    for (const file of EXAMPLE_FILES) {
      const doc = example(file);
      const quote = priceQuote(doc);
      const spec = buildQuoteSheet(doc, quote, checkPrinciples(doc, quote), {
        generatedAt: GENERATED,
      });
      expect(footerOf(spec)).toBe(
        `&L${PRODUCT}&R${doc.reference.replace(/&/g, "&&")} - page &P of &N`
      );
      const titles = spec.print.printTitleRows!;
      expect(titles.first).toBe(titles.last);
      expect(rowText(spec, titles.first)).toMatch(/^Line\|Description\|Kind\|Quantity/);
      expect(sheetSpecProblems(spec)).toEqual([]);
    }
  });

  it("a quote's table repeats its headings only when it runs over pages", () => {
    const doc = example("academic-sde-study.json");
    const [first] = doc.costs.lines;
    // One cost line: each table ends on the page it starts on. Sixty cannot fit on one page.
    const withLines = (count: number) => ({
      ...doc,
      costs: {
        ...doc.costs,
        lines: Array.from({ length: count }, (_, i) => ({ ...first!, id: `line-${i + 1}` })),
      },
    });
    const titles = (count: number) => {
      const d = withLines(count);
      const quote = priceQuote(d);
      const findings = checkPrinciples(d, quote);
      const options = { generatedAt: GENERATED };
      return {
        partner: buildPartnerSheet(d, quote, findings, options).print.printTitleRows,
        internal: buildQuoteSheet(d, quote, findings, options).print.printTitleRows,
      };
    };
    const short = titles(1);
    const long = titles(60);
    expect(short.partner).toBeUndefined();
    expect(long.partner).toBeDefined();
    expect(long.internal).toBeDefined();
    expect(short.internal).toBeUndefined();
  });

  it("the findings sheet: its table's headings", () => {
    const doc = example(EXAMPLE_FILES[0]!);
    const quote = priceQuote(doc);
    const spec = buildFindingsSheet(doc, checkPrinciples(doc, quote), { generatedAt: GENERATED });
    expect(footerOf(spec)).toBe(`&L${PRODUCT}&R${doc.reference} - page &P of &N`);
    expect(spec.print.printTitleRows).toEqual({ first: 4, last: 4 });
    expect(rowText(spec, 4)).toBe("Severity|Principle|Finding|Field to change|Guide");
  });

  it("the register: its header row, and its sheet's name for a reference", () => {
    const spec = registerSheetSpec([E1, E2], "R&D register");
    expect(footerOf(spec)).toBe(`&L${PRODUCT}&RR&&D register - page &P of &N`);
    expect(spec.print.printTitleRows).toEqual({ first: 1, last: 1 });
    expect(rowText(spec, 1)).toMatch(/^Reference\|Partner/);
  });

  it("the audit report: the audited quote's reference and the findings' headings", () => {
    const spec = buildAuditSheet(
      {
        findings: [],
        quotes: [{ sheet: "Quote R&D-1", reference: "R&D-1", generatorVersion: "1", findings: [] }],
      },
      { auditedAt: GENERATED, source: "the open workbook" }
    );
    expect(footerOf(spec)).toBe(`&L${PRODUCT}&RR&&D-1 - page &P of &N`);
    expect(spec.print.printTitleRows).toEqual({ first: 5, last: 5 });
    expect(rowText(spec, 5)).toMatch(/^Severity\|Cell\|Check\|Finding/);
  });

  it("the scenario sheet: page x of y, and no print titles (its tables' headings differ)", () => {
    const doc = subscriptionWithScenarios();
    const { spec } = buildScenario(doc);
    expect(footerOf(spec)).toBe(`&L${PRODUCT}&R${doc.reference} - page &P of &N`);
    expect(spec.print.printTitleRows).toBeUndefined();
  });
});
