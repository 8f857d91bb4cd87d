/**
 * A tiny exact decimal for test oracles, written with BigInt and nothing from src/: a value is
 * `units` x 10^-`scale`. Numbers are read by their shortest round-trip digits (String(x), as the
 * ECMAScript spec defines it), which is how a typed cell value is meant to be read.
 */
export interface Exact {
  readonly units: bigint;
  readonly scale: number;
}

const TEN = 10n;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

/** Parses "-123.456", "1e-7", "1.5e+21" and the like exactly. */
export function parseExact(text: string): Exact {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign = "", whole = "", fraction = "", exponentText = "0"] = match;
  const digits = `${whole}${fraction}` || "0";
  let scale = fraction.length - Number(exponentText);
  let units = BigInt(digits);
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return { units: sign === "-" ? -units : units, scale };
}

export function exactFromNumber(value: number): Exact {
  if (!Number.isFinite(value)) throw new Error(`not finite: ${value}`);
  return parseExact(String(value));
}

function align(a: Exact, b: Exact): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

export function exactAdd(a: Exact, b: Exact): Exact {
  const [x, y, scale] = align(a, b);
  return { units: x + y, scale };
}

export function exactSubtract(a: Exact, b: Exact): Exact {
  const [x, y, scale] = align(a, b);
  return { units: x - y, scale };
}

export function exactMultiply(a: Exact, b: Exact): Exact {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function exactCompare(a: Exact, b: Exact): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Half away from zero to two decimal places, by the schoolbook rule. */
export function exactRoundToPence(a: Exact): Exact {
  if (a.scale <= 2) return a;
  const divisor = pow10(a.scale - 2);
  const negative = a.units < 0n;
  const magnitude = negative ? -a.units : a.units;
  let pence = magnitude / divisor; // BigInt division truncates
  const remainder = magnitude - pence * divisor;
  if (2n * remainder >= divisor) pence += 1n;
  return { units: negative ? -pence : pence, scale: 2 };
}

/** Canonical decimal text: no exponent, no trailing fractional zeros, "0" for zero. */
export function exactToString(a: Exact): string {
  const negative = a.units < 0n;
  const digits = (negative ? -a.units : a.units).toString().padStart(a.scale + 1, "0");
  const whole = digits.slice(0, digits.length - a.scale);
  const fraction = digits.slice(digits.length - a.scale).replace(/0+$/, "");
  const body = fraction === "" ? whole : `${whole}.${fraction}`;
  return negative && body !== "0" ? `-${body}` : body;
}

/** The double nearest the exact value (Number() parses decimal text correctly rounded). */
export function exactToNumber(a: Exact): number {
  return Number(exactToString(a));
}
