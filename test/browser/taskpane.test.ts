/**
 * The task pane in a real browser: Debian's Chromium driven by playwright-core against the production
 * build served on localhost. Nothing is downloaded; outside requests (office.js from Microsoft's CDN)
 * are refused, as they are on a machine with no internet, and the page must still work.
 */
import fs from "fs";
import http from "http";
import type { AddressInfo } from "net";
import path from "path";
import * as ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";

const DIST = path.join(__dirname, "..", "..", "dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
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
}, 60000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const TEST_OUTPUT = path.join(__dirname, "..", "..", "test-output");
const EXCEL_NOTE =
  "Open this add-in in Excel to create the quote sheet; the figures above are the same.";

/** The task pane at a task pane's width, offline, with a CustomFunctions recorder; errors collected. */
async function openTaskPane(
  beforeLoad?: (page: Page) => Promise<unknown>
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 350, height: 800 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("**/*", (route) =>
    route.request().url().startsWith(baseUrl) ? route.continue() : route.abort()
  );
  // Excel's shared runtime provides CustomFunctions to the page; outside Excel we provide a recorder.
  await page.addInitScript(() => {
    const ids: string[] = [];
    (window as unknown as Record<string, unknown>).CustomFunctions = {
      associate: (id: string) => ids.push(id),
      Error: class extends Error {},
      ErrorCode: {},
      registeredIds: ids,
    };
  });
  await beforeLoad?.(page);
  await page.goto(`${baseUrl}/taskpane.html`);
  return { page, errors };
}

it("renders the task pane and registers the ten functions on the shared-runtime page", async () => {
  const { page, errors } = await openTaskPane();
  await page.getByRole("heading", { level: 1, name: "NHS data partnership pricing" }).waitFor();
  const terms = await page.locator("dt").allTextContents();
  expect(terms.join(" ")).toMatch(/FULLCOST/);
  expect(terms.length).toBe(10);
  const registeredIds = await page.evaluate(
    () =>
      (window as unknown as { CustomFunctions: { registeredIds: string[] } }).CustomFunctions
        .registeredIds
  );
  expect(registeredIds.sort()).toEqual(
    [
      "BREAKEVENROYALTY",
      "CHARGE",
      "FULLCOST",
      "GREENBOOKDF",
      "MARGINALCOST",
      "MILESTONEVALUE",
      "ROYALTY",
      "ROYALTYVALUE",
      "SUBSCRIPTIONVALUE",
      "VERSION",
    ].sort()
  );
  fs.mkdirSync(TEST_OUTPUT, { recursive: true });
  await page.screenshot({ path: path.join(TEST_OUTPUT, "taskpane.png"), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

it("checks a chosen partnership document and quotes it, with sheet creation left to Excel", async () => {
  const { page, errors } = await openTaskPane();
  const region = page.getByRole("region", { name: "Quote from a partnership document" });
  await region.getByRole("heading", { level: 2 }).waitFor();
  const fileInput = region.locator('input[type="file"]');
  expect(await fileInput.getAttribute("accept")).toBe(".json,application/json");
  const createButton = region.getByRole("button", { name: "Create quote sheet" });
  const results = region.locator('[aria-live="polite"]#quote-results');

  // An invalid document: every problem listed, with its path, and nothing to create.
  await fileInput.setInputFiles(path.join(EXAMPLES, "invalid", "bad-costs.json"));
  await results.getByRole("heading", { level: 3, name: "15 problems in bad-costs.json" }).waitFor();
  const issues = await results
    .getByRole("list", { name: "Problems" })
    .getByRole("listitem")
    .allTextContents();
  expect(issues).toHaveLength(15);
  expect(issues).toContain('costs.lines[1].unitCost: must be a number (got the text "112.50")');
  expect(await createButton.isDisabled()).toBe(true);
  expect(await region.getByText(EXCEL_NOTE).count()).toBe(0);

  // A valid one, chosen next: its quote replaces the problems.
  await fileInput.setInputFiles(path.join(EXAMPLES, "commercial-imaging-ai.json"));
  // The figures are worked by hand in test/core/quote.test.ts: £73,692.22, VAT at 20% £14,738.444 -> £14,738.44.
  await results.getByText("£73,692.22", { exact: true }).waitFor();
  expect(await results.getByRole("list", { name: "Problems" }).count()).toBe(0);
  const summary = await results.getByRole("definition").allTextContents();
  expect(summary).toEqual([
    "DP-2025-011",
    "Radiant Vision AI Ltd",
    "Commercial",
    "full cost",
    "£73,692.22",
    "£14,738.44",
    "£88,430.66",
  ]);
  expect(await results.getByLabel("Price change on upgrade").count()).toBe(0);
  await region.getByText("commercial-imaging-ai.json", { exact: true }).waitFor();
  // Outside Excel (office.js is not even reachable here) the sheet cannot be written.
  expect(await createButton.isDisabled()).toBe(true);
  await region.getByText(EXCEL_NOTE).waitFor();
  expect(await createButton.getAttribute("aria-describedby")).toBe(
    await region.getByText(EXCEL_NOTE).getAttribute("id")
  );

  // Headings in order: one h1, then h2s, then h3s inside the quote section.
  const levels = await page
    .locator("h1, h2, h3, h4, h5, h6")
    .evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))));
  expect(levels[0]).toBe(1);
  levels.forEach((level, i) => i > 0 && expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1));

  fs.mkdirSync(TEST_OUTPUT, { recursive: true });
  await page.screenshot({ path: path.join(TEST_OUTPUT, "taskpane-quote.png"), fullPage: true });

  // A version-1 document is read as version 2, and the pane says how its price changes and why:
  // its two non-staff lines lose their 25% on-costs (16,992 x 0.25 x 1.2 = 5,097.60; 16,650 x 0.25 x 1.2 = 4,995.00).
  await fileInput.setInputFiles(path.join(EXAMPLES, "v1", "commercial-imaging-ai.json"));
  const change = results.getByLabel("Price change on upgrade");
  await change.waitFor();
  const changeText = await change.innerText();
  expect(changeText).toMatch(/Its price changes from £98,678\.53 to £85,517\.50 ex VAT/);
  expect(changeText).toMatch(/dao-accounts: £25,488\.00 -> £20,390\.40 \(-£5,097\.60\)/);
  expect(changeText).toMatch(/dao-compute: £24,975\.00 -> £19,980\.00 \(-£4,995\.00\)/);
  await page.screenshot({ path: path.join(TEST_OUTPUT, "taskpane-upgraded.png"), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

it("in Excel, creates the quote sheet through the writer loaded on demand, and shows Excel's errors", async () => {
  // Stand-ins for office.js in Excel: onReady answers "Excel", and Excel.run fails as a protected
  // workbook would. The writer's chunk must load from the build for the run to be reached at all.
  const { page, errors } = await openTaskPane((p) =>
    p.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      const runs: unknown[] = [];
      w.Office = {
        HostType: { Excel: "Excel" },
        context: { host: "Excel" },
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
    })
  );
  const region = page.getByRole("region", { name: "Quote from a partnership document" });
  await page.getByText("Connected to Excel.", { exact: false }).waitFor();
  await region
    .locator('input[type="file"]')
    .setInputFiles(path.join(EXAMPLES, "academic-sde-study.json"));
  const createButton = region.getByRole("button", { name: "Create quote sheet" });
  await region.getByRole("heading", { level: 3, name: /^Quote / }).waitFor();
  expect(await createButton.isEnabled()).toBe(true);
  expect(await region.getByText(EXCEL_NOTE).count()).toBe(0);

  await createButton.click();
  await region
    .getByText("The quote sheet could not be created: The workbook is protected (test).")
    .waitFor();
  expect(
    await page.evaluate(
      () => (window as unknown as { Excel: { runs: unknown[] } }).Excel.runs.length
    )
  ).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
});

/** The sheets of an .xlsx and the value a sheet-scoped name points at, read back with ExcelJS. */
async function readWorkbook(bytes: Buffer): Promise<{ sheets: string[]; texts: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") texts.push(cell.value);
      })
    )
  );
  return { sheets: workbook.worksheets.map((sheet) => sheet.name), texts: texts.join("\n") };
}

