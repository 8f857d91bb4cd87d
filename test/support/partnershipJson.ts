/*
 * A partnership document's JSON text to a parse result, a syntax error being an issue of the whole
 * document: readJsonText, then parsePartnership. The source reads JSON and parses it apart (the pane
 * imports into its workspace, the CLI reports its own way); the document tests read text this way.
 */
import { parsePartnership, readJsonText, type ParseResult } from "../../src/document/parse";

export function parsePartnershipJson(text: string): ParseResult {
  const read = readJsonText(text);
  return read.ok ? parsePartnership(read.json) : read;
}
