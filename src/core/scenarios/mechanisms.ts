import { decimalArithmetic } from "../arithmetic";
import { Decimal, ONE } from "../../model/decimal";
import { invalidNumber } from "../../model/errors";
import { royaltyForPeriod, validateRoyaltyTerms, type RoyaltyTerms } from "../valuation/royalty";
import type { Milestone } from "../valuation/valuation";
import { stillPaying } from "./counterparty";
import { launchYearOf, type RevenueForecast } from "./revenue";

export type { MechanismKind } from "../../model/vocabulary";

export type Mechanism =
  | {
      readonly kind: "fixed";
      /** Years from the quote date (0 = on signature) and pounds. */
      readonly instalments: readonly { readonly year: Decimal; readonly amount: Decimal }[];
    }
  | {
      readonly kind: "subscription";
      readonly annualFee: Decimal;
      readonly years: number;
      readonly indexation: Decimal;
      readonly inAdvance: boolean;
    }
  | { readonly kind: "milestones"; readonly milestones: readonly ScenarioMilestone[] }
  | {
      readonly kind: "royalty";
      readonly terms: RoyaltyTerms<Decimal>;
      /** Years of royalty, counted from the first year with revenue (the launch). */
      readonly termYears: number;
    };

/**
 * A milestone under comparison. One tied to the launch (a launch or first commercial sale, or a step of
 * the development programme a late launch postpones) moves with a simulated launch delay; the others,
 * and every milestone outside the simulation, stay at their period.
 */
export interface ScenarioMilestone extends Milestone {
  readonly tiedToLaunch?: boolean | undefined;
}

/** One mechanism under comparison: the document's own terms or an alternative. */
export interface Candidate {
  readonly id: string;
  /** Where its terms are in the document, for messages. */
  readonly path: string;
  readonly fromDocument: boolean;
  readonly mechanism: Mechanism;
}

/** A payment to the NHS: when, how much if it is paid, and the chance that it is. */
export interface CashFlow {
  readonly year: Decimal;
  readonly amount: Decimal;
  /** The chance it is paid: its own (a milestone's, reaching market) times `partnerPaying`. */
  readonly probability: Decimal;
  /** The chance the partner is still paying at `year` ((1 - default rate)^year); 1 for a royalty. */
  readonly partnerPaying: Decimal;
}

const D = decimalArithmetic;

/**
 * The years a royalty is paid in: its term from the launch, inside the forecast. A royalty on a product
 * that never earns anything pays nothing, not even its minimum.
 */
export function royaltyYears(termYears: number, forecast: RevenueForecast): number[] {
  const launch = launchYearOf(forecast);
  if (launch === null) return [];
  const last = Math.min(forecast.length, launch + termYears - 1);
  const years: number[] = [];
  for (let year = launch; year <= last; year++) years.push(year);
  return years;
}

/**
 * A payment the partner has contracted to make: paid if it is due at all (`probability`, 1 for a
 * fixed payment or a fee) and the partner is still paying then.
 */
function contracted(year: Decimal, amount: Decimal, probability: Decimal, defaultRate: Decimal) {
  const partnerPaying = stillPaying(defaultRate, year);
  return { year, amount, probability: probability.times(partnerPaying), partnerPaying };
}

/**
 * Every payment a mechanism makes. Fixed payments, subscription fees and milestones are contracted, so
 * paid while the partner is (`partnerDefaultRate` a year); each milestone carries its own probability
 * too. A royalty is paid only if the product reaches market, on its sales.
 */
export function cashFlows(
  candidate: Candidate,
  forecast: RevenueForecast,
  probabilityOfReachingMarket: Decimal,
  partnerDefaultRate: Decimal
): CashFlow[] {
  const { mechanism, path } = candidate;
  switch (mechanism.kind) {
    case "fixed":
      return mechanism.instalments.map(({ year, amount }) =>
        contracted(year, amount, ONE, partnerDefaultRate)
      );
    case "subscription": {
      const growth = ONE.plus(mechanism.indexation);
      const flows: CashFlow[] = [];
      let fee = mechanism.annualFee;
      for (let k = 0; k < mechanism.years; k++) {
        flows.push(
          contracted(new Decimal(mechanism.inAdvance ? k : k + 1), fee, ONE, partnerDefaultRate)
        );
        fee = fee.times(growth);
      }
      return flows;
    }
    case "milestones":
      return mechanism.milestones.map(({ amount, period, probability }) =>
        contracted(period, amount, probability, partnerDefaultRate)
      );
    case "royalty": {
      try {
        validateRoyaltyTerms(D, mechanism.terms);
      } catch (error) {
        throw invalidNumber(path, error instanceof Error ? error.message : String(error));
      }
      return royaltyYears(mechanism.termYears, forecast).map((year) => ({
        year: new Decimal(year),
        amount: royaltyForPeriod(
          D,
          forecast[year - 1] as Decimal,
          mechanism.terms,
          `revenue in year ${year}`
        ),
        probability: probabilityOfReachingMarket,
        partnerPaying: ONE,
      }));
    }
  }
}

/** The row of a yearly table a payment falls in: a payment during year n belongs to year n (0 = now). */
export function yearRow(year: Decimal): number {
  return year.ceil().toNumber();
}

export function lastYearOf(flows: readonly CashFlow[]): number {
  return flows.reduce((last, flow) => Math.max(last, yearRow(flow.year)), 0);
}
