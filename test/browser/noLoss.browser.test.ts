/**
 * Nothing the user typed is lost or misprinted: choices, removals, deletions, imports (an older
 * document's price change said, a reference already in the list replaced or kept beside it) and two
 * tabs at once; in every theme, at a task pane's size and at 200% zoom. The page and its helpers:
 * ./support/pane.ts.
 */
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import {
  EXAMPLES,
  PANE_CASES,
  caseName,
  paneContext,
  openTaskPaneIn,
  axeSkippedIn,
  focusedName,
  tabBackTo,
  focusedOn,
  focusedDescription,
  tabTo,
  choose,
  pressButton,
  selectStep,
  axeViolations,
  snap,
  shownPounds,
  liveTotal,
  chooseDocumentToImport,
} from "./support/pane";

describe.each(PANE_CASES)("nothing lost or misprinted: %s theme at %i x %i CSS px", (...pane) => {
  const [theme, width] = pane;
  const shot = (name: string) => `${caseName(pane)}-${name}`;
  const axe = (page: Page) => axeViolations(page, axeSkippedIn(theme));
  const strategyFile = path.join(EXAMPLES, "strategies", "northvale-pricing-strategy.json");
  const strategy = JSON.parse(fs.readFileSync(strategyFile, "utf8")) as {
    staffTime: { grades: { id: string; name: string; rate: number; unit: string }[] };
    standardItems: { id: string; name: string; unitPrice: number; unit: string }[];
  };
  const study = path.join(EXAMPLES, "academic-sde-study.json");
  const studyDoc = JSON.parse(fs.readFileSync(study, "utf8")) as {
    reference: string;
    partner: { name: string };
    costs: { lines: { description: string; quantity: number; unitCost: number }[] };
  };
  const imaging = path.join(EXAMPLES, "commercial-imaging-ai.json");

  async function importPartnership(page: Page, file: string): Promise<void> {
    await chooseDocumentToImport(page, file);
    await page.getByText(`Imported ${path.basename(file)}.`).waitFor();
  }
  const imagingV1 = path.join(EXAMPLES, "v1", "commercial-imaging-ai.json");
  /** Import JSON… by keyboard: Tab to it, Enter, and the file chosen in the browser's file dialog. */
  async function importByKeyboard(page: Page, file: string): Promise<void> {
    const chooser = page.waitForEvent("filechooser");
    await pressButton(page, "Import JSON…");
    await (await chooser).setFiles(file);
  }
  const listed = (page: Page) =>
    page.getByLabel("Open partnership").locator("option").allTextContents();
  const openOne = (page: Page) =>
    page
      .getByLabel("Open partnership")
      .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
  /** How far the page reaches to the right: no more than the pane's width when everything wraps. */
  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
  const lineLegends = (page: Page) =>
    page.locator('fieldset[data-list="costs.lines"] > legend').allTextContents();
  const valueOf = (page: Page, id: string) => page.locator(`#${id}`).inputValue();
  /** Waits for the pane to have saved, in the browser's storage, partnerships with these references. */
  const savedInBrowser = (page: Page, references: string[]) =>
    page.waitForFunction(
      (wanted) =>
        wanted.every((reference) =>
          (
            JSON.parse(localStorage.getItem("nhsdp.workspace") ?? "{}") as {
              partnerships?: { document: { reference?: string } }[];
            }
          ).partnerships?.some((p) => p.document.reference === reference)
        ),
      references
    );

  it("arrowing through the strategy's choices, the line's description follows the price; a typed one stays", async () => {
    const context = await paneContext(pane);
    const { page, errors } = await openTaskPaneIn(context, theme);
    await page.getByRole("button", { name: "Import strategy…" }).waitFor();
    await page
      .locator('input[aria-label="Pricing strategy to import"]')
      .setInputFiles(strategyFile);
    await page.getByText(/^Using northvale-pricing-strategy\.json/).waitFor();
    await pressButton(page, "New partnership");
    await selectStep(page, "Costs");
    await pressButton(page, "Add cost line");
    await tabTo(page, "From the pricing strategy");
    const description = "field-costs-lines-0-description";
    const unitCost = "field-costs-lines-0-unitCost";
    // Down the list from "Typed by hand": each grade in turn, as the strategy file names and prices it.
    for (const grade of strategy.staffTime.grades.slice(0, 3)) {
      await page.keyboard.press("ArrowDown");
      await expect(valueOf(page, description)).resolves.toBe(grade.name);
      await expect(valueOf(page, unitCost)).resolves.toBe(shownPounds(grade.rate));
    }
    // On to the standard items: a GPU month is described as one, not as the last grade.
    const gpu = strategy.standardItems.find((i) => i.id === "gpu-compute-month")!;
    await page.keyboard.type(gpu.name.slice(0, 3));
    await expect(valueOf(page, description)).resolves.toBe(gpu.name);
    await expect(valueOf(page, unitCost)).resolves.toBe(shownPounds(gpu.unitPrice));
    await snap(page, shot("20-choice-describes"));

    // A description typed by the user is theirs: the next choice changes the price, not the words.
    await page.keyboard.press("Shift+Tab");
    expect(await focusedName(page)).toBe("Description");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("GPU time for model training");
    await tabTo(page, "From the pricing strategy");
    const consultant = strategy.staffTime.grades.find((g) => g.id === "consultant")!;
    await page.keyboard.type(consultant.name.slice(0, 10));
    await expect(valueOf(page, unitCost)).resolves.toBe(shownPounds(consultant.rate));
    expect(await valueOf(page, description)).toBe("GPU time for model training");
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("removing a cost line by keyboard: the keyboard goes to Undo, so Enter again removes nothing more and puts the line back", async () => {
    const context = await paneContext(pane);
    const { page, errors } = await openTaskPaneIn(context, theme);
    await importPartnership(page, study);
    await page.getByTestId("live-total").waitFor();
    const total = await liveTotal(page);
    await selectStep(page, "Costs");
    const before = await lineLegends(page);
    expect(before).toEqual(studyDoc.costs.lines.map((l) => l.description));
    const second = studyDoc.costs.lines[1]!;

    await pressButton(page, `Remove ${second.description}`);
    const status = page.getByRole("status").filter({ hasText: `Removed ${second.description}.` });
    await status.waitFor();
    expect(await lineLegends(page)).toEqual(before.filter((_, i) => i !== 1));
    expect(await focusedName(page)).toBe("Undo");
    expect(await focusedDescription(page)).toBe(`Removed ${second.description}.`);
    expect(await axe(page)).toEqual([]);
    await status.scrollIntoViewIfNeeded();
    await snap(page, shot("21-line-removed"));

    // The second Enter lands on Undo: the line is back, where it was, folded as it was, with the
    // keyboard on it; opened, it is as it was.
    await page.keyboard.press("Enter");
    await expect(lineLegends(page)).resolves.toEqual(before);
    await focusedOn(page, `Edit ${second.description}`);
    await page.keyboard.press("Enter");
    expect(await valueOf(page, "field-costs-lines-1-quantity")).toBe(String(second.quantity));
    expect(await valueOf(page, "field-costs-lines-1-unitCost")).toBe(String(second.unitCost));
    expect(await valueOf(page, "field-costs-lines-1-description")).toBe(second.description);
    expect(await liveTotal(page)).toBe(total);
    expect(await page.getByText(`Removed ${second.description}.`).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("removing the royalty by keyboard can be undone: its tiers, cap and term come back", async () => {
    const context = await paneContext(pane);
    const { page, errors } = await openTaskPaneIn(context, theme);
    await importPartnership(page, imaging);
    await selectStep(page, "Value sharing");
    // The example's royalty: 10 years, a cap of £750,000, tiers from £0 and from £5,000,000.
    expect(await valueOf(page, "field-valueSharing-royalty-termYears")).toBe("10");
    await pressButton(page, "Remove royalty");
    await page.getByRole("status").filter({ hasText: "Removed the royalty." }).waitFor();
    expect(await page.locator("#field-valueSharing-royalty-termYears").count()).toBe(0);
    expect(await focusedName(page)).toBe("Undo");
    expect(await focusedDescription(page)).toBe("Removed the royalty.");
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press("Enter");
    await expect(valueOf(page, "field-valueSharing-royalty-termYears")).resolves.toBe("10");
    expect(await valueOf(page, "field-valueSharing-royalty-annualCap")).toBe("750,000");
    expect(await valueOf(page, "field-valueSharing-royalty-tiers-1-threshold")).toBe("5,000,000");
    // The royalty is back, and the keyboard with it, on its first control.
    expect(await focusedName(page)).toBe("Revenue from");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a later removal replaces the one pending: one message, and its Undo restores only the later", async () => {
    const context = await paneContext(pane);
    const { page, errors } = await openTaskPaneIn(context, theme);
    await importPartnership(page, imaging);
    await selectStep(page, "Value sharing");
    const instalmentLegends = () =>
      page
        .locator('fieldset[data-list="valueSharing.fixedPayment.instalments"] > legend')
        .allTextContents();
    // The example's fixed payment is in two instalments, due 2025-07-01 and 2026-03-31.
    expect(await instalmentLegends()).toEqual(["Instalment 1", "Instalment 2"]);
    await pressButton(page, "Remove Instalment 1");
    await page.getByRole("status").filter({ hasText: "Removed Instalment 1." }).waitFor();
    expect(await focusedName(page)).toBe("Undo");

    await tabBackTo(page, "Remove royalty");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Removed the royalty." }).waitFor();
    expect(await focusedName(page)).toBe("Undo");
    expect(await focusedDescription(page)).toBe("Removed the royalty.");
    expect(await page.getByText("Removed Instalment 1.").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Undo" }).count()).toBe(1);

    await page.keyboard.press("Enter");
    await expect(valueOf(page, "field-valueSharing-royalty-termYears")).resolves.toBe("10");
    expect(await focusedName(page)).toBe("Revenue from");
    // The instalment stays removed: the one due 2026-03-31 is left, now the first.
    expect(await instalmentLegends()).toEqual(["Instalment 1"]);
    expect(await valueOf(page, "field-valueSharing-fixedPayment-instalments-0-due")).toBe(
      "2026-03-31"
    );
    expect(await page.getByRole("button", { name: "Undo" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("deletes a partnership, opens the next, and Undo brings it back with its contents, also after a reload", async () => {
    const context = await paneContext(pane);
    const { page, errors } = await openTaskPaneIn(context, theme);
    await importPartnership(page, study);
    await importPartnership(page, imaging);
    const open = page.getByLabel("Open partnership");
    const options = () => open.locator("option").allTextContents();
    const studyLabel = `${studyDoc.reference}: ${studyDoc.partner.name}`;
    expect(await options()).toEqual([studyLabel, "DP-2025-011: Radiant Vision AI Ltd"]);
    await choose(page, "Open partnership", studyLabel);

    await pressButton(page, "Delete");
    await page
      .getByRole("status")
      .filter({ hasText: `Deleted ${studyLabel}.` })
      .waitFor();
    expect(await options()).toEqual(["DP-2025-011: Radiant Vision AI Ltd"]);
    expect(await focusedName(page)).toBe("Undo");
    expect(await focusedDescription(page)).toBe(`Deleted ${studyLabel}.`);
    expect(await axe(page)).toEqual([]);
    await snap(page, shot("22-partnership-deleted"));

    await page.keyboard.press("Enter");
    await expect(options()).resolves.toEqual([studyLabel, "DP-2025-011: Radiant Vision AI Ltd"]);
    expect(await open.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe(
      studyLabel
    );
    expect(await focusedName(page)).toBe("Open partnership");
    await selectStep(page, "Costs");
    expect(await lineLegends(page)).toEqual(studyDoc.costs.lines.map((l) => l.description));

    // Saved as restored: a reload opens both.
    await page.waitForTimeout(1500);
    await page.reload();
    await page.getByLabel("Open partnership").waitFor();
    expect(await options()).toEqual([studyLabel, "DP-2025-011: Radiant Vision AI Ltd"]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("importing a version-1 document says, where the list is and to a screen reader, how its price changed", async () => {
    const context = await paneContext(pane);
    const { page, errors } = await openTaskPaneIn(context, theme);
    await importByKeyboard(page, imagingV1);
    const said = page.getByRole("status").filter({ hasText: "is a version-1 document" });
    await said.waitFor();
    // docs/documents.md's own figures for this file ("Version 1 documents still open everywhere").
    expect(await said.innerText()).toContain(
      "Imported commercial-imaging-ai.json. DP-2025-011 is a version-1 document, read as version 2. Its price changes from £98,678.53 to £85,517.50 ex VAT (-£13,161.03):"
    );
    expect(await said.getByRole("listitem").allInnerTexts()).toEqual(
      expect.arrayContaining([
        "dao-accounts: £25,488.00 -> £20,390.40 (-£5,097.60): a non-staff line: employer's on-costs (25%) belong to staff time only, so they no longer apply",
        "dao-compute: £24,975.00 -> £19,980.00 (-£4,995.00): a non-staff line: employer's on-costs (25%) belong to staff time only, so they no longer apply",
      ])
    );
    // The new price is the one the pane now quotes.
    expect(await liveTotal(page)).toBe("£85,517.50");
    // Wrapped to the pane: nothing reaches past its width.
    const box = (await said.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
    await said.scrollIntoViewIfNeeded();
    await snap(page, shot("24-imported-v1-price-change"));
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("importing a reference already in the list asks first; Replace puts the import in its place and Undo takes it back", async () => {
    const context = await paneContext(pane);
    const { page, errors } = await openTaskPaneIn(context, theme);
    await importPartnership(page, study);
    await importPartnership(page, imaging);
    const studyLabel = `${studyDoc.reference}: ${studyDoc.partner.name}`;
    const both = [studyLabel, "DP-2025-011: Radiant Vision AI Ltd"];
    expect(await listed(page)).toEqual(both);
    // The example as it is now; its figures are worked by hand in test/core/quote.test.ts.
    expect(await liveTotal(page)).toBe("£73,692.22");

    await importByKeyboard(page, imagingV1);
    const prompt = page.getByRole("region", { name: "DP-2025-011 is already in the list" });
    await prompt.waitFor();
    // Nothing is added or replaced before the user says which.
    expect(await listed(page)).toEqual(both);
    expect(await prompt.innerText()).toContain(
      "commercial-imaging-ai.json holds a partnership with the reference DP-2025-011, as does “DP-2025-011: Radiant Vision AI Ltd” in the list."
    );
    await focusedOn(page, "Replace");
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
    expect(await axe(page)).toEqual([]);
    await snap(page, shot("25-import-asks"));

    await page.keyboard.press("Enter");
    const undoNotice = page
      .getByRole("status")
      .filter({ hasText: "Replaced DP-2025-011: Radiant Vision AI Ltd with the one imported" });
    await undoNotice.waitFor();
    await focusedOn(page, "Undo");
    expect(await prompt.count()).toBe(0);
    // In its place in the list, one entry still, at the version-1 document's upgraded price.
    expect(await listed(page)).toEqual(both);
    expect(await liveTotal(page)).toBe("£85,517.50");
    await page
      .getByRole("status")
      .filter({ hasText: "Its price changes from £98,678.53 to £85,517.50 ex VAT" })
      .waitFor();
    await snap(page, shot("26-import-replaced"));

    // Undo: the partnership that was there is back, open, at its own price.
    await page.keyboard.press("Enter");
    await focusedOn(page, "Open partnership");
    expect(await listed(page)).toEqual(both);
    expect(await openOne(page)).toBe("DP-2025-011: Radiant Vision AI Ltd");
    expect(await liveTotal(page)).toBe("£73,692.22");
    expect(await undoNotice.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("importing a reference already in the list: Escape cancels; Keep both lists the two, told apart by when each was changed", async () => {
    const context = await paneContext(pane);
    const { page, errors } = await openTaskPaneIn(context, theme);
    await importPartnership(page, imaging);
    await importByKeyboard(page, imaging);
    const prompt = page.getByRole("region", { name: "DP-2025-011 is already in the list" });
    await prompt.waitFor();
    await focusedOn(page, "Replace");
    await page.keyboard.press("Escape");
    await focusedOn(page, "Import JSON…");
    expect(await prompt.count()).toBe(0);
    expect(await listed(page)).toEqual(["DP-2025-011: Radiant Vision AI Ltd"]);

    await importByKeyboard(page, imaging);
    await focusedOn(page, "Replace");
    await page.keyboard.press("Tab");
    expect(await focusedName(page)).toBe("Keep both");
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({
        hasText: "both are kept, and the list tells them apart by when each was last changed",
      })
      .waitFor();
    await focusedOn(page, "Open partnership");
    const labels = await listed(page);
    expect(labels).toHaveLength(2);
    for (const label of labels)
      expect(label).toMatch(
        /^DP-2025-011 \((\d of 2, )?changed \d{2}:\d{2}(:\d{2})? on \d{1,2} [A-Z][a-z]{2}\): Radiant Vision AI Ltd$/
      );
    expect(new Set(labels).size).toBe(2);
    // The one imported last is open.
    expect(await openOne(page)).toBe(labels[1]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
    expect(await axe(page)).toEqual([]);
    await snap(page, shot("27-import-kept-both"));

    // Both are saved: a reload lists them, still told apart.
    await page.waitForTimeout(1500);
    await page.reload();
    await page.getByLabel("Open partnership").waitFor();
    expect(await listed(page)).toEqual(labels);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a tab that loaded before another tab's edit does not save over it, and says what it took in", async () => {
    const context = await paneContext(pane);
    const a = await openTaskPaneIn(context, theme);
    await importPartnership(a.page, study);
    await importPartnership(a.page, imaging);
    await savedInBrowser(a.page, [studyDoc.reference, "DP-2025-011"]);
    const b = await openTaskPaneIn(context, theme);
    await b.page.getByLabel("Purpose").waitFor();
    // A edits the study; B, open on the imaging partnership, edits that one afterwards.
    const studyLabel = `${studyDoc.reference}: ${studyDoc.partner.name}`;
    await a.page.getByLabel("Open partnership").selectOption({ label: studyLabel });
    await a.page.getByLabel("Purpose").fill("The study's purpose, edited in tab A");
    await b.page
      .getByRole("status", { name: "Changes from other windows" })
      .getByText(`Saved in another window, and now here too: ${studyDoc.reference} changed.`)
      .waitFor();
    await b.page.getByLabel("Purpose").fill("The imaging purpose, edited in tab B");
    await a.page
      .getByRole("status", { name: "Changes from other windows" })
      .getByText("Saved in another window, and now here too: DP-2025-011 changed.")
      .waitFor();
    // Both edits are in the browser's storage, and in both tabs.
    const stored = await a.page.evaluate(() =>
      (
        JSON.parse(localStorage.getItem("nhsdp.workspace") ?? "{}") as {
          partnerships: { document: { purpose: string } }[];
        }
      ).partnerships.map((p) => p.document.purpose)
    );
    expect(stored).toEqual([
      "The study's purpose, edited in tab A",
      "The imaging purpose, edited in tab B",
    ]);
    await b.page.getByLabel("Open partnership").selectOption({ label: studyLabel });
    expect(await b.page.getByLabel("Purpose").inputValue()).toBe(
      "The study's purpose, edited in tab A"
    );
    expect([...a.errors, ...b.errors]).toEqual([]);
    await context.close();
  });

  it("two tabs edit one partnership at once: neither edit is lost, both versions are kept, and each tab says so", async () => {
    const context = await paneContext(pane);
    const a = await openTaskPaneIn(context, theme);
    await importPartnership(a.page, study);
    // Let tab A save, then open tab B on the same browser storage.
    await savedInBrowser(a.page, [studyDoc.reference]);
    const b = await openTaskPaneIn(context, theme);
    await b.page.getByLabel("Purpose").waitFor();
    expect(await b.page.getByLabel("Purpose").inputValue()).toBe(
      await a.page.getByLabel("Purpose").inputValue()
    );

    // Tab B starts rewriting the purpose, slowly; while it types, tab A rewrites it too and saves.
    // B's edit began before it could know of A's, so its save (half a second after its last key)
    // finds A's save in the storage.
    const bPurpose = b.page.getByLabel("Purpose");
    await bPurpose.fill("");
    const typing = b.page.keyboard.type("Purpose as edited in tab B", { delay: 100 });
    await a.page.getByLabel("Purpose").fill("Purpose as edited in tab A");
    await typing;
    const conflict = (page: Page) =>
      page
        .getByRole("status", { name: "Changes from other windows" })
        .getByText(/both versions are kept|and now here too/);
    await conflict(a.page).waitFor();
    await conflict(b.page).waitFor();
    const copy = `${studyDoc.reference} (from another window): ${studyDoc.partner.name}`;
    const original = `${studyDoc.reference}: ${studyDoc.partner.name}`;
    for (const tab of [a, b]) {
      await expect(
        tab.page.getByLabel("Open partnership").locator("option").allTextContents()
      ).resolves.toEqual([original, copy]);
    }
    // Whichever tab saved second kept its own version under the reference and the other as the copy;
    // both tabs now hold both texts.
    const purposes = async (page: Page) => {
      const found: string[] = [];
      for (const label of [original, copy]) {
        await page.getByLabel("Open partnership").selectOption({ label });
        found.push(await page.getByLabel("Purpose").inputValue());
      }
      return found.sort();
    };
    const both = ["Purpose as edited in tab A", "Purpose as edited in tab B"];
    // On a slow machine B may also save in the middle of its typing (a pause of half a second, or 5 s
    // of typing without one): its last save then reaches the other tab a moment after the first
    // message. Each tab is given that moment (up to 30 s) to hold both texts.
    const settledPurposes = async (page: Page) => {
      let found = await purposes(page);
      for (let waited = 0; waited < 30_000 && found.join() !== both.join(); waited += 500) {
        await page.waitForTimeout(500);
        found = await purposes(page);
      }
      return found;
    };
    expect(await settledPurposes(a.page)).toEqual(both);
    expect(await settledPurposes(b.page)).toEqual(both);
    const messages = await Promise.all(
      [a, b].map((tab) =>
        tab.page.getByRole("status", { name: "Changes from other windows" }).innerText()
      )
    );
    expect(messages.some((m) => m.includes("both versions are kept"))).toBe(true);
    await snap(a.page, shot("23-tab-a-merged"));
    await snap(b.page, shot("23-tab-b-merged"));
    expect(await axe(b.page)).toEqual([]);
    expect([...a.errors, ...b.errors]).toEqual([]);
    await context.close();
  });
});
