/** The scenario sheet's histogram bins, on trials written out here. */
import type { SimulationResult } from "../../src/core/scenarios";
import { roundStep, sheetHistogram } from "../../src/workbook/layouts/scenario/histogram";

function simulation(values: number[][]): SimulationResult {
  return {
    trials: values[0]?.length ?? 0,
    seed: 1,
    mechanisms: [],
    histogramEdges: [],
    royaltyBeatsMilestones: null,
    presentValues: values.map((v) => Float64Array.from(v)),
  };
}

describe("the scenario sheet's histogram", () => {
  it("steps by 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(roundStep(0.7)).toBe(1);
    expect(roundStep(1.3)).toBe(2);
    expect(roundStep(2.2)).toBe(2.5);
    expect(roundStep(3)).toBe(5);
    expect(roundStep(354755)).toBe(500000);
    expect(roundStep(20000)).toBe(20000);
  });

  it("bins the paying values of the mechanisms that vary, leaving out a fixed amount and the trials paying nothing", () => {
    // A fixed £30,000; a royalty paying nothing in two trials and £100,000 to £480,000 in the others.
    const fixed = [30000, 30000, 30000, 30000, 30000, 30000];
    const royalty = [0, 0, 100000, 150000, 470000, 480000];
    const { uncertain, fixed: constant, edges } = sheetHistogram(simulation([fixed, royalty]));
    expect(constant).toEqual([{ index: 0, value: 30000 }]);
    // (480,000 - 100,000) / 20 = 19,000, so steps of 20,000 from 100,000; 480,000 is the lower edge
    // of a 20th bin, which ends at 500,000.
    expect(edges[0]).toBe(100000);
    expect(edges[1]).toBe(120000);
    expect(edges).toHaveLength(21);
    expect(edges[20]).toBe(500000);
    expect(uncertain).toHaveLength(1);
    const [only] = uncertain;
    expect(only?.index).toBe(1);
    expect(only?.nothing).toBe(2);
    const counts = [...(only?.counts ?? [])];
    // 100,000 in bin 1 (from 100,000), 150,000 in bin 3 (from 140,000), 470,000 in bin 19 (from
    // 460,000) and 480,000 in bin 20 (from 480,000).
    expect(counts[0]).toBe(1);
    expect(counts[2]).toBe(1);
    expect(counts[18]).toBe(1);
    expect(counts[19]).toBe(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it("has no bins when nothing that varies pays anything", () => {
    const { uncertain, edges } = sheetHistogram(simulation([[5, 5, 5]]));
    expect(uncertain).toEqual([]);
    expect(edges).toEqual([]);
  });
});
