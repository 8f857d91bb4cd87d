/**
 * The pane's either/or switches (discounting, revenue, an alternative's mechanism, a distribution, a
 * quote's stage) leave nothing of the other mode behind, so the document stays valid, and a switch
 * back within the session brings back what was typed. Expected values are worked by hand.
 */
import fs from "fs";
import path from "path";
import { parsePartnership } from "../../../src/document/parse";
import { quoteTermsSchema } from "../../../src/document/schema";
import { alternativeSchema, distributionSchema } from "../../../src/document/scenarios";
import type { Json } from "../../../src/taskpane/editor/draft";
import {
  alternativeFor,
  discountFor,
  distributionFor,
  quoteAtStage,
  resizeByYear,
  revenueFor,
  switchMode,
  type ModeMemory,
} from "../../../src/taskpane/editor/scenarios/modes";

const EXAMPLE = path.join(__dirname, "..", "..", "..", "examples", "commercial-imaging-ai.json");
const example = () => JSON.parse(fs.readFileSync(EXAMPLE, "utf8")) as Record<string, Json>;
const NO_MEMORY: ModeMemory = new Map();

describe("discounting: flat rate or Green Book", () => {
  it("a flat discount switched to the Green Book keeps no rate, and the document still parses", () => {
    const doc = example();
    const scenarios = doc.scenarios as Record<string, Json>;
    expect(scenarios.discount).toEqual({ kind: "flat", rate: expect.any(Number) });
    const switched = switchMode({
      key: "scenarios.discount",
      current: scenarios.discount,
      discriminator: "kind",
      next: "green-book",
      start: discountFor("green-book"),
      memory: NO_MEMORY,
    });
    expect(switched.value).toEqual({ kind: "green-book" });
    const parsed = parsePartnership({
      ...doc,
      scenarios: { ...scenarios, discount: switched.value },
    });
    expect(parsed.ok).toBe(true);
  });

  it("switching back within the session brings back the rate typed before", () => {
    const flat = { kind: "flat", rate: 0.06 };
    const toGreen = switchMode({
      key: "scenarios.discount",
      current: flat,
      discriminator: "kind",
      next: "green-book",
      start: discountFor("green-book"),
      memory: NO_MEMORY,
    });
    const back = switchMode({
      key: "scenarios.discount",
      current: toGreen.value,
      discriminator: "kind",
      next: "flat",
      start: discountFor("flat"),
      memory: toGreen.memory,
    });
    expect(back.value).toEqual({ kind: "flat", rate: 0.06 });
  });

  it("a leftover rate under the Green Book does not come back with a switch back", () => {
    const toFlat = switchMode({
      key: "scenarios.discount",
      current: { kind: "green-book", rate: 0.035 },
      discriminator: "kind",
      next: "flat",
      start: discountFor("flat"),
      memory: NO_MEMORY,
    });
    expect(toFlat.value).toEqual({ kind: "flat", rate: 0.035 });
    const back = switchMode({
      key: "scenarios.discount",
      current: toFlat.value,
      discriminator: "kind",
      next: "green-book",
      start: discountFor("green-book"),
      memory: toFlat.memory,
    });
    expect(back.value).toEqual({ kind: "green-book" });
  });

  it("a first switch to a flat rate starts at 3.5%", () => {
    expect(discountFor("flat")).toEqual({ kind: "flat", rate: 0.035 });
  });

  it("choosing the mode a part is already in changes nothing", () => {
    const flat = { kind: "flat", rate: 0.06 };
    const same = switchMode({
      key: "k",
      current: flat,
      discriminator: "kind",
      next: "flat",
      start: discountFor("flat"),
      memory: NO_MEMORY,
    });
    expect(same.value).toBe(flat);
  });
});

describe("revenue: a curve or year by year", () => {
  // Launch in year 2, two years to a £100 peak, then 50% a year less: 0, 50, 100, 50, 25.
  const curve = {
    kind: "curve",
    launchYear: 2,
    yearsToPeak: 2,
    peakRevenue: 100,
    declineRate: 0.5,
    years: 5,
  };

  it("a curve written out by year keeps its figures and nothing of the curve", () => {
    expect(revenueFor("explicit", curve)).toEqual({
      kind: "explicit",
      byYear: [0, 50, 100, 50, 25],
    });
  });

  it("figures by year become a curve from the first year with revenue to the largest", () => {
    expect(revenueFor("curve", { kind: "explicit", byYear: [0, 50, 100, 50, 25] })).toEqual({
      kind: "curve",
      launchYear: 2,
      yearsToPeak: 2,
      peakRevenue: 100,
      declineRate: 0,
      years: 5,
    });
  });

  it("the number of years cuts off the last years or adds years at £0", () => {
    expect(resizeByYear([10, 20, 30], 5)).toEqual([10, 20, 30, 0, 0]);
    expect(resizeByYear([10, 20, 30], 2)).toEqual([10, 20]);
    expect(resizeByYear(undefined, 1)).toEqual([0]);
  });

  it("each form parses in the example document", () => {
    const doc = example();
    const scenarios = doc.scenarios as Record<string, Json>;
    for (const revenue of [
      curve,
      revenueFor("explicit", curve),
      revenueFor("curve", scenarios.revenue),
    ])
      expect(parsePartnership({ ...doc, scenarios: { ...scenarios, revenue } }).ok).toBe(true);
  });
});

