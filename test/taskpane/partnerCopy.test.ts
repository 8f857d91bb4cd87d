/**
 * "Export partner copy" in the task pane: the copy made by the real .xlsx writer, handed over as a new
 * Excel workbook (base64, as Excel.createWorkbook takes it) or as a download, and every outcome a
 * message, never an exception.
 */
import * as ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { partnerCopyFileName, partnerCopyFromDocument } from "../../src/workbook/xlsx/partnerCopy";
import { deliverWorkbook, toBase64, type DeliveryTarget } from "../../src/addin/deliverWorkbook";
import { exportWorkbook, type WritePartnerCopy } from "../../src/taskpane/quoteFromDocument";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const imaging = () =>
  JSON.parse(fs.readFileSync(path.join(EXAMPLES, "commercial-imaging-ai.json"), "utf8")) as Record<
    string,
    unknown
  >;
// While the imaging example (issued, valid until 29 August 2025) is still valid.
const AT = new Date("2025-07-15T10:00:00Z");

/** What the pane's "Export partner copy" does: exportWorkbook, the copy named "partner copy". */
const exportPartnerCopy = (
  write: WritePartnerCopy,
  json: unknown,
  generatedAt: Date,
  target: DeliveryTarget
) => exportWorkbook(write, json, generatedAt, target, "partner copy");

async function sheetsOf(bytes: Uint8Array): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => sheet.name);
}

describe("exportWorkbook: the partner copy", () => {
  it("opens the partner copy as a new workbook in Excel: the quote sheet alone", async () => {
    const opened: string[] = [];
    const outcome = await exportPartnerCopy(partnerCopyFromDocument, imaging(), AT, {
      openInExcel: async (base64) => {
        opened.push(base64);
      },
      download: () => {
        throw new Error("no download in Excel");
      },
    });
    expect(outcome).toEqual({
      status: "success",
      message:
        "The partner copy opened as a new workbook: save it as “Quote DP-2025-011.xlsx” and send it.",
    });
    expect(opened).toHaveLength(1);
    expect(await sheetsOf(Buffer.from(opened[0]!, "base64"))).toEqual([
      "Quote DP-2025-011",
      "NHSDP record",
    ]);
  });

  it("downloads it outside Excel", async () => {
    const downloads: { bytes: Uint8Array; name: string }[] = [];
    const outcome = await exportPartnerCopy(partnerCopyFromDocument, imaging(), AT, {
      download: (bytes, name) => downloads.push({ bytes, name }),
    });
    expect(outcome).toEqual({
      status: "success",
      message: "Downloaded the partner copy, “Quote DP-2025-011.xlsx”.",
    });
    expect(await sheetsOf(downloads[0]!.bytes)).toEqual(["Quote DP-2025-011", "NHSDP record"]);
  });

  it("says when the copy is marked DRAFT, and why", async () => {
    // Exclusivity is an ERROR finding (DHSC principle 3) once the quote is issued.
    const outcome = await exportPartnerCopy(
      partnerCopyFromDocument,
      { ...imaging(), exclusivityRequested: true },
      AT,
      { download: () => undefined }
    );
    expect(outcome.status).toBe("warning");
    expect(outcome.message).toMatch(
      /^Downloaded the partner copy, “Quote DP-2025-011\.xlsx”\. It is marked DRAFT: correct the (\d+ )?error findings? before sending it\.$/
    );
  });

  it("makes nothing from an invalid document, and lists its problems", async () => {
    let delivered = false;
    const outcome = await exportPartnerCopy(
      partnerCopyFromDocument,
      { ...imaging(), vatRate: "20%" },
      AT,
      { download: () => (delivered = true) }
    );
    expect(outcome.status).toBe("error");
    expect(outcome.status === "error" && outcome.issues.map((issue) => issue.path)).toEqual([
      "vatRate",
    ]);
    expect(outcome.message).toMatch(/no partner copy was made\.$/);
    expect(delivered).toBe(false);
  });

  it("turns a failure to open the workbook into a message", async () => {
    const outcome = await exportPartnerCopy(partnerCopyFromDocument, imaging(), AT, {
      openInExcel: () => Promise.reject(new Error("This workbook could not be opened (test).")),
      download: () => undefined,
    });
    expect(outcome).toEqual({
      status: "error",
      message: "The partner copy could not be made: This workbook could not be opened (test).",
      issues: [],
    });
  });
});

describe("delivery helpers", () => {
  it("encodes base64 as Node does, across the chunk boundary", () => {
    const bytes = Uint8Array.from({ length: 0x8000 * 2 + 7 }, (_, i) => (i * 37) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(toBase64(new Uint8Array(0))).toBe("");
  });

  it("downloads when Excel cannot open a new workbook", async () => {
    const names: string[] = [];
    expect(
      await deliverWorkbook(new Uint8Array([1]), "q.xlsx", { download: (_, n) => names.push(n) })
    ).toBe("download");
    expect(names).toEqual(["q.xlsx"]);
  });

  it("names the file after the reference, without characters a file name cannot have", () => {
    expect(partnerCopyFileName("DP-2025-011")).toBe("Quote DP-2025-011.xlsx");
    expect(partnerCopyFileName('DP/2025:011*"x"')).toBe("Quote DP-2025-011--x-.xlsx");
    expect(partnerCopyFileName(" / ")).toBe("Quote -.xlsx");
  });
});
