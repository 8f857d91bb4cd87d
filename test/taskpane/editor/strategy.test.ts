/**
 * The trust's pricing strategy in the pane: its rates taken into a partnership, a cost line picked from
 * its grades and items, and the findings that say where a quote departs from it. The strategy is the
 * starter one `nhsdp init` writes, whose figures are read off it here: on-costs 25%, overheads 20%,
 * fixed recovery a pool of £1,000,000 over a base of £10,000,000 (10%), capital 5% as stated; grade
 * band-6 £310 a day; item sde-user-month £472 a user-month, pass-through.
 */
import { starterPartnership, starterStrategy } from "../../../src/cli/starters";
import { parseStrategy } from "../../../src/document";
import type { Draft } from "../../../src/taskpane/editor/draft";
import { priceDraft } from "../../../src/taskpane/editor/pricedDraft";
import {
  applyChoice,
  choiceOf,
  importStrategyJson,
  pricingFromStrategy,
  strategyChoices,
  strategyState,
} from "../../../src/taskpane/editor/strategyInPane";
import { EMPTY_WORKSPACE } from "../../../src/taskpane/editor/workspace";

const parsed = parseStrategy(starterStrategy());
if (!parsed.ok) throw new Error("the starter strategy must be valid");
const STRATEGY = parsed.document;

describe("the strategy in the pane", () => {
  it("is none, valid or invalid, with the schema's problems", () => {
    expect(strategyState(EMPTY_WORKSPACE).status).toBe("none");
    expect(strategyState({ ...EMPTY_WORKSPACE, strategy: starterStrategy() }).status).toBe("valid");
    const broken = { ...starterStrategy(), overhead: { rate: "20%", covers: "x" } };
    const state = strategyState({ ...EMPTY_WORKSPACE, strategy: broken });
    expect(state.status === "invalid" && state.issues.map((i) => i.path)).toEqual([
      "overhead.rate",
    ]);
  });

  it("gives a partnership its id, revision and four rates, and no overrides", () => {
    expect(pricingFromStrategy(STRATEGY)).toEqual({
      strategy: { id: "RXX-DATA-PRICING", revision: 1 },
      staffOnCostRate: 0.25,
      overheadRate: 0.2,
      // £96,000 / (£800,000 + £400,000) = 0.08; (£60,000 + 3.5% x £240,000 = £8,400) / £1,200,000 = 0.057
      fixedCostRecoveryRate: 0.08,
      capitalCostRecoveryRate: 0.057,
      passThroughInRecoveryBase: false,
      overrides: [],
    });
  });

  it("prices a line picked from a staff grade as the grade, staff time", () => {
    const line: Draft = {
      id: "line-1",
      category: "data-access-other",
      description: "",
      quantity: 3,
    };
    const picked = applyChoice(line, STRATEGY, "grade:band-6");
    expect(picked).toEqual({
      id: "line-1",
      category: "services",
      kind: "staff",
      description: "Agenda for Change band 6: analyst",
      quantity: 3,
      unit: "day",
      unitCost: 310,
      staffGrade: "band-6",
    });
    expect(choiceOf(picked)).toBe("grade:band-6");
  });

  it("prices a line picked from a standard item as the item, keeping what was typed", () => {
    const line: Draft = {
      id: "line-2",
      category: "services",
      description: "Accounts for the study team",
      quantity: 12,
      staffGrade: "band-6",
      kind: "staff",
    };
    expect(applyChoice(line, STRATEGY, "item:sde-user-month")).toEqual({
      id: "line-2",
      category: "data-access-other",
      description: "Accounts for the study team",
      quantity: 12,
      unit: "user-month",
      unitCost: 472,
      passThrough: true,
      standardItem: "sde-user-month",
    });
    expect(strategyChoices(STRATEGY).map((c) => c.value)).toEqual([
      "grade:band-6",
      "grade:consultant",
      "item:sde-user-month",
    ]);
  });

  it("describes the line as what it is priced as, however often the choice changes", () => {
    // Arrowing down the list: band 6, then the consultant, then the SDE account.
    const start: Draft = { id: "line-1", category: "services", description: "", quantity: 2 };
    const band6 = applyChoice(start, STRATEGY, "grade:band-6");
    const consultant = applyChoice(band6, STRATEGY, "grade:consultant");
    const account = applyChoice(consultant, STRATEGY, "item:sde-user-month");
    expect([band6, consultant, account].map((l) => [l.description, l.unitCost])).toEqual([
      ["Agenda for Change band 6: analyst", 310],
      ["Consultant, sessional rate", 112.5],
      ["NHS England SDE user account", 472],
    ]);
    // Back to "Typed by hand" keeps the last name and price; the next choice still replaces them.
    const byHand = applyChoice(account, STRATEGY, "");
    expect(byHand.description).toBe("NHS England SDE user account");
    expect(applyChoice(byHand, STRATEGY, "grade:band-6").description).toBe(
      "Agenda for Change band 6: analyst"
    );
  });

  it("keeps a description the user typed, through any number of choices", () => {
    const typed: Draft = { id: "line-1", description: "Linkage by the analyst", quantity: 1 };
    const once = applyChoice(typed, STRATEGY, "grade:band-6");
    const twice = applyChoice(once, STRATEGY, "grade:consultant");
    expect([once.description, twice.description]).toEqual([
      "Linkage by the analyst",
      "Linkage by the analyst",
    ]);
    // A generated name the user then edits is theirs from then on.
    const edited = {
      ...applyChoice(typed, STRATEGY, "grade:consultant"),
      description: "Consultant, two sessions",
    };
    expect(applyChoice(edited, STRATEGY, "grade:band-6").description).toBe(
      "Consultant, two sessions"
    );
    // Blank (spaces only) counts as nothing typed.
    expect(applyChoice({ description: "  " }, STRATEGY, "grade:consultant").description).toBe(
      "Consultant, sessional rate"
    );
  });

  it("says when the quote's rates differ from the strategy", () => {
    const draft = starterPartnership() as unknown as Draft;
    const overhead = { ...draft, pricing: { ...(draft.pricing as Draft), overheadRate: 0.25 } };
    const withStrategy = priceDraft(overhead, STRATEGY);
    const without = priceDraft(overhead);
    const ids = (p: typeof withStrategy) =>
      p.status === "priced" ? p.findings.map((f) => f.ruleId) : [];
    expect(ids(withStrategy)).toContain("rates-consistent");
    expect(ids(without)).not.toContain("rates-consistent");
  });

  it("imports a strategy file and refuses a partnership document", () => {
    const ok = importStrategyJson(EMPTY_WORKSPACE, JSON.stringify(starterStrategy()), "s.json");
    expect(ok.ok && ok.message).toMatch(
      /^Using s\.json: RXX-DATA-PRICING revision 1: staff on-costs 25%/
    );
    const wrong = importStrategyJson(
      EMPTY_WORKSPACE,
      JSON.stringify(starterPartnership()),
      "p.json"
    );
    expect(wrong).toMatchObject({ ok: false, message: "p.json is not a pricing strategy" });
  });
});