describe("an alternative's mechanism", () => {
  it("each mechanism starts valid", () => {
    for (const mechanism of ["fixed", "subscription", "milestones", "royalty"]) {
      const alternative = alternativeFor(mechanism, "option-a");
      expect([mechanism, alternativeSchema.safeParse(alternative).success]).toEqual([
        mechanism,
        true,
      ]);
    }
  });

  it("a royalty switched to milestones keeps its id and drops its royalty; back again, the royalty returns", () => {
    const royalty = {
      id: "five-percent",
      mechanism: "royalty",
      royalty: { tiers: [{ threshold: 0, rate: 0.05 }], annualMinimum: 1000, termYears: 8 },
    };
    const toMilestones = switchMode({
      key: "scenarios.alternatives[0]",
      current: royalty,
      discriminator: "mechanism",
      next: "milestones",
      start: alternativeFor("milestones", "five-percent"),
      memory: NO_MEMORY,
      keep: ["id"],
    });
    expect(toMilestones.value).toEqual({
      id: "five-percent",
      mechanism: "milestones",
      milestones: [{ description: "Milestone 1", amount: 0, year: 1, probability: 0.5 }],
    });
    // Renamed meanwhile: the name stays, the royalty's terms come back.
    const back = switchMode({
      key: "scenarios.alternatives[0]",
      current: { ...(toMilestones.value as Record<string, Json>), id: "renamed" },
      discriminator: "mechanism",
      next: "royalty",
      start: alternativeFor("royalty", "renamed"),
      memory: toMilestones.memory,
      keep: ["id"],
    });
    expect(back.value).toEqual({ ...royalty, id: "renamed" });
  });
});

describe("a distribution's kind", () => {
  const pounds = distributionSchema("pounds a year");

  it("none to uniform starts at half and one and a half times the typical value", () => {
    expect(distributionFor("uniform", undefined, 100)).toEqual({
      distribution: "uniform",
      min: 50,
      max: 150,
    });
  });

  it("uniform to triangular keeps the bounds and puts the most likely value midway", () => {
    expect(
      distributionFor("triangular", { distribution: "uniform", min: 10, max: 30 }, 100)
    ).toEqual({ distribution: "triangular", min: 10, mode: 20, max: 30 });
  });

  it("PERT to fixed keeps the most likely value; to lognormal it is the median", () => {
    const pert = { distribution: "pert", min: 10, mode: 12, max: 30 };
    expect(distributionFor("fixed", pert, 100)).toEqual({ distribution: "fixed", value: 12 });
    expect(distributionFor("lognormal", pert, 100)).toEqual({
      distribution: "lognormal",
      median: 12,
      sigma: 0.5,
    });
  });

  it("none removes the distribution", () => {
    expect(distributionFor("none", { distribution: "fixed", value: 3 }, 100)).toBeUndefined();
  });

  it("every kind it makes is valid, from every kind", () => {
    const kinds = ["fixed", "uniform", "triangular", "pert", "lognormal"];
    for (const from of kinds)
      for (const to of kinds) {
        const start = distributionFor(from, undefined, 1000);
        const made = distributionFor(to, start, 1000);
        expect([from, to, pounds.safeParse(made).success]).toEqual([from, to, true]);
      }
  });
});

describe("a quote's stage", () => {
  const accepted = {
    stage: "accepted",
    date: "2026-01-05",
    validUntil: "2026-03-31",
    paymentTermsDays: 30,
    issuedOn: "2026-01-06",
    acceptedOn: "2026-02-01",
  };

  it("an accepted quote made a draft again keeps none of the stage dates", () => {
    expect(quoteAtStage(accepted, "draft")).toEqual({
      stage: "draft",
      date: "2026-01-05",
      validUntil: "2026-03-31",
      paymentTermsDays: 30,
    });
  });

  it("declined keeps the issue date and drops the acceptance", () => {
    expect(quoteAtStage(accepted, "declined")).toEqual({
      stage: "declined",
      date: "2026-01-05",
      validUntil: "2026-03-31",
      paymentTermsDays: 30,
      issuedOn: "2026-01-06",
    });
  });

  it("no stage date left behind is one the schema refuses", () => {
    for (const stage of ["draft", "issued", "withdrawn"]) {
      const result = quoteTermsSchema.safeParse(quoteAtStage(accepted, stage));
      const refused = result.success
        ? []
        : result.error.issues.filter((issue) => /does not apply/.test(issue.message));
      expect([stage, refused]).toEqual([stage, []]);
    }
  });
});
