import type { Partnership } from "../../document/schema";
import type { Alternative, Scenarios } from "../../document/scenarios";
import { DOCUMENT_TERM_IDS } from "../../document/scenarios";
import { Decimal } from "../../model/decimal";
import { invalidValue } from "../../model/errors";
import type { RoyaltyTerms } from "../valuation/royalty";
import { startingCounterparty, type Counterparty } from "./counterparty";
import { flatCurve, GREEN_BOOK_CURVE, type DiscountCurve } from "./discountCurve";
import type { ScenarioInputs } from "./engine";
import { cashFlows, type Candidate, type Mechanism, type ScenarioMilestone } from "./mechanisms";
import { discountedValue, FactorCache } from "./value";
import type { SimulationSettings } from "./monteCarlo";
import { REAL_PRICES, type PriceBasis } from "./priceBasis";
import { curveForecast, peakOf, type RevenueForecast } from "./revenue";
import type { TornadoRanges } from "./tornado";

/**
 * Reads a valid Partnership document's scenarios block into the engine's inputs: the document's own
 * value-sharing terms (each mechanism on its own) then the alternatives, in the order written.
 */

const d = (value: number) => new Decimal(value);

const DEFAULT_ROYALTY_RATES = [0.01, 0.02, 0.03, 0.05, 0.075, 0.1];
const DEFAULT_DISCOUNT_RATES = [0.015, 0.025, 0.035, 0.05, 0.075, 0.1];
const DEFAULT_PEAK_FACTORS = ["0.5", "0.75", "1", "1.25", "1.5"];
const DEFAULT_PROBABILITIES = [0.1, 0.25, 0.5, 0.75, 1];

const DAYS_A_YEAR = 365;

/** As the schema's defaults, for a document whose scenarios block has no monteCarlo section. */
const DEFAULT_TRIALS = 10_000;
const DEFAULT_SEED = 1;

/** Years from the quote date to a due date, by whole days over 365: a schedule's timing, not a price. */
export function yearsAfter(quoteDate: string, due: string, path: string): Decimal {
  const days = (Date.parse(`${due}T00:00:00Z`) - Date.parse(`${quoteDate}T00:00:00Z`)) / 86_400_000;
  if (days < 0)
    throw invalidValue(
      path,
      `is ${due}, before the quote date (${quoteDate}); a scenario values payments from the quote date`
    );
  return new Decimal(days).div(DAYS_A_YEAR);
}

function royaltyTermsOf(royalty: {
  tiers: readonly { threshold: number; rate: number }[];
  annualCap?: number | undefined;
  annualMinimum?: number | undefined;
}): RoyaltyTerms<Decimal> {
  const single = royalty.tiers.length === 1;
  return {
    rates: royalty.tiers.map((tier) => d(tier.rate)),
    thresholds: single ? null : royalty.tiers.map((tier) => d(tier.threshold)),
    annualCap: royalty.annualCap === undefined ? null : d(royalty.annualCap),
    annualMinimum: royalty.annualMinimum === undefined ? null : d(royalty.annualMinimum),
  };
}

function milestonesOf(
  milestones: readonly {
    amount: number;
    year: number;
    probability: number;
    tiedToLaunch?: boolean | undefined;
  }[]
): ScenarioMilestone[] {
  return milestones.map((milestone) => ({
    amount: d(milestone.amount),
    period: d(milestone.year),
    probability: d(milestone.probability),
    tiedToLaunch: milestone.tiedToLaunch === true,
  }));
}

function subscriptionOf(subscription: {
  annualFee: number;
  years: number;
  indexation: number;
  inAdvance: boolean;
}): Mechanism {
  return {
    kind: "subscription",
    annualFee: d(subscription.annualFee),
    years: subscription.years,
    indexation: d(subscription.indexation),
    inAdvance: subscription.inAdvance,
  };
}

