/**
 * The value-sharing-policy rule: a quote checked against a strategy whose value-sharing policy prefers
 * some mechanisms for its use and data value, sets a lowest headline royalty rate and an annual minimum,
 * and defines the royalty's base. The clean document (test/document/fixtures.ts) is an issued quote for
 * commercial use of one data asset with 3 of 6 characteristics high (not high-value), with one royalty
 * tier of 5% from £0 and an annual minimum of £10,000. Every message is written out here in full.
 */
import {
  checkPrinciples,
  PRINCIPLE_RULES,
  type CheckContext,
  type Finding,
} from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import type { Partnership } from "../../src/document/schema";
import type { PricingStrategy } from "../../src/document/strategy";
import { cleanInput, cleanStrategyInput, valid, validStrategy } from "../document/fixtures";

type Input = ReturnType<typeof cleanInput>;
type Edit = (doc: Input) => void;

// Each written as a sentence, its full stop dropped where the finding quotes it.
const BASE =
  "Net sales: gross amounts invoiced for the product, less VAT, returns, credits and trade discounts actually given.";
const GIVEN_AWAY =
  "The average net selling price of the product in the same quarter, or, with no sales, the list price of the nearest comparable product.";

const POLICY = {
  preferredMechanisms: [
    { use: "commercial", dataValue: "high", mechanisms: ["milestones", "royalty"] },
    { use: "commercial", dataValue: "low", mechanisms: ["fixed", "subscription", "royalty"] },
  ],
  royalty: { base: BASE, givenAway: GIVEN_AWAY, minimumRate: 0.03, annualMinimum: 10000 },
};

type PolicyInput = Record<string, unknown>;

/** The clean strategy with `policy` as its value-sharing policy, or none when `policy` is null. */
function strategyWith(policy: PolicyInput | null): PricingStrategy {
  const input = cleanStrategyInput();
  if (policy !== null) input.valueSharingPolicy = policy;
  return validStrategy(input);
}

function docWith(...edits: Edit[]): Partnership {
  const input = cleanInput();
  for (const edit of edits) edit(input);
  return valid(input);
}

const rule = PRINCIPLE_RULES.find((candidate) => candidate.id === "value-sharing-policy");

function findings(doc: Partnership, policy: PolicyInput | null = POLICY): Finding[] {
  if (rule === undefined) throw new Error("value-sharing-policy is not a registered rule");
  const context: CheckContext = { strategy: strategyWith(policy) };
  return rule.check(doc, priceQuote(doc), context);
}

/** [severity, field, message] of each finding. */
const told = (found: readonly Finding[]) => found.map((f) => [f.severity, f.field, f.message]);

const TAKE_IT_UP =
  "take the departure to whoever approves the trust's pricing strategy, so partners with the same use and data meet the same terms";
const DEFINE =
  'Define the royalty in the agreement as the trust\'s value-sharing policy does. Its base: "Net sales: gross amounts invoiced for the product, less VAT, returns, credits and trade discounts actually given". If the product is given away or bundled: "The average net selling price of the product in the same quarter, or, with no sales, the list price of the nearest comparable product".';
const DEFINED: [string, string, string] = ["info", "valueSharing.royalty", DEFINE];

const draft: Edit = (doc) => (doc.quote = { stage: "draft", date: "2025-04-01" });
const accepted: Edit = (doc) => {
  doc.quote.stage = "accepted";
  doc.quote.acceptedOn = "2025-04-20";
};
/** The clean asset has 3 of 6 characteristics high; availability makes it the fourth. */
const fourHigh: Edit = (doc) => (doc.dataAssets[0]!.availability = "high");
const onlyFixedPayment: Edit = (doc) => (doc.valueSharing = { fixedPayment: { amount: 20000 } });
const royaltyTiers =
  (...tiers: [number, number][]): Edit =>
  (doc) => {
    doc.valueSharing = {
      royalty: {
        tiers: tiers.map(([threshold, rate]) => ({ threshold, rate })),
        annualMinimum: 10000,
        termYears: 8,
      },
    };
  };
const nonCommercial: Edit = (doc) => {
  doc.use = "non-commercial";
  doc.consentToCommercialise = true;
  doc.outputsOpen = true;
  doc.valueSharing = {};
};

