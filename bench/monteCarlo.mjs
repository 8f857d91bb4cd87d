/*
 * Monte Carlo trials a second of the scenario simulation (src/core/scenarios/monteCarlo.ts), on the
 * core's own code: the TypeScript is compiled to CommonJS in node_modules/.cache/nhsdp-bench (tsc, the
 * project's own compiler) and loaded from there, so the figure is the shipped simulation's, not a copy's.
 * The deal is a 20-year forecast with all four mechanisms (fixed in instalments, an indexed
 * subscription, four milestones, a tiered royalty with a cap and a minimum), uncertain peak revenue
 * (PERT) and launch delay (triangular), milestones drawn independently so that every trial draws
 * every input. One core: the simulation is single-threaded.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import { createRequire } from "module";
import path from "path";

const TRIALS = 1_000_000;
const ROUNDS = 5;

/** Compiles the core's simulation and what it imports; tsc's output goes to stderr, never stdout. */
function compileCore(root, outDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(
      process.execPath,
      [
        tsc,
        "--outDir",
        outDir,
        "--rootDir",
        path.join(root, "src"),
        "--module",
        "node16",
        "--moduleResolution",
        "node16",
        "--target",
        "ES2022",
        "--esModuleInterop",
        "--skipLibCheck",
        "--types",
        "node",
        "--sourceMap",
        "false",
        path.join(root, "src", "core", "scenarios", "index.ts"),
      ],
      { cwd: root, stdio: ["ignore", process.stderr, process.stderr] }
    );
  } catch (error) {
    // Type errors still emit JavaScript; only a missing output is fatal.
    if (!fs.existsSync(path.join(outDir, "core", "scenarios", "index.js"))) throw error;
  }
}

/** The 20-year deal every scenario benchmark values (the tornado's too: tornado.mjs). */
export function dealOf(Decimal, core) {
  const d = (value) => new Decimal(value);
  // Launch in year 4, peak of £40M in year 7, then 8% a year less, to year 20.
  const forecast = Array.from({ length: 20 }, (_, i) => {
    const year = i + 1;
    if (year < 4) return d(0);
    if (year <= 7)
      return d(40e6)
        .times(year - 3)
        .div(4);
    return d(40e6).times(d(0.92).pow(year - 7));
  });
  const candidates = [
    {
      id: "fixed",
      path: "bench.fixed",
      fromDocument: false,
      mechanism: {
        kind: "fixed",
        instalments: [
          { year: d(0), amount: d(25000) },
          { year: d(0.75), amount: d(25000) },
        ],
      },
    },
    {
      id: "subscription",
      path: "bench.subscription",
      fromDocument: false,
      mechanism: {
        kind: "subscription",
        annualFee: d(20000),
        years: 5,
        indexation: d(0.02),
        inAdvance: true,
      },
    },
    {
      id: "milestones",
      path: "bench.milestones",
      fromDocument: false,
      mechanism: {
        kind: "milestones",
        milestones: [
          { amount: d(50000), period: d(1), probability: d(0.63) },
          { amount: d(100000), period: d(2.5), probability: d(0.31) },
          { amount: d(250000), period: d(4), probability: d(0.18), tiedToLaunch: true },
          { amount: d(500000), period: d(6), probability: d(0.15), tiedToLaunch: true },
        ],
      },
    },
    {
      id: "royalty",
      path: "bench.royalty",
      fromDocument: false,
      mechanism: {
        kind: "royalty",
        terms: {
          rates: [d(0.03), d(0.05)],
          thresholds: [d(0), d(10e6)],
          annualCap: d(1.5e6),
          annualMinimum: d(10000),
        },
        termYears: 15,
      },
    },
  ];
  return {
    forecast,
    probabilityOfReachingMarket: d(0.15),
    // Nominal amounts deflated by 2% a year, and an SME's 10% a year risk of not paying.
    discount: core.flatCurve(d(0.035), "discount rate", {
      kind: "nominal",
      inflation: [d(0.02)],
      source: "bench",
    }),
    counterparty: { defaultRate: d(0.1), source: "bench", stated: true },
    candidates,
    paybackTarget: d(100000),
    sensitivity: { royaltyRates: [], discountRates: [], peakRevenues: [], probabilities: [] },
  };
}

let loaded;

/** The core's scenario engine and Decimal, compiled once for every scenario benchmark of a run. */
export function loadCore(root) {
  if (loaded === undefined) {
    const outDir = path.join(root, "node_modules", ".cache", "nhsdp-bench");
    compileCore(root, outDir);
    const require = createRequire(path.join(outDir, "core", "scenarios", "index.js"));
    loaded = { core: require("./index.js"), Decimal: require("../../model/decimal.js").Decimal };
  }
  return loaded;
}

export function measureMonteCarlo(root) {
  const { core, Decimal } = loadCore(root);
  const inputs = dealOf(Decimal, core);
  const settings = (seed) => ({
    trials: TRIALS,
    seed,
    peakRevenue: { distribution: "pert", min: 15e6, mode: 40e6, max: 90e6 },
    launchDelayYears: { distribution: "triangular", min: 0, mode: 0, max: 3 },
    milestoneDependence: "pipeline",
  });
  // The baseline, in the same run: the same deal with certain payments, real prices and no milestone
  // tied to the launch, so the figure shows what the partner's risk and the tied milestones cost.
  const baselineInputs = {
    ...inputs,
    discount: core.flatCurve(new Decimal(0.035)),
    counterparty: { defaultRate: new Decimal(0), source: "bench", stated: true },
    candidates: inputs.candidates.map((candidate) =>
      candidate.mechanism.kind !== "milestones"
        ? candidate
        : {
            ...candidate,
            mechanism: {
              ...candidate.mechanism,
              milestones: candidate.mechanism.milestones.map((m) => ({
                ...m,
                tiedToLaunch: false,
              })),
            },
          }
    ),
  };
  const bestOf = (deal) => {
    // Warm-up, so that the timed rounds measure optimised code.
    core.simulate(deal, { ...settings(1), trials: 50_000 });
    let best = Infinity;
    let last;
    for (let round = 0; round < ROUNDS; round++) {
      const started = process.hrtime.bigint();
      last = core.simulate(deal, settings(round + 2));
      best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
    }
    if (last.mechanisms.some((summary) => !Number.isFinite(summary.mean)))
      throw new Error("the simulation produced a mean that is not a number");
    return best;
  };
  const baseline = bestOf(baselineInputs);
  const best = bestOf(inputs);
  return {
    deal: "20-year nominal forecast; fixed, subscription, milestones (two tied to the launch) and royalty; PERT peak, triangular delay; pipeline milestones; the partner's 10% a year risk of not paying",
    trials: TRIALS,
    mechanisms: inputs.candidates.length,
    seconds: +best.toFixed(3),
    trialsPerSecond: Math.round(TRIALS / best),
    baseline: {
      deal: "the same, with certain payments, real prices and no milestone tied to the launch",
      trialsPerSecond: Math.round(TRIALS / baseline),
    },
    target: 1_000_000,
    note: "best of 5 runs of simulate(), summary statistics (sorting for percentiles) included",
  };
}
