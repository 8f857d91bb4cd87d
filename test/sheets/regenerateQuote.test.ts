/**
 * Creating a partnership's quote again in Excel (office-addin-mock): its earlier quote and findings
 * sheets, found by the sheet-scoped names the generator writes, are superseded in place; a sheet
 * merely named like them, another partnership's, or one edited by hand is never lost.
 */
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { generateQuoteInExcel } from "../../src/addin/quoteInExcel";
import { REGISTER_SHEET_NAME } from "../../src/workbook/layouts/register/register";
import { writeQuoteWorkbook } from "../../src/workbook/xlsx/quoteWorkbook";
import { officeContentOf } from "../audit/officeWorkbook";
import { example } from "../document/fixtures";
import { createExcelMock, rebuildSheets, type OfficeCall } from "../support/officeMock";

const FIRST = new Date("2026-11-23T10:00:00Z");
const AGAIN = new Date("2026-12-01T09:30:00Z");
const doc = example("commercial-imaging-ai.json");
const other = example("academic-sde-study.json");
const QUOTE = `Quote ${doc.reference}`;
const FINDINGS = `Findings ${doc.reference}`;

type Content = Awaited<ReturnType<typeof officeContentOf>>["content"];

async function generatedContent(partnership: typeof doc): Promise<Content> {
  const quote = priceQuote(partnership);
  return (
    await officeContentOf(
      Buffer.from(
        await writeQuoteWorkbook(partnership, quote, checkPrinciples(partnership, quote), {
          generatedAt: FIRST,
        })
      )
    )
  ).content;
}

let mine: Content;
let theirs: Content;
beforeAll(async () => {
  [mine, theirs] = await Promise.all([generatedContent(doc), generatedContent(other)]);
});

/** A workbook holding `sheets` in this order, each from one of the generated contents or empty. */
function workbook(sheets: [name: string, from?: Content, as?: string][]): Content {
  const content: Content = {};
  for (const [name, from, as] of sheets) {
    const source = from?.[as ?? name];
    if (from && !source) throw new Error(`no sheet ${as ?? name} was generated`);
    // A renamed sheet's names follow it, as in Excel.
    const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'!`;
    content[name] = source
      ? structuredClone({
          ...source,
          names: (source.names ?? []).map((n) => ({
            ...n,
            formula: n.formula.split(quoted(as ?? name)).join(quoted(name)),
          })),
        })
      : {};
  }
  return content;
}

/** What was done to `sheet` other than reading it. */
const changes = (log: readonly OfficeCall[], sheet: string) =>
  log.filter(
    (op) =>
      op.path.startsWith(`ws[${sheet}]`) &&
      !(
        op.kind === "call" &&
        ["load", "getUsedRangeOrNullObject", "getRange"].includes(op.name) &&
        !op.path.includes(".names")
      ) &&
      !(op.kind === "call" && op.name === "load")
  );

/** The 0-based row and column of a cell of the generated quote sheet holding `text` in column A. */
function rowOf(content: Content, sheet: string, text: string): number {
  const used = content[sheet]!.used!;
  const r = used.values.findIndex((row) => row[0] === text);
  if (r < 0) throw new Error(`no row for ${text}`);
  return r;
}

