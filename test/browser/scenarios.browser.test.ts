/**
 * The Scenarios step: the engine's figures, the simulation's Web Worker, and every scenario input by keyboard.
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
  focusedName,
  tabTo,
  focusedDescription,
  typeInto,
  typeHere,
  choose,
  pressButton,
  selectStep,
  axeViolations,
  closed,
  snap,
  liveTotal,
  tabBackTo,
  focusedOn,
  replaceHere,
  replaceInto,
  type OpenPane,
  chooseDocumentToImport,
} from "./support/pane";

describe("the Scenarios step", () => {
  const file = path.join(EXAMPLES, "commercial-imaging-ai.json");
  let pane: OpenPane;
  // The engine's figures, computed here from the example, independently of the pane.
  let royaltyValue: number;
  let royaltyRiskAdjusted: string;
  let breakeven: number;

  beforeAll(async () => {
    const { parsePartnership } = await import("../../src/document/parse");
    const { evaluateScenarios, scenarioInputs } = await import("../../src/core/scenarios");
    const { formatPounds } = await import("../../src/model/format");
    const parsed = parsePartnership(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!parsed.ok) throw new Error("the example does not parse");
    const result = evaluateScenarios(scenarioInputs(parsed.document));
    const royalty = result.mechanisms.find((m) => m.id === "document-royalty")!;
    royaltyValue = royalty.riskAdjustedPresentValue.toNumber();
    royaltyRiskAdjusted = formatPounds(royalty.riskAdjustedPresentValue);
    breakeven = result.breakeven.rate!.toNumber();
    pane = await openTaskPane();
    await chooseDocumentToImport(pane.page, file);
    await pane.page.getByText("Imported commercial-imaging-ai.json.").waitFor();
  });
  afterAll(async () => {
    await pane.page.close();
  });

  /** The example's fair share by the default weights, computed here from the file, apart from the pane. */
  const exampleFairShare = async () => {
    const { parsePartnership } = await import("../../src/document/parse");
    const { fairShareOf, scenarioInputs } = await import("../../src/core/scenarios");
    const parsed = parsePartnership(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!parsed.ok) throw new Error("the example does not parse");
    return fairShareOf(parsed.document, scenarioInputs(parsed.document))!;
  };

  it("shows the fair share the core works out, and where the agreed terms fall", async () => {
    const { page } = pane;
    const share = await exampleFairShare();
    const { formatWholePounds } = await import("../../src/model/format");
    await selectStep(page, "Scenarios");
    const table = page.getByTestId("fair-share");
    await table.waitFor();
    const row = async (name: string) =>
      (await table.locator("tbody", { hasText: name }).locator("td").allInnerTexts()).map((text) =>
        text.trim()
      );
    expect(await row("Worth to the NHS today")).toEqual([
      formatWholePounds(share.value.low),
      formatWholePounds(share.value.high),
    ]);
    expect(await row("As a fixed sum on signature")).toEqual([
      formatWholePounds(share.fixedSum.low),
      formatWholePounds(share.fixedSum.high),
    ]);
    // The imaging terms are worth more than the high end (nhsdp scenario says so too).
    expect(await page.getByTestId("fair-share-offer").innerText()).toMatch(
      /The terms on the table are worth £[\d,]+, [\d.]+% of it: above the range\.$/
    );
    // More expertise from the NHS raises the range.
    await page.getByLabel("Expertise the NHS supplies").selectOption("substantial");
    await table
      .locator("tbody", { hasText: "Worth to the NHS today" })
      .getByText(formatWholePounds(share.value.low), { exact: true })
      .waitFor({ state: "detached" });
    await page.getByLabel("Expertise the NHS supplies").selectOption("some");
    await table
      .locator("tbody", { hasText: "Worth to the NHS today" })
      .getByText(formatWholePounds(share.value.low), { exact: true })
      .waitFor();
    await table.scrollIntoViewIfNeeded();
    await snap(page, "12c-fair-share");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("compares the mechanisms with the engine's figures", async () => {
    const { page } = pane;
    await selectStep(page, "Scenarios");
    const table = page.getByTestId("scenario-comparison");
    await table.waitFor();
    expect(
      await table.locator("tbody", { hasText: "Royalty (agreed terms)" }).innerText()
    ).toContain(royaltyRiskAdjusted);
    expect(await page.getByTestId("breakeven-royalty").innerText()).toContain(
      `${(breakeven * 100).toFixed(2)}%`
    );
    await table.scrollIntoViewIfNeeded();
    await snap(page, "12-scenarios");
    expect(await axeViolations(page)).toEqual([]);
    // The chance of reaching market drives the risk-adjusted value: at 0% the royalty is worth nothing.
    await page.getByLabel("Chance of reaching market").fill("0");
    await table
      .locator("tbody", { hasText: "Royalty (agreed terms)" })
      .getByText("£0.00", { exact: true })
      .waitFor();
    await page.getByLabel("Chance of reaching market").fill("60");
    await table
      .locator("tbody", { hasText: "Royalty (agreed terms)" })
      .getByText(royaltyRiskAdjusted, { exact: true })
      .waitFor();
    // No payback target in the example: no payback column, and the step says why.
    expect(await page.getByTestId("payback-target").innerText()).toMatch(
      /^Payback: no target given, so none is worked out\./
    );
    expect(await table.getByRole("columnheader", { name: "Payback" }).count()).toBe(0);
    // A target of £40,000, worked from the example's cash flows (risk-adjusted, 3.5% a year):
    //   fixed: 25,000 / 1.035^(29/365) + 25,000 / 1.035^(302/365) = £49,230, both in year 1: year 1;
    //   milestones: 0.7 x £150,000 at year 1.5, 105,000 / 1.035^1.5 = £99,719 in year 2: year 2;
    //   royalty: 0.6 x 4% x £1.5M / 1.035^2 = £33,606 by year 2, short; + 0.6 x 4% x £4M / 1.035^3
    //   = £86,586 in year 3: year 3.
    await page.getByLabel("Payback target").fill("40000");
    await page
      .getByText("Payback: the year the risk-adjusted value reaches the target of £40,000.00.")
      .waitFor();
    const paybackOf = async (name: string) =>
      (await table.locator("tbody", { hasText: name }).locator("td").allInnerTexts())[2];
    expect(await paybackOf("Fixed payment (agreed terms)")).toBe("year 1");
    expect(await paybackOf("Milestones: milestones-offer")).toBe("year 2");
    expect(await paybackOf("Royalty (agreed terms)")).toBe("year 3");
    await page.getByLabel("Payback target").fill("");
    await page.getByText(/^Payback: no target given/).waitFor();
    expect(pane.errors).toEqual([]);
  });

  it("shows each mechanism's tornado as a table sorted by swing, fitting a 350-pixel pane", async () => {
    const { page } = pane;
    await selectStep(page, "Scenarios");
    // The royalty's tornado, computed here from the example, independently of the pane.
    const { parsePartnership } = await import("../../src/document/parse");
    const { scenarioInputs, tornado, tornadoRangesOf } = await import("../../src/core/scenarios");
    const { formatWholePounds } = await import("../../src/model/format");
    const parsed = parsePartnership(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!parsed.ok) throw new Error("the example does not parse");
    const royalty = tornado(
      scenarioInputs(parsed.document),
      tornadoRangesOf(parsed.document)
    ).mechanisms.find((m) => m.id === "document-royalty")!;
    const table = page.getByRole("table", { name: "Tornado: Royalty (agreed terms)" });
    await table.waitFor();
    // As a reader meets it: each assumption's name on a row of its own, its figures beneath.
    const names = await table.locator("tbody th").allInnerTexts();
    expect(names.map((name) => name.split(":")[0])).toEqual(royalty.bars.map((bar) => bar.label));
    // Each with its low and high: the example's peak of £9.5M scaled to half and one and a half.
    expect(names[0]).toBe("Peak revenue a year: £4,750,000 to £14,250,000");
    const swings = await table
      .locator("tbody")
      .evaluateAll((groups) =>
        groups.map((group) => [...group.querySelectorAll("td")].map((td) => td.textContent ?? ""))
      );
    expect(swings).toEqual(
      royalty.bars.map((bar) => [
        formatWholePounds(bar.valueAtLow),
        formatWholePounds(bar.valueAtHigh),
        formatWholePounds(bar.swing),
      ])
    );
    // Sorted: the largest swing first.
    expect(swings.map((row) => Number(row[2]!.replace(/[£,]/g, "")))).toEqual(
      royalty.bars.map((bar) => Math.round(bar.swing.toNumber()))
    );
    expect(await table.getByRole("columnheader").allInnerTexts()).toEqual([
      "Value at low",
      "Value at high",
      "Swing",
    ]);
    // A tornado for every mechanism compared.
    for (const name of [
      "Tornado: Fixed payment (agreed terms)",
      "Tornado: Milestones: milestones-offer",
    ])
      await page.getByRole("table", { name }).waitFor();
    // At a task pane's width the table fits the pane whole and the page is no wider.
    const before = page.viewportSize()!;
    await page.setViewportSize({ width: 350, height: before.height });
    try {
      await table.scrollIntoViewIfNeeded();
      const [reach, room] = await table.evaluate((t) => [
        t.scrollWidth,
        t.parentElement!.clientWidth,
      ]);
      expect(reach).toBeLessThanOrEqual(room);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        350
      );
      await snap(page, "12b-scenarios-tornado-350");
    } finally {
      await page.setViewportSize(before);
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(pane.errors).toEqual([]);
  });

  it("runs 100,000 trials in the simulation's Web Worker, which the page ends once the results are in", async () => {
    const { page } = pane;
    await page.getByLabel("Trials").fill("100000");
    // The browser reports every worker the page starts; the simulation's is built as its own file.
    // That the page's own thread stays free meanwhile is shown on a longer run (the last test here),
    // where a key press cannot race the end of the simulation.
    const workerStarted = page.waitForEvent("worker");
    await page.getByRole("button", { name: "Run simulation" }).click();
    const worker = await workerStarted;
    const workerClosed = closed(worker);
    expect(new URL(worker.url()).pathname).toBe("/nhsdp-simulation.js");
    await page.getByTestId("simulation-results").waitFor();
    await workerClosed;
    expect(await page.getByTestId("simulation-status").innerText()).toMatch(
      /^100,000 trials, seed 7\.$/
    );
    const results = page.getByTestId("simulation-results");
    expect(await results.locator("tbody").allInnerTexts()).toEqual([
      expect.stringMatching(/^Fixed payment \(agreed terms\)/),
      expect.stringMatching(/^Royalty \(agreed terms\)/),
      expect.stringMatching(/^Milestones: milestones-offer/),
    ]);
    expect(await page.getByTestId("royalty-beats").innerText()).toMatch(
      /^The royalty pays more than the milestones in \d+\.\d% of trials\.$/
    );
    await results.scrollIntoViewIfNeeded();
    await snap(page, "13-simulation");
    expect(await axeViolations(page)).toEqual([]);
    expect(pane.errors).toEqual([]);
  });

  it("downloads the scenario workbook, whose NHSDP_PV_Royalty is the engine's figure", async () => {
    const { page } = pane;
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download scenario workbook" }).click();
    const saved = path.join(TEST_OUTPUT, "scenario-workbook.xlsx");
    const got = await download;
    expect(got.suggestedFilename()).toBe("Scenarios DP-2025-011.xlsx");
    await got.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(saved) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const zip = await (await import("jszip")).default.loadAsync(fs.readFileSync(saved));
    const names = await zip.file("xl/workbook.xml")!.async("string");
    const ref = /<definedName name="NHSDP_PV_Royalty"[^>]*>'?[^'!]*'?!\$([A-Z]+)\$(\d+)</.exec(
      names
    );
    expect(ref).not.toBeNull();
    // The named cell refers to the royalty's row of the comparison, whose formula holds its figure.
    const named = sheet.getCell(`${ref![1]}${ref![2]}`).value as { formula: string };
    const target = /^\$?([A-Z]+)\$?(\d+)$/.exec(named.formula);
    expect(target).not.toBeNull();
    const figure = (sheet.getCell(`${target![1]}${target![2]}`).value as { result: number }).result;
    expect(Math.abs(figure - royaltyValue)).toBeLessThanOrEqual(1e-9 * Math.abs(royaltyValue));
    await page
      .getByText("Downloaded the scenario workbook, “Scenarios DP-2025-011.xlsx”.")
      .waitFor();
    expect(pane.errors).toEqual([]);
  });

  it("runs a long simulation in its worker while the page takes the keyboard, and cancels it, saying so", async () => {
    const { page } = pane;
    await page.getByLabel("Trials").fill("5000000");
    const workerStarted = page.waitForEvent("worker");
    await page.getByRole("button", { name: "Run simulation" }).click();
    const worker = await workerStarted;
    const workerClosed = closed(worker);
    expect(new URL(worker.url()).pathname).toBe("/nhsdp-simulation.js");
    const progress = /^Simulated [\d,]+ of 5,000,000 trials…$/;
    await page.getByText(progress).waitFor();
    // Five million trials keep the worker busy for many seconds. Meanwhile the page's own thread
    // renders the progress and handles a key press: the focus moves on, and the simulation is still
    // running when the key has been handled. A run on the page's thread would take the key only at
    // its end, with the results.
    const focusBefore = await focusedName(page);
    await page.keyboard.press("Tab");
    const statusAfterKey = await page.getByTestId("simulation-status").innerText();
    const focusAfter = await focusedName(page);
    fs.writeFileSync(
      path.join(TEST_OUTPUT, "simulation-responsiveness.json"),
      JSON.stringify({
        trials: 5000000,
        worker: worker.url(),
        focus: [focusBefore, focusAfter].map((name) => name.slice(0, 60)),
        statusAfterKey,
      })
    );
    expect(statusAfterKey).toMatch(progress);
    expect(focusAfter).not.toBe(focusBefore);
    await page.getByRole("button", { name: "Cancel simulation" }).click();
    await page.getByText("Simulation cancelled.").waitFor();
    // Cancelling ends the worker.
    await workerClosed;
    expect(await page.getByRole("button", { name: "Run simulation" }).isVisible()).toBe(true);
    await snap(page, "14-simulation-cancelled");
    expect(pane.errors).toEqual([]);
  });

  it("weighs the fair share by the trust's value-sharing policy once the pane holds its strategy", async () => {
    const { page } = pane;
    const byDefault = await exampleFairShare();
    const { formatWholePounds } = await import("../../src/model/format");
    await selectStep(page, "Scenarios");
    await page
      .getByTestId("fair-share-weights")
      .getByText(/^Weighed by the default weights/)
      .waitFor();
    // Northvale's strategy, whose policy gives a full contribution 20% to 50% of the profit: twice
    // the defaults' 10% to 25%, so twice the range in pounds, the contribution unchanged.
    const strategy = JSON.parse(
      fs.readFileSync(path.join(EXAMPLES, "strategies", "northvale-pricing-strategy.json"), "utf8")
    ) as { valueSharingPolicy: Record<string, unknown> };
    strategy.valueSharingPolicy.contribution = {
      shareAtFullContribution: { low: 0.2, high: 0.5 },
    };
    const strategyFile = path.join(TEST_OUTPUT, "northvale-with-shares.json");
    fs.writeFileSync(strategyFile, JSON.stringify(strategy));
    await page.getByRole("button", { name: "Import strategy…" }).waitFor();
    await page
      .locator('input[aria-label="Pricing strategy to import"]')
      .setInputFiles(strategyFile);
    await selectStep(page, "Scenarios");
    await page
      .getByTestId("fair-share-weights")
      .getByText("Weighed as the trust's value-sharing policy says.")
      .waitFor();
    const worth = page
      .getByTestId("fair-share")
      .locator("tbody", { hasText: "Worth to the NHS today" });
    await worth
      .getByText(formatWholePounds(byDefault.value.low.times(2)), { exact: true })
      .waitFor();
    await worth
      .getByText(formatWholePounds(byDefault.value.high.times(2)), { exact: true })
      .waitFor();
    expect(pane.errors).toEqual([]);
  });
});

