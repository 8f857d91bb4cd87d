import type { IgStatus, Partnership } from "../../document/schema";
import { valueEndInSentence } from "../../document/labels";
import { highCharacteristics, isHighValue, PRODUCT_BUILDING_USES } from "../valuation/dataValue";
import { RATE_LABELS } from "../pricing/strategy";
import { RATE_AS_DECIMAL, rateAboveWholeMessage } from "../pricing/strategyChecks";
import { OVERHEAD_COMPONENTS, PRICING_RATES, type QuoteStage } from "../../model/vocabulary";
import type { PricingStrategy } from "../../document/strategy";
import type { PrincipleRule, Severity } from "./types";
import { formatLongDate, formatPercent } from "../../model/format";

import { byStage, isBlank, isPerMeetingUnit, mechanismsInForce, rule, TERM_NAMES } from "./ruleKit";
import { ratesConsistent, strategyCurrent } from "./strategyRules";
import { fairShareOfValue } from "./fairShareRule";
import { valueSharingPolicy } from "./policyRules";

export { byStage, isPerMeetingUnit, ratesConsistent, strategyCurrent };
/**
 * The DHSC's five guiding principles (2019) and the CIDC's four commercial principles (guide,
 * chapter 4) as explicit rules. Each rule reads the document (and the quote where a price matters,
 * and the trust's pricing strategy when it is at hand) and says, in plain English, what a finance
 * officer should fix or know. A clean partnership gets no findings.
 *
 * Severity follows the quote's stage where the guide's "must" applies to an agreement rather than to
 * a first draft: what is a warning while the quote is a draft becomes an error once it is issued to
 * the partner (or, for information governance, once it is accepted and data may flow).
 *
 * Commercial principle 3 ("the cost of access should depend on how data is being used ... not on the
 * nature of the partner organisation") holds by construction: `priceQuote` never reads the partner's
 * organisation type. The `price-by-use` rule only explains the basis when a partner's kind might lead
 * someone to expect a different one; `rates-consistent` checks the rates are the trust's own.
 */

/** The value-sharing terms that would actually pay the NHS something, as a sentence names them. */
export function valueSharingTermsInForce(doc: Partnership): string[] {
  return mechanismsInForce(doc).map((kind) => TERM_NAMES[kind]);
}

// ---------------------------------------------------------------------------------------------
// The commercial principles (CIDC guide, chapter 4)
// ---------------------------------------------------------------------------------------------

export const perMeetingFee = rule(
  {
    id: "per-meeting-fee",
    principle: "Commercial principle 1",
    guideSection:
      'CIDC guide, chapter 4: Principle 1 ("A consistent, efficient approach"); chapter 5: Cost category 2, Data access (people costs include "stakeholder meetings such as board or patient and public engagement meetings")',
    summary:
      "A staff-time line charged per meeting, panel or review with no staff grade is probably a fee, which carries no employer's on-costs.",
  },
  (doc, _quote, emit) => {
    doc.costs.lines.forEach((line, index) => {
      if (line.kind !== "staff" || line.staffGrade !== undefined || !isPerMeetingUnit(line.unit))
        return;
      emit(
        "warning",
        `Line ${line.id} is charged at ${line.unitCost} per ${line.unit} as staff time, so employer's on-costs (${formatPercent(doc.pricing.staffOnCostRate)}) are added to it. A per-meeting fee is usually a non-staff charge and should not carry staff on-costs: set kind to "non-staff", or, if it really is staff time, price it at one of the strategy's staff grades.`,
        `costs.lines[${index}].kind`
      );
    });
  }
);

export const rateAsDecimal = rule(
  {
    ...RATE_AS_DECIMAL,
    summary:
      "Every rate is a decimal (0.22 = 22%): a rate above 100% is most likely a percentage typed in by mistake.",
  },
  (doc, _quote, emit) => {
    for (const rate of PRICING_RATES) {
      const field = `pricing.${rate}`;
      const message = rateAboveWholeMessage(RATE_LABELS[rate], doc.pricing[rate], field);
      if (message !== undefined) emit("warning", message, field);
    }
  }
);

