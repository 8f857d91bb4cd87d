/** Royalty versus milestones and the other mechanisms: comparison, breakeven, sensitivity and simulation. */
export {
  breakevenRevenueValue,
  evaluateScenarios,
  firstOfKind,
  type ScenarioInputs,
  type ScenarioResult,
} from "./engine";
export {
  scenarioInputs,
  simulationSettings,
  documentTermValues,
  tornadoRangesOf,
} from "./fromDocument";
export {
  simulate,
  summarise,
  percentileOfSorted,
  type SimulationResult,
  type SimulationSettings,
} from "./monteCarlo";
export type { Candidate, Mechanism, MechanismKind } from "./mechanisms";
export type { MechanismValue } from "./value";
export type { SensitivityGrid } from "./sensitivity";
export { flatCurve, GREEN_BOOK_CURVE, type DiscountCurve } from "./discountCurve";
export { priceBasisSentence } from "./priceBasis";
export { counterpartySentence } from "./counterparty";
export { tornado, type Tornado, type TornadoBar, type TornadoUnit } from "./tornado";
export { fairShareOf, fairShareSentences, type FairShare } from "./fairShare";
export { partnershipValue, type PartnershipValue } from "./across";
