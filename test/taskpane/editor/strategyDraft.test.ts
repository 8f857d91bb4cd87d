/**
 * The strategy as the pane edits it: how one starts, a new revision, and a partnership priced under an
 * older revision offered re-pricing, with what changes worked by hand below.
 */
import fs from "fs";
import path from "path";
import { starterPartnership, starterStrategy } from "../../../src/cli/starters";
import { parseStrategy } from "../../../src/document";
import type { Draft } from "../../../src/taskpane/editor/draft";
import {
  blankStrategyDraft,
  checkStrategy,
  currentRevision,
  editableStrategy,
  newRevision,
  repriced,
  repriceOffer,
  repricingChange,
  starterStrategyDraft,
  strategyDraftOf,
  strategyStepOf,
} from "../../../src/taskpane/editor/strategy/strategyDraft";

const partnership = () => JSON.parse(JSON.stringify(starterPartnership())) as Draft;

/** The starter at revision 2: on-costs 27.5%, a fixed pool of £100,000 (8.33% of £1,200,000). */
function revisionTwo() {
  const draft = newRevision(starterStrategyDraft(), "2027-04-01");
  const edited = {
    ...draft,
    approvedBy: "Finance committee",
    approvedOn: "2027-03-10",
    reviewBy: "2028-03-31",
    staffTime: { ...(draft.staffTime as Draft), onCostRate: 0.275 },
    fixedCostRecovery: { ...(draft.fixedCostRecovery as Draft), annualPool: 100000 },
  };
  const parsed = parseStrategy(edited);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.document;
}

describe("starting a strategy", () => {
  it("from the starter is the document nhsdp init writes, valid as it stands", () => {
    expect(starterStrategyDraft()).toEqual(starterStrategy());
    expect(checkStrategy(starterStrategyDraft()).ok).toBe(true);
  });

  it("blank, asks for everything the trust must decide, at its field", () => {
    const check = checkStrategy(blankStrategyDraft());
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect([...check.issuesByPath.keys()].sort()).toEqual(
      [
        "id",
        "trust.name",
        "effectiveFrom",
        "approvedBy",
        "approvedOn",
        "staffTime.onCostRate",
        "overhead.rate",
        "overhead.covers",
        "recoveryBase.description",
        "fixedCostRecovery",
        "capitalCostRecovery",
      ].sort()
    );
    expect(blankStrategyDraft()).toMatchObject({
      format: "nhsdp.pricing-strategy",
      version: 3,
      revision: 1,
      recoveryBase: { passThrough: "excluded" },
      standardItems: [],
    });
  });

  it("keeps whatever the workspace holds when it is an object, and starts empty otherwise", () => {
    expect(strategyDraftOf({ id: "x" })).toEqual({ id: "x" });
    expect(strategyDraftOf(null)).toEqual({});
    expect(strategyDraftOf([1])).toEqual({});
  });
});

describe("an older strategy opened for editing", () => {
  it("is the current format, every field it had kept, and says what was assumed", () => {
    const file = path.join(
      __dirname,
      "..",
      "..",
      "..",
      "examples",
      "v1",
      "northvale-pricing-strategy.json"
    );
    const v1 = JSON.parse(fs.readFileSync(file, "utf8")) as Draft;
    const editable = editableStrategy(v1);
    expect(editable.upgradedFrom).toBe(1);
    expect(editable.notes.length).toBeGreaterThan(0);
    expect(editable.draft).toMatchObject({
      version: 3,
      id: "R9X-DATA-PRICING",
      revision: 3,
      effectiveFrom: "2025-04-01",
      staffTime: { onCostRate: 0.25 },
    });
    expect(checkStrategy(editable.draft).ok).toBe(true);
  });

  it("is left as it is when it is already the current format, valid or not", () => {
    const starter = starterStrategyDraft();
    expect(editableStrategy(starter)).toEqual({ draft: starter, notes: [] });
    const blank = blankStrategyDraft();
    expect(editableStrategy(blank).draft).toBe(blank);
  });
});

describe("a new revision", () => {
  it("is revision + 1 from the new date, its approval cleared, everything else carried over", () => {
    const starter = starterStrategyDraft();
    const next = newRevision(starter, "2027-04-01");
    const { approvedBy, approvedOn, revision, effectiveFrom, ...rest } = starter;
    expect([approvedBy, approvedOn, revision, effectiveFrom]).toEqual([
      "REPLACE: Director of Finance",
      "2026-03-15",
      1,
      "2026-04-01",
    ]);
    expect(next).toEqual({ ...rest, revision: 2, effectiveFrom: "2027-04-01" });
    // Until it is approved, and reviewed after it takes effect, it is not a strategy to price with.
    const check = checkStrategy(next);
    expect(check.ok ? [] : [...check.issuesByPath.keys()].sort()).toEqual([
      "approvedBy",
      "approvedOn",
      "reviewBy",
    ]);
    expect(newRevision(next, "2028-04-01").revision).toBe(3);
  });

  it("follows revision 1 when the draft's revision is not a whole number", () => {
    expect(currentRevision({ revision: "two" })).toBe(1);
    expect(currentRevision({ revision: 2.5 })).toBe(1);
    expect(newRevision({}, "2027-04-01")).toEqual({ revision: 2, effectiveFrom: "2027-04-01" });
  });
});

