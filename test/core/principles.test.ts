import fc from "fast-check";
import {
  checkPrinciples,
  hasErrors,
  PRINCIPLE_RULES,
  valueSharingTermsInForce,
  type CheckContext,
  type Finding,
} from "../../src/core/principles";
import { priceQuote } from "../../src/core/pricing/quote";
import {
  ORGANISATION_TYPES,
  type Partnership,
  type PartnershipInput,
} from "../../src/document/schema";
import type { PricingStrategy } from "../../src/document/strategy";
import {
  cleanInput as sharedCleanInput,
  cleanStrategyInput as sharedCleanStrategyInput,
  EXAMPLE_FILES,
  example,
  exampleStrategy,
  valid,
  validStrategy,
} from "../document/fixtures";

/**
 * The shared clean document with its two staff lines priced at grades of its strategy (svc-1 at a
 * Band 8a day of £450, dap-1 at a Band 6 day of £310), as a quote priced with the strategy is: a
 * staff line that names no grade is itself a rates-consistent finding.
 */
function cleanInput(): ReturnType<typeof sharedCleanInput> {
  const input = sharedCleanInput();
  input.costs.lines[0]!.staffGrade = "band-8a";
  input.costs.lines[1]!.staffGrade = "band-6";
  return input;
}

/** The shared clean strategy with the Band 8a grade the clean document's svc-1 is priced at. */
function cleanStrategyInput(): ReturnType<typeof sharedCleanStrategyInput> {
  const input = sharedCleanStrategyInput();
  input.staffTime.grades.push({ id: "band-8a", name: "Band 8a analyst", unit: "day", rate: 450 });
  return input;
}

const clean = (): Partnership => valid(cleanInput());
const cleanStrategy = (): PricingStrategy => validStrategy(cleanStrategyInput());

type Input = ReturnType<typeof cleanInput>;
type Edit = (doc: Input) => void;

/** The clean document changed by `edit`, read through the schema (so defaults and kinds are filled in). */
function docWith(...edits: Edit[]): Partnership {
  const input = cleanInput();
  for (const edit of edits) edit(input);
  return valid(input);
}

function ruleNamed(ruleId: string) {
  const rule = PRINCIPLE_RULES.find((r) => r.id === ruleId);
  if (rule === undefined) throw new Error(`no rule ${ruleId}`);
  return rule;
}

function findingsOf(ruleId: string, doc: Partnership, context: CheckContext = {}): Finding[] {
  return ruleNamed(ruleId).check(doc, priceQuote(doc), context);
}

/** [severity, field] of each finding, for compact expectations. */
const brief = (findings: readonly Finding[]) => findings.map((f) => [f.severity, f.field]);

// The quote's stages, as edits of the clean (issued) quote.
const draft: Edit = (doc) => (doc.quote = { stage: "draft", date: "2025-04-01" });
const issued: Edit = () => {}; // the clean document is an issued quote
const accepted: Edit = (doc) => {
  doc.quote.stage = "accepted";
  doc.quote.acceptedOn = "2025-04-20";
};

/** The strategy the clean document names, changed by `edit`. */
function strategyWith(
  edit: (strategy: ReturnType<typeof cleanStrategyInput>) => void
): PricingStrategy {
  const input = cleanStrategyInput();
  edit(input);
  return validStrategy(input);
}

const nonCommercial: Edit = (doc) => {
  doc.use = "non-commercial";
  doc.consentToCommercialise = true;
  doc.outputsOpen = true;
  doc.valueSharing = {};
};
const noCosts: Edit = (doc) => (doc.costs = { lines: [] });
/** dap-1 as one £600 meeting of staff time, with no grade. */
const perMeeting =
  (unit: string): Edit =>
  (doc) => {
    const line = doc.costs.lines[1]!;
    delete line.staffGrade;
    line.quantity = 1;
    line.unit = unit;
    line.unitCost = 600;
  };
/** A fourth line, of data-access people's time, described as `description`. */
const directCareLine =
  (description: string): Edit =>
  (doc) => {
    doc.costs.lines.push({
      id: "dc-1",
      category: "data-access-people",
      description,
      quantity: 5,
      unit: "day",
      unitCost: 310,
      staffGrade: "band-6",
    });
  };
const sharedWithPartner: Edit = (doc) => {
  doc.accessRoute = "shared-with-partner";
  doc.accessJustification = "Consented trial cohort.";
};
/** A strategy in effect from 1 April 2024 and due for review on 31 March 2025, the day before the quote. */
const overdueForReview = (strategy: ReturnType<typeof cleanStrategyInput>) => {
  strategy.effectiveFrom = "2024-04-01";
  strategy.approvedOn = "2024-03-15";
  strategy.reviewBy = "2025-03-31";
};
const onlyFixedPayment: Edit = (doc) => (doc.valueSharing = { fixedPayment: { amount: 20000 } });
/**
 * Scenarios of a product earning `revenue` in year 1, certain, at 0%, its whole revenue profit: a fair
 * share is at least a few per cent of it (the data alone scores 3 of 6 high), so £1,000,000,000 makes
 * the £20,000 fixed payment fall below it and £1,000 above it (a quarter of it at most is £250).
 */
const productEarning =
  (revenue: number): Edit =>
  (doc) => {
    doc.scenarios = {
      revenue: { kind: "explicit", byYear: [revenue] },
      probabilityOfReachingMarket: 1,
      discount: { kind: "flat", rate: 0 },
      priceBasis: { kind: "real" },
      counterparty: { defaultRate: 0, source: "a funded partner" },
      fairShare: { profitMargin: 1, expertise: "none", riskAndInvestment: "none" },
    };
  };
/** The clean asset has 3 of 6 characteristics high; this makes availability the fourth. */
const fourHigh: Edit = (doc) => {
  const asset = doc.dataAssets[0];
  if (asset !== undefined) asset.availability = "high";
};
/** A value-sharing policy that prefers milestones or a royalty for commercial use of high-value data. */
const POLICY = {
  preferredMechanisms: [
    {
      use: "commercial" as const,
      dataValue: "high" as const,
      mechanisms: ["milestones" as const, "royalty" as const],
    },
  ],
  royalty: { base: "Net sales", givenAway: "The price of comparable sales" },
};
const override = (
  rate: "staffOnCostRate" | "overheadRate" | "fixedCostRecoveryRate" | "capitalCostRecoveryRate",
  strategyValue: number,
  reason: string
) => ({ rate, strategyValue, reason });

/**
 * For every rule, documents built to trigger it and what it must find there: severity, field, the
 * principle it comes from and words of its message. The labels and severities are the ones the guide
 * and the product's brief give (for example: no patient benefit is a warning on a draft and an error
 * once the quote is issued), written out here rather than read from the rules.
 */
interface Trigger {
  readonly ruleId: string;
  readonly principle: string;
  readonly name: string;
  readonly edits: Edit[];
  readonly context?: CheckContext;
  readonly expected: [Finding["severity"], string][];
  readonly message: RegExp;
}

