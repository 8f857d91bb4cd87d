import { Decimal } from "../model/decimal";

/**
 * Exact decimal arithmetic, written once against this interface and run on one of two
 * representations:
 *
 * - `scaledArithmetic` holds a decimal as an integer-valued double and a power-of-ten scale
 *   (0.07 is 7 x 10^-2). While every integer stays below 2^53 and every scale at most 22, IEEE
 *   doubles add and multiply such integers exactly, and one final division by 10^scale is
 *   correctly rounded. That is the same number decimal.js would give, several times faster, which
 *   matters when a sensitivity grid recalculates tens of thousands of cells.
 * - `decimalArithmetic` is decimal.js, used whenever the scaled form would leave that range.
 *
 * `exactNumber` runs a formula on the fast form and falls back to decimal.js on overflow, so a
 * caller never sees which one answered. The test suite checks the two agree on random inputs.
 */
export interface Arithmetic<T> {
  readonly zero: T;
  readonly one: T;
  fromNumber(value: number): T;
  add(a: T, b: T): T;
  subtract(a: T, b: T): T;
  multiply(a: T, b: T): T;
  compare(a: T, b: T): number;
  /** Half away from zero to two decimal places. */
  roundToPence(a: T): T;
  toNumber(a: T): number;
  toDecimal(a: T): Decimal;
}

export const decimalArithmetic: Arithmetic<Decimal> = {
  zero: new Decimal(0),
  one: new Decimal(1),
  fromNumber: (value) => new Decimal(value),
  add: (a, b) => a.plus(b),
  subtract: (a, b) => a.minus(b),
  multiply: (a, b) => a.times(b),
  compare: (a, b) => a.comparedTo(b),
  roundToPence: (a) => a.toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
  toNumber: (a) => a.toNumber(),
  toDecimal: (a) => a,
};

/** An exact decimal: `units` x 10^-`scale`, `units` a safe integer. */
export interface Scaled {
  readonly units: number;
  readonly scale: number;
}

/** Thrown (never escapes `exactNumber`) when a result would not be exact in the scaled form. */
const OUT_OF_RANGE: unique symbol = Symbol("scaled arithmetic out of range");

// 10^0 .. 10^22 are exactly representable as doubles; 10^23 is not.
const MAX_SCALE = 22;
const POWERS_OF_TEN: readonly number[] = Array.from({ length: MAX_SCALE + 1 }, (_, i) => 10 ** i);
// Excel keeps 15 significant digits, so a cell value never needs more decimal places than this.
const MAX_INPUT_DECIMALS = 15;

function scaled(units: number, scale: number): Scaled {
  if (!Number.isSafeInteger(units) || scale > MAX_SCALE) throw OUT_OF_RANGE;
  return { units, scale };
}

function rescale(a: Scaled, scale: number): number {
  // A product of safe integers that is itself a safe integer is exact; anything larger is caught in scaled().
  return a.units * (POWERS_OF_TEN[scale - a.scale] as number);
}

function scaledFromNumber(value: number): Scaled {
  if (Number.isInteger(value)) return scaled(value, 0);
  if (!Number.isFinite(value)) throw OUT_OF_RANGE;
  // The fewest decimal places whose integer round-trips to `value`: the digits the user typed, the
  // same digits decimal.js reads from the number's shortest string form.
  for (let places = 1; places <= MAX_INPUT_DECIMALS; places++) {
    const power = POWERS_OF_TEN[places] as number;
    const units = Math.round(value * power);
    if (units / power === value) return scaled(units, places);
  }
  throw OUT_OF_RANGE;
}

export const scaledArithmetic: Arithmetic<Scaled> = {
  zero: { units: 0, scale: 0 },
  one: { units: 1, scale: 0 },
  fromNumber: scaledFromNumber,
  add(a, b) {
    if (a.scale === b.scale) return scaled(a.units + b.units, a.scale);
    return a.scale > b.scale
      ? scaled(a.units + rescale(b, a.scale), a.scale)
      : scaled(rescale(a, b.scale) + b.units, b.scale);
  },
  subtract(a, b) {
    if (a.scale === b.scale) return scaled(a.units - b.units, a.scale);
    return a.scale > b.scale
      ? scaled(a.units - rescale(b, a.scale), a.scale)
      : scaled(rescale(a, b.scale) - b.units, b.scale);
  },
  multiply: (a, b) => scaled(a.units * b.units, a.scale + b.scale),
  compare(a, b) {
    // Called for every range check, so it allocates nothing.
    if (a.scale === b.scale) return a.units === b.units ? 0 : a.units < b.units ? -1 : 1;
    const scale = a.scale > b.scale ? a.scale : b.scale;
    const left = rescale(a, scale);
    const right = rescale(b, scale);
    if (!Number.isSafeInteger(left) || !Number.isSafeInteger(right)) throw OUT_OF_RANGE;
    return left === right ? 0 : left < right ? -1 : 1;
  },
  roundToPence(a) {
    if (a.scale <= 2) return a;
    const divisor = POWERS_OF_TEN[a.scale - 2] as number;
    const remainder = a.units % divisor; // exact for doubles, and carries the sign of units
    let pence = (a.units - remainder) / divisor; // an exact integer: units - remainder is a multiple of divisor
    if (2 * Math.abs(remainder) >= divisor) pence += Math.sign(a.units);
    return scaled(pence, 2);
  },
  toNumber: (a) => (a.scale === 0 ? a.units : a.units / (POWERS_OF_TEN[a.scale] as number)),
  toDecimal: (a) => new Decimal(a.units).div(new Decimal(10).pow(a.scale)),
};

/**
 * Evaluates `formula` exactly and returns a JavaScript number: the scaled form when every
 * intermediate fits, decimal.js otherwise. Errors the formula throws (invalid input) pass through.
 */
export function exactNumber(formula: <T>(arithmetic: Arithmetic<T>) => T): number {
  try {
    return scaledArithmetic.toNumber(formula(scaledArithmetic));
  } catch (error) {
    if (error !== OUT_OF_RANGE) throw error;
    return formula(decimalArithmetic).toNumber();
  }
}

/** Evaluates `formula` with decimal.js and returns the Decimal, for callers that keep working in decimals. */
export function exactDecimal(formula: <T>(arithmetic: Arithmetic<T>) => T): Decimal {
  return formula(decimalArithmetic);
}
