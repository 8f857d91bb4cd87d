import fs from "fs";
import path from "path";
import {
  describeStrategy,
  rateDifferences,
  recoveryRate,
  strategyRates,
  withStrategyRates,
} from "../../src/core/pricing/strategy";
import { priceQuote } from "../../src/core/pricing/quote";
import { documentKind, parseStrategy, parseStrategyJson } from "../../src/document/parse";
import {
  EXAMPLES_DIR,
  STRATEGY_FILES,
  clean,
  cleanInput,
  cleanStrategy,
  cleanStrategyInput,
  example,
  exampleStrategy,
  readJson,
  validStrategy,
} from "./fixtures";

function issuesOf(json: unknown): { path: string; message: string }[] {
  const result = parseStrategy(json);
  if (result.ok) throw new Error("expected the strategy to be rejected");
  return result.issues;
}

/** cleanStrategyInput() with one change made by `edit`, which may break its types: that is the point. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edits deliberately write wrongly typed values
function edited(edit: (strategy: any) => void): unknown {
  const strategy = cleanStrategyInput();
  edit(strategy);
  return strategy;
}

const NOT_A_FIELD = "is not a field of a pricing strategy (check the spelling)";

const derived = { annualPool: 1000000 };
const stated = { rate: 0.05, source: "Board paper 2025-07" };

describe("the example strategies", () => {
  const files = fs.readdirSync(path.join(EXAMPLES_DIR, "strategies")).sort();

  test("there are three, one for each example trust", () => {
    expect(files).toEqual(Object.values(STRATEGY_FILES).sort());
  });

  test.each(files)("%s is a valid pricing strategy", (file) => {
    const json = readJson(path.join("strategies", file));
    expect(documentKind(json)).toBe("strategy");
    const strategy = validStrategy(json);
    expect(strategy.format).toBe("nhsdp.pricing-strategy");
    expect(strategy.version).toBe(3);
  });

  test("each belongs to the trust its name says, and the examples quote its id and revision", () => {
    expect(
      (["R9X", "RWB", "RE8"] as const).map((ods) => {
        const strategy = exampleStrategy(ods);
        return [ods, strategy.trust.odsCode, strategy.id, strategy.revision];
      })
    ).toEqual([
      ["R9X", "R9X", "R9X-DATA-PRICING", 3],
      ["RWB", "RWB", "RWB-DATA-2025", 1],
      ["RE8", "RE8", "RE8-PRICING", 2],
    ]);
  });

  test("their four rates, worked out by hand from the documents", () => {
    const rates = (ods: keyof typeof STRATEGY_FILES) =>
      Object.fromEntries(
        Object.entries(strategyRates(exampleStrategy(ods))).map(([name, rate]) => [
          name,
          rate.toNumber(),
        ])
      );
    // Northvale: base 840,000 + 360,000 = 1,200,000; fixed 150,000 / 1,200,000 = 0.125;
    // capital (61,500 + 3.5% x 300,000 = 10,500) = 72,000 / 1,200,000 = 0.06
    expect(rates("R9X")).toEqual({
      staffOnCostRate: 0.25,
      overheadRate: 0.2,
      fixedCostRecoveryRate: 0.125,
      capitalCostRecoveryRate: 0.06,
    });
    // Westbridge: fixed stated 10%; capital 56,000 / (500,000 + 200,000) = 0.08
    expect(rates("RWB")).toEqual({
      staffOnCostRate: 0.25,
      overheadRate: 0.22,
      fixedCostRecoveryRate: 0.1,
      capitalCostRecoveryRate: 0.08,
    });
    // Eastmere: fixed 45,000 / (600,000 + 300,000) = 0.05; capital stated 0
    expect(rates("RE8")).toEqual({
      staffOnCostRate: 0.25,
      overheadRate: 0.15,
      fixedCostRecoveryRate: 0.05,
      capitalCostRecoveryRate: 0,
    });
  });

  test("the Northvale strategy described for a finance officer", () => {
    const lines = describeStrategy(exampleStrategy("R9X"));
    expect(lines[0]).toMatch(/^R9X-DATA-PRICING revision 3: the pricing strategy of Northvale/);
    expect(lines).toContain(
      "  fixed-cost recovery rate: 12.5% = £150,000.00 / £1,200,000.00 (Forecast cost of the trust's data partnerships in 2025/26: about 30 partnerships, from the 2024/25 register), to 0.01%"
    );
  });

  test("invalid/bad-strategy.json reports every bad field with its path", () => {
    const issues = issuesOf(readJson("invalid/bad-strategy.json"));
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      [
        "id", // blank
        "revision", // 0
        "approvedBy", // missing
        "approvedOn", // after the strategy took effect
        "reviewBy", // before the strategy took effect
        "staffTime.onCostRate", // five decimal places
        "staffTime.grades[1].id", // repeats band-6
        "staffTime.grades[1].unit", // "week"
        "staffTime.grades[2].rate", // negative
        "overhead.covers", // blank
        "overheadRate", // not a field of a strategy
        "recoveryBase", // £0 with a pool to spread over it
        "recoveryBase.passThroughReason", // included without a reason
        "fixedCostRecovery.components[1]", // estates, already in the overhead
        "capitalCostRecovery.rate", // a rate and a pool
        "standardItems[0].category", // "licences"
        "standardItems[0].passThrough", // "yes"
        "standardItems[1].unitPrice", // five decimal places
      ].sort()
    );
    const byPath = new Map(issues.map((issue) => [issue.path, issue.message]));
    expect(byPath.get("overheadRate")).toBe(NOT_A_FIELD);
    expect(byPath.get("approvedOn")).toBe(
      "is 2025-04-15, after the strategy took effect (2025-04-01); a strategy is approved before it applies"
    );
    expect(byPath.get("staffTime.grades[1].id")).toBe(
      'repeats the id of staffTime.grades[0] ("band-6"); each needs its own id'
    );
    expect(byPath.get("recoveryBase")).toBe(
      "comes to £0: a pool is recovered as a share of the base, so the forecast must be above 0"
    );
    expect(byPath.get("fixedCostRecovery.components[1]")).toBe(
      'claims "Estates and utilities (buildings, energy, facilities)", which overhead.components already covers: recovered twice, it would be charged twice; keep it in one of them'
    );
  });
});

describe("strategy schema", () => {
  test("the clean strategy is valid; standard items default to none and not passed through", () => {
    expect(cleanStrategy().standardItems[0]?.passThrough).toBe(true);
    const strategy = validStrategy(edited((s) => delete s.standardItems));
    expect(strategy.standardItems).toEqual([]);
    const item = validStrategy(edited((s) => delete s.standardItems[0].passThrough))
      .standardItems[0];
    expect(item?.passThrough).toBe(false);
  });

  describe("cost recovery: a pool over the recovery base, or a rate stated with its source", () => {
    test.each([
      ["derived", derived],
      ["stated", stated],
    ])("%s is valid", (_kind, recovery) => {
      expect(
        validStrategy(edited((s) => (s.fixedCostRecovery = recovery))).fixedCostRecovery
      ).toEqual(recovery);
    });

    test("both is refused, at rate", () => {
      expect(issuesOf(edited((s) => (s.fixedCostRecovery = { ...derived, ...stated })))).toEqual([
        {
          path: "fixedCostRecovery.rate",
          message:
            "give either annualPool (the rate is the pool over the strategy's recovery base) or rate and source, not both",
        },
      ]);
      // a single field of the other kind is enough to be both
      expect(
        issuesOf(edited((s) => (s.capitalCostRecovery = { ...stated, annualPool: 600000 })))
      ).toEqual([
        {
          path: "capitalCostRecovery.rate",
          message:
            "give either annualPool (the rate is the pool over the strategy's recovery base) or rate and source, not both",
        },
      ]);
    });

    test("neither is refused, at the recovery itself", () => {
      expect(issuesOf(edited((s) => (s.fixedCostRecovery = {})))).toEqual([
        {
          path: "fixedCostRecovery",
          message:
            "needs annualPool (the rate is the pool over the strategy's recovery base) or a rate and its source",
        },
      ]);
      // what the pool covers is a note, not a way of recovering it
      expect(
        issuesOf(edited((s) => (s.fixedCostRecovery = { covers: "Managers and the platform" })))
      ).toEqual([
        {
          path: "fixedCostRecovery",
          message:
            "needs annualPool (the rate is the pool over the strategy's recovery base) or a rate and its source",
        },
      ]);
    });

    test("half a stated rate is refused, naming what is missing", () => {
      expect(issuesOf(edited((s) => (s.capitalCostRecovery = { rate: 0.05 })))).toEqual([
        { path: "capitalCostRecovery.source", message: "is required" },
      ]);
      expect(
        issuesOf(edited((s) => (s.capitalCostRecovery = { rate: 0.05, source: "  " })))
      ).toEqual([{ path: "capitalCostRecovery.source", message: "must not be blank" }]);
    });

    test("a pool needs the base's two forecasts, which must not both be 0", () => {
      expect(issuesOf(edited((s) => delete s.recoveryBase.nonCommercialMarginalCost))).toEqual([
        {
          path: "recoveryBase.nonCommercialMarginalCost",
          message: "is required when a pool is recovered over the base (give 0 if there is none)",
        },
      ]);
      expect(
        issuesOf(
          edited((s) => {
            s.recoveryBase.commercialFullCost = 0;
            s.recoveryBase.nonCommercialMarginalCost = 0;
          })
        )
      ).toEqual([
        {
          path: "recoveryBase",
          message:
            "comes to £0: a pool is recovered as a share of the base, so the forecast must be above 0",
        },
      ]);
      // With both rates stated there is nothing to spread, so the forecasts may be left out.
      expect(
        validStrategy(
          edited((s) => {
            s.fixedCostRecovery = stated;
            delete s.recoveryBase.commercialFullCost;
            delete s.recoveryBase.nonCommercialMarginalCost;
          })
        ).recoveryBase.commercialFullCost
      ).toBeUndefined();
      // a pool of 0 is a rate of 0, which is allowed
      const zero = validStrategy(edited((s) => (s.fixedCostRecovery = { annualPool: 0 })));
      expect(recoveryRate(zero.fixedCostRecovery, zero.recoveryBase).rate.toNumber()).toBe(0);
    });

    test("pass-through charges in the base need a reason; out of it they need none", () => {
      expect(issuesOf(edited((s) => delete s.recoveryBase.passThroughReason))).toEqual([
        {
          path: "recoveryBase.passThroughReason",
          message:
            "is required when pass-through charges are in the recovery base: say why a charge passed on at its published price should bear the trust's fixed and capital costs",
        },
      ]);
      const excluded = validStrategy(
        edited((s) => {
          s.recoveryBase.passThrough = "excluded";
          delete s.recoveryBase.passThroughReason;
        })
      );
      expect(excluded.recoveryBase.passThrough).toBe("excluded");
      expect(issuesOf(edited((s) => (s.recoveryBase.passThrough = "sometimes")))).toEqual([
        {
          path: "recoveryBase.passThrough",
          message: 'must be one of "excluded", "included" (got the text "sometimes")',
        },
      ]);
    });

    test("a component is covered by one layer only; the overhead may be 0 with the fixed pool carrying it", () => {
      expect(
        issuesOf(
          edited((s) => {
            s.overhead.components = ["estates-utilities", "finance-legal"];
            s.fixedCostRecovery.components = ["management-administration"];
            s.capitalCostRecovery.components = ["finance-legal"];
          })
        )
      ).toEqual([
        {
          path: "capitalCostRecovery.components[0]",
          message:
            'claims "Finance and legal services", which overhead.components already covers: recovered twice, it would be charged twice; keep it in one of them',
        },
      ]);
      expect(
        issuesOf(edited((s) => (s.overhead.components = ["hr-training", "hr-training"])))
      ).toEqual([
        {
          path: "overhead.components[1]",
          message: 'repeats "hr-training"; list each component once',
        },
      ]);
      const carried = validStrategy(
        edited((s) => {
          s.overhead = {
            rate: 0,
            covers: "Nothing: the fixed pool carries the overheads",
            components: [],
          };
          s.fixedCostRecovery.components = [
            "estates-utilities",
            "finance-legal",
            "management-administration",
          ];
        })
      );
      expect(carried.overhead.rate).toBe(0);
    });

    test("a cost of capital belongs to a pool, not to a stated rate", () => {
      expect(
        issuesOf(
          edited(
            (s) =>
              (s.capitalCostRecovery = {
                ...stated,
                costOfCapital: { rate: 0.035, capitalEmployed: 300000, source: "HM Treasury" },
              })
          )
        )
      ).toEqual([
        {
          path: "capitalCostRecovery.rate",
          message:
            "give either annualPool (the rate is the pool over the strategy's recovery base) or rate and source, not both",
        },
      ]);
    });

    test("a standard item's price applies between its dates, in order", () => {
      expect(
        issuesOf(
          edited((s) => {
            s.standardItems[0].effectiveFrom = "2026-04-01";
            s.standardItems[0].effectiveUntil = "2026-03-31";
          })
        )
      ).toEqual([
        {
          path: "standardItems[0].effectiveUntil",
          message: "is 2026-03-31, before the item's effectiveFrom (2026-04-01)",
        },
      ]);
    });

    test("a stated rate is a rate to 0.01%", () => {
      expect(
        issuesOf(edited((s) => (s.capitalCostRecovery = { ...stated, rate: 0.05125 })))
      ).toEqual([
        {
          path: "capitalCostRecovery.rate",
          message:
            "must have at most 4 decimal places (a rate to 0.01%: 0.2534 = 25.34%; got 0.05125)",
        },
      ]);
    });
  });

  describe("dates", () => {
    test("approved after it took effect is refused; approved the same day is fine", () => {
      expect(issuesOf(edited((s) => (s.approvedOn = "2025-04-02")))).toEqual([
        {
          path: "approvedOn",
          message:
            "is 2025-04-02, after the strategy took effect (2025-04-01); a strategy is approved before it applies",
        },
      ]);
      expect(validStrategy(edited((s) => (s.approvedOn = "2025-04-01"))).approvedOn).toBe(
        "2025-04-01"
      );
    });

    test("a review date must come after the strategy took effect", () => {
      expect(issuesOf(edited((s) => (s.reviewBy = "2025-04-01")))).toEqual([
        {
          path: "reviewBy",
          message: "is 2025-04-01, not after the strategy took effect (2025-04-01)",
        },
      ]);
      expect(validStrategy(edited((s) => (s.reviewBy = "2026-03-31"))).reviewBy).toBe("2026-03-31");
    });

    test("dates are real calendar dates", () => {
      expect(issuesOf(edited((s) => (s.effectiveFrom = "2025-04-31")))).toEqual([
        {
          path: "effectiveFrom",
          message: "must be a real calendar date written YYYY-MM-DD (for example 2025-04-01)",
        },
      ]);
    });
  });

  test("staff grades and standard items each have their own id", () => {
    expect(
      issuesOf(
        edited((s) => {
          s.staffTime.grades.push({
            id: "band-6",
            name: "Band 6 engineer",
            unit: "day",
            rate: 320,
          });
          s.standardItems.push({ ...s.standardItems[0], name: "Another account" });
        })
      )
    ).toEqual([
      {
        path: "staffTime.grades[1].id",
        message: 'repeats the id of staffTime.grades[0] ("band-6"); each needs its own id',
      },
      {
        path: "standardItems[1].id",
        message: 'repeats the id of standardItems[0] ("sde-user-month"); each needs its own id',
      },
    ]);
  });

  test("a value-sharing policy gives each use and data value one preference, each mechanism once", () => {
    const royalty = { base: "Net sales", givenAway: "The price of comparable sales" };
    expect(
      issuesOf(
        edited((s) => {
          s.valueSharingPolicy = {
            preferredMechanisms: [
              { use: "commercial", dataValue: "high", mechanisms: ["royalty", "milestones"] },
              { use: "commercial", dataValue: "low", mechanisms: ["fixed", "royalty", "fixed"] },
              { use: "commercial", dataValue: "high", mechanisms: ["milestones"] },
              { use: "non-commercial", dataValue: "high", mechanisms: [] },
            ],
            royalty,
          };
        })
      )
    ).toEqual([
      {
        path: "valueSharingPolicy.preferredMechanisms[1].mechanisms[2]",
        message: 'repeats "fixed"; list each mechanism once',
      },
      {
        path: "valueSharingPolicy.preferredMechanisms[3].mechanisms",
        message: "needs at least one mechanism",
      },
      {
        path: "valueSharingPolicy.preferredMechanisms[2].dataValue",
        message:
          "repeats the preference of preferredMechanisms[0] (commercial use, high-value data); give each use and data value one preference",
      },
    ]);
    // The same mechanisms for another use or data value are a preference of their own.
    const policy = {
      preferredMechanisms: [
        { use: "commercial", dataValue: "high", mechanisms: ["royalty"] },
        { use: "commercial", dataValue: "low", mechanisms: ["royalty"] },
        { use: "non-commercial", dataValue: "high", mechanisms: ["royalty"] },
      ],
      royalty,
    };
    expect(
      validStrategy(edited((s) => (s.valueSharingPolicy = policy))).valueSharingPolicy
    ).toEqual(policy);
  });

  test("a grade is paid by the hour or the day, to a hundredth of a penny", () => {
    expect(
      issuesOf(
        edited((s) => {
          s.staffTime.grades[0].unit = "week";
          s.staffTime.grades[0].rate = 310.00001;
        })
      )
    ).toEqual([
      {
        path: "staffTime.grades[0].unit",
        message: 'must be one of "hour", "day" (got the text "week")',
      },
      {
        path: "staffTime.grades[0].rate",
        message:
          "must have at most 4 decimal places (pounds to a hundredth of a penny; got 310.00001)",
      },
    ]);
  });

  test("the strategy's rates are rates: to 0.01%, not negative", () => {
    expect(
      issuesOf(
        edited((s) => {
          s.staffTime.onCostRate = 0.12345;
          s.overhead.rate = -0.2;
        })
      )
    ).toEqual([
      {
        path: "staffTime.onCostRate",
        message:
          "must have at most 4 decimal places (a rate to 0.01%: 0.2534 = 25.34%; got 0.12345)",
      },
      { path: "overhead.rate", message: "must not be negative (a decimal uplift, 0.25 = 25%)" },
    ]);
  });

  test("an unknown field is named as not a field of a pricing strategy", () => {
    expect(
      issuesOf(
        edited((s) => {
          s.overheadRate = 0.2;
          s.staffTime.grades[0].salary = 31000;
          s.fixedCostRecovery.pool = 500000;
        })
      )
    ).toEqual([
      { path: "staffTime.grades[0].salary", message: NOT_A_FIELD },
      { path: "fixedCostRecovery.pool", message: NOT_A_FIELD },
      { path: "overheadRate", message: NOT_A_FIELD },
    ]);
  });

  test("format, version and revision", () => {
    expect(issuesOf(edited((s) => (s.version = 4)))).toEqual([
      { path: "version", message: "must be 3 (got 4)" },
    ]);
    expect(issuesOf(edited((s) => (s.format = "nhsdp.partnership")))).toEqual([
      {
        path: "format",
        message: 'must be "nhsdp.pricing-strategy" (got the text "nhsdp.partnership")',
      },
    ]);
    expect(issuesOf(edited((s) => (s.revision = 2.5)))).toEqual([
      { path: "revision", message: "must be a whole number" },
    ]);
    expect(issuesOf(edited((s) => (s.revision = 0)))).toEqual([
      { path: "revision", message: "must be at least 1" },
    ]);
  });

  test.each<[string, unknown, { path: string; message: string }[]]>([
    [
      "no fixed-cost recovery",
      edited((s) => delete s.fixedCostRecovery),
      [{ path: "fixedCostRecovery", message: "is required" }],
    ],
    [
      "capital-cost recovery: null",
      edited((s) => (s.capitalCostRecovery = null)),
      [{ path: "capitalCostRecovery", message: "must be an object (got null)" }],
    ],
    [
      "grades: null",
      edited((s) => (s.staffTime.grades = null)),
      [{ path: "staffTime.grades", message: "must be a list (got null)" }],
    ],
    ["null", null, [{ path: "(document)", message: "must be an object (got null)" }]],
  ])("a missing or null section is reported, not thrown: %s", (_what, json, issues) => {
    expect(parseStrategy(json)).toEqual({ ok: false, issues });
  });

  test("a partnership document is not a strategy", () => {
    expect(documentKind(cleanInput())).toBe("partnership");
    expect(documentKind({ format: "something else" })).toBeUndefined();
    const issues = issuesOf(cleanInput());
    expect(issues).toContainEqual({
      path: "format",
      message: 'must be "nhsdp.pricing-strategy" (got the text "nhsdp.partnership")',
    });
  });

  test("parseStrategyJson reads text, and reports a syntax error as an issue of the whole document", () => {
    expect(parseStrategyJson(JSON.stringify(cleanStrategyInput())).ok).toBe(true);
    expect(parseStrategyJson('{"format": "nhsdp.pricing-strategy",}')).toEqual({
      ok: false,
      issues: [
        {
          path: "(document)",
          message:
            "is not valid JSON: a field name in double quotes was expected (is there a comma too many?) at line 1, column 37",
        },
      ],
    });
  });
});

describe("recoveryRate", () => {
  const derivedRate = (annualPool: number, annualBase: number): string =>
    recoveryRate(
      { annualPool },
      {
        description: "base",
        commercialFullCost: annualBase,
        nonCommercialMarginalCost: 0,
        passThrough: "excluded",
      }
    ).rate.toString();

  test.each([
    // pool, base, rate to four places, worked by hand
    [1000000, 3000000, "0.3333"], // 1/3 = 0.33333...
    [2000000, 3000000, "0.6667"], // 2/3 = 0.66666... rounds up
    [1, 8, "0.125"], // exactly 0.125
    [2, 30000, "0.0001"], // 0.0000666... rounds up to 0.0001
    [1, 20000, "0.0001"], // 0.00005 exactly: half rounds away from zero
    [1, 30000, "0"], // 0.0000333... rounds down to 0
    [150000, 1200000, "0.125"], // Northvale's fixed costs
    [56000, 700000, "0.08"], // Westbridge's capital costs
    [0, 5000000, "0"],
  ])("a pool of %p over a base of %p is a rate of %s", (pool, base, rate) => {
    expect(derivedRate(pool, base)).toBe(rate);
  });

  test("says how the rate was arrived at", () => {
    const strategy = validStrategy(cleanStrategyInput());
    expect(recoveryRate(strategy.fixedCostRecovery, strategy.recoveryBase)).toEqual({
      rate: expect.anything(),
      derivation: {
        kind: "derived",
        pool: expect.anything(),
        recovered: expect.anything(),
        base: expect.anything(),
        baseDescription: "Forecast cost of all data partnerships this year",
      },
    });
    const capital = recoveryRate(cleanStrategy().capitalCostRecovery, strategy.recoveryBase);
    expect(capital.rate.toString()).toBe("0.05");
    expect(capital.derivation).toEqual({ kind: "stated", source: "Board paper 2025-07" });
  });
});

describe("a partnership priced with a strategy", () => {
  test("the clean partnership uses the clean strategy's rates (500,000 / (3,500,000 + 1,500,000) = 10% fixed)", () => {
    expect(rateDifferences(clean(), cleanStrategy())).toEqual([]);
  });

  test("a rate that differs is found, with the override's reason when there is one", () => {
    const doc = clean();
    doc.pricing.overheadRate = 0.15;
    doc.pricing.staffOnCostRate = 0.3;
    doc.pricing.overrides = [{ rate: "overheadRate", strategyValue: 0.2, reason: "Pilot" }];
    expect(
      rateDifferences(doc, cleanStrategy()).map((d) => [
        d.rate,
        d.quoteValue.toNumber(),
        d.strategyValue.toNumber(),
        d.reason,
      ])
    ).toEqual([
      ["staffOnCostRate", 0.3, 0.25, undefined],
      ["overheadRate", 0.15, 0.2, "Pilot"],
    ]);
  });

  test("withStrategyRates copies the four rates in, names the strategy and clears overrides", () => {
    const doc = clean();
    doc.pricing = {
      staffOnCostRate: 0.3,
      overheadRate: 0.15,
      fixedCostRecoveryRate: 0,
      capitalCostRecoveryRate: 0,
      passThroughInRecoveryBase: false,
      overrides: [{ rate: "overheadRate", strategyValue: 0.2, reason: "Pilot" }],
    };
    expect(withStrategyRates(doc, exampleStrategy("RWB")).pricing).toEqual({
      strategy: { id: "RWB-DATA-2025", revision: 1 },
      staffOnCostRate: 0.25,
      overheadRate: 0.22,
      fixedCostRecoveryRate: 0.1,
      capitalCostRecoveryRate: 0.08,
      passThroughInRecoveryBase: true,
      overrides: [],
    });
  });
});

describe("a strategy written in an older version", () => {
  // examples/v1/northvale-pricing-strategy.json: Northvale's revision 3 as it was written in version 1,
  // each pool over its own base: fixed £1,250,000 / £10,000,000, capital £600,000 / £10,000,000.
  const upgraded = parseStrategy(readJson("v1/northvale-pricing-strategy.json"));

  test("is read as version 3 and keeps every rate", () => {
    if (!upgraded.ok) throw new Error(JSON.stringify(upgraded.issues));
    expect(upgraded.document.version).toBe(3);
    expect(upgraded.upgradedFrom?.version).toBe(1);
    const rates = strategyRates(upgraded.document);
    // 1,250,000 / 10,000,000 = 0.125 and 600,000 / 10,000,000 = 0.06, as before.
    expect(rates.fixedCostRecoveryRate.toString()).toBe("0.125");
    expect(rates.capitalCostRecoveryRate.toString()).toBe("0.06");
    expect(upgraded.document.recoveryBase).toMatchObject({
      commercialFullCost: 10000000,
      nonCommercialMarginalCost: 0,
      passThrough: "included",
    });
  });

  test("every example priced with it keeps its price, and the user is told what was assumed", () => {
    if (!upgraded.ok) throw new Error(JSON.stringify(upgraded.issues));
    for (const file of ["academic-sde-study.json", "commercial-imaging-ai.json"] as const) {
      const doc = example(file);
      const repriced = withStrategyRates(doc, upgraded.document);
      expect(priceQuote(repriced).totalIncVat.toFixed(2)).toBe(
        priceQuote(doc).totalIncVat.toFixed(2)
      );
    }
    expect(upgraded.upgradedFrom?.notes).toEqual([
      "The recovery base was one figure, £10,000,000.00; it is read as the forecast full cost of commercial work, with £0.00 of non-commercial marginal cost, so every rate is unchanged. The rates multiply marginal cost for non-commercial use: split the forecast into its two parts at the next revision.",
      "Pass-through charges stay in the recovery base, as they were in every quote priced with this strategy; a new revision may exclude them (recoveryBase.passThrough).",
    ]);
  });

  test("a pool over a base of its own is kept as a stated rate, and said", () => {
    const json = readJson("v1/northvale-pricing-strategy.json") as {
      capitalCostRecovery: { annualBase: number };
    };
    json.capitalCostRecovery.annualBase = 7000000;
    const result = parseStrategy(json);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    // 600,000 / 7,000,000 = 0.0857142... -> 0.0857
    expect(result.document.capitalCostRecovery).toMatchObject({
      rate: 0.0857,
      source:
        "£600,000.00 / £7,000,000.00 (Forecast full cost of the trust's data partnerships and research data services in 2025/26), as derived before version 3",
    });
    expect(result.upgradedFrom?.notes[0]).toMatch(
      /^The capital-cost pool was spread over its own base/
    );
  });
});
