/**
 * A finance officer builds a partnership by keyboard alone, in the light and dark themes, and downloads its quote.
 * The page and its helpers: ./support/pane.ts.
 */
import * as ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import {
  EXAMPLES,
  TEST_OUTPUT,
  inProtectedExcel,
  openTaskPane,
  tabTo,
  typeInto,
  typeHere,
  choose,
  pressButton,
  selectStep,
  axeViolations,
  snap,
  shownPounds,
  liveTotal,
  replaceHere,
  replaceInto,
  focusedName,
  focusedOn,
  type OpenPane,
  chooseDocumentToImport,
} from "./support/pane";

describe.each(["light", "dark"] as const)(
  "building a partnership by keyboard alone (%s theme)",
  (theme) => {
    let pane: OpenPane;
    const axeByStep: Record<string, string[]> = {};

    beforeAll(async () => {
      pane = await openTaskPane({ theme });
    });
    afterAll(async () => {
      await pane.page.close();
    });

    it("builds a commercial partnership step by step, and the live total is the one worked by hand", async () => {
      const { page } = pane;
      await page.getByRole("button", { name: "New partnership" }).waitFor();
      axeByStep["empty"] = await axeViolations(page);
      await pressButton(page, "New partnership");
      await page.getByRole("tab", { name: "Partnership" }).waitFor();
      await snap(page, `${theme}-01-new`);

      // Partnership: who, what, and how the data is used.
      await typeInto(page, "Trust name", "Northvale Teaching Hospitals NHS Foundation Trust");
      await typeInto(page, "ODS code", "R9X");
      await typeInto(page, "Partner organisation", "Radiant Vision AI Ltd");
      await choose(page, "Organisation type", "Large company");
      await choose(page, "Type of partnership", "Type 2: access to data and staff expertise");
      await typeInto(page, "Purpose", "Train and validate a chest X-ray triage model");
      await choose(page, "Use of the data", "Commercial");
      await choose(page, "Access route", "Secure data environment (SDE)");
      await choose(page, "Foreground IP owner", "Partner");
      await typeInto(page, "VAT rate", "20");
      axeByStep["partnership"] = await axeViolations(page);
      await snap(page, `${theme}-02-partnership`);
      await pressButton(page, "Next: Data and value");

      // Data and value: one asset, its characteristics left low.
      await pressButton(page, "Add data asset");
      await typeHere(page, "Name", "Chest X-ray archive 2015-2024");
      await typeInto(page, "Description", "De-identified chest radiographs with reports");
      await choose(page, "Intended use", "Training and validating an ML/AI model");
      axeByStep["data"] = await axeViolations(page);
      await snap(page, `${theme}-03-data`);
      await pressButton(page, "Next: Costs");

      // Costs: the strategy's rates, a staff-time line and a pass-through line.
      await typeInto(page, "Staff on-costs", "25");
      await typeInto(page, "Overheads", "20");
      await typeInto(page, "Fixed cost recovery", "10");
      await typeInto(page, "Capital cost recovery", "5");
      // Adding an item takes the keyboard to its first control.
      await pressButton(page, "Add cost line");
      await typeHere(page, "Description", "Image de-identification");
      await typeInto(page, "Quantity", "10");
      await typeInto(page, "Unit cost", "450");
      await pressButton(page, "Add cost line");
      await typeHere(page, "Description", "SDE user accounts");
      await choose(page, "Category", "Data access: other variable costs");
      await typeInto(page, "Quantity", "12");
      await tabTo(page, "Unit");
      await page.keyboard.press("Control+A");
      await page.keyboard.type("user-month");
      await typeInto(page, "Unit cost", "472");
      await tabTo(page, "Pass-through charge (no overheads)");
      await page.keyboard.press("Space");
      axeByStep["costs"] = await axeViolations(page);
      await snap(page, `${theme}-04-costs`);

      // Line 1, staff time: 10 x £450 = £4,500; marginal x 1.25 = £5,625; full x 1.20 = £6,750.
      // Line 2, pass-through: 12 x £472 = £5,664, no on-costs, no overheads: £5,664 full.
      // Commercial: full cost £12,414; fixed 10% £1,241.40; capital 5% £620.70; total £14,276.10.
      await page.getByTestId("live-total").waitFor();
      expect(await liveTotal(page)).toBe("£14,276.10");
      await pressButton(page, "Next: Value sharing");

      // Value sharing: a fixed payment, so the commercial partner shares in the value.
      // Adding a mechanism takes the keyboard to its first control.
      await pressButton(page, "Add fixed payment");
      await replaceHere(page, "Amount", "25000");
      axeByStep["value-sharing"] = await axeViolations(page);
      await snap(page, `${theme}-05-value-sharing`);
      await pressButton(page, "Next: Scenarios");
      await pressButton(page, "Add scenarios");
      await page.getByTestId("scenario-comparison").waitFor();
      axeByStep["scenarios"] = await axeViolations(page);
      await snap(page, `${theme}-05b-scenarios`);
      await pressButton(page, "Next: Review");

      const review = page.getByRole("region", { name: /^Priced at full cost/ });
      await review.waitFor();
      const costLines = review.getByRole("table", { name: "Cost lines" });
      expect(await costLines.innerText()).toMatch(
        /Image de-identification\s+£4,500\.00\s+£5,625\.00\s+£6,750\.00/
      );
      // Each line's name on a row of its own, its figures beneath: the three columns fit the pane.
      expect(
        await costLines.evaluate((table) => table.scrollWidth <= table.parentElement!.clientWidth)
      ).toBe(true);
      axeByStep["review"] = await axeViolations(page);
      await snap(page, `${theme}-06-review`);
      for (const [step, violations] of Object.entries(axeByStep))
        expect([step, violations]).toEqual([step, []]);
      expect(pane.errors).toEqual([]);
    });

    it("downloads the quote workbook, whose NHSDP_Total is the same £14,276.10", async () => {
      const { page } = pane;
      const download = page.waitForEvent("download");
      await pressButton(page, "Download quote workbook");
      const file = await download;
      expect(file.suggestedFilename()).toBe("Quote DP-2026-001 (internal).xlsx");
      const saved = path.join(TEST_OUTPUT, `${theme}-quote-workbook.xlsx`);
      await file.saveAs(saved);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(fs.readFileSync(saved) as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        "Quote DP-2026-001",
        "Findings DP-2026-001",
        "Register",
      ]);
      // NHSDP_Total is a sheet-scoped name; its cell holds the total's formula and its computed figure.
      const zip = await (await import("jszip")).default.loadAsync(fs.readFileSync(saved));
      const names = await zip.file("xl/workbook.xml")!.async("string");
      const ref = /<definedName name="NHSDP_Total"[^>]*>'?[^'!]*'?!\$([A-Z]+)\$(\d+)</.exec(names);
      expect(ref).not.toBeNull();
      const cell = workbook.worksheets[0]!.getCell(`${ref![1]}${ref![2]}`);
      expect((cell.value as { formula?: string }).formula).toBeTruthy();
      expect((cell.value as { result?: number }).result).toBe(14276.1);
    });

    it("priced as non-commercial, the basis, the total and the findings change as the guide says", async () => {
      const { page } = pane;
      await selectStep(page, "Partnership");
      await choose(page, "Use of the data", "Non-commercial");
      // Marginal cost: £5,625 + £5,664 = £11,289; fixed 10% £1,128.90; capital 5% £564.45: £12,982.35.
      expect(await liveTotal(page)).toBe("£12,982.35");
      await selectStep(page, "Review");
      const review = page.getByRole("region", { name: /^Priced at marginal cost/ });
      await review.waitFor();
      const text = await review.innerText();
      expect(text).toMatch(/no consent-to-commercialise clause/);
      expect(text).not.toMatch(
        /This is commercial use but the agreement has no value-sharing term/
      );
      await snap(page, `${theme}-07-non-commercial`);
      expect(pane.errors).toEqual([]);
    });

    it("keeps the work in the browser: a reload brings it back", async () => {
      const { page } = pane;
      // Saves follow the typing by half a second; a reload also saves on the way out.
      await page.waitForTimeout(800);
      await page.reload();
      await page.getByLabel("Open partnership").waitFor();
      expect(await page.getByLabel("Open partnership").inputValue()).toBeTruthy();
      await page.getByTestId("live-total").waitFor();
      expect(await liveTotal(page)).toBe("£12,982.35");
      await snap(page, `${theme}-08-after-reload`);
      expect(pane.errors).toEqual([]);
    });
  }
);

