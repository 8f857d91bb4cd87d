import { Decimal, ONE, ZERO } from "../../model/decimal";
import { invalidNumber } from "../../model/errors";

/**
 * Discounting. Rates are decimals (0.035 = 3.5%) and time is in years. As with Excel's NPV, a cash flow
 * at year t is divided by (1 + rate)^t; fractional years are allowed.
 */
export function requireDiscountRate(rate: Decimal, argument = "discount_rate"): Decimal {
  if (rate.lessThanOrEqualTo(-1))
    throw invalidNumber(argument, "must be greater than -1 (a decimal, 0.035 = 3.5%)");
  return rate;
}

/**
 * Fractional powers are irrational, so no precision makes them exact; 30 significant digits is nearly
 * twice what a double can hold and much cheaper than the 40 the rest of the core uses.
 */
const Irrational = Decimal.clone({ precision: 30, rounding: Decimal.ROUND_HALF_UP });

/** ln(1 + rate) for the last few rates seen: a sensitivity grid uses the same rate in thousands of cells. */
const logGrowthCache = new Map<string, InstanceType<typeof Irrational>>();
const LOG_CACHE_SIZE = 32;

function logGrowth(growth: Decimal): InstanceType<typeof Irrational> {
  const key = growth.toString();
  let log = logGrowthCache.get(key);
  if (log === undefined) {
    log = new Irrational(key).ln();
    if (logGrowthCache.size >= LOG_CACHE_SIZE) logGrowthCache.clear();
    logGrowthCache.set(key, log);
  }
  return log;
}

/** 1 / (1 + rate)^years. */
export function discountFactor(rate: Decimal, years: Decimal): Decimal {
  // A whole number of years needs only multiplications and is exact; the fraction of a year left over
  // needs exp and ln, which run on the cheaper irrational precision.
  const growth = ONE.plus(rate);
  const whole = years.floor();
  const wholeFactor = ONE.div(growth.pow(whole));
  if (whole.equals(years)) return wholeFactor;
  const fraction = new Irrational(years.minus(whole).toString());
  const fractionFactor = Irrational.exp(logGrowth(growth).times(fraction).negated());
  return wholeFactor.times(new Decimal(fractionFactor.toString()));
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

/**
 * The Green Book factor at `year`; with a `shift`, every band's rate moved by the same points (0.01 =
 * one point higher), as a sensitivity of the schedule rather than the schedule itself.
 */
export function greenBookDiscountFactor(year: Decimal, argument = "year", shift = ZERO): Decimal {
  if (year.isNegative() && !year.isZero())
    throw invalidNumber(argument, "must not be negative (years from now)");
  let factor = ONE;
  for (const band of GREEN_BOOK_BANDS) {
    if (year.lessThanOrEqualTo(band.from)) break;
    const end = band.to !== null && year.greaterThan(band.to) ? band.to : year;
    const growth = shift.isZero() ? band.growth : band.growth.plus(shift);
    if (!growth.isPositive())
      throw invalidNumber(argument, "a shifted Green Book rate must stay greater than -1");
    factor = factor.div(growth.pow(end.minus(band.from)));
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
