/*
 * Numbers as a finance officer types them ("1,200.50", "£1,200", "12.5" for a percentage) and as the
 * document stores them; what cannot be read as a number is kept as typed, for the schema to explain.
 */
import Decimal from "decimal.js";
import type { Json } from "./draft";

/** How a number is shown and typed: pounds, a percentage of a stored fraction, or a plain count. */
export type NumberKind = "pounds" | "percent" | "number";

/** The text a user types for a stored number: 0.125 as "12.5" for a percentage. */
export function numberText(value: Json | undefined, kind: NumberKind): string {
  if (typeof value === "number") {
    return kind === "percent" ? new Decimal(value).times(100).toString() : String(value);
  }
  return typeof value === "string" ? value : "";
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
