/*
 * Numbers as a finance officer types them ("1,200.50", "£1,200", "12.5" for a percentage) and as the
 * document stores them; what cannot be read as a number is kept as typed, for the schema to explain.
 */
import Decimal from "decimal.js";
import type { Json } from "./draft";

/** How a number is shown and typed: pounds, a percentage of a stored fraction, or a plain count. */
export type NumberKind = "pounds" | "percent" | "number";

/** "40000000.5" as "40,000,000.5": thousands grouped, the decimals as they are. */
function grouped(decimalText: string): string {
  const [whole = "", fraction] = decimalText.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  const withCommas = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${withCommas}${fraction === undefined ? "" : `.${fraction}`}`;
}

/**
 * The text shown for a stored number, as a finance officer would write it: 0.125 as "12.5" for a
 * percentage, 40000000 as "40,000,000", pounds with pence as "1,200.50". Reading it back
 * (numberValue) gives the same number.
 */
export function numberText(value: Json | undefined, kind: NumberKind): string {
  if (typeof value === "number") {
    const decimal = new Decimal(value);
    if (kind === "percent") return grouped(decimal.times(100).toFixed());
    if (kind === "pounds" && !decimal.isInteger() && decimal.decimalPlaces() < 2)
      return grouped(decimal.toFixed(2));
    return grouped(decimal.toFixed());
  }
  return typeof value === "string" ? value : "";
}

/** A rate above this (100%) is allowed but rare enough that a typing slip is the likelier reason. */
const RATE_WORTH_CHECKING = 1;

/** A warning for a percentage that is valid but probably mistyped, or undefined. */
export function percentWarning(value: Json | undefined): string | undefined {
  if (typeof value !== "number" || value <= RATE_WORTH_CHECKING) return undefined;
  return `${numberText(value, "percent")}% is more than the cost itself again: check it is the rate meant`;
}

/**
 * The schema speaks of rates as the document stores them (0.25 = 25%); a percentage field shows them
 * as typed. Rewrites the schema's rate messages in percentages, naming what was typed.
 */
export function percentMessage(message: string, typed: Json | undefined): string {
  const got = typeof typed === "number" ? ` (got ${numberText(typed, "percent")}%)` : "";
  const limit = /^must be at most (\d+(?:\.\d+)?) \(a decimal uplift/.exec(message);
  if (limit)
    return `must be at most ${grouped(new Decimal(limit[1] as string).times(100).toFixed())}%${got}`;
  const places = /^must have at most (\d+) decimal places \(a rate/.exec(message);
  if (places) {
    const percentPlaces = Math.max(0, Number(places[1]) - 2);
    const step = percentPlaces === 0 ? "1%" : `0.${"0".repeat(percentPlaces - 1)}1%`;
    return `must be to the nearest ${step}${got}`;
  }
  if (/^must be between 0 and 1 \(a decimal fraction/.test(message))
    return `must be between 0% and 100%${got}`;
  if (/^must not be negative \(a decimal uplift/.test(message)) return `must not be negative${got}`;
  return message;
}

/**
 * What to store for typed text: a number when it reads as one ("1,200.50" and "£1,200.50" too), as an
 * exact decimal for a percentage ("12.5" is 0.125, not 0.12500000000000003); otherwise the text as typed.
 */
export function numberValue(text: string, kind: NumberKind): Json | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const plain = trimmed
    .replace(/^£/, "")
    .replace(/,(?=\d{3}(\D|$))/g, "")
    .replace(/%$/, "");
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return trimmed;
  const number = new Decimal(plain);
  return (kind === "percent" ? number.dividedBy(100) : number).toNumber();
}

/** Numbers as typed, separated by commas or spaces ("1, 2.5, 5"). */
export function numbersText(value: Json | undefined, kind: NumberKind): string {
  return Array.isArray(value) ? value.map((item) => numberText(item, kind)).join(", ") : "";
}

/**
 * A list of numbers from its text, separated by spaces, semicolons or commas (a comma before three
 * digits is a thousands separator: "500,000, 1,000,000" is two numbers); each number stored as a
 * number, anything else as typed.
 */
export function numbersValue(text: string, kind: NumberKind): Json[] | undefined {
  const parts = text
    .split(/[\s;]+|,(?!\d{3}(?:\D|$))/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) return undefined;
  return parts.map((part) => numberValue(part, kind) ?? part);
}
