/** The two documents: the Partnership and the trust's pricing strategy; schemas, parsing with field paths, version upgrades and readable labels. */
export * from "./schema";
export * from "./strategy";
export * from "./labels";
export { fieldLabel } from "./fieldLabels";
export {
  documentKind,
  parsePartnership,
  parseStrategy,
  readJsonText,
  type StrategyParseResult,
} from "./parse";
export { migrateToCurrent } from "./v1/migrate";
export type { PartnershipV1 } from "./v1/schema";
export { formatPath, type DocumentIssue } from "./issues";
export { PLACEHOLDER, placeholders } from "./placeholders";
