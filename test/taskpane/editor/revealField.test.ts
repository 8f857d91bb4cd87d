/**
 * A link to a field (from a finding, at the schema's path) lands on the field, or, while the field is
 * hidden, on the control that reveals it. Expected values are written by hand.
 */
import { fieldCandidates, parsePath } from "../../../src/taskpane/editor/revealField";

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
