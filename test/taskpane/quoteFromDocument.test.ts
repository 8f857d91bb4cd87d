/**
 * The task pane's quote-from-a-document logic: a file's text to the problems or the quote summary the
 * pane shows, Excel detection, and creating the sheet as a message that never throws.
 */
import fs from "fs";
import path from "path";
import type { ExcelRun } from "../../src/sheets/officeWriter";
import {
  createQuoteSheet,
  describeQuoteResult,
  excelAvailable,
  issueText,
  quoteViewFromFile,
  quoteViewFromText,
  type GenerateQuoteInExcel,
  type QuoteView,
} from "../../src/taskpane/quoteFromDocument";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const read = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), "utf8");

function valid(view: QuoteView) {
  if (view.status !== "valid")
    throw new Error(`expected a valid view, got ${JSON.stringify(view)}`);
  return view;
}
function invalid(view: QuoteView) {
  if (view.status !== "invalid") throw new Error(`expected an invalid view, got ${view.status}`);
  return view;
}

describe("quoteViewFromText", () => {
  it("summarises the commercial imaging example at full cost", () => {
    const view = valid(
      quoteViewFromText(read("commercial-imaging-ai.json"), "commercial-imaging-ai.json")
    );
    // Lines at quantity x unit cost x 1.25 (on-costs) x 1.2 (overheads) = x 1.5, each to the penny:
    // 8,100 + 6,750 + 3,780 + 1,260.53 (840.35 x 1.5 = 1,260.525) + 4,650 + 675 + 25,488 + 24,975
    // = 75,678.53; plus 1,250,000 x 0.01 = 12,500 and 3,000,000 x 0.0035 = 10,500: 98,678.53.
    // VAT 98,678.53 x 0.2 = 19,735.706 -> 19,735.71; with VAT 118,414.24.
    expect(view.summary).toMatchObject({
      reference: "DP-2025-011",
      partner: "Radiant Vision AI Ltd",
      use: "Commercial",
      basis: "full cost",
      total: "£98,678.53",
      vatRate: "20%",
      vat: "£19,735.71",
      totalIncVat: "£118,414.24",
      findingCount: 0,
      findingGroups: [],
    });
    expect(view.json).toEqual(JSON.parse(read("commercial-imaging-ai.json")));
  });

  it("summarises non-commercial use at marginal cost, with its findings grouped by severity", () => {
    const view = valid(quoteViewFromText(read("academic-sde-study.json"), "academic.json"));
    expect(view.summary.use).toBe("Non-commercial");
    expect(view.summary.basis).toBe("marginal cost");
    expect(view.summary.findingCount).toBe(1);
    expect(view.summary.findingGroups).toHaveLength(1);
    expect(view.summary.findingGroups[0]).toMatchObject({ severity: "info", label: "Information" });
    expect(view.summary.findingGroups[0]?.findings[0]?.message).toMatch(/overhead rate of 20%/);
  });

  it("puts warnings before information and leaves out severities with no findings", () => {
    for (const name of fs.readdirSync(EXAMPLES).filter((file) => file.endsWith(".json"))) {
      const { summary } = valid(quoteViewFromText(read(name), name));
      const severities = summary.findingGroups.map((group) => group.severity);
      expect(["error", "warning", "info"].filter((s) => severities.includes(s as never))).toEqual(
        severities
      );
      expect(summary.findingGroups.every((group) => group.findings.length > 0)).toBe(true);
      expect(summary.findingGroups.flatMap((group) => group.findings)).toHaveLength(
        summary.findingCount
      );
    }
    const rwe = valid(quoteViewFromText(read("commercial-rwe-milestones.json"), "rwe.json"));
    expect(rwe.summary.findingGroups.map((group) => group.label)).toEqual(["Warnings"]);
  });

  it("lists every problem in bad-costs.json, with its path", () => {
    const view = invalid(
      quoteViewFromText(read(path.join("invalid", "bad-costs.json")), "bad-costs.json")
    );
    expect(view.issues).toHaveLength(15);
    expect(view.heading).toBe("15 problems in bad-costs.json");
    const lines = view.issues.map(issueText);
    expect(lines).toContain('costs.lines[1].unitCost: must be a number (got the text "112.50")');
    expect(lines).toContain("costs.overheadRate: is required");
    expect(lines).toContain("vatRate: is required");
  });

  it("reports text that is not JSON as one problem with the whole document", () => {
    const view = invalid(quoteViewFromText("{ not json", "notes.txt"));
    expect(view.heading).toBe("1 problem in notes.txt");
    expect(view.issues).toHaveLength(1);
    expect(view.issues[0]?.path).toBe("(document)");
    expect(view.issues[0]?.message).toMatch(/^is not valid JSON/);
    expect(invalid(quoteViewFromText("", "empty.json")).issues).toHaveLength(1);
  });

  it("reports a document that passes the schema but cannot be priced, naming the field", () => {
    const doc = JSON.parse(read("commercial-imaging-ai.json"));
    doc.costs.lines[0].unitCost = 1e12; // 12 days at a trillion pounds: far above what a quote carries
    const view = invalid(quoteViewFromText(JSON.stringify(doc), "huge.json"));
    expect(view.heading).toBe("1 problem in huge.json");
    expect(view.issues[0]?.path).toBe("costs.lines[0]");
  });

  it("accepts a file saved with a byte order mark", () => {
    const view = valid(quoteViewFromText(`\uFEFF${read("sme-subscription.json")}`, "sme.json"));
    expect(view.summary.reference).toBe(JSON.parse(read("sme-subscription.json")).reference);
  });
});