/** The document's own terms, each mechanism a candidate of its own. */
export function documentCandidates(doc: Partnership): Candidate[] {
  const { fixedPayment, subscription, milestones, royalty } = doc.valueSharing;
  const candidates: Candidate[] = [];
  if (fixedPayment !== undefined) {
    const instalments =
      fixedPayment.instalments.length === 0
        ? [{ year: d(0), amount: d(fixedPayment.amount) }]
        : fixedPayment.instalments.map((instalment, i) => ({
            year: yearsAfter(
              doc.quote.date,
              instalment.due,
              `valueSharing.fixedPayment.instalments[${i}].due`
            ),
            amount: d(instalment.amount),
          }));
    candidates.push({
      id: DOCUMENT_TERM_IDS.fixed,
      path: "valueSharing.fixedPayment",
      fromDocument: true,
      mechanism: { kind: "fixed", instalments },
    });
  }
  if (subscription !== undefined)
    candidates.push({
      id: DOCUMENT_TERM_IDS.subscription,
      path: "valueSharing.subscription",
      fromDocument: true,
      mechanism: subscriptionOf(subscription),
    });
  if (milestones !== undefined && milestones.length > 0)
    candidates.push({
      id: DOCUMENT_TERM_IDS.milestones,
      path: "valueSharing.milestones",
      fromDocument: true,
      mechanism: { kind: "milestones", milestones: milestonesOf(milestones) },
    });
  if (royalty !== undefined)
    candidates.push({
      id: DOCUMENT_TERM_IDS.royalty,
      path: "valueSharing.royalty",
      fromDocument: true,
      mechanism: { kind: "royalty", terms: royaltyTermsOf(royalty), termYears: royalty.termYears },
    });
  return candidates;
}

function alternativeCandidate(alternative: Alternative, index: number): Candidate {
  const path = `scenarios.alternatives[${index}]`;
  const mechanism: Mechanism = (() => {
    switch (alternative.mechanism) {
      case "fixed":
        return {
          kind: "fixed",
          instalments: alternative.instalments.map((instalment) => ({
            year: d(instalment.year),
            amount: d(instalment.amount),
          })),
        };
      case "subscription":
        return subscriptionOf(alternative.subscription);
      case "milestones":
        return { kind: "milestones", milestones: milestonesOf(alternative.milestones) };
      case "royalty":
        return {
          kind: "royalty",
          terms: royaltyTermsOf(alternative.royalty),
          termYears: alternative.royalty.termYears,
        };
    }
  })();
  return { id: alternative.id, path, fromDocument: false, mechanism };
}

export function forecastOf(revenue: Scenarios["revenue"]): RevenueForecast {
  if (revenue.kind === "explicit") return revenue.byYear.map(d);
  return curveForecast({
    launchYear: revenue.launchYear,
    yearsToPeak: revenue.yearsToPeak,
    peakRevenue: d(revenue.peakRevenue),
    declineRate: d(revenue.declineRate),
    years: revenue.years,
  });
}

export function priceBasisOf(basis: Scenarios["priceBasis"]): PriceBasis {
  if (basis === undefined) return { kind: "real", stated: false };
  if (basis.kind === "real") return REAL_PRICES;
  const rates = typeof basis.inflation === "number" ? [basis.inflation] : basis.inflation;
  return { kind: "nominal", inflation: rates.map(d), source: basis.source };
}

/** The scenarios' real discount rate with their price basis, which deflates nominal amounts first. */
export function discountOf(scenarios: Pick<Scenarios, "discount" | "priceBasis">): DiscountCurve {
  const { discount } = scenarios;
  const priceBasis = priceBasisOf(scenarios.priceBasis);
  return discount.kind === "flat"
    ? flatCurve(d(discount.rate), "scenarios.discount.rate", priceBasis)
    : { ...GREEN_BOOK_CURVE, priceBasis };
}

/** The rate the document states, or the starting point for its kind of partner. */
export function counterpartyOf(doc: Partnership): Counterparty {
  const stated = doc.scenarios?.counterparty;
  return stated === undefined
    ? startingCounterparty(doc.partner.organisationType)
    : { defaultRate: d(stated.defaultRate), source: stated.source, stated: true };
}