const TRIGGERS: Trigger[] = [
  {
    ruleId: "quote-still-valid",
    principle: "DHSC principle 2",
    name: "a draft checked the day after its validity date",
    edits: [draft, (doc) => (doc.quote.validUntil = "2025-08-29")],
    context: { asOf: "2025-08-30" },
    expected: [["warning", "quote.validUntil"]],
    message:
      /^The quote was valid until 29 August 2025, which has passed: agree a new validity date before issuing it\.$/,
  },
  {
    ruleId: "quote-still-valid",
    principle: "DHSC principle 2",
    name: "an issued quote checked after its validity date",
    edits: [issued],
    context: { asOf: "2026-01-01" },
    expected: [["error", "quote.validUntil"]],
    message:
      /^The quote was valid until 30 June 2025, which has passed, and the partner has not accepted it/,
  },
  // ----- rates-consistent (commercial principles 1 and 3) -----
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "no strategy named, on a draft",
    edits: [draft, (doc) => delete doc.pricing.strategy],
    expected: [["warning", "pricing.strategy"]],
    message: /does not name the trust's pricing strategy/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "no strategy named, once issued",
    edits: [issued, (doc) => delete doc.pricing.strategy],
    expected: [["error", "pricing.strategy"]],
    message: /does not name the trust's pricing strategy/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "an override, quoting its reason",
    edits: [
      (doc) => {
        doc.pricing.overheadRate = 0.15;
        doc.pricing.overrides = [override("overheadRate", 0.2, "Pilot: agreed by the DoF")];
      },
    ],
    expected: [["warning", "pricing.overheadRate"]],
    message:
      /overhead rate is 15% instead of the strategy's 20%\. Reason recorded: "Pilot: agreed by the DoF"/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "priced with another strategy",
    edits: [],
    context: { strategy: strategyWith((s) => (s.id = "OTHER-PRICING")) },
    expected: [["error", "pricing.strategy.id"]],
    message:
      /priced with the pricing strategy "TEST-PRICING", but the trust's strategy is "OTHER-PRICING"/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "an older revision, on a draft",
    edits: [draft],
    context: { strategy: strategyWith((s) => (s.revision = 2)) },
    expected: [["warning", "pricing.strategy.revision"]],
    message: /revision 1 of the pricing strategy; revision 2 is current\. Price the draft again/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "an older revision, once issued",
    edits: [issued],
    context: { strategy: strategyWith((s) => (s.revision = 2)) },
    expected: [["info", "pricing.strategy.revision"]],
    message: /revision 2 is current\. An issued quote keeps the rates it was issued with/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "a newer revision than the strategy it is checked against",
    edits: [(doc) => (doc.pricing.strategy = { id: "TEST-PRICING", revision: 3 })],
    context: { strategy: cleanStrategy() },
    expected: [["warning", "pricing.strategy.revision"]],
    message:
      /revision 3 of the pricing strategy, newer than the revision 1 given to check it against/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    // the override says the strategy's overhead is 25%, but TEST-PRICING revision 1 sets 20%
    name: "an override recording the wrong strategy value",
    edits: [
      (doc) => {
        doc.pricing.overheadRate = 0.15;
        doc.pricing.overrides = [override("overheadRate", 0.25, "Pilot: agreed by the DoF")];
      },
    ],
    context: { strategy: cleanStrategy() },
    expected: [
      ["warning", "pricing.overheadRate"],
      ["warning", "pricing.overrides[0].strategyValue"],
    ],
    // each finding matches one side: the override itself, and the wrong value it records
    message:
      /overhead rate is 15% instead of the strategy's 25%|records the strategy's rate as 25%, but revision 1 of the strategy sets 20%/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "a rate not the strategy's, with no override",
    edits: [(doc) => (doc.pricing.staffOnCostRate = 0.3)],
    context: { strategy: cleanStrategy() },
    expected: [["error", "pricing.staffOnCostRate"]],
    message: /staff on-cost rate is 30%, but the strategy's is 25%, and no reason is recorded/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    // the strategy derives it: 500,000 / 5,000,000 = 10%
    name: "a recovery rate not the derived one",
    edits: [(doc) => (doc.pricing.fixedCostRecoveryRate = 0.11)],
    context: { strategy: cleanStrategy() },
    expected: [["error", "pricing.fixedCostRecoveryRate"]],
    message: /fixed-cost recovery rate is 11%, but the strategy's is 10%/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "a staff grade the strategy does not have",
    edits: [(doc) => (doc.costs.lines[0]!.staffGrade = "band-9")],
    context: { strategy: cleanStrategy() },
    expected: [["error", "costs.lines[0].staffGrade"]],
    message:
      /Line svc-1 is priced at the staff grade "band-9", which the pricing strategy does not have/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "a standard item the strategy does not have",
    edits: [(doc) => (doc.costs.lines[2]!.standardItem = "sde-admin-month")],
    context: { strategy: cleanStrategy() },
    expected: [["error", "costs.lines[2].standardItem"]],
    message: /standard item "sde-admin-month", which the pricing strategy does not have/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    // the strategy's band-6 is £310 a day; the clean dap-1 line is 3 days at £310
    name: "a unit cost not the grade's, once issued",
    edits: [(doc) => (doc.costs.lines[1]!.unitCost = 320)],
    context: { strategy: cleanStrategy() },
    expected: [["error", "costs.lines[1].unitCost"]],
    // a line has no reason field, so, as docs/arithmetic.md says of rates, the difference is unexplained
    message:
      /^Line dap-1 is priced at 320 per day, but the strategy's Band 6 analyst is 310 per day, and a line has no place to record why\. Price the line at the strategy's rate/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "a unit cost not the grade's, on a draft",
    edits: [draft, (doc) => (doc.costs.lines[1]!.unitCost = 320)],
    context: { strategy: cleanStrategy() },
    expected: [["warning", "costs.lines[1].unitCost"]],
    message:
      /Line dap-1 is priced at 320 per day, but the strategy's Band 6 analyst is 310 per day/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "a staff line naming no grade, on a draft",
    edits: [draft, (doc) => delete doc.costs.lines[0]!.staffGrade],
    context: { strategy: cleanStrategy() },
    expected: [["warning", "costs.lines[0].staffGrade"]],
    message:
      /^Line svc-1 is staff time at 450 per day but names no staff grade, so nothing shows its rate is the pricing strategy's\. Price it at one of the strategy's staff grades/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "a staff line naming no grade, once issued",
    edits: [issued, (doc) => delete doc.costs.lines[0]!.staffGrade],
    context: { strategy: cleanStrategy() },
    expected: [["error", "costs.lines[0].staffGrade"]],
    message: /Line svc-1 is staff time at 450 per day but names no staff grade/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    // the strategy's band-6 is priced per day: £450 a review cannot be compared with £310 a day
    name: "a line in another unit than its grade's",
    edits: [
      (doc) => {
        doc.costs.lines[1]!.unit = "review";
        doc.costs.lines[1]!.unitCost = 450;
      },
    ],
    context: { strategy: cleanStrategy() },
    expected: [["error", "costs.lines[1].unit"]],
    message:
      /^Line dap-1 is priced at 450 per review, but the strategy's Band 6 analyst is priced per day \(310 per day\)/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "a line in another unit than its standard item's, on a draft",
    edits: [
      draft,
      (doc) => {
        doc.costs.lines[2]!.standardItem = "sde-user-month";
        doc.costs.lines[2]!.passThrough = true;
        doc.costs.lines[2]!.unit = "month";
      },
    ],
    context: { strategy: cleanStrategy() },
    expected: [["warning", "costs.lines[2].unit"]],
    message:
      /^Line dao-1 is priced at 472 per month, but the strategy's SDE user account is priced per user-month/,
  },
  {
    ruleId: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    name: "a standard item not passed through as the strategy passes it",
    edits: [(doc) => (doc.costs.lines[2]!.standardItem = "sde-user-month")],
    context: { strategy: cleanStrategy() },
    expected: [["error", "costs.lines[2].unitCost"]],
    message:
      /Line dao-1 is priced at 472 per user-month, but the strategy's SDE user account is 472 per user-month as a pass-through/,
  },

  // ----- strategy-current (commercial principles 1 and 3) -----
  {
    ruleId: "strategy-current",
    principle: "Commercial principles 1 and 3",
    name: "a draft dated before its strategy took effect",
    edits: [draft],
    context: { strategy: strategyWith((s) => (s.effectiveFrom = "2025-05-01")) },
    expected: [["error", "quote.date"]],
    message:
      /^The quote is dated 1 April 2025, before 1 May 2025, when revision 1 of the pricing strategy took effect: its rates did not apply yet on the quote date\. Date the quote on or after/,
  },
  {
    ruleId: "strategy-current",
    principle: "Commercial principles 1 and 3",
    name: "an issued quote dated before its strategy took effect",
    edits: [issued],
    context: { strategy: strategyWith((s) => (s.effectiveFrom = "2025-05-01")) },
    expected: [["warning", "quote.date"]],
    message: /before 1 May 2025, when revision 1 of the pricing strategy took effect.*withdraw it/,
  },
  {
    ruleId: "strategy-current",
    principle: "Commercial principles 1 and 3",
    name: "a draft dated after its strategy was due for review",
    edits: [draft],
    context: { strategy: strategyWith(overdueForReview) },
    expected: [["warning", "pricing.strategy"]],
    message:
      /^The quote is dated 1 April 2025, after 31 March 2025, when revision 1 of the pricing strategy was due for review\. The guide says a pricing strategy must be regularly updated: have the strategy reviewed/,
  },
  {
    ruleId: "strategy-current",
    principle: "Commercial principles 1 and 3",
    name: "an issued quote dated after its strategy was due for review",
    edits: [issued],
    context: { strategy: strategyWith(overdueForReview) },
    expected: [["warning", "pricing.strategy"]],
    message: /after 31 March 2025, when revision 1 of the pricing strategy was due for review/,
  },
  {
    ruleId: "strategy-current",
    principle: "Commercial principles 1 and 3",
    name: "an accepted quote dated after its strategy was due for review",
    edits: [accepted],
    context: { strategy: strategyWith(overdueForReview) },
    expected: [["info", "pricing.strategy"]],
    message: /was due for review\. .*the agreed price stands/,
  },

  // ----- commercial principle 1 -----
  {
    ruleId: "overhead-not-applied",
    principle: "Commercial principle 1",
    name: "non-commercial use with the strategy's overhead rate",
    edits: [nonCommercial],
    expected: [["info", "pricing.overheadRate"]],
    message: /overhead rate of 20% is not charged: non-commercial use is priced at marginal cost/,
  },
  {
    ruleId: "per-meeting-fee",
    principle: "Commercial principle 1",
    name: "a staff line charged per meeting, with no grade",
    edits: [perMeeting("panel meeting")],
    expected: [["warning", "costs.lines[1].kind"]],
    message:
      /^Line dap-1 is charged at 600 per panel meeting as staff time, so employer's on-costs \(25%\) are added to it\. A per-meeting fee is usually a non-staff charge and should not carry staff on-costs: set kind to "non-staff", or, if it really is staff time, price it at one of the strategy's staff grades\.$/,
  },
  {
    ruleId: "rate-as-decimal",
    principle: "Commercial principle 1",
    name: "an overhead rate typed as a percentage",
    edits: [(doc) => (doc.pricing.overheadRate = 22)],
    expected: [["warning", "pricing.overheadRate"]],
    message:
      /^The overhead rate is 2200%; if you meant 22%, enter 0\.22 in pricing\.overheadRate\./,
  },
  {
    ruleId: "rate-as-decimal",
    principle: "Commercial principle 1",
    name: "every rate above 100%, each its own warning",
    edits: [
      (doc) => {
        doc.pricing.staffOnCostRate = 25;
        doc.pricing.overheadRate = 1.5;
        doc.pricing.fixedCostRecoveryRate = 10;
        doc.pricing.capitalCostRecoveryRate = 5;
      },
    ],
    expected: [
      ["warning", "pricing.staffOnCostRate"],
      ["warning", "pricing.overheadRate"],
      ["warning", "pricing.fixedCostRecoveryRate"],
      ["warning", "pricing.capitalCostRecoveryRate"],
    ],
    message:
      /^The (staff on-cost rate is 2500%; if you meant 25%, enter 0\.25|overhead rate is 150%; if you meant 1\.5%, enter 0\.015|fixed-cost recovery rate is 1000%; if you meant 10%, enter 0\.1|capital-cost recovery rate is 500%; if you meant 5%, enter 0\.05) in pricing\./,
  },

  // ----- commercial principle 2 -----
  {
    ruleId: "fee-charged",
    principle: "Commercial principle 2",
    name: "no costs at all",
    edits: [noCosts],
    expected: [["error", "costs.lines"]],
    message: /£0\.00.*always charges a fee/,
  },
  {
    ruleId: "direct-care-not-charged",
    principle: "Commercial principle 2",
    name: "a line for collecting data for direct care, on a draft",
    edits: [draft, directCareLine("Collecting ward observations for direct care")],
    expected: [["warning", "costs.lines[3].description"]],
    message:
      /^Line dc-1 \("Collecting ward observations for direct care"\) charges for collecting or recording data for direct care\. .*the guide says its cost is not charged to the partner\. Remove the line/,
  },
  {
    ruleId: "direct-care-not-charged",
    principle: "Commercial principle 2",
    name: "a line for recording data for direct care, once issued",
    edits: [issued, directCareLine("Direct-care data recording by ward nurses")],
    expected: [["error", "costs.lines[3].description"]],
    message: /charges for collecting or recording data for direct care/,
  },
  {
    ruleId: "overhead-recovered",
    principle: "Commercial principle 2",
    name: "commercial use with no overhead, on a draft",
    edits: [draft, (doc) => (doc.pricing.overheadRate = 0)],
    expected: [["warning", "pricing.overheadRate"]],
    message: /commercial use, which is charged at full cost, but the overhead rate is 0%/,
  },
  {
    ruleId: "overhead-recovered",
    principle: "Commercial principle 2",
    name: "commercial use with no overhead, once issued",
    edits: [issued, (doc) => (doc.pricing.overheadRate = 0)],
    expected: [["error", "pricing.overheadRate"]],
    message: /overhead rate is 0%/,
  },
  {
    ruleId: "fixed-capital-recovered",
    principle: "Commercial principle 2",
    name: "no fixed or capital recovery, on a draft",
    edits: [
      draft,
      (doc) => {
        doc.pricing.fixedCostRecoveryRate = 0;
        doc.pricing.capitalCostRecoveryRate = 0;
      },
    ],
    expected: [["warning", "pricing.fixedCostRecoveryRate"]],
    message:
      /No fixed or capital cost is recovered: both recovery rates are 0% and nothing is allocated directly/,
  },
  {
    ruleId: "fixed-capital-recovered",
    principle: "Commercial principle 2",
    name: "no fixed or capital recovery, once issued",
    edits: [
      (doc) => {
        doc.pricing.fixedCostRecoveryRate = 0;
        doc.pricing.capitalCostRecoveryRate = 0;
      },
    ],
    expected: [["error", "pricing.fixedCostRecoveryRate"]],
    message: /No fixed or capital cost is recovered/,
  },

  // ----- commercial principle 3 -----
  {
    ruleId: "price-by-use",
    principle: "Commercial principle 3",
    name: "a university's commercial use",
    edits: [(doc) => (doc.partner.organisationType = "university")],
    expected: [["info", "use"]],
    message: /university.*commercial.*full cost.*not on the kind of organisation/,
  },
  {
    ruleId: "price-by-use",
    principle: "Commercial principle 3",
    name: "a company's non-commercial use",
    edits: [nonCommercial, (doc) => (doc.partner.organisationType = "sme")],
    expected: [["info", "use"]],
    message: /company.*non-commercial.*marginal cost/,
  },

  // ----- commercial principle 4 -----
  {
    ruleId: "non-commercial-data-price",
    principle: "Commercial principle 4",
    name: "non-commercial use that pays a royalty",
    edits: [nonCommercial, (doc) => (doc.valueSharing = cleanInput().valueSharing)],
    expected: [["warning", "valueSharing"]],
    message: /non-commercial use but the agreement also asks for revenue royalty/,
  },
  {
    ruleId: "commercial-value-share",
    principle: "Commercial principle 4",
    name: "commercial use with no value sharing, once issued",
    edits: [(doc) => (doc.valueSharing = {})],
    expected: [["error", "valueSharing"]],
    message: /commercial use.*no value-sharing term/,
  },
  {
    ruleId: "commercial-value-share",
    principle: "Commercial principle 4",
    // the guide: the NHS "should seek" a share, which a draft may not have agreed yet
    name: "commercial use with no value sharing, on a draft",
    edits: [draft, (doc) => (doc.valueSharing = {})],
    expected: [["warning", "valueSharing"]],
    message: /commercial use.*no value-sharing term/,
  },
  {
    ruleId: "high-value-data-share",
    principle: "Commercial principle 4",
    name: "4 of 6 high, training an AI model, only a fixed payment",
    edits: [fourHigh, onlyFixedPayment],
    expected: [["warning", "dataAssets[0]"]],
    message:
      /"Inpatient observations" is high-value data \(4 of 6 characteristics high: rare data, such as a unique patient cohort; high quantity or quality; well linked to other data; high volume of features, variables or complexity\) used to build a product, but the agreement has no milestone payments or royalty/,
  },
  {
    ruleId: "fair-share",
    principle: "Commercial principle 4",
    name: "a £20,000 fixed payment for data in a product earning £1,000,000,000",
    edits: [onlyFixedPayment, productEarning(1e9)],
    expected: [["warning", "valueSharing"]],
    message:
      /^The agreed terms are worth £20,000 to the NHS today, risk-adjusted \(0\.00% of it\), below a fair share of the product's value\. A fair share/,
  },
  {
    ruleId: "consent-to-commercialise",
    principle: "Commercial principle 4",
    name: "non-commercial use without the clause",
    edits: [nonCommercial, (doc) => (doc.consentToCommercialise = false)],
    expected: [["warning", "consentToCommercialise"]],
    message: /consent-to-commercialise clause/,
  },
  {
    ruleId: "non-commercial-open-outputs",
    principle: "Commercial principle 4",
    name: "the partner owns the IP and the outputs will not be open",
    edits: [nonCommercial, (doc) => (doc.outputsOpen = false)],
    expected: [["warning", "outputsOpen"]],
    message:
      /^This is priced as non-commercial use, but the outputs will not be open \(the partner owns the foreground IP\)\. The guide says non-commercial outputs will be open source/,
  },
  {
    ruleId: "non-commercial-open-outputs",
    principle: "Commercial principle 4",
    name: "joint IP and the outputs will not be open",
    edits: [
      nonCommercial,
      (doc) => {
        doc.foregroundIpOwner = "joint";
        doc.outputsOpen = false;
      },
    ],
    expected: [["warning", "outputsOpen"]],
    message:
      /the outputs will not be open \(the partner owns the foreground IP jointly with the NHS\)/,
  },
  {
    ruleId: "non-commercial-open-outputs",
    principle: "Commercial principle 4",
    name: "the NHS owns the IP and nothing is said about open outputs",
    edits: [
      nonCommercial,
      (doc) => {
        doc.foregroundIpOwner = "nhs";
        delete doc.outputsOpen;
      },
    ],
    expected: [["warning", "outputsOpen"]],
    message:
      /does not say the outputs will be open \(the NHS owns the foreground IP\)\. The guide says non-commercial outputs will be open source: agree that the outputs will be open and record outputsOpen, or price the use as commercial\./,
  },
  {
    ruleId: "non-commercial-open-outputs",
    principle: "Commercial principle 4",
    name: "the partner owns the IP and nothing is said about open outputs",
    edits: [nonCommercial, (doc) => delete doc.outputsOpen],
    expected: [["warning", "outputsOpen"]],
    message: /does not say the outputs will be open/,
  },
  {
    ruleId: "royalty-rate",
    principle: "Commercial principle 4",
    name: "a tier above 15%",
    edits: [
      (doc) =>
        (doc.valueSharing.royalty = {
          tiers: [
            { threshold: 0, rate: 0.15 }, // 15% exactly is not above 15%
            { threshold: 1000000, rate: 0.18 },
          ],
          annualMinimum: 10000,
          termYears: 5,
        }),
    ],
    expected: [["warning", "valueSharing.royalty.tiers[1].rate"]],
    message: /18%.*above 15%/,
  },
  {
    ruleId: "royalty-minimum",
    principle: "Commercial principle 4",
    name: "no annual minimum, on a draft",
    edits: [draft, (doc) => delete doc.valueSharing.royalty?.annualMinimum],
    expected: [["info", "valueSharing.royalty.annualMinimum"]],
    message: /no annual minimum/,
  },
  {
    ruleId: "royalty-minimum",
    principle: "Commercial principle 4",
    name: "no annual minimum, once issued",
    edits: [issued, (doc) => delete doc.valueSharing.royalty?.annualMinimum],
    expected: [["warning", "valueSharing.royalty.annualMinimum"]],
    message: /no annual minimum/,
  },
  // ----- value-sharing-policy (commercial principles 1 and 4); its messages in valueSharingPolicy.test.ts -----
  {
    ruleId: "value-sharing-policy",
    principle: "Commercial principles 1 and 4",
    name: "high-value data with only a fixed payment, where the policy prefers milestones or a royalty",
    edits: [fourHigh, onlyFixedPayment],
    context: { strategy: strategyWith((s) => (s.valueSharingPolicy = POLICY)) },
    expected: [["warning", "valueSharing"]],
    message:
      /prefers milestone payments or a revenue royalty for commercial use of high-value data/,
  },
  {
    ruleId: "value-sharing-policy",
    principle: "Commercial principles 1 and 4",
    name: "a royalty, checked against a policy that defines its base",
    edits: [],
    context: { strategy: strategyWith((s) => (s.valueSharingPolicy = POLICY)) },
    expected: [["info", "valueSharing.royalty"]],
    message: /^Define the royalty in the agreement as the trust's value-sharing policy does/,
  },

  // ----- DHSC principles -----
  {
    ruleId: "patient-benefit",
    principle: "DHSC principle 1",
    name: "blank, on a draft",
    edits: [draft, (doc) => (doc.expectedPatientBenefit = "   ")],
    expected: [["warning", "expectedPatientBenefit"]],
    message: /No expected patient benefit/,
  },
  {
    ruleId: "patient-benefit",
    principle: "DHSC principle 1",
    name: "missing, once issued",
    edits: [issued, (doc) => delete doc.expectedPatientBenefit],
    expected: [["error", "expectedPatientBenefit"]],
    message: /No expected patient benefit/,
  },
  {
    ruleId: "future-returns",
    principle: "DHSC principle 2",
    name: "only a subscription",
    edits: [
      (doc) =>
        (doc.valueSharing = {
          subscription: { annualFee: 12000, years: 3, indexation: 0.02, inAdvance: true },
        }),
    ],
    expected: [["info", "valueSharing"]],
    message: /will not share in future returns/,
  },
  {
    ruleId: "no-exclusivity",
    principle: "DHSC principle 3",
    name: "exclusivity requested",
    edits: [(doc) => (doc.exclusivityRequested = true)],
    expected: [["error", "exclusivityRequested"]],
    message: /exclusivity/,
  },
  {
    ruleId: "transparency",
    principle: "DHSC principle 4",
    name: "not to be published",
    edits: [(doc) => (doc.publishedInDataUseRegister = false)],
    expected: [["warning", "publishedInDataUseRegister"]],
    message: /not going to be listed in the trust's public register/,
  },
  {
    ruleId: "transparency",
    principle: "DHSC principle 4",
    name: "not recorded",
    edits: [(doc) => delete doc.publishedInDataUseRegister],
    expected: [["warning", "publishedInDataUseRegister"]],
    message: /does not say whether/,
  },
  {
    ruleId: "shared-access-justified",
    principle: "DHSC principle 5",
    name: "shared with the partner, unjustified",
    edits: [
      (doc) => {
        doc.accessRoute = "shared-with-partner";
        delete doc.accessJustification;
      },
    ],
    expected: [["error", "accessJustification"]],
    message: /no justification is recorded/,
  },
  {
    ruleId: "shared-access-justified",
    principle: "DHSC principle 5",
    name: "shared with the partner, justified",
    edits: [
      (doc) => {
        doc.accessRoute = "shared-with-partner";
        doc.accessJustification =
          "Consented trial cohort: participants gave explicit consent to sharing with the sponsor.";
      },
    ],
    expected: [["info", "accessRoute"]],
    message: /A justification is recorded/,
  },
  {
    ruleId: "information-governance",
    principle: "DHSC principle 5",
    name: "not started and in progress, on a draft",
    edits: [
      draft,
      (doc) => {
        doc.informationGovernance.dpia = "not-started";
        doc.informationGovernance.dataProcessingAgreement = "in-progress";
      },
    ],
    expected: [
      ["warning", "informationGovernance.dpia"],
      ["info", "informationGovernance.dataProcessingAgreement"],
    ],
    message: /has not been started|still in progress/,
  },
  {
    ruleId: "information-governance",
    principle: "DHSC principle 5",
    name: "not started and in progress, once issued",
    edits: [
      issued,
      (doc) => {
        doc.informationGovernance.dataProcessingAgreement = "not-started";
        doc.informationGovernance.dataSharingAgreement = "in-progress";
      },
    ],
    expected: [
      ["warning", "informationGovernance.dataProcessingAgreement"],
      ["info", "informationGovernance.dataSharingAgreement"],
    ],
    message: /has not been started|still in progress/,
  },
  {
    ruleId: "information-governance",
    principle: "DHSC principle 5",
    name: "not started and in progress, once accepted",
    edits: [
      accepted,
      (doc) => {
        doc.informationGovernance.dpia = "in-progress";
        doc.informationGovernance.dataSharingAgreement = "not-started";
      },
    ],
    expected: [
      ["error", "informationGovernance.dpia"],
      ["error", "informationGovernance.dataSharingAgreement"],
    ],
    message: /has not been started|still in progress/,
  },
  {
    ruleId: "information-governance",
    principle: "DHSC principle 5",
    name: "a DPIA marked not applicable",
    edits: [(doc) => (doc.informationGovernance.dpia = "not-applicable")],
    expected: [["warning", "informationGovernance.dpia"]],
    message: /DPIA is marked not applicable/,
  },
  {
    ruleId: "information-governance",
    principle: "DHSC principle 5",
    name: "no DPIA for data shared with the partner, once accepted",
    edits: [
      accepted,
      sharedWithPartner,
      (doc) => (doc.informationGovernance.dpia = "not-applicable"),
    ],
    expected: [["error", "informationGovernance.dpia"]],
    message:
      /^The DPIA is marked not applicable, but the quote is accepted and the data will be shared with the partner, outside the NHS\. The guide says a DPIA is a requirement under GDPR.*complete the DPIA before any data is shared\.$/,
  },
  {
    ruleId: "information-governance",
    principle: "DHSC principle 5",
    // issued, not yet accepted: no data flows yet, so a warning as anywhere else
    name: "no DPIA for data shared with the partner, once issued",
    edits: [
      issued,
      sharedWithPartner,
      (doc) => (doc.informationGovernance.dpia = "not-applicable"),
    ],
    expected: [["warning", "informationGovernance.dpia"]],
    message: /^The DPIA is marked not applicable\. Processing health data/,
  },
  {
    ruleId: "information-governance",
    principle: "DHSC principle 5",
    name: "no DSA for data shared with the partner",
    edits: [
      (doc) => {
        doc.accessRoute = "shared-with-partner";
        doc.accessJustification = "Consented cohort.";
        doc.informationGovernance.dataSharingAgreement = "not-applicable";
      },
    ],
    expected: [["error", "informationGovernance.dataSharingAgreement"]],
    message: /Data Sharing Agreement is needed/,
  },
  {
    ruleId: "supplier-due-diligence",
    principle: "DHSC principle 5",
    name: "not started, on a draft",
    edits: [draft, (doc) => (doc.informationGovernance.supplierDueDiligence = "not-started")],
    expected: [["warning", "informationGovernance.supplierDueDiligence"]],
    message: /Supplier due diligence is not started/,
  },
  {
    ruleId: "supplier-due-diligence",
    principle: "DHSC principle 5",
    name: "in progress, on a draft",
    edits: [draft, (doc) => (doc.informationGovernance.supplierDueDiligence = "in-progress")],
    expected: [["warning", "informationGovernance.supplierDueDiligence"]],
    message: /Supplier due diligence is still in progress/,
  },
  {
    ruleId: "supplier-due-diligence",
    principle: "DHSC principle 5",
    name: "not started, once issued",
    edits: [issued, (doc) => (doc.informationGovernance.supplierDueDiligence = "not-started")],
    expected: [["error", "informationGovernance.supplierDueDiligence"]],
    message:
      /must be carried out on any supplier.*Complete it now: the quote has already gone to the partner/,
  },
  {
    ruleId: "supplier-due-diligence",
    principle: "DHSC principle 5",
    // withdrawn before it was ever issued: no agreement will follow, so a reminder, not an error
    name: "not started, on a draft that was withdrawn",
    edits: [
      (doc) => (doc.quote = { stage: "withdrawn", date: "2025-04-01", withdrawnOn: "2025-04-03" }),
      (doc) => (doc.informationGovernance.supplierDueDiligence = "not-started"),
    ],
    expected: [["warning", "informationGovernance.supplierDueDiligence"]],
    message: /Supplier due diligence is not started/,
  },
  {
    ruleId: "supplier-due-diligence",
    principle: "DHSC principle 5",
    name: "in progress, once accepted",
    edits: [accepted, (doc) => (doc.informationGovernance.supplierDueDiligence = "in-progress")],
    expected: [["error", "informationGovernance.supplierDueDiligence"]],
    message: /still in progress/,
  },
  {
    ruleId: "supplier-due-diligence",
    principle: "DHSC principle 5",
    name: "marked not applicable",
    edits: [(doc) => (doc.informationGovernance.supplierDueDiligence = "not-applicable")],
    expected: [["info", "informationGovernance.supplierDueDiligence"]],
    message: /marked not applicable.*make sure no supplier is involved/,
  },
];

