import type { IgStatus, Partnership } from "../../document/schema";
import type { Finding, PrincipleRule, Severity } from "./types";

/**
 * The DHSC's five guiding principles (2019) and the CIDC's four commercial principles (guide,
 * chapter 4) as explicit rules. Each rule reads the document (and the quote where a price matters)
 * and says, in plain English, what a finance officer should fix or know. A clean partnership gets no
 * findings.
 *
 * Commercial principle 3 ("the cost of access should depend on how data is being used ... not on the
 * nature of the partner organisation") is not a check here: it holds by construction, because
 * `priceQuote` never reads the partner's organisation type. The `price-by-use` rule only explains
 * the basis when a partner's kind might lead someone to expect a different one.
 */

function rule(
  definition: Omit<PrincipleRule, "check">,
  check: (doc: Partnership, quote: Parameters<PrincipleRule["check"]>[1], emit: Emit) => void
): PrincipleRule {
  return {
    ...definition,
    check(doc, quote) {
      const findings: Finding[] = [];
      const emit: Emit = (severity, message, field) => {
        findings.push({
          ruleId: definition.id,
          severity,
          message,
          principle: definition.principle,
          guideSection: definition.guideSection,
          ...(field === undefined ? {} : { field }),
        });
      };
      check(doc, quote, emit);
      return findings;
    },
  };
}

type Emit = (severity: Severity, message: string, field?: string) => void;

const isBlank = (text: string | undefined): boolean => text === undefined || text.trim() === "";

const percent = (rate: number): string => `${Number((rate * 100).toPrecision(12))}%`;

/** The value-sharing terms that would actually pay the NHS something. */
export function valueSharingTermsInForce(doc: Partnership): string[] {
  const { fixedPayment, subscription, milestones, royalty } = doc.valueSharing;
  const terms: string[] = [];
  if (fixedPayment !== undefined && fixedPayment.amount > 0) terms.push("fixed payment");
  if (subscription !== undefined && subscription.annualFee > 0) terms.push("subscription");
  if (milestones !== undefined && milestones.some((m) => m.amount > 0 && m.probability > 0))
    terms.push("milestone payments");
  if (
    royalty !== undefined &&
    (royalty.tiers.some((tier) => tier.rate > 0) || (royalty.annualMinimum ?? 0) > 0)
  ) {
    terms.push("revenue royalty");
  }
  return terms;
}

// ---------------------------------------------------------------------------------------------
// The commercial principles (CIDC guide, chapter 4)
// ---------------------------------------------------------------------------------------------

export const feeCharged = rule(
  {
    id: "fee-charged",
    principle: "Commercial principle 2",
    guideSection:
      "CIDC guide, chapter 4: Principle 2, the NHS will always charge a fee for accessing health data",
    summary:
      "The quote must not come to nothing: the NHS always recovers the cost of providing access.",
  },
  (doc, quote, emit) => {
    if (quote.total.isZero()) {
      emit(
        "error",
        "The quote comes to £0.00. The NHS always charges a fee for access to health data: add the services and data-access costs this partnership incurs (staff time, SDE accounts, licences, a share of fixed and capital costs). Not recovering them takes money from frontline services.",
        "costs.lines"
      );
    }
  }
);

export const commercialValueShare = rule(
  {
    id: "commercial-value-share",
    principle: "Commercial principle 4",
    guideSection:
      "CIDC guide, chapter 4: Principle 4, the NHS should share in the value created by its data; chapter 1: Value sharing",
    summary:
      "Commercial use needs at least one value-sharing term: a fixed payment, subscription, milestones or a royalty.",
  },
  (doc, _quote, emit) => {
    if (doc.use === "commercial" && valueSharingTermsInForce(doc).length === 0) {
      emit(
        "error",
        "This is commercial use but the agreement has no value-sharing term that pays anything. The NHS should share in the value its data creates: agree a fixed payment, a subscription, milestone payments or a revenue royalty, in proportion to the NHS's contribution. The cost-recovery fee alone does not share value.",
        "valueSharing"
      );
    }
  }
);

export const consentToCommercialise = rule(
  {
    id: "consent-to-commercialise",
    principle: "Commercial principle 4",
    guideSection:
      "CIDC guide, chapter 4: Principle 4; chapter 1: Commercial and non-commercial uses of data",
    summary: "Non-commercial use should include a consent-to-commercialise clause.",
  },
  (doc, _quote, emit) => {
    if (doc.use === "non-commercial" && !doc.consentToCommercialise) {
      emit(
        "warning",
        "This non-commercial agreement has no consent-to-commercialise clause. Add one, so that if the work later turns commercial the value sharing must be agreed with the NHS before any commercial use is permitted.",
        "consentToCommercialise"
      );
    }
  }
);

