import fs from "fs";
import { parsePartnership, parseStrategy } from "../../src/document/parse";
import { formatPath } from "../../src/document/issues";
import { parsePartnershipJson } from "../support/partnershipJson";
import { partnershipSchema } from "../../src/document/schema";
import {
  EXAMPLES_DIR,
  EXAMPLE_FILES,
  cleanInput,
  cleanStrategyInput,
  readJson,
  valid,
} from "./fixtures";

/** The issues of a document that must be invalid, failing if it parses. */
function issuesOf(json: unknown): { path: string; message: string }[] {
  const result = parsePartnership(json);
  if (result.ok) throw new Error("expected the document to be rejected");
  return result.issues;
}

function pathsOf(json: unknown): string[] {
  return issuesOf(json)
    .map((issue) => issue.path)
    .sort();
}

/** cleanInput() with one change made by `edit`, which may break its types: that is the point. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edits deliberately write wrongly typed values
type LooseDocument = any;

function edited(edit: (doc: LooseDocument) => void): unknown {
  const doc = cleanInput();
  edit(doc);
  return doc;
}

const NOT_A_FIELD = "is not a field of a partnership document (check the spelling)";

describe("examples", () => {
  test("the list the tests use is every partnership document in examples/", () => {
    const files = fs.readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith(".json"));
    expect(files.sort()).toEqual([...EXAMPLE_FILES].sort());
  });

  test.each(EXAMPLE_FILES)("%s passes the schema as a version-3 document", (file) => {
    const result = parsePartnership(readJson(file));
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
    expect(result.document.format).toBe("nhsdp.partnership");
    expect(result.document.version).toBe(3);
    expect(result.upgradedFrom).toBeUndefined();
  });

  test("the schema itself accepts each example (no hidden preprocessing in parse)", () => {
    for (const file of EXAMPLE_FILES)
      expect(partnershipSchema.safeParse(readJson(file)).success).toBe(true);
  });
});

describe("invalid examples report every bad field with its path", () => {
  test("invalid/bad-costs.json", () => {
    const issues = issuesOf(readJson("invalid/bad-costs.json"));
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      [
        "reference", // "   " is blank
        "use", // "Commercial": ids are exact
        "quote.date", // 30 February
        "quote.validUntil", // issued, but no validity
        "pricing.staffOnCostRate", // -0.1
        "pricing.overheadrate", // misspelt...
        "pricing.overheadRate", // ...so the real one is missing
        "pricing.fixedCostRecoveryRate", // 0.12345: five decimal places
        "pricing.overrides[0]", // an override, but no strategy named
        "costs.lines[0].quantity", // -2
        "costs.lines[1].unitCost", // "112.50", text not a number
        "costs.lines[2].id", // repeats costs.lines[0]
        "costs.lines[2].passThrough", // a pass-through on a services (staff) line
        "costs.directAllocations[0].amount", // 12500.505: not pounds and pence
        "vatRate", // missing: no default
      ].sort()
    );
    const byPath = new Map(issues.map((issue) => [issue.path, issue.message]));
    expect(byPath.get("reference")).toBe("must not be blank");
    expect(byPath.get("use")).toBe(
      'must be one of "commercial", "non-commercial" (got the text "Commercial")'
    );
    expect(byPath.get("quote.date")).toMatch(/YYYY-MM-DD/);
    expect(byPath.get("quote.validUntil")).toBe(
      'is required once the quote is issued (the stage is "issued")'
    );
    expect(byPath.get("pricing.staffOnCostRate")).toMatch(/must not be negative/);
    expect(byPath.get("pricing.overheadrate")).toBe(NOT_A_FIELD);
    expect(byPath.get("pricing.overheadRate")).toBe("is required");
    expect(byPath.get("pricing.fixedCostRecoveryRate")).toMatch(
      /at most 4 decimal places .*got 0\.12345/
    );
    expect(byPath.get("pricing.overrides[0]")).toMatch(/pricing\.strategy does not name one/);
    expect(byPath.get("costs.lines[0].quantity")).toMatch(/must not be negative/);
    expect(byPath.get("costs.lines[1].unitCost")).toBe('must be a number (got the text "112.50")');
    expect(byPath.get("costs.lines[2].id")).toMatch(/repeats the id of costs\.lines\[0\]/);
    expect(byPath.get("costs.lines[2].passThrough")).toMatch(/is true on staff time/);
    expect(byPath.get("costs.directAllocations[0].amount")).toMatch(
      /at most 2 decimal places \(pounds and pence; got 12500\.505\)/
    );
    expect(byPath.get("vatRate")).toBe("is required");
  });

  test("invalid/bad-value-sharing.json", () => {
    const issues = issuesOf(readJson("invalid/bad-value-sharing.json"));
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      [
        "trust.odsCode", // lower case
        "partner.organisationType", // "pharma"
        "dataAssets[0].linkage", // "medium"
        "dataAssets[0].intendedUse", // "marketing"
        "consentToCommercialise", // "yes"
        "informationGovernance.dpia", // "done"
        "valueSharing.fixedPayment.instalments[0].due", // "on signature"
        "valueSharing.fixedPayment.instalments", // £20,000 of instalments for a £30,000 payment
        "valueSharing.subscription.years", // 0
        "valueSharing.milestones[1].probability", // 1.5
        "valueSharing.royalty.tiers[0].threshold", // first tier must start at 0
        "valueSharing.royalty.tiers[1].rate", // 1.2
        "valueSharing.royalty.tiers[2].threshold", // below the previous tier
        "valueSharing.royalty.annualMinimum", // above the cap
      ].sort()
    );
    const byPath = new Map(issues.map((issue) => [issue.path, issue.message]));
    expect(byPath.get("valueSharing.fixedPayment.instalments")).toBe(
      "add up to £20,000.00 but the fixed payment is £30,000.00; they must agree"
    );
    expect(byPath.get("consentToCommercialise")).toBe('must be true or false (got the text "yes")');
    expect(byPath.get("valueSharing.royalty.tiers[0].threshold")).toMatch(/must be 0/);
    expect(byPath.get("valueSharing.royalty.tiers[2].threshold")).toMatch(
      /above the previous tier's threshold \(5000000\)/
    );
    expect(byPath.get("valueSharing.royalty.annualMinimum")).toMatch(/above the annual cap/);
  });
});

describe("the quote's stage, dates and terms", () => {
  test("an issued quote needs its issue date, its validity and its payment terms", () => {
    expect(
      issuesOf(
        edited((doc) => {
          delete doc.quote.issuedOn;
          delete doc.quote.validUntil;
          delete doc.quote.paymentTermsDays;
        })
      )
    ).toEqual(
      expect.arrayContaining([
        { path: "quote.issuedOn", message: 'is required when the stage is "issued"' },
        {
          path: "quote.validUntil",
          message: 'is required once the quote is issued (the stage is "issued")',
        },
        {
          path: "quote.paymentTermsDays",
          message: 'is required once the quote is issued (the stage is "issued")',
        },
      ])
    );
    expect(
      pathsOf(
        edited((doc) => {
          delete doc.quote.issuedOn;
          delete doc.quote.validUntil;
          delete doc.quote.paymentTermsDays;
        })
      )
    ).toEqual(["quote.issuedOn", "quote.paymentTermsDays", "quote.validUntil"]);
  });

  test("a draft needs only its stage and date", () => {
    const doc = valid(edited((doc) => (doc.quote = { stage: "draft", date: "2025-04-01" })));
    expect(doc.quote).toEqual({ stage: "draft", date: "2025-04-01" });
  });

  test("an accepted quote needs the date it was accepted, as well as everything an issued one needs", () => {
    expect(issuesOf(edited((doc) => (doc.quote.stage = "accepted")))).toEqual([
      { path: "quote.acceptedOn", message: 'is required when the stage is "accepted"' },
    ]);
    expect(
      valid(
        edited((doc) => {
          doc.quote.stage = "accepted";
          doc.quote.acceptedOn = "2025-04-20";
        })
      ).quote.acceptedOn
    ).toBe("2025-04-20");
    expect(
      pathsOf(
        edited((doc) => {
          doc.quote = { stage: "accepted", date: "2025-04-01", acceptedOn: "2025-04-20" };
        })
      )
    ).toEqual(["quote.issuedOn", "quote.paymentTermsDays", "quote.validUntil"]);
  });

  test("declined and withdrawn quotes need their own dates", () => {
    expect(issuesOf(edited((doc) => (doc.quote.stage = "declined")))).toEqual([
      { path: "quote.declinedOn", message: 'is required when the stage is "declined"' },
    ]);
    // A quote can be withdrawn before or after it is issued, so issuedOn may stay; no terms are needed.
    expect(issuesOf(edited((doc) => (doc.quote.stage = "withdrawn")))).toEqual([
      { path: "quote.withdrawnOn", message: 'is required when the stage is "withdrawn"' },
    ]);
    expect(
      valid(
        edited(
          (doc) =>
            (doc.quote = { stage: "withdrawn", date: "2025-04-01", withdrawnOn: "2025-04-02" })
        )
      ).quote.stage
    ).toBe("withdrawn");
  });

  test("a date that does not apply to the stage is an error at that date", () => {
    expect(
      issuesOf(
        edited((doc) => {
          doc.quote = { stage: "draft", date: "2025-04-01", issuedOn: "2025-04-01" };
        })
      )
    ).toEqual([
      {
        path: "quote.issuedOn",
        message: 'does not apply to a quote whose stage is "draft"; remove it or change the stage',
      },
    ]);
    expect(
      issuesOf(
        edited((doc) => {
          doc.quote.acceptedOn = "2025-04-10";
          doc.quote.withdrawnOn = "2025-04-11";
        })
      )
    ).toEqual([
      {
        path: "quote.acceptedOn",
        message: 'does not apply to a quote whose stage is "issued"; remove it or change the stage',
      },
      {
        path: "quote.withdrawnOn",
        message: 'does not apply to a quote whose stage is "issued"; remove it or change the stage',
      },
    ]);
  });

  test("dates are in order: valid until and issued on not before the quote date, accepted not before issued", () => {
    expect(
      issuesOf(
        edited((doc) => {
          doc.quote.date = "2025-04-10";
          doc.quote.validUntil = "2025-04-09";
          doc.quote.issuedOn = "2025-04-09";
        })
      )
    ).toEqual([
      { path: "quote.validUntil", message: "is 2025-04-09, before the quote date (2025-04-10)" },
      { path: "quote.issuedOn", message: "is 2025-04-09, before the quote date (2025-04-10)" },
    ]);
    expect(
      issuesOf(
        edited((doc) => {
          doc.quote.stage = "accepted";
          doc.quote.issuedOn = "2025-04-05";
          doc.quote.acceptedOn = "2025-04-04";
        })
      )
    ).toEqual([
      { path: "quote.acceptedOn", message: "is 2025-04-04, before the issue date (2025-04-05)" },
    ]);
    // the same day is in order
    expect(
      valid(
        edited((doc) => {
          doc.quote.stage = "accepted";
          doc.quote.validUntil = "2025-04-01";
          doc.quote.acceptedOn = "2025-04-01";
        })
      ).quote.validUntil
    ).toBe("2025-04-01");
  });

  test.each([
    [30.5, "must be a whole number of days"],
    [-1, "must not be negative (days from invoice)"],
    [366, "must be at most 365 days"],
  ])("payment terms of %p days are refused", (days, message) => {
    expect(issuesOf(edited((doc) => (doc.quote.paymentTermsDays = days)))).toEqual([
      { path: "quote.paymentTermsDays", message },
    ]);
  });

  test("the stage is one of the five, spelt exactly; a name every object has is no exception", () => {
    const stages = '"draft", "issued", "accepted", "declined", "withdrawn"';
    expect(issuesOf(edited((doc) => (doc.quote.stage = "Issued")))).toEqual([
      { path: "quote.stage", message: `must be one of ${stages} (got the text "Issued")` },
    ]);
    for (const stage of ["toString", "constructor", "__proto__"])
      expect(issuesOf(edited((doc) => (doc.quote.stage = stage)))).toEqual([
        { path: "quote.stage", message: `must be one of ${stages} (got the text "${stage}")` },
      ]);
  });

  test("dates must be real calendar dates", () => {
    expect(valid(edited((doc) => (doc.quote.date = "2024-02-29"))).quote.date).toBe("2024-02-29");
    expect(pathsOf(edited((doc) => (doc.quote.date = "2025-02-29")))).toEqual(["quote.date"]);
    expect(pathsOf(edited((doc) => (doc.quote.validUntil = "30/06/2025")))).toEqual([
      "quote.validUntil",
    ]);
  });
});

describe("pricing: the rates, the strategy and overrides", () => {
  test.each([
    "staffOnCostRate",
    "overheadRate",
    "fixedCostRecoveryRate",
    "capitalCostRecoveryRate",
  ])("%s: to 0.01%%, not negative, at most 100", (rate) => {
    expect(issuesOf(edited((doc) => (doc.pricing[rate] = 0.12345)))).toEqual([
      {
        path: `pricing.${rate}`,
        message:
          "must have at most 4 decimal places (a rate to 0.01%: 0.2534 = 25.34%; got 0.12345)",
      },
    ]);
    expect(issuesOf(edited((doc) => (doc.pricing[rate] = -0.01)))).toEqual([
      { path: `pricing.${rate}`, message: "must not be negative (a decimal uplift, 0.25 = 25%)" },
    ]);
    expect(issuesOf(edited((doc) => (doc.pricing[rate] = 100.01)))).toEqual([
      {
        path: `pricing.${rate}`,
        message: "must be at most 100 (a decimal uplift: 0.25 = 25%, 1 = 100%)",
      },
    ]);
    expect(issuesOf(edited((doc) => delete doc.pricing[rate]))).toEqual([
      { path: `pricing.${rate}`, message: "is required" },
    ]);
    // four places, 0, above 100% and exactly 100 are all rates
    for (const value of [0.1234, 0, 1.5, 100])
      expect(
        valid(edited((doc) => (doc.pricing[rate] = value))).pricing[rate as "overheadRate"]
      ).toBe(value);
  });

  test("no overrides by default; the strategy is optional", () => {
    expect(valid(cleanInput()).pricing.overrides).toEqual([]);
    expect(valid(edited((doc) => delete doc.pricing.strategy)).pricing.strategy).toBeUndefined();
  });

  test("the strategy is named by an id and a whole revision from 1", () => {
    expect(issuesOf(edited((doc) => (doc.pricing.strategy.revision = 0)))).toEqual([
      { path: "pricing.strategy.revision", message: "must be at least 1" },
    ]);
    expect(issuesOf(edited((doc) => (doc.pricing.strategy.revision = 1.5)))).toEqual([
      {
        path: "pricing.strategy.revision",
        message: "must be a whole number (the strategy's revision)",
      },
    ]);
    expect(pathsOf(edited((doc) => (doc.pricing.strategy.id = " ")))).toEqual([
      "pricing.strategy.id",
    ]);
  });

  const override = (rate = "overheadRate", strategyValue = 0.2) => ({
    rate,
    strategyValue,
    reason: "Pilot partnership: the Director of Finance agreed a lower overhead",
  });

  test("an override records the strategy's value and a reason", () => {
    const doc = valid(
      edited((doc) => {
        doc.pricing.overheadRate = 0.15;
        doc.pricing.overrides = [override()];
      })
    );
    expect(doc.pricing.overrides).toEqual([override()]);
    expect(
      issuesOf(
        edited((doc) => {
          doc.pricing.overheadRate = 0.15;
          doc.pricing.overrides = [{ ...override(), reason: "  " }];
        })
      )
    ).toEqual([{ path: "pricing.overrides[0].reason", message: "must not be blank" }]);
    expect(
      pathsOf(
        edited((doc) => {
          doc.pricing.overrides = [{ rate: "vatRate", strategyValue: 0.25, reason: "x" }];
        })
      )
    ).toEqual(["pricing.overrides[0].rate"]);
  });

  test("an override needs a strategy to override", () => {
    expect(
      issuesOf(
        edited((doc) => {
          delete doc.pricing.strategy;
          doc.pricing.overheadRate = 0.15;
          doc.pricing.overrides = [override()];
        })
      )
    ).toEqual([
      {
        path: "pricing.overrides[0]",
        message: "overrides a rate of a pricing strategy, but pricing.strategy does not name one",
      },
    ]);
  });

  test("each rate is overridden once at most", () => {
    expect(
      issuesOf(
        edited((doc) => {
          doc.pricing.overheadRate = 0.15;
          doc.pricing.staffOnCostRate = 0.2;
          doc.pricing.overrides = [
            override(),
            override("staffOnCostRate", 0.25),
            override("overheadRate", 0.22),
          ];
        })
      )
    ).toEqual([
      {
        path: "pricing.overrides[2].rate",
        message: "overrides overheadRate a second time; record each rate's override once",
      },
    ]);
  });

  test("an override whose strategy value is the rate used overrides nothing", () => {
    // the clean document's overhead rate is 0.2
    expect(
      issuesOf(edited((doc) => (doc.pricing.overrides = [override("overheadRate", 0.2)])))
    ).toEqual([
      {
        path: "pricing.overrides[0].strategyValue",
        message:
          "is the same as pricing.overheadRate (0.2): nothing is overridden, so remove the override",
      },
    ]);
  });
});

describe("cost lines", () => {
  test("the clean lines' kinds default by category, and none is a pass-through", () => {
    const lines = valid(cleanInput()).costs.lines;
    expect(lines.map((line) => [line.category, line.kind, line.passThrough])).toEqual([
      ["services", "staff", false],
      ["data-access-people", "staff", false],
      ["data-access-other", "non-staff", false],
    ]);
  });

  test("a staff grade makes a line staff time and a standard item makes it non-staff, whatever its category", () => {
    const lines = valid(
      edited((doc) => {
        doc.costs.lines[0].standardItem = "licence"; // services
        doc.costs.lines[1].standardItem = "licence"; // data-access-people
        doc.costs.lines[2].staffGrade = "band-6"; // data-access-other
      })
    ).costs.lines;
    expect(lines.map((line) => line.kind)).toEqual(["non-staff", "non-staff", "staff"]);
  });

  test("a kind written out is kept", () => {
    const lines = valid(
      edited((doc) => {
        doc.costs.lines[0].kind = "non-staff";
        doc.costs.lines[2].kind = "staff";
      })
    ).costs.lines;
    expect(lines.map((line) => line.kind)).toEqual(["non-staff", "staff", "staff"]);
    expect(issuesOf(edited((doc) => (doc.costs.lines[0].kind = "contractor")))[0]?.message).toBe(
      'must be one of "staff", "non-staff" (got the text "contractor")'
    );
  });

  test("a kind that contradicts the grade or the item is an error at kind", () => {
    expect(
      issuesOf(
        edited((doc) => {
          doc.costs.lines[0].staffGrade = "band-6";
          doc.costs.lines[0].kind = "non-staff";
          doc.costs.lines[2].standardItem = "sde-user-month";
          doc.costs.lines[2].kind = "staff";
        })
      )
    ).toEqual([
      {
        path: "costs.lines[0].kind",
        message: 'is "non-staff" but the line is priced at a staff grade; staff time is "staff"',
      },
      {
        path: "costs.lines[2].kind",
        message: 'is "staff" but the line is priced at a standard item, which is non-staff',
      },
    ]);
  });

  test("a line is priced at a grade or at an item, not both", () => {
    expect(
      issuesOf(
        edited((doc) => {
          doc.costs.lines[2].staffGrade = "band-6";
          doc.costs.lines[2].standardItem = "sde-user-month";
        })
      )
    ).toEqual([
      {
        path: "costs.lines[2].standardItem",
        message: "a line is priced at a staff grade or at a standard item, not both",
      },
    ]);
  });

  test("staff time is never a pass-through", () => {
    const message =
      'is true on staff time; a pass-through is a published charge passed on at its price, so the line must be "non-staff"';
    expect(
      issuesOf(
        edited((doc) => {
          doc.costs.lines[0].passThrough = true; // services: staff by default
          doc.costs.lines[1].passThrough = true; // data-access-people: staff by default
          doc.costs.lines[2].passThrough = true; // data-access-other: non-staff, allowed
        })
      )
    ).toEqual([
      { path: "costs.lines[0].passThrough", message },
      { path: "costs.lines[1].passThrough", message },
    ]);
    expect(
      issuesOf(
        edited((doc) => {
          doc.costs.lines[2].kind = "staff";
          doc.costs.lines[2].passThrough = true;
        })
      )
    ).toEqual([{ path: "costs.lines[2].passThrough", message }]);
    expect(
      issuesOf(
        edited((doc) => {
          doc.costs.lines[2].staffGrade = "band-6";
          doc.costs.lines[2].passThrough = true;
        })
      )
    ).toEqual([{ path: "costs.lines[2].passThrough", message }]);
  });

  test("a pass-through is fine on any line that is non-staff: by kind, by standard item or by category", () => {
    const lines = valid(
      edited((doc) => {
        doc.costs.lines[0].kind = "non-staff";
        doc.costs.lines[0].passThrough = true;
        // a published charge filed under data-access-people: the standard item makes it non-staff
        doc.costs.lines[1].standardItem = "dars-application";
        doc.costs.lines[1].passThrough = true;
        doc.costs.lines[2].passThrough = true;
      })
    ).costs.lines;
    expect(lines.map((line) => [line.kind, line.passThrough])).toEqual([
      ["non-staff", true],
      ["non-staff", true],
      ["non-staff", true],
    ]);
  });

  test("quantities to 0.01 and unit costs to a hundredth of a penny", () => {
    expect(issuesOf(edited((doc) => (doc.costs.lines[0].quantity = 2.125)))).toEqual([
      {
        path: "costs.lines[0].quantity",
        message: "must have at most 2 decimal places (a quantity to 0.01; got 2.125)",
      },
    ]);
    expect(issuesOf(edited((doc) => (doc.costs.lines[1].unitCost = 310.12345)))).toEqual([
      {
        path: "costs.lines[1].unitCost",
        message:
          "must have at most 4 decimal places (pounds to a hundredth of a penny; got 310.12345)",
      },
    ]);
    const line = valid(
      edited((doc) => {
        doc.costs.lines[0].quantity = 2.25;
        doc.costs.lines[0].unitCost = 310.1234;
      })
    ).costs.lines[0];
    expect([line?.quantity, line?.unitCost]).toEqual([2.25, 310.1234]);
  });

  test("grades and items are short identifiers", () => {
    expect(issuesOf(edited((doc) => (doc.costs.lines[0].staffGrade = "b".repeat(65))))).toEqual([
      {
        path: "costs.lines[0].staffGrade",
        message: "must be at most 64 characters (an identifier, not a description)",
      },
    ]);
    expect(pathsOf(edited((doc) => (doc.costs.lines[2].standardItem = "")))).toEqual([
      "costs.lines[2].standardItem",
    ]);
  });

  test("duplicate cost line ids are reported even when the line has other problems", () => {
    const paths = pathsOf(
      edited((doc) => {
        doc.costs.lines[2].id = "svc-1";
        doc.costs.lines[2].category = "overheads";
      })
    );
    expect(paths).toEqual(["costs.lines[2].category", "costs.lines[2].id"]);
  });
});

describe("direct allocations", () => {
  const allocation = (id: string, amount: number) => ({
    id,
    description: "GPU server bought for this partnership alone",
    amount,
  });

  test("none by default; an allocation is kept as written", () => {
    expect(valid(cleanInput()).costs.directAllocations).toEqual([]);
    expect(
      valid(edited((doc) => (doc.costs.directAllocations = [allocation("gpu", 12500.5)]))).costs
        .directAllocations
    ).toEqual([allocation("gpu", 12500.5)]);
  });

  test("amounts in pounds and pence, not negative", () => {
    expect(
      issuesOf(edited((doc) => (doc.costs.directAllocations = [allocation("gpu", 12500.505)])))
    ).toEqual([
      {
        path: "costs.directAllocations[0].amount",
        message: "must have at most 2 decimal places (pounds and pence; got 12500.505)",
      },
    ]);
    expect(
      issuesOf(edited((doc) => (doc.costs.directAllocations = [allocation("gpu", -1)])))
    ).toEqual([
      {
        path: "costs.directAllocations[0].amount",
        message: "must not be negative (an amount in pounds)",
      },
    ]);
  });

  test("each has its own id", () => {
    expect(
      issuesOf(
        edited(
          (doc) =>
            (doc.costs.directAllocations = [
              allocation("gpu", 100),
              allocation("storage", 200),
              allocation("gpu", 300),
            ])
        )
      )
    ).toEqual([
      {
        path: "costs.directAllocations[2].id",
        message: 'repeats the id of costs.directAllocations[0] ("gpu"); each needs its own id',
      },
    ]);
  });

  test("a description is required", () => {
    expect(
      issuesOf(
        edited(
          (doc) => (doc.costs.directAllocations = [{ ...allocation("gpu", 100), description: "" }])
        )
      )
    ).toEqual([{ path: "costs.directAllocations[0].description", message: "must not be blank" }]);
  });
});

describe("field rules", () => {
  test("the clean fixture is valid", () => {
    expect(parsePartnership(cleanInput()).ok).toBe(true);
  });

  test("NaN, infinities and negatives in money fields are rejected with their paths", () => {
    const paths = pathsOf(
      edited((doc) => {
        doc.costs.lines[0].unitCost = NaN;
        doc.costs.lines[1].quantity = Infinity;
        doc.costs.lines[2].unitCost = -0.01;
        doc.costs.directAllocations = [{ id: "a", description: "b", amount: -Infinity }];
        doc.pricing.overheadRate = NaN;
        doc.valueSharing.royalty.annualCap = NaN;
        doc.vatRate = NaN;
      })
    );
    expect(paths).toEqual(
      [
        "costs.lines[0].unitCost",
        "costs.lines[1].quantity",
        "costs.lines[2].unitCost",
        "costs.directAllocations[0].amount",
        "pricing.overheadRate",
        "valueSharing.royalty.annualCap",
        "vatRate",
      ].sort()
    );
    const issues = issuesOf(edited((doc) => (doc.costs.lines[0].unitCost = NaN)));
    expect(issues).toEqual([
      { path: "costs.lines[0].unitCost", message: "must be a finite number (got NaN)" },
    ]);
  });

  test("vatRate is required, a fraction, and written to 0.01%", () => {
    expect(issuesOf(edited((doc) => delete doc.vatRate))).toEqual([
      { path: "vatRate", message: "is required" },
    ]);
    expect(issuesOf(edited((doc) => (doc.vatRate = 20)))).toEqual([
      { path: "vatRate", message: "must be between 0 and 1 (a decimal fraction, 0.25 = 25%)" },
    ]);
    expect(issuesOf(edited((doc) => (doc.vatRate = 0.20001)))).toEqual([
      {
        path: "vatRate",
        message: "must have at most 4 decimal places (a rate to 0.01%: 0.2 = 20%; got 0.20001)",
      },
    ]);
    expect(valid(edited((doc) => (doc.vatRate = 0))).vatRate).toBe(0);
    expect(valid(edited((doc) => (doc.vatRate = 0.175))).vatRate).toBe(0.175);
  });

  test("supplier due diligence is recorded with the other governance documents", () => {
    expect(
      issuesOf(edited((doc) => delete doc.informationGovernance.supplierDueDiligence))
    ).toEqual([{ path: "informationGovernance.supplierDueDiligence", message: "is required" }]);
    expect(
      valid(edited((doc) => (doc.informationGovernance.supplierDueDiligence = "not-applicable")))
        .informationGovernance.supplierDueDiligence
    ).toBe("not-applicable");
  });

  test("outputsOpen is optional, and true or false", () => {
    expect(valid(cleanInput()).outputsOpen).toBeUndefined();
    expect(valid(edited((doc) => (doc.outputsOpen = true))).outputsOpen).toBe(true);
    expect(issuesOf(edited((doc) => (doc.outputsOpen = "yes")))).toEqual([
      { path: "outputsOpen", message: 'must be true or false (got the text "yes")' },
    ]);
  });

  test("defaults: no overrides, no direct allocations, subscription indexation 0 paid in advance, no instalments", () => {
    const doc = valid(
      edited((doc) => {
        delete doc.pricing.overrides;
        delete doc.costs.directAllocations;
        doc.valueSharing.subscription = { annualFee: 12000, years: 3 };
        doc.valueSharing.fixedPayment = { amount: 5000 };
      })
    );
    expect(doc.pricing.overrides).toEqual([]);
    expect(doc.costs.directAllocations).toEqual([]);
    expect(doc.valueSharing.subscription).toEqual({
      annualFee: 12000,
      years: 3,
      indexation: 0,
      inAdvance: true,
    });
    expect(doc.valueSharing.fixedPayment).toEqual({ amount: 5000, instalments: [] });
  });

  test("text is kept verbatim, including formula-like text and surrounding spaces", () => {
    const formula = '=HYPERLINK("http://evil.example","click")';
    const doc = valid(
      edited((doc) => {
        doc.reference = "  DP-1  ";
        doc.purpose = formula;
        doc.notes = "+44 20 7946 0000\n-- line two\t@SUM(A1)";
        doc.costs.lines[0].description = "=1+1";
        doc.pricing.overheadRate = 0.15;
        doc.pricing.overrides = [{ rate: "overheadRate", strategyValue: 0.2, reason: "@SUM(A1)" }];
      })
    );
    expect(doc.reference).toBe("  DP-1  ");
    expect(doc.purpose).toBe(formula);
    expect(doc.notes).toBe("+44 20 7946 0000\n-- line two\t@SUM(A1)");
    expect(doc.costs.lines[0]?.description).toBe("=1+1");
    expect(doc.pricing.overrides[0]?.reason).toBe("@SUM(A1)");
  });

  test("access justification and patient benefit are optional in the schema (the principle checks flag them)", () => {
    const doc = valid(
      edited((doc) => {
        doc.accessRoute = "shared-with-partner";
        delete doc.accessJustification;
        delete doc.expectedPatientBenefit;
      })
    );
    expect(doc.accessJustification).toBeUndefined();
    expect(doc.expectedPatientBenefit).toBeUndefined();
  });

  test("unknown fields are reported at their own path, including version 1's fields in a version-2 document", () => {
    expect(
      issuesOf(
        edited((doc) => {
          doc.overheadRate = 0.2;
          doc.quoteDate = "2025-04-01";
          doc.costs.onCostRate = 0.25;
          doc.costs.lines[1].vat = true;
          doc.partner["organisation type"] = "sme";
          doc.quote.expiresOn = "2025-06-30";
          doc.pricing.strategy.name = "Test pricing";
        })
      )
    ).toEqual([
      { path: 'partner["organisation type"]', message: NOT_A_FIELD },
      { path: "quote.expiresOn", message: NOT_A_FIELD },
      { path: "pricing.strategy.name", message: NOT_A_FIELD },
      { path: "costs.lines[1].vat", message: NOT_A_FIELD },
      { path: "costs.onCostRate", message: NOT_A_FIELD },
      { path: "overheadRate", message: NOT_A_FIELD },
      { path: "quoteDate", message: NOT_A_FIELD },
    ]);
  });

  test("royalty tiers: first threshold 0, strictly ascending, rates 0..1", () => {
    const paths = pathsOf(
      edited((doc) => {
        doc.valueSharing.royalty.tiers = [
          { threshold: 0, rate: 0.04 },
          { threshold: 5000000, rate: 0.06 },
          { threshold: 5000000, rate: -0.01 },
        ];
      })
    );
    expect(paths).toEqual([
      "valueSharing.royalty.tiers[2].rate",
      "valueSharing.royalty.tiers[2].threshold",
    ]);
    expect(pathsOf(edited((doc) => (doc.valueSharing.royalty.tiers = [])))).toEqual([
      "valueSharing.royalty.tiers",
    ]);
    expect(pathsOf(edited((doc) => (doc.valueSharing.royalty.termYears = 2.5)))).toEqual([
      "valueSharing.royalty.termYears",
    ]);
  });

  test("a data asset is required, and each asset's six characteristics are low or high", () => {
    expect(pathsOf(edited((doc) => (doc.dataAssets = [])))).toEqual(["dataAssets"]);
    expect(
      pathsOf(
        edited((doc) => {
          delete doc.dataAssets[0].coverage;
          doc.dataAssets[0].availability = "High";
        })
      )
    ).toEqual(["dataAssets[0].availability", "dataAssets[0].coverage"]);
  });

  test("a missing field is required, whether it is a number, text or one of a list", () => {
    expect(
      issuesOf(
        edited((doc) => {
          delete doc.format;
          delete doc.use;
          delete doc.purpose;
          delete doc.dataAssets[0].coverage;
          delete doc.quote.stage;
          delete doc.costs.lines[0].unitCost;
        })
      )
    ).toEqual([
      { path: "format", message: "is required" },
      { path: "purpose", message: "is required" },
      { path: "use", message: "is required" },
      { path: "dataAssets[0].coverage", message: "is required" },
      { path: "quote.stage", message: "is required" },
      { path: "costs.lines[0].unitCost", message: "is required" },
    ]);
  });

  test("a wrong format is reported with the rest", () => {
    expect(
      pathsOf(
        edited((doc) => {
          doc.format = "nhsdp.quote";
          doc.reference = "";
        })
      )
    ).toEqual(["format", "reference"]);
  });

  test("text longer than an Excel cell is rejected", () => {
    expect(issuesOf(edited((doc) => (doc.notes = "x".repeat(32768))))).toEqual([
      { path: "notes", message: "is longer than an Excel cell can hold (32,767 characters)" },
    ]);
  });

  test.each<[string, (doc: LooseDocument) => void, { path: string; message: string }[]]>([
    ["no quote", (doc) => delete doc.quote, [{ path: "quote", message: "is required" }]],
    ["no pricing", (doc) => delete doc.pricing, [{ path: "pricing", message: "is required" }]],
    [
      "pricing: null",
      (doc) => (doc.pricing = null),
      [{ path: "pricing", message: "must be an object (got null)" }],
    ],
    [
      "a null cost line",
      (doc) => (doc.costs.lines[1] = null),
      [{ path: "costs.lines[1]", message: "must be an object (got null)" }],
    ],
    [
      "lines: null",
      (doc) => (doc.costs.lines = null),
      [{ path: "costs.lines", message: "must be a list (got null)" }],
    ],
    [
      "royalty: null",
      (doc) => (doc.valueSharing.royalty = null),
      [{ path: "valueSharing.royalty", message: "must be an object (got null)" }],
    ],
    [
      "fixedPayment: null",
      (doc) => (doc.valueSharing.fixedPayment = null),
      [{ path: "valueSharing.fixedPayment", message: "must be an object (got null)" }],
    ],
  ])("a missing or null section is reported, not thrown: %s", (_what, edit, issues) => {
    expect(parsePartnership(edited(edit))).toEqual({ ok: false, issues });
  });

  test.each<[string, (doc: LooseDocument) => void, string]>([
    ["costs.lines as {}", (doc) => (doc.costs.lines = {}), "costs.lines"],
    [
      "directAllocations as {}",
      (doc) => (doc.costs.directAllocations = {}),
      "costs.directAllocations",
    ],
    [
      "royalty tiers as {}",
      (doc) => (doc.valueSharing.royalty.tiers = {}),
      "valueSharing.royalty.tiers",
    ],
    [
      "overrides as {}",
      (doc) => (doc.pricing.overrides = { rate: "overheadRate" }),
      "pricing.overrides",
    ],
    [
      "instalments as {}",
      (doc) => (doc.valueSharing.fixedPayment = { amount: 1, instalments: {} }),
      "valueSharing.fixedPayment.instalments",
    ],
  ])("a list written as an object is reported, not thrown: %s", (_what, edit, path) => {
    expect(parsePartnership(edited(edit))).toEqual({
      ok: false,
      issues: [{ path, message: "must be a list (got an object)" }],
    });
  });

  test.each([
    [
      "staffTime.grades as {}",
      (doc: LooseDocument) => (doc.staffTime.grades = {}),
      "staffTime.grades",
    ],
    [
      "standardItems as {}",
      (doc: LooseDocument) => (doc.standardItems = { a: 1 }),
      "standardItems",
    ],
  ])("a strategy list written as an object is reported, not thrown: %s", (_what, edit, path) => {
    const doc = cleanStrategyInput() as LooseDocument;
    edit(doc);
    expect(parseStrategy(doc)).toEqual({
      ok: false,
      issues: [{ path, message: "must be a list (got an object)" }],
    });
  });

  test.each([null, 42, "text", [1, 2]])("not an object: %j", (json) => {
    const issues = issuesOf(json);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("(document)");
  });

  test("parsePartnershipJson reports a syntax error instead of throwing", () => {
    const result = parsePartnershipJson("{ not json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe("(document)");
    expect(parsePartnershipJson(JSON.stringify(cleanInput())).ok).toBe(true);
  });
});

describe("formatPath", () => {
  test("writes paths as a reader types them", () => {
    expect(formatPath(["costs", "lines", 2, "unitCost"])).toBe("costs.lines[2].unitCost");
    expect(formatPath([])).toBe("(document)");
    expect(formatPath([0])).toBe("[0]");
    expect(formatPath(["a b", "c"])).toBe('["a b"].c');
  });
});

describe("the parties' details (version 3)", () => {
  test("a VAT number, email and telephone are each checked, with an example of what is expected", () => {
    const doc: LooseDocument = cleanInput();
    doc.trust.vatNumber = "123456789"; // no GB
    doc.trust.contact = { name: "A Person", email: "not an email", phone: "call me" };
    doc.partner.contact = { name: " " };
    expect(issuesOf(doc)).toEqual([
      {
        path: "trust.contact.email",
        message: "must be an email address (for example name@nhs.net)",
      },
      {
        path: "trust.contact.phone",
        message:
          "must be a telephone number: digits, spaces, brackets and dashes (for example 0161 496 0000)",
      },
      {
        path: "trust.vatNumber",
        message:
          "must be a UK VAT registration number: GB then 9 or 12 digits (for example GB 654 9217 43)",
      },
      { path: "partner.contact.name", message: "must not be blank" },
    ]);
  });

  test("HMRC's shapes of VAT number are accepted: 9 or 12 digits, spaced or not, and GD/HA numbers", () => {
    for (const vatNumber of [
      "GB654921743",
      "GB 654 9217 43",
      "GB 654 9217 43 001",
      "GBGD001",
      "GBHA599",
    ]) {
      const doc: LooseDocument = cleanInput();
      doc.trust.vatNumber = vatNumber;
      expect(parsePartnership(doc).ok).toBe(true);
    }
  });
});