/**
 * For every rule, documents near a trigger on which it must find nothing (besides the clean
 * document, on which every rule is silent).
 */
const SILENT: { ruleId: string; name: string; edits: Edit[]; context?: CheckContext }[] = [
  {
    ruleId: "fair-share",
    name: "a £20,000 fixed payment for data in a product earning £1,000",
    edits: [onlyFixedPayment, productEarning(1000)],
  },
  { ruleId: "rates-consistent", name: "named, with no strategy at hand", edits: [draft] },
  {
    ruleId: "rates-consistent",
    name: "a line at its grade's rate with the unit written in the plural",
    edits: [
      (doc) => {
        doc.costs.lines[1]!.staffGrade = "band-6"; // £310 a day, as the strategy
        doc.costs.lines[1]!.unit = "Days";
      },
    ],
    context: { strategy: cleanStrategy() },
  },
  {
    ruleId: "rates-consistent",
    name: "lines at the strategy's grade and item prices",
    edits: [
      (doc) => {
        doc.costs.lines[1]!.staffGrade = "band-6"; // 3 days at £310, as the strategy
        doc.costs.lines[2]!.standardItem = "sde-user-month"; // £472 a user-month, passed through
        doc.costs.lines[2]!.passThrough = true;
      },
    ],
    context: { strategy: cleanStrategy() },
  },
  {
    ruleId: "rates-consistent",
    name: "a non-staff line naming no standard item, at a price no item has",
    edits: [
      (doc) => {
        doc.costs.lines[2]!.unit = "terabyte-month";
        doc.costs.lines[2]!.unitCost = 23.5;
      },
    ],
    context: { strategy: cleanStrategy() },
  },
  {
    ruleId: "rates-consistent",
    name: "a staff line naming no grade, with no strategy at hand",
    edits: [(doc) => delete doc.costs.lines[0]!.staffGrade],
  },
  {
    ruleId: "rates-consistent",
    // per-meeting-fee reports it: one finding for one line
    name: "a staff line charged per meeting with no grade",
    edits: [perMeeting("meeting")],
    context: { strategy: cleanStrategy() },
  },
  { ruleId: "strategy-current", name: "no strategy at hand", edits: [draft] },
  {
    ruleId: "strategy-current",
    name: "dated the day the strategy took effect",
    edits: [draft],
    context: { strategy: cleanStrategy() },
  },
  {
    ruleId: "strategy-current",
    name: "dated the day the strategy was due for review",
    edits: [],
    context: {
      strategy: strategyWith((s) => {
        overdueForReview(s);
        s.reviewBy = "2025-04-01";
      }),
    },
  },
  {
    ruleId: "strategy-current",
    // rates-consistent reports the older revision: its dates are not this revision's
    name: "priced with an older revision than the one at hand",
    edits: [draft],
    context: {
      strategy: strategyWith((s) => {
        s.revision = 2;
        s.effectiveFrom = "2025-05-01";
      }),
    },
  },
  {
    ruleId: "overhead-not-applied",
    name: "non-commercial with no overhead rate",
    edits: [nonCommercial, (doc) => (doc.pricing.overheadRate = 0)],
  },
  {
    ruleId: "per-meeting-fee",
    name: "a per-meeting fee marked non-staff",
    edits: [perMeeting("meeting"), (doc) => (doc.costs.lines[1]!.kind = "non-staff")],
  },
  {
    ruleId: "per-meeting-fee",
    name: "a staff line charged per meeting at a grade",
    edits: [perMeeting("meeting"), (doc) => (doc.costs.lines[1]!.staffGrade = "band-6")],
  },
  {
    ruleId: "per-meeting-fee",
    name: "a staff line charged by the day with no grade",
    edits: [(doc) => delete doc.costs.lines[1]!.staffGrade],
  },
  {
    ruleId: "rate-as-decimal",
    name: "a rate of exactly 100%",
    edits: [(doc) => (doc.pricing.overheadRate = 1)],
  },
  {
    ruleId: "direct-care-not-charged",
    name: "extracting data recorded in the record, not for direct care",
    edits: [directCareLine("Extract the observations recorded in the electronic record")],
  },
  {
    ruleId: "direct-care-not-charged",
    name: "direct care named, but no collection",
    edits: [directCareLine("Liaison with the direct care team on cohort definitions")],
  },
  {
    ruleId: "fee-charged",
    name: "only a direct allocation",
    edits: [
      noCosts,
      (doc) =>
        (doc.costs.directAllocations = [{ id: "gpu", description: "GPU server", amount: 5000 }]),
    ],
  },
  {
    ruleId: "overhead-recovered",
    name: "non-commercial with no overhead rate",
    edits: [nonCommercial, (doc) => (doc.pricing.overheadRate = 0)],
  },
  {
    ruleId: "fixed-capital-recovered",
    name: "both rates 0 but a direct allocation",
    edits: [
      (doc) => {
        doc.pricing.fixedCostRecoveryRate = 0;
        doc.pricing.capitalCostRecoveryRate = 0;
        doc.costs.directAllocations = [{ id: "gpu", description: "GPU server", amount: 5000 }];
      },
    ],
  },
  {
    ruleId: "fixed-capital-recovered",
    name: "only the capital rate 0",
    edits: [(doc) => (doc.pricing.capitalCostRecoveryRate = 0)],
  },
  {
    ruleId: "fixed-capital-recovered",
    name: "only the fixed rate 0",
    edits: [(doc) => (doc.pricing.fixedCostRecoveryRate = 0)],
  },
  {
    ruleId: "price-by-use",
    name: "a university's non-commercial use",
    edits: [nonCommercial, (doc) => (doc.partner.organisationType = "university")],
  },
  {
    ruleId: "non-commercial-data-price",
    name: "non-commercial, no value sharing",
    edits: [nonCommercial],
  },
  { ruleId: "commercial-value-share", name: "only a fixed payment", edits: [onlyFixedPayment] },
  {
    ruleId: "high-value-data-share",
    name: "3 of 6 high",
    edits: [onlyFixedPayment],
  },
  {
    ruleId: "high-value-data-share",
    name: "4 of 6 high, early exploration",
    edits: [
      fourHigh,
      onlyFixedPayment,
      (doc) => (doc.dataAssets[0]!.intendedUse = "early-exploration"),
    ],
  },
  {
    ruleId: "high-value-data-share",
    name: "4 of 6 high, clinical trial recruitment",
    edits: [
      fourHigh,
      onlyFixedPayment,
      (doc) => (doc.dataAssets[0]!.intendedUse = "clinical-trial-recruitment-monitoring"),
    ],
  },
  { ruleId: "high-value-data-share", name: "4 of 6 high, a royalty", edits: [fourHigh] },
  {
    ruleId: "high-value-data-share",
    name: "4 of 6 high, milestones",
    edits: [
      fourHigh,
      (doc) =>
        (doc.valueSharing = {
          milestones: [{ description: "CE mark", amount: 50000, year: 2, probability: 0.5 }],
        }),
    ],
  },
  {
    ruleId: "high-value-data-share",
    name: "4 of 6 high, non-commercial",
    edits: [fourHigh, nonCommercial],
  },
  { ruleId: "consent-to-commercialise", name: "commercial use without the clause", edits: [] },
  { ruleId: "non-commercial-open-outputs", name: "open outputs", edits: [nonCommercial] },
  {
    ruleId: "non-commercial-open-outputs",
    name: "NHS-owned IP, open outputs",
    edits: [nonCommercial, (doc) => (doc.foregroundIpOwner = "nhs")],
  },
  {
    ruleId: "non-commercial-open-outputs",
    name: "commercial use, outputs not open",
    edits: [(doc) => (doc.outputsOpen = false)],
  },
  {
    ruleId: "royalty-rate",
    name: "15% exactly",
    edits: [(doc) => (doc.valueSharing.royalty!.tiers = [{ threshold: 0, rate: 0.15 }])],
  },
  { ruleId: "royalty-minimum", name: "no royalty", edits: [onlyFixedPayment] },
  { ruleId: "royalty-minimum", name: "a minimum, on a draft", edits: [draft] },
  {
    ruleId: "value-sharing-policy",
    name: "a fixed payment only, with a policy that prefers milestones or a royalty for high-value data",
    edits: [onlyFixedPayment],
    context: { strategy: strategyWith((s) => (s.valueSharingPolicy = POLICY)) },
  },
  {
    ruleId: "value-sharing-policy",
    name: "high-value data with only a fixed payment, with no policy in the strategy",
    edits: [fourHigh, onlyFixedPayment],
    context: { strategy: cleanStrategy() },
  },
  { ruleId: "patient-benefit", name: "stated, on a draft", edits: [draft] },
  {
    ruleId: "future-returns",
    name: "non-commercial subscription",
    edits: [
      nonCommercial,
      (doc) => (doc.valueSharing = { subscription: { annualFee: 1000, years: 1 } }),
    ],
  },
  { ruleId: "no-exclusivity", name: "none requested, on a draft", edits: [draft] },
  { ruleId: "transparency", name: "published, on a draft", edits: [draft] },
  {
    ruleId: "shared-access-justified",
    name: "in the NHS's own environment",
    edits: [(doc) => (doc.accessRoute = "nhs-environment")],
  },
  {
    ruleId: "information-governance",
    name: "all complete, once accepted",
    edits: [accepted],
  },
  {
    ruleId: "information-governance",
    name: "a completed DPIA for data shared with the partner, once accepted",
    edits: [accepted, sharedWithPartner],
  },
  {
    ruleId: "information-governance",
    name: "DPA and DSA not applicable in an SDE",
    edits: [
      (doc) => {
        doc.informationGovernance.dataProcessingAgreement = "not-applicable";
        doc.informationGovernance.dataSharingAgreement = "not-applicable";
      },
    ],
  },
  { ruleId: "supplier-due-diligence", name: "complete, on a draft", edits: [draft] },
  {
    ruleId: "quote-still-valid",
    name: "checked on its last valid day",
    edits: [],
    context: { asOf: "2025-06-30" },
  },
  {
    ruleId: "quote-still-valid",
    name: "no date to check against: as of the quote date",
    edits: [],
  },
  {
    ruleId: "quote-still-valid",
    name: "a draft with no validity date yet",
    edits: [draft],
    context: { asOf: "2030-01-01" },
  },
  {
    ruleId: "quote-still-valid",
    name: "accepted: its validity no longer matters",
    edits: [accepted],
    context: { asOf: "2030-01-01" },
  },
];

