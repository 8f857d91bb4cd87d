import { DOCUMENT_PATH, issuesFromZod, plainEnglish, type DocumentIssue } from "./issues";
import { migrateToCurrent } from "./migrate";
import { partnershipSchema, type Partnership } from "./schema";

export type ParseResult =
  | { readonly ok: true; readonly document: Partnership }
  | { readonly ok: false; readonly issues: DocumentIssue[] };

/**
 * Reads a partnership document at the edge of the add-in (a file, a pasted JSON, a sheet's export):
 * upgrades it to the current version, then validates it. On failure it reports every invalid field,
 * each with its path (`costs.lines[2].unitCost`) and a plain-English message, in the order the format lists its fields.
 * Text comes back exactly as written; defaults (onCostRate 0, subscription indexation 0 and
 * payment in advance, no instalments) are filled in.
 */
export function parsePartnership(json: unknown): ParseResult {
  const migrated = migrateToCurrent(json);
  if (!migrated.ok) return migrated;
  const result = partnershipSchema.safeParse(migrated.document, { error: plainEnglish });
  if (result.success) return { ok: true, document: result.data };
  return { ok: false, issues: issuesFromZod(result.error.issues) };
}

/** Parses JSON text, reporting a syntax error as an issue of the whole document rather than throwing. */
export function parsePartnershipJson(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issues: [{ path: DOCUMENT_PATH, message: `is not valid JSON: ${reason}` }],
    };
  }
  return parsePartnership(json);
}