it("in Excel, Create scenario sheet runs the simulation, then writes through Excel.run and shows its error", async () => {
  // As in the quote's Excel test: office.js stand-ins whose Excel.run fails as a protected workbook would.
  const { page, errors } = await openTaskPane({
    beforeLoad: inProtectedExcel,
  });
  await page.getByText("Connected to Excel.", { exact: false }).waitFor();
  await page
    .locator('input[aria-label="Partnership document to import"]')
    .setInputFiles(path.join(EXAMPLES, "commercial-imaging-ai.json"));
  await page.getByTestId("live-total").waitFor();
  await page.getByRole("tab", { name: "Scenarios" }).click();
  const runsBefore = await page.evaluate(
    () => (window as unknown as { Excel: { runs: unknown[] } }).Excel.runs.length
  );
  await page.getByRole("button", { name: "Create scenario sheet" }).click();
  const message = page.getByText(
    "The scenario sheet could not be created: The workbook is protected (test)."
  );
  await message.waitFor();
  await message.scrollIntoViewIfNeeded();
  // The example's own 20,000 trials were simulated first, for the sheet to record.
  expect(await page.getByTestId("simulation-status").innerText()).toBe("20,000 trials, seed 7.");
  expect(
    await page.evaluate(
      () => (window as unknown as { Excel: { runs: unknown[] } }).Excel.runs.length
    )
  ).toBe(runsBefore + 1);
  await snap(page, "15-scenario-sheet-excel-error");
  expect(errors).toEqual([]);
  await page.close();
});

