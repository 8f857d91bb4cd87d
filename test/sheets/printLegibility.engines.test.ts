/**
 * Every sheet the add-in generates, for every example, printed to PDF by LibreOffice (with Carlito,
 * metrically Calibri) and read page by page as a reader would (test/support/printedPdf.ts):
 *
 *  (a) type a reader can read: the smallest body text on each page is at least 9 pt as printed, after
 *      the scaling LibreOffice applies to fit the sheet to the page's width; the print header (the
 *      page's topmost line) and footer (its lowest line that ends "page x of y") at least 8 pt. Sizes
 *      are measured to within 0.05 pt (the calibration in printedPdf.ts), so a size counts as below a
 *      threshold only when it is more than 0.05 pt below it. A line printed on its side (a chart's
 *      value-axis title) is measured across its width; a word printed at a slant (a chart's slanted
 *      category labels) by the height of its upright box, which is larger than its type: such words
 *      are never flagged wrongly, only with the rest of their page's text;
 *  (b) every page's footer ends "<reference> - page x of y", x the page's number within its sheet and
 *      y the sheet's number of pages, and nothing else prints over or below it;
 *  (c) no table runs onto a later page without its heading row:
 *      - a sheet of one long table (findings, register, audit report) declares its heading row as
 *        print titles, and its words are the first words below the header on every page after the
 *        first page that holds them;
 *      - a quote (the internal quote and the partner copy) declares them only when its main table
 *        runs over pages, as above; without them, the table's heading and its last line ("Cost lines
 *        charged", "Total including VAT") print on one page;
 *      - the scenario sheet is a run of tables, each with headings of its own (Excel repeats one range
 *        of rows on every page, which would mislabel all but one), and keeps each whole on a page:
 *        every page after the first begins with a heading, a title or a table's heading row, that
 *        is, with a cell of the sheet printed in bold, and never part-way through a table;
 *  (d) a quote (the internal quote sheet and the partner copy) shows its total including VAT, label
 *      and amount, on page 1.
 *
 * Each sheet is printed as a workbook of its own. LibreOffice numbers the pages of a workbook across
 * its sheets when it prints the whole workbook (the internal workbook's findings sheet printed as
 * "page 3 of 4", after the quote's two pages; &N is the workbook's page count), so the internal
 * workbook's three sheets are written one to a workbook from the specs writeQuoteWorkbook writes
 * (buildQuoteSheet, buildFindingsSheet, the register of quoteRegisterEntry). The partner copy is
 * writeQuoteWorkbook's own file (its record sheet is very hidden, so LibreOffice prints the one visible
 * sheet and numbers its pages alone); the scenario sheet is `nhsdp scenario -o`'s file; the audit report is
 * the report sheet of the audit of each example's internal workbook with its total before VAT typed
 * over (£100 more than the formula gave). Everything prints in one run of LibreOffice.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { auditXlsx } from "../../src/audit";
import { buildAuditSheet } from "../../src/audit/reportSheet";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { formatPounds } from "../../src/model/format";
import { buildFindingsSheet } from "../../src/workbook/layouts/findingsSheet";
import { buildQuoteSheet } from "../../src/workbook/layouts/quote/quoteSheet";
import { quoteRegisterEntry } from "../../src/workbook/layouts/register/registerEntry";
import { writeQuoteWorkbook } from "../../src/workbook/xlsx/quoteWorkbook";
import { writeWorkbook } from "../../src/workbook/xlsx/xlsxWriter";
import { GENERATED_AT, generate, locate } from "../audit/generated";
import { tamper } from "../audit/tamper";
import { EXAMPLES_DIR, EXAMPLE_FILES, example } from "../document/fixtures";
import {
  printSettings,
  printWorkbooks,
  printedWords,
  type PrintSettings,
  type PrintedPage,
  type PrintedWord,
} from "../support/printedPdf";
import { runScenario } from "../support/scenarioCommand";

/** A quote's table as its reader sees it: its heading row's words, and the line that ends it. */
interface QuoteTable {
  heading: readonly string[];
  end: string;
}
const INTERNAL_COSTS: QuoteTable = {
  heading: [
    "Line",
    "Description",
    "Kind",
    "Quantity",
    "Unit",
    "Unit cost",
    "Cost",
    "Marginal cost",
    "Full cost",
  ],
  end: "Cost lines charged",
};
const PARTNER_CHARGES: QuoteTable = {
  heading: ["Description", "Quantity", "Unit", "Unit price", "Amount"],
  end: "Total including VAT",
};

