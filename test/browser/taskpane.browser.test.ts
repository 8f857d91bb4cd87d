/**
 * The task pane in a real browser: Debian's Chromium driven by playwright-core against the production
 * build served on localhost, at a task pane's size (350 x 600). Nothing is downloaded; outside requests
 * (office.js from Microsoft's CDN) are refused, as on a machine with no internet, and the pane must
 * still work: standalone, it keeps its partnerships in the browser's storage and writes the workbooks
 * itself. The page is loaded as a user's browser loads it: no Office, no CustomFunctions. A test that
 * needs Excel's runtime injects a stand-in of its own and says so in its name. Any error thrown in the
 * page or logged to its console fails a test. Screenshots of every step are saved in test-output/.
 */
import * as ExcelJS from "exceljs";
import fs from "fs";
import http from "http";
import type { AddressInfo } from "net";
import path from "path";
import { chromium, type Browser, type Page, type Worker } from "playwright-core";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const EXAMPLES = path.join(ROOT, "examples");
const TEST_OUTPUT = path.join(ROOT, "test-output", "taskpane");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** How long a page may take to load or to show what a test waits for: Playwright's 30 s is short on a loaded machine. */
const PAGE_TIMEOUT_MS = 120_000;
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

let server: http.Server;
let baseUrl: string;
let browser: Browser;

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