describe("principle rules", () => {
  test("ids are unique, and every rule has a trigger and a silent case", () => {
    const ids = PRINCIPLE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...new Set(TRIGGERS.map((t) => t.ruleId))].sort()).toEqual([...ids].sort());
    expect([...new Set(SILENT.map((t) => t.ruleId))].sort()).toEqual([...ids].sort());
  });

  test("the rules are in the order the principles are read: commercial 1-4, then DHSC 1-5", () => {
    expect(PRINCIPLE_RULES.map((rule) => rule.principle)).toEqual([
      "Commercial principles 1 and 3",
      "Commercial principles 1 and 3",
      "Commercial principle 1",
      "Commercial principle 1",
      "Commercial principle 1",
      "Commercial principle 2",
      "Commercial principle 2",
      "Commercial principle 2",
      "Commercial principle 2",
      "Commercial principle 3",
      "Commercial principle 4",
      "Commercial principle 4",
      "Commercial principle 4",
      "Commercial principle 4",
      "Commercial principle 4",
      "Commercial principle 4",
      "Commercial principle 4",
      "Commercial principle 4",
      "Commercial principles 1 and 4",
      "DHSC principle 1",
      "DHSC principle 2",
      "DHSC principle 2",
      "DHSC principle 3",
      "DHSC principle 4",
      "DHSC principle 5",
      "DHSC principle 5",
      "DHSC principle 5",
    ]);
    for (const rule of PRINCIPLE_RULES) {
      expect(rule.summary.length).toBeGreaterThan(20);
      expect(rule.guideSection).toMatch(/^(CIDC guide|DHSC guiding principles)/);
    }
  });

  test("the clean document has no findings at all, with or without its strategy at hand", () => {
    expect(checkPrinciples(clean())).toEqual([]);
    expect(checkPrinciples(clean(), undefined, { strategy: cleanStrategy() })).toEqual([]);
    for (const rule of PRINCIPLE_RULES) {
      expect(rule.check(clean(), priceQuote(clean()), {})).toEqual([]);
      expect(rule.check(clean(), priceQuote(clean()), { strategy: cleanStrategy() })).toEqual([]);
    }
  });

  test.each(TRIGGERS)(
    "$ruleId ($principle) fires: $name",
    ({ ruleId, principle, edits, context, expected, message }) => {
      const doc = docWith(...edits);
      const findings = findingsOf(ruleId, doc, context);
      expect(brief(findings)).toEqual(expected);
      for (const finding of findings) {
        expect(finding.ruleId).toBe(ruleId);
        expect(finding.principle).toBe(principle);
        expect(finding.guideSection).toBe(ruleNamed(ruleId).guideSection);
        expect(finding.message).toMatch(message);
      }
      // ...and the whole check reports the same findings (sorted by severity).
      const all = checkPrinciples(doc, undefined, context).filter((f) => f.ruleId === ruleId);
      expect(all).toHaveLength(findings.length);
      expect(all).toEqual(expect.arrayContaining(findings));
    }
  );

  test.each(SILENT)("$ruleId is silent: $name", ({ ruleId, edits, context }) => {
    expect(findingsOf(ruleId, docWith(...edits), context)).toEqual([]);
  });
});

