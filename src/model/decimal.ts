import DecimalJs from "decimal.js";

/**
 * The one decimal type the core computes money with. 40 significant digits leave ample headroom over
 * Excel's 15 for products of rates, discount factors and large revenues; ROUND_HALF_UP in decimal.js
 * rounds ties away from zero, which is what Excel's ROUND does and what a price needs.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

/** Anything the core accepts as a decimal: a number (read by its shortest round-trip digits), a string or a Decimal. */
export type DecimalInput = number | string | Decimal;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

export function toDecimal(value: DecimalInput): Decimal {
  return value instanceof Decimal ? value : new Decimal(value);
}

/** Rounds half away from zero to whole pence: the step at which a figure becomes a price. */
export function toPence(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * The largest figure a quote may print (a line, a recovery, a subtotal, the total), in pounds. Far
 * above any real data access fee. With the documents' decimal-place limits every figure rounded on a
 * quote has at most 8 digits before the point and 6 after it: 14 significant digits, inside the 15 a
 * spreadsheet keeps, which is what lets the sheet's formulas reproduce the core's pennies.
 */
export const MAX_QUOTE_AMOUNT = 50_000_000;

export function sumDecimals(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}