describe("generateQuoteInExcel again for the same partnership", () => {
  it("the generated workbook holds the quote and findings sheets these tests start from", () => {
    expect(Object.keys(mine)).toEqual(expect.arrayContaining([QUOTE, FINDINGS]));
  });

  it("replaces the quote and findings sheets in their places, in 6 syncs, and adds no sheet", async () => {
    const before = ["Notes", QUOTE, "Data", FINDINGS];
    const mock = createExcelMock({
      content: workbook([["Notes"], [QUOTE, mine], ["Data"], [FINDINGS, mine]]),
    });
    const result = await generateQuoteInExcel(mock.run, doc, AGAIN);
    if (!result.ok) throw new Error("not generated");
    expect(result.sheetName).toBe(QUOTE);
    expect(result.findingsSheetName).toBe(FINDINGS);
    expect(result.superseded).toEqual([{ sheet: QUOTE }, { sheet: FINDINGS }]);
    // The register is new: the mock workbook has none.
    expect(mock.sheetNames()).toEqual([...before, REGISTER_SHEET_NAME]);
    // 1 sheets, 2 their names, 3 the marker cells, 4 the used ranges found, 5 write, 6 recalculate
    expect(mock.syncs()).toBe(6);
    expect(result.syncs).toBe(6);
    expect(mock.runs()).toBe(1);
    expect(mock.log.filter((op) => op.name === "delete").map((op) => op.path)).toEqual([
      `ws[${QUOTE}]`,
      `ws[${FINDINGS}]`,
    ]);
    // The new quote sheet carries the new date and the reference.
    const written = rebuildSheets(mock.log).get(QUOTE)!;
    expect([...written.cells.values()]).toContainEqual({ text: doc.reference });
    expect(changes(mock.log, "Notes")).toEqual([]);
    expect(changes(mock.log, "Data")).toEqual([]);
  });

  it("finds sheets the user renamed by their names, and keeps the user's sheet names", async () => {
    const mock = createExcelMock({
      content: workbook([
        ["Imaging price", mine, QUOTE],
        ["Checks", mine, FINDINGS],
      ]),
    });
    const result = await generateQuoteInExcel(mock.run, doc, AGAIN);
    expect(result.ok && result.sheetName).toBe("Imaging price");
    expect(result.ok && result.findingsSheetName).toBe("Checks");
    expect(result.ok && result.superseded).toEqual([
      { sheet: "Imaging price" },
      { sheet: "Checks" },
    ]);
    expect(mock.sheetNames()).toEqual(["Imaging price", "Checks", REGISTER_SHEET_NAME]);
    expect(rebuildSheets(mock.log).has("Imaging price")).toBe(true);
  });

  it("never touches another partnership's sheets, nor a sheet merely called like the quote", async () => {
    const otherQuote = `Quote ${other.reference}`;
    const otherFindings = `Findings ${other.reference}`;
    const mock = createExcelMock({
      content: workbook([
        [otherQuote, theirs],
        [otherFindings, theirs],
        [QUOTE], // the user's own sheet, without the generator's names
      ]),
    });
    const result = await generateQuoteInExcel(mock.run, doc, AGAIN);
    expect(result.ok && result.sheetName).toBe(`${QUOTE} (2)`);
    expect(result.ok && result.superseded).toEqual([]);
    for (const sheet of [otherQuote, otherFindings, QUOTE])
      expect(changes(mock.log, sheet)).toEqual([]);
    expect(mock.sheetNames()).toEqual([
      otherQuote,
      otherFindings,
      QUOTE,
      `${QUOTE} (2)`,
      FINDINGS,
      REGISTER_SHEET_NAME,
    ]);
    // 1 sheets, 2 their names, 3 the other partnership's marker cells, 4 write, 5 recalculate
    expect(mock.syncs()).toBe(5);
  });

  it("a workbook whose sheets carry no marker: one sync more than before, to read their names", async () => {
    const mock = createExcelMock({ sheets: ["Sheet1"] });
    const result = await generateQuoteInExcel(mock.run, doc, AGAIN);
    expect(result.ok && result.syncs).toBe(4);
    expect(mock.sheetNames()).toEqual(["Sheet1", QUOTE, FINDINGS, REGISTER_SHEET_NAME]);
  });

  it("keeps a quote sheet edited by hand as '(previous)', the new one in its place", async () => {
    const content = workbook([
      [QUOTE, mine],
      [FINDINGS, mine],
    ]);
    // A line's cost (column G) typed over: 12 days x £450.00 = £5,400.00 in the example.
    const used = content[QUOTE]!.used!;
    const r = rowOf(content, QUOTE, "svc-deid");
    expect(used.values[r]![6]).toBe(5400);
    used.values[r]![6] = 5500;
    used.formulas[r]![6] = 5500;
    const mock = createExcelMock({ content });
    const result = await generateQuoteInExcel(mock.run, doc, AGAIN);
    if (!result.ok) throw new Error("not generated");
    const previous = `${QUOTE} (previous)`;
    expect(result.sheetName).toBe(QUOTE);
    expect(result.superseded?.[0]).toEqual({
      sheet: QUOTE,
      kept: {
        name: previous,
        reason: expect.stringContaining(`G${used.rowIndex + r + 1}`),
      },
    });
    expect(result.superseded?.[1]).toEqual({ sheet: FINDINGS });
    expect(mock.sheetNames()).toEqual([QUOTE, previous, FINDINGS, REGISTER_SHEET_NAME]);
    // The edited sheet is renamed and kept; only the findings sheet it superseded is deleted. (The
    // new sheet has the same name, so the log cannot tell their other operations apart.)
    expect(mock.log).toContainEqual({
      path: `ws[${QUOTE}]`,
      kind: "set",
      name: "name",
      value: previous,
    });
    expect(mock.log.filter((op) => op.name === "delete").map((op) => op.path)).toEqual([
      `ws[${FINDINGS}]`,
    ]);
  });

  it("keeps a quote sheet with a note typed beside it, and a findings sheet with a note below", async () => {
    const content = workbook([
      [QUOTE, mine],
      [FINDINGS, mine],
    ]);
    const note = (sheet: string, rowBelow: number, column: number) => {
      const used = content[sheet]!.used!;
      while (used.values.length <= rowBelow) {
        used.values.push([]);
        used.formulas.push([]);
        used.valueTypes.push([]);
      }
      for (const grid of [used.values, used.formulas])
        grid[rowBelow]![column] = "Agreed with A. Partner";
      used.valueTypes[rowBelow]![column] = "String";
    };
    note(QUOTE, 2, 10); // K3 (the used range starts at A1), right of the printed quote
    const findingsRows = content[FINDINGS]!.used!.values.length;
    note(FINDINGS, findingsRows + 1, 0);
    const mock = createExcelMock({ content });
    const result = await generateQuoteInExcel(mock.run, doc, AGAIN);
    if (!result.ok) throw new Error("not generated");
    expect(content[QUOTE]!.used!.rowIndex).toBe(0);
    expect(result.superseded?.map((s) => s.kept?.name)).toEqual([
      `${QUOTE} (previous)`,
      `${FINDINGS} (previous)`,
    ]);
    expect(result.superseded?.[0]?.kept?.reason).toContain("K3");
    expect(mock.log.filter((op) => op.name === "delete")).toEqual([]);
  });

  it("the next time, the sheet generated last is replaced and the kept one left alone", async () => {
    const previous = `${QUOTE} (previous)`;
    const content = workbook([
      [QUOTE, mine],
      [previous, mine, QUOTE],
      [FINDINGS, mine],
    ]);
    const used = content[previous]!.used!;
    const r = rowOf(content, previous, "svc-deid");
    used.values[r]![6] = 5500;
    used.formulas[r]![6] = 5500;
    const mock = createExcelMock({ content });
    const result = await generateQuoteInExcel(mock.run, doc, AGAIN);
    expect(result.ok && result.superseded).toEqual([{ sheet: QUOTE }, { sheet: FINDINGS }]);
    expect(changes(mock.log, previous)).toEqual([]);
    expect(mock.sheetNames()).toEqual([QUOTE, previous, FINDINGS, REGISTER_SHEET_NAME]);
  });
});
