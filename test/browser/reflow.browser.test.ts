/**
 * WCAG 2.2 reflow and focus not obscured, in every theme, at a task pane's size and at 200% zoom.
 * The page and its helpers: ./support/pane.ts.
 */
import path from "path";
import type { Page } from "playwright-core";
import {
  EXAMPLES,
  PANE_CASES,
  STEP_NAMES,
  STRATEGY_TABS,
  caseName,
  paneContext,
  openTaskPaneIn,
  axeSkippedIn,
  axeViolations,
  snap,
} from "./support/pane";

/** How much of the focused control shows: in the viewport and, unless it is in it, above the footer. */
async function focusInView(page: Page, start: unknown) {
  return page.evaluate((first) => {
    const element = document.activeElement as HTMLElement | null;
    // Back at the step's tab, or out of the page: every stop has been visited.
    if (!element || element === document.body || element === first) return undefined;
    const box = element.getBoundingClientRect();
    const footer = document.querySelector("footer");
    let top = Math.max(box.top, 0);
    let bottom = Math.min(box.bottom, window.innerHeight);
    if (footer && !footer.contains(element) && getComputedStyle(footer).position === "sticky")
      bottom = Math.min(bottom, footer.getBoundingClientRect().top);
    top = Math.min(top, bottom);
    const name =
      element.getAttribute("aria-label") ||
      element.id ||
      (element.textContent ?? "").trim().slice(0, 40) ||
      element.tagName;
    return { name, visible: bottom - top };
  }, start);
}

/** A tab's name as a screenshot's: "Data and value" is "data-and-value". */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, "-");

describe.each(PANE_CASES)("reflow and focus in view: %s theme at %i x %i CSS px", (...pane) => {
  const [theme, width] = pane;

  /**
   * Selects each tab in turn (by its name): the page must be no wider than the pane, and every Tab
   * stop after the tab must show, clear of a footer that stays in view. Each tab's whole page is
   * saved, for a person to look at: `<case>-<prefix><n>-<tab>.png`.
   */
  async function visitEach(
    page: Page,
    tabs: readonly string[],
    prefix: string,
    problems: string[]
  ) {
    for (const [index, tab] of tabs.entries()) {
      await page.getByRole("tab", { name: tab }).click();
      await page.getByRole("tab", { name: tab, selected: true }).waitFor();
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > width) problems.push(`${tab}: the page is ${wide} px wide`);
      // At a task pane's width, Review's table of the real-world study's cost lines fits the pane
      // whole: no column ("Full") is cut off behind a sideways scroll.
      if (tab === "Review" && width === 350) {
        const table = page.getByRole("table", { name: "Cost lines" });
        const [reach, room] = await table.evaluate((t) => [
          t.scrollWidth,
          t.parentElement!.clientWidth,
        ]);
        if (reach > room) problems.push(`Review: the cost lines reach ${reach} px in ${room} px`);
      }
      await page.getByRole("tab", { name: tab }).focus();
      const first = await page.evaluateHandle(() => document.activeElement);
      let stops = 0;
      for (; stops < 250; stops++) {
        await page.keyboard.press("Tab");
        const where = await focusInView(page, first);
        if (where === undefined) break;
        if (where.visible <= 0) problems.push(`${tab}: "${where.name}" is out of view`);
      }
      await first.dispose();
      if (stops < 3) problems.push(`${tab}: only ${stops} Tab stops were reached`);
      // Scrolled to its end, the page is captured whole with the footer where it ends the step: a
      // footer kept in view is painted where the viewport's foot is, which in a whole-page picture
      // scrolled to the top would be over the middle of the step.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await snap(page, `${caseName(pane)}-${prefix}${index + 1}-${slug(tab)}`, { fullPage: true });
    }
  }

  it("on every step and every section of the strategy editor, nothing is wider than the pane and no Tab stop is hidden", async () => {
    const context = await paneContext(pane);
    const { page, errors } = await openTaskPaneIn(context, theme);
    await page.getByRole("button", { name: "New partnership" }).waitFor();
    await page
      .locator('input[aria-label="Pricing strategy to import"]')
      .setInputFiles(path.join(EXAMPLES, "strategies", "westbridge-pricing-strategy.json"));
    // The strategy taken in before the partnership, as a user would see it, for its editor below.
    await page.getByText(/^Using westbridge-pricing-strategy\.json/).waitFor();
    await page
      .locator('input[aria-label="Partnership document to import"]')
      .setInputFiles(path.join(EXAMPLES, "commercial-rwe-milestones.json"));
    await page.getByTestId("live-total").waitFor();
    // The browser's own parts of controls (a date's calendar button) are drawn for a dark page in the
    // dark theme, not black on it. Under forced colours the browser's own sheet says "light dark": the
    // system's colours decide there.
    const scheme = await page.evaluate(
      () => getComputedStyle(document.documentElement).colorScheme
    );
    if (theme !== "forced colours") expect(scheme).toBe(theme === "dark" ? "dark" : "normal");
    const problems: string[] = [];
    await visitEach(page, STEP_NAMES, "step", problems);
    expect(await axeViolations(page, axeSkippedIn(theme))).toEqual([]);

    await page.getByRole("button", { name: "Edit strategy" }).click();
    await page.getByRole("tab", { name: STRATEGY_TABS[0] }).waitFor();
    await visitEach(page, STRATEGY_TABS, "strategy", problems);
    expect(problems).toEqual([]);
    expect(await axeViolations(page, axeSkippedIn(theme))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