interface OpenPane {
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
function inProtectedExcel(page: Page): Promise<unknown> {
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
async function openTaskPane(
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

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** What a control is called, as a screen reader would announce it (labels, aria-label, text). */
async function focusedName(page: Page): Promise<string> {
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

/** Presses Tab until the control called `name` has the focus: the keyboard's way there. */
async function tabTo(
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
async function typeInto(page: Page, name: string, text: string): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.type(text);
}

/** Types into the control that has the focus, which must be the one called `name`. */
async function typeHere(page: Page, name: string, text: string): Promise<void> {
  expect(await focusedName(page)).toBe(name);
  await page.keyboard.type(text);
}

/** Chooses an option of the select called `name` by typing its label, as a keyboard user does. */
async function choose(page: Page, name: string, option: string): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.type(option);
  const chosen = await page.evaluate(() => {
    const select = document.activeElement as HTMLSelectElement;
    return select.options[select.selectedIndex]?.text ?? "";
  });
  if (chosen !== option) throw new Error(`${name}: typing "${option}" chose "${chosen}"`);
}

async function pressButton(page: Page, name: string | RegExp): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.press("Enter");
}

const STEP_NAMES = [
  "Partnership",
  "Data and value",
  "Costs",
  "Value sharing",
  "Scenarios",
  "Review",
];

/** Moves to a step by keyboard: Tab to the step list (its selected tab), arrows along it, Enter. */
async function selectStep(page: Page, name: string): Promise<void> {
  await tabTo(page, (text) => STEP_NAMES.includes(text));
  for (let i = 0; i < STEP_NAMES.length && (await focusedName(page)) !== name; i++)
    await page.keyboard.press("ArrowRight");
  for (let i = 0; i < STEP_NAMES.length && (await focusedName(page)) !== name; i++)
    await page.keyboard.press("ArrowLeft");
  expect(await focusedName(page)).toBe(name);
  await page.keyboard.press("Enter");
}

/** Serious and critical accessibility violations on the page now, as "rule: target" lines. */
async function axeViolations(page: Page, skipRules: readonly string[] = []): Promise<string[]> {
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
function closed(worker: Worker): Promise<void> {
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

async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(TEST_OUTPUT, `${name}.png`) });
}

/** A sum of money as a pounds field shows it once left: thousands grouped, pence when there are any. */
const shownPounds = (amount: number): string =>
  amount.toLocaleString("en-GB", {
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    maximumFractionDigits: 4,
  });

async function liveTotal(page: Page): Promise<string> {
  return (await page.getByTestId("live-total").textContent()) ?? "";
}

it("renders the task pane and lists the ten functions", async () => {
  const { page, errors } = await openTaskPane();
  await page.getByRole("heading", { level: 1, name: "NHS data partnership pricing" }).waitFor();
  const terms = await page.locator("dt").allTextContents();
  expect(terms.join(" ")).toMatch(/FULLCOST/);
  expect(terms.length).toBe(10);
  // At 350 x 600 the first action is in view without scrolling.
  const box = await page.getByRole("button", { name: "New partnership" }).boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(600);
  await snap(page, "00-start");
  expect(errors).toEqual([]);
  await page.close();
});

it("standalone, with office.js unreachable and no CustomFunctions, the pane loads without an error and prices a partnership", async () => {
  const { page, errors, refused } = await openTaskPane();
  await page.getByRole("button", { name: "New partnership" }).waitFor();
  // What a user's browser has: office.js was asked for and not had; neither Office nor Excel's
  // custom functions runtime exists, and functions.js registered nothing rather than throwing.
  expect(refused).toContain(OFFICE_JS);
  expect(
    await page.evaluate(() => [typeof window.Office, typeof window.CustomFunctions].join(" "))
  ).toBe("undefined undefined");
  // With no workbook open there is nothing to audit, so no card offers it.
  await page.getByText("In the browser:", { exact: false }).waitFor();
  expect(await page.getByRole("region", { name: "Audit this workbook" }).count()).toBe(0);
  expect(await page.getByText("Audit this workbook").count()).toBe(0);
  // The editor in use (the keyboard is walked through in "building a partnership by keyboard alone").
  await page.getByRole("button", { name: "New partnership" }).click();
  await page.getByRole("tab", { name: "Partnership" }).waitFor();
  await page.getByLabel("Trust name").fill("Northvale Teaching Hospitals NHS Foundation Trust");
  await page.getByLabel("ODS code").fill("R9X");
  await page.getByLabel("Partner organisation").fill("Radiant Vision AI Ltd");
  await page.getByLabel("Organisation type").selectOption({ label: "Large company" });
  await page
    .getByLabel("Type of partnership")
    .selectOption({ label: "Type 2: access to data and staff expertise" });
  await page.getByLabel("Purpose").fill("Train and validate a chest X-ray triage model");
  await page.getByLabel("Use of the data").selectOption({ label: "Commercial" });
  await page.getByLabel("Access route").selectOption({ label: "Secure data environment (SDE)" });
  await page.getByLabel("Foreground IP owner").selectOption({ label: "Partner" });
  await page.getByLabel("VAT rate").fill("20");
  await page.getByRole("tab", { name: "Data and value" }).click();
  await page.getByRole("button", { name: "Add data asset" }).click();
  await page.getByLabel("Name").fill("Chest X-ray archive 2015-2024");
  await page.getByLabel("Description").fill("De-identified chest radiographs with reports");
  await page
    .getByLabel("Intended use")
    .selectOption({ label: "Training and validating an ML/AI model" });
  await page.getByRole("tab", { name: "Costs" }).click();
  await page.getByLabel("Staff on-costs").fill("25");
  await page.getByLabel("Overheads").fill("20");
  await page.getByLabel("Fixed cost recovery").fill("10");
  await page.getByLabel("Capital cost recovery").fill("5");
  await page.getByRole("button", { name: "Add cost line" }).click();
  await page.getByLabel("Description").fill("Image de-identification");
  await page.getByLabel("Quantity").fill("10");
  await page.getByLabel("Unit cost").fill("450");
  // 10 x £450 = £4,500; on-costs 25%: £5,625; overheads 20%: £6,750; fixed 10% and capital 5% of it:
  // £675 + £337.50; total £7,762.50.
  // The footer says what is left to complete until the total can be shown: on failure, that is shown.
  await page
    .getByTestId("live-total")
    .waitFor({ timeout: 30_000 })
    .catch(() => undefined);
  await snap(page, "00b-standalone-offline");
  expect(await page.locator("#quote-footer-status").innerText()).toMatch(/£7,762\.50$/);

  // Percentages are spoken of in percentages: a VAT rate typed to a thousandth of a percent, and an
  // overhead of 1,000%, which is allowed but asked about.
  const vat = page.locator("#field-vatRate");
  await page.getByRole("tab", { name: "Partnership" }).click();
  await vat.fill("20.125");
  await vat.blur();
  await page.getByText("must be to the nearest 0.01% (got 20.125%)").waitFor();
  await vat.fill("20");
  await page.getByRole("tab", { name: "Costs" }).click();
  const overheads = page.locator("#field-pricing-overheadRate");
  await overheads.fill("1000");
  await overheads.blur();
  await page
    .getByText("1,000% is more than the cost itself again: check it is the rate meant")
    .waitFor();
  await overheads.fill("20");
  // A large amount, once the field is left, reads with its thousands: "45,000,000".
  const unitCost = page.getByLabel("Unit cost");
  await unitCost.fill("4500000");
  await unitCost.blur();
  expect(await unitCost.inputValue()).toBe("4,500,000");
  await unitCost.fill("450");
  await page.waitForFunction(() =>
    /£7,762\.50$/.test((document.querySelector("#quote-footer-status") as HTMLElement).innerText)
  );
  expect(errors).toEqual([]);
  await page.close();
});

it("with a stand-in for Excel's custom functions runtime injected, the shared-runtime page registers the ten functions", async () => {
  // Inside Excel, the shared runtime defines CustomFunctions before functions.js runs; this recorder
  // stands in for it, the only test that gives the page one.
  const { page, errors } = await openTaskPane({
    beforeLoad: (p) =>
      p.addInitScript(() => {
        const ids: string[] = [];
        (window as unknown as Record<string, unknown>).CustomFunctions = {
          associate: (id: string, fn: unknown) => {
            if (typeof fn === "function") ids.push(id);
          },
          Error: class extends Error {},
          ErrorCode: {},
          registeredIds: ids,
        };
      }),
  });
  await page.getByRole("button", { name: "New partnership" }).waitFor();
  const registeredIds = await page.evaluate(
    () =>
      (window as unknown as { CustomFunctions: { registeredIds: string[] } }).CustomFunctions
        .registeredIds
  );
  const declared = (
    JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    }
  ).functions.map((f) => f.id);
  expect(declared).toHaveLength(10);
  expect([...registeredIds].sort()).toEqual([...declared].sort());
  expect(errors).toEqual([]);
  await page.close();
});

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
      expect(await review.getByRole("table", { name: "Cost lines" }).innerText()).toMatch(
        /Image de-identification\s+£4,500\.00\s+£5,625\.00\s+£6,750\.00/
      );
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
  await page.getByRole("button", { name: "Import JSON…" }).waitFor();
  await page
    .locator('input[aria-label="Partnership document to import"]')
    .setInputFiles(path.join(EXAMPLES, "commercial-imaging-ai.json"));
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

  await page
    .locator('input[aria-label="Partnership document to import"]')
    .setInputFiles(path.join(EXAMPLES, "v1", "commercial-imaging-ai.json"));
  await page.getByText(/^Imported commercial-imaging-ai\.json, upgraded from version 1/).waitFor();
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
    await pane.page.getByRole("button", { name: "Import JSON…" }).waitFor();
    await pane.page
      .locator('input[aria-label="Partnership document to import"]')
      .setInputFiles(file);
    await pane.page.getByText("Imported commercial-imaging-ai.json.").waitFor();
  });
  afterAll(async () => {
    await pane.page.close();
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

describe("the strategy in the pane", () => {
  const STRATEGY_TABS = [
    "Strategy and trust",
    "Staff time",
    "Overhead and base",
    "Pools",
    "Standard items",
    "Rates",
  ];

  /** Moves to a section of the strategy editor by keyboard, as selectStep does for the partnership. */
  async function selectStrategyTab(page: Page, name: string): Promise<void> {
    await tabTo(page, (text) => STRATEGY_TABS.includes(text));
    for (let i = 0; i < STRATEGY_TABS.length && (await focusedName(page)) !== name; i++)
      await page.keyboard.press("ArrowRight");
    for (let i = 0; i < STRATEGY_TABS.length && (await focusedName(page)) !== name; i++)
      await page.keyboard.press("ArrowLeft");
    expect(await focusedName(page)).toBe(name);
    await page.keyboard.press("Enter");
  }

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
});

describe("nothing lost or misprinted", () => {
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
    await page.getByRole("button", { name: "Import JSON…" }).waitFor();
    await page.locator('input[aria-label="Partnership document to import"]').setInputFiles(file);
    await page.getByText(`Imported ${path.basename(file)}.`).waitFor();
  }
  const lineLegends = (page: Page) =>
    page.locator('fieldset[data-list="costs.lines"] > legend').allTextContents();
  const valueOf = (page: Page, id: string) => page.locator(`#${id}`).inputValue();

  it("arrowing through the strategy's choices, the line's description follows the price; a typed one stays", async () => {
    const { page, errors } = await openTaskPane();
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
    await snap(page, "20-choice-describes");

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
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("removing a cost line by keyboard: the keyboard goes to Undo, so Enter again removes nothing more and puts the line back", async () => {
    const { page, errors } = await openTaskPane();
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
    expect(await axeViolations(page)).toEqual([]);
    await status.scrollIntoViewIfNeeded();
    await snap(page, "21-line-removed");

    // The second Enter lands on Undo: the line is back, where it was, as it was.
    await page.keyboard.press("Enter");
    await expect(lineLegends(page)).resolves.toEqual(before);
    expect(await valueOf(page, "field-costs-lines-1-quantity")).toBe(String(second.quantity));
    expect(await valueOf(page, "field-costs-lines-1-unitCost")).toBe(String(second.unitCost));
    expect(await focusedName(page)).toBe("Description");
    expect(await valueOf(page, "field-costs-lines-1-description")).toBe(second.description);
    expect(await liveTotal(page)).toBe(total);
    expect(await page.getByText(`Removed ${second.description}.`).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("removing the royalty by keyboard can be undone: its tiers, cap and term come back", async () => {
    const { page, errors } = await openTaskPane();
    await importPartnership(page, imaging);
    await selectStep(page, "Value sharing");
    // The example's royalty: 10 years, a cap of £750,000, tiers from £0 and from £5,000,000.
    expect(await valueOf(page, "field-valueSharing-royalty-termYears")).toBe("10");
    await pressButton(page, "Remove royalty");
    await page.getByRole("status").filter({ hasText: "Removed the royalty." }).waitFor();
    expect(await page.locator("#field-valueSharing-royalty-termYears").count()).toBe(0);
    expect(await focusedName(page)).toBe("Undo: restore the royalty");
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Enter");
    await expect(valueOf(page, "field-valueSharing-royalty-termYears")).resolves.toBe("10");
    expect(await valueOf(page, "field-valueSharing-royalty-annualCap")).toBe("750,000");
    expect(await valueOf(page, "field-valueSharing-royalty-tiers-1-threshold")).toBe("5,000,000");
    // The royalty is back, and the keyboard with it, on its first control.
    expect(await focusedName(page)).toBe("Revenue from");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("deletes a partnership, opens the next, and Undo brings it back with its contents, also after a reload", async () => {
    const { page, errors } = await openTaskPane();
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
    expect(await axeViolations(page)).toEqual([]);
    await snap(page, "22-partnership-deleted");

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
    await page.close();
  });

  it("a tab that loaded before another tab's edit does not save over it, and says what it took in", async () => {
    const context = await browser.newContext({ viewport: { width: 350, height: 600 } });
    const a = await openTaskPane({ page: await context.newPage() });
    await importPartnership(a.page, study);
    await importPartnership(a.page, imaging);
    await a.page.waitForTimeout(1500);
    const b = await openTaskPane({ page: await context.newPage() });
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
    const context = await browser.newContext({ viewport: { width: 350, height: 600 } });
    const a = await openTaskPane({ page: await context.newPage() });
    await importPartnership(a.page, study);
    // Let tab A save, then open tab B on the same browser storage.
    await a.page.waitForTimeout(1500);
    const b = await openTaskPane({ page: await context.newPage() });
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
    expect(await purposes(a.page)).toEqual(both);
    expect(await purposes(b.page)).toEqual(both);
    const messages = await Promise.all(
      [a, b].map((tab) =>
        tab.page.getByRole("status", { name: "Changes from other windows" }).innerText()
      )
    );
    expect(messages.some((m) => m.includes("both versions are kept"))).toBe(true);
    await snap(a.page, "23-tab-a-merged");
    await snap(b.page, "23-tab-b-merged");
    expect(await axeViolations(b.page)).toEqual([]);
    expect([...a.errors, ...b.errors]).toEqual([]);
    await context.close();
  });
});

/** Presses Shift+Tab until the control called `name` has the focus: the keyboard's way back. */
async function tabBackTo(page: Page, name: string, limit = 120): Promise<void> {
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
async function focusedOn(page: Page, name: string): Promise<void> {
  let focused = "";
  for (let i = 0; i < 50; i++) {
    focused = await focusedName(page);
    if (focused === name) return;
    await page.waitForTimeout(100);
  }
  expect(focused).toBe(name);
}

/** Replaces the text of the focused control, which must be the one called `name`. */
async function replaceHere(page: Page, name: string, text: string): Promise<void> {
  await focusedOn(page, name);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

/** Replaces the text of the control called `name`, reached by Tab. */
async function replaceInto(page: Page, name: string, text: string): Promise<void> {
  await tabTo(page, name);
  await replaceHere(page, name, text);
}

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

    // Remove the royalty: the keyboard goes to Undo, which brings back its tiers, minimum and term.
    await tabBackTo(page, "Remove royalty");
    await page.keyboard.press("Enter");
    await focusedOn(page, "Undo: restore the royalty");
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
        { description: "First sale", amount: 100000, year: 3, probability: 0.4 },
      ],
    });
    expect(exported.scenarios).toEqual({
      revenue: { kind: "explicit", byYear: revenue },
      probabilityOfReachingMarket: 0.4,
      discount: { kind: "green-book" },
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
    const item = page.getByRole("listitem").filter({ hasText: "scenarios.discount.rate" });
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
