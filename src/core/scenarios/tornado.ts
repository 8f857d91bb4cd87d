import { Decimal, ONE, ZERO } from "../../model/decimal";
import { invalidValue } from "../../model/errors";
import type { DiscountCurve } from "./discountCurve";
import { riskAdjustedValue, type ScenarioInputs } from "./engine";
import type { Mechanism, MechanismKind } from "./mechanisms";
import { peakOf, scaleToPeak } from "./revenue";
import { FactorCache } from "./value";

/**
 * The tornado: one assumption at a time moved to a low then a high value, everything else as the
 * scenario states it, and each mechanism's risk-adjusted present value (rNPV) at both; the assumptions
 * sorted by swing, |value at high - value at low|, the largest first, so that an analyst sees which
 * assumption drives each mechanism's value. Present values are decimals and not rounded.
 *
 * Adding an assumption is one entry in TORNADO_ASSUMPTIONS: what it is called, its unit, its value in
 * the scenario, its default low and high, and how it changes the inputs.
 */

/** How an assumption's values read: pounds, a probability, whole years, a multiple, a rate or points. */
export type TornadoUnit = "pounds" | "probability" | "years" | "multiple" | "rate" | "points";

export interface TornadoRange {
  readonly low: Decimal;
  readonly high: Decimal;
}

export interface TornadoAssumption {
  /** As the document's scenarios.tornado names it. */
  readonly id: string;
  label(inputs: ScenarioInputs): string;
  unit(inputs: ScenarioInputs): TornadoUnit;
  /** Whether it means anything for these inputs (a peak to scale, a royalty to vary). */
  applies(inputs: ScenarioInputs): boolean;
  /** Its value as the scenario states it. */
  base(inputs: ScenarioInputs): Decimal;
  /** The low and high when the document gives none: a documented starting point. */
  defaults(inputs: ScenarioInputs): TornadoRange;
  /** The inputs with this assumption at `value` and every other as it was. */
  apply(inputs: ScenarioInputs, value: Decimal): ScenarioInputs;
}

const HALF = new Decimal("0.5");
const ONE_AND_A_HALF = new Decimal("1.5");
const TWO_POINTS = new Decimal("0.02");
const ONE_POINT = new Decimal("0.01");
const FIVE_PERCENT = new Decimal("0.05");
/** The highest a default high default rate goes: a partner certain to stop paying is not a rate. */
const ALMOST_ONE = new Decimal("0.99");
/** The lowest a default low discount rate goes: a rate must stay above -1. */
const LOWEST_RATE = new Decimal("-0.99");

const withCandidates = (
  inputs: ScenarioInputs,
  change: (mechanism: Mechanism) => Mechanism | null
): ScenarioInputs => ({
  ...inputs,
  candidates: inputs.candidates.map((candidate) => {
    const changed = change(candidate.mechanism);
    return changed === null ? candidate : { ...candidate, mechanism: changed };
  }),
});

