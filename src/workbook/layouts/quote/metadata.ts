/**
 * The names and record keys a quote sheet carries about itself now live in contract.ts (what the audit
 * relies on) and the record's writer in sections/record.ts; this module keeps the old import path
 * working for code outside this folder (src/addin/quoteInExcel.ts).
 */
export { QUOTE_LAYOUT_VERSION, QUOTE_METADATA_NAMES, QUOTE_PRODUCT, RECORD_KEYS } from "./contract";