describe("rule details", () => {
  describe("rates-consistent", () => {
    test("an override is a warning with or without the strategy at hand, and the override silences the difference", () => {
      const doc = docWith((d) => {
        d.pricing.overheadRate = 0.15;
        d.pricing.overrides = [override("overheadRate", 0.2, "Pilot")];
      });
      const without = findingsOf("rates-consistent", doc);
      const withStrategy = findingsOf("rates-consistent", doc, { strategy: cleanStrategy() });
      expect(brief(without)).toEqual([["warning", "pricing.overheadRate"]]);
      expect(withStrategy).toEqual(without);
    });

    test("each override is its own warning, in the order recorded", () => {
      const doc = docWith((d) => {
        d.pricing.capitalCostRecoveryRate = 0;
        d.pricing.staffOnCostRate = 0.2;
        d.pricing.overrides = [
          override("capitalCostRecoveryRate", 0.05, "The partner brings its own compute"),
          override("staffOnCostRate", 0.25, "Honorary contracts carry no pension"),
        ];
      });
      const findings = findingsOf("rates-consistent", doc, { strategy: cleanStrategy() });
      expect(brief(findings)).toEqual([
        ["warning", "pricing.capitalCostRecoveryRate"],
        ["warning", "pricing.staffOnCostRate"],
      ]);
      expect(findings[0]?.message).toMatch(
        /capital-cost recovery rate is 0% instead of the strategy's 5%\. Reason recorded: "The partner brings its own compute"/
      );
      expect(findings[1]?.message).toMatch(
        /staff on-cost rate is 20% instead of the strategy's 25%/
      );
    });

    test("a rate that differs is found next to one that is overridden", () => {
      const doc = docWith((d) => {
        d.pricing.overheadRate = 0.15;
        d.pricing.capitalCostRecoveryRate = 0.07;
        d.pricing.overrides = [override("overheadRate", 0.2, "Pilot")];
      });
      expect(brief(findingsOf("rates-consistent", doc, { strategy: cleanStrategy() }))).toEqual([
        ["warning", "pricing.overheadRate"],
        ["error", "pricing.capitalCostRecoveryRate"],
      ]);
    });

    test("another strategy's id is the one finding: its rates and lines are not compared", () => {
      const doc = docWith(
        (d) => (d.pricing.staffOnCostRate = 0.3),
        (d) => (d.costs.lines[0]!.staffGrade = "band-9")
      );
      const strategy = strategyWith((s) => (s.id = "OTHER-PRICING"));
      expect(brief(findingsOf("rates-consistent", doc, { strategy }))).toEqual([
        ["error", "pricing.strategy.id"],
      ]);
    });

    test("an older revision is the one finding: a quote keeps the rates of the revision it names", () => {
      const doc = docWith((d) => (d.pricing.staffOnCostRate = 0.3));
      const strategy = strategyWith((s) => {
        s.revision = 2;
        s.staffTime.onCostRate = 0.3;
      });
      expect(brief(findingsOf("rates-consistent", doc, { strategy }))).toEqual([
        ["info", "pricing.strategy.revision"],
      ]);
    });

    test("a grade's unit matters as well as its rate: the unit is the one finding", () => {
      const doc = docWith((d) => {
        d.costs.lines[1]!.unit = "hour";
        d.costs.lines[1]!.unitCost = 41.33;
      });
      const findings = findingsOf("rates-consistent", doc, { strategy: cleanStrategy() });
      expect(brief(findings)).toEqual([["error", "costs.lines[1].unit"]]);
      expect(findings[0]?.message).toMatch(
        /41\.33 per hour, but the strategy's Band 6 analyst is priced per day \(310 per day\).*Give the quantity in days at the grade's rate/
      );
    });

    test("a standard item's price matters as well as its pass-through", () => {
      const doc = docWith((d) => {
        d.costs.lines[2]!.standardItem = "sde-user-month";
        d.costs.lines[2]!.passThrough = true;
        d.costs.lines[2]!.unitCost = 480;
      });
      const findings = findingsOf("rates-consistent", doc, { strategy: cleanStrategy() });
      expect(brief(findings)).toEqual([["error", "costs.lines[2].unitCost"]]);
      expect(findings[0]?.message).toMatch(
        /480 per user-month as a pass-through, but the strategy's SDE user account is 472 per user-month as a pass-through/
      );
    });
  });

  test("fee-charged looks at the priced total, not at the lines: a zero-cost line is still no fee", () => {
    const doc = docWith(noCosts, (d) => {
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
    expect(brief(findingsOf("fee-charged", doc))).toEqual([["error", "costs.lines"]]);
  });

  test("commercial-value-share: terms that pay nothing do not count", () => {
    const doc = docWith((d) => {
      d.valueSharing = {
        fixedPayment: { amount: 0 },
        subscription: { annualFee: 0, years: 1 },
        milestones: [{ description: "never", amount: 100000, year: 2, probability: 0 }],
        royalty: { tiers: [{ threshold: 0, rate: 0 }], termYears: 5 },
      };
    });
    expect(valueSharingTermsInForce(doc)).toEqual([]);
    expect(brief(findingsOf("commercial-value-share", doc))).toEqual([["error", "valueSharing"]]);
    // a royalty at 0% with an annual minimum does pay
    expect(
      findingsOf(
        "commercial-value-share",
        docWith(
          (d) =>
            (d.valueSharing = {
              royalty: { tiers: [{ threshold: 0, rate: 0 }], annualMinimum: 5000, termYears: 5 },
            })
        )
      )
    ).toEqual([]);
  });

  test.each<PartnershipInput["valueSharing"]>([
    { fixedPayment: { amount: 25000 } },
    { subscription: { annualFee: 12000, years: 3 } },
    { milestones: [{ description: "CE mark", amount: 50000, year: 2, probability: 0.5 }] },
    { royalty: { tiers: [{ threshold: 0, rate: 0.05 }], termYears: 10 } },
  ])("each value-sharing mechanism alone satisfies commercial principle 4: %j", (valueSharing) => {
    expect(
      findingsOf(
        "commercial-value-share",
        docWith((d) => (d.valueSharing = valueSharing))
      )
    ).toEqual([]);
  });

  describe("high-value-data-share", () => {
    test.each(["train-validate-ai-model", "deploy-ai-model", "real-world-study"] as const)(
      "fires for a product-building use: %s",
      (use) => {
        const doc = docWith(
          fourHigh,
          onlyFixedPayment,
          (d) => (d.dataAssets[0]!.intendedUse = use)
        );
        expect(brief(findingsOf("high-value-data-share", doc))).toEqual([
          ["warning", "dataAssets[0]"],
        ]);
      }
    );

    test("6 of 6 high lists all six; only the high-value asset is named", () => {
      const doc = docWith(onlyFixedPayment, (d) => {
        const lowAsset = d.dataAssets[0]!;
        d.dataAssets = [
          lowAsset,
          {
            ...lowAsset,
            name: "Cradle-to-grave cohort",
            availability: "high",
            quantityQuality: "high",
            linkage: "high",
            features: "high",
            diversity: "high",
            coverage: "high",
          },
        ];
      });
      const findings = findingsOf("high-value-data-share", doc);
      expect(brief(findings)).toEqual([["warning", "dataAssets[1]"]]);
      expect(findings[0]?.message).toMatch(
        /"Cradle-to-grave cohort" is high-value data \(6 of 6 characteristics high: rare data, such as a unique patient cohort; high quantity or quality; well linked to other data; high volume of features, variables or complexity; high diversity of population; high coverage, for example cradle to grave\)/
      );
    });

    test("a royalty that pays nothing does not silence it", () => {
      const doc = docWith(fourHigh, (d) => {
        d.valueSharing = {
          fixedPayment: { amount: 20000 },
          royalty: { tiers: [{ threshold: 0, rate: 0 }], termYears: 5 },
        };
      });
      expect(brief(findingsOf("high-value-data-share", doc))).toEqual([
        ["warning", "dataAssets[0]"],
      ]);
    });
  });

  test("royalty-minimum is a warning on an accepted quote too", () => {
    const doc = docWith(accepted, (d) => delete d.valueSharing.royalty?.annualMinimum);
    expect(brief(findingsOf("royalty-minimum", doc))).toEqual([
      ["warning", "valueSharing.royalty.annualMinimum"],
    ]);
  });

  test("non-commercial-open-outputs applies whoever owns the foreground IP", () => {
    for (const owner of ["nhs", "partner", "joint"] as const) {
      const doc = docWith(nonCommercial, (d) => {
        d.foregroundIpOwner = owner;
        d.outputsOpen = false;
      });
      expect(brief(findingsOf("non-commercial-open-outputs", doc))).toEqual([
        ["warning", "outputsOpen"],
      ]);
    }
  });

  test("information governance: a quote that is declined or withdrawn is not accepted, so no error", () => {
    const declined = docWith(
      (d) => {
        d.quote.stage = "declined";
        d.quote.declinedOn = "2025-04-20";
      },
      (d) => (d.informationGovernance.dpia = "not-started")
    );
    expect(brief(findingsOf("information-governance", declined))).toEqual([
      ["warning", "informationGovernance.dpia"],
    ]);
  });
});

describe("checkPrinciples", () => {
  test("sorts errors first, then warnings, then information, keeping rule order within a severity", () => {
    const doc = docWith((d) => {
      d.partner.organisationType = "charity"; // info: price-by-use
      d.exclusivityRequested = true; // error: no-exclusivity
      d.informationGovernance.dpia = "in-progress"; // info on an issued quote
      d.expectedPatientBenefit = ""; // error on an issued quote
      d.publishedInDataUseRegister = false; // warning
      d.valueSharing = { fixedPayment: { amount: 10000 } }; // info: future returns
    });
    const findings = checkPrinciples(doc);
    expect(findings.map((f) => [f.severity, f.ruleId])).toEqual([
      ["error", "patient-benefit"],
      ["error", "no-exclusivity"],
      ["warning", "transparency"],
      ["info", "price-by-use"],
      ["info", "future-returns"],
      ["info", "information-governance"],
    ]);
    expect(hasErrors(findings)).toBe(true);
    expect(hasErrors(findings.filter((f) => f.severity !== "error"))).toBe(false);
  });

  test("accepts a quote already priced, and passes the strategy on to the rules", () => {
    const doc = docWith((d) => (d.pricing.overheadRate = 0.25));
    expect(checkPrinciples(doc, priceQuote(doc))).toEqual([]);
    expect(
      checkPrinciples(doc, priceQuote(doc), { strategy: cleanStrategy() }).map((f) => [
        f.severity,
        f.ruleId,
        f.field,
      ])
    ).toEqual([["error", "rates-consistent", "pricing.overheadRate"]]);
  });

  /** The strategy of an example's trust, by its ODS code (R9X Northvale, RWB Westbridge, RE8 Eastmere). */
  const strategyOf = (doc: Partnership): PricingStrategy => {
    const ods = doc.trust.odsCode;
    if (ods !== "R9X" && ods !== "RWB" && ods !== "RE8") throw new Error(`no strategy for ${ods}`);
    return exampleStrategy(ods);
  };

  test.each(EXAMPLE_FILES)(
    "no example has an error finding, with or without its trust's strategy: %s",
    (file) => {
      const doc = example(file);
      for (const context of [{}, { strategy: strategyOf(doc) }]) {
        const findings = checkPrinciples(doc, undefined, context);
        expect({ file, errors: findings.filter((f) => f.severity === "error") }).toEqual({
          file,
          errors: [],
        });
      }
    }
  );

  test("what the examples report, with their trusts' strategies at hand", () => {
    const summary = (file: (typeof EXAMPLE_FILES)[number]) => {
      const doc = example(file);
      return checkPrinciples(doc, undefined, { strategy: strategyOf(doc) }).map(
        (f) => `${f.severity} ${f.ruleId} ${f.field ?? ""}`
      );
    };
    // A draft for a university's non-commercial study: the strategy's 20% overhead is not charged.
    // Its patient and public involvement panel is charged per meeting as staff time, with on-costs.
    expect(summary("academic-sde-study.json")).toEqual([
      "warning per-meeting-fee costs.lines[5].kind",
      "info overhead-not-applied pricing.overheadRate",
    ]);
    // Issued, with a royalty capped but with no annual minimum; the data access committee's review
    // is charged per review as staff time. Its high-value data shares through a royalty of 4% rising
    // to 6%, as Northvale's value-sharing policy prefers, above its lowest rate of 3%; the policy sets
    // no annual minimum, and its definitions of the royalty's base are given to the agreement.
    expect(summary("commercial-imaging-ai.json")).toEqual([
      "warning per-meeting-fee costs.lines[5].kind",
      "warning royalty-minimum valueSharing.royalty.annualMinimum",
      "info value-sharing-policy valueSharing.royalty",
    ]);
    // A draft whose data sharing agreement is still in progress; its research board and patient
    // panel are charged per meeting as staff time. Dated 15 September 2025, it prices NHS England's
    // DARS application and review at the charges that apply from 1 April 2026.
    expect(summary("commercial-rwe-milestones.json")).toEqual([
      "warning strategy-current costs.lines[6].standardItem",
      "warning strategy-current costs.lines[7].standardItem",
      "warning per-meeting-fee costs.lines[5].kind",
      // Its terms are worth less than a fair share of the product (test/core/fairShareRule.test.ts).
      "warning fair-share valueSharing",
      "info information-governance informationGovernance.dataSharingAgreement",
    ]);
    // A draft whose supplier due diligence is in progress, with a subscription only.
    expect(summary("sme-subscription.json")).toEqual([
      "warning supplier-due-diligence informationGovernance.supplierDueDiligence",
      "info future-returns valueSharing",
    ]);
  });
});

describe("commercial principle 3: the price depends on the use, never on the kind of partner", () => {
  const partnership = fc.record({
    use: fc.constantFrom("commercial" as const, "non-commercial" as const),
    stage: fc.constantFrom("draft" as const, "issued" as const),
    staffOnCostRate: fc.integer({ min: 0, max: 5000 }).map((n) => n / 10000),
    overheadRate: fc.integer({ min: 0, max: 5000 }).map((n) => n / 10000),
    fixedCostRecoveryRate: fc.integer({ min: 0, max: 3000 }).map((n) => n / 10000),
    capitalCostRecoveryRate: fc.integer({ min: 0, max: 3000 }).map((n) => n / 10000),
    quantities: fc.array(
      fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
      {
        minLength: 3,
        maxLength: 3,
      }
    ),
    unitCosts: fc.array(
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 10000),
      {
        minLength: 3,
        maxLength: 3,
      }
    ),
  });

  function documentFrom(sample: {
    use: "commercial" | "non-commercial";
    stage: "draft" | "issued";
    staffOnCostRate: number;
    overheadRate: number;
    fixedCostRecoveryRate: number;
    capitalCostRecoveryRate: number;
    quantities: number[];
    unitCosts: number[];
  }): Partnership {
    return docWith((d) => {
      if (sample.stage === "draft") draft(d);
      d.use = sample.use;
      d.pricing = {
        strategy: { id: "TEST-PRICING", revision: 1 },
        staffOnCostRate: sample.staffOnCostRate,
        overheadRate: sample.overheadRate,
        fixedCostRecoveryRate: sample.fixedCostRecoveryRate,
        capitalCostRecoveryRate: sample.capitalCostRecoveryRate,
      };
      d.costs.lines.forEach((line, i) => {
        line.quantity = sample.quantities[i] ?? 0;
        line.unitCost = sample.unitCosts[i] ?? 0;
      });
    });
  }

  test("every kind of partner gets the same quote, and the same findings but price-by-use's explanation", () => {
    fc.assert(
      fc.property(partnership, fc.string(), (sample, partnerName) => {
        const base = documentFrom(sample);
        const outcomes = ORGANISATION_TYPES.map((organisationType) => {
          const doc = { ...base, partner: { name: partnerName, organisationType } };
          const quote = priceQuote(doc);
          return {
            total: quote.total.toString(),
            vat: quote.vat.toString(),
            lines: quote.lines.map((line) => line.amount.toString()),
            findings: checkPrinciples(doc, quote, { strategy: cleanStrategy() }).filter(
              (f) => f.ruleId !== "price-by-use"
            ),
          };
        });
        for (const outcome of outcomes) expect(outcome).toEqual(outcomes[0]);
      }),
      { numRuns: 100 }
    );
  });

  // The fair share values the terms with the partner's risk of not paying, whose starting point is
  // the organisation type; it judges the terms' worth, never the price.
  test("no rule but price-by-use (and the fair share's valuation) even reads partner.organisationType", () => {
    const doc = example("commercial-imaging-ai.json");
    const partner = { name: doc.partner.name } as Partnership["partner"];
    Object.defineProperty(partner, "organisationType", {
      enumerable: true,
      get() {
        throw new Error("read partner.organisationType");
      },
    });
    const sneaky = { ...doc, partner };
    const quote = priceQuote(doc);
    for (const rule of PRINCIPLE_RULES.filter(
      (r) => !["price-by-use", "fair-share"].includes(r.id)
    ))
      expect(() => rule.check(sneaky, quote, { strategy: exampleStrategy("R9X") })).not.toThrow();
    expect(() => ruleNamed("price-by-use").check(sneaky, quote, {})).toThrow(
      "read partner.organisationType"
    );
  });
});

describe("the strategy's recovery base, dated items and overheads in the fixed pool", () => {
  const northvale = exampleStrategy("R9X");
  const academic = example("academic-sde-study.json");
  const ruleFindings = (doc: Partnership, strategy: PricingStrategy, ruleId: string) =>
    checkPrinciples(doc, undefined, { strategy })
      .filter((finding) => finding.ruleId === ruleId)
      .map((finding) => `${finding.severity} ${finding.field ?? ""}`);

  test("a quote whose base treats pass-through charges unlike its strategy is a finding", () => {
    const excluding: PricingStrategy = {
      ...northvale,
      recoveryBase: { ...northvale.recoveryBase, passThrough: "excluded" },
    };
    // The academic draft keeps NHS England's charges in its base (as revision 3 does).
    expect(ruleFindings(academic, northvale, "rates-consistent")).toEqual([]);
    expect(ruleFindings(academic, excluding, "rates-consistent")).toEqual([
      "warning pricing.passThroughInRecoveryBase",
    ]);
    const issued: Partnership = {
      ...academic,
      quote: { ...academic.quote, stage: "issued", issuedOn: "2025-05-13" },
    };
    expect(ruleFindings(issued, excluding, "rates-consistent")).toEqual([
      "error pricing.passThroughInRecoveryBase",
    ]);
  });

  test("a standard item whose price is not in force on the quote date is a warning", () => {
    // dao-setup is NHS England's SDE project set-up, in force from 1 April 2025; the quote is 12 May 2025.
    expect(ruleFindings(academic, northvale, "strategy-current")).toEqual([]);
    const later: PricingStrategy = {
      ...northvale,
      standardItems: northvale.standardItems.map((item) =>
        item.id === "nhse-sde-setup" ? { ...item, effectiveFrom: "2025-06-01" } : item
      ),
    };
    expect(ruleFindings(academic, later, "strategy-current")).toEqual([
      "warning costs.lines[7].standardItem",
    ]);
    const ended: PricingStrategy = {
      ...northvale,
      standardItems: northvale.standardItems.map((item) =>
        item.id === "nhse-sde-setup" ? { ...item, effectiveUntil: "2025-05-11" } : item
      ),
    };
    expect(
      checkPrinciples(academic, undefined, { strategy: ended }).find(
        (finding) => finding.ruleId === "strategy-current"
      )?.message
    ).toMatch(/whose price ended on 11 May 2025, before the quote date \(12 May 2025\)/);
  });

  test("an overhead rate of 0 is accepted when the strategy's fixed pool carries the overheads", () => {
    const imaging = example("commercial-imaging-ai.json");
    const noOverhead: Partnership = {
      ...imaging,
      pricing: { ...imaging.pricing, overheadRate: 0 },
    };
    // Without the strategy at hand, or with one that has an overhead rate, it is an error once issued.
    expect(
      checkPrinciples(noOverhead)
        .filter((finding) => finding.ruleId === "overhead-recovered")
        .map((finding) => finding.severity)
    ).toEqual(["error"]);
    const carried: PricingStrategy = {
      ...northvale,
      overhead: {
        rate: 0,
        covers: "Nothing: the fixed pool carries the overheads",
        components: [],
      },
      fixedCostRecovery: {
        ...northvale.fixedCostRecovery,
        components: ["estates-utilities", "finance-legal", "management-administration"],
      },
    };
    expect(ruleFindings(noOverhead, carried, "overhead-recovered")).toEqual([
      "info pricing.overheadRate",
    ]);
    expect(ruleFindings(noOverhead, northvale, "overhead-recovered")).toEqual([
      "error pricing.overheadRate",
    ]);
  });
});
