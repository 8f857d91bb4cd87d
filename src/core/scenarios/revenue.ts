import { Decimal, ONE, ZERO } from "../../model/decimal";
import { invalidNumber } from "../../model/errors";

/**
 * The product's revenue in each year if it reaches market, year 1 first (the year after the quote
 * date, paid at its end, as Excel's NPV counts).
 */
export type RevenueForecast = readonly Decimal[];

export interface RevenueCurve {
  /** The first year with revenue, 1 or later. */
  readonly launchYear: number;
  /** Years of linear ramp-up: the k-th year from launch earns peak x k / yearsToPeak until the peak. */
  readonly yearsToPeak: number;
  readonly peakRevenue: Decimal;
  /** Yearly fall after the peak year, 0..1. */
  readonly declineRate: Decimal;
  /** Length of the forecast, from year 1. */
  readonly years: number;
}

export function curveForecast(curve: RevenueCurve): RevenueForecast {
  const { launchYear, yearsToPeak, peakRevenue, declineRate, years } = curve;
  const peakYear = launchYear + yearsToPeak - 1;
  const keep = ONE.minus(declineRate);
  const revenues: Decimal[] = [];
  let declined = peakRevenue;
  for (let year = 1; year <= years; year++) {
    if (year < launchYear) revenues.push(ZERO);
    else if (year <= peakYear)
      revenues.push(peakRevenue.times(year - launchYear + 1).div(yearsToPeak));
    else {
      declined = declined.times(keep);
      revenues.push(declined);
    }
  }
  return revenues;
}

export function peakOf(forecast: RevenueForecast): Decimal {
  return forecast.reduce((peak, revenue) => (revenue.greaterThan(peak) ? revenue : peak), ZERO);
}

/** The same shape of forecast with its largest year at `peak`: how the sensitivity grid varies revenue. */
export function scaleToPeak(forecast: RevenueForecast, peak: Decimal, argument: string): Decimal[] {
  const current = peakOf(forecast);
  if (current.isZero())
    throw invalidNumber(
      argument,
      "the revenue forecast is 0 in every year, so it has no peak to scale"
    );
  return forecast.map((revenue) => revenue.times(peak).div(current));
}

/** The first year with revenue (1-based), or null when the forecast never earns anything. */
export function launchYearOf(forecast: RevenueForecast): number | null {
  const index = forecast.findIndex((revenue) => !revenue.isZero());
  return index < 0 ? null : index + 1;
}

/** Each year's count of years since the launch, the launch year 1 and a year before it 0: a royalty's term counts them. */
export function yearsSinceLaunch(forecast: RevenueForecast): number[] {
  const launch = launchYearOf(forecast);
  return forecast.map((_, i) => (launch === null || i + 1 < launch ? 0 : i + 2 - launch));
}
