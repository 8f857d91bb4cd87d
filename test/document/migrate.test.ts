import { Decimal } from "../../src/model/decimal";
import { equivalentRecoveryRate, lineAmountV1 } from "../../src/document/v1/arithmetic";
import { migrateToCurrent, SUPPORTED_VERSIONS } from "../../src/document/v1/migrate";
import { parsePartnership } from "../../src/document/parse";
import { DOCUMENT_VERSION } from "../../src/document/schema";
import type { PartnershipV1 } from "../../src/document/v1/schema";
import { cleanInput, readJson, valid } from "./fixtures";

function withVersion(version: unknown): Record<string, unknown> {
  const doc: Record<string, unknown> = cleanInput();
  if (version === undefined) delete doc["version"];
  else doc["version"] = version;
  return doc;
}

/** The original version-1 imaging example, as written before version 2. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edited freely, including wrongly
const imagingV1 = (): any => readJson("v1/commercial-imaging-ai.json");

describe("versions", () => {
  test("the current version is 3, and this build reads versions 1 to 3", () => {
    expect(DOCUMENT_VERSION).toBe(3);
    expect(SUPPORTED_VERSIONS).toEqual([1, 2, 3]);
  });

  test("a version-3 document passes through unchanged", () => {
    const doc = withVersion(3);
    expect(migrateToCurrent(doc)).toEqual({ ok: true, document: doc, fromVersion: 3 });
  });

  test("a version-2 document is version 3 without the parties' details: only its version changes", () => {
    const doc = withVersion(2);
    expect(migrateToCurrent(doc)).toEqual({
      ok: true,
      document: { ...doc, version: 3 },
      fromVersion: 2,
    });
    const parsed = parsePartnership(doc);
    expect(parsed.ok && parsed.upgradedFrom).toEqual({ version: 2, notes: [] });
  });

  test("a newer version is a clear issue at `version`, and nothing else is reported", () => {
    const doc = withVersion(4);
    doc["vatRate"] = "not checked"; // the fields of an unknown version are not judged by version 3's rules
    expect(parsePartnership(doc)).toEqual({
      ok: false,
      issues: [
        {
          path: "version",
          message:
            "is 4, a newer version of the partnership format than this add-in reads (up to version 3); update the add-in to open this document",
        },
      ],
    });
  });

  test.each([
    [undefined, /^is required: .*\("version": 3\)$/],
    [0, /whole number from 1 to 3 \(got 0\)/],
    [-1, /whole number from 1 to 3 \(got -1\)/],
    [1.5, /whole number from 1 to 3 \(got 1\.5\)/],
    [2.5, /whole number from 1 to 3 \(got 2\.5\)/],
    ["2", /whole number from 1 to 3 \(got the text "2"\)/],
    [null, /got null/],
    [NaN, /got NaN/],
    [Infinity, /whole number from 1 to 3 \(got Infinity\)/],
  ])("version %p is an issue at `version`, and the only one", (version, message) => {
    const result = parsePartnership(withVersion(version));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.path).toBe("version");
    expect(result.issues[0]?.message).toMatch(message);
  });

  test("something that is not an object is an issue of the whole document", () => {
    expect(migrateToCurrent([1])).toEqual({
      ok: false,
      issues: [
        {
          path: "(document)",
          message: 'must be a JSON object with "format": "nhsdp.partnership" (got a list)',
        },
      ],
    });
  });
});

describe("a version-1 document", () => {
  test("that is invalid is judged by version 1's rules, at its own paths", () => {
    const doc = imagingV1();
    doc.costs.onCostRate = -0.1;
    doc.costs.lines[1].unitCost = "112.50";
    doc.costs.fixedCosts.share = 1.5;
    doc.quoteDate = "2025-02-30";
    doc.quote = { stage: "draft", date: "2025-06-02" }; // a version-2 field
    const result = parsePartnership(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path).sort()).toEqual(
      [
        "costs.lines[1].unitCost",
        "costs.onCostRate",
        "costs.fixedCosts.share",
        "quoteDate",
        "quote",
      ].sort()
    );
    const byPath = new Map(result.issues.map((issue) => [issue.path, issue.message]));
    expect(byPath.get("costs.onCostRate")).toBe(
      "must not be negative (a decimal uplift, 0.25 = 25%)"
    );
    expect(byPath.get("costs.lines[1].unitCost")).toBe('must be a number (got the text "112.50")');
    expect(byPath.get("quote")).toBe(
      "is not a field of a partnership document (check the spelling)"
    );
  });

  test("without its version-1 fields is reported as missing them, not as missing version 2's", () => {
    const doc = imagingV1();
    delete doc.quoteDate;
    delete doc.costs.overheadRate;
    const result = parsePartnership(doc);
    expect(result).toEqual({
      ok: false,
      issues: expect.arrayContaining([
        { path: "costs.overheadRate", message: "is required" },
        // a date says how it must be written, present or not
        {
          path: "quoteDate",
          message: "must be a real calendar date written YYYY-MM-DD (for example 2025-04-01)",
        },
      ]),
    });
    expect(!result.ok && result.issues).toHaveLength(2);
  });

  test("that is valid is upgraded: a draft at its quote date, rates copied, supplier due diligence not started", () => {
    const input = imagingV1();
    const result = parsePartnership(input);
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
    const doc = result.document;
    expect(doc.version).toBe(3);
    expect(doc.quote).toEqual({ stage: "draft", date: "2025-06-02" });
    expect(doc.informationGovernance).toEqual({
      dpia: "complete",
      dataProcessingAgreement: "complete",
      dataSharingAgreement: "complete",
      supplierDueDiligence: "not-started",
    });
    expect(doc.pricing.strategy).toBeUndefined();
    expect(doc.pricing.staffOnCostRate).toBe(0.25);
    expect(doc.pricing.overheadRate).toBe(0.2);
    expect(doc.pricing.overrides).toEqual([]);
    expect(doc.costs.directAllocations).toEqual([]);
    // Everything else is as written.
    expect(doc.reference).toBe("DP-2025-011");
    expect(doc.vatRate).toBe(0.2);
    expect(doc.valueSharing).toEqual(valid(readJson("commercial-imaging-ai.json")).valueSharing);
    expect(doc.notes).toBe(input.notes);
    expect(doc).not.toHaveProperty("quoteDate");
    expect(doc.costs).not.toHaveProperty("onCostRate");
    // The caller learns it was upgraded, and gets the original as it was read.
    expect(result.upgradedFrom?.version).toBe(1);
    expect(result.upgradedFrom?.original?.costs.fixedCosts).toEqual({ pool: 1250000, share: 0.01 });
    // The input is not changed by reading it.
    expect(input).toEqual(imagingV1());
  });

  test("each line keeps its figures and takes the kind its category gives it", () => {
    const doc = valid(imagingV1());
    expect(
      doc.costs.lines.map((line) => [
        line.id,
        line.quantity,
        line.unitCost,
        line.kind,
        line.passThrough,
      ])
    ).toEqual([
      ["svc-deid", 12, 450, "staff", false],
      ["svc-labelling", 40, 112.5, "staff", false],
      ["svc-linkage", 6, 420, "staff", false],
      ["dap-legal", 7, 120.05, "staff", false],
      ["dap-pm", 10, 310, "staff", false],
      ["dap-review", 1, 450, "staff", false],
      ["dao-accounts", 36, 472, "non-staff", false],
      ["dao-compute", 9, 1850, "non-staff", false],
    ]);
  });

  test("fixed and capital recovery rates ask the same share of the cost base as version 1's pool x share", () => {
    // Version 1 priced every line at quantity x unitCost x (1 + 25% on-costs) x (1 + 20% overhead),
    // that is x 1.5, rounded to the penny:
    //   svc-deid        12 x 450    = 5,400.00   x 1.5 =  8,100.00
    //   svc-labelling   40 x 112.50 = 4,500.00   x 1.5 =  6,750.00
    //   svc-linkage      6 x 420    = 2,520.00   x 1.5 =  3,780.00
    //   dap-legal        7 x 120.05 =   840.35   x 1.5 =  1,260.525 -> 1,260.53 (half away from zero)
    //   dap-pm          10 x 310    = 3,100.00   x 1.5 =  4,650.00
    //   dap-review       1 x 450    =   450.00   x 1.5 =    675.00
    //   dao-accounts    36 x 472    = 16,992.00  x 1.5 = 25,488.00
    //   dao-compute      9 x 1,850  = 16,650.00  x 1.5 = 24,975.00
    //                                              sum = 75,678.53
    const v1Amounts = [8100, 6750, 3780, 1260.53, 4650, 675, 25488, 24975];
    const original = parsePartnership(imagingV1());
    const v1 = original.ok ? original.upgradedFrom?.original : undefined;
    if (v1 === undefined) throw new Error("expected an upgrade from version 1");
    expect(v1.costs.lines.map((line) => lineAmountV1(v1, line).toNumber())).toEqual(v1Amounts);

    // Fixed:   1,250,000 x 0.01   = 12,500 recovered; 12,500 / 75,678.53 = 0.16517... -> 0.1652
    // Capital: 3,000,000 x 0.0035 = 10,500 recovered; 10,500 / 75,678.53 = 0.13874... -> 0.1387
    // (check the rounding by hand: 0.16515 x 75,678.53 < 12,500 < 0.16525 x 75,678.53, and
    //  0.13865 x 75,678.53 < 10,500 < 0.13875 x 75,678.53)
    const base = 75678.53;
    expect(0.16515 * base).toBeLessThan(12500);
    expect(0.16525 * base).toBeGreaterThan(12500);
    expect(0.13865 * base).toBeLessThan(10500);
    expect(0.13875 * base).toBeGreaterThan(10500);
    const doc = valid(imagingV1());
    expect(doc.pricing.fixedCostRecoveryRate).toBe(0.1652);
    expect(doc.pricing.capitalCostRecoveryRate).toBe(0.1387);
  });

  test("non-commercial version-1 lines had no overhead, so the cost base is smaller", () => {
    const input = imagingV1();
    input.use = "non-commercial";
    input.consentToCommercialise = true;
    input.costs.lines = [
      {
        id: "svc-1",
        category: "services",
        description: "Analyst",
        quantity: 10,
        unit: "day",
        unitCost: 100,
      },
    ];
    input.costs.fixedCosts = { pool: 10000, share: 0.01 };
    input.costs.capitalCosts = { pool: 3, share: 0.5 };
    // base: 10 x 100 x 1.25 = 1,250 (no overhead for non-commercial use)
    // fixed: 10,000 x 0.01 = 100; 100 / 1,250 = 0.08
    // capital: 3 x 0.5 = 1.50; 1.50 / 1,250 = 0.0012
    const doc = valid(input);
    expect(doc.pricing.fixedCostRecoveryRate).toBe(0.08);
    expect(doc.pricing.capitalCostRecoveryRate).toBe(0.0012);
  });

  test("with no cost lines there is no cost base to take a share of, and the rates are 0", () => {
    const input = imagingV1();
    input.costs.lines = [];
    const doc = valid(input);
    expect(doc.pricing.fixedCostRecoveryRate).toBe(0);
    expect(doc.pricing.capitalCostRecoveryRate).toBe(0);
  });

  test("a version-1 document without an on-cost rate had none", () => {
    const input = imagingV1();
    delete input.costs.onCostRate;
    expect(valid(input).pricing.staffOnCostRate).toBe(0);
  });

  /** Upgrades an edited version-1 imaging document, which must open, with the notes the upgrade made. */
  function upgraded(edit: (doc: ReturnType<typeof imagingV1>) => void) {
    const input = imagingV1();
    edit(input);
    const result = parsePartnership(input);
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
    return { doc: result.document, notes: result.upgradedFrom?.notes ?? [] };
  }

  test("still opens when its figures are finer than version 2 keeps: each is rounded, and the user told", () => {
    const { doc, notes } = upgraded((input) => {
      input.costs.onCostRate = 0.27375; // to 4 places, half away from zero: 0.2738
      input.costs.lines[0].quantity = 12.125; // to 2 places: 12.13
      input.costs.lines[1].unitCost = 112.12345; // to 4 places: 112.1235
      input.vatRate = 0.17505; // 0.1751
    });
    expect(doc.pricing.staffOnCostRate).toBe(0.2738);
    expect(doc.costs.lines[0]?.quantity).toBe(12.13);
    expect(doc.costs.lines[1]?.unitCost).toBe(112.1235);
    expect(doc.vatRate).toBe(0.1751);
    expect(notes).toEqual([
      "costs.lines[0].quantity of 12.125 is rounded to 12.13: version 2 keeps 2 decimal places.",
      "costs.lines[1].unitCost of 112.12345 is rounded to 112.1235: version 2 keeps 4 decimal places.",
      "costs.onCostRate of 0.27375 is rounded to 0.2738: version 2 keeps 4 decimal places.",
      "vatRate of 0.17505 is rounded to 0.1751: version 2 keeps 4 decimal places.",
    ]);
  });

  test("still opens with a line id longer than version 2 prints: it is shortened, uniquely", () => {
    const long = "x".repeat(70);
    const { doc, notes } = upgraded((input) => (input.costs.lines[2].id = long));
    // 58 characters of the id, "~", and the line's number (3): 60 characters in all.
    expect(doc.costs.lines[2]?.id).toBe(`${"x".repeat(58)}~3`);
    expect(notes).toEqual([
      `costs.lines[2].id is shortened to "${"x".repeat(58)}~3": version 2 ids have at most 64 characters.`,
    ]);
  });

  test("still opens when its pool share is more than 100 times its cost lines: the rate is capped", () => {
    // £100,000,000 x 100% over the imaging example's £75,678.53 of lines is 1321.37873...: capped at 100.
    const { doc, notes } = upgraded((input) => (input.costs.fixedCosts = { pool: 1e8, share: 1 }));
    expect(doc.pricing.fixedCostRecoveryRate).toBe(100);
    expect(notes).toEqual([
      "The fixed-cost recovery rate carried over of 1321.3787 is capped at 100, the largest version 2 accepts.",
    ]);
  });
});

describe("equivalentRecoveryRate", () => {
  test.each([
    // recovered, cost base, rate: worked by hand
    [12500, 100000, "0.125"], // 12.5% exactly
    [1, 3, "0.3333"], // 0.33333...
    [2, 3, "0.6667"], // 0.66666... rounds up
    [1, 20000, "0.0001"], // 0.00005 exactly: half rounds away from zero
    [1, 30000, "0"], // 0.0000333...
    [300, 200, "1.5"], // more than the base is allowed
    [500, 0, "0"], // no base: nothing to take a share of
  ])("%p of a %p cost base is %s", (recovered, base, rate) => {
    expect(equivalentRecoveryRate(new Decimal(recovered), new Decimal(base)).toString()).toBe(rate);
  });
});

test("the version-1 type is what the original carries", () => {
  const result = parsePartnership(imagingV1());
  const original: PartnershipV1 | undefined = result.ok ? result.upgradedFrom?.original : undefined;
  expect(original?.version).toBe(1);
  expect(original?.quoteDate).toBe("2025-06-02");
});
