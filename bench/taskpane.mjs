/*
 * The task pane as its user meets it, in Debian's Chromium (headless, one tab at 350 x 600) against the
 * production build served on localhost: the size of what taskpane.html loads before its first render,
 * the first contentful paint, how long opening each step takes (click on the step's tab to its content
 * painted) and how long a keystroke in a 60-line quote takes to re-price and show the new total. Twice:
 * with the 60-line partnership imported into an empty workspace, and with 50 partnerships already in the
 * browser's storage (what a returning user's browser holds). Each figure also at 4x CPU throttling.
 *
 * Beside each figure, baselines measured in the same run and the same browser, so that the ratio can be
 * compared across machines: a blank page (a line of text and a button) and a Fluent UI v9 hello world
 * (FluentProvider, a Button, a Field with an Input), built here with webpack into a temporary folder.
 * Medians of a few runs each; a measurement, not a test.
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
const RUNS = 3;
const KEYSTROKES = 8;
const THROTTLE = 4;
/** The partnership editor's steps, as PartnershipEditor.tsx names its tabs (`step-${id}`). */
const STEPS = ["partnership", "data", "costs", "value-sharing", "scenarios", "review"];
const VISIT_ORDER = ["data", "value-sharing", "scenarios", "review", "partnership", "costs"];
/** The workspace's localStorage key and envelope, as src/taskpane/storage/browserStore.ts and workspace.ts write them. */
const WORKSPACE_KEY = "nhsdp.workspace";
const BASELINE_PREFIX = "/__baseline/";

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

function example(root) {
  return JSON.parse(
    fs.readFileSync(path.join(root, "examples", "commercial-imaging-ai.json"), "utf8")
  );
}

