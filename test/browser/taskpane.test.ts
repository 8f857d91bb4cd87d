/**
 * The task pane in a real browser: Debian's Chromium driven by playwright-core against the production
 * build served on localhost. Nothing is downloaded; outside requests (office.js from Microsoft's CDN)
 * are refused, as they are on a machine with no internet, and the page must still work.
 */
import fs from "fs";
import http from "http";
import type { AddressInfo } from "net";
import path from "path";
import { chromium, type Browser } from "playwright-core";

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

it("renders the task pane and registers the ten functions on the shared-runtime page", async () => {
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

  await page.goto(`${baseUrl}/taskpane.html`);
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
  fs.mkdirSync(path.join(__dirname, "..", "..", "test-output"), { recursive: true });
  await page.screenshot({
    path: path.join(__dirname, "..", "..", "test-output", "taskpane.png"),
    fullPage: true,
  });
  expect(errors).toEqual([]);
});
