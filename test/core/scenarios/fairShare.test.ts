/**
 * The fair share of a product's value against arithmetic written out here, from the guide's method:
 * the data's six characteristics and intended use, the expertise and the risk the NHS brings, each
 * weighed into one contribution that scales a share of the product's risk-adjusted profit.
 */
import { fairShareOf, scenarioInputs } from "../../../src/core/scenarios";
import type { Partnership } from "../../../src/document/schema";
import { readJson, valid } from "../../document/fixtures";

/**
 * The imaging example reduced to what a hand can work: one data asset with 3 of its 6
 * characteristics high (0.5), to train an AI model (1); revenue 0, 1,000, 1,000 at 0% real, half
 * likely; a 20% margin; some expertise (0.5), no risk (0); a fixed payment of 5 on signature and a
 * milestone of 20 at year 1, half likely; a partner certain to pay.
 */
interface Editable {
  dataAssets: Record<string, unknown>[];
  valueSharing: Record<string, unknown>;
  scenarios: Record<string, unknown>;
}

function handWorkable(edit: (doc: Editable) => void = () => {}): Partnership {
  const doc = readJson("commercial-imaging-ai.json") as Editable;
  doc.dataAssets = [
    {
      ...doc.dataAssets[0],
      availability: "high",
      quantityQuality: "high",
      linkage: "high",
      features: "low",
      diversity: "low",
      coverage: "low",
      intendedUse: "train-validate-ai-model",
    },
  ];
  doc.valueSharing = {
    fixedPayment: { amount: 5, instalments: [] },
    milestones: [{ description: "First sale", amount: 20, year: 1, probability: 0.5 }],
  };
  doc.scenarios = {
    revenue: { kind: "explicit", byYear: [0, 1000, 1000] },
    probabilityOfReachingMarket: 0.5,
    discount: { kind: "flat", rate: 0 },
    priceBasis: { kind: "real" },
    counterparty: { defaultRate: 0, source: "a test" },
    fairShare: { profitMargin: 0.2, expertise: "some", riskAndInvestment: "none" },
  };
  edit(doc);
  return valid(doc);
}

const close = (actual: { toNumber(): number } | null | undefined, expected: number) =>
  expect(Math.abs((actual?.toNumber() ?? NaN) - expected)).toBeLessThanOrEqual(
    1e-12 * Math.max(1, Math.abs(expected))
  );

describe("the fair share of a product's value", () => {
  const doc = handWorkable();
  const share = fairShareOf(doc, scenarioInputs(doc))!;

  it("weighs the contribution: 0.5 x 0.5 + 0.2 x 1 + 0.15 x 0.5 + 0.15 x 0 = 0.525", () => {
    close(share.factors.data.score, 0.5);
    close(share.factors.intendedUse.score, 1);
    close(share.factors.expertise.score, 0.5);
    close(share.factors.riskAndInvestment.score, 0);
    close(share.contribution, 0.525);
  });

  it("values the product's profit at 20% x half of 2,000 = 200, and the share at 5.25% to 13.125% of it", () => {
    close(share.productValue, 200);
    // 0.525 x 10% and 0.525 x 25%
    close(share.share.low, 0.0525);
    close(share.share.high, 0.13125);
    close(share.value.low, 10.5);
    close(share.value.high, 26.25);
  });

  it("says it as a royalty, a milestone package and a fixed sum", () => {
    // Royalty: the forecast's revenue, half likely, is worth 1,000: 10.5 / 1,000 to 26.25 / 1,000.
    close(share.royaltyRate!.low, 0.0105);
    close(share.royaltyRate!.high, 0.02625);
    // The milestone offer is worth 20 x 0.5 = 10: scaled 1.05 to 2.625 times, 21 to 52.5 in all.
    expect(share.milestones!.id).toBe("document-milestones");
    close(share.milestones!.total.low, 21);
    close(share.milestones!.total.high, 52.5);
    close(share.fixedSum.low, 10.5);
    close(share.fixedSum.high, 26.25);
  });

  it("places the offer on the table: 5 + 10 = 15, 7.5% of the product's value, within the range", () => {
    close(share.offer.value, 15);
    close(share.offer.share, 0.075);
    expect(share.offer.position).toBe("within");
  });

  it("finds an offer of the fixed payment alone (5) below the range", () => {
    const low = handWorkable((json) => delete json.valueSharing.milestones);
    expect(fairShareOf(low, scenarioInputs(low))!.offer.position).toBe("below");
  });

  it("weighs as the trust's policy says: data alone, at 20% to 30% of the profit", () => {
    const byPolicy = fairShareOf(doc, scenarioInputs(doc), {
      weights: { data: 1, intendedUse: 0, expertise: 0, riskAndInvestment: 0 },
      shareAtFullContribution: { low: 0.2, high: 0.3 },
    })!;
    // 0.5 x [20%, 30%] x 200 = 20 to 30: the offer of 15 is below it.
    close(byPolicy.contribution, 0.5);
    close(byPolicy.value.low, 20);
    close(byPolicy.value.high, 30);
    expect(byPolicy.offer.position).toBe("below");
  });

  it("is not worked out without a fairShare block", () => {
    const none = handWorkable((json) => delete json.scenarios.fairShare);
    expect(fairShareOf(none, scenarioInputs(none))).toBeNull();
  });
});