export const feeCharged = rule(
  {
    id: "fee-charged",
    principle: "Commercial principle 2",
    guideSection:
      "CIDC guide, chapter 4: Principle 2, the NHS will always charge a fee for accessing health data",
    summary:
      "The quote must not come to nothing: the NHS always recovers the cost of providing access.",
  },
  (_doc, quote, emit) => {
    if (quote.total.isZero()) {
      emit(
        "error",
        "The quote comes to £0.00. The NHS always charges a fee for access to health data: add the services and data-access costs this partnership incurs (staff time, SDE accounts, licences) and recover fixed and capital costs. Not recovering them takes money from frontline services.",
        "costs.lines"
      );
    }
  }
);

/** "Collecting data for direct care", "direct-care recording": the cost the guide never charges. */
function chargesDirectCareCollection(description: string): boolean {
  return (
    /\bdirect[\s-]+care\b/i.test(description) &&
    /\b(collect\w*|record(s|ed|ing)?)\b/i.test(description)
  );
}

export const directCareNotCharged = rule(
  {
    id: "direct-care-not-charged",
    principle: "Commercial principle 2",
    guideSection:
      'CIDC guide, chapter 5: Cost category 2, Data access ("this category should not factor in the cost of collecting the data in the first place as this has usually been done for the purpose of direct care")',
    summary:
      "No cost line charges the partner for collecting the data for direct care, which the NHS does to treat patients anyway.",
  },
  (doc, _quote, emit) => {
    doc.costs.lines.forEach((line, index) => {
      if (!chargesDirectCareCollection(line.description)) return;
      emit(
        byStage(doc.quote.stage, "warning", "error"),
        `Line ${line.id} ("${line.description}") charges for collecting or recording data for direct care. That data was collected to treat patients, not for this partnership, and the guide says its cost is not charged to the partner. Remove the line; if it is really work for this partnership (extracting, linking or preparing the data), describe that work instead.`,
        `costs.lines[${index}].description`
      );
    });
  }
);

/** A strategy with no overhead rate whose fixed pool covers the overheads instead. */
function overheadsInFixedPool(strategy: PricingStrategy): boolean {
  return (
    strategy.overhead.rate === 0 &&
    (strategy.fixedCostRecovery.components ?? []).some((component) =>
      (OVERHEAD_COMPONENTS as readonly string[]).includes(component)
    )
  );
}

export const overheadRecovered = rule(
  {
    id: "overhead-recovered",
    principle: "Commercial principle 2",
    guideSection:
      'CIDC guide, chapter 4: Principle 2 ("including a proportionate share of overheads"); chapter 5: commercial pricing approach, full cost',
    summary: "Commercial use is charged at full cost, so it needs an overhead rate above 0.",
  },
  (doc, _quote, emit, { strategy }) => {
    if (doc.use === "commercial" && doc.pricing.overheadRate === 0) {
      if (strategy !== undefined && overheadsInFixedPool(strategy)) {
        emit(
          "info",
          "The overhead rate is 0% because the trust's pricing strategy recovers its overheads through the fixed-cost pool, so commercial use still pays its proportionate share, through the fixed-cost recovery rate.",
          "pricing.overheadRate"
        );
        return;
      }
      emit(
        byStage(doc.quote.stage, "warning", "error"),
        "This is commercial use, which is charged at full cost, but the overhead rate is 0%: the quote is full cost in name only. Failing to recover a proportionate share of overheads takes money from frontline services; use the overhead rate of the trust's pricing strategy.",
        "pricing.overheadRate"
      );
    }
  }
);

