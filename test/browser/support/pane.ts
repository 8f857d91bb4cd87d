/**
 * The task pane in a real browser: Debian's Chromium driven by playwright-core against the production
 * build served on localhost, at a task pane's size (350 x 600; the reflow and no-loss tests also at 200%
 * zoom and in every theme, PANE_CASES). Nothing is downloaded; outside requests
 * (office.js from Microsoft's CDN) are refused, as on a machine with no internet, and the pane must
 * still work: standalone, it keeps its partnerships in the browser's storage and writes the workbooks
 * itself. The page is loaded as a user's browser loads it: no Office, no CustomFunctions. A test that
 * needs Excel's runtime injects a stand-in of its own and says so in its name. Any error thrown in the
 * page or logged to its console fails a test. Screenshots are saved in test-output/taskpane/: every
 * step and every section of the strategy editor, whole, in each case (reflow.browser.test.ts).
 *
 * What every browser test file shares: the server and the browser (started once a file, by the hooks
 * below, which run in each file that imports this one), the pane as a user's browser opens it, and the
 * keyboard's ways round it.
 */
import fs from "fs";
import http from "http";
import type { AddressInfo } from "net";
import path from "path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Worker,
} from "playwright-core";

/** The project: this file is test/browser/support/pane.ts. */
export const ROOT = path.join(__dirname, "..", "..", "..");
export const DIST = path.join(ROOT, "dist");
export const EXAMPLES = path.join(ROOT, "examples");
export const TEST_OUTPUT = path.join(ROOT, "test-output", "taskpane");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** How long a page may take to load or to show what a test waits for: Playwright's 30 s is short on a loaded machine. */
export const PAGE_TIMEOUT_MS = 120_000;
export const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

export let server: http.Server;
export let baseUrl: string;
export let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} not found: install Debian's chromium package`);
  fs.mkdirSync(TEST_OUTPUT, { recursive: true });
  server = http.createServer((request, response) => {
    const file = path.join(
      DIST,
      decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)
    );
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    timeout: PAGE_TIMEOUT_MS,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

export interface OpenPane {
  page: Page;
  /** Errors thrown in the page and errors logged to its console. */
  errors: string[];
  /** The outside requests refused, office.js among them. */
  refused: string[];
}

/**
 * Stand-ins for office.js inside Excel, for the tests of the pane in Excel: Office.onReady answers
 * "Excel", and every Excel.run fails as it does on a protected workbook (the batches are kept in
 * `Excel.runs`).
 */
export function inProtectedExcel(page: Page): Promise<unknown> {
  return page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const runs: unknown[] = [];
    w.Office = {
      HostType: { Excel: "Excel" },
      context: { host: "Excel", requirements: { isSetSupported: () => true } },
      onReady: (callback: (info: { host: string }) => void) => {
        setTimeout(() => callback({ host: "Excel" }), 0);
        return Promise.resolve({ host: "Excel" });
      },
    };
    w.Excel = {
      run: (batch: unknown) => {
        runs.push(batch);
        return Promise.reject(new Error("The workbook is protected (test)."));
      },
      runs,
    };
  });
}

/**
 * The task pane at a task pane's size, offline, exactly as a browser opening taskpane.html loads it:
 * office.js (https://appsforoffice.microsoft.com/..., a <script> in taskpane.html's head) and every
 * other outside request are refused, and nothing is put on the page before it loads unless a test's
 * `beforeLoad` does. Errors thrown in the page and console errors are collected, except the browser's
 * own "Failed to load resource" line for each request refused here.
 */
export async function openTaskPane(
  options: {
    theme?: "light" | "dark";
    page?: Page;
    beforeLoad?: (page: Page) => Promise<unknown>;
  } = {}
): Promise<OpenPane> {
  const page =
    options.page ??
    (await browser.newPage({ viewport: { width: 350, height: 600 }, acceptDownloads: true }));
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  const errors: string[] = [];
  const refused: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const refusedHere =
      message.text().startsWith("Failed to load resource") &&
      refused.includes(message.location().url);
    if (!refusedHere) errors.push(`console error: ${message.text()}`);
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl)) return route.continue();
    refused.push(url);
    return route.abort();
  });
  await options.beforeLoad?.(page);
  await page.goto(`${baseUrl}/taskpane.html${options.theme ? `?theme=${options.theme}` : ""}`);
  return { page, errors, refused };
}

