/**
 * The pane's side of the scenarios: the simulation in batches (as the worker runs it) against the
 * core's own simulate(), and the scenario sheet written through Office.js on the recording mock.
 */
import fs from "fs";
import path from "path";
import { createExcelMock } from "../support/officeMock";
import { parsePartnership } from "../../src/document/parse";
import { scenarioInputs, simulate, simulationSettings } from "../../src/core/scenarios";
import {
  batchSeed,
  batchSizes,
  runBatch,
  summariseBatches,
} from "../../src/taskpane/scenarios/batchedSimulation";
import { createScenarioSheetInExcel, scenarioFileName } from "../../src/addin/scenarioWorkbook";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "commercial-imaging-ai.json");
const json = JSON.parse(fs.readFileSync(EXAMPLE, "utf8")) as unknown;

function example() {
  const parsed = parsePartnership(json);
  if (!parsed.ok) throw new Error("the example does not parse");
  return parsed.document;
}

describe("the simulation in batches", () => {
  it("splits trials into batches of 10,000 and a remainder", () => {
    expect(batchSizes(100_000)).toEqual(new Array(10).fill(10_000));
    expect(batchSizes(25_001)).toEqual([10_000, 10_000, 5_001]);
    expect(batchSizes(1)).toEqual([1]);
  });

  it("keeps the document's seed for the first batch and gives later ones seeds of their own", () => {
    expect(batchSeed(7, 0)).toBe(7);
    const seeds = [1, 2, 3].map((index) => batchSeed(7, index));
    expect(new Set([7, ...seeds]).size).toBe(4);
    // seed s's second batch must not be seed s+1's first, or two runs would share trials
    expect(batchSeed(7, 1)).not.toBe(8);
    for (const seed of seeds) expect(seed >= 0 && seed <= 2147483647).toBe(true);
    expect(batchSeed(7, 1)).toBe(batchSeed(7, 1));
  });

  it("in one batch, gives exactly what the core's simulate() gives for the same seed", () => {
    const doc = example();
    const inputs = scenarioInputs(doc);
    const settings = simulationSettings(doc, { trials: 10_000 });
    const core = simulate(inputs, settings);
    const batched = summariseBatches(inputs, settings, [runBatch(inputs, settings, 0, 10_000)]);
    expect(batched.mechanisms).toEqual(core.mechanisms);
    expect(batched.histogramEdges).toEqual(core.histogramEdges);
    expect(batched.royaltyBeatsMilestones).toEqual(core.royaltyBeatsMilestones);
    expect(batched.trials).toBe(10_000);
  });

  it("over several batches, summarises all their trials together", () => {
    const doc = example();
    const inputs = scenarioInputs(doc);
    const settings = simulationSettings(doc, { trials: 3_000 });
    const batches = batchSizes(3_000, 1_000).map((size, i) => runBatch(inputs, settings, i, size));
    const result = summariseBatches(inputs, settings, batches);
    expect(result.trials).toBe(3_000);
    // Worked from the raw values here: the mean of the 3,000 and the share where royalty > milestones.
    const royalty = inputs.candidates.findIndex((c) => c.mechanism.kind === "royalty");
    const milestones = inputs.candidates.findIndex((c) => c.mechanism.kind === "milestones");
    let sum = 0;
    let wins = 0;
    for (const batch of batches)
      for (let t = 0; t < 1_000; t++) {
        sum += batch[royalty]![t]!;
        if (batch[royalty]![t]! > batch[milestones]![t]!) wins++;
      }
    expect(result.mechanisms[royalty]!.mean).toBeCloseTo(sum / 3_000, 6);
    expect(result.royaltyBeatsMilestones?.probability).toBe(wins / 3_000);
    for (const summary of result.mechanisms) {
      expect(summary.histogram.reduce((a, b) => a + b, 0)).toBe(3_000);
      expect(summary.p10).toBeLessThanOrEqual(summary.p50);
      expect(summary.p50).toBeLessThanOrEqual(summary.p90);
    }
  });
});

describe("Create scenario sheet in Excel", () => {
  it("adds the scenario sheet with its sheet-scoped names, in one Excel.run", async () => {
    const doc = example();
    const inputs = scenarioInputs(doc);
    const settings = simulationSettings(doc, { trials: 500 });
    const result = simulate(inputs, settings);
    const mock = createExcelMock({ sheets: ["Quote DP-2025-011"] });
    const written = await createScenarioSheetInExcel(
      mock.run,
      json,
      { result, settings },
      new Date("2026-11-23T10:00:00Z")
    );
    expect(written).toEqual({ ok: true, sheetName: "Scenarios DP-2025-011" });
    expect(mock.runs()).toBe(1);
    expect(mock.sheetNames()).toEqual(["Quote DP-2025-011", "Scenarios DP-2025-011"]);
    const ws = "ws[Scenarios DP-2025-011]";
    const names = mock.log
      .filter((op) => op.path === `${ws}.names` && op.name === "add")
      .map((op) => op.args?.[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        "NHSDP_PV_Fixed",
        "NHSDP_PV_Subscription",
        "NHSDP_PV_Milestones",
        "NHSDP_PV_Royalty",
        "NHSDP_BreakevenRoyalty",
      ])
    );
    // The simulation the pane ran is what the sheet records, as values: each mechanism's P50.
    const values = JSON.stringify(
      mock.log.filter((op) => op.path.startsWith(ws) && op.name === "values").map((op) => op.value)
    );
    for (const summary of result.mechanisms) expect(values).toContain(String(summary.p50));
  });

  it("writes nothing for a document that does not validate", async () => {
    const mock = createExcelMock();
    const bad = { ...(json as Record<string, unknown>), reference: 42 };
    const doc = example();
    const settings = simulationSettings(doc, { trials: 100 });
    const result = simulate(scenarioInputs(doc), settings);
    const written = await createScenarioSheetInExcel(
      mock.run,
      bad,
      { result, settings },
      new Date()
    );
    expect(written.ok).toBe(false);
    expect(mock.runs()).toBe(0);
  });

  it("names the downloaded workbook after the reference", () => {
    expect(scenarioFileName("DP/2025:011")).toBe("Scenarios DP-2025-011.xlsx");
  });
});