export const royaltyRate = rule(
  {
    id: "royalty-rate",
    principle: "Commercial principle 4",
    guideSection: "CIDC guide, chapter 4: Principle 4 (value shares that do not stifle innovation)",
    summary: "A royalty rate above 15% is rare in licensing practice and may deter the partner.",
  },
  (doc, _quote, emit) => {
    doc.valueSharing.royalty?.tiers.forEach((tier, index) => {
      if (tier.rate > 0.15) {
        emit(
          "warning",
          `The royalty rate of ${percent(tier.rate)} on this tier is above 15%, which is rare in licensing (medical devices typically 3% to 8%, software 5% to 8%). Check it is proportionate to the NHS's contribution: value shares that stifle innovation work against the NHS.`,
          `valueSharing.royalty.tiers[${index}].rate`
        );
      }
    });
  }
);

export const priceByUse = rule(
  {
    id: "price-by-use",
    principle: "Commercial principle 3",
    guideSection:
      "CIDC guide, chapter 4: Principle 3, the cost of access should depend on how data is being used",
    summary:
      "Explains the pricing basis when the partner's kind might suggest a different one; the price never depends on it.",
  },
  (doc, quote, emit) => {
    const kind = doc.partner.organisationType;
    const nonProfitKinds = new Set(["university", "charity", "public-body", "nhs-organisation"]);
    if (doc.use === "commercial" && nonProfitKinds.has(kind)) {
      emit(
        "info",
        `The partner is recorded as a ${kind.replace(/-/g, " ")}, but the use is commercial, so the quote is at ${quote.basis}. The charge depends on how the data is used, not on the kind of organisation.`,
        "use"
      );
    } else if (doc.use === "non-commercial" && (kind === "large-company" || kind === "sme")) {
      emit(
        "info",
        `The partner is a company, but the use is non-commercial, so the quote is at ${quote.basis}. The charge depends on how the data is used, not on the kind of organisation; make sure the outputs really will be openly licensed.`,
        "use"
      );
    }
  }
);

export const overheadNotApplied = rule(
  {
    id: "overhead-not-applied",
    principle: "Commercial principle 3",
    guideSection:
      "CIDC guide, chapter 5: Pricing strategy categories (non-commercial pricing approach: marginal cost)",
    summary:
      "Says when an overhead rate is recorded but not charged because the use is non-commercial.",
  },
  (doc, _quote, emit) => {
    if (doc.use === "non-commercial" && doc.costs.overheadRate > 0) {
      emit(
        "info",
        `The overhead rate of ${percent(doc.costs.overheadRate)} is recorded but not charged: non-commercial use is priced at marginal cost. It would apply if the use became commercial.`,
        "costs.overheadRate"
      );
    }
  }
);

export const nonCommercialDataPrice = rule(
  {
    id: "non-commercial-data-price",
    principle: "Commercial principle 1",
    guideSection:
      "CIDC guide, chapter 5: Pricing your data (non-commercial uses: the price of data should not be factored into the cost)",
    summary: "Non-commercial use should not carry value-sharing payments for the data itself.",
  },
  (doc, _quote, emit) => {
    if (doc.use !== "non-commercial") return;
    const terms = valueSharingTermsInForce(doc);
    if (terms.length > 0) {
      emit(
        "warning",
        `This is non-commercial use but the agreement also asks for ${terms.join(", ")}. For non-commercial use the price of the data itself should not be charged and outputs are open; value sharing is negotiated under the consent-to-commercialise clause if the work turns commercial. Check whether the use is really commercial.`,
        "valueSharing"
      );
    }
  }
);

// ---------------------------------------------------------------------------------------------
// DHSC's five guiding principles (2019)
// ---------------------------------------------------------------------------------------------

export const patientBenefit = rule(
  {
    id: "patient-benefit",
    principle: "DHSC principle 1",
    guideSection:
      "DHSC guiding principles (2019), principle 1; CIDC guide, chapter 2: 5 principles for data partnerships",
    summary:
      "The partnership must state an explicit aim to improve patient health and care or the operation of the NHS.",
  },
  (doc, _quote, emit) => {
    if (isBlank(doc.expectedPatientBenefit)) {
      emit(
        "error",
        "No expected patient benefit is recorded. Any use of NHS data must have an explicit aim to improve the health, welfare or care of patients, or the operation of the NHS; state it, with quantifiable benefits where possible.",
        "expectedPatientBenefit"
      );
    }
  }
);

export const fairTermsFutureReturns = rule(
  {
    id: "future-returns",
    principle: "DHSC principle 2",
    guideSection:
      "DHSC guiding principles (2019), principle 2 (fair terms); CIDC guide, chapter 1: Value sharing",
    summary:
      "For commercial use with only fixed or subscription payments, notes that the NHS does not share in future product returns.",
  },
  (doc, _quote, emit) => {
    if (doc.use !== "commercial") return;
    const terms = valueSharingTermsInForce(doc);
    const onlyUpfront =
      terms.length > 0 &&
      terms.every((term) => term === "fixed payment" || term === "subscription");
    if (onlyUpfront) {
      emit(
        "info",
        "Value is shared only through fixed or subscription payments, so the NHS will not share in future returns from product sales. That can be fair for an early or small partnership; consider milestone payments or a royalty if the product may succeed.",
        "valueSharing"
      );
    }
  }
);

