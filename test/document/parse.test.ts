import { parsePartnership, parsePartnershipJson } from "../../src/document/parse";
import { formatPath } from "../../src/document/issues";
import { partnershipSchema } from "../../src/document/schema";
import { EXAMPLE_FILES, cleanInput, readJson, valid } from "./fixtures";

/** The issues of a document that must be invalid, as `path: message` lines, failing if it parses. */
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
function edited(edit: (doc: any) => void): unknown {
  const doc = cleanInput();
  edit(doc);
  return doc;
}

describe("examples", () => {
  test.each(EXAMPLE_FILES)("%s passes the schema", (file) => {
    const result = parsePartnership(readJson(file));
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
    expect(result.document.format).toBe("nhsdp.partnership");
    expect(result.document.version).toBe(1);
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
        "partnershipType", // "joint-venture"
        "use", // "Commercial": ids are exact
        "costs.lines[0].quantity", // -2
        "costs.lines[1].unitCost", // "112.50", text not a number
        "costs.lines[2].id", // repeats costs.lines[0]
        "costs.lines[2].category", // "overheads"
        "costs.lines[2].unit", // ""
        "costs.onCostRate", // -0.1
        "costs.overheadrate", // misspelt...
        "costs.overheadRate", // ...so the real one is missing
        "costs.fixedCosts.share", // 1.5
        "costs.capitalCosts.pool", // negative
        "vatRate", // missing: no default
        "quoteDate", // 30 February
      ].sort()
    );
    const byPath = new Map(issues.map((issue) => [issue.path, issue.message]));
    expect(byPath.get("costs.lines[0].quantity")).toMatch(/must not be negative/);
    expect(byPath.get("costs.lines[1].unitCost")).toBe('must be a number (got the text "112.50")');
    expect(byPath.get("costs.lines[2].id")).toMatch(/repeats the id of costs\.lines\[0\]/);
    expect(byPath.get("costs.overheadrate")).toMatch(/not a field/);
    expect(byPath.get("costs.overheadRate")).toBe("is required");
    expect(byPath.get("costs.fixedCosts.share")).toMatch(/between 0 and 1/);
    expect(byPath.get("vatRate")).toBe("is required");
    expect(byPath.get("use")).toMatch(/"commercial", "non-commercial"/);
    expect(byPath.get("quoteDate")).toMatch(/YYYY-MM-DD/);
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
    expect(byPath.get("valueSharing.royalty.annualMinimum")).toMatch(/above the annual cap/);
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
        doc.costs.fixedCosts.pool = -Infinity;
        doc.valueSharing.royalty.annualCap = NaN;
        doc.vatRate = NaN;
      })
    );
    expect(paths).toEqual(
      [
        "costs.lines[0].unitCost",
        "costs.lines[1].quantity",
        "costs.lines[2].unitCost",
        "costs.fixedCosts.pool",
        "valueSharing.royalty.annualCap",
        "vatRate",
      ].sort()
    );
    const issues = issuesOf(edited((doc) => (doc.costs.lines[0].unitCost = NaN)));
    expect(issues).toEqual([
      { path: "costs.lines[0].unitCost", message: "must be a finite number (got NaN)" },
    ]);
  });

  test("vatRate is required and must be a fraction", () => {
    expect(issuesOf(edited((doc) => delete doc.vatRate))).toEqual([
      { path: "vatRate", message: "is required" },
    ]);
    expect(pathsOf(edited((doc) => (doc.vatRate = 20)))).toEqual(["vatRate"]);
    expect(valid(edited((doc) => (doc.vatRate = 0))).vatRate).toBe(0);
  });

  test("defaults: onCostRate 0, subscription indexation 0 paid in advance, no instalments", () => {
    const doc = valid(
      edited((doc) => {
        delete doc.costs.onCostRate;
        doc.valueSharing.subscription = { annualFee: 12000, years: 3 };
        doc.valueSharing.fixedPayment = { amount: 5000 };
      })
    );
    expect(doc.costs.onCostRate).toBe(0);
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
      })
    );
    expect(doc.reference).toBe("  DP-1  ");
    expect(doc.purpose).toBe(formula);
    expect(doc.notes).toBe("+44 20 7946 0000\n-- line two\t@SUM(A1)");
    expect(doc.costs.lines[0]?.description).toBe("=1+1");
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

  test("unknown fields are reported at their own path", () => {
    expect(
      issuesOf(
        edited((doc) => {
          doc.overheadRate = 0.2;
          doc.costs.lines[1].vat = true;
          doc.partner["organisation type"] = "sme";
        })
      )
    ).toEqual([
      {
        path: 'partner["organisation type"]',
        message: "is not a field of a partnership document (check the spelling)",
      },
      {
        path: "costs.lines[1].vat",
        message: "is not a field of a partnership document (check the spelling)",
      },
      {
        path: "overheadRate",
        message: "is not a field of a partnership document (check the spelling)",
      },
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

  test("duplicate cost line ids are reported even when the line has other problems", () => {
    const paths = pathsOf(
      edited((doc) => {
        doc.costs.lines[2].id = "svc-1";
        doc.costs.lines[2].category = "overheads";
      })
    );
    expect(paths).toEqual(["costs.lines[2].category", "costs.lines[2].id"]);
  });

  test("dates must be real calendar dates", () => {
    expect(valid(edited((doc) => (doc.quoteDate = "2024-02-29"))).quoteDate).toBe("2024-02-29");
    expect(pathsOf(edited((doc) => (doc.quoteDate = "2025-02-29")))).toEqual(["quoteDate"]);
    expect(pathsOf(edited((doc) => (doc.quoteDate = "01/04/2025")))).toEqual(["quoteDate"]);
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
