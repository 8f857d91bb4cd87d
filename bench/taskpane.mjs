/*
 * The task pane as its user meets it, in Debian's Chromium (headless, one tab at 350 x 600) against the
 * production build served on localhost: the size of what taskpane.html loads before its first render,
 * the first contentful paint, and how long a keystroke in a 60-line quote takes to re-price and show the
 * new total. Best of several runs each; a measurement, not a test.
 */
/* global window, document, MutationObserver, requestAnimationFrame, HTMLInputElement -- the functions passed to page.evaluate run in the page */
import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import zlib from "zlib";
import { createRequire } from "module";

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FIRST_LOAD = ["taskpane.js", "commands.js", "functions.js"];
const TYPES = { ".html": "text/html", ".js": "text/javascript" };

function firstLoad(dist) {
  let raw = 0;
  let gzip = 0;
  for (const file of FIRST_LOAD) {
    const bytes = fs.readFileSync(path.join(dist, file));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files: FIRST_LOAD, rawKB: +(raw / 1024).toFixed(1), gzipKB: +(gzip / 1024).toFixed(1) };
}

/** The imaging example with 60 cost lines, 20 of each category. */
function sixtyLineDocument(root) {
  const doc = JSON.parse(
    fs.readFileSync(path.join(root, "examples", "commercial-imaging-ai.json"), "utf8")
  );
  const categories = ["services", "data-access-people", "data-access-other"];
  doc.costs.lines = Array.from({ length: 60 }, (_, i) => ({
    id: `line-${i + 1}`,
    category: categories[i % 3],
    description: `Cost line ${i + 1}`,
    quantity: 1 + (i % 7),
    unit: "day",
    unitCost: 100 + i * 7.5,
  }));
  return doc;
}

export async function measureTaskPane(root) {
  const dist = path.join(root, "dist");
  if (!fs.existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not found` };
  const { chromium } = require("playwright-core");
  const server = http.createServer((request, response) => {
    const file = path.join(dist, decodeURIComponent(new URL(request.url, "http://x").pathname));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox"],
  });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-bench-pane-"));
  const documentFile = path.join(work, "sixty-lines.json");
  fs.writeFileSync(documentFile, JSON.stringify(sixtyLineDocument(root)));
  try {
    const paints = [];
    const keystrokes = [];
    for (let run = 0; run < 5; run++) {
      const context = await browser.newContext({ viewport: { width: 350, height: 600 } });
      const page = await context.newPage();
      // Offline, as on a machine without internet: office.js from the CDN is refused.
      await page.route("**/*", (route) =>
        route.request().url().startsWith(base) ? route.continue() : route.abort()
      );
      await page.addInitScript(() => {
        window.CustomFunctions = { associate() {}, Error: class extends Error {}, ErrorCode: {} };
      });
      await page.goto(`${base}/taskpane.html`);
      await page.getByRole("button", { name: "New partnership" }).waitFor();
      paints.push(
        await page.evaluate(
          () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN
        )
      );
      await page
        .locator('input[aria-label="Partnership document to import"]')
        .setInputFiles(documentFile);
      await page.getByTestId("live-total").waitFor();
      await page.getByRole("tab", { name: "Costs" }).click();
      const quantity = page.locator(
        "#field-costs-lines-59--quantity, #field-costs-lines-59-quantity"
      );
      await quantity.focus();
      // From the key press to the new total painted, measured in the page.
      for (let i = 0; i < 10; i++) {
        keystrokes.push(
          await page.evaluate(
            (digit) =>
              new Promise((resolve) => {
                const total = document.querySelector('[data-testid="live-total"]');
                const before = total.textContent;
                const input = document.activeElement;
                const start = performance.now();
                const observer = new MutationObserver(() => {
                  if (total.textContent !== before) {
                    observer.disconnect();
                    requestAnimationFrame(() => resolve(performance.now() - start));
                  }
                });
                observer.observe(total, { characterData: true, childList: true, subtree: true });
                // What a key press does to a React-controlled input: set the value, fire input.
                const setter = Object.getOwnPropertyDescriptor(
                  HTMLInputElement.prototype,
                  "value"
                ).set;
                setter.call(input, `${input.value.replace(/\d$/, "")}${digit}`);
                input.dispatchEvent(new Event("input", { bubbles: true }));
              }),
            String((i % 8) + 2)
          )
        );
      }
      await context.close();
    }
    const best = (values) => +Math.min(...values).toFixed(1);
    const median = (values) =>
      +[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(1);
    return {
      firstLoad: firstLoad(dist),
      firstContentfulPaintMs: { best: best(paints), median: median(paints) },
      keystrokeReprice60LinesMs: { best: best(keystrokes), median: median(keystrokes) },
      targets: {
        firstLoadRawKB: 541,
        firstLoadGzipKB: 169,
        firstContentfulPaintMs: 500,
        keystrokeMs: 50,
      },
    };
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
