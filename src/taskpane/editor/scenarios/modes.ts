/*
 * The either/or choices of a document (a flat or Green Book discount, a revenue curve or revenue by
 * year, an alternative's mechanism, a distribution's kind, a quote's stage), switched so that what the
 * other mode used leaves the document with it: a switch never leaves a field the schema rejects. What
 * a switch took away is remembered for the session, so switching back brings back what was typed.
 */
import { curveForecast } from "../../../core/scenarios/revenue";
import { Decimal } from "../../../model/decimal";
import type { Json } from "../draft";

type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const numberAt = (value: Json | undefined, key: string): number | undefined => {
  const field = isObject(value) ? value[key] : undefined;
  return typeof field === "number" && Number.isFinite(field) ? field : undefined;
};

/** What each path held in each of its modes before a switch took it away: `${path}#${mode}`. */
export type ModeMemory = ReadonlyMap<string, Json>;

/** The mode a value is in: its discriminator's value, or "none" where the value is absent. */
export function modeOf(value: Json | undefined, discriminator: string): string {
  if (value === undefined) return "none";
  const mode = isObject(value) ? value[discriminator] : undefined;
  return typeof mode === "string" ? mode : "";
}

/**
 * The value at `key` after switching it to `next`: what it held in that mode earlier in the session if
 * anything, otherwise `start` (undefined for "none"), which names the fields the mode has; the fields
 * named in `keep` (an alternative's id) come from the current value. The current value is remembered under its own mode.
 */
export function switchMode(options: {
  key: string;
  current: Json | undefined;
  discriminator: string;
  next: string;
  start: Json | undefined;
  memory: ModeMemory;
  keep?: readonly string[];
}): { value: Json | undefined; memory: ModeMemory } {
  const { key, current, discriminator, next, start, keep = [] } = options;
  const was = modeOf(current, discriminator);
  if (was === next) return { value: current, memory: options.memory };
  const memory = new Map(options.memory);
  if (current !== undefined) memory.set(`${key}#${was}`, current);
  const remembered = memory.get(`${key}#${next}`);
  // What is remembered comes back only in the fields its mode has (those `start` has), so that a
  // value imported with a leftover field (a Green Book discount with a rate) never returns with it.
  let value =
    isObject(remembered) && isObject(start)
      ? Object.fromEntries(
          Object.keys(start).map((field) => [field, remembered[field] ?? start[field]!])
        )
      : (remembered ?? start);
  if (isObject(value) && isObject(current)) {
    const kept: JsonObject = { ...value };
    for (const field of keep) if (current[field] !== undefined) kept[field] = current[field];
    value = kept;
  }
  return { value, memory };
}

// ---------------------------------------------------------------------------------------------
// Where each mode starts
// ---------------------------------------------------------------------------------------------

/** The Green Book's own rate for the first 30 years, where a flat rate starts. */
/**
 * A price basis in its mode: nominal starts from the Bank of England's 2% target, for the user to
 * replace with the OBR's GDP deflator forecast the Green Book asks for.
 */
export function priceBasisFor(kind: string): Json {
  return kind === "nominal"
    ? {
        kind: "nominal",
        inflation: 0.02,
        source:
          "The Bank of England's 2% CPI inflation target; replace with the OBR's GDP deflator forecast",
      }
    : { kind: "real" };
}

export function discountFor(kind: string): Json {
  return kind === "flat" ? { kind: "flat", rate: 0.035 } : { kind: "green-book" };
}

/**
 * Revenue in the other form, the same figures where they can be carried: a curve written out year by
 * year (to the whole pound), or revenue by year summed up as a curve that launches in the first year
 * with revenue, peaks in the year with the most and stays there, over as many years.
 */