it("imports a partnership document, upgrading an old one, and downloads its partner copy", async () => {
  const { page, errors } = await openTaskPane();
  await chooseDocumentToImport(page, path.join(EXAMPLES, "commercial-imaging-ai.json"));
  await page.getByText("Imported commercial-imaging-ai.json.").waitFor();
  // The example's figures are worked by hand in test/core/quote.test.ts.
  expect(await liveTotal(page)).toBe("£73,692.22");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download partner copy" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("Quote DP-2025-011.xlsx");
  const saved = path.join(TEST_OUTPUT, "partner-copy.xlsx");
  await file.saveAs(saved);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(saved) as unknown as ArrayBuffer);
  // The partner sees the quote; the trust's priced inputs are on a very hidden sheet for the audit.
  expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
    ["Quote DP-2025-011", "visible"],
    ["NHSDP record", "veryHidden"],
  ]);

  // The same partnership in version 1: the pane asks before replacing the one in the list.
  await page
    .locator('input[aria-label="Partnership document to import"]')
    .setInputFiles(path.join(EXAMPLES, "v1", "commercial-imaging-ai.json"));
  await page.getByRole("button", { name: "Replace" }).click();
  await page.getByText(/^DP-2025-011 is a version-1 document, read as version 2\./).waitFor();
  // Version 1 charged on-costs on non-staff lines; version 2 does not (test/core/priceChange.test.ts).
  expect(await liveTotal(page)).toBe("£85,517.50");
  await snap(page, "09-imported");
  expect(errors).toEqual([]);
  await page.close();
});