describe("value-sharing-policy", () => {
  test("is registered as commercial principles 1 and 4, after the royalty rules", () => {
    const ids = PRINCIPLE_RULES.map((candidate) => candidate.id);
    expect(ids.indexOf("value-sharing-policy")).toBe(ids.indexOf("royalty-minimum") + 1);
    expect(rule?.principle).toBe("Commercial principles 1 and 4");
    expect(rule?.guideSection).toMatch(/^CIDC guide, chapter 4: Principles 1 and 4/);
  });

  test("a quote that follows the policy with no royalty gets no finding", () => {
    // Not high-value data, a fixed payment: the policy prefers a fixed payment, a subscription or a royalty.
    expect(findings(docWith(onlyFixedPayment))).toEqual([]);
  });

  test("a quote that follows the policy with a royalty is told only the policy's definitions", () => {
    // 5% from £0, at least 3%; an annual minimum of £10,000, as the policy asks.
    expect(told(findings(docWith()))).toEqual([DEFINED]);
    expect(told(findings(docWith(fourHigh)))).toEqual([DEFINED]);
  });

  test("is silent with no strategy, with a strategy that has no policy, or a policy that says nothing", () => {
    const doc = docWith(
      royaltyTiers([0, 0.01]),
      (d) => delete d.valueSharing.royalty?.annualMinimum
    );
    expect(rule?.check(doc, priceQuote(doc), {})).toEqual([]);
    expect(findings(doc, null)).toEqual([]);
    expect(findings(doc, {})).toEqual([]);
  });

  test("high-value data with only a fixed payment, where the policy prefers milestones or a royalty", () => {
    expect(told(findings(docWith(fourHigh, onlyFixedPayment)))).toEqual([
      [
        "warning",
        "valueSharing",
        `The trust's value-sharing policy prefers milestone payments or a revenue royalty for commercial use of high-value data ("Inpatient observations", 4 of 6 characteristics high), but the agreement shares value only through a fixed payment. Offer one of the preferred mechanisms, or ${TAKE_IT_UP}.`,
      ],
    ]);
  });

  test("two of the mechanisms in force, neither preferred; every high-value asset is named", () => {
    const doc = docWith(
      fourHigh,
      (d) => {
        d.dataAssets.push({ ...d.dataAssets[0]!, name: "Discharge letters", coverage: "high" });
      },
      (d) =>
        (d.valueSharing = {
          fixedPayment: { amount: 20000 },
          subscription: { annualFee: 12000, years: 3 },
        })
    );
    expect(told(findings(doc))).toEqual([
      [
        "warning",
        "valueSharing",
        `The trust's value-sharing policy prefers milestone payments or a revenue royalty for commercial use of high-value data ("Inpatient observations", 4 of 6 characteristics high; "Discharge letters", 5 of 6 characteristics high), but the agreement shares value only through a fixed payment and a subscription. Offer one of the preferred mechanisms, or ${TAKE_IT_UP}.`,
      ],
    ]);
  });

  test("no value sharing at all, for data that is not high-value", () => {
    expect(told(findings(docWith((d) => (d.valueSharing = {}))))).toEqual([
      [
        "warning",
        "valueSharing",
        `The trust's value-sharing policy prefers a fixed payment, a subscription or a revenue royalty for commercial use of data that is not high-value (no data asset has 4 or more of its 6 characteristics high), but the agreement has no value-sharing term that pays anything. Offer one of the preferred mechanisms, or ${TAKE_IT_UP}.`,
      ],
    ]);
  });

  test("a royalty of 0% with no minimum is not a royalty in force", () => {
    const doc = docWith(royaltyTiers([0, 0]), (d) => delete d.valueSharing.royalty?.annualMinimum);
    expect(told(findings(doc, { preferredMechanisms: POLICY.preferredMechanisms }))).toEqual([
      [
        "warning",
        "valueSharing",
        `The trust's value-sharing policy prefers a fixed payment, a subscription or a revenue royalty for commercial use of data that is not high-value (no data asset has 4 or more of its 6 characteristics high), but the agreement has no value-sharing term that pays anything. Offer one of the preferred mechanisms, or ${TAKE_IT_UP}.`,
      ],
    ]);
  });

  test("no preference for the quote's use and data value: no mechanism is asked for", () => {
    const highOnly = { preferredMechanisms: [POLICY.preferredMechanisms[0]] };
    expect(
      findings(
        docWith((d) => (d.valueSharing = {})),
        highOnly
      )
    ).toEqual([]);
  });

  test("a single rate below the policy's lowest", () => {
    expect(told(findings(docWith(royaltyTiers([0, 0.02]))))).toEqual([
      [
        "warning",
        "valueSharing.royalty.tiers[0].rate",
        `The royalty's rate is 2%, below the 3% the trust's value-sharing policy sets as the lowest headline rate it accepts for commercial use. Raise it to at least 3%, or ${TAKE_IT_UP}.`,
      ],
      DEFINED,
    ]);
  });

  test("the headline rate of a tiered royalty is its top tier's", () => {
    // 5% up to £1,000,000 a year, then 2.5%: the top tier is below 3%.
    expect(told(findings(docWith(royaltyTiers([0, 0.05], [1000000, 0.025]))))).toEqual([
      [
        "warning",
        "valueSharing.royalty.tiers[1].rate",
        `The royalty's headline rate, its top tier's (on annual revenue from £1,000,000), is 2.5%, below the 3% the trust's value-sharing policy sets as the lowest headline rate it accepts for commercial use. Raise it to at least 3%, or ${TAKE_IT_UP}.`,
      ],
      DEFINED,
    ]);
    // 2% rising to 4%: the headline is 4%, so the rate is not a finding.
    expect(told(findings(docWith(royaltyTiers([0, 0.02], [1000000, 0.04]))))).toEqual([DEFINED]);
    // Exactly the lowest rate is accepted.
    expect(told(findings(docWith(royaltyTiers([0, 0.03]))))).toEqual([DEFINED]);
  });

  test("an annual minimum missing, or below the policy's", () => {
    expect(told(findings(docWith((d) => delete d.valueSharing.royalty?.annualMinimum)))).toEqual([
      [
        "warning",
        "valueSharing.royalty.annualMinimum",
        `The royalty has no annual minimum, but the trust's value-sharing policy asks for one of £10,000 a year. Agree an annual minimum of at least £10,000, or ${TAKE_IT_UP}.`,
      ],
      DEFINED,
    ]);
    const lower: Edit = (d) => (d.valueSharing.royalty!.annualMinimum = 7500);
    expect(told(findings(docWith(lower)))).toEqual([
      [
        "warning",
        "valueSharing.royalty.annualMinimum",
        `The royalty's annual minimum is £7,500, below the £10,000 a year the trust's value-sharing policy asks for. Raise it to at least £10,000, or ${TAKE_IT_UP}.`,
      ],
      DEFINED,
    ]);
  });

  test("a policy with no lowest rate or annual minimum asks for neither", () => {
    const definitionsOnly = { royalty: { base: BASE, givenAway: GIVEN_AWAY } };
    const doc = docWith(
      royaltyTiers([0, 0.01]),
      (d) => delete d.valueSharing.royalty?.annualMinimum
    );
    expect(told(findings(doc, definitionsOnly))).toEqual([DEFINED]);
  });

  test("a departure is a warning on a draft and an issued quote, information once accepted", () => {
    const departing = [fourHigh, onlyFixedPayment];
    const severities = (doc: Partnership) => findings(doc).map((f) => f.severity);
    expect(severities(docWith(draft, ...departing))).toEqual(["warning"]);
    expect(severities(docWith(...departing))).toEqual(["warning"]);
    expect(severities(docWith(accepted, ...departing))).toEqual(["info"]);
    const lowRate = docWith(accepted, royaltyTiers([0, 0.02]));
    expect(findings(lowRate).map((f) => [f.severity, f.field])).toEqual([
      ["info", "valueSharing.royalty.tiers[0].rate"],
      ["info", "valueSharing.royalty"],
    ]);
  });

  test("non-commercial use is checked only when the policy has a preference for it", () => {
    const withRoyalty: Edit = (d) =>
      (d.valueSharing = { royalty: { tiers: [{ threshold: 0, rate: 0.01 }], termYears: 3 } });
    // No preference for non-commercial use: nothing, whatever the terms.
    expect(findings(docWith(nonCommercial))).toEqual([]);
    expect(findings(docWith(nonCommercial, withRoyalty))).toEqual([]);
    const forNonCommercial = {
      ...POLICY,
      preferredMechanisms: [
        ...POLICY.preferredMechanisms,
        { use: "non-commercial", dataValue: "low", mechanisms: ["fixed"] },
      ],
    };
    expect(told(findings(docWith(nonCommercial), forNonCommercial))).toEqual([
      [
        "warning",
        "valueSharing",
        `The trust's value-sharing policy prefers a fixed payment for non-commercial use of data that is not high-value (no data asset has 4 or more of its 6 characteristics high), but the agreement has no value-sharing term that pays anything. Offer one of the preferred mechanisms, or ${TAKE_IT_UP}.`,
      ],
    ]);
    // The lowest rate and the annual minimum are for commercial use; the definitions are for any royalty.
    expect(told(findings(docWith(nonCommercial, withRoyalty), forNonCommercial))).toEqual([
      [
        "warning",
        "valueSharing",
        `The trust's value-sharing policy prefers a fixed payment for non-commercial use of data that is not high-value (no data asset has 4 or more of its 6 characteristics high), but the agreement shares value only through a revenue royalty. Offer one of the preferred mechanisms, or ${TAKE_IT_UP}.`,
      ],
      DEFINED,
    ]);
  });

  test("the whole check reports its findings with the strategy at hand", () => {
    const doc = docWith(draft, royaltyTiers([0, 0.02]));
    const all = checkPrinciples(doc, undefined, { strategy: strategyWith(POLICY) }).filter(
      (f) => f.ruleId === "value-sharing-policy"
    );
    expect(all.map((f) => [f.severity, f.field, f.principle])).toEqual([
      ["warning", "valueSharing.royalty.tiers[0].rate", "Commercial principles 1 and 4"],
      ["info", "valueSharing.royalty", "Commercial principles 1 and 4"],
    ]);
  });
});
