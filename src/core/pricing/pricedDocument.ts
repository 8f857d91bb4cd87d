/*
 * A Partnership document, validated and priced, or every reason it cannot be: the first step of every
 * quote the add-in writes (the sheet in the open workbook, the partner copy).
 */
import { InputError } from "../../model/errors";
import { checkPrinciples, type CheckContext, type Finding } from "../principles";
import { priceQuote, type Quote } from "./quote";
import { parsePartnership, type DocumentIssue, type Partnership } from "../../document";

export type PricedDocument =
  | { ok: true; doc: Partnership; quote: Quote; findings: readonly Finding[] }
  | { ok: false; issues: DocumentIssue[] };

/** `context.strategy`: the trust's pricing strategy, to check the quote's rates and lines against. */
export function priceDocument(json: unknown, context: CheckContext = {}): PricedDocument {
  const parsed = parsePartnership(json);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const doc = parsed.document;
  let quote: Quote;
  try {
    quote = priceQuote(doc);
  } catch (error) {
    // A valid document whose figures are out of range (a line above the quote limit, say).
    if (error instanceof InputError)
      return { ok: false, issues: [{ path: error.argument, message: error.problem }] };
    throw error;
  }
  return { ok: true, doc, quote, findings: checkPrinciples(doc, quote, context) };
}