/**
 * WCAG 2.2 reflow (1.4.10) and focus not obscured (2.4.11) at a task pane's size and at 200% zoom
 * (175 x 300 CSS px), in each theme: on every step of a full partnership the page is no wider than the
 * pane, and every Tab stop is at least partly in view and not entirely under the footer that stays in
 * view.
 */

describe("every scenario input by keyboard", () => {
  let pane: OpenPane;

  beforeAll(async () => {
    pane = await openTaskPane();
  });
  afterAll(async () => {
    await pane.page.close();
  });

  it("an analyst builds a full scenario from a new partnership by keyboard alone, and the exported document holds it", async () => {
    const { page } = pane;
    await page.getByRole("button", { name: "New partnership" }).waitFor();
    await pressButton(page, "New partnership");
    await page.getByRole("tab", { name: "Partnership" }).waitFor();
    await typeInto(page, "Trust name", "Northvale Teaching Hospitals NHS Foundation Trust");
    await typeInto(page, "Partner organisation", "Radiant Vision AI Ltd");
    await choose(page, "Organisation type", "Large company");
    await choose(page, "Type of partnership", "Type 2: access to data and staff expertise");
    await typeInto(page, "Purpose", "Train and validate a chest X-ray triage model");
    await choose(page, "Use of the data", "Commercial");
    await choose(page, "Access route", "Secure data environment (SDE)");
    await choose(page, "Foreground IP owner", "Partner");
    await typeInto(page, "VAT rate", "20");
    await pressButton(page, "Next: Data and value");
    await pressButton(page, "Add data asset");
    await typeHere(page, "Name", "Chest X-ray archive 2015-2024");
    await typeInto(page, "Description", "De-identified chest radiographs with reports");
    await choose(page, "Intended use", "Training and validating an ML/AI model");
    await pressButton(page, "Next: Costs");
    await typeInto(page, "Staff on-costs", "25");
    await typeInto(page, "Overheads", "20");
    await typeInto(page, "Fixed cost recovery", "10");
    await typeInto(page, "Capital cost recovery", "5");
    await pressButton(page, "Add cost line");
    await typeHere(page, "Description", "Image de-identification");
    await typeInto(page, "Quantity", "10");
    await typeInto(page, "Unit cost", "450");
    // £7,762.50, as worked in "standalone, with office.js unreachable ...".
    await page.getByTestId("live-total").waitFor();
    expect(await liveTotal(page)).toBe("£7,762.50");
    await pressButton(page, "Next: Value sharing");

    // A royalty: Add takes the keyboard to its first field, so a second Enter removes nothing.
    await pressButton(page, "Add royalty");
    await focusedOn(page, "Revenue from");
    await page.keyboard.press("Enter");
    await page.getByRole("group", { name: "Revenue royalty" }).waitFor();
    expect(await page.getByRole("button", { name: "Remove royalty" }).count()).toBe(1);
    await replaceInto(page, "Rate", "5");
    await pressButton(page, "Add tier");
    await replaceHere(page, "Revenue from", "1000000");
    await replaceInto(page, "Rate", "3");
    await replaceInto(page, "Annual minimum", "20000");
    await replaceInto(page, "Term (years)", "7");
    // Milestones: Add takes the keyboard into the new group (its Add milestone button).
    await tabBackTo(page, "Add milestones");
    await page.keyboard.press("Enter");
    await focusedOn(page, "Add milestone");
    await page.keyboard.press("Enter");
    await typeHere(page, "Milestone", "Regulatory approval");
    await replaceInto(page, "Amount", "50000");
    await replaceInto(page, "Year", "2");
    await replaceInto(page, "Probability", "60");
    await pressButton(page, "Add milestone");
    await typeHere(page, "Milestone", "First sale");
    await replaceInto(page, "Amount", "100000");
    await replaceInto(page, "Year", "3");
    await replaceInto(page, "Probability", "40");
    // The first sale comes with the launch: a late launch in the simulation postpones it too.
    await tabTo(page, "Moves with a late launch");
    await page.keyboard.press("Space");

    // Remove the royalty: the keyboard goes to Undo, which brings back its tiers, minimum and term.
    await tabBackTo(page, "Remove royalty");
    await page.keyboard.press("Enter");
    await focusedOn(page, "Undo");
    expect(await focusedDescription(page)).toBe("Removed the royalty.");
    expect(await page.getByRole("status").filter({ hasText: "Removed" }).innerText()).toMatch(
      /^Removed the royalty\.\s*Undo$/
    );
    expect(await page.getByRole("group", { name: "Revenue royalty" }).count()).toBe(0);
    await snap(page, "16-royalty-removed");
    await page.keyboard.press("Enter");
    const royalty = page.getByRole("group", { name: "Revenue royalty" });
    await royalty.waitFor();
    await focusedOn(page, "Revenue from");
    expect(
      await royalty
        .getByRole("textbox")
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))
    ).toEqual(["0", "5", "1,000,000", "3", "", "20,000", "7"]);
    expect(await page.getByRole("status").filter({ hasText: "Removed" }).count()).toBe(0);
    await pressButton(page, "Next: Scenarios");

    // Scenarios: Add takes the keyboard to the first assumption.
    await pressButton(page, "Add scenarios");
    await page.getByTestId("scenario-comparison").waitFor();
    await replaceHere(page, "Chance of reaching market", "40");
    await replaceInto(page, "Discount rate", "5");
    // Flat back to the Green Book: the rate leaves with the flat rate; the quote stays priced.
    await tabBackTo(page, "Discounting");
    await page.keyboard.type("Green Book");
    await page.getByLabel(/^Discount rate\s*\*?$/).waitFor({ state: "detached" });
    await page.getByTestId("live-total").waitFor();
    expect(await liveTotal(page)).toBe("£7,762.50");
    for (const download of ["Download quote workbook", "Download partner copy"])
      expect([download, await page.getByRole("button", { name: download }).isEnabled()]).toEqual([
        download,
        true,
      ]);
    // New scenarios are nominal: 2.5% inflation from the OBR, and the partner's own risk of not paying.
    await replaceInto(page, "Inflation a year", "2.5");
    await replaceInto(page, "Where the inflation comes from", "OBR GDP deflator, March forecast");
    await replaceInto(page, "Partner's default rate a year", "5");
    await replaceInto(page, "Why this default rate", "Two years of cash at the last funding round");
    // The comparison says both, once it has caught up with what was typed.
    await page
      .getByTestId("price-basis")
      .filter({
        hasText:
          /^Prices are nominal: .* inflation of 2\.50% a year \(OBR GDP deflator, March forecast\)/,
      })
      .waitFor();
    await page
      .getByTestId("counterparty")
      .filter({ hasText: /^The partner's risk of not paying is 5\.00% a year \(Two years of cash/ })
      .waitFor();
    // Revenue written out year by year, six years of it.
    await choose(page, "Revenue forecast", "Year by year");
    await replaceInto(page, "Years forecast", "6");
    await expect(page.getByLabel(/^Revenue, year \d+/).count()).resolves.toBe(6);
    const revenue = [0, 200000, 500000, 800000, 800000, 600000];
    for (const [i, amount] of revenue.entries())
      await replaceInto(page, `Revenue, year ${i + 1}`, String(amount));
    // An alternative: a fixed payment of £150,000 on signature.
    await pressButton(page, "Add alternative");
    await replaceHere(page, "Alternative's name", "flat-fee");
    await choose(page, "Mechanism", "Fixed payment");
    await replaceInto(page, "Amount", "150000");
    await page
      .getByTestId("scenario-comparison")
      .locator("tbody", { hasText: "Fixed payment: flat-fee" })
      .waitFor();
    // The sensitivity grids' axes.
    await replaceInto(page, "Royalty rates", "2, 4, 6");
    await replaceInto(page, "Discount rates", "3, 3.5");
    await replaceInto(page, "Peak revenues", "400,000, 800,000");
    await replaceInto(page, "Chances of reaching market", "30 60");
    // The simulation: its size, milestones drawn independently, two distributions.
    await replaceInto(page, "Trials", "1000");
    await replaceInto(page, "Seed", "42");
    await choose(page, "Milestones depend on each other", "Independently");
    await choose(page, "Peak revenue: uncertainty", "Triangular");
    await replaceInto(page, "Peak revenue: lowest", "500000");
    await replaceInto(page, "Peak revenue: highest", "1000000");
    await replaceInto(page, "Peak revenue: most likely", "700000");
    await choose(page, "Launch delay (years): uncertainty", "Uniform");
    await replaceInto(page, "Launch delay (years): lowest", "0");
    await replaceInto(page, "Launch delay (years): highest", "2");
    await page.getByTestId("live-total").waitFor();
    await snap(page, "17-scenario-by-keyboard");
    expect(await axeViolations(page)).toEqual([]);

    // Review has nothing to complete.
    await selectStep(page, "Review");
    await page.getByRole("region", { name: /^Priced at full cost/ }).waitFor();

    // The exported document validates and holds what was typed.
    await tabBackTo(page, "Export JSON");
    const download = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    const saved = path.join(TEST_OUTPUT, "scenario-by-keyboard.json");
    await (await download).saveAs(saved);
    const exported = JSON.parse(fs.readFileSync(saved, "utf8")) as Record<string, unknown>;
    const { parsePartnership } = await import("../../src/document/parse");
    const parsed = parsePartnership(exported);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(exported.valueSharing).toEqual({
      royalty: {
        tiers: [
          { threshold: 0, rate: 0.05 },
          { threshold: 1000000, rate: 0.03 },
        ],
        annualMinimum: 20000,
        termYears: 7,
      },
      milestones: [
        { description: "Regulatory approval", amount: 50000, year: 2, probability: 0.6 },
        {
          description: "First sale",
          amount: 100000,
          year: 3,
          probability: 0.4,
          tiedToLaunch: true,
        },
      ],
    });
    expect(exported.scenarios).toEqual({
      revenue: { kind: "explicit", byYear: revenue },
      probabilityOfReachingMarket: 0.4,
      discount: { kind: "green-book" },
      priceBasis: {
        kind: "nominal",
        inflation: 0.025,
        source: "OBR GDP deflator, March forecast",
      },
      counterparty: { defaultRate: 0.05, source: "Two years of cash at the last funding round" },
      includeDocumentTerms: true,
      alternatives: [
        { id: "flat-fee", mechanism: "fixed", instalments: [{ year: 0, amount: 150000 }] },
      ],
      sensitivity: {
        royaltyRates: [0.02, 0.04, 0.06],
        discountRates: [0.03, 0.035],
        peakRevenues: [400000, 800000],
        probabilities: [0.3, 0.6],
      },
      monteCarlo: {
        trials: 1000,
        seed: 42,
        milestoneDependence: "independent",
        peakRevenue: { distribution: "triangular", min: 500000, mode: 700000, max: 1000000 },
        launchDelayYears: { distribution: "uniform", min: 0, max: 2 },
      },
    });
    expect(pane.errors).toEqual([]);
  });

  it("a problem on a field of a mode not chosen links to the control that reveals it", async () => {
    const { page } = pane;
    // An old flat rate left under the Green Book (as an imported file may have it).
    const file = path.join(TEST_OUTPUT, "green-book-with-rate.json");
    const doc = JSON.parse(
      fs.readFileSync(path.join(EXAMPLES, "commercial-imaging-ai.json"), "utf8")
    ) as { scenarios: { discount: unknown } };
    doc.scenarios.discount = { kind: "green-book", rate: 0.035 };
    fs.writeFileSync(file, JSON.stringify(doc));
    await page.locator('input[aria-label="Partnership document to import"]').setInputFiles(file);
    await page.getByText("Imported green-book-with-rate.json.").waitFor();
    await selectStep(page, "Review");
    // Named as the pane labels the field (src/document/fieldLabels.ts), not by its path.
    const item = page
      .getByRole("listitem")
      .filter({ hasText: "Scenarios > Assumptions > Discounting > Discount rate:" });
    await item.waitFor();
    await item.getByRole("button", { name: "Go to the field" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: "Scenarios", selected: true }).waitFor();
    await focusedOn(page, "Discounting");
    // Choosing the flat rate and back again leaves a valid document: priced, nothing left over.
    const rate = page.getByLabel(/^Discount rate\s*\*?$/);
    // Typed as a keyboard user chooses an option; a pause, so the second is not read as one word.
    await page.keyboard.type("Flat rate");
    await rate.waitFor();
    await page.waitForTimeout(1500);
    await page.keyboard.type("Green Book");
    await rate.waitFor({ state: "detached" });
    await page.getByTestId("live-total").waitFor();
    expect(pane.errors).toEqual([]);
  });
});
