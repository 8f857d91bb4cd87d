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

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/**
 * A date as a person in the UK reads it: "2 June 2025", "29 August 2025" (no leading zero, English
 * month names, whatever the machine's locale). Takes a calendar date "YYYY-MM-DD" (or the start of a
 * longer ISO string, such as "2025-06-02T14:05"); throws on anything that is not a real date.
 */
export function formatLongDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(iso);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const lastDay = month === 2 ? (leap ? 29 : 28) : daysInMonth;
  if (match === null || month < 1 || month > 12 || day < 1 || day > lastDay)
    throw new Error(`"${iso}" is not a date written YYYY-MM-DD`);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A generation time as a person reads it: "22 November 2026 at 14:05" (from "2026-11-22T14:05"). */
export function formatLongDateTime(isoMinuteText: string): string {
  const time = /T(\d{2}:\d{2})/.exec(isoMinuteText);
  if (time === null) throw new Error(`"${isoMinuteText}" is not a time written YYYY-MM-DDTHH:MM`);
  return `${formatLongDate(isoMinuteText)} at ${time[1]}`;
}

/**
 * "an hour", "a day", "a user-month", "an application": a unit after a price, with the article its
 * sound takes. A silent h takes "an"; a u or eu sounded "you", and "one", take "a".
 */
export function perUnit(unit: string): string {
  const word = unit.trim().toLowerCase();
  const an =
    /^(hour|honest|honou?r|heir)/.test(word) ||
    (/^[aeiou]/.test(word) && !/^(u[nsrt][aeiou]|uni|use|usu|eu|one|once)/.test(word));
  return `${an ? "an" : "a"} ${unit.trim()}`;
}