/** The engine's inputs, or an error naming scenarios when the document has none. */
export function scenarioInputs(doc: Partnership): ScenarioInputs {
  const scenarios = doc.scenarios;
  if (scenarios === undefined)
    throw invalidValue(
      "scenarios",
      "the document has no scenarios block: add one with the revenue forecast, the probability of reaching market and the discount rate"
    );
  const candidates = [
    ...(scenarios.includeDocumentTerms ? documentCandidates(doc) : []),
    ...scenarios.alternatives.map(alternativeCandidate),
  ];
  if (candidates.length === 0)
    throw invalidValue(
      "scenarios.alternatives",
      "there is nothing to compare: the document has no value-sharing terms (or includeDocumentTerms is false) and no alternatives are given"
    );
  const forecast = forecastOf(scenarios.revenue);
  const peak = peakOf(forecast);
  const axes = scenarios.sensitivity ?? {};
  return {
    forecast,
    probabilityOfReachingMarket: d(scenarios.probabilityOfReachingMarket),
    discount: discountOf(scenarios),
    counterparty: counterpartyOf(doc),
    candidates,
    // Only a target the user states: the fee already recovers the partnership's cost.
    paybackTarget: scenarios.paybackTarget === undefined ? null : d(scenarios.paybackTarget),
    sensitivity: {
      royaltyRates: (axes.royaltyRates ?? DEFAULT_ROYALTY_RATES).map(d),
      discountRates: (axes.discountRates ?? DEFAULT_DISCOUNT_RATES).map(d),
      peakRevenues:
        axes.peakRevenues?.map(d) ?? DEFAULT_PEAK_FACTORS.map((factor) => peak.times(factor)),
      probabilities: (axes.probabilities ?? DEFAULT_PROBABILITIES).map(d),
    },
  };
}

/** The tornado's low and high values the document states, by assumption; the rest take their defaults. */
export function tornadoRangesOf(doc: Partnership): TornadoRanges {
  const stated = doc.scenarios?.tornado ?? {};
  return Object.fromEntries(
    Object.entries(stated).flatMap(([id, range]) =>
      range === undefined ? [] : [[id, { low: d(range.low), high: d(range.high) }]]
    )
  );
}

/** The simulation's settings: the document's, with the trials and seed a caller chooses instead. */
export function simulationSettings(
  doc: Partnership,
  override: { trials?: number | undefined; seed?: number | undefined } = {}
): SimulationSettings {
  const monteCarlo = doc.scenarios?.monteCarlo;
  return {
    trials: override.trials ?? monteCarlo?.trials ?? DEFAULT_TRIALS,
    seed: override.seed ?? monteCarlo?.seed ?? DEFAULT_SEED,
    peakRevenue: monteCarlo?.peakRevenue,
    launchDelayYears: monteCarlo?.launchDelayYears,
    milestoneDependence: monteCarlo?.milestoneDependence ?? "pipeline",
  };
}

/** A document term's present values, or why it cannot be valued. */
export type DocumentTermValue =
  | {
      readonly id: string;
      readonly kind: Mechanism["kind"];
      readonly presentValue: Decimal;
      readonly riskAdjustedPresentValue: Decimal;
    }
  | { readonly id: string; readonly kind: Mechanism["kind"]; readonly reason: string };

/**
 * The document's own value-sharing terms valued on their own, with the scenarios' discount rate, or the
 * Green Book schedule when the document has no scenarios block. A royalty needs the scenarios' revenue
 * forecast; without one it is listed with the reason it has no value.
 */
export function documentTermValues(doc: Partnership): {
  discount: DiscountCurve;
  counterparty: Counterparty;
  terms: DocumentTermValue[];
} {
  const scenarios = doc.scenarios;
  const discount = scenarios === undefined ? GREEN_BOOK_CURVE : discountOf(scenarios);
  const forecast = scenarios === undefined ? null : forecastOf(scenarios.revenue);
  const pMarket = d(scenarios?.probabilityOfReachingMarket ?? 1);
  const factors = new FactorCache(discount);
  const counterparty = counterpartyOf(doc);
  const terms = documentCandidates(doc).map((candidate): DocumentTermValue => {
    const kind = candidate.mechanism.kind;
    if (kind === "royalty" && forecast === null)
      return {
        id: candidate.id,
        kind,
        reason:
          "a royalty's value depends on the product's revenue: add a scenarios block with the revenue forecast",
      };
    const flows = cashFlows(candidate, forecast ?? [], pMarket, counterparty.defaultRate);
    return {
      id: candidate.id,
      kind,
      presentValue: discountedValue(flows, factors, false),
      riskAdjustedPresentValue: discountedValue(flows, factors, true),
    };
  });
  return { discount, counterparty, terms };
}