it("in Excel, creates the quote through the writer loaded on demand, and shows Excel's errors", async () => {
  // Stand-ins for office.js in Excel: onReady answers "Excel", and Excel.run fails as a protected
  // workbook would; the workspace, which lives in the workbook, cannot be read either.
  const { page, errors } = await openTaskPane({
    beforeLoad: inProtectedExcel,
  });
  await page.getByText("Connected to Excel.", { exact: false }).waitFor();
  await page.getByText(/Your saved work could not be read/).waitFor();
  // In Excel the pane offers the audit of the open workbook.
  await page.getByRole("region", { name: "Audit this workbook" }).waitFor();
  await page
    .locator('input[aria-label="Partnership document to import"]')
    .setInputFiles(path.join(EXAMPLES, "academic-sde-study.json"));
  await page.getByTestId("live-total").waitFor();
  const create = page.getByRole("button", { name: "Create quote" });
  expect(await create.isEnabled()).toBe(true);
  await create.click();
  await page
    .getByText("The quote sheet could not be created: The workbook is protected (test).")
    .waitFor();
  await snap(page, "10-excel-error");
  expect(errors).toEqual([]);
  await page.close();
});

it("takes the trust's pricing strategy: new partnerships start at its rates, lines pick its grades", async () => {
  const file = path.join(EXAMPLES, "strategies", "northvale-pricing-strategy.json");
  const strategy = JSON.parse(fs.readFileSync(file, "utf8")) as {
    id: string;
    staffTime: {
      onCostRate: number;
      grades: { id: string; name: string; unit: string; rate: number }[];
    };
    overhead: { rate: number };
  };
  const { page, errors } = await openTaskPane();
  await page.getByRole("button", { name: "Import strategy…" }).waitFor();
  await page.locator('input[aria-label="Pricing strategy to import"]').setInputFiles(file);
  await page
    .getByText(new RegExp(`^Using northvale-pricing-strategy\\.json: ${strategy.id}`))
    .waitFor();
  await page.getByRole("button", { name: "New partnership" }).click();
  await page.getByRole("tab", { name: "Costs" }).click();
  // The strategy's own rates, as percentages: 0.25 is shown as 25.
  expect(await page.getByLabel("Staff on-costs").inputValue()).toBe(
    String(strategy.staffTime.onCostRate * 100)
  );
  expect(await page.getByLabel("Overheads").inputValue()).toBe(
    String(strategy.overhead.rate * 100)
  );
  await page.getByRole("button", { name: "Add cost line" }).click();
  const grade = strategy.staffTime.grades[0]!;
  await page.getByLabel("From the pricing strategy").selectOption(`grade:${grade.id}`);
  expect(await page.getByLabel("Unit cost").inputValue()).toBe(shownPounds(grade.rate));
  expect(await page.locator("#field-costs-lines-0-unit").inputValue()).toBe(grade.unit);
  await snap(page, "11-strategy");
  expect(errors).toEqual([]);
  await page.close();
});

