/**
 * The trust's pricing strategy set up, changed and revised in the pane.
 * The page and its helpers: ./support/pane.ts.
 */
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import {
  TEST_OUTPUT,
  openTaskPane,
  focusedName,
  tabTo,
  typeInto,
  typeHere,
  pressButton,
  selectStep,
  selectTab,
  STRATEGY_TABS,
  axeViolations,
  snap,
  liveTotal,
  choose,
} from "./support/pane";

describe("the strategy in the pane", () => {
  /** Moves to a section of the strategy editor by keyboard, as selectStep does for the partnership. */
  const selectStrategyTab = (page: Page, name: string) => selectTab(page, STRATEGY_TABS, name);

  /** Replaces what the control called `name` holds with `text`, reached by Tab. */
  async function retype(page: Page, name: string, text: string): Promise<void> {
    await tabTo(page, name);
    await page.keyboard.press("Control+A");
    await page.keyboard.type(text);
  }

  it("starts a blank strategy: no field in red at first, the Rates tab lists each problem and goes to its field", async () => {
    const { page, errors } = await openTaskPane();
    const axeByBlank: Record<string, string[]> = {};
    await page.getByRole("button", { name: "Set up strategy" }).waitFor();
    await pressButton(page, "Set up strategy");
    await tabTo(page, "Start blank");
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: "Strategy and trust" }).waitFor();
    const status = page.locator("#strategy-footer-status");
    // What a blank strategy leaves to decide (test/taskpane/editor/strategyDraft.test.ts): the id, the
    // trust's name, the two dates and who approved it, the on-cost and overhead rates, what the
    // overhead covers, the base's description, and how each pool is recovered.
    expect(await status.innerText()).toBe("11 problems to correct (see Rates).");
    expect(await page.locator(".fui-Field__validationMessage").count()).toBe(0);
    axeByBlank["opened"] = await axeViolations(page);
    await snap(page, "27-strategy-blank");

    await selectStrategyTab(page, "Rates");
    const list = page.getByRole("list", { name: "To correct" });
    await list.waitFor();
    expect(await list.getByRole("listitem").count()).toBe(11);
    expect(await list.getByRole("listitem").first().innerText()).toMatch(/^id: /);
    axeByBlank["rates"] = await axeViolations(page);
    await snap(page, "28-strategy-blank-rates");
    await pressButton(page, "Go to the field");
    expect(await focusedName(page)).toBe("Strategy id");
    // Once the Rates tab has been seen, every field says what is wrong with it.
    expect(await page.locator(".fui-Field__validationMessage").count()).toBeGreaterThan(0);
    await page.keyboard.type("ABC-PRICING");
    await status.getByText("10 problems to correct (see Rates).").waitFor();
    for (const [state, violations] of Object.entries(axeByBlank))
      expect([state, violations]).toEqual([state, []]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sets up the starter strategy by keyboard, changes it, starts revision 2, exports it, and re-prices a partnership priced under revision 1", async () => {
    const { page, errors } = await openTaskPane();
    const axeByState: Record<string, string[]> = {};
    await page.getByRole("button", { name: "Set up strategy" }).waitFor();
    await pressButton(page, "Set up strategy");
    expect(await focusedName(page)).toBe("Start from the starter");
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: "Strategy and trust" }).waitFor();
    // The editor takes the keyboard to its sections.
    expect(await focusedName(page)).toBe("Strategy and trust");
    expect(await page.getByLabel("Strategy id").inputValue()).toBe("RXX-DATA-PRICING");
    axeByState["opened"] = await axeViolations(page);
    await snap(page, "20-strategy-opened");

    await selectStrategyTab(page, "Staff time");
    await retype(page, "On-cost rate", "27.5");
    axeByState["staff"] = await axeViolations(page);

    await selectStrategyTab(page, "Pools");
    // The starter's fixed pool is £96,000 over £800,000 + £400,000: 8%.
    const working = page.getByTestId("fixedCostRecovery-working");
    expect(await working.innerText()).toMatch(/^Rate: 8% = £96,000\.00 \/ £1,200,000\.00 \(/);
    await retype(page, "Annual fixed-cost pool", "100000");
    // £100,000 / £1,200,000 = 8.3333...%, to 0.01%: 8.33%.
    expect(await working.innerText()).toMatch(
      /^Rate: 8\.33% = £100,000\.00 \/ £1,200,000\.00 \(.*\), to 0\.01%$/
    );
    // A component the overhead already covers, claimed by the fixed pool too, is the schema's error.
    await tabTo(page, "Finance and legal services");
    await page.keyboard.press("Space");
    const twice = page.getByText(
      /claims "Finance and legal services", which overhead\.components already covers/
    );
    await twice.first().waitFor();
    expect(await page.locator("#strategy-footer-status").innerText()).toBe(
      "1 problem to correct (see Rates)."
    );
    await snap(page, "21-strategy-claimed-twice");
    axeByState["pools, claimed twice"] = await axeViolations(page);
    expect(await focusedName(page)).toBe("Finance and legal services");
    await page.keyboard.press("Space");
    await twice.first().waitFor({ state: "detached" });
    await working.scrollIntoViewIfNeeded();
    await snap(page, "22-strategy-pools");

    await selectStrategyTab(page, "Rates");
    const description = page.getByTestId("strategy-description");
    expect(await description.innerText()).toMatch(/staff on-cost rate: 27\.5% on staff time only/);
    expect(await description.innerText()).toMatch(
      /fixed-cost recovery rate: 8\.33% = £100,000\.00 \/ £1,200,000\.00/
    );
    axeByState["rates"] = await axeViolations(page);
    await snap(page, "23-strategy-rates");

    // Revision 2: from 1 April 2027, its approval to record, its review date moved on.
    await pressButton(page, "Start a new revision…");
    expect(await focusedName(page)).toBe("Revision 2 takes effect on");
    await page.keyboard.type("04012027");
    await pressButton(page, "Start revision 2");
    await typeHere(page, "Approved by", "Finance committee");
    await typeInto(page, "Approved on", "03102027");
    await selectStrategyTab(page, "Strategy and trust");
    await typeInto(page, "Review by", "03312028");
    await page
      .locator("#strategy-footer-status")
      .getByText("Revision 2 is complete: new partnerships take its rates.")
      .waitFor();
    axeByState["revision 2"] = await axeViolations(page);
    await snap(page, "24-strategy-revision-2");

    const download = page.waitForEvent("download");
    await pressButton(page, "Export strategy JSON");
    const file = await download;
    expect(file.suggestedFilename()).toBe("RXX-DATA-PRICING revision 2.json");
    const saved = path.join(TEST_OUTPUT, "strategy-revision-2.json");
    await file.saveAs(saved);
    const { parseStrategy } = await import("../../src/document/parse");
    const parsed = parseStrategy(JSON.parse(fs.readFileSync(saved, "utf8")));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.document).toMatchObject({
      id: "RXX-DATA-PRICING",
      revision: 2,
      effectiveFrom: "2027-04-01",
      reviewBy: "2028-03-31",
      approvedBy: "Finance committee",
      approvedOn: "2027-03-10",
      staffTime: { onCostRate: 0.275 },
      fixedCostRecovery: {
        annualPool: 100000,
        components: ["management-administration", "platform-operation"],
      },
    });
    await pressButton(page, "Done");
    expect(await focusedName(page)).toBe("Edit strategy");

    // The starter partnership names RXX-DATA-PRICING revision 1 and its rates.
    const { starterPartnership } = await import("../../src/cli/starters");
    const partnershipFile = path.join(TEST_OUTPUT, "starter-partnership.json");
    fs.writeFileSync(partnershipFile, JSON.stringify(starterPartnership()));
    await page
      .locator('input[aria-label="Partnership document to import"]')
      .setInputFiles(partnershipFile);
    await page.getByText("Imported starter-partnership.json.").waitFor();
    const offer = page.getByRole("region", { name: "Priced under an older revision" });
    await offer.waitFor();
    expect(await offer.innerText()).toMatch(
      /priced with revision 1 of RXX-DATA-PRICING; revision 2 is current\./
    );
    // Worked by hand in test/taskpane/editor/strategyDraft.test.ts: £11,854.13 at revision 1's rates,
    // £11,920.77 at revision 2's (on-costs 27.5%, fixed 8.33%).
    expect(await liveTotal(page)).toBe("£11,854.13");
    expect(await page.getByTestId("reprice-total").innerText()).toBe(
      "With revision 2, the total before VAT goes from £11,854.13 to £11,920.77 (+£66.64)."
    );
    await offer.scrollIntoViewIfNeeded();
    axeByState["re-price offer"] = await axeViolations(page);
    await snap(page, "25-reprice-offer");
    await pressButton(page, "Re-price with revision 2");
    await page
      .getByText(
        "Re-priced with revision 2 of RXX-DATA-PRICING: the total before VAT went from £11,854.13 to £11,920.77 (+£66.64)."
      )
      .waitFor();
    expect(await liveTotal(page)).toBe("£11,920.77");
    await selectStep(page, "Costs");
    expect(await page.locator("#field-pricing-strategy-revision").inputValue()).toBe("2");
    expect(await page.getByLabel("Staff on-costs").inputValue()).toBe("27.5");
    expect(await page.getByLabel("Fixed cost recovery").inputValue()).toBe("8.33");
    expect(await page.getByLabel("Capital cost recovery").inputValue()).toBe("5.7");
    axeByState["re-priced"] = await axeViolations(page);
    await snap(page, "26-repriced");
    for (const [state, violations] of Object.entries(axeByState))
      expect([state, violations]).toEqual([state, []]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sets a value-sharing policy by keyboard: a preferred mechanism for a use and data value, the royalty's base and lowest rate", async () => {
    const { page, errors } = await openTaskPane();
    await page.getByRole("button", { name: "Set up strategy" }).waitFor();
    await pressButton(page, "Set up strategy");
    await tabTo(page, "Start from the starter");
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: "Strategy and trust" }).waitFor();
    await selectStrategyTab(page, "Value-sharing policy");

    // The starter's policy prefers milestones or a royalty for commercial use of high-value data, a
    // fixed payment or a subscription for low-value data, and defines its royalties. A preference for
    // non-commercial use of low-value data: a fixed payment.
    await pressButton(page, "Add preference");
    expect(await focusedName(page)).toBe("Use of the data");
    await page.keyboard.type("Non-commercial");
    await choose(page, "Value of the data", "Low (3 or fewer of 6 high)");
    const status = page.locator("#strategy-footer-status");
    // No mechanism ticked yet: the schema asks for one.
    await status.getByText("1 problem to correct (see Rates).").waitFor();
    await tabTo(page, "Fixed payment");
    await page.keyboard.press("Space");
    await page.getByRole("group", { name: "Non-commercial use, low-value data" }).waitFor();

    // The royalty's definitions, rewritten in the trust's words.
    await page.getByLabel("Royalty base").fill("Net sales, less VAT, returns and rebates");
    await page
      .getByLabel("If the product is given away or bundled")
      .fill("The price of comparable sales in the same quarter");
    await page.getByLabel("Lowest headline rate").fill("3");
    await page.getByLabel("Annual minimum").fill("10000");
    await status.getByText("Revision 1 is complete: new partnerships take its rates.").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      350
    );
    const violations = await axeViolations(page);
    await snap(page, "29-strategy-value-sharing-policy", { fullPage: true });

    const download = page.waitForEvent("download");
    await pressButton(page, "Export strategy JSON");
    const saved = path.join(TEST_OUTPUT, "strategy-value-sharing-policy.json");
    await (await download).saveAs(saved);
    const { parseStrategy } = await import("../../src/document/parse");
    const { starterStrategy } = await import("../../src/cli/starters");
    const parsed = parseStrategy(JSON.parse(fs.readFileSync(saved, "utf8")));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const starter = starterStrategy().valueSharingPolicy!;
    expect(parsed.document.valueSharingPolicy).toEqual({
      ...starter,
      preferredMechanisms: [
        ...starter.preferredMechanisms!,
        { use: "non-commercial", dataValue: "low", mechanisms: ["fixed"] },
      ],
      royalty: {
        base: "Net sales, less VAT, returns and rebates",
        givenAway: "The price of comparable sales in the same quarter",
        minimumRate: 0.03,
        annualMinimum: 10000,
      },
    });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
