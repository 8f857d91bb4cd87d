/**
 * The task pane's quote-from-a-document logic: a file's text to the problems or the quote summary the
 * pane shows, Excel detection, and creating the sheet as a message that never throws.
 */
import fs from "fs";
import path from "path";
import type { ExcelRun } from "../../src/addin/excelRun";
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
    // Full cost of the lines, on-costs on staff time only and no overhead on the pass-through SDE
    // accounts: 8,100 + 6,750 + 3,780 + 1,260.53 + 4,650 + 675 + 16,992 + 19,980 = 62,187.53;
    // recovery 62,187.53 x 12.5% = 7,773.44 and x 6% = 3,731.25: 73,692.22.
    // VAT 73,692.22 x 0.2 = 14,738.444 -> 14,738.44; with VAT 88,430.66.
    expect(view.summary).toMatchObject({
      reference: "DP-2025-011",
      partner: "Radiant Vision AI Ltd",
      use: "Commercial",
      basis: "full cost",
      total: "£73,692.22",
      vatRate: "20%",
      vat: "£14,738.44",
      totalIncVat: "£88,430.66",
      findingCount: 1,
    });
    // An issued quote whose royalty has no annual minimum.
    expect(view.summary.findingGroups).toHaveLength(1);
    expect(view.summary.findingGroups[0]).toMatchObject({ severity: "warning", label: "Warnings" });
    expect(view.summary.findingGroups[0]?.findings[0]?.field).toBe(
      "valueSharing.royalty.annualMinimum"
    );
    expect(view.json).toEqual(JSON.parse(read("commercial-imaging-ai.json")));
  });

  it("summarises non-commercial use at marginal cost, with its findings grouped by severity", () => {
    const view = valid(quoteViewFromText(read("academic-sde-study.json"), "academic.json"));
    // Marginal cost 29,112.00 + 12.5% = 3,639.00 + 6% = 1,746.72: 34,497.72; VAT 6,899.544 -> 6,899.54.
    expect(view.summary).toMatchObject({
      use: "Non-commercial",
      basis: "marginal cost",
      total: "£34,497.72",
      vat: "£6,899.54",
      totalIncVat: "£41,397.26",
      findingCount: 1,
      priceChange: [],
    });
    expect(view.summary.findingGroups).toHaveLength(1);
    expect(view.summary.findingGroups[0]).toMatchObject({ severity: "info", label: "Information" });
    expect(view.summary.findingGroups[0]?.findings[0]?.message).toMatch(/overhead rate of 20%/);
  });

  it("prices a version-1 document as version 2", () => {
    const view = valid(
      quoteViewFromText(read(path.join("v1", "commercial-imaging-ai.json")), "v1.json")
    );
    // Version 1 charged £98,678.53; read as version 2 the non-staff lines lose their on-costs and
    // the recovery becomes a rate of the full cost: 65,585.93 + 10,834.80 + 9,096.77 = 85,517.50.
    expect(view.summary.total).toBe("£85,517.50");
    // ...and says so, line by line: 36 x £472 and 9 x £1,850 lose 25% on-costs, times 1.2 overhead.
    expect(view.summary.priceChange[0]).toMatch(
      /version-1 document, read as version 2\. Its price changes from £98,678\.53 to £85,517\.50 ex VAT \(-£13,161\.03\)/
    );
    expect(view.summary.priceChange.join("\n")).toMatch(/dao-accounts: .*\(-£5,097\.60\)/);
    expect(view.summary.priceChange.join("\n")).toMatch(/dao-compute: .*\(-£4,995\.00\)/);
    // The upgrade names no pricing strategy and records supplier due diligence as not started.
    expect(
      view.summary.findingGroups.flatMap((group) => group.findings.map((f) => f.field))
    ).toEqual(
      expect.arrayContaining(["pricing.strategy", "informationGovernance.supplierDueDiligence"])
    );
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
    expect(rwe.summary.findingGroups.map((group) => group.label)).toEqual(["Information"]);
    const sme = valid(quoteViewFromText(read("sme-subscription.json"), "sme.json"));
    expect(sme.summary.findingGroups.map((group) => group.label)).toEqual([
      "Warnings",
      "Information",
    ]);
  });

  it("lists every problem in bad-costs.json, with its path", () => {
    const view = invalid(
      quoteViewFromText(read(path.join("invalid", "bad-costs.json")), "bad-costs.json")
    );
    expect(view.issues).toHaveLength(15);
    expect(view.heading).toBe("15 problems in bad-costs.json");
    const lines = view.issues.map(issueText);
    expect(lines).toContain('costs.lines[1].unitCost: must be a number (got the text "112.50")');
    expect(lines).toContain("pricing.overheadRate: is required");
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
    expect(view.summary.total).toBe("£73,692.22");
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
      message: "Added sheet “Quote DP-1 (2)” and its row in the register (NHSDP_Register).",
    });
  });

  it("says when it updated a quote, and which edited sheets it kept", async () => {
    const generate: GenerateQuoteInExcel = async () => ({
      ok: true,
      sheetName: "Quote DP-1",
      registerSheetName: "Register",
      superseded: [
        { sheet: "Quote DP-1" },
        {
          sheet: "Findings DP-1",
          kept: { name: "Findings DP-1 (previous)", reason: "edited by hand" },
        },
      ],
      total: 1,
      findings: [],
      syncs: 6,
    });
    await expect(createQuoteSheet(generate, run, {}, AT)).resolves.toEqual({
      status: "warning",
      message:
        "Updated the quote “Quote DP-1” and its row in the register (Register). Your edited sheets are kept as “Findings DP-1 (previous)” (edited by hand).",
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