describe("a quote's cost lines, folded", () => {
  const imaging = () =>
    JSON.parse(fs.readFileSync(path.join(EXAMPLES, "commercial-imaging-ai.json"), "utf8")) as {
      costs: { lines: { description: string; quantity: number | string }[] };
    };

  it("each line says what it is and what it is charged, and opens by keyboard to its fields", async () => {
    const { page, errors } = await openTaskPane();
    await chooseDocumentToImport(page, path.join(EXAMPLES, "commercial-imaging-ai.json"));
    await page.getByText("Imported commercial-imaging-ai.json.").waitFor();
    await selectStep(page, "Costs");
    const lines = page.locator('fieldset[data-part^="costs.lines["]');
    expect(await lines.count()).toBe(imaging().costs.lines.length);
    // Folded, no line's fields are on the page.
    expect(await page.getByLabel("Quantity").count()).toBe(0);
    // Commercial use, full cost: 12 days at £450 = £5,400; staff on-costs 25%: £6,750; overheads
    // 20%: £8,100.00.
    const deid = lines.first();
    expect(await deid.innerText()).toContain("Services · 12 at £450.00 a day · charged £8,100.00");
    // A pass-through charge carries neither on-costs nor overheads: 36 at £472 = £16,992.00.
    expect(await lines.nth(6).innerText()).toContain(
      "Data access: other variable costs · 36 at £472.00 a user-month · charged £16,992.00"
    );
    const edit = "Edit Image de-identification and DICOM header scrubbing";
    await tabTo(page, edit);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-expanded"))).toBe(
      "false"
    );
    await page.keyboard.press("Enter");
    expect(await focusedName(page)).toBe(
      "Close Image de-identification and DICOM header scrubbing"
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-expanded"))).toBe(
      "true"
    );
    await replaceInto(page, "Quantity", "13");
    // 13 x £450 = £5,850; x 1.25 = £7,312.50; x 1.2 = £8,775.00.
    await page.waitForFunction(() =>
      (
        document.querySelector('fieldset[data-part="costs.lines[0]"]') as HTMLElement
      ).innerText.includes("13 at £450.00 a day · charged £8,775.00")
    );
    expect(await axeViolations(page)).toEqual([]);
    await snap(page, "11-costs-folded");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Undo puts a removed line back folded, and the line that was open stays open, even beside a namesake", async () => {
    const doc = imaging();
    doc.costs.lines[0]!.description = "Band 6 analyst";
    doc.costs.lines[1]!.description = "Band 6 analyst";
    const file = path.join(TEST_OUTPUT, "imaging-namesakes.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    const { page, errors } = await openTaskPane();
    await chooseDocumentToImport(page, file);
    await page.getByTestId("live-total").waitFor();
    await selectStep(page, "Costs");
    const item = (index: number) => page.locator(`fieldset[data-part="costs.lines[${index}]"]`);
    const state = (index: number) =>
      item(index).locator("button[aria-expanded]").first().getAttribute("aria-expanded");
    // The second line opened, then the first removed: the open one moves up into first place.
    await item(1).getByRole("button", { name: "Edit Band 6 analyst" }).click();
    await item(0).getByRole("button", { name: "Remove Band 6 analyst" }).click();
    await focusedOn(page, "Undo");
    expect([await state(0), await state(1)]).toEqual(["true", "false"]);
    // Undo: the removed line is back first, folded; the one being worked on is second and still open.
    await page.keyboard.press("Enter");
    await focusedOn(page, "Edit Band 6 analyst");
    expect([await state(0), await state(1), await state(2)]).toEqual(["false", "true", "false"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a problem in a folded line is shown on it, and Review's link opens the line at the field", async () => {
    const doc = imaging();
    doc.costs.lines[4]!.quantity = -1;
    const file = path.join(TEST_OUTPUT, "imaging-negative-quantity.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    const { page, errors } = await openTaskPane();
    await chooseDocumentToImport(page, file);
    await page.getByText("1 thing to complete (see Review)").waitFor();
    await selectStep(page, "Costs");
    const line = page.locator('fieldset[data-part="costs.lines[4]"]');
    expect(await line.innerText()).toContain("1 problem to fix: open it to see.");
    await selectStep(page, "Review");
    await pressButton(page, "Go to the field");
    await focusedOn(page, "Quantity");
    expect(
      await page.evaluate(() => document.activeElement?.closest("fieldset")?.dataset.part)
    ).toBe("costs.lines[4]");
    expect(
      await line.getByRole("button", { name: "Close Project management and IT support" }).count()
    ).toBe(1);
    await replaceHere(page, "Quantity", "10");
    // The example priced as published (its figures are worked by hand in test/core/quote.test.ts).
    await page.waitForFunction(
      () => document.querySelector('[data-testid="live-total"]')?.textContent === "£73,692.22"
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
