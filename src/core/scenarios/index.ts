/** Royalty versus milestones and the other mechanisms: comparison, breakeven, sensitivity and simulation. */
export { evaluateScenarios, firstOfKind, type ScenarioInputs, type ScenarioResult } from "./engine";
export {
  scenarioInputs,
  simulationSettings,
  documentCandidates,
  forecastOf,
  discountOf,
  documentTermValues,
  type DocumentTermValue,
} from "./fromDocument";
export {
  simulate,
  summarise,
  percentileOfSorted,
  HISTOGRAM_BINS,
  type SimulationResult,
  type SimulationSettings,
  type MechanismSummary,
} from "./monteCarlo";
export type { Candidate, CashFlow, Mechanism, MechanismKind } from "./mechanisms";
export type { MechanismValue, YearOfCash } from "./value";
export type { Breakeven } from "./breakeven";
export type { SensitivityGrid, RoyaltyByDiscountRate } from "./sensitivity";
export { flatCurve, GREEN_BOOK_CURVE, type DiscountCurve } from "./discountCurve";
