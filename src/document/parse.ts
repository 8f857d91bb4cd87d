import { parse as parseTolerantly, printParseErrorCode, type ParseError } from "jsonc-parser";
import {
  DOCUMENT_PATH,
  issuesFromZod,
  plainEnglish,
  plainEnglishForStrategy,
  type DocumentIssue,
} from "./issues";
import { migrateToCurrent } from "./v1/migrate";
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, partnershipSchema, type Partnership } from "./schema";
import type { PartnershipV1 } from "./v1/schema";
import { STRATEGY_FORMAT, strategySchema, type PricingStrategy } from "./strategy";
import { upgradeStrategy } from "./strategyUpgrade";

export type ParseResult =
  | {
      readonly ok: true;
      readonly document: Partnership;
      /** Present when the document was written in an older version and upgraded on reading. */
      readonly upgradedFrom?: {
        readonly version: number;
        /** The document as written, when it was version 1 (whose arithmetic differed). */
        readonly original?: PartnershipV1;
        /** What the upgrade had to change beyond the format (a figure rounded, a rate capped). */
        readonly notes: readonly string[];
      };
    }
  | { readonly ok: false; readonly issues: DocumentIssue[] };

/**
 * Reads a partnership document at the edge of the add-in (a file, a pasted JSON, a sheet's export):
 * upgrades it to the current version, then validates it. On failure it reports every invalid field,
 * each with its path (`costs.lines[2].unitCost`) and a plain-English message, in the order the format lists its fields.
 * Text comes back exactly as written; defaults (line kinds by category, no pass-through, no
 * overrides or direct allocations, subscription indexation 0 paid in advance, no instalments) are filled in.
 */
export function parsePartnership(json: unknown): ParseResult {
  const migrated = migrateToCurrent(json);
  if (!migrated.ok) return migrated;
  const result = partnershipSchema.safeParse(migrated.document, { error: plainEnglish });
  if (!result.success) return { ok: false, issues: issuesFromZod(result.error.issues) };
  if (migrated.fromVersion === DOCUMENT_VERSION) return { ok: true, document: result.data };
  return {
    ok: true,
    document: result.data,
    upgradedFrom: {
      version: migrated.fromVersion,
      ...(migrated.original === undefined ? {} : { original: migrated.original }),
      notes: migrated.notes ?? [],
    },
  };
}

export type StrategyParseResult =
  | {
      readonly ok: true;
      readonly document: PricingStrategy;
      /** Present when the strategy was written in an older version and upgraded on reading. */
      readonly upgradedFrom?: { readonly version: number; readonly notes: readonly string[] };
    }
  | { readonly ok: false; readonly issues: DocumentIssue[] };

/** Reads a pricing strategy document, reporting every invalid field with its path. */
export function parseStrategy(json: unknown): StrategyParseResult {
  const upgrade = upgradeStrategy(json);
  const result = strategySchema.safeParse(upgrade.json, { error: plainEnglishForStrategy });
  if (result.success)
    return upgrade.fromVersion === undefined
      ? { ok: true, document: result.data }
      : {
          ok: true,
          document: result.data,
          upgradedFrom: { version: upgrade.fromVersion, notes: upgrade.notes },
        };
  return { ok: false, issues: issuesFromZod(result.error.issues) };
}

export type JsonReadResult =
  | { readonly ok: true; readonly json: unknown }
  | { readonly ok: false; readonly issues: DocumentIssue[] };

/** Line and column (from 1) of a character offset, for a message a person can find in an editor. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

const SYNTAX_PROBLEMS: Readonly<Record<string, string>> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "a number is written wrongly",
  PropertyNameExpected: "a field name in double quotes was expected (is there a comma too many?)",
  ValueExpected: "a value was expected",
  ColonExpected: 'a ":" was expected after the field name',
  CommaExpected: "a comma was expected",
  CloseBraceExpected: 'a closing "}" was expected',
  CloseBracketExpected: 'a closing "]" was expected',
  EndOfFileExpected: "the document should end here",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "comments are not allowed in JSON",
  UnexpectedEndOfString: "a text value is not closed with a double quote",
  UnexpectedEndOfNumber: "a number ends unexpectedly",
  InvalidUnicode: "an invalid \\u escape",
  InvalidEscapeCharacter: "an invalid escape (\\) in a text value",
  InvalidCharacter: "a character that must be escaped in a text value",
};

/**
 * Parses JSON text as people save it: a UTF-8 byte-order mark (Notepad, PowerShell 5) is ignored,
 * and a syntax error is reported with its line and column rather than thrown.
 */
export function readJsonText(raw: string): JsonReadResult {
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    if (text.trim() === "")
      return {
        ok: false,
        issues: [{ path: DOCUMENT_PATH, message: "is empty: it holds no JSON" }],
      };
    // JSON.parse says what is wrong but not always where; a tolerant parser finds the place.
    const errors: ParseError[] = [];
    parseTolerantly(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (first === undefined) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        issues: [{ path: DOCUMENT_PATH, message: `is not valid JSON: ${reason}` }],
      };
    }
    const { line, column } = lineAndColumn(text, first.offset);
    const code = printParseErrorCode(first.error);
    return {
      ok: false,
      issues: [
        {
          path: DOCUMENT_PATH,
          message: `is not valid JSON: ${SYNTAX_PROBLEMS[code] ?? code} at line ${line}, column ${column}`,
        },
      ],
    };
  }
}

/** Parses JSON text into a pricing strategy; syntax errors are issues of the whole document. */
export function parseStrategyJson(text: string): StrategyParseResult {
  const read = readJsonText(text);
  return read.ok ? parseStrategy(read.json) : read;
}

/** Which of the two document types a JSON value says it is, by its `format`. */
export function documentKind(json: unknown): "partnership" | "strategy" | undefined {
  const format = (json as { format?: unknown } | null)?.format;
  if (format === DOCUMENT_FORMAT) return "partnership";
  if (format === STRATEGY_FORMAT) return "strategy";
  return undefined;
}