/** The assumptions a tornado varies, in the order they are listed before sorting. */
export const TORNADO_ASSUMPTIONS: readonly TornadoAssumption[] = [
  {
    id: "peakRevenue",
    label: () => "Peak revenue a year",
    unit: () => "pounds",
    applies: (inputs) => !peakOf(inputs.forecast).isZero(),
    base: (inputs) => peakOf(inputs.forecast),
    defaults: (inputs) => {
      const peak = peakOf(inputs.forecast);
      return { low: peak.times(HALF), high: peak.times(ONE_AND_A_HALF) };
    },
    apply: (inputs, value) => ({
      ...inputs,
      forecast: scaleToPeak(inputs.forecast, value, "scenarios.tornado.peakRevenue"),
    }),
  },
  {
    id: "probabilityOfReachingMarket",
    label: () => "Chance of reaching market",
    unit: () => "probability",
    applies: () => true,
    base: (inputs) => inputs.probabilityOfReachingMarket,
    defaults: ({ probabilityOfReachingMarket: p }) => ({
      low: p.times(HALF),
      high: Decimal.min(ONE, p.times(ONE_AND_A_HALF)),
    }),
    apply: (inputs, value) => ({ ...inputs, probabilityOfReachingMarket: value }),
  },
  {
    id: "launchDelayYears",
    label: () => "Launch delay (years)",
    unit: () => "years",
    applies: () => true,
    base: () => ZERO,
    defaults: () => ({ low: ZERO, high: new Decimal(2) }),
    apply: (inputs, value) => delayed(inputs, value.toNumber()),
  },
  {
    id: "royaltyRate",
    label: () => "Royalty rates (multiple)",
    unit: () => "multiple",
    applies: (inputs) => inputs.candidates.some(({ mechanism }) => mechanism.kind === "royalty"),
    base: () => ONE,
    defaults: () => ({ low: HALF, high: ONE_AND_A_HALF }),
    apply: (inputs, value) =>
      withCandidates(inputs, (mechanism) =>
        mechanism.kind !== "royalty"
          ? null
          : {
              ...mechanism,
              terms: {
                ...mechanism.terms,
                // A rate above 100% of revenue is not a royalty: each tier stops at 100%.
                rates: mechanism.terms.rates.map((rate) => Decimal.min(ONE, rate.times(value))),
              },
            }
      ),
  },
  {
    id: "discountRate",
    label: (inputs) =>
      inputs.discount.kind === "flat" ? "Discount rate" : "Discount (Green Book, points)",
    unit: (inputs) => (inputs.discount.kind === "flat" ? "rate" : "points"),
    applies: () => true,
    base: ({ discount }) => (discount.kind === "flat" ? discount.rate : (discount.shift ?? ZERO)),
    defaults: ({ discount }) => {
      const base = discount.kind === "flat" ? discount.rate : (discount.shift ?? ZERO);
      return { low: Decimal.max(LOWEST_RATE, base.minus(TWO_POINTS)), high: base.plus(TWO_POINTS) };
    },
    apply: (inputs, value) => ({ ...inputs, discount: discountAt(inputs.discount, value) }),
  },
  {
    id: "inflation",
    label: () => "Inflation (points)",
    unit: () => "points",
    applies: (inputs) => inputs.discount.priceBasis.kind === "nominal",
    base: () => ZERO,
    defaults: () => ({ low: ONE_POINT.negated(), high: ONE_POINT }),
    apply: (inputs, value) => {
      const basis = inputs.discount.priceBasis;
      if (basis.kind !== "nominal") return inputs;
      const inflation = basis.inflation.map((rate) => rate.plus(value));
      if (inflation.some((rate) => rate.lessThanOrEqualTo(-1)))
        throw invalidValue("scenarios.tornado.inflation", "takes inflation to -100% or below");
      return { ...inputs, discount: { ...inputs.discount, priceBasis: { ...basis, inflation } } };
    },
  },
  {
    id: "defaultRate",
    label: () => "Partner's default rate",
    unit: () => "rate",
    applies: (inputs) => inputs.candidates.some(({ mechanism }) => mechanism.kind !== "royalty"),
    base: (inputs) => inputs.counterparty.defaultRate,
    defaults: ({ counterparty: { defaultRate } }) => ({
      low: ZERO,
      high: defaultRate.isZero() ? FIVE_PERCENT : Decimal.min(ALMOST_ONE, defaultRate.times(2)),
    }),
    apply: (inputs, value) => ({
      ...inputs,
      counterparty: { ...inputs.counterparty, defaultRate: value },
    }),
  },
];

/** The low and high the document states, by assumption id; an assumption not given takes its defaults. */
export type TornadoRanges = Readonly<Record<string, TornadoRange | undefined>>;

/** A flat curve at `value`, or the Green Book's bands each moved by `value` points. */
function discountAt(curve: DiscountCurve, value: Decimal): DiscountCurve {
  if (curve.kind === "flat") {
    if (value.lessThanOrEqualTo(-1))
      throw invalidValue("scenarios.tornado.discountRate", "must be greater than -1");
    return { kind: "flat", rate: value, priceBasis: curve.priceBasis };
  }
  return { kind: "green-book", shift: value, priceBasis: curve.priceBasis };
}

/**
 * The launch `years` whole years late: the revenue forecast moved later by that many years, cut at the
 * forecast's end (as the simulation does), and every milestone tied to the launch moved with it.
 */
