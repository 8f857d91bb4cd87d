/*
 * Text safety. Text that comes from a document (partner names, descriptions, references) is data and
 * must reach the sheet as a text cell, never as a formula, number, date or error, on both paths:
 *
 *  - ExcelJS (xlsx files): a JavaScript string assigned to `cell.value` is always written as a string
 *    cell (`t="s"`, shared string), whatever its first character; ExcelJS only writes a formula for an
 *    object `{ formula }`. So the xlsx writer passes text as plain strings and never builds formula
 *    objects from text. What ExcelJS does NOT do is OOXML's own string escaping: it drops control
 *    characters silently, writes CR raw (XML parsers turn it into LF), and on reading decodes any
 *    `_xHHHH_` sequence as a character. `encodeXlsxText` escapes those so text round-trips exactly.
 *
 *  - Office.js (the add-in): `Range.values` parses strings exactly as if typed into the cell, so "=..."
 *    becomes a formula, "+1"/"-2+3"/"@SUM(..)" become formulas or numbers, "00123" the number 123,
 *    "TRUE" a boolean, "1/2/2025" a date and "#N/A" an error. The writer therefore writes EVERY text
 *    cell with a leading apostrophe (`officeTextLiteral`): Excel's own "this is text" prefix, which is
 *    not displayed, not part of the value read back, and makes Excel store the rest verbatim (a text
 *    that itself starts with an apostrophe keeps it, because only the first one is consumed).
 *    The alternative, setting the number format to "@" before writing, was rejected: the "@" format is
 *    sticky (anything the user later types into those cells, including a formula, stays text),
 *    Excel shows "####" for text-formatted cells holding more than 255 characters, and it relies on
 *    the ordering of two property sets in a batch rather than on the value itself.
 */

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32_767;

/** Characters that make Excel (or Range.values) read typed input as a formula. */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@"]);

/**
 * True when a string would be taken for a formula (or DDE payload) if typed or written through
 * `Range.values`, or by a CSV consumer: it starts with = + - @, possibly after whitespace/control
 * characters (tab and CR are the classic CSV-injection prefixes).
 */
export function looksLikeFormula(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  const trimmed = text.replace(/^[\s\u0000-\u001f]+/, "");
  const first = trimmed.charAt(0);
  return FORMULA_TRIGGERS.has(first) || FORMULA_TRIGGERS.has(text.charAt(0));
}

/**
 * The text both writers put in a cell: C0 control characters other than TAB, LF and CR, and DEL, are
 * removed (they are invisible, cannot be typed, and are invalid in XML 1.0), lone UTF-16 surrogates
 * become U+FFFD. Everything else, including a leading "=", is kept: it is text.
 */
export function normaliseCellText(text: string): string {
  // eslint-disable-next-line no-control-regex
  let out = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  out = out.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd"
  );
  return out;
}

/**
 * The string to give ExcelJS for a text cell (already normalised): OOXML's ST_Xstring escaping for
 * the two things ExcelJS does not escape itself: a literal "_xHHHH_" (which readers decode as a
 * character) gets its underscore escaped as "_x005F_", and CR is written as "_x000D_" so it is not
 * normalised to LF. Excel, LibreOffice and ExcelJS all decode these back to the original text.
 */
export function encodeXlsxText(text: string): string {
  // Every "_" that starts an "_xHHHH_" is escaped, including overlapping ones ("_x005F_x0041_").
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_").replace(/\r/g, "_x000D_");
}

/** The string the Office.js writer puts in `Range.values` for a text cell: always apostrophe-prefixed. */
export function officeTextLiteral(text: string): string {
  return `'${text}`;
}

/**
 * Escapes text for an Excel header/footer section, where "&" starts a format code ("&P" = page
 * number, "&D" = date...). Line breaks and control characters are dropped.
 */
export function escapeHeaderFooterText(text: string): string {
  return normaliseCellText(text)
    .replace(/[\r\n\t]+/g, " ")
    .replace(/&/g, "&&");
}

/**
 * A string literal for use inside a formula: `"` doubled and the whole wrapped in quotes, so a
 * document's text can appear in a formula (e.g. in IF(...)) without becoming part of its syntax.
 * Excel limits a string constant in a formula to 255 characters.
 */
export function formulaStringLiteral(text: string): string {
  const clean = normaliseCellText(text);
  if (clean.length > 255)
    throw new RangeError("A text constant in a formula is limited to 255 characters");
  return `"${clean.replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------------------------------------
// Sheet names
// ---------------------------------------------------------------------------------------------

export const MAX_SHEET_NAME = 31;

/** Names Excel refuses for a worksheet (compared case-insensitively). */
export const RESERVED_SHEET_NAMES: readonly string[] = ["History"];

const INVALID_SHEET_CHARS = /[/\\?*:[\]]/g;

function foldName(name: string): string {
  return name.toUpperCase();
}

/** Cuts a string to at most `max` UTF-16 units without splitting a surrogate pair. */
function cutUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

function stripEnds(name: string): string {
  let out = name.trim();
  // Excel rejects a name that begins or ends with an apostrophe.
  while (out.startsWith("'") || out.endsWith("'")) {
    out = out.replace(/^'+/, "").replace(/'+$/, "").trim();
  }
  return out;
}

/**
 * A valid worksheet name close to `desired`: characters Excel forbids (/ \ ? * : [ ]) become "-",
 * control characters are removed, leading/trailing spaces and apostrophes are stripped, the result is
 * cut to 31 characters, and an empty result becomes `fallback`.
 */
export function makeValidSheetName(desired: string, fallback = "Sheet"): string {
  // eslint-disable-next-line no-control-regex
  let name = normaliseCellText(desired).replace(/[\u0000-\u001f]/g, " ");
  name = name.replace(INVALID_SHEET_CHARS, "-");
  name = stripEnds(name);
  name = stripEnds(cutUnits(name, MAX_SHEET_NAME));
  if (name === "") {
    if (fallback === desired) throw new RangeError("The fallback sheet name is not valid");
    return makeValidSheetName(fallback, "Sheet");
  }
  return name;
}

/** True if `name` can be used as-is for a new sheet (valid, not reserved); uniqueness not checked. */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name === makeValidSheetName(name) &&
    !RESERVED_SHEET_NAMES.some((r) => foldName(r) === foldName(name))
  );
}

/**
 * A valid sheet name for `desired` that differs, case-insensitively, from every name in `existing`
 * and from the reserved names: "Quote", then "Quote (2)", "Quote (3)"..., trimming the base so the
 * suffix still fits in 31 characters. Generating again therefore never overwrites a sheet.
 */
export function uniqueSheetName(
  desired: string,
  existing: Iterable<string>,
  fallback = "Sheet"
): string {
  const taken = new Set<string>();
  for (const n of existing) taken.add(foldName(n));
  for (const r of RESERVED_SHEET_NAMES) taken.add(foldName(r));
  const base = makeValidSheetName(desired, fallback);
  if (!taken.has(foldName(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const stem = stripEnds(cutUnits(base, MAX_SHEET_NAME - suffix.length)) || "Sheet";
    const candidate = `${stem}${suffix}`;
    if (!taken.has(foldName(candidate))) return candidate;
  }
}

/** Assigns unique names to several desired names at once (each also unique against the earlier ones). */
export function uniqueSheetNames(desired: readonly string[], existing: Iterable<string>): string[] {
  const used = [...existing];
  return desired.map((d) => {
    const name = uniqueSheetName(d, used);
    used.push(name);
    return name;
  });
}
