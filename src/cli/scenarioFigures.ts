import type { Partnership } from "../document/schema";
import type { Decimal } from "../model/decimal";
import {
  type DiscountCurve,
  type FairShare,
  type ScenarioInputs,
  type ScenarioResult,
  type SensitivityGrid,
  type SimulationResult,
  type SimulationSettings,
  type Tornado,
} from "../core/scenarios";
import type { Counterparty } from "../core/scenarios/counterparty";
import { equivalentNominalRate } from "../core/scenarios/priceBasis";

/**
 * A scenario comparison as plain JSON for scripts and audits. Present values are valuations, not
 * prices: JSON numbers at full double precision, never rounded to the penny. Simulation figures are
 * doubles from the start. Nothing here depends on the clock or the machine, so the same document and
 * seed print the same bytes.
 *
 * `paybackTarget` is the scenarios block's own, or null when it gives none; only with a target does each
 * mechanism carry a `paybackYear` (null when it never reaches the target).
 *
 * `tornado` holds each mechanism's bars, the largest swing first: the assumption moved (its value in the
 * scenario, low and high, in its unit) and the risk-adjusted present value at the low and the high.
 */

const n = (value: Decimal) => value.toNumber();

export function discountFigures(curve: DiscountCurve): { kind: string; rate?: number } {
  return curve.kind === "flat" ? { kind: "flat", rate: n(curve.rate) } : { kind: "green-book" };
}

/**
 * Whether the amounts are real or nominal; with nominal amounts, the inflation that deflates them,
 * its source and, for one flat rate and one flat inflation, the nominal rate that discounts the same.
 */
export function priceBasisFigures(curve: DiscountCurve) {
  const basis = curve.priceBasis;
  if (basis.kind === "real") return { kind: "real" as const, stated: basis.stated };
  const nominal = equivalentNominalRate(basis, curve.kind === "flat" ? curve.rate : null);
  return {
    kind: "nominal" as const,
    inflation: basis.inflation.map(n),
    source: basis.source,
    equivalentNominalRate: nominal === null ? null : n(nominal),
  };
}

export function counterpartyFigures(counterparty: Counterparty) {
  return {
    defaultRate: n(counterparty.defaultRate),
    source: counterparty.source,
    stated: counterparty.stated,
  };
}

function tornadoFigures(tornado: Tornado) {
  return {
    mechanisms: tornado.mechanisms.map((mechanism) => ({
      id: mechanism.id,
      mechanism: mechanism.kind,
      riskAdjustedPresentValue: n(mechanism.baseValue),
      bars: mechanism.bars.map((bar) => ({
        assumption: bar.assumption,
        label: bar.label,
        unit: bar.unit,
        base: n(bar.base),
        low: n(bar.low),
        high: n(bar.high),
        valueAtLow: n(bar.valueAtLow),
        valueAtHigh: n(bar.valueAtHigh),
        swing: n(bar.swing),
      })),
    })),
  };
}

const rangeFigures = (range: { low: Decimal; high: Decimal }) => ({
  low: n(range.low),
  high: n(range.high),
});

/** The fair share: each factor's score and weight, the ranges, the ways to pay it and the offer. */
function fairShareFigures(share: FairShare) {
  const factor = (f: { score: Decimal; weight: Decimal }) => ({
    score: n(f.score),
    weight: n(f.weight),
  });
  return {
    factors: {
      data: factor(share.factors.data),
      intendedUse: factor(share.factors.intendedUse),
      expertise: factor(share.factors.expertise),
      riskAndInvestment: factor(share.factors.riskAndInvestment),
    },
    contribution: n(share.contribution),
    profitMargin: n(share.profitMargin),
    productValue: n(share.productValue),
    shareAtFullContribution: rangeFigures(share.shareAtFullContribution),
    share: rangeFigures(share.share),
    value: rangeFigures(share.value),
    royaltyRate: share.royaltyRate === null ? null : rangeFigures(share.royaltyRate),
    milestones:
      share.milestones === null
        ? null
        : {
            id: share.milestones.id,
            scale: rangeFigures(share.milestones.scale),
            total: rangeFigures(share.milestones.total),
          },
    fixedSum: rangeFigures(share.fixedSum),
    offer: {
      value: n(share.offer.value),
      share: share.offer.share === null ? null : n(share.offer.share),
      position: share.offer.position,
    },
  };
}

function gridFigures(grid: SensitivityGrid) {
  return {
    rows: grid.rows.map(n),
    columns: grid.columns.map(n),
    cells: grid.cells.map((row) => row.map(n)),
  };
}

export function scenarioFigures(
  doc: Partnership,
  inputs: ScenarioInputs,
  result: ScenarioResult,
  settings: SimulationSettings,
  simulation: SimulationResult,
  tornado: Tornado,
  fairShare: FairShare | null
) {
  const { royaltyRateByDiscountRate: byDiscount, peakRevenueByProbability: byPeak } =
    result.sensitivity;
  const target = result.paybackTarget;
  return {
    reference: doc.reference,
    discount: discountFigures(inputs.discount),
    priceBasis: priceBasisFigures(inputs.discount),
    counterparty: counterpartyFigures(inputs.counterparty),
    probabilityOfReachingMarket: n(inputs.probabilityOfReachingMarket),
    paybackTarget: target === null ? null : n(target),
    revenue: inputs.forecast.map(n),
    mechanisms: result.mechanisms.map((value) => ({
      id: value.id,
      mechanism: value.kind,
      fromDocument: value.fromDocument,
      presentValue: n(value.presentValue),
      riskAdjustedPresentValue: n(value.riskAdjustedPresentValue),
      ...(target === null ? {} : { paybackYear: value.paybackYear }),
      years: value.years.map((year) => ({
        year: year.year,
        expectedCash: n(year.expectedCash),
        discountedExpectedCash: n(year.discountedExpectedCash),
        cumulativeDiscountedExpectedCash: n(year.cumulativeDiscountedExpectedCash),
      })),
    })),
    breakevenRoyalty:
      result.breakeven.rate === null
        ? {
            rate: null,
            againstMilestones: result.breakeven.milestonesId,
            reason: result.breakeven.reason,
          }
        : { rate: n(result.breakeven.rate), againstMilestones: result.breakeven.milestonesId },
    sensitivity: {
      royaltyRateByDiscountRate: {
        ...gridFigures(byDiscount),
        milestones: byDiscount.milestones === null ? null : byDiscount.milestones.map(n),
      },
      peakRevenueByProbability: byPeak === null ? null : gridFigures(byPeak),
    },
    tornado: tornadoFigures(tornado),
    fairShare: fairShare === null ? null : fairShareFigures(fairShare),
    simulation: {
      trials: simulation.trials,
      seed: simulation.seed,
      milestoneDependence: settings.milestoneDependence,
      mechanisms: simulation.mechanisms.map((summary) => ({
        id: summary.id,
        mean: summary.mean,
        p10: summary.p10,
        p50: summary.p50,
        p90: summary.p90,
        histogram: summary.histogram,
      })),
      histogramEdges: simulation.histogramEdges,
      royaltyBeatsMilestones: simulation.royaltyBeatsMilestones,
    },
  };
}