/**
 * The themes and sizes the pane must work in: a task pane's 350 x 600, and the same pane at 200% zoom
 * (175 x 300 CSS px drawn at twice the pixels, as WCAG 2.2's reflow asks); each in the light and dark
 * themes and with the system's colours forced (a Windows contrast theme), which the pane follows itself.
 */
export type PaneTheme = "light" | "dark" | "forced colours";
export type PaneCase = readonly [theme: PaneTheme, width: number, height: number, scale: number];
export const PANE_CASES: readonly PaneCase[] = [
  ["light", 350, 600, 1],
  ["dark", 350, 600, 1],
  ["forced colours", 350, 600, 1],
  ["light", 175, 300, 2],
  ["dark", 175, 300, 2],
  ["forced colours", 175, 300, 2],
];

/** A case as screenshots are named for it: "light-350", "forced-colours-175". */
export const caseName = ([theme, width]: PaneCase): string => `${theme.replace(" ", "-")}-${width}`;

/** A browser context (its own storage, shared by its tabs) at a case's size, colours forced or not. */
export function paneContext([theme, width, height, scale]: PaneCase): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: scale,
    forcedColors: theme === "forced colours" ? "active" : "none",
    acceptDownloads: true,
  });
}

/**
 * The pane in a new tab of `context`, in a case's theme: light and dark asked for by `?theme=`, while
 * under forced colours the pane is opened as a user's browser opens it and takes the system's colours.
 */
export async function openTaskPaneIn(context: BrowserContext, theme: PaneTheme): Promise<OpenPane> {
  return openTaskPane({
    page: await context.newPage(),
    ...(theme === "forced colours" ? {} : { theme }),
  });
}

/**
 * The accessibility rules left out in a theme. Under forced colours the system paints text and
 * background (the screenshots show it), but axe's contrast check reads the page's own colours against
 * the forced ones: the one rule that cannot judge that mode is left out of it, and only there.
 */
export const axeSkippedIn = (theme: PaneTheme): string[] =>
  theme === "forced colours" ? ["color-contrast"] : [];

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** What a control is called, as a screen reader would announce it (labels, aria-label, text). */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return "";
    const labelled = element.getAttribute("aria-labelledby");
    // A required field's label ends in Fluent's "*", which is not part of its name.
    if (labelled)
      return labelled
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ")
        .trim()
        .replace(/\s*\*$/, "");
    const label = element.getAttribute("aria-label");
    if (label) return label;
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length) return (labels[0]?.textContent ?? "").trim().replace(/\s*\*$/, "");
    const text = (element.textContent ?? "").trim();
    // A Fluent tab holds its label twice (once hidden, to reserve the width of its bold form).
    const half = text.slice(0, text.length / 2);
    return text.length % 2 === 0 && half + half === text ? half : text;
  });
}

/** What a screen reader adds after the focused control's name: the text its aria-describedby points to. */
export async function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() =>
    (document.activeElement?.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ")
      .trim()
  );
}

/** Presses Tab until the control called `name` has the focus: the keyboard's way there. */
export async function tabTo(
  page: Page,
  name: string | RegExp | ((text: string) => boolean),
  limit = 120
): Promise<void> {
  const matches = (text: string) =>
    typeof name === "string"
      ? text === name
      : typeof name === "function"
        ? name(text)
        : name.test(text);
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await focusedName(page);
    if (matches(focused)) return;
    seen.push(focused);
  }
  throw new Error(`Tab never reached "${String(name)}"; it passed: ${seen.join(" | ")}`);
}

/** Types into the control called `name`, reached by Tab. */
export async function typeInto(page: Page, name: string, text: string): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.type(text);
}

/** Types into the control that has the focus, which must be the one called `name`. */
export async function typeHere(page: Page, name: string, text: string): Promise<void> {
  expect(await focusedName(page)).toBe(name);
  await page.keyboard.type(text);
}

/** Chooses an option of the select called `name` by typing its label, as a keyboard user does. */
export async function choose(page: Page, name: string, option: string): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.type(option);
  const chosen = await page.evaluate(() => {
    const select = document.activeElement as HTMLSelectElement;
    return select.options[select.selectedIndex]?.text ?? "";
  });
  if (chosen !== option) throw new Error(`${name}: typing "${option}" chose "${chosen}"`);
}

export async function pressButton(page: Page, name: string | RegExp): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.press("Enter");
}

export const STEP_NAMES = [
  "Partnership",
  "Data and value",
  "Costs",
  "Value sharing",
  "Scenarios",
  "Review",
];

