/** The Partnership document: schema, parsing with field paths, version upgrades and readable labels. */
export * from "./schema";
export * from "./labels";
export { parsePartnership, parsePartnershipJson, type ParseResult } from "./parse";
export { migrateToCurrent, SUPPORTED_VERSIONS, type MigrationResult } from "./migrate";
export { DOCUMENT_PATH, formatPath, type DocumentIssue } from "./issues";