export const fixedAndCapitalRecovered = rule(
  {
    id: "fixed-capital-recovered",
    principle: "Commercial principle 2",
    guideSection:
      'CIDC guide, chapter 4: Principle 2 ("including a proportionate share of overheads"); chapter 5: fixed costs and capital costs',
    summary:
      "Some fixed or capital cost should be recovered: a recovery rate or a direct allocation.",
  },
  (doc, _quote, emit) => {
    const { fixedCostRecoveryRate, capitalCostRecoveryRate } = doc.pricing;
    if (
      fixedCostRecoveryRate === 0 &&
      capitalCostRecoveryRate === 0 &&
      doc.costs.directAllocations.length === 0
    ) {
      emit(
        byStage(doc.quote.stage, "warning", "error"),
        "No fixed or capital cost is recovered: both recovery rates are 0% and nothing is allocated directly. The guide recovers them as a percentage of the overall marginal (non-commercial) or full (commercial) cost; use the recovery rates of the trust's pricing strategy, or allocate infrastructure built for this partnership directly.",
        "pricing.fixedCostRecoveryRate"
      );
    }
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
    principle: "Commercial principle 1",
    guideSection:
      "CIDC guide, chapter 4: Principle 1, cost of access should not prevent good use of data; chapter 5: non-commercial pricing approach, marginal cost",
    summary:
      "Says when the strategy's overhead rate is not charged because the use is non-commercial.",
  },
  (doc, _quote, emit) => {
    if (doc.use === "non-commercial" && doc.pricing.overheadRate > 0) {
      emit(
        "info",
        `The overhead rate of ${formatPercent(doc.pricing.overheadRate)} is not charged: non-commercial use is priced at marginal cost, so that the cost of access does not prevent good use of data. It would apply if the use became commercial.`,
        "pricing.overheadRate"
      );
    }
  }
);

export const nonCommercialDataPrice = rule(
  {
    id: "non-commercial-data-price",
    principle: "Commercial principle 4",
    guideSection:
      "CIDC guide, chapter 4: Principle 4 (consent to commercialise for non-commercial uses); chapter 5: Pricing your data (non-commercial uses: the price of data should not be factored into the cost)",
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

export const commercialValueShare = rule(
  {
    id: "commercial-value-share",
    principle: "Commercial principle 4",
    guideSection:
      'CIDC guide, chapter 4: Principle 4, the NHS should share in the value created by its data ("The NHS should seek a share of any commercial value"); chapter 1: Value sharing',
    summary:
      "Commercial use needs at least one value-sharing term: a fixed payment, subscription, milestones or a royalty.",
  },
  (doc, _quote, emit) => {
    if (doc.use === "commercial" && valueSharingTermsInForce(doc).length === 0) {
      emit(
        byStage(doc.quote.stage, "warning", "error"),
        "This is commercial use but the agreement has no value-sharing term that pays anything. The NHS should share in the value its data creates: agree a fixed payment, a subscription, milestone payments or a revenue royalty, in proportion to the NHS's contribution. The cost-recovery fee alone does not share value.",
        "valueSharing"
      );
    }
  }
);

export const highValueDataShare = rule(
  {
    id: "high-value-data-share",
    principle: "Commercial principle 4",
    guideSection:
      "CIDC guide, chapter 5: Pricing your data (data value characteristics and uses); chapter 4: Principle 4 (value shares through milestone payments or revenue royalties)",
    summary:
      "Commercial use of high-value data to build a product should share in the product's success: milestones or a royalty.",
  },
  (doc, _quote, emit) => {
    if (doc.use !== "commercial") return;
    const terms = valueSharingTermsInForce(doc);
    if (terms.includes("milestone payments") || terms.includes("revenue royalty")) return;
    doc.dataAssets.forEach((asset, index) => {
      if (!isHighValue(asset) || !PRODUCT_BUILDING_USES.has(asset.intendedUse)) return;
      const high = highCharacteristics(asset);
      const highEnds = high.map((characteristic) => valueEndInSentence(characteristic, "high"));
      emit(
        "warning",
        `"${asset.name}" is high-value data (${high.length} of 6 characteristics high: ${highEnds.join("; ")}) used to build a product, but the agreement has no milestone payments or royalty. The NHS contribution to the foreground IP is large; consider milestone payments or a revenue royalty so the NHS shares in the product's success, not only fixed or subscription payments.`,
        `dataAssets[${index}]`
      );
    });
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

export const nonCommercialOpenOutputs = rule(
  {
    id: "non-commercial-open-outputs",
    principle: "Commercial principle 4",
    guideSection:
      'CIDC guide, chapter 5: Pricing your data (non-commercial uses: "Outputs will be open source"); chapter 1: Intellectual property',
    summary:
      "Non-commercial use needs open outputs, whoever owns the foreground IP, or it is commercial in all but name.",
  },
  (doc, _quote, emit) => {
    if (doc.use !== "non-commercial" || doc.outputsOpen === true) return;
    const owner =
      doc.foregroundIpOwner === "partner"
        ? "the partner owns the foreground IP"
        : doc.foregroundIpOwner === "joint"
          ? "the partner owns the foreground IP jointly with the NHS"
          : "the NHS owns the foreground IP";
    emit(
      "warning",
      doc.outputsOpen === false
        ? `This is priced as non-commercial use, but the outputs will not be open (${owner}). The guide says non-commercial outputs will be open source; otherwise what NHS data built at marginal cost could be sold or kept closed. Make the outputs open, or price the use as commercial.`
        : `This is priced as non-commercial use, but the document does not say the outputs will be open (${owner}). The guide says non-commercial outputs will be open source: agree that the outputs will be open and record outputsOpen, or price the use as commercial.`,
      "outputsOpen"
    );
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
          `The royalty rate of ${formatPercent(tier.rate)} on this tier is above 15%, which is rare in licensing (medical devices typically 3% to 8%, software 5% to 8%). Check it is proportionate to the NHS's contribution: value shares that stifle innovation work against the NHS.`,
          `valueSharing.royalty.tiers[${index}].rate`
        );
      }
    });
  }
);

