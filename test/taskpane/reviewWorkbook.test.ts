/**
 * The strategy review from the pane (src/addin/reviewWorkbook.ts): which documents it reviews (the
 * workspace's, and in Excel the open workbook's quote sheets, the workspace winning on a shared
 * reference; an invalid draft left out and named), the sheet it adds in Excel through the recording
 * Office.js mock, and the workbook it writes outside Excel.
 *
 * The figures are Northvale's examples, worked by hand in test/core/strategyReview.test.ts and
 * test/core/quote.test.ts, under the strategy's 12.5% fixed and 6% capital recovery rates:
 *   academic-sde-study.json    DP-2025-007, non-commercial, draft,  recovery base 29,112.00:
 *                              fixed 29,112.00 x 0.125 = 3,639.00; capital x 0.06 = 1,746.72
 *   commercial-imaging-ai.json DP-2025-011, commercial, issued, recovery base 62,187.53:
 *                              fixed x 0.125 = 7,773.44125 -> 7,773.44; capital x 0.06 = 3,731.2518
 *                              -> 3,731.25
 * The fixed pool is 150,000.00, the capital pool 61,500 + 3.5% x 300,000 = 72,000.00.
 * Every total on the sheet is a formula over its quotes table (checked against the core by a
 * spreadsheet engine in reviewWorkbook.engines.test.ts); here, the table's rows are what is checked.
 */
import * as ExcelJS from "exceljs";
import {
  createReviewSheetInExcel,
  reviewWorkbookFromWorkspace,
  workbookDocuments,
  workspaceDocuments,
  type ReviewRequest,
  type WorkspaceDraft,
} from "../../src/addin/reviewWorkbook";
import { readOpenWorkbook } from "../../src/audit/officeReader";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import type { Partnership } from "../../src/document/schema";
import { writeQuoteWorkbook } from "../../src/workbook/xlsx/quoteWorkbook";
import { officeContentOf } from "../audit/officeWorkbook";
import { exampleStrategy, readJson, valid } from "../document/fixtures";
import { createExcelMock, rebuildSheets, type OfficeCall } from "../support/officeMock";

const GENERATED_AT = new Date("2026-04-30T10:00:00Z");
const strategy = exampleStrategy("R9X");

type Json = Record<string, unknown> & { quote: Record<string, unknown> };
const academic = () => readJson("academic-sde-study.json") as Json;
const imaging = () => readJson("commercial-imaging-ai.json") as Json;

/** The study accepted: a valid document whose recoveries now count as realised. */
function academicAccepted(): Json {
  const doc = academic();
  Object.assign(doc.quote, { stage: "accepted", issuedOn: "2025-05-12", acceptedOn: "2025-06-01" });
  return doc;
}

/**
 * A half-finished edit: the stage set to "accepted" without the dates that stage needs. The schema
 * asks for issuedOn and acceptedOn once accepted (validUntil and paymentTermsDays are there): two
 * problems.
 */
function broken(): Json {
  const doc = academic();
  doc.reference = "DP-BROKEN";
  doc.quote.stage = "accepted";
  return doc;
}

const draft = (document: unknown, updatedAt = "2026-04-01T09:00:00.000Z"): WorkspaceDraft => ({
  document,
  updatedAt,
});

const request = (partnerships: WorkspaceDraft[], year?: string): ReviewRequest => ({
  strategy,
  partnerships,
  ...(year === undefined ? {} : { year }),
  generatedAt: GENERATED_AT,
});

describe("the workspace's documents", () => {
  it("an invalid draft is left out and named with its number of problems", () => {
    // The count is the schema's, shown to be the two dates the stage needs.
    const parsed = workspaceDocuments([draft(broken())]);
    expect(parsed.docs).toEqual([]);
    expect(parsed.leftOut).toEqual(["DP-BROKEN, not a valid document (2 problems)"]);
  });

  it("a draft with no reference is named by its place in the list", () => {
    expect(
      workspaceDocuments([draft(imaging()), draft({ format: "nhsdp.partnership" })]).leftOut
    ).toEqual([
      expect.stringMatching(
        /^partnership 2 \(no reference\), not a valid document \(\d+ problems?\)$/
      ),
    ]);
  });

  it("two copies of one reference count once: the one updated last", () => {
    const older = draft(academic(), "2026-04-01T09:00:00.000Z");
    const newer = draft(academicAccepted(), "2026-04-02T09:00:00.000Z");
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const found = workspaceDocuments(order);
      expect(found.docs.map((doc) => [doc.reference, doc.quote.stage])).toEqual([
        ["DP-2025-007", "accepted"],
      ]);
      expect(found.leftOut).toEqual(["DP-2025-007, an earlier copy in the workspace"]);
    }
  });
});

