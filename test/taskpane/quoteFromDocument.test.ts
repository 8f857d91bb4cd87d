/**
 * The task pane's quote logic: Excel detection, and creating the sheet as a message that never throws.
 */
import type { ExcelRun } from "../../src/addin/excelRun";
import {
  createQuoteSheet,
  describeQuoteResult,
  excelAvailable,
  type GenerateQuoteInExcel,
} from "../../src/taskpane/quoteFromDocument";

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