export const royaltyMinimum = rule(
  {
    id: "royalty-minimum",
    principle: "Commercial principle 4",
    guideSection:
      "CIDC guide, chapter 4: Principle 4; chapter 1: Value sharing (revenue royalties)",
    summary: "A royalty with no annual minimum may pay the NHS nothing if sales are slow.",
  },
  (doc, _quote, emit) => {
    const royalty = doc.valueSharing.royalty;
    if (royalty !== undefined && royalty.annualMinimum === undefined) {
      emit(
        byStage(doc.quote.stage, "info", "warning"),
        "The royalty has no annual minimum, so the NHS receives nothing in a year with no sales, however the product is priced or bundled. Consider an annual minimum royalty for the term.",
        "valueSharing.royalty.annualMinimum"
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
        byStage(doc.quote.stage, "warning", "error"),
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

export const quoteStillValid = rule(
  {
    id: "quote-still-valid",
    principle: "DHSC principle 2",
    guideSection:
      'DHSC guiding principles (2019), principle 2 (fair terms); CIDC guide, chapter 5: a pricing strategy "must be regularly updated"',
    summary:
      "A draft or issued quote is still within its validity date on the day it is checked, so the partner is not offered terms priced for another time.",
  },
  (doc, _quote, emit, { asOf }) => {
    const { stage, validUntil, date } = doc.quote;
    if (validUntil === undefined || (stage !== "draft" && stage !== "issued")) return;
    const today = asOf ?? date;
    if (today <= validUntil) return;
    const until = formatLongDate(validUntil);
    emit(
      byStage(stage, "warning", "error"),
      stage === "draft"
        ? `The quote was valid until ${until}, which has passed: agree a new validity date before issuing it.`
        : `The quote was valid until ${until}, which has passed, and the partner has not accepted it: agree a new validity date with the partner and issue the quote again, or record it as withdrawn.`,
      "quote.validUntil"
    );
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

/** Until a quote is accepted no data flows, so unfinished governance is a reminder, not a failure. */
function governanceSeverity(stage: QuoteStage, draftAndIssued: Severity): Severity {
  return stage === "accepted" ? "error" : draftAndIssued;
}

export const informationGovernance = rule(
  {
    id: "information-governance",
    principle: "DHSC principle 5",
    guideSection:
      'DHSC guiding principles (2019), principle 5; CIDC guide, chapter 3: Information governance (DPIA, DPA, DSA; a DPIA "is a requirement under GDPR")',
    summary:
      "The DPIA, data processing agreement and data sharing agreement must be complete (or genuinely not applicable) before data is accessed.",
  },
  (doc, _quote, emit) => {
    const stage = doc.quote.stage;
    for (const { key, name } of IG_DOCUMENTS) {
      const status: IgStatus = doc.informationGovernance[key];
      const field = `informationGovernance.${key}`;
      if (status === "not-started") {
        emit(
          governanceSeverity(stage, "warning"),
          `The ${name} has not been started. It must be complete before any data is accessed; start it with your information governance team now.`,
          field
        );
      } else if (status === "in-progress") {
        emit(
          governanceSeverity(stage, "info"),
          `The ${name} is still in progress. The quote can go out, but no data may be accessed until it is complete.`,
          field
        );
      } else if (status === "not-applicable" && key === "dpia") {
        const sharedAndAgreed = stage === "accepted" && doc.accessRoute === "shared-with-partner";
        emit(
          sharedAndAgreed ? "error" : "warning",
          sharedAndAgreed
            ? "The DPIA is marked not applicable, but the quote is accepted and the data will be shared with the partner, outside the NHS. The guide says a DPIA is a requirement under GDPR, and data leaving the NHS is where it matters most: complete the DPIA before any data is shared."
            : "The DPIA is marked not applicable. Processing health data for a partnership almost always needs one under UK GDPR; record why it does not here, or complete one.",
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

export const supplierDueDiligence = rule(
  {
    id: "supplier-due-diligence",
    principle: "DHSC principle 5",
    guideSection:
      'CIDC guide, chapter 3: Information governance ("Due diligence checks - must be carried out on any supplier involved in the data partnership"); chapter 6: How to find suitable organisations to partner with',
    summary:
      "Due diligence must be carried out on every supplier involved before the quote is issued.",
  },
  (doc, _quote, emit) => {
    const status = doc.informationGovernance.supplierDueDiligence;
    const field = "informationGovernance.supplierDueDiligence";
    if (status === "not-started" || status === "in-progress") {
      emit(
        byStage(doc.quote.stage, "warning", "error"),
        `Supplier due diligence is ${status === "not-started" ? "not started" : "still in progress"}. The guide says due diligence checks must be carried out on any supplier involved in the data partnership: their funding for the partnership's duration, their track record and their fit with the trust. ${doc.quote.stage === "draft" ? "Complete it before the quote is issued." : "Complete it now: the quote has already gone to the partner."}`,
        field
      );
    } else if (status === "not-applicable") {
      emit(
        "info",
        "Supplier due diligence is marked not applicable. It must be carried out on any supplier involved in the partnership; make sure no supplier is involved.",
        field
      );
    }
  }
);

/** Every rule, in the order the principles are usually read: commercial principles 1-4, then DHSC 1-5. */
export const PRINCIPLE_RULES: readonly PrincipleRule[] = [
  ratesConsistent,
  strategyCurrent,
  overheadNotApplied,
  perMeetingFee,
  rateAsDecimal,
  feeCharged,
  directCareNotCharged,
  overheadRecovered,
  fixedAndCapitalRecovered,
  priceByUse,
  nonCommercialDataPrice,
  commercialValueShare,
  highValueDataShare,
  fairShareOfValue,
  consentToCommercialise,
  nonCommercialOpenOutputs,
  royaltyRate,
  royaltyMinimum,
  valueSharingPolicy,
  patientBenefit,
  fairTermsFutureReturns,
  quoteStillValid,
  noExclusivity,
  transparency,
  sharedAccessJustified,
  informationGovernance,
  supplierDueDiligence,
];
