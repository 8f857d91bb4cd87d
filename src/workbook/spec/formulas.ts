/** What a generated sheet's formulas and defined names may contain: native functions only, Excel's name rules. */
import { MAX_COLUMNS, MAX_ROWS, columnNumber } from "./a1";
import { formulaBody } from "./spec";

/**
 * Functions a generated sheet may use: long-standing native Excel functions that need no `_xlfn.`
 * prefix in a file and that LibreOffice and HyperFormula also implement.
 */
export const NATIVE_FUNCTIONS: ReadonlySet<string> = new Set([
  "ABS",
  "AND",
  "AVERAGE",
  "AVERAGEIF",
  "CEILING",
  "CHOOSE",
  "COLUMN",
  "COLUMNS",
  "CONCATENATE",
  "COUNT",
  "COUNTA",
  "COUNTBLANK",
  "COUNTIF",
  "COUNTIFS",
  "DATE",
  "DAY",
  "DAYS360",
  "EDATE",
  "EOMONTH",
  "EXACT",
  "EXP",
  "FALSE",
  "FIND",
  "FLOOR",
  "FV",
  "HLOOKUP",
  "HOUR",
  "HYPERLINK",
  "IF",
  "IFERROR",
  "INDEX",
  "INT",
  "IRR",
  "ISBLANK",
  "ISERROR",
  "ISNUMBER",
  "ISTEXT",
  "LARGE",
  "LEFT",
  "LEN",
  "LN",
  "LOG",
  "LOG10",
  "LOOKUP",
  "LOWER",
  "MATCH",
  "MAX",
  "MEDIAN",
  "MID",
  "MIN",
  "MINUTE",
  "MOD",
  "MONTH",
  "N",
  "NA",
  "NETWORKDAYS",
  "NOT",
  "NOW",
  "NPV",
  "OR",
  "PMT",
  "POWER",
  "PRODUCT",
  "PROPER",
  "PV",
  "RATE",
  "REPT",
  "RIGHT",
  "ROUND",
  "ROUNDDOWN",
  "ROUNDUP",
  "ROW",
  "ROWS",
  "SEARCH",
  "SIGN",
  "SMALL",
  "SQRT",
  "SUBSTITUTE",
  "SUBTOTAL",
  "SUM",
  "SUMIF",
  "SUMIFS",
  "SUMPRODUCT",
  "TEXT",
  "TIME",
  "TODAY",
  "TRIM",
  "TRUE",
  "TRUNC",
  "UPPER",
  "VALUE",
  "VLOOKUP",
  "WEEKDAY",
  "YEAR",
  "YEARFRAC",
]);

/** Removes string literals, quoted sheet names and [structured references] from a formula. */
function stripFormulaLiterals(f: string): string {
  let out = f.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'/g, "S");
  let prev: string;
  do {
    prev = out;
    out = out.replace(/\[[^[\]]*\]/g, "");
  } while (out !== prev);
  return out;
}

/** The upper-cased names of the functions a formula calls. */
export function formulaFunctions(f: string): string[] {
  const body = stripFormulaLiterals(formulaBody(f));
  const names = new Set<string>();
  for (const m of body.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g))
    names.add((m[1] as string).toUpperCase());
  return [...names];
}

/** Problems with a formula (empty list = acceptable). */
export function formulaProblems(f: string): string[] {
  const problems: string[] = [];
  const body = formulaBody(f);
  if (body === "") return ["empty formula"];
  if (f.trim().startsWith("=")) problems.push('formula should be stored without the leading "="');
  if (body.length > 8192) problems.push("formula longer than Excel's 8,192 characters");
  const bare = stripFormulaLiterals(body);
  if (/[|]/.test(bare)) problems.push('"|" outside a string (DDE) is not allowed');
  if (/\[[^\]]*\][A-Za-z0-9_. ]*'?!/.test(body.replace(/"(?:[^"]|"")*"/g, '""')))
    problems.push("external workbook references are not allowed");
  for (const fn of formulaFunctions(body)) {
    if (!NATIVE_FUNCTIONS.has(fn))
      problems.push(`function ${fn} is not in the native function list`);
  }
  let depth = 0;
  for (const ch of bare) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (depth < 0) break;
  }
  if (depth !== 0) problems.push("unbalanced parentheses");
  return problems;
}

/** Whether `name` is a legal Excel defined name (and not one reserved or confusable with a reference). */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) return false;
  if (/^[RrCc]$/.test(name)) return false;
  if (/^_xlnm\./i.test(name)) return false;
  if (/^[Rr][0-9]*[Cc][0-9]*$/.test(name)) return false;
  const a1 = /^([A-Za-z]{1,3})([0-9]+)$/.exec(name);
  if (a1) {
    try {
      if (
        columnNumber(a1[1] as string) <= MAX_COLUMNS &&
        Number(a1[2]) >= 1 &&
        Number(a1[2]) <= MAX_ROWS
      )
        return false;
    } catch {
      /* not a column → fine */
    }
  }
  return true;
}
