/**
 * The starter documents: both valid as they stand, the partnership priced at the starter strategy's
 * rates, grade and item, and every field of both formats present to fill in; and what `nhsdp init`
 * writes, the same with a placeholder in every figure and text the trust sets.
 */
import { z } from "zod";
import fs from "fs";
import path from "path";
import {
  initPartnership,
  initStrategy,
  starterPartnership,
  starterStrategy,
} from "../../src/cli/starters";
import { placeholders } from "../../src/document/placeholders";
import { checkPrinciples, hasErrors } from "../../src/core/principles";
import { rateDifferences, strategyRates } from "../../src/core/pricing/strategy";
import { PRICING_RATES } from "../../src/model/vocabulary";
import { parsePartnership, parseStrategy } from "../../src/document/parse";
import { partnershipSchema, type Partnership } from "../../src/document/schema";
import { strategySchema, type PricingStrategy } from "../../src/document/strategy";

function parsedPartnership(): Partnership {
  const result = parsePartnership(starterPartnership());
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return result.document;
}

function parsedStrategy(): PricingStrategy {
  const result = parseStrategy(starterStrategy());
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return result.document;
}

/** The format's fields, less "$schema": the starters are written where no schemas/ folder is. */
const fields = (shape: object) =>
  Object.keys(shape)
    .filter((key) => key !== "$schema")
    .sort();

/**
 * Every field path the schema defines at any depth (a list's items as `[]`), and every one the document
 * has. Wrappers (optional, default, a transform's input) are looked through.
 */
function schemaPaths(schema: z.ZodType, prefix: string, into: Set<string>): Set<string> {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
    return schemaPaths(schema.unwrap() as z.ZodType, prefix, into);
  if (schema instanceof z.ZodPipe) return schemaPaths(schema.in as z.ZodType, prefix, into);
  if (schema instanceof z.ZodArray)
    return schemaPaths(schema.element as z.ZodType, `${prefix}[]`, into);
  if (schema instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(schema.shape)) {
      const path = prefix === "" ? key : `${prefix}.${key}`;
      into.add(path);
      schemaPaths(field as z.ZodType, path, into);
    }
  }
  return into;
}

function documentPaths(value: unknown, prefix: string, into: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => documentPaths(item, `${prefix}[]`, into));
  else if (typeof value === "object" && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      const path = prefix === "" ? key : `${prefix}.${key}`;
      into.add(path);
      documentPaths(field, path, into);
    }
  }
  return into;
}