/** The strategy editor's sections, in order. */
export const STRATEGY_TABS = [
  "Strategy and trust",
  "Staff time",
  "Overhead and base",
  "Pools",
  "Standard items",
  "Value-sharing policy",
  "Rates",
];

/** Moves to a tab by keyboard: Tab to the tab list (its selected tab), arrows along it, Enter. */
export async function selectTab(page: Page, tabs: readonly string[], name: string): Promise<void> {
  await tabTo(page, (text) => tabs.includes(text));
  for (let i = 0; i < tabs.length && (await focusedName(page)) !== name; i++)
    await page.keyboard.press("ArrowRight");
  for (let i = 0; i < tabs.length && (await focusedName(page)) !== name; i++)
    await page.keyboard.press("ArrowLeft");
  expect(await focusedName(page)).toBe(name);
  await page.keyboard.press("Enter");
}

/** Moves to a step of the partnership editor by keyboard. */
export const selectStep = (page: Page, name: string) => selectTab(page, STEP_NAMES, name);

/** Serious and critical accessibility violations on the page now, as "rule: target" lines. */
export async function axeViolations(
  page: Page,
  skipRules: readonly string[] = []
): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (skip) => {
    const axe = (
      window as unknown as {
        axe: { run: (context: never, options: never) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    // Fluent's focus manager (tabster) puts hidden, focusable <i data-tabster-dummy> sentinels around
    // focus groups; they hand the focus straight on and are never a control, so axe leaves them out.
    const result = await axe.run(
      { exclude: [["[data-tabster-dummy]"]] } as never,
      { rules: Object.fromEntries(skip.map((rule) => [rule, { enabled: false }])) } as never
    );
    return result.violations as {
      id: string;
      impact: string;
      nodes: { target: string[] }[];
    }[];
  }, skipRules);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(" ")}`));
}

/** When the worker ends; it must within PAGE_TIMEOUT_MS. */
export function closed(worker: Worker): Promise<void> {
  const ended = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${worker.url()} still running after ${PAGE_TIMEOUT_MS} ms`)),
      PAGE_TIMEOUT_MS
    );
    timer.unref();
    worker.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  // A test that fails before waiting for it leaves no unhandled rejection behind.
  ended.catch(() => undefined);
  return ended;
}

/** Saves a screenshot in test-output/taskpane/: the viewport, or with `fullPage` the whole page. */
export async function snap(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {}
): Promise<void> {
  await page.screenshot({
    path: path.join(TEST_OUTPUT, `${name}.png`),
    fullPage: options.fullPage,
  });
}

/** A sum of money as a pounds field shows it once left: thousands grouped, pence when there are any. */
export const shownPounds = (amount: number): string =>
  amount.toLocaleString("en-GB", {
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    maximumFractionDigits: 4,
  });

export async function liveTotal(page: Page): Promise<string> {
  return (await page.getByTestId("live-total").textContent()) ?? "";
}

/** Presses Shift+Tab until the control called `name` has the focus: the keyboard's way back. */
export async function tabBackTo(page: Page, name: string, limit = 120): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Shift+Tab");
    const focused = await focusedName(page);
    if (focused === name) return;
    seen.push(focused);
  }
  throw new Error(`Shift+Tab never reached "${name}"; it passed: ${seen.join(" | ")}`);
}

/** Waits (up to 5 s) for the control called `name` to have the focus, and says where it is if not. */
export async function focusedOn(page: Page, name: string): Promise<void> {
  let focused = "";
  for (let i = 0; i < 50; i++) {
    focused = await focusedName(page);
    if (focused === name) return;
    await page.waitForTimeout(100);
  }
  expect(focused).toBe(name);
}

/** Replaces the text of the focused control, which must be the one called `name`. */
export async function replaceHere(page: Page, name: string, text: string): Promise<void> {
  await focusedOn(page, name);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

/** Replaces the text of the control called `name`, reached by Tab. */
export async function replaceInto(page: Page, name: string, text: string): Promise<void> {
  await tabTo(page, name);
  await replaceHere(page, name, text);
}

/** Import JSON… as the pane offers it once loaded: the partnership document at `file` chosen. */
export async function chooseDocumentToImport(page: Page, file: string): Promise<void> {
  await page.getByRole("button", { name: "Import JSON…" }).waitFor();
  await page.locator('input[aria-label="Partnership document to import"]').setInputFiles(file);
}
