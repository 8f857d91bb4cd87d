import { Decimal, ONE, ZERO } from "./decimal";
import { invalidNumber } from "./errors";

/**
 * Discounting. Rates are decimals (0.035 = 3.5%) and time is in years. As with Excel's NPV, a cash flow
 * at year t is divided by (1 + rate)^t; fractional years are allowed.
 */
export function requireDiscountRate(rate: Decimal, argument = "discount_rate"): Decimal {
  if (rate.lessThanOrEqualTo(-1))
    throw invalidNumber(argument, "must be greater than -1 (a decimal, 0.035 = 3.5%)");
  return rate;
}

/** 1 / (1 + rate)^years. */
export function discountFactor(rate: Decimal, years: Decimal): Decimal {
  // A whole number of years needs only multiplications; a fraction needs decimal.js's exp and ln.
  const growth = ONE.plus(rate);
  return years.isInteger() ? ONE.div(growth.pow(years)) : growth.pow(years.negated());
}

/**
 * HM Treasury Green Book declining long-term discount rates (real): each rate applies only to the years
 * inside its band, and the bands compound one after another, so the factor at year 40 is
 * 1 / (1.035^30 x 1.03^10).
 */
export const GREEN_BOOK_SCHEDULE: readonly { readonly fromYear: number; readonly rate: string }[] =
  [
    { fromYear: 0, rate: "0.035" },
    { fromYear: 30, rate: "0.03" },
    { fromYear: 75, rate: "0.025" },
    { fromYear: 125, rate: "0.02" },
    { fromYear: 200, rate: "0.015" },
    { fromYear: 300, rate: "0.01" },
  ];

const GREEN_BOOK_BANDS = GREEN_BOOK_SCHEDULE.map((band, i) => ({
  from: new Decimal(band.fromYear),
  to:
    i + 1 < GREEN_BOOK_SCHEDULE.length
      ? new Decimal((GREEN_BOOK_SCHEDULE[i + 1] as { fromYear: number }).fromYear)
      : null,
  growth: ONE.plus(band.rate),
}));

export function greenBookDiscountFactor(year: Decimal, argument = "year"): Decimal {
  if (year.isNegative() && !year.isZero())
    throw invalidNumber(argument, "must not be negative (years from now)");
  let factor = ONE;
  for (const band of GREEN_BOOK_BANDS) {
    if (year.lessThanOrEqualTo(band.from)) break;
    const end = band.to !== null && year.greaterThan(band.to) ? band.to : year;
    factor = factor.div(band.growth.pow(end.minus(band.from)));
  }
  return factor;
}

/**
 * Present value of a stream of annual amounts, the first at the end of year 1 (as Excel's NPV). The
 * factors are built by one division a year rather than a power each, which keeps a long stream cheap.
 */
export function annualPresentValue(amounts: readonly Decimal[], rate: Decimal): Decimal {
  const growth = ONE.plus(rate);
  let total = ZERO;
  let factor = ONE;
  for (const amount of amounts) {
    factor = factor.div(growth);
    if (!amount.isZero()) total = total.plus(amount.times(factor));
  }
  return total;
}