/** The quote workbook of `doc` (the quote sheet, its findings and the register) as Excel loads it. */
async function quoteContent(doc: Partnership) {
  const quote = priceQuote(doc);
  return officeContentOf(
    await writeQuoteWorkbook(doc, quote, checkPrinciples(doc, quote), {
      generatedAt: new Date("2025-06-02T09:00:00Z"),
    })
  );
}

/** The rows of the review's quotes table: reference -> [stage, fixed recovered, capital recovered]. */
function tableRows(cell: (address: string) => unknown): Record<string, unknown[]> {
  const rows: Record<string, unknown[]> = {};
  for (let row = 1; row < 200; row++) {
    const reference = cell(`A${row}`);
    if (typeof reference === "string" && /^DP-\d{4}-\d{3}$/.test(reference))
      rows[reference] = [cell(`D${row}`), cell(`J${row}`), cell(`K${row}`)];
  }
  return rows;
}

/** Everything done to the workbook's own sheets other than loading them. */
const touching = (log: readonly OfficeCall[], sheets: readonly string[]) =>
  log.filter(
    (op) =>
      sheets.some((sheet) => op.path.startsWith(`ws[${sheet}]`)) &&
      !(op.kind === "call" && ["load", "getUsedRangeOrNullObject"].includes(op.name))
  );

describe("in Excel: the workspace and the open workbook's quote sheets", () => {
  let study: Awaited<ReturnType<typeof quoteContent>>;
  let vision: Awaited<ReturnType<typeof quoteContent>>;
  beforeAll(async () => {
    study = await quoteContent(valid(academic()));
    vision = await quoteContent(valid(imaging()));
  });

  /** Both examples' quote sheets (and their findings sheets) in one workbook. */
  const bothQuotes = () => ({
    content: { ...study.content, ...vision.content },
    workbookNames: [],
  });

  it("the workspace's copy wins on a shared reference, an invalid draft is named, the sheet is added", async () => {
    const mock = createExcelMock(bothQuotes());
    const before = mock.sheetNames();
    // The workspace has the study accepted; the quote sheet still says draft.
    const outcome = await createReviewSheetInExcel(
      mock.run,
      request([draft(academicAccepted()), draft(broken())])
    );
    if (!outcome.ok) throw new Error(outcome.message);

    expect(outcome.sources).toEqual({ workspace: 1, workbook: 1, both: 1 });
    expect(outcome.leftOut).toEqual(["DP-BROKEN, not a valid document (2 problems)"]);
    // Accepted (workspace) and issued (quote sheet) both count: 3,639.00 + 7,773.44 = 11,412.44 and
    // 1,746.72 + 3,731.25 = 5,477.97. Had the quote sheet's draft won, fixed would be 7,773.44.
    expect(outcome.headline).toBe(
      "2 quotes of 2025/26; fixed costs £11,412.44 recovered of £150,000.00, capital costs £5,477.97 recovered of £72,000.00"
    );
    expect(outcome.detail).toBe(
      "Reviewed 1 partnership from the workspace (1 also on a quote sheet, reviewed as the workspace has it) and 1 partnership from the workbook's quote sheets. Left out: DP-BROKEN, not a valid document (2 problems)."
    );

    expect(outcome.sheetName).toBe("Strategy review");
    expect(mock.sheetNames()).toEqual([...before, "Strategy review"]);
    expect(touching(mock.log, before)).toEqual([]);
    // Read in three syncs (names, sheet names, the quote sheets' cells); written in three.
    expect(outcome.syncs).toEqual({ read: 3, write: 3 });
    expect(mock.runs()).toBe(2);

    const written = rebuildSheets(mock.log);
    expect([...written.keys()]).toEqual(["Strategy review"]);
    const cells = written.get("Strategy review")!.cells;
    const value = (address: string) => {
      const cell = cells.get(address);
      return cell === undefined
        ? undefined
        : "text" in cell
          ? cell.text
          : "number" in cell
            ? cell.number
            : cell;
    };
    expect(tableRows(value)).toEqual({
      "DP-2025-007": ["accepted", 3639, 1746.72],
      "DP-2025-011": ["issued", 7773.44, 3731.25],
    });
    expect(value("A1")).toBe("Strategy review: R9X-DATA-PRICING revision 3, 2025/26");
  });

  it("a second review is added beside the first, never over it", async () => {
    const mock = createExcelMock({ ...bothQuotes(), sheets: ["Strategy review"] });
    const outcome = await createReviewSheetInExcel(mock.run, request([]));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.sheetName).toBe("Strategy review (2)");
    expect(outcome.sources).toEqual({ workspace: 0, workbook: 2, both: 0 });
    expect(touching(mock.log, ["Strategy review"])).toEqual([]);
  });

  it("Excel refuses the read: nothing is written, and the message says why", async () => {
    const mock = createExcelMock(bothQuotes());
    const outcome = await createReviewSheetInExcel(
      async () => {
        throw new Error("InvalidOperationInCellEditMode");
      },
      request([draft(imaging())])
    );
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^The strategy review could not read the workbook, and nothing was changed: InvalidOperationInCellEditMode\./
      ),
    });
    expect(mock.log).toEqual([]);
  });

  it("the sheet cannot be added: a message, not an exception", async () => {
    const mock = createExcelMock(bothQuotes());
    let runs = 0;
    const failingWrite: typeof mock.run = async (batch) => {
      runs += 1;
      // Office's messages end with a full stop of their own: one, not two, in the outcome.
      if (runs === 2) throw new Error("The workbook is protected.");
      return mock.run(batch);
    };
    const outcome = await createReviewSheetInExcel(failingWrite, request([]));
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringContaining(
        "The strategy review sheet could not be added: The workbook is protected. The workbook's"
      ),
    });
    expect(rebuildSheets(mock.log).size).toBe(0);
  });

  it("a quote kept as “(previous)” gives way to the partnership's current quote sheet", async () => {
    // The imaging quote's earlier sheet, still a draft, renamed as supersede.ts keeps an edited one,
    // and first in the tab order: taking the first sheet would review the draft.
    const draftEarlier = valid({
      ...imaging(),
      quote: { stage: "draft", date: "2025-06-02", validUntil: "2025-08-29", paymentTermsDays: 30 },
    });
    const old = await quoteContent(draftEarlier);
    const from = "Quote DP-2025-011";
    const to = `${from} (previous)`;
    const sheet = old.content[from]!;
    const renamed = {
      names: sheet.names!.map((name) => ({
        name: name.name,
        formula: name.formula.split(`'${from}'!`).join(`'${to}'!`),
      })),
      used: sheet.used!,
    };
    const mock = createExcelMock({
      content: { [to]: renamed, [from]: vision.content[from]! },
      workbookNames: [],
    });
    const read = await mock.run((context) => readOpenWorkbook(context));
    // Both are quote sheets of DP-2025-011 as the reader sees them.
    const found = workbookDocuments(read.workbook);
    expect(found.docs.map((doc) => [doc.reference, doc.quote.stage])).toEqual([
      ["DP-2025-011", "issued"],
    ]);
    expect(found.leftOut).toEqual([]);
  });
});