describe("a partnership priced under an older revision", () => {
  const strategy = revisionTwo();

  it("is offered re-pricing while a draft; an issued quote is told, not offered", () => {
    // starterPartnership names RXX-DATA-PRICING revision 1.
    expect(repriceOffer(partnership(), strategy)).toEqual({ from: 1, to: 2, draft: true });
    const issued = { ...partnership(), quote: { stage: "issued", date: "2026-04-01" } };
    expect(repriceOffer(issued, strategy)).toEqual({ from: 1, to: 2, draft: false });
  });

  it("is not offered for the current revision, another strategy, or no strategy named", () => {
    const at = (pricing: Draft) => ({ ...partnership(), pricing });
    expect(repriceOffer(at({ strategy: { id: "RXX-DATA-PRICING", revision: 2 } }), strategy)).toBe(
      undefined
    );
    expect(repriceOffer(at({ strategy: { id: "OTHER", revision: 1 } }), strategy)).toBe(undefined);
    expect(repriceOffer(at({ overrides: [] }), strategy)).toBe(undefined);
    expect(
      repriceOffer(at({ strategy: { id: "RXX-DATA-PRICING", revision: "1" } }), strategy)
    ).toBe(undefined);
  });

  it("re-priced, carries the new revision and rates, overrides cleared, nothing else changed", () => {
    const before = partnership();
    const after = repriced(before, strategy);
    expect(after.pricing).toEqual({
      strategy: { id: "RXX-DATA-PRICING", revision: 2 },
      staffOnCostRate: 0.275,
      overheadRate: 0.2,
      // £100,000 / £1,200,000 = 0.083333... -> 8.33%; capital (£60,000 + 3.5% x £240,000) / £1,200,000 = 5.7%
      fixedCostRecoveryRate: 0.0833,
      capitalCostRecoveryRate: 0.057,
      passThroughInRecoveryBase: false,
      overrides: [],
    });
    expect({ ...after, pricing: before.pricing }).toEqual(before);
  });

  it("shows the change worked by hand", () => {
    // The starter partnership, commercial: analyst 5 x £310 = £1,550 staff time; compute 6 x £250 =
    // £1,500 non-staff; SDE accounts 12 x £472 = £5,664 pass-through; a direct allocation of £1,500.
    // Revision 1 (25%, 20%, 8%, 5.7%): analyst £1,937.50 marginal, £2,325.00 full; compute £1,800.00
    // full; accounts £5,664.00. Full cost £9,789.00; base without pass-through £4,125.00; fixed
    // £330.00; capital £235.125 -> £235.13. Total £11,854.13.
    // Revision 2 (27.5%, 20%, 8.33%, 5.7%): analyst £1,976.25 marginal, £2,371.50 full; full cost
    // £9,835.50; base £4,171.50; fixed £347.48595 -> £347.49; capital £237.7755 -> £237.78.
    // Total £11,920.77, +£66.64.
    const change = repricingChange(partnership(), strategy)!;
    expect(change.before.total.toFixed(2)).toBe("11854.13");
    expect(change.after.total.toFixed(2)).toBe("11920.77");
    expect(change.change.toFixed(2)).toBe("66.64");
    expect(change.rates.map((r) => [r.rate, r.before.toNumber(), r.after.toNumber()])).toEqual([
      ["staffOnCostRate", 0.25, 0.275],
      ["fixedCostRecoveryRate", 0.08, 0.0833],
    ]);
    expect(
      change.items.map((item) => [
        item.id,
        item.before.toFixed(2),
        item.after.toFixed(2),
        item.reason,
      ])
    ).toEqual([
      ["svc-analyst", "2325.00", "2371.50", "on-costs 25% to 27.5%"],
      ["fixed-cost-recovery", "330.00", "347.49", "8% of £4,125.00 to 8.33% of £4,171.50"],
      ["capital-cost-recovery", "235.13", "237.78", "5.7% of £4,125.00 to 5.7% of £4,171.50"],
    ]);
  });

  it("has no change to show while the partnership cannot be priced", () => {
    const incomplete = { ...partnership(), vatRate: "twenty" };
    expect(repriceOffer(incomplete, strategy)).toEqual({ from: 1, to: 2, draft: true });
    expect(repricingChange(incomplete, strategy)).toBe(undefined);
  });
});

describe("the strategy editor's tabs", () => {
  it("take a problem's path to the tab that edits it", () => {
    expect(
      [
        "approvedBy",
        "trust.contact.email",
        "staffTime.grades[1].rate",
        "overhead.components[0]",
        "recoveryBase",
        "fixedCostRecovery.components[0]",
        "capitalCostRecovery.costOfCapital.rate",
        "standardItems[0].effectiveUntil",
        "valueSharingPolicy.preferredMechanisms[1].dataValue",
        "valueSharingPolicy.royalty.base",
        "",
      ].map(strategyStepOf)
    ).toEqual([
      "general",
      "general",
      "staff",
      "overhead",
      "overhead",
      "pools",
      "pools",
      "items",
      "policy",
      "policy",
      "general",
    ]);
  });
});
