/**
 * The fair-share finding: a commercial partnership whose terms are worth less than the low end of a
 * fair share of the product's value, by the NHS's contribution, is told so with the range.
 */
import { checkPrinciples } from "../../src/core/principles";
import type { Partnership } from "../../src/document/schema";
import { example } from "../document/fixtures";

const fairShareFindings = (doc: Partnership, context = {}) =>
  checkPrinciples(doc, undefined, context).filter((finding) => finding.ruleId === "fair-share");

describe("the fair-share finding", () => {
  it("warns that the rwe example's terms (£119,658) fall below a fair share (£270,895 to £677,237)", () => {
    // Worked by `nhsdp scenario` and checked on the recalculated sheet (scenario.engines.test.ts).
    const [finding, ...more] = fairShareFindings(example("commercial-rwe-milestones.json"));
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ severity: "warning", field: "valueSharing" });
    expect(finding!.message).toMatch(
      /^The agreed terms are worth £119,658 to the NHS today, risk-adjusted \(3\.50% of it\), below a fair share of the product's value\. A fair share for the NHS's contribution \(79\.2% of a full one\) is 7\.92% to 19\.79% of the product's risk-adjusted profit of £3,421,829: £270,895 to £677,237 today, as a royalty of 2\.17% to 5\.43%/
    );
  });

  it("says nothing of the imaging example, whose terms are above the range", () => {
    expect(fairShareFindings(example("commercial-imaging-ai.json"))).toEqual([]);
  });

  it("weighs by the strategy's policy: asking only a twentieth of the profit at most, the rwe terms pass", () => {
    const doc = example("commercial-rwe-milestones.json");
    // 0.792 x 5% x £3,421,829 = £135,504 at the top; 0.792 x 1% x it = £27,101 at the bottom: the
    // terms' £119,658 is within.
    const strategy = {
      valueSharingPolicy: {
        preferredMechanisms: [],
        contribution: { shareAtFullContribution: { low: 0.01, high: 0.05 } },
      },
    };
    expect(fairShareFindings(doc, { strategy })).toEqual([]);
  });

  it("says nothing without a fairShare block, or for non-commercial use", () => {
    const doc = example("commercial-rwe-milestones.json");
    const scenarios = { ...doc.scenarios!, fairShare: undefined };
    expect(fairShareFindings({ ...doc, scenarios })).toEqual([]);
    expect(fairShareFindings({ ...doc, use: "non-commercial" })).toEqual([]);
  });
});
