/**
 * The yearly strategy review, downloaded from the pane, and in Excel through Excel.run.
 * The page and its helpers: ./support/pane.ts.
 */
import * as ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import {
  EXAMPLES,
  TEST_OUTPUT,
  inProtectedExcel,
  openTaskPane,
  choose,
  pressButton,
  axeViolations,
  snap,
} from "./support/pane";

describe("the strategy review", () => {
  const strategyFile = path.join(EXAMPLES, "strategies", "northvale-pricing-strategy.json");

  /** The study of academic-sde-study.json dated a year on, so the workspace has quotes in two years. */
  function studyIn2026(): string {
    const doc = JSON.parse(
      fs.readFileSync(path.join(EXAMPLES, "academic-sde-study.json"), "utf8")
    ) as { quote: Record<string, unknown> };
    Object.assign(doc.quote, { date: "2026-05-12", validUntil: "2026-07-31" });
    const file = path.join(TEST_OUTPUT, "academic-sde-study-2026.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    return file;
  }

  async function importStrategy(page: Page): Promise<void> {
    await page.getByRole("button", { name: "Import strategy…" }).waitFor();
    await page
      .locator('input[aria-label="Pricing strategy to import"]')
      .setInputFiles(strategyFile);
    await page.getByText(/^Using northvale-pricing-strategy\.json: R9X-DATA-PRICING/).waitFor();
  }

  it("downloads the review of the year chosen by keyboard: the workbook's sheet has that year's quotes", async () => {
    const { page, errors } = await openTaskPane();
    await importStrategy(page);
    const partnership = page.locator('input[aria-label="Partnership document to import"]');
    await partnership.setInputFiles(path.join(EXAMPLES, "commercial-imaging-ai.json"));
    await page.getByText("Imported commercial-imaging-ai.json.").waitFor();
    await partnership.setInputFiles(studyIn2026());
    await page.getByText("Imported academic-sde-study-2026.json.").waitFor();

    // The strategy's year (it took effect on 2025-04-01) and the years the quotes are dated in.
    const year = page.getByLabel("Financial year");
    expect(await year.locator("option").allTextContents()).toEqual([
      "2025/26, the strategy's year",
      "2026/27",
    ]);
    await choose(page, "Financial year", "2026/27");
    const download = page.waitForEvent("download");
    await pressButton(page, "Download strategy review");
    const file = await download;
    expect(file.suggestedFilename()).toBe("Strategy review R9X-DATA-PRICING 2026-27.xlsx");
    // Only the study is dated in 2026/27, and as a draft it recovers nothing yet.
    await page
      .getByText(
        /^Downloaded the strategy review, “Strategy review R9X-DATA-PRICING 2026-27\.xlsx”: 1 quote of 2026\/27; fixed costs £0\.00 recovered of £150,000\.00, capital costs £0\.00 recovered of £72,000\.00\./
      )
      .waitFor();

    const saved = path.join(TEST_OUTPUT, "strategy-review.xlsx");
    await file.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(saved) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Strategy review"]);
    const sheet = workbook.getWorksheet("Strategy review")!;
    expect(sheet.getCell("A1").value).toBe("Strategy review: R9X-DATA-PRICING revision 3, 2026/27");
    // The quotes table: reference in A, stage in D, fixed and capital recovered in J and K. The study's
    // recovery base is 29,112.00: fixed 12.5% = 3,639.00, capital 6% = 1,746.72 (worked by hand in
    // test/core/strategyReview.test.ts). The imaging quote, dated 2025/26, is not in the table.
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      const reference = row.getCell(1).value;
      if (typeof reference === "string" && /^DP-\d{4}-\d{3}$/.test(reference))
        rows.push([reference, row.getCell(4).value, row.getCell(10).value, row.getCell(11).value]);
    });
    expect(rows).toEqual([["DP-2025-007", "draft", 3639, 1746.72]]);

    expect(await axeViolations(page)).toEqual([]);
    await page.getByText(/^Downloaded the strategy review/).scrollIntoViewIfNeeded();
    await snap(page, "12-strategy-review");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("in Excel, Create strategy review reads the workbook through Excel.run and shows its error", async () => {
    const { page, errors } = await openTaskPane({ beforeLoad: inProtectedExcel });
    await page.getByText("Connected to Excel.", { exact: false }).waitFor();
    await importStrategy(page);
    await page.getByRole("button", { name: "Create strategy review" }).click();
    await page
      .getByText(
        /^The strategy review could not read the workbook, and nothing was changed: The workbook is protected \(test\)\./
      )
      .waitFor();
    expect(await page.getByRole("button", { name: "Download strategy review" }).count()).toBe(0);
    await snap(page, "13-strategy-review-excel-error");
    expect(errors).toEqual([]);
    await page.close();
  });
});
