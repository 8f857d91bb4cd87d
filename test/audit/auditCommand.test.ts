/**
 * The ribbon's Audit workbook command with office-addin-mock: it adds the report sheet and reads the
 * quote sheet only; the outcome reaches the task pane through the shared channel; a failure opens the
 * pane to show its message; the event is always completed; the handler is registered under the name
 * the manifest gives.
 */
import { latestAuditSummary, subscribeAuditSummary } from "../../src/addin/commands/auditOutcome";
import {
  auditWorkbook,
  registerCommands,
  runAuditCommand,
} from "../../src/addin/commands/commands";
import { checkPrinciples } from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import { writeQuoteWorkbook } from "../../src/workbook/xlsx/quoteWorkbook";
import { example } from "../document/fixtures";
import { createExcelMock, rebuildSheets } from "../support/officeMock";
import { officeContentOf } from "./officeWorkbook";

const AUDITED_AT = new Date("2026-12-01T09:30:00Z");
const doc = example("academic-sde-study.json");
const QUOTE = `Quote ${doc.reference}`;

let content: Awaited<ReturnType<typeof officeContentOf>>;
beforeAll(async () => {
  const quote = priceQuote(doc);
  content = await officeContentOf(
    Buffer.from(
      await writeQuoteWorkbook(doc, quote, checkPrinciples(doc, quote), {
        generatedAt: new Date("2026-11-23T10:00:00Z"),
        partner: true,
      })
    )
  );
});

const globals = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete globals["Office"];
  delete globals["Excel"];
  jest.restoreAllMocks();
});

describe("runAuditCommand", () => {
  it("adds the report sheet, publishes its summary, and leaves the pane closed", async () => {
    const mock = createExcelMock(content);
    const showTaskpane = jest.fn(async () => undefined);
    const heard: unknown[] = [];
    const stop = subscribeAuditSummary((summary) => heard.push(summary));
    const summary = await runAuditCommand({ run: mock.run, now: () => AUDITED_AT, showTaskpane });
    stop();
    expect(summary).toEqual({
      ok: true,
      at: "2026-12-01T09:30:00.000Z",
      origin: "ribbon",
      sheetName: `Audit - ${doc.reference}`,
      quotes: [{ sheet: QUOTE, reference: doc.reference }],
      errors: expect.any(Number),
      warnings: expect.any(Number),
      notes: expect.any(Number),
    });
    // The partner copy as generated has no error but the principles' own.
    const principleErrors = checkPrinciples(doc, priceQuote(doc)).filter(
      (f) => f.severity === "error"
    ).length;
    expect(summary.ok && summary.errors).toBe(principleErrors);
    expect(heard).toEqual([summary]);
    expect(latestAuditSummary()).toEqual(summary);
    expect(showTaskpane).not.toHaveBeenCalled();
    expect([...rebuildSheets(mock.log).keys()]).toEqual([`Audit - ${doc.reference}`]);
    expect(
      mock.log.filter(
        (op) =>
          op.path.startsWith(`ws[${QUOTE}]`) &&
          !(op.kind === "call" && ["load", "getUsedRangeOrNullObject"].includes(op.name))
      )
    ).toEqual([]);
  });

  it("a failure opens the task pane and publishes the message; nothing is written", async () => {
    const mock = createExcelMock(content);
    const failing: typeof mock.run = async () => {
      throw new Error("RichApi.Error: the workbook is busy");
    };
    const showTaskpane = jest.fn(async () => undefined);
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const summary = await runAuditCommand({ run: failing, now: () => AUDITED_AT, showTaskpane });
    expect(summary).toEqual({
      ok: false,
      at: "2026-12-01T09:30:00.000Z",
      origin: "ribbon",
      message: expect.stringContaining("nothing was changed: RichApi.Error: the workbook is busy"),
    });
    expect(latestAuditSummary()).toEqual(summary);
    expect(showTaskpane).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("the workbook is busy"));
    expect(mock.log).toEqual([]);
  });
});

describe("auditWorkbook, the ribbon handler", () => {
  it("runs the audit through Excel.run and completes the event", async () => {
    const mock = createExcelMock(content);
    globals["Excel"] = { run: mock.run };
    const showAsTaskpane = jest.fn(async () => undefined);
    globals["Office"] = { addin: { showAsTaskpane } };
    const completed = jest.fn();
    await auditWorkbook({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(mock.sheetNames()).toContain(`Audit - ${doc.reference}`);
    expect(mock.syncs()).toBe(6);
    expect(showAsTaskpane).not.toHaveBeenCalled();
  });

  it("completes the event and opens the pane when Excel is not there", async () => {
    const showAsTaskpane = jest.fn(async () => undefined);
    globals["Office"] = { addin: { showAsTaskpane } };
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    const completed = jest.fn();
    await auditWorkbook({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(latestAuditSummary()).toMatchObject({ ok: false, origin: "ribbon" });
  });

  it("is registered under the manifest's FunctionName, auditWorkbook", () => {
    const associate = jest.fn();
    globals["Office"] = { actions: { associate } };
    expect(registerCommands()).toBe(true);
    expect(associate).toHaveBeenCalledWith("auditWorkbook", auditWorkbook);
  });
});
