/** The two documents: the Partnership and the trust's pricing strategy; schemas, parsing with field paths, version upgrades and readable labels. */
export * from "./schema";
export * from "./strategy";
export * from "./labels";
export {
  documentKind,
  parsePartnership,
  parseStrategy,
  parseStrategyJson,
  readJsonText,
  type JsonReadResult,
  type ParseResult,
  type StrategyParseResult,
} from "./parse";
export { migrateToCurrent, SUPPORTED_VERSIONS, type MigrationResult } from "./v1/migrate";
export type { PartnershipV1 } from "./v1/schema";
export { DOCUMENT_PATH, formatPath, type DocumentIssue } from "./issues";
