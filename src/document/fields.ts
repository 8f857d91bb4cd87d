import { z } from "zod";
import { Decimal } from "../model/decimal";

/**
 * The building blocks both document types are written with: text that fits a cell, money, rates,
 * dates, and the decimal-place limits that keep every rounding reproducible on a sheet.
 */

/** Excel holds at most 32,767 characters in a cell; a longer text could not be written to a sheet. */
export const MAX_TEXT_LENGTH = 32767;

/** Far above any real figure in a partnership, and below the point where a spreadsheet loses pence. */
export const MAX_AMOUNT = 1e12;

/**
 * Runs an object-level refinement even when some of the object's fields are invalid, so every problem is
 * reported; but not when the value is no object at all (a missing section, null), which the schema
 * reports by itself and which the refinement could not read without throwing.
 */
export const ALWAYS = {
  when: (payload: { value: unknown }) =>
    typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value),
} as const;

/** The same for a refinement of a list: it runs on a list, never on an object written in its place. */
export const ALWAYS_FOR_LISTS = {
  when: (payload: { value: unknown }) => Array.isArray(payload.value),
} as const;

export const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/** Decimal places of a number as it was written (0.07 has 2, 1e-7 has 7). */
export function decimalPlacesOf(value: number): number {
  return new Decimal(value).decimalPlaces();
}

const PLACES_IN_WORDS: Readonly<Record<number, string>> = {
  0: "a whole number",
  1: "at most 1 decimal place",
  2: "at most 2 decimal places",
  4: "at most 4 decimal places",
};

/** A number with at most `places` decimal places; `hint` says what the figure is, for the message. */
export function withPlaces(schema: z.ZodNumber, places: number, hint: string) {
  return schema.refine((value) => decimalPlacesOf(value) <= places, {
    error: (issue) =>
      `must have ${PLACES_IN_WORDS[places] ?? `at most ${places} decimal places`} (${hint}; got ${String(issue.input)})`,
  });
}

export const text = () =>
  z
    .string()
    .max(MAX_TEXT_LENGTH, { error: "is longer than an Excel cell can hold (32,767 characters)" });

/** Text that must say something: not empty and not only spaces. Kept verbatim (never trimmed). */
export const requiredText = () =>
  text().refine((value) => value.trim().length > 0, { error: "must not be blank" });

/** A short identifier that appears on sheets and in references between documents. */
export const identifier = () =>
  requiredText().max(64, {
    error: "must be at most 64 characters (an identifier, not a description)",
  });

export const money = () =>
  z
    .number()
    .min(0, { error: "must not be negative (an amount in pounds)" })
    .max(MAX_AMOUNT, { error: "must be at most 1,000,000,000,000 (an amount in pounds)" });

/** Pounds and pence: an amount that is charged as it stands. */
export const pence = () => withPlaces(money(), 2, "pounds and pence");

export const nonNegative = (what: string) =>
  z
    .number()
    .min(0, { error: `must not be negative (${what})` })
    .max(MAX_AMOUNT, { error: `must be at most 1,000,000,000,000 (${what})` });

/** A share, rate or probability from 0 to 1 inclusive. */
export const fraction = () =>
  z
    .number()
    .min(0, { error: "must be between 0 and 1 (a decimal fraction, 0.25 = 25%)" })
    .max(1, { error: "must be between 0 and 1 (a decimal fraction, 0.25 = 25%)" });

/** A pricing rate: a non-negative decimal uplift to 0.01% (0.2534 = 25.34%), not limited to 100%. */
export const rate = () =>
  withPlaces(
    nonNegative("a decimal uplift, 0.25 = 25%").max(100, {
      error: "must be at most 100 (a decimal uplift: 0.25 = 25%, 1 = 100%)",
    }),
    4,
    "a rate to 0.01%: 0.2534 = 25.34%"
  );

export const isoDate = () =>
  z.iso.date({ error: "must be a real calendar date written YYYY-MM-DD (for example 2025-04-01)" });

export const wholeYears = () =>
  z
    .number()
    .int({ error: "must be a whole number of years" })
    .min(1, { error: "must be at least 1 year" })
    .max(1000, { error: "must be at most 1000 years" });

/** Reports the second and later uses of an id in a list, naming the first. */
export function uniqueIds(what: string) {
  return (items: readonly unknown[], ctx: z.RefinementCtx): void => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const id: unknown = (item as { id?: unknown } | null)?.id;
      if (typeof id !== "string") return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else
        ctx.addIssue({
          code: "custom",
          path: [index, "id"],
          message: `repeats the id of ${what}[${first}] ("${id}"); each needs its own id`,
        });
    });
  };
}
