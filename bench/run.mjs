/*
 * Evaluations per second of the NHSDP functions, called through the built bundle exactly as Excel calls
 * them, beside naive decimal.js implementations measured in the same run. Prints one JSON object on
 * stdout (`npm run bench --silent` for nothing else), with the scenario simulation's trials a second
 * (monteCarlo.mjs), the tornado of a 20-year deal (tornado.mjs), quote workbooks audited a second (audit.mjs) and the task pane's first load, first
 * paint and keystroke (taskpane.mjs). Builds dist/ first when it is missing. Inputs are realistic cell
 * values (pounds and pence, rates to 0.1%), varied per call so that nothing can be hoisted out of the
 * loop.
 */
import { execSync } from "child_process";
import fs from "fs";
import { createRequire } from "module";
import os from "os";
import { measureAudit } from "./audit.mjs";
import { measureMonteCarlo } from "./monteCarlo.mjs";
import { measureTaskPane } from "./taskpane.mjs";
import { measureTornado } from "./tornado.mjs";

const require = createRequire(import.meta.url);
if (!fs.existsSync(new URL("../dist/functions.js", import.meta.url))) {
  // Build output goes to stderr so that stdout stays one JSON object.
  execSync("npx webpack --mode production", { stdio: ["ignore", process.stderr, process.stderr] });
}
const { loadFunctionsBundle } = require("../test/support/functionsBundle.cjs");
const Decimal = require("decimal.js");

const { registered } = loadFunctionsBundle();
const fn = (id) => registered.get(id);

const SIZE = 4096;
let seed = 20261122;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pounds = (max) => Math.round(random() * max * 100) / 100;
const rate = (max) => Math.round(random() * max * 1000) / 1000;
const inputs = Array.from({ length: SIZE }, () => ({
  marginal: pounds(250000),
  overhead: rate(0.5),
  fixedRate: rate(0.3),
  capitalRate: rate(0.1),
  revenue: pounds(400e6),
}));

const tierRates = [[0.05], [0.08], [0.12]];
const tierThresholds = [[0], [10e6], [100e6]];
const revenues20 = Array.from({ length: 20 }, (_, t) => [1e6 * (t + 1)]);
const milestoneAmounts = [[250000], [1e6], [5e6], [20e6]];
const milestonePeriods = [[1], [2.5], [4], [7]];
const milestoneProbabilities = [[0.63], [0.31], [0.58], [0.85]];

function naiveFullCost(x) {
  return new Decimal(x.marginal)
    .times(new Decimal(1).plus(x.overhead))
    .times(new Decimal(1).plus(x.fixedRate).plus(x.capitalRate))
    .toNumber();
}

const naiveRates = [0.05, 0.08, 0.12].map((r) => new Decimal(r));
const naiveThresholds = [0, 10e6, 100e6].map((t) => new Decimal(t));
function naiveRoyalty(revenue) {
  const r = new Decimal(revenue);
  let royalty = new Decimal(0);
  for (let i = 0; i < naiveRates.length; i++) {
    const lower = naiveThresholds[i];
    if (r.lte(lower)) break;
    const upper = naiveThresholds[i + 1];
    const top = upper && r.gt(upper) ? upper : r;
    royalty = royalty.plus(top.minus(lower).times(naiveRates[i]));
  }
  return royalty.toNumber();
}

const cases = {
  FULLCOST: (x) => fn("FULLCOST")(x.marginal, x.overhead, x.fixedRate, x.capitalRate),
  CHARGE: (x) => fn("CHARGE")("commercial", x.marginal, x.overhead, x.fixedRate, x.capitalRate),
  ROYALTY_3_TIER: (x) => fn("ROYALTY")([[x.revenue]], tierRates, tierThresholds, null, null),
  ROYALTYVALUE_20_YEAR: (x) =>
    fn("ROYALTYVALUE")(revenues20, tierRates, x.overhead / 10, tierThresholds, 0.8),
  MILESTONEVALUE: (x) =>
    fn("MILESTONEVALUE")(
      milestoneAmounts,
      milestonePeriods,
      milestoneProbabilities,
      x.overhead / 10
    ),
  NAIVE_DECIMALJS_FULLCOST: naiveFullCost,
  NAIVE_DECIMALJS_ROYALTY_3_TIER: (x) => naiveRoyalty(x.revenue),
};

/** Best of several timed rounds of at least `minMs` each, after a warm-up: evaluations per second. */
function measure(body, minMs = 400, rounds = 5) {
  let sink = 0;
  for (let i = 0; i < 20000; i++) sink += Number(body(inputs[i % SIZE])) || 0;
  let best = 0;
  for (let round = 0; round < rounds; round++) {
    let count = 0;
    const start = process.hrtime.bigint();
    let elapsedNs = 0n;
    while (elapsedNs < BigInt(minMs) * 1_000_000n) {
      for (let i = 0; i < SIZE; i++) {
        const result = body(inputs[i]);
        sink += typeof result === "number" ? result : 1;
      }
      count += SIZE;
      elapsedNs = process.hrtime.bigint() - start;
    }
    best = Math.max(best, count / (Number(elapsedNs) / 1e9));
  }
  if (Number.isNaN(sink)) throw new Error("benchmark produced NaN");
  return Math.round(best);
}

/** The fast path must give exactly decimal.js's answer, to the last digit, on every benchmark input. */
function mismatches(fast, naive) {
  let count = 0;
  for (const x of inputs) if (fast(x) !== naive(x)) count++;
  return count;
}

const root = decodeURIComponent(new URL("..", import.meta.url).pathname);
const rates = Object.fromEntries(
  Object.entries(cases).map(([name, body]) => [name, measure(body)])
);
const report = {
  unit: "evaluations per second, one core, best of 5 rounds",
  node: process.version,
  cpu: os.cpus()[0]?.model ?? "unknown",
  evaluationsPerSecond: rates,
  ratios: {
    FULLCOST_vs_naive_decimaljs: +(rates.FULLCOST / rates.NAIVE_DECIMALJS_FULLCOST).toFixed(2),
    ROYALTY_3_TIER_vs_naive_decimaljs: +(
      rates.ROYALTY_3_TIER / rates.NAIVE_DECIMALJS_ROYALTY_3_TIER
    ).toFixed(2),
  },
  targets: {
    FULLCOST_vs_naive_decimaljs: 6,
    ROYALTY_3_TIER_vs_naive_decimaljs: 3,
    // A 10,000-cell sensitivity grid of these recalculates in well under a tenth of a second.
    ROYALTYVALUE_20_YEAR: 200_000,
    MILESTONEVALUE: 200_000,
  },
  exactness: {
    inputs: SIZE,
    FULLCOST_mismatches_vs_decimaljs: mismatches(cases.FULLCOST, naiveFullCost),
    ROYALTY_3_TIER_mismatches_vs_decimaljs: mismatches(
      (x) => cases.ROYALTY_3_TIER(x)[0][0],
      (x) => naiveRoyalty(x.revenue)
    ),
  },
  monteCarlo: measureMonteCarlo(root),
  tornado: measureTornado(root),
  audit: measureAudit(root),
  taskpane: await measureTaskPane(root),
};
process.stdout.write(JSON.stringify(report, null, 2) + "\n");
