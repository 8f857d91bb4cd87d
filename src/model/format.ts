/**
 * How figures, rates, dates and file names are written in words: messages, the pane, the CLI and the
 * text of generated sheets. (Cell number formats, which Excel applies itself, are in
 * workbook/spec/styles.ts.)
 */
import { Decimal, toDecimal, toPence, type DecimalInput } from "./decimal";

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** Pounds and pence with thousands separators, rounded to the penny: £12,345.60 (a negative as -£5.00). */
export function formatPounds(value: Decimal): string {
  const pence = toPence(value);
  const [whole, fraction] = pence.abs().toFixed(2).split(".") as [string, string];
  return `${pence.isNegative() && !pence.isZero() ? "-" : ""}£${groupThousands(whole)}.${fraction}`;
}

/** Whole pounds with thousands separators, rounded half away from zero: £1,480,421 (a negative as -£5). */
export function formatWholePounds(value: DecimalInput): string {
  const pounds = toDecimal(value).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const sign = pounds.isNegative() && !pounds.isZero() ? "-" : "";
  return `${sign}£${groupThousands(pounds.abs().toFixed(0))}`;
}

/**
 * A rate as a percentage. Without `places` it is exact, as a rate the user set is (0.185 is "18.5%");
 * with `places` it is rounded half away from zero to that many decimal places, as a computed rate is
 * ("5.57%").
 */
export function formatPercent(rate: DecimalInput, places?: number): string {
  const percent = toDecimal(rate).times(100);
  return `${places === undefined ? percent.toString() : percent.toFixed(places, Decimal.ROUND_HALF_UP)}%`;
}

/** YYYY-MM-DD of a date in the user's own calendar (not UTC: a quote dated tomorrow would confuse). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2026-11-22T14:05" in UTC: a generation time as sheets show and record it. */
export function isoMinute(at: Date): string {
  return at.toISOString().slice(0, 16);
}

/**
 * A file name for a partnership's workbook: "Quote DP-2025-011.xlsx". The characters Windows refuses in
 * a file name (and control characters) become hyphens; an empty reference becomes "partnership".
 */
export function workbookFileName(prefix: string, reference: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = reference.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "-").trim();
  return `${prefix} ${safe || "partnership"}.xlsx`;
}
