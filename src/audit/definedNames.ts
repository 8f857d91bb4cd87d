/*
 * Which defined names each sheet can see, from the names as a workbook stores them: shared by the
 * .xlsx reader and the Office.js reader, so both hand the checks the same names for the same workbook.
 */
import { parseRangeAddress } from "../workbook/spec/a1";

/** A defined name as read: scoped to `sheetName`, or workbook-level when that is undefined. */
export interface ReadDefinedName {
  readonly name: string;
  readonly sheetName?: string;
  /** What it refers to, without a leading "=": "'Quote (2)'!$A$1:$I$9", "#REF!". */
  readonly text: string;
}

/** "'Quote (2)'!$A$1:$I$9" → ["Quote (2)", "$A$1:$I$9"]; undefined for anything else. */
function splitSheetReference(text: string): [string, string] | undefined {
  const m =
    /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(
      text.trim()
    );
  if (!m) return undefined;
  return [m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string), m[3] as string];
}

/**
 * The names each sheet can see: its own sheet-scoped names, then workbook-level names that point at
 * it (a tool that drops the scope keeps the name pointing at the right sheet). A name that is not a
 * range of its own sheet keeps its raw text, which the quote reader reports as a broken reference.
 */
export function namesBySheet(
  names: readonly ReadDefinedName[],
  sheetNames: readonly string[]
): Map<string, Map<string, string>> {
  const bySheet = new Map<string, Map<string, string>>(sheetNames.map((name) => [name, new Map()]));
  const ordered = [
    ...names.filter((name) => name.sheetName !== undefined),
    ...names.filter((name) => name.sheetName === undefined),
  ];
  for (const name of ordered) {
    const split = splitSheetReference(name.text);
    const owner = name.sheetName ?? split?.[0];
    const target = owner === undefined ? undefined : bySheet.get(owner);
    if (target === undefined || target.has(name.name)) continue;
    const onThisSheet = split !== undefined && split[0] === owner;
    if (onThisSheet) {
      try {
        parseRangeAddress(split[1]);
        target.set(name.name, split[1]);
        continue;
      } catch {
        // not a range: kept as written below
      }
    }
    target.set(name.name, name.text);
  }
  return bySheet;
}