describe("starter documents", () => {
  it("are plain JSON, fresh on every call, with no $schema (init adds one, naming the schema it writes beside them)", () => {
    for (const make of [starterPartnership, starterStrategy]) {
      const document = make();
      expect(JSON.parse(JSON.stringify(document))).toEqual(document);
      expect(document).not.toHaveProperty("$schema");
      expect(make()).not.toBe(document);
    }
    const partnership = starterPartnership();
    partnership.trust.name = "Changed";
    expect(starterStrategy().trust.name).not.toBe("Changed");
    expect(starterPartnership().trust.name).not.toBe("Changed");
  });

  it("are valid documents", () => {
    expect(parsePartnership(starterPartnership())).toMatchObject({ ok: true });
    expect(parseStrategy(starterStrategy())).toMatchObject({ ok: true });
    // Parsing keeps everything written (defaults are already written out).
    expect(parsedStrategy()).toEqual(starterStrategy());
    expect(parsedPartnership()).toEqual(starterPartnership());
  });

  it("price the partnership at the starter strategy's rates, grade and item", () => {
    const partnership = parsedPartnership();
    const strategy = parsedStrategy();
    expect(partnership.pricing.strategy).toEqual({ id: strategy.id, revision: strategy.revision });
    expect(partnership.pricing.overrides).toEqual([]);
    const rates = strategyRates(strategy);
    for (const rate of PRICING_RATES)
      expect([rate, partnership.pricing[rate]]).toEqual([rate, rates[rate].toNumber()]);
    expect(rateDifferences(partnership, strategy)).toEqual([]);

    const grades = new Map(strategy.staffTime.grades.map((grade) => [grade.id, grade]));
    const items = new Map(strategy.standardItems.map((item) => [item.id, item]));
    const graded = partnership.costs.lines.filter((line) => line.staffGrade !== undefined);
    const itemised = partnership.costs.lines.filter((line) => line.standardItem !== undefined);
    expect(graded.length).toBeGreaterThan(0);
    expect(itemised.length).toBeGreaterThan(0);
    for (const line of graded) {
      const grade = grades.get(line.staffGrade!);
      expect(grade).toBeDefined();
      expect([line.unit, line.unitCost]).toEqual([grade!.unit, grade!.rate]);
    }
    for (const line of itemised) {
      const item = items.get(line.standardItem!);
      expect(item).toBeDefined();
      expect([line.category, line.unit, line.unitCost, line.passThrough]).toEqual([
        item!.category,
        item!.unit,
        item!.unitPrice,
        item!.passThrough,
      ]);
    }

    const findings = checkPrinciples(partnership, undefined, { strategy });
    expect(findings.filter((finding) => finding.ruleId === "rates-consistent")).toEqual([]);
    expect(hasErrors(findings)).toBe(false);
  });

  it("have every top-level field of both formats, the optional ones included", () => {
    expect(Object.keys(starterPartnership()).sort()).toEqual(fields(partnershipSchema.shape));
    expect(Object.keys(starterStrategy()).sort()).toEqual(fields(strategySchema.shape));
  });

  it("have every field at every depth, but those a draft or an unoverridden quote cannot have", () => {
    // A draft quote has no stage dates (parsing rejects them), and a quote at the strategy's rates has
    // no overrides (one would be a rates-consistent finding), so their fields are left out.
    const notApplicable = [
      ...["issuedOn", "acceptedOn", "declinedOn", "withdrawnOn"].map((field) => `quote.${field}`),
      ...["rate", "strategyValue", "reason"].map((field) => `pricing.overrides[].${field}`),
    ];
    const partnershipPaths = schemaPaths(partnershipSchema, "", new Set());
    // The walk reaches through lists, optional fields and a transform (cost lines).
    for (const deep of [
      "trust.address",
      "costs.lines[].standardItem",
      "valueSharing.royalty.tiers[].rate",
    ])
      expect(partnershipPaths).toContain(deep);
    const partnershipHas = documentPaths(starterPartnership(), "", new Set());
    const partnershipMissing = [...partnershipPaths].filter(
      (path) => path !== "$schema" && !partnershipHas.has(path)
    );
    expect(partnershipMissing.sort()).toEqual(notApplicable.sort());

    // Both starter pools are recovered over the base (a stated rate and its source would replace a
    // pool); pass-through charges are out of the base, so there is no reason for having them in it; and
    // a price in force has no end date.
    const strategyNotApplicable = [
      "recoveryBase.passThroughReason",
      "recovery.rate",
      "recovery.source",
      "standardItems[].effectiveUntil",
    ];
    const recovery = (path: string) => path.replace(/^(fixed|capital)CostRecovery\b/, "recovery");
    const strategyHas = new Set([...documentPaths(starterStrategy(), "", new Set())].map(recovery));
    const strategyMissing = [
      ...new Set(
        [...schemaPaths(strategySchema, "", new Set())]
          .filter((path) => path !== "$schema")
          .map(recovery)
          .filter((path) => !strategyHas.has(path))
      ),
    ];
    expect(strategyMissing.sort()).toEqual(strategyNotApplicable.sort());
  });

  it("have one cost line of each kind and every value-sharing mechanism in full", () => {
    const partnership = parsedPartnership();
    const lines = partnership.costs.lines;
    expect(lines.some((line) => line.kind === "staff" && line.staffGrade !== undefined)).toBe(true);
    expect(lines.some((line) => line.kind === "non-staff" && !line.passThrough)).toBe(true);
    expect(lines.some((line) => line.passThrough && line.standardItem !== undefined)).toBe(true);
    expect(partnership.costs.directAllocations).toHaveLength(1);
    expect(partnership.quote.stage).toBe("draft");
    const { fixedPayment, subscription, milestones, royalty } = partnership.valueSharing;
    expect(fixedPayment?.instalments.length).toBeGreaterThan(0);
    expect(subscription).toBeDefined();
    expect(milestones).toHaveLength(1);
    expect(royalty?.tiers).toHaveLength(2);
    expect(royalty?.annualCap).toBeDefined();
    expect(royalty?.annualMinimum).toBeDefined();
    const strategy = parsedStrategy();
    // Both pools are spread over the base; the capital pool carries a cost of capital.
    expect(
      [strategy.fixedCostRecovery, strategy.capitalCostRecovery].map((r) => "annualPool" in r)
    ).toEqual([true, true]);
    expect(strategy.capitalCostRecovery.costOfCapital?.rate).toBe(0.035);
    expect(strategy.recoveryBase.passThrough).toBe("excluded");
  });
});

describe("the starters nhsdp init writes", () => {
  /** The fields a trust sets, as the README walkthrough's test fills them in. */
  const filledIn = JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "fixtures", "walkthrough", "filled-in.json"), "utf8")
  ) as Record<string, Record<string, unknown>>;

  /** The value at a path written as `costs.lines[0].quantity`. */
  const at = (document: unknown, field: string): unknown =>
    field
      .split(/\.|\[(\d+)\]\.?/)
      .filter((key) => key !== undefined && key !== "")
      .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], document);

  it("mark every figure and text the trust sets, and nothing else", () => {
    expect(placeholders(initStrategy()).map((found) => found.path)).toEqual(
      Object.keys(filledIn["pricing-strategy.json"]!)
    );
    expect(
      placeholders(initPartnership())
        .map((found) => found.path)
        .sort()
    ).toEqual(Object.keys(filledIn["partnership.json"]!).sort());
  });

  it("differ from the valid starters only where they hold a placeholder", () => {
    for (const [init, starter] of [
      [initStrategy(), starterStrategy()],
      [initPartnership(), starterPartnership()],
    ] as const) {
      const marked = placeholders(init);
      for (const found of marked) {
        expect(at(init, found.path)).toBe(`REPLACE: ${found.message}`);
        expect(at(starter, found.path)).not.toBeUndefined();
      }
      // Put back the starter's value at each placeholder: the starter itself.
      const restored = JSON.parse(JSON.stringify(init)) as Record<string, unknown>;
      for (const found of marked) {
        const keys = found.path
          .split(/\.|\[(\d+)\]\.?/)
          .filter((key) => key !== undefined && key !== "");
        const last = keys.pop()!;
        const parent = keys.reduce<unknown>(
          (value, key) => (value as Record<string, unknown>)[key],
          restored
        ) as Record<string, unknown>;
        parent[last] = at(starter, found.path);
      }
      expect(restored).toEqual(starter);
    }
  });

  it("every placeholder says what goes there", () => {
    for (const found of [...placeholders(initStrategy()), ...placeholders(initPartnership())])
      expect([found.path, found.message.length > 8]).toEqual([found.path, true]);
  });
});
