import { Decimal, ONE } from "../../model/decimal";
import { formatPercent } from "../../model/format";
import { discountFactor } from "../valuation/discounting";

/**
 * Whether a scenario's amounts are real (today's prices, as the Green Book's discount rates are) or
 * nominal (the pounds of the day each is paid, as a contract states them). Nominal amounts are deflated
 * to today's prices by the inflation assumption before the real rate discounts them, so the two are
 * never mixed: a nominal payment at year t is worth amount / (price index at t) / (1 + real rate)^t.
 */
export type PriceBasis =
  | {
      readonly kind: "real";
      /** False when the document does not say, and real prices are assumed. */
      readonly stated: boolean;
    }
  | {
      readonly kind: "nominal";
      /**
       * Inflation in each year from year 1, the last continuing for ever: one rate for a flat
       * assumption. Year k's rate applies to the part of [k - 1, k] a payment's time covers.
       */
      readonly inflation: readonly Decimal[];
      readonly source: string;
    };

export const REAL_PRICES: PriceBasis = { kind: "real", stated: true };

/**
 * 1 / the price index at `year` (fractions allowed): what a nominal pound paid then is worth in
 * today's prices. The years compound one after another, as the Green Book's bands do; 1 for real prices.
 */
export function deflator(basis: PriceBasis, year: Decimal): Decimal {
  if (basis.kind === "real") return ONE;
  const { inflation } = basis;
  let factor = ONE;
  for (let k = 0; k < inflation.length; k++) {
    if (year.lessThanOrEqualTo(k)) break;
    const last = k === inflation.length - 1;
    const end = !last && year.greaterThan(k + 1) ? new Decimal(k + 1) : year;
    factor = factor.times(discountFactor(inflation[k] as Decimal, end.minus(k)));
  }
  return factor;
}

/**
 * The nominal rate that discounts nominal amounts as deflating then discounting at `realRate` does:
 * (1 + real)(1 + inflation) - 1 (the Fisher relation). Only for one flat rate and one flat inflation;
 * null otherwise, since no single nominal rate then matches every year.
 */
export function equivalentNominalRate(basis: PriceBasis, realRate: Decimal | null): Decimal | null {
  if (realRate === null) return null;
  if (basis.kind === "real") return realRate;
  const first = basis.inflation[0] as Decimal;
  if (!basis.inflation.every((rate) => rate.equals(first))) return null;
  return ONE.plus(realRate).times(ONE.plus(first)).minus(ONE);
}

/** A series of yearly rates in words: "3.00% in year 1, 2.50% in year 2, then 2.00% a year". */
function inflationWords(inflation: readonly Decimal[]): string {
  const last = inflation[inflation.length - 1] as Decimal;
  if (inflation.every((rate) => rate.equals(last))) return `${formatPercent(last, 2)} a year`;
  const years = inflation
    .slice(0, -1)
    .map((rate, k) => `${formatPercent(rate, 2)} in year ${k + 1}`)
    .join(", ");
  return `${years}, then ${formatPercent(last, 2)} a year`;
}

/**
 * The price basis in one sentence, as the sheet, the command line and the task pane say it; `realRate`
 * is the flat real discount rate (null on the Green Book schedule).
 */
export function priceBasisSentence(basis: PriceBasis, realRate: Decimal | null): string {
  if (basis.kind === "real")
    return basis.stated
      ? "Prices are real: every amount is in today's prices, as the discount rates are"
      : "Prices are taken as real (today's prices), since the scenarios do not say; a contract's amounts are usually nominal, so state the price basis";
  const nominal = equivalentNominalRate(basis, realRate);
  return `Prices are nominal: every amount is deflated to today's prices by inflation of ${inflationWords(basis.inflation)} (${basis.source}) before the real discount rates apply${nominal === null ? "" : `, the same as a nominal rate of ${formatPercent(nominal, 2)}`}`;
}