function delayed(inputs: ScenarioInputs, years: number): ScenarioInputs {
  if (!Number.isInteger(years) || years < 0)
    throw invalidValue("scenarios.tornado.launchDelayYears", "must be a whole number of years");
  if (years === 0) return inputs;
  const { forecast } = inputs;
  const moved = forecast.map((_, i) => (i < years ? ZERO : (forecast[i - years] as Decimal)));
  return withCandidates({ ...inputs, forecast: moved }, (mechanism) =>
    mechanism.kind !== "milestones"
      ? null
      : {
          ...mechanism,
          milestones: mechanism.milestones.map((milestone) =>
            milestone.tiedToLaunch === true
              ? { ...milestone, period: milestone.period.plus(years) }
              : milestone
          ),
        }
  );
}

export interface TornadoBar {
  readonly assumption: string;
  readonly label: string;
  readonly unit: TornadoUnit;
  /** The assumption's value in the scenario. */
  readonly base: Decimal;
  readonly low: Decimal;
  readonly high: Decimal;
  readonly valueAtLow: Decimal;
  readonly valueAtHigh: Decimal;
  /** |valueAtHigh - valueAtLow|. */
  readonly swing: Decimal;
}

export interface MechanismTornado {
  readonly id: string;
  readonly kind: MechanismKind;
  /** The rNPV with every assumption as the scenario states it. */
  readonly baseValue: Decimal;
  /** Largest swing first; equal swings in TORNADO_ASSUMPTIONS's order. */
  readonly bars: readonly TornadoBar[];
}

export interface Tornado {
  readonly mechanisms: readonly MechanismTornado[];
}

/** Each candidate's rNPV under `inputs`, sharing the discount factors of `base` when the curve is its. */
function values(
  inputs: ScenarioInputs,
  factorsOf: (curve: DiscountCurve) => FactorCache
): Decimal[] {
  const factors = factorsOf(inputs.discount);
  return inputs.candidates.map((candidate) => riskAdjustedValue(candidate, inputs, factors));
}

/** The assumptions' low and high: the document's where it gives them, else the defaults. */
export function tornadoRanges(
  inputs: ScenarioInputs,
  ranges: TornadoRanges = {}
): { assumption: TornadoAssumption; range: TornadoRange }[] {
  return TORNADO_ASSUMPTIONS.filter((assumption) => assumption.applies(inputs)).map(
    (assumption) => ({ assumption, range: ranges[assumption.id] ?? assumption.defaults(inputs) })
  );
}

export function tornado(inputs: ScenarioInputs, ranges: TornadoRanges = {}): Tornado {
  const caches = new Map<DiscountCurve, FactorCache>();
  const factorsOf = (curve: DiscountCurve) => {
    let cache = caches.get(curve);
    if (cache === undefined) {
      cache = new FactorCache(curve);
      caches.set(curve, cache);
    }
    return cache;
  };
  const baseValues = values(inputs, factorsOf);
  const varied = tornadoRanges(inputs, ranges).map(({ assumption, range }) => ({
    assumption,
    range,
    atLow: values(assumption.apply(inputs, range.low), factorsOf),
    atHigh: values(assumption.apply(inputs, range.high), factorsOf),
  }));
  return {
    mechanisms: inputs.candidates.map((candidate, m) => {
      const bars = varied.map(({ assumption, range, atLow, atHigh }): TornadoBar => {
        const valueAtLow = atLow[m] as Decimal;
        const valueAtHigh = atHigh[m] as Decimal;
        return {
          assumption: assumption.id,
          label: assumption.label(inputs),
          unit: assumption.unit(inputs),
          base: assumption.base(inputs),
          low: range.low,
          high: range.high,
          valueAtLow,
          valueAtHigh,
          swing: valueAtHigh.minus(valueAtLow).abs(),
        };
      });
      // Array.prototype.sort is stable: equal swings keep the list's order.
      bars.sort((a, b) => b.swing.comparedTo(a.swing));
      return {
        id: candidate.id,
        kind: candidate.mechanism.kind,
        baseValue: baseValues[m] as Decimal,
        bars,
      };
    }),
  };
}