export function revenueFor(kind: string, current: Json | undefined): Json {
  if (kind === "explicit") {
    const years = numberAt(current, "years") ?? 20;
    const launchYear = numberAt(current, "launchYear");
    const yearsToPeak = numberAt(current, "yearsToPeak");
    const peakRevenue = numberAt(current, "peakRevenue");
    const declineRate = numberAt(current, "declineRate") ?? 0;
    const usable =
      Number.isInteger(years) &&
      years >= 1 &&
      years <= 100 &&
      launchYear !== undefined &&
      yearsToPeak !== undefined &&
      Number.isInteger(launchYear) &&
      Number.isInteger(yearsToPeak) &&
      launchYear >= 1 &&
      yearsToPeak >= 1 &&
      peakRevenue !== undefined &&
      peakRevenue >= 0 &&
      declineRate >= 0 &&
      declineRate <= 1;
    const byYear = usable
      ? curveForecast({
          launchYear,
          yearsToPeak,
          peakRevenue: new Decimal(peakRevenue),
          declineRate: new Decimal(declineRate),
          years,
        }).map((revenue) => revenue.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber())
      : Array.from(
          { length: Number.isInteger(years) && years >= 1 && years <= 100 ? years : 10 },
          () => 0
        );
    return { kind: "explicit", byYear };
  }
  const byYear = isObject(current) && Array.isArray(current.byYear) ? current.byYear : [];
  const figures = byYear.map((value) => (typeof value === "number" && value >= 0 ? value : 0));
  if (figures.length === 0)
    return {
      kind: "curve",
      launchYear: 1,
      yearsToPeak: 1,
      peakRevenue: 0,
      declineRate: 0,
      years: 10,
    };
  const peak = Math.max(...figures);
  const launch = Math.max(
    0,
    figures.findIndex((value) => value > 0)
  );
  const peakIndex = figures.indexOf(peak);
  return {
    kind: "curve",
    launchYear: launch + 1,
    yearsToPeak: Math.max(1, peakIndex - launch + 1),
    peakRevenue: peak,
    declineRate: 0,
    years: figures.length,
  };
}

/** Revenue by year made `count` years long: later years cut off, new years at £0. */
export function resizeByYear(byYear: Json | undefined, count: number): Json[] {
  const list = Array.isArray(byYear) ? byYear : [];
  return Array.from({ length: count }, (_, i) => list[i] ?? 0);
}

/** A new alternative of each mechanism, valid as it stands so that the comparison keeps showing. */
export function alternativeFor(mechanism: string, id: string): Json {
  switch (mechanism) {
    case "fixed":
      return { id, mechanism, instalments: [{ year: 0, amount: 0 }] };
    case "subscription":
      return { id, mechanism, subscription: { annualFee: 0, years: 1 } };
    case "milestones":
      return {
        id,
        mechanism,
        milestones: [{ description: "Milestone 1", amount: 0, year: 1, probability: 0.5 }],
      };
    default:
      return {
        id,
        mechanism: "royalty",
        royalty: { tiers: [{ threshold: 0, rate: 0.05 }], termYears: 10 },
      };
  }
}

/**
 * A distribution of the other kind, around `typical` (the forecast's peak, or a year of delay): the
 * bounds it had are kept where the new kind has them and they still hold (min below max, the most
 * likely value between), otherwise half and one and a half times the typical value.
 */
export function distributionFor(
  kind: string,
  current: Json | undefined,
  typical: number
): Json | undefined {
  if (kind === "none") return undefined;
  const base = typical > 0 ? typical : 1;
  let min = numberAt(current, "min") ?? numberAt(current, "value") ?? base / 2;
  let max = numberAt(current, "max") ?? base * 1.5;
  if (!(min >= 0 && min < max)) {
    min = base / 2;
    max = base * 1.5;
  }
  const mode =
    numberAt(current, "mode") ?? numberAt(current, "value") ?? numberAt(current, "median");
  const middle = mode !== undefined && mode >= min && mode <= max ? mode : (min + max) / 2;
  switch (kind) {
    case "fixed":
      return { distribution: "fixed", value: middle };
    case "uniform":
      return { distribution: "uniform", min, max };
    case "triangular":
    case "pert":
      return { distribution: kind, min, mode: middle, max };
    default:
      return { distribution: "lognormal", median: middle > 0 ? middle : base, sigma: 0.5 };
  }
}

// ---------------------------------------------------------------------------------------------
// A quote's stage
// ---------------------------------------------------------------------------------------------

const STAGE_DATES = ["issuedOn", "acceptedOn", "declinedOn", "withdrawnOn"] as const;

/** The dates a quote at each stage may carry, as the document's schema allows them. */
const DATES_ALLOWED: Readonly<Record<string, readonly string[]>> = {
  draft: [],
  issued: ["issuedOn"],
  accepted: ["issuedOn", "acceptedOn"],
  declined: ["issuedOn", "declinedOn"],
  withdrawn: ["issuedOn", "withdrawnOn"],
};

/** The quote at another stage, without the dates that stage does not have. */
export function quoteAtStage(quote: Json | undefined, stage: string | undefined): Json {
  const next: JsonObject = { ...(isObject(quote) ? quote : {}) };
  if (stage === undefined) delete next.stage;
  else next.stage = stage;
  const allowed = stage === undefined ? undefined : DATES_ALLOWED[stage];
  if (allowed) for (const field of STAGE_DATES) if (!allowed.includes(field)) delete next[field];
  return next;
}
