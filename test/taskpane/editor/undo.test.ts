/**
 * Undoing a removal puts back exactly what was removed; a link to a hidden field lands on the control
 * that reveals it; a list of numbers is read as typed. Expected values are written by hand.
 */
import type { Json } from "../../../src/taskpane/editor/draft";
import { numbersText, numbersValue } from "../../../src/taskpane/editor/numbers";
import { fieldCandidates, parsePath } from "../../../src/taskpane/editor/revealField";
import { removeAt, restore } from "../../../src/taskpane/editor/undo";

const ROYALTY = {
  tiers: [
    { threshold: 0, rate: 0.05 },
    { threshold: 1_000_000, rate: 0.03 },
  ],
  annualMinimum: 20_000,
  annualCap: 250_000,
  termYears: 7,
};

describe("removing and undoing", () => {
  it("removing the royalty takes all of it; undo restores its tiers, minimum, cap and term", () => {
    const draft: Json = { valueSharing: { fixedPayment: { amount: 5000 }, royalty: ROYALTY } };
    const { draft: without, removed } = removeAt(draft, ["valueSharing", "royalty"]);
    expect(without).toEqual({ valueSharing: { fixedPayment: { amount: 5000 } } });
    expect(removed).toEqual({ path: ["valueSharing", "royalty"], value: ROYALTY });
    expect(restore(without, removed!)).toEqual({
      valueSharing: {
        fixedPayment: { amount: 5000 },
        royalty: {
          tiers: [
            { threshold: 0, rate: 0.05 },
            { threshold: 1_000_000, rate: 0.03 },
          ],
          annualMinimum: 20_000,
          annualCap: 250_000,
          termYears: 7,
        },
      },
    });
  });

  it("a list's item comes back at its own place", () => {
    const draft: Json = { alternatives: [{ id: "a" }, { id: "b" }, { id: "c" }] };
    const { draft: without, removed } = removeAt(draft, ["alternatives", 1]);
    expect(without).toEqual({ alternatives: [{ id: "a" }, { id: "c" }] });
    expect(restore(without, removed!)).toEqual({
      alternatives: [{ id: "a" }, { id: "b" }, { id: "c" }],
    });
  });

  it("removing what is not there removes nothing", () => {
    const draft: Json = { valueSharing: {} };
    expect(removeAt(draft, ["valueSharing", "royalty"])).toEqual({ draft, removed: undefined });
  });
});

describe("where a link to a field lands", () => {
  it("reads a path as the schema writes it", () => {
    expect(parsePath("costs.lines[2].unitCost")).toEqual(["costs", "lines", 2, "unitCost"]);
    expect(parsePath('pricing["odd key"]')).toEqual(["pricing", "odd key"]);
  });

  it("a flat discount's rate under the Green Book: the rate, then the Discounting switch", () => {
    expect(fieldCandidates("scenarios.discount.rate").slice(0, 2)).toEqual([
      "scenarios.discount.rate",
      "scenarios.discount.kind",
    ]);
  });

  it("a distribution's bound: the bound, then the distribution's kind", () => {
    expect(fieldCandidates("scenarios.monteCarlo.peakRevenue.mode").slice(0, 4)).toEqual([
      "scenarios.monteCarlo.peakRevenue.mode",
      "scenarios.monteCarlo.peakRevenue.kind",
      "scenarios.monteCarlo.peakRevenue.mechanism",
      "scenarios.monteCarlo.peakRevenue.distribution",
    ]);
  });

  it("an item of a list typed in one box, or a mechanism not added: the part that holds it", () => {
    expect(fieldCandidates("scenarios.sensitivity.royaltyRates[3]")).toContain(
      "scenarios.sensitivity.royaltyRates"
    );
    const royalty = fieldCandidates("valueSharing.royalty.tiers[0].rate");
    expect(royalty.indexOf("valueSharing.royalty")).toBeGreaterThan(
      royalty.indexOf("valueSharing.royalty.tiers")
    );
    expect(royalty[royalty.length - 1]).toBe("valueSharing");
  });
});

describe("a list of numbers typed in one box", () => {
  it("reads percentages, separated by commas or spaces", () => {
    expect(numbersValue("1, 2.5 5", "percent")).toEqual([0.01, 0.025, 0.05]);
  });

  it("keeps thousands separators within a number", () => {
    expect(numbersValue("500,000, 1,000,000", "pounds")).toEqual([500000, 1000000]);
  });

  it("keeps what is not a number as typed, for the schema to explain; empty is the default", () => {
    expect(numbersValue("1 x", "number")).toEqual([1, "x"]);
    expect(numbersValue("  ", "percent")).toBeUndefined();
  });

  it("writes a stored list back as it would be typed", () => {
    expect(numbersText([0.01, 0.075], "percent")).toBe("1, 7.5");
  });
});
