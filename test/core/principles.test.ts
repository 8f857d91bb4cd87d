import {
  checkPrinciples,
  hasErrors,
  PRINCIPLE_RULES,
  valueSharingTermsInForce,
  type Finding,
} from "../../src/core/principles";
import { priceQuote } from "../../src/core/quote";
import type { Partnership } from "../../src/document/schema";
import { clean, EXAMPLE_FILES, example } from "../document/fixtures";

/** The clean document with a change; `edit` may mutate the fresh copy. */
function docWith(edit: (doc: Partnership) => void): Partnership {
  const doc = clean();
  edit(doc);
  return doc;
}

function findingsOf(ruleId: string, doc: Partnership): Finding[] {
  const rule = PRINCIPLE_RULES.find((r) => r.id === ruleId);
  if (rule === undefined) throw new Error(`no rule ${ruleId}`);
  return rule.check(doc, priceQuote(doc));
}

/** The rule finds nothing on the clean document changed by `edit`. */
function expectNoFindings(ruleId: string, edit: (doc: Partnership) => void): void {
  expect(findingsOf(ruleId, docWith(edit))).toEqual([]);
}

const noCosts = (doc: Partnership) => {
  doc.costs.lines = [];
  doc.costs.fixedCosts = { pool: 0, share: 0 };
  doc.costs.capitalCosts = { pool: 0, share: 0 };
};

/**
 * For every rule: a document built to trigger it, and what it must find there. Each rule must also be
 * silent on the clean document (checked below for all rules at once).
 */
const TRIGGERS: {
  ruleId: string;
  principle: string;
  edit: (doc: Partnership) => void;
  expected: { severity: Finding["severity"]; field?: string }[];
  message: RegExp;
}[] = [
  {
    ruleId: "fee-charged",
    principle: "Commercial principle 2",
    edit: noCosts,
    expected: [{ severity: "error", field: "costs.lines" }],
    message: /£0\.00.*always charges a fee/,
  },
  {
    ruleId: "commercial-value-share",
    principle: "Commercial principle 4",
    edit: (doc) => (doc.valueSharing = {}),
    expected: [{ severity: "error", field: "valueSharing" }],
    message: /commercial use.*no value-sharing term/,
  },
  {
    ruleId: "consent-to-commercialise",
    principle: "Commercial principle 4",
    edit: (doc) => {
      doc.use = "non-commercial";
      doc.valueSharing = {};
      doc.consentToCommercialise = false;
    },
    expected: [{ severity: "warning", field: "consentToCommercialise" }],
    message: /consent-to-commercialise clause/,
  },
  {
    ruleId: "royalty-rate",
    principle: "Commercial principle 4",
    edit: (doc) => {
      doc.valueSharing.royalty = {
        tiers: [
          { threshold: 0, rate: 0.15 }, // 15% exactly is not above 15%
          { threshold: 1000000, rate: 0.18 },
        ],
        termYears: 5,
      };
    },
    expected: [{ severity: "warning", field: "valueSharing.royalty.tiers[1].rate" }],
    message: /18%.*above 15%/,
  },
  {
    ruleId: "price-by-use",
    principle: "Commercial principle 3",
    edit: (doc) => (doc.partner.organisationType = "university"),
    expected: [{ severity: "info", field: "use" }],
    message: /university.*commercial.*full cost.*not on the kind of organisation/,
  },
  {
    ruleId: "overhead-not-applied",
    principle: "Commercial principle 3",
    edit: (doc) => {
      doc.use = "non-commercial";
      doc.consentToCommercialise = true;
      doc.valueSharing = {};
    },
    expected: [{ severity: "info", field: "costs.overheadRate" }],
    message: /overhead rate of 20% is recorded but not charged/,
  },
  {
    ruleId: "non-commercial-data-price",
    principle: "Commercial principle 1",
    edit: (doc) => {
      doc.use = "non-commercial";
      doc.consentToCommercialise = true;
    },
    expected: [{ severity: "warning", field: "valueSharing" }],
    message: /non-commercial use but the agreement also asks for revenue royalty/,
  },
  {
    ruleId: "patient-benefit",
    principle: "DHSC principle 1",
    edit: (doc) => (doc.expectedPatientBenefit = "   "),
    expected: [{ severity: "error", field: "expectedPatientBenefit" }],
    message: /No expected patient benefit/,
  },
  {
    ruleId: "future-returns",
    principle: "DHSC principle 2",
    edit: (doc) =>
      (doc.valueSharing = {
        subscription: { annualFee: 12000, years: 3, indexation: 0.02, inAdvance: true },
      }),
    expected: [{ severity: "info", field: "valueSharing" }],
    message: /will not share in future returns/,
  },
  {
    ruleId: "no-exclusivity",
    principle: "DHSC principle 3",
    edit: (doc) => (doc.exclusivityRequested = true),
    expected: [{ severity: "error", field: "exclusivityRequested" }],
    message: /exclusivity/,
  },
  {
    ruleId: "transparency",
    principle: "DHSC principle 4",
    edit: (doc) => (doc.publishedInDataUseRegister = false),
    expected: [{ severity: "warning", field: "publishedInDataUseRegister" }],
    message: /not going to be listed in the trust's public register/,
  },
  {
    ruleId: "transparency",
    principle: "DHSC principle 4",
    edit: (doc) => delete doc.publishedInDataUseRegister,
    expected: [{ severity: "warning", field: "publishedInDataUseRegister" }],
    message: /does not say whether/,
  },
  {
    ruleId: "shared-access-justified",
    principle: "DHSC principle 5",
    edit: (doc) => {
      doc.accessRoute = "shared-with-partner";
      delete doc.accessJustification;
    },
    expected: [{ severity: "error", field: "accessJustification" }],
    message: /no justification is recorded/,
  },
  {
    ruleId: "information-governance",
    principle: "DHSC principle 5",
    edit: (doc) => {
      doc.informationGovernance = {
        dpia: "not-applicable",
        dataProcessingAgreement: "not-started",
        dataSharingAgreement: "in-progress",
      };
    },
    expected: [
      { severity: "warning", field: "informationGovernance.dpia" },
      { severity: "error", field: "informationGovernance.dataProcessingAgreement" },
      { severity: "warning", field: "informationGovernance.dataSharingAgreement" },
    ],
    message: /DPIA|Data Processing Agreement|Data Sharing Agreement/,
  },
];

