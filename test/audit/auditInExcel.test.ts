/**
 * The audit of the open workbook with office-addin-mock: the audited sheets receive nothing but
 * loads, the report is a new sheet whose link cells are native HYPERLINK formulas to the cells the
 * tampering changed, the syncs are counted, and a failure changes nothing and says why.
 */
import { auditOpenWorkbook } from "../../src/addin/auditInExcel";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { writeQuoteWorkbook } from "../../src/workbook/xlsx/quoteWorkbook";
import { example } from "../document/fixtures";
import { createExcelMock, rebuildSheets, type OfficeCall } from "../support/officeMock";
import { officeContentOf } from "./officeWorkbook";

const GENERATED_AT = new Date("2026-11-23T10:00:00Z");
const AUDITED_AT = new Date("2026-12-01T09:30:00Z");
const doc = example("commercial-imaging-ai.json");
const QUOTE = `Quote ${doc.reference}`;
const REPORT = `Audit - ${doc.reference}`;

let content: Awaited<ReturnType<typeof officeContentOf>>;
beforeAll(async () => {
  const quote = priceQuote(doc);
  content = await officeContentOf(
    Buffer.from(
      await writeQuoteWorkbook(doc, quote, checkPrinciples(doc, quote), {
        generatedAt: GENERATED_AT,
      })
    )
  );
});

/** Everything done to the audited sheets other than loading them. */
const touching = (log: readonly OfficeCall[], sheets: readonly string[]) =>
  log.filter(
    (op) =>
      sheets.some((sheet) => op.path.startsWith(`ws[${sheet}]`)) &&
      !(op.kind === "call" && ["load", "getUsedRangeOrNullObject"].includes(op.name))
  );

/** The row of the quote sheet whose column A holds `id`, read from the mock's arrays. */
function rowOf(id: string): number {
  const used = content.content[QUOTE]!.used!;
  const r = used.values.findIndex((row) => row[0] === id);
  if (r < 0) throw new Error(`no row for ${id}`);
  return used.rowIndex + r + 1;
}

describe("auditOpenWorkbook", () => {
  it("a line's cost typed over: the report sheet links to that cell, and the quote sheet is only read", async () => {
    const row = rowOf("svc-deid");
    const tampered = structuredClone(content);
    const used = tampered.content[QUOTE]!.used!;
    // 12 days x £450.00 = £5,400.00 in the example, typed over (column G) as 5500.
    expect(used.values[row - 1 - used.rowIndex]![6]).toBe(5400);
    used.values[row - 1 - used.rowIndex]![6] = 5500;
    used.formulas[row - 1 - used.rowIndex]![6] = 5500;
    const sheetsBefore = Object.keys(tampered.content);
    const mock = createExcelMock(tampered);

    const outcome = await auditOpenWorkbook(mock.run, AUDITED_AT);

    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.sheetName).toBe(REPORT);
    expect(outcome.syncs).toEqual({ read: 3, write: 3 });
    expect(mock.syncs()).toBe(6);
    expect(mock.runs()).toBe(2);
    expect(touching(mock.log, sheetsBefore)).toEqual([]);
    expect(mock.sheetNames()).toEqual([...sheetsBefore, REPORT]);
    // Every value, formula and format written went to the new sheet.
    const written = rebuildSheets(mock.log);
    expect([...written.keys()]).toEqual([REPORT]);

    const cells = written.get(REPORT)!.cells;
    const link = `HYPERLINK("#'${QUOTE}'!G${row}","'${QUOTE}'!G${row}")`;
    const linkCells = [...cells].filter(([, cell]) => "formula" in cell);
    expect(linkCells.map(([, cell]) => cell)).toContainEqual({ formula: link });
    // Only links are formulas on the report, and each names a cell of the audited sheet.
    for (const [, cell] of linkCells)
      expect((cell as { formula: string }).formula).toMatch(
        new RegExp(`^HYPERLINK\\("#'${QUOTE}'!\\$?[A-Z]+\\d+(:[A-Z]+\\d+)?","'${QUOTE}'!`)
      );
    const linkRow = [...cells]
      .find(([, cell]) => "formula" in cell && cell.formula === link)![0]
      .slice(1);
    expect(cells.get(`A${linkRow}`)).toEqual({ text: "ERROR" });
    // Replaced, and off by £100: one entry of the report (the cell's formula and its value), as the
    // report sheet counts it.
    expect(outcome.errors).toBe(1);
    expect(
      outcome.report.quotes[0]!.findings.filter((f) => f.cell === `G${row}`).map((f) => f.check)
    ).toEqual(["formula-replaced", "arithmetic"]);
  });

  it("a clean quote audited twice: the second report is a new sheet beside the first, nothing replaced", async () => {
    const mock = createExcelMock({ ...content, sheets: [REPORT] });
    const outcome = await auditOpenWorkbook(mock.run, AUDITED_AT);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.sheetName).toBe(`${REPORT} (2)`);
    expect(outcome.errors).toBe(0);
    expect(touching(mock.log, [QUOTE, REPORT])).toEqual([]);
  });

  it("Excel refuses the read (a cell being edited): no write at all, and a message saying so", async () => {
    const mock = createExcelMock(content);
    const refusing: typeof mock.run = async () => {
      throw new Error("InvalidOperationInCellEditMode");
    };
    const outcome = await auditOpenWorkbook(refusing, AUDITED_AT);
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^The audit could not read the workbook, and nothing was changed: InvalidOperationInCellEditMode\./
      ),
    });
    expect(mock.log).toEqual([]);
  });

  it("the report cannot be added: the message says so, and the audited sheet was still only read", async () => {
    const mock = createExcelMock(content);
    let runs = 0;
    const failingWrite: typeof mock.run = async (batch) => {
      runs += 1;
      if (runs === 2) throw new Error("The workbook is protected");
      return mock.run(batch);
    };
    const outcome = await auditOpenWorkbook(failingWrite, AUDITED_AT);
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringContaining(
        `could not add its report sheet "${REPORT}": The workbook is protected`
      ),
    });
    expect(touching(mock.log, [QUOTE])).toEqual([]);
    expect(rebuildSheets(mock.log).size).toBe(0);
  });
});