/** The imaging example with 60 cost lines, 20 of each category. */
function sixtyLineDocument(root) {
  const doc = example(root);
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

/**
 * A stored workspace of 50 partnerships: 49 copies of the imaging example under their own references,
 * and the 60-line one, which is open.
 */
function fiftyPartnershipWorkspace(root) {
  const id = (i) => `p-${i.toString(16).padStart(32, "0")}`;
  const partnerships = Array.from({ length: 50 }, (_, i) => {
    const doc = i === 49 ? sixtyLineDocument(root) : example(root);
    doc.reference = `DP-2026-${String(i + 1).padStart(3, "0")}`;
    return { id: id(i + 1), updatedAt: "2026-11-01T09:00:00.000Z", document: doc };
  });
  return JSON.stringify({
    format: "nhsdp.workspace",
    version: 1,
    savedAt: "2026-11-01T09:00:00.000Z",
    revision: "r-00000000000000b1",
    strategy: null,
    partnerships,
    selectedId: id(50),
  });
}

const BLANK_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Blank</title></head><body>
<p id="out" data-count="0">Hello, world</p><button id="hello-button" type="button">Say hello</button>
<script>
let count = 0;
document.getElementById("hello-button").addEventListener("click", () => {
  count += 1;
  const out = document.getElementById("out");
  out.dataset.count = String(count);
  out.textContent = "Hello " + count;
});
</script></body></html>`;

const HELLO_ENTRY = `import * as React from "react";
import { createRoot } from "react-dom/client";
import { Button, Field, FluentProvider, Input, Text, webLightTheme } from "@fluentui/react-components";

const h = React.createElement;
function App() {
  const [count, setCount] = React.useState(0);
  const [value, setValue] = React.useState("");
  return h(
    FluentProvider,
    { theme: webLightTheme },
    h(Text, { as: "p", id: "out", "data-count": String(count) }, count ? "Hello " + count : "Hello, world"),
    h(Button, { id: "hello-button", appearance: "primary", onClick: () => setCount((c) => c + 1) }, "Say hello"),
    h(Field, { label: "Name" }, h(Input, { id: "name", value, onChange: (_, data) => setValue(data.value) })),
    h(Text, { as: "p", id: "echo", "data-value": value }, value)
  );
}
createRoot(document.getElementById("root")).render(h(App));
`;

const HELLO_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Hello</title></head>
<body><div id="root"></div><script src="hello.js"></script></body></html>`;

/** The blank page and the Fluent hello world into `dir`, the latter built with webpack's Node API. */
async function buildBaselines(root, dir) {
  fs.writeFileSync(path.join(dir, "blank.html"), BLANK_PAGE);
  fs.writeFileSync(path.join(dir, "hello.html"), HELLO_PAGE);
  fs.writeFileSync(path.join(dir, "hello-entry.js"), HELLO_ENTRY);
  const webpack = require("webpack");
  const stats = await new Promise((resolve, reject) =>
    webpack(
      {
        mode: "production",
        target: "web",
        devtool: false,
        context: dir,
        entry: path.join(dir, "hello-entry.js"),
        output: { path: dir, filename: "hello.js" },
        resolve: { modules: [path.join(root, "node_modules")] },
        performance: { hints: false },
      },
      (error, result) => (error ? reject(error) : resolve(result))
    )
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}

/** In the page: `act` (a click or a keystroke), then the time until `readySelector` matches and the frame after is painted. */
function timeToPaint({ kind, target, readySelector, text }) {
  return new Promise((resolve) => {
    const element = document.querySelector(target);
    let done = false;
    let start = 0;
    const check = () => {
      if (done || document.querySelector(readySelector) === null) return;
      done = true;
      observer.disconnect();
      // After the frame's rendering steps: the next task once requestAnimationFrame has run.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, {
      attributes: true,
      characterData: true,
      childList: true,
      subtree: true,
    });
    start = performance.now();
    if (kind === "click") element.click();
    else {
      // What a key press does to a React-controlled input: set the value, fire input.
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
      setter.call(element, text);
      element.dispatchEvent(new Event("input", { bubbles: true }));
    }
    check();
  });
}

/** In the page: a key press in the focused quantity, to the new total painted (as measured since the first version). */
function keystrokeToTotal(digit) {
  return new Promise((resolve) => {
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
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    setter.call(input, `${input.value.replace(/\d$/, "")}${digit}`);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

const median = (values) =>
  values.length === 0
    ? null
    : +[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(1);

export async function measureTaskPane(root) {
  const dist = path.join(root, "dist");
  if (!fs.existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not found` };
  const { chromium } = require("playwright-core");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-bench-pane-"));
  const baselineDir = path.join(work, "baseline");
  fs.mkdirSync(baselineDir);
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, "http://x").pathname);
    const [dir, rest] = pathname.startsWith(BASELINE_PREFIX)
      ? [baselineDir, pathname.slice(BASELINE_PREFIX.length)]
      : [dist, pathname];
    const file = path.join(dir, rest);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    fs.createReadStream(file).pipe(response);
  });
  let browser;
  try {
    await buildBaselines(root, baselineDir);
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox"],
    });
    const documentFile = path.join(work, "sixty-lines.json");
    fs.writeFileSync(documentFile, JSON.stringify(sixtyLineDocument(root)));
    const storedWorkspace = fiftyPartnershipWorkspace(root);

    /** A fresh tab, offline, at `rate` times CPU throttling, on `url`; its first contentful paint. */
    async function open(url, rate, { stored } = {}) {
      const context = await browser.newContext({ viewport: { width: 350, height: 600 } });
      const page = await context.newPage();
      // Offline, as on a machine without internet: office.js from the CDN is refused.
      await page.route("**/*", (route) =>
        route.request().url().startsWith(base) ? route.continue() : route.abort()
      );
      await page.addInitScript(() => {
        window.CustomFunctions = { associate() {}, Error: class extends Error {}, ErrorCode: {} };
      });
      if (stored !== undefined)
        await page.addInitScript(
          ([key, text]) => localStorage.setItem(key, text),
          [WORKSPACE_KEY, stored]
        );
      if (rate > 1) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      }
      await page.goto(url);
      const fcp = await page.waitForFunction(
        () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime
      );
      return { context, page, fcp: await fcp.jsonValue() };
    }

    async function baseline(file, rate) {
      const figures = { firstContentfulPaintMs: [], clickToPaintMs: [], keystrokeToPaintMs: [] };
      for (let run = 0; run < RUNS; run++) {
        const { context, page, fcp } = await open(`${base}${BASELINE_PREFIX}${file}`, rate);
        figures.firstContentfulPaintMs.push(fcp);
        await page.locator("#hello-button").waitFor();
        for (let i = 1; i <= 3; i++)
          figures.clickToPaintMs.push(
            await page.evaluate(timeToPaint, {
              kind: "click",
              target: "#hello-button",
              readySelector: `#out[data-count="${i}"]`,
            })
          );
        if (file === "hello.html")
          for (let i = 1; i <= KEYSTROKES; i++)
            figures.keystrokeToPaintMs.push(
              await page.evaluate(timeToPaint, {
                kind: "key",
                target: "#name",
                readySelector: `#echo[data-value="${"x".repeat(i)}"]`,
                text: "x".repeat(i),
              })
            );
        await context.close();
      }
      return Object.fromEntries(
        Object.entries(figures)
          .filter(([, values]) => values.length > 0)
          .map(([name, values]) => [name, median(values)])
      );
    }

    /** The pane with the 60-line partnership open, imported or already stored. */
    async function pane(rate, stored) {
      const fcps = [];
      const keystrokes = [];
      const steps = Object.fromEntries(STEPS.map((s) => [s, { first: [], again: [] }]));
      for (let run = 0; run < RUNS; run++) {
        const { context, page, fcp } = await open(`${base}/taskpane.html`, rate, {
          stored: stored ? storedWorkspace : undefined,
        });
        fcps.push(fcp);
        await page.getByRole("button", { name: "New partnership" }).waitFor();
        if (!stored)
          await page
            .locator('input[aria-label="Partnership document to import"]')
            .setInputFiles(documentFile);
        await page.getByTestId("live-total").waitFor();
        await page.locator('[role="tabpanel"][aria-labelledby="step-partnership"]').waitFor();
        // Each step opened from the one before it, Costs last so that it is open for the keystrokes;
        // twice round unthrottled (first visit, then again), once throttled to keep the bench short.
        for (const visit of rate > 1 ? ["first"] : ["first", "again"])
          for (const step of VISIT_ORDER)
            steps[step][visit].push(
              await page.evaluate(timeToPaint, {
                kind: "click",
                target: `#step-${step}`,
                readySelector: `[role="tabpanel"][aria-labelledby="step-${step}"] > *`,
              })
            );
        // The last line opened, as the user opens a folded line to change it.
        await page.getByRole("button", { name: "Edit Cost line 60" }).click();
        const quantity = page.locator(
          "#field-costs-lines-59--quantity, #field-costs-lines-59-quantity"
        );
        await quantity.focus();
        for (let i = 0; i < (rate > 1 ? KEYSTROKES / 2 : KEYSTROKES); i++)
          keystrokes.push(await page.evaluate(keystrokeToTotal, String((i % 8) + 2)));
        await context.close();
      }
      return {
        fcp: median(fcps),
        keystroke: median(keystrokes),
        steps: Object.fromEntries(
          STEPS.map((s) => [
            s,
            {
              median: median([...steps[s].first, ...steps[s].again]),
              firstVisit: median(steps[s].first),
            },
          ])
        ),
      };
    }

    const beside = (value, baselineMs) => ({
      medianMs: value,
      baselineMs,
      ratio: baselineMs > 0 ? +(value / baselineMs).toFixed(1) : null,
    });
    /** The product's figures, each beside the Fluent hello world's and its ratio to it. */
    function report(measured, baselines) {
      const hello = baselines.fluentHelloWorld;
      const slowest = STEPS.reduce((a, b) =>
        measured.steps[a].median >= measured.steps[b].median ? a : b
      );
      return {
        firstContentfulPaint: {
          ...beside(measured.fcp, hello.firstContentfulPaintMs),
          blankPageMs: baselines.blankPage.firstContentfulPaintMs,
        },
        keystrokeToTotal: beside(measured.keystroke, hello.keystrokeToPaintMs),
        openStep: Object.fromEntries(
          STEPS.map((s) => [
            s,
            {
              ...beside(measured.steps[s].median, hello.clickToPaintMs),
              firstVisitMs: measured.steps[s].firstVisit,
            },
          ])
        ),
        slowestStep: slowest,
      };
    }

    async function atRate(rate) {
      const baselines = {
        blankPage: await baseline("blank.html", rate),
        fluentHelloWorld: await baseline("hello.html", rate),
      };
      return {
        baselines,
        sixtyLines: report(await pane(rate, false), baselines),
        fiftyPartnerships: report(await pane(rate, true), baselines),
      };
    }

    const unthrottled = await atRate(1);
    const throttled = await atRate(THROTTLE);
    return {
      unit: `milliseconds, median of ${RUNS} fresh tabs each (steps: each opened twice a tab, once throttled; keystrokes: ${KEYSTROKES} a tab, ${KEYSTROKES / 2} throttled); baselineMs is the Fluent UI hello world's figure in the same run, ratio = product / baseline`,
      firstLoad: firstLoad(dist),
      baselines: unthrottled.baselines,
      sixtyLines: unthrottled.sixtyLines,
      fiftyPartnerships: unthrottled.fiftyPartnerships,
      throttled4x: throttled,
      targets: {
        firstLoadRawKB: 541,
        firstLoadGzipKB: 169,
        firstContentfulPaintMs: 500,
        keystrokeToTotalMs: 50,
        openStepMs: 200,
        throttled4x: "reported, no target",
      },
    };
  } finally {
    await browser?.close();
    server.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
