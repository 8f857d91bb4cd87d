/**
 * WCAG 2.2 reflow and focus not obscured, in every theme, at a task pane's size and at 200% zoom.
 * The page and its helpers: ./support/pane.ts.
 */
import path from "path";
import type { Page } from "playwright-core";
import { EXAMPLES, browser, openTaskPane, STEP_NAMES, axeViolations, snap } from "./support/pane";

const REFLOW_CASES = [
  ["light", 350, 600, 1],
  ["dark", 350, 600, 1],
  ["forced colours", 350, 600, 1],
  ["light", 175, 300, 2],
  ["dark", 175, 300, 2],
  ["forced colours", 175, 300, 2],
] as const;

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

describe.each(REFLOW_CASES)(
  "reflow and focus in view: %s theme at %i x %i CSS px",
  (theme, width, height, scale) => {
    it("on every step, nothing is wider than the pane and no Tab stop is hidden", async () => {
      const context = await browser.newContext({
        viewport: { width, height },
        deviceScaleFactor: scale,
        forcedColors: theme === "forced colours" ? "active" : "none",
      });
      const { page, errors } = await openTaskPane({
        page: await context.newPage(),
        ...(theme === "forced colours" ? {} : { theme }),
      });
      await page.getByRole("button", { name: "New partnership" }).waitFor();
      await page
        .locator('input[aria-label="Pricing strategy to import"]')
        .setInputFiles(path.join(EXAMPLES, "strategies", "westbridge-pricing-strategy.json"));
      await page
        .locator('input[aria-label="Partnership document to import"]')
        .setInputFiles(path.join(EXAMPLES, "commercial-rwe-milestones.json"));
      await page.getByTestId("live-total").waitFor();
      const problems: string[] = [];
      for (const step of STEP_NAMES) {
        await page.getByRole("tab", { name: step }).click();
        await page.getByRole("tab", { name: step, selected: true }).waitFor();
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        if (wide > width) problems.push(`${step}: the page is ${wide} px wide`);
        await page.getByRole("tab", { name: step }).focus();
        const first = await page.evaluateHandle(() => document.activeElement);
        let stops = 0;
        for (; stops < 250; stops++) {
          await page.keyboard.press("Tab");
          const where = await focusInView(page, first);
          if (where === undefined) break;
          if (where.visible <= 0) problems.push(`${step}: "${where.name}" is out of view`);
        }
        await first.dispose();
        if (stops < 3) problems.push(`${step}: only ${stops} Tab stops were reached`);
      }
      await snap(page, `reflow-${theme.replace(" ", "-")}-${width}`);
      expect(problems).toEqual([]);
      // Under forced colours the system paints text and background (the screenshots show black on
      // white), but axe's contrast check reads the page's own colours (yellow links) against the
      // forced white: the one rule that cannot judge this mode is left out of it.
      expect(
        await axeViolations(page, theme === "forced colours" ? ["color-contrast"] : [])
      ).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
);