describe("principle rules", () => {
  test("every rule has a trigger test, and ids are unique", () => {
    const ids = PRINCIPLE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...new Set(TRIGGERS.map((t) => t.ruleId))].sort()).toEqual([...ids].sort());
  });

  test("the clean document has no findings at all", () => {
    expect(checkPrinciples(clean())).toEqual([]);
    for (const rule of PRINCIPLE_RULES)
      expect(rule.check(clean(), priceQuote(clean()))).toEqual([]);
  });

  test.each(TRIGGERS)(
    "$ruleId ($principle) fires on a document built to trigger it",
    ({ ruleId, principle, edit, expected, message }) => {
      const findings = findingsOf(ruleId, docWith(edit));
      expect(findings.map(({ severity, field }) => ({ severity, field }))).toEqual(expected);
      for (const finding of findings) {
        expect(finding.ruleId).toBe(ruleId);
        expect(finding.principle).toBe(principle);
        expect(finding.guideSection.length).toBeGreaterThan(10);
        expect(finding.message).toMatch(message);
      }
      // ...and the whole check reports the same findings (sorted by severity).
      const all = checkPrinciples(docWith(edit)).filter((f) => f.ruleId === ruleId);
      expect(all).toHaveLength(findings.length);
      expect(all).toEqual(expect.arrayContaining(findings));
    }
  );

  test.each(TRIGGERS)("$ruleId is silent on the clean document", ({ ruleId }) => {
    expect(findingsOf(ruleId, clean())).toEqual([]);
  });
});