describe("outside Excel: the workbook downloaded", () => {
  async function sheetOf(bytes: Uint8Array) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  }

  it("reviews the workspace's documents, in the strategy's year by default", async () => {
    const outcome = await reviewWorkbookFromWorkspace(
      request([draft(academic()), draft(imaging()), draft(broken())])
    );
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.fileName).toBe("Strategy review R9X-DATA-PRICING 2025-26.xlsx");
    expect(outcome.errors).toBe(0);
    expect(outcome.headline).toBe(
      "2 quotes of 2025/26; fixed costs £7,773.44 recovered of £150,000.00, capital costs £3,731.25 recovered of £72,000.00"
    );
    expect(outcome.detail).toBe(
      "Reviewed 2 partnerships from the workspace. Left out: DP-BROKEN, not a valid document (2 problems)."
    );
    const workbook = await sheetOf(outcome.bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Strategy review"]);
    const sheet = workbook.getWorksheet("Strategy review")!;
    expect(tableRows((address) => sheet.getCell(address).value)).toEqual({
      "DP-2025-007": ["draft", 3639, 1746.72],
      "DP-2025-011": ["issued", 7773.44, 3731.25],
    });
  });

  it("the year chosen: only the quotes dated in it, and the year in the file's name", async () => {
    const later = academic();
    later.quote.date = "2026-05-12";
    later.quote.validUntil = "2026-07-31";
    const outcome = await reviewWorkbookFromWorkspace(
      request([draft(later), draft(imaging())], "2026/27")
    );
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.fileName).toBe("Strategy review R9X-DATA-PRICING 2026-27.xlsx");
    // The draft's recoveries are not realised: nothing recovered in 2026/27.
    expect(outcome.headline).toBe(
      "1 quote of 2026/27; fixed costs £0.00 recovered of £150,000.00, capital costs £0.00 recovered of £72,000.00"
    );
    expect(outcome.detail).toBe(
      "Reviewed 2 partnerships from the workspace. Not in the year's review: 1 dated outside 2026/27."
    );
    const sheet = (await sheetOf(outcome.bytes)).getWorksheet("Strategy review")!;
    expect(sheet.getCell("A1").value).toBe("Strategy review: R9X-DATA-PRICING revision 3, 2026/27");
    expect(tableRows((address) => sheet.getCell(address).value)).toEqual({
      "DP-2025-007": ["draft", 3639, 1746.72],
    });
  });

  it("a year that is not one: a message, no exception", async () => {
    const outcome = await reviewWorkbookFromWorkspace(request([draft(imaging())], "2025/27"));
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringMatching(/^The strategy review could not be made: .*2025\/27/),
    });
  });
});