describe("quoteViewFromFile", () => {
  it("reads a File's text", async () => {
    const file = new Blob([read("commercial-imaging-ai.json")], { type: "application/json" });
    const view = valid(
      await quoteViewFromFile({ name: "commercial-imaging-ai.json", text: () => file.text() })
    );
    expect(view.fileName).toBe("commercial-imaging-ai.json");
    expect(view.summary.total).toBe("£98,678.53");
  });

  it("turns a file that cannot be read into a problem, not a rejection", async () => {
    const view = invalid(
      await quoteViewFromFile({
        name: "gone.json",
        text: () => Promise.reject(new Error("NotReadableError")),
      })
    );
    expect(view.issues.map(issueText)).toEqual(["(document): could not be read: NotReadableError"]);
  });
});

describe("excelAvailable", () => {
  const HostType = { Excel: "Excel", Word: "Word" };

  it("is true only with the Excel API loaded in Excel", () => {
    expect(excelAvailable({ Excel: {}, Office: { context: { host: "Excel" }, HostType } })).toBe(
      true
    );
    expect(excelAvailable({ Excel: {}, Office: { context: { host: "Word" }, HostType } })).toBe(
      false
    );
    expect(excelAvailable({ Office: { context: { host: "Excel" }, HostType } })).toBe(false);
    expect(excelAvailable({ Excel: {}, Office: { context: {}, HostType } })).toBe(false);
    expect(excelAvailable({ Excel: {}, Office: { HostType } })).toBe(false);
    expect(excelAvailable({})).toBe(false);
  });

  it("never throws, even when Office.context does", () => {
    const office = {
      HostType,
      get context(): never {
        throw new Error("Office.js has not been initialised");
      },
    };
    expect(excelAvailable({ Excel: {}, Office: office })).toBe(false);
  });

  it("is false in Node, where there is no Office", () => {
    expect(excelAvailable()).toBe(false);
  });
});

describe("creating the quote sheet", () => {
  const run: ExcelRun = () => Promise.reject(new Error("not called"));
  const AT = new Date("2026-11-22T09:00:00Z");

  it("names the new sheet and the register", async () => {
    const generate: GenerateQuoteInExcel = async (_run, json, at) => {
      expect(at).toBe(AT);
      expect(json).toEqual({ reference: "DP-1" });
      return {
        ok: true,
        sheetName: "Quote DP-1 (2)",
        registerSheetName: "NHSDP_Register",
        total: 1,
        findings: [],
        syncs: 3,
      };
    };
    await expect(createQuoteSheet(generate, run, { reference: "DP-1" }, AT)).resolves.toEqual({
      status: "success",
      message: "Added sheet “Quote DP-1 (2)” and a row in the register (NHSDP_Register).",
    });
  });

  it("reports an Office error instead of throwing", async () => {
    const generate: GenerateQuoteInExcel = () =>
      Promise.reject(new Error("The workbook is protected."));
    await expect(createQuoteSheet(generate, run, {}, AT)).resolves.toEqual({
      status: "error",
      message: "The quote sheet could not be created: The workbook is protected.",
      issues: [],
    });
    const throwsSynchronously: GenerateQuoteInExcel = () => {
      throw "Excel is busy";
    };
    await expect(createQuoteSheet(throwsSynchronously, run, {}, AT)).resolves.toMatchObject({
      status: "error",
      message: "The quote sheet could not be created: Excel is busy",
    });
  });

  it("passes on the problems of a document the writer refused", () => {
    const issues = [{ path: "vatRate", message: "is required" }];
    expect(describeQuoteResult({ ok: false, issues })).toEqual({
      status: "error",
      message: "1 problem in the document: nothing was written.",
      issues,
    });
  });
});