describe("rule details", () => {
  test("fee-charged looks at the priced total, not at the lines: a zero-cost line is still no fee", () => {
    const doc = docWith((d) => {
      noCosts(d);
      d.costs.lines = [
        {
          id: "x",
          category: "services",
          description: "free",
          quantity: 10,
          unit: "day",
          unitCost: 0,
        },
      ];
    });
    expect(findingsOf("fee-charged", doc)).toHaveLength(1);
    // only a pool share: still a fee
    expectNoFindings("fee-charged", (d) => {
      noCosts(d);
      d.costs.fixedCosts = { pool: 10000, share: 0.01 };
    });
  });

  test("commercial-value-share: terms that pay nothing do not count", () => {
    const doc = docWith((d) => {
      d.valueSharing = {
        fixedPayment: { amount: 0, instalments: [] },
        subscription: { annualFee: 0, years: 1, indexation: 0, inAdvance: true },
        milestones: [{ description: "never", amount: 100000, year: 2, probability: 0 }],
        royalty: { tiers: [{ threshold: 0, rate: 0 }], termYears: 5 },
      };
    });
    expect(valueSharingTermsInForce(doc)).toEqual([]);
    expect(findingsOf("commercial-value-share", doc)).toHaveLength(1);
    // a royalty at 0% with an annual minimum does pay
    expectNoFindings(
      "commercial-value-share",
      (d) =>
        (d.valueSharing = {
          royalty: { tiers: [{ threshold: 0, rate: 0 }], annualMinimum: 5000, termYears: 5 },
        })
    );
  });

  test.each<Partnership["valueSharing"]>([
    { fixedPayment: { amount: 25000, instalments: [] } },
    { subscription: { annualFee: 12000, years: 3, indexation: 0, inAdvance: true } },
    { milestones: [{ description: "CE mark", amount: 50000, year: 2, probability: 0.5 }] },
    { royalty: { tiers: [{ threshold: 0, rate: 0.05 }], termYears: 10 } },
  ])("each value-sharing mechanism alone satisfies commercial principle 4: %j", (valueSharing) => {
    expectNoFindings("commercial-value-share", (d) => (d.valueSharing = valueSharing));
  });

  test("consent-to-commercialise does not apply to commercial use", () => {
    expectNoFindings("consent-to-commercialise", (d) => (d.consentToCommercialise = false));
  });

  test("shared access with a justification is information, not an error", () => {
    const doc = docWith((d) => {
      d.accessRoute = "shared-with-partner";
      d.accessJustification =
        "Consented trial cohort: participants gave explicit consent to sharing with the sponsor.";
    });
    expect(findingsOf("shared-access-justified", doc).map((f) => f.severity)).toEqual(["info"]);
  });

  test("a data sharing agreement cannot be not-applicable when data is shared with the partner", () => {
    const doc = docWith((d) => {
      d.accessRoute = "shared-with-partner";
      d.accessJustification = "Consented cohort.";
      d.informationGovernance.dataSharingAgreement = "not-applicable";
    });
    expect(findingsOf("information-governance", doc).map((f) => [f.severity, f.field])).toEqual([
      ["error", "informationGovernance.dataSharingAgreement"],
    ]);
    // in an SDE it can
    expectNoFindings(
      "information-governance",
      (d) => (d.informationGovernance.dataSharingAgreement = "not-applicable")
    );
  });

  test("price-by-use explains a company's non-commercial use too", () => {
    const doc = docWith((d) => {
      d.use = "non-commercial";
      d.partner.organisationType = "sme";
    });
    expect(findingsOf("price-by-use", doc)[0]?.message).toMatch(
      /company.*non-commercial.*marginal cost/
    );
  });
});

describe("checkPrinciples", () => {
  test("sorts errors first, then warnings, then information, keeping rule order within a severity", () => {
    const doc = docWith((d) => {
      d.partner.organisationType = "charity"; // info
      d.exclusivityRequested = true; // error
      d.informationGovernance.dpia = "in-progress"; // warning
      d.expectedPatientBenefit = ""; // error
      d.valueSharing = { fixedPayment: { amount: 10000, instalments: [] } }; // info (future returns)
    });
    const findings = checkPrinciples(doc);
    expect(findings.map((f) => [f.severity, f.ruleId])).toEqual([
      ["error", "patient-benefit"],
      ["error", "no-exclusivity"],
      ["warning", "information-governance"],
      ["info", "price-by-use"],
      ["info", "future-returns"],
    ]);
    expect(hasErrors(findings)).toBe(true);
    expect(hasErrors(findings.filter((f) => f.severity !== "error"))).toBe(false);
  });

  test("accepts a quote already priced", () => {
    const doc = clean();
    expect(checkPrinciples(doc, priceQuote(doc))).toEqual([]);
  });

  test.each(EXAMPLE_FILES)(
    "no example has an error finding (they are realistic, agreeable partnerships): %s",
    (file) => {
      const findings = checkPrinciples(example(file));
      expect({ file, errors: findings.filter((f) => f.severity === "error") }).toEqual({
        file,
        errors: [],
      });
    }
  );

  test("what the examples report", () => {
    const summary = (file: (typeof EXAMPLE_FILES)[number]) =>
      checkPrinciples(example(file)).map((f) => `${f.severity} ${f.ruleId}`);
    expect(summary("academic-sde-study.json")).toEqual(["info overhead-not-applied"]);
    expect(summary("commercial-imaging-ai.json")).toEqual([]);
    expect(summary("commercial-rwe-milestones.json")).toEqual(["warning information-governance"]);
    expect(summary("sme-subscription.json")).toEqual(["info future-returns"]);
  });
});