it("outside Excel, downloads the partner copy: the quote sheet alone, written in the browser", async () => {
  const { page, errors } = await openTaskPane();
  const region = page.getByRole("region", { name: "Quote from a partnership document" });
  await region
    .locator('input[type="file"]')
    .setInputFiles(path.join(EXAMPLES, "commercial-imaging-ai.json"));
  await region.getByText("£73,692.22", { exact: true }).first().waitFor();
  const download = page.waitForEvent("download");
  await region.getByRole("button", { name: "Download partner copy" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("Quote DP-2025-011.xlsx");
  await region.getByText("Downloaded the partner copy, “Quote DP-2025-011.xlsx”.").waitFor();
  const saved = path.join(TEST_OUTPUT, "partner-copy-from-browser.xlsx");
  fs.mkdirSync(TEST_OUTPUT, { recursive: true });
  await file.saveAs(saved);
  const { sheets, texts } = await readWorkbook(fs.readFileSync(saved));
  expect(sheets).toEqual(["Quote DP-2025-011"]);
  expect(texts).toMatch(/Total before VAT/);
  expect(texts).not.toMatch(/WARNING|Findings|Register|Guide/);
  // The total is the formula's cached figure, the same the core gives (test/core/quote.test.ts).
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(saved) as unknown as ArrayBuffer);
  const totals: number[] = [];
  workbook.worksheets[0]!.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value as { formula?: string; result?: unknown } | null;
      if (value?.formula && value.result === 73692.22) totals.push(73692.22);
    })
  );
  expect(totals.length).toBeGreaterThan(0);
  await page.screenshot({
    path: path.join(TEST_OUTPUT, "taskpane-partner-copy.png"),
    fullPage: true,
  });
  expect(errors).toEqual([]);
  await page.close();
});