export const noExclusivity = rule(
  {
    id: "no-exclusivity",
    principle: "DHSC principle 3",
    guideSection:
      "DHSC guiding principles (2019), principle 3 and section 4; CIDC guide, chapter 2: 5 principles for data partnerships",
    summary: "NHS organisations must not grant exclusive rights to raw NHS data.",
  },
  (doc, _quote, emit) => {
    if (doc.exclusivityRequested) {
      emit(
        "error",
        "The partner has asked for exclusivity. NHS organisations should not enter exclusive arrangements for raw NHS data, nor terms that stop the benefits being used nationally. Remove the exclusivity before agreeing the partnership.",
        "exclusivityRequested"
      );
    }
  }
);

export const transparency = rule(
  {
    id: "transparency",
    principle: "DHSC principle 4",
    guideSection:
      "DHSC guiding principles (2019), principle 4: arrangements should be transparent and clearly communicated",
    summary: "Partnerships should be transparent, so the public can see how NHS data is used.",
  },
  (doc, _quote, emit) => {
    if (doc.publishedInDataUseRegister !== true) {
      emit(
        "warning",
        doc.publishedInDataUseRegister === false
          ? "The partnership is not going to be listed in the trust's public register of data uses. Arrangements should be transparent and clearly communicated to support public trust: publish the partner, the purpose and the commercial basis."
          : "The document does not say whether the partnership will be listed in the trust's public register of data uses. Arrangements should be transparent and clearly communicated: record publishedInDataUseRegister once it is decided.",
        "publishedInDataUseRegister"
      );
    }
  }
);

export const sharedAccessJustified = rule(
  {
    id: "shared-access-justified",
    principle: "DHSC principle 5",
    guideSection:
      "CIDC guide, chapter 1: Data access arrangements (sharing with the third party needs significant justification)",
    summary: "Sharing data with the partner, outside an SDE, is exceptional and must be justified.",
  },
  (doc, _quote, emit) => {
    if (doc.accessRoute !== "shared-with-partner") return;
    if (isBlank(doc.accessJustification)) {
      emit(
        "error",
        "The data would be shared with the partner, outside the NHS and outside a secure data environment, but no justification is recorded. This route is exceptional (for example a consented cohort) and needs significant justification; otherwise use a secure data environment, the default.",
        "accessJustification"
      );
    } else {
      emit(
        "info",
        "The data would be shared with the partner rather than accessed in a secure data environment. A justification is recorded; make sure your information governance team has reviewed it.",
        "accessRoute"
      );
    }
  }
);

const IG_DOCUMENTS = [
  { key: "dpia", name: "Data Protection Impact Assessment (DPIA)" },
  { key: "dataProcessingAgreement", name: "Data Processing Agreement (DPA)" },
  { key: "dataSharingAgreement", name: "Data Sharing Agreement (DSA)" },
] as const;

export const informationGovernance = rule(
  {
    id: "information-governance",
    principle: "DHSC principle 5",
    guideSection:
      "DHSC guiding principles (2019), principle 5; CIDC guide, chapter 3: Information governance (DPIA, DPA, DSA)",
    summary:
      "The DPIA, data processing agreement and data sharing agreement must be complete (or genuinely not applicable).",
  },
  (doc, _quote, emit) => {
    for (const { key, name } of IG_DOCUMENTS) {
      const status: IgStatus = doc.informationGovernance[key];
      const field = `informationGovernance.${key}`;
      if (status === "not-started") {
        emit(
          "error",
          `The ${name} has not been started. It must be complete before any data is accessed; start it with your information governance team now.`,
          field
        );
      } else if (status === "in-progress") {
        emit(
          "warning",
          `The ${name} is still in progress. The quote can go out, but no data may be accessed until it is complete.`,
          field
        );
      } else if (status === "not-applicable" && key === "dpia") {
        emit(
          "warning",
          "The DPIA is marked not applicable. Processing health data for a partnership almost always needs one under UK GDPR; record why it does not here, or complete one.",
          field
        );
      } else if (
        status === "not-applicable" &&
        key === "dataSharingAgreement" &&
        doc.accessRoute === "shared-with-partner"
      ) {
        emit(
          "error",
          "The data would be shared with the partner, so a Data Sharing Agreement is needed; it cannot be marked not applicable.",
          field
        );
      }
    }
  }
);

/** Every rule, in the order the principles are usually read: commercial principles 1-4, then DHSC 1-5. */
export const PRINCIPLE_RULES: readonly PrincipleRule[] = [
  nonCommercialDataPrice,
  feeCharged,
  priceByUse,
  overheadNotApplied,
  commercialValueShare,
  consentToCommercialise,
  royaltyRate,
  patientBenefit,
  fairTermsFutureReturns,
  noExclusivity,
  transparency,
  sharedAccessJustified,
  informationGovernance,
];