/** The reading standard: body text, and the print header and footer, in points as printed. */
const BODY_MIN_PT = 9;
const HEADER_FOOTER_MIN_PT = 8;
/** The measurement's own error (printedPdf.ts's calibration holds every sample to this). */
const MEASURED_TO_PT = 0.05;

type SheetKind = "quote" | "findings" | "register" | "partner copy" | "scenario" | "audit report";

interface Printout {
  example: (typeof EXAMPLE_FILES)[number];
  sheet: SheetKind;
  name: string;
  /** The footer's label, before " - page x of y". */
  label: string;
  /** A quote's total including VAT, as the sheet formats it. */
  totalIncVat?: string;
  /** How the sheet keeps its tables' headings with them on paper: see (c). */
  headings: "print titles" | "print titles if the table runs over pages" | "tables whole";
  /** A quote's main table, whose heading repeats only if it runs over pages. */
  table?: QuoteTable;
  write: () => Promise<Uint8Array>;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-legibility-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The internal workbook with its total before VAT typed over, audited; its report sheet alone. */
async function auditReport(file: string, doc: ReturnType<typeof example>): Promise<Uint8Array> {
  const internal = await generate(doc, false);
  const total = (await locate(internal)).names.get("NHSDP_Total");
  if (total === undefined) throw new Error(`${file}: no NHSDP_Total to type over`);
  const typedOver = await tamper(internal, {
    edit: (sheet) => {
      const cell = sheet.getCell(total);
      cell.value = (cell.value as { result: number }).result + 100;
    },
  });
  const report = await auditXlsx(typedOver);
  const sheet = buildAuditSheet(report, {
    auditedAt: GENERATED_AT,
    source: file.replace(/\.json$/, ".xlsx"),
  });
  return writeWorkbook([sheet]);
}

async function scenarioSheet(file: string): Promise<Uint8Array> {
  const out = path.join(work, file.replace(/\.json$/, "-scenario.xlsx"));
  const run = await runScenario(path.join(EXAMPLES_DIR, file), "-o", out);
  if (run.code !== 0) throw new Error(`nhsdp scenario ${file}: exit ${run.code}\n${run.stderr}`);
  return fs.readFileSync(out);
}

const PRINTOUTS: Printout[] = EXAMPLE_FILES.flatMap((file) => {
  const doc = example(file);
  const quote = priceQuote(doc);
  const findings = checkPrinciples(doc, quote);
  const options = { generatedAt: GENERATED_AT };
  const stem = file.replace(/\.json$/, "");
  const totalIncVat = formatPounds(quote.totalIncVat);
  const printouts: Printout[] = [
    {
      example: file,
      sheet: "quote",
      name: `${stem}-quote.xlsx`,
      label: doc.reference,
      totalIncVat,
      headings: "print titles if the table runs over pages",
      table: INTERNAL_COSTS,
      write: () => writeWorkbook([buildQuoteSheet(doc, quote, findings, options)]),
    },
    {
      example: file,
      sheet: "findings",
      name: `${stem}-findings.xlsx`,
      label: doc.reference,
      headings: "print titles",
      write: () => writeWorkbook([buildFindingsSheet(doc, findings, options)]),
    },
    {
      example: file,
      sheet: "register",
      name: `${stem}-register.xlsx`,
      label: "Register",
      headings: "print titles",
      write: () =>
        writeWorkbook([], { register: [quoteRegisterEntry(doc, quote, options.generatedAt)] }),
    },
    {
      example: file,
      sheet: "partner copy",
      name: `${stem}-partner.xlsx`,
      label: doc.reference,
      totalIncVat,
      headings: "print titles if the table runs over pages",
      table: PARTNER_CHARGES,
      write: () => writeQuoteWorkbook(doc, quote, findings, { ...options, partner: true }),
    },
    {
      example: file,
      sheet: "audit report",
      name: `${stem}-audit.xlsx`,
      label: doc.reference,
      headings: "print titles",
      write: () => auditReport(file, doc),
    },
  ];
  // Only a document with a scenarios block has a scenario sheet (`nhsdp scenario` refuses the others).
  if (doc.scenarios !== undefined)
    printouts.push({
      example: file,
      sheet: "scenario",
      name: `${stem}-scenario-sheet.xlsx`,
      label: doc.reference,
      headings: "tables whole",
      write: () => scenarioSheet(file),
    });
  return printouts;
});

const printed = new Map<string, { pages: readonly PrintedPage[]; settings: PrintSettings }>();
beforeAll(async () => {
  const written = await Promise.all(
    PRINTOUTS.map(async (printout) => ({ name: printout.name, xlsx: await printout.write() }))
  );
  const { documents } = await printWorkbooks(written);
  for (const { name, xlsx } of written)
    printed.set(name, { pages: documents.get(name) ?? [], settings: await printSettings(xlsx) });
});

const pt = (size: number) => `${size.toFixed(2)} pt`;

function smallest(words: readonly PrintedWord[]): PrintedWord | undefined {
  return words.reduce<PrintedWord | undefined>(
    (least, word) => (least === undefined || word.size < least.size ? word : least),
    undefined
  );
}

/** How a footer ends: the right-hand section, "<reference> - page x of y". */
const PAGE_X_OF_Y = / - page \d+ of \d+$/;

/** Words printed on one line at one size: the same top and bottom, to within 0.5 pt, left to right. */
function strictLines(words: readonly PrintedWord[]): PrintedWord[][] {
  const lines: PrintedWord[][] = [];
  for (const word of [...words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin)) {
    const line = lines.find(
      ([w]) => Math.abs(w!.yMax - word.yMax) < 0.5 && Math.abs(w!.yMin - word.yMin) < 0.5
    );
    if (line) line.push(word);
    else lines.push([word]);
  }
  return lines
    .map((line) => line.sort((a, b) => a.xMin - b.xMin))
    .sort((a, b) => a[0]!.yMin - b[0]!.yMin);
}

const text = (words: readonly PrintedWord[]) => words.map((word) => word.text).join(" ");

/**
 * The page's print header (its topmost line), its footer (the lowest line that ends "page x of y"; a
 * chart might print below it) and the body: every other word.
 */
function parts(page: PrintedPage, settings: PrintSettings) {
  const lines = strictLines(page.words);
  const footer = settings.hasFooter
    ? [...lines].reverse().find((line) => PAGE_X_OF_Y.test(text(line)))
    : undefined;
  const header = settings.hasHeader ? lines.find((line) => line !== footer) : undefined;
  const body = page.words.filter((word) => !footer?.includes(word) && !header?.includes(word));
  return { header, footer, body };
}

describe.each(PRINTOUTS.map((printout) => [`${printout.example} ${printout.sheet}`, printout]))(
  "%s, printed",
  (_, printout) => {
    const where = `${printout.example} ${printout.sheet}`;
    let pages: readonly PrintedPage[];
    let settings: PrintSettings;
    beforeAll(() => {
      ({ pages, settings } = printed.get(printout.name)!);
    });

    it("prints", () => {
      expect(pages.length).toBeGreaterThan(0);
    });

    it(`(a) has body text of at least ${BODY_MIN_PT} pt and a header and footer of at least ${HEADER_FOOTER_MIN_PT} pt on every page`, () => {
      const problems: string[] = [];
      for (const page of pages) {
        if (page.uncalibratedFonts.length > 0) {
          problems.push(
            `${where} page ${page.number}: sizes not measured, fonts outside the calibration: ${page.uncalibratedFonts.join(", ")}`
          );
          continue;
        }
        const { header, footer, body } = parts(page, settings);
        const checks = [
          ["body text", body, BODY_MIN_PT],
          ["header", header ?? [], HEADER_FOOTER_MIN_PT],
          ["footer", footer ?? [], HEADER_FOOTER_MIN_PT],
        ] as const;
        for (const [part, words, min] of checks) {
          const least = smallest(words);
          if (least !== undefined && least.size < min - MEASURED_TO_PT)
            problems.push(
              `${where} page ${page.number} of ${pages.length}: smallest ${part} ${pt(least.size)} ("${least.text}"), below ${min} pt`
            );
        }
      }
      expect(problems).toEqual([]);
    });

    it('(b) has a footer ending "<reference> - page x of y" on every page, numbered within the sheet, with nothing printed over or below it', () => {
      const ending = `${printout.label} - page `;
      const footers = pages.map((page) => {
        const { footer, body } = parts(page, settings);
        if (footer === undefined) return `page ${page.number}: (no footer)`;
        const top = Math.min(...footer.map((word) => word.yMin));
        const over = body.filter((word) => word.yMax > top);
        const line = text(footer);
        const end = line.slice(line.lastIndexOf(ending));
        return `page ${page.number}: ${end}${over.length > 0 ? ` (and over or below it: "${text(over)}")` : ""}`;
      });
      const expected = pages.map(
        (page) => `page ${page.number}: ${ending}${page.number} of ${pages.length}`
      );
      expect(footers).toEqual(expected);
    });

    if (printout.headings === "tables whole")
      it("(c) begins every page after the first with a heading, never part-way through a table", () => {
        const firstLines = pages.slice(1).map((page) => {
          const [line] = strictLines(parts(page, settings).body);
          const words = (line ?? []).map((word) => word.text);
          const heading = settings.boldTexts.some((bold) => {
            const start = bold.split(/\s+/).slice(0, 2);
            return start.every((word, i) => words[i] === word);
          });
          return `page ${page.number}: ${heading ? "a heading" : `"${words.join(" ")}"`}`;
        });
        expect(firstLines).toEqual(pages.slice(1).map((page) => `page ${page.number}: a heading`));
      });

    if (printout.headings === "print titles if the table runs over pages")
      it("(c) declares print titles, or prints its table from heading to end on one page", () => {
        if (settings.printTitles !== undefined) return expectTitlesRepeated();
        const table = printout.table!;
        const heading = printedWords(table.heading);
        const onPage = pages.map((page) => {
          const words = printedWords(parts(page, settings).body.map((word) => word.text));
          const lines = page.lines.map((line) => line.text);
          return {
            heading: heading.every((word) => words.includes(word)),
            end: lines.some((line) => line.startsWith(table.end)),
          };
        });
        const pageOf = (part: "heading" | "end") =>
          onPage.findIndex((page) => page[part]) + 1 || "no page";
        expect([where, pageOf("heading")]).toEqual([where, pageOf("end")]);
        expect(pageOf("heading")).not.toBe("no page");
      });

    if (printout.headings === "print titles")
      it("(c) repeats its table's heading row at the top of every later page", () =>
        expectTitlesRepeated());

    function expectTitlesRepeated() {
      const titles = settings.printTitles;
      // A sheet with a table has its heading row as print titles...
      expect([where, titles === undefined ? "no print titles" : "print titles"]).toEqual([
        where,
        "print titles",
      ]);
      const heading = printedWords(titles ?? []).sort();
      const count = (words: readonly string[]) => {
        const counts = new Map<string, number>();
        for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
        return counts;
      };
      const holds = (words: readonly string[]) => {
        const have = count(words);
        return [...count(heading)].every(([word, n]) => (have.get(word) ?? 0) >= n);
      };
      const bodyWords = (page: PrintedPage) =>
        printedWords(parts(page, settings).body.map((word) => word.text));
      // ... printed where it is (the first page holding all its words) and again atop every later page.
      const first = pages.findIndex((page) => holds(bodyWords(page)));
      expect([where, first === -1 ? "heading row not printed" : "heading row printed"]).toEqual([
        where,
        "heading row printed",
      ]);
      const tops = pages.slice(first + 1).map((page) => {
        // The first words below the header, top to bottom, as many as the heading has.
        const top = [...parts(page, settings).body]
          .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
          .map((word) => word.text);
        return `page ${page.number}: ${printedWords(top).slice(0, heading.length).sort().join(" ")}`;
      });
      expect(tops).toEqual(
        pages.slice(first + 1).map((page) => `page ${page.number}: ${heading.join(" ")}`)
      );
    }

    const total = printout.totalIncVat;
    if (total !== undefined)
      it(`(d) shows the total including VAT (${total}) on page 1`, () => {
        const lines = pages[0]?.lines.map((line) => line.text) ?? [];
        // The internal quote's summary says "Total including VAT", the partner copy's "Total to pay
        // for access, including VAT".
        const found = lines.filter(
          (line) => line.includes("including VAT") && line.includes(total)
        );
        expect([
          where,
          found.length > 0 ? "on page 1" : `not on page 1 of ${pages.length}`,
        ]).toEqual([where, "on page 1"]);
      });
  }
);
