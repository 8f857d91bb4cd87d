/*
 * Excel's rules that the ECMA-376 schemas cannot express, checked on a package as written (package.ts),
 * each problem a sentence naming the part and the name, cell or series:
 *
 *  - sheet names Excel accepts (1 to 31 characters, none of [ ] : * ? / \, no apostrophe at either
 *    end, distinct ignoring case, not "History");
 *  - defined names: a valid name, once per scope, localSheetId naming a sheet; a name that refers to
 *    cells parses as a reference (a quoted sheet name doubles its apostrophes) to a sheet that exists;
 *    a print area (or print titles) is sheet-scoped, on its own sheet, and absolute in rows and columns;
 *    print titles are whole rows (one range) or whole columns, their rows within the print area's;
 *  - number formats (styles and charts): none whose decimals are all optional ("0.##"), which Excel
 *    shows as "12." for a whole number;
 *  - every formula cell has a cached value (<v>), which is what Protected View, previewers and any
 *    reader of cached values show;
 *  - every chart series' references parse and have their cache (<c:numCache>/<c:strCache>) with a
 *    point for every cell, equal to the cells' cached values;
 *  - and, given the workbook as LibreOffice recalculated it, every cached value equals LibreOffice's.
 *
 * Written for this test from the rules, not from the writer's code (src/workbook/spec/validate.ts's
 * showsTrailingPoint is consulted as a second opinion only).
 */
import type { XmlElement } from "../../../src/workbook/xml/parse";
import { showsTrailingPoint } from "../../../src/workbook/spec/validate";
import {
  child,
  children,
  descendants,
  type CellXml,
  type SheetXml,
  type XlsxPackage,
} from "./package";

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------

export interface Area {
  readonly sheet: string;
  /** As written, without the sheet: "$A$1:$I$79". */
  readonly range: string;
  readonly absolute: boolean;
  /** First and last row and column (1-based); whole rows or columns span the sheet. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

const CELL = /^(\$?)([A-Z]{1,3})(\$?)([1-9]\d{0,6})/;
const COLUMNS = /^(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})/;
const ROWS = /^(\$?)([1-9]\d{0,6}):(\$?)([1-9]\d{0,6})/;
const UNQUOTED_SHEET = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*/;

/**
 * A reference, or a union of references ("'It''s'!$A$1:$B$2,Other!$C$3"), read as Excel reads one in a
 * defined name; undefined when it does not parse (an undoubled apostrophe in a quoted sheet name, a
 * missing sheet, a range out of the sheet).
 */
export function parseAreas(text: string): Area[] | undefined {
  const areas: Area[] = [];
  let i = 0;
  for (;;) {
    let sheet: string;
    if (text[i] === "'") {
      let j = i + 1;
      sheet = "";
      for (;;) {
        if (j >= text.length) return undefined;
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            sheet += "'";
            j += 2;
            continue;
          }
          break;
        }
        sheet += text[j];
        j += 1;
      }
      i = j + 1;
    } else {
      const m = UNQUOTED_SHEET.exec(text.slice(i));
      if (!m) return undefined;
      sheet = m[0];
      i += m[0].length;
    }
    if (text[i] !== "!" || sheet === "") return undefined;
    i += 1;
    const rest = text.slice(i);
    let area: Omit<Area, "sheet"> | undefined;
    const first = CELL.exec(rest);
    if (first) {
      let length = first[0].length;
      let last = first;
      if (rest[length] === ":") {
        const second = CELL.exec(rest.slice(length + 1));
        if (!second) return undefined;
        last = second;
        length += 1 + second[0].length;
      }
      const [r1, r2] = [Number(first[4]), Number(last[4])];
      const [c1, c2] = [columnIndex(first[2] as string), columnIndex(last[2] as string)];
      if (Math.max(r1, r2) > MAX_ROW || Math.max(c1, c2) > MAX_COL) return undefined;
      area = {
        range: rest.slice(0, length),
        absolute: [first[1], first[3], last[1], last[3]].every((d) => d === "$"),
        top: Math.min(r1, r2),
        bottom: Math.max(r1, r2),
        left: Math.min(c1, c2),
        right: Math.max(c1, c2),
      };
    } else if (COLUMNS.exec(rest)) {
      const m = COLUMNS.exec(rest) as RegExpExecArray;
      area = {
        range: m[0],
        absolute: m[1] === "$" && m[3] === "$",
        top: 1,
        bottom: MAX_ROW,
        left: columnIndex(m[2] as string),
        right: columnIndex(m[4] as string),
      };
    } else if (ROWS.exec(rest)) {
      const m = ROWS.exec(rest) as RegExpExecArray;
      area = {
        range: m[0],
        absolute: m[1] === "$" && m[3] === "$",
        top: Number(m[2]),
        bottom: Number(m[4]),
        left: 1,
        right: MAX_COL,
      };
    }
    if (area === undefined) return undefined;
    areas.push({ sheet, ...area });
    i += area.range.length;
    if (i === text.length) return areas;
    if (text[i] !== ",") return undefined;
    i += 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Sheet names and defined names
// ---------------------------------------------------------------------------------------------

const BUILT_IN_NAMES = new Set([
  "_xlnm.Print_Area",
  "_xlnm.Print_Titles",
  "_xlnm._FilterDatabase",
  "_xlnm.Criteria",
  "_xlnm.Extract",
  "_xlnm.Database",
  "_xlnm.Sheet_Title",
  "_xlnm.Consolidate_Area",
]);

function readsAsCellReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (
    a1 &&
    columnIndex(a1[1] as string) <= MAX_COL &&
    Number(a1[2]) >= 1 &&
    Number(a1[2]) <= MAX_ROW
  )
    return true;
  return /^[Rr](\d*)([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name);
}

export function sheetNameProblems(pkg: XlsxPackage): string[] {
  const p: string[] = [];
  const seen = new Set<string>();
  for (const { name } of pkg.sheets) {
    if (name.length < 1 || name.length > 31)
      p.push(`sheet name "${name}" has ${name.length} characters (Excel allows 1 to 31)`);
    if (/[[\]:*?/\\]/.test(name)) p.push(`sheet name "${name}" holds a character Excel forbids`);
    if (name.startsWith("'") || name.endsWith("'"))
      p.push(`sheet name "${name}" begins or ends with an apostrophe`);
    if (name.toLowerCase() === "history") p.push(`sheet name "${name}" is reserved by Excel`);
    if (seen.has(name.toLowerCase())) p.push(`sheet name "${name}" is used twice`);
    seen.add(name.toLowerCase());
  }
  return p;
}

export function definedNameProblems(pkg: XlsxPackage): string[] {
  const p: string[] = [];
  const workbook = pkg.parse(pkg.workbookPart);
  const names = child(workbook, "definedNames");
  const sheetNames = pkg.sheets.map((s) => s.name);
  const scopes = new Set<string>();
  /** Per sheet: its print area's and its print titles' areas, compared once every name is read. */
  const printAreas = new Map<string, Area[]>();
  const printTitles = new Map<string, { where: string; areas: Area[] }>();
  for (const dn of names === undefined ? [] : children(names, "definedName")) {
    const name = dn.attributes["name"] ?? "";
    const text = dn.text.trim();
    const local = dn.attributes["localSheetId"];
    let scope: string | undefined;
    const where = `definedName ${name}${local === undefined ? "" : ` (localSheetId ${local})`} = ${text}`;
    if (local !== undefined) {
      if (!/^\d+$/.test(local) || Number(local) >= sheetNames.length)
        p.push(`${where}: localSheetId names no sheet (${sheetNames.length} sheets)`);
      else scope = sheetNames[Number(local)];
    }
    const key = `${name.toLowerCase()}\u0000${scope ?? ""}`;
    if (scopes.has(key)) p.push(`${where}: defined twice in the same scope`);
    scopes.add(key);
    if (name.startsWith("_xlnm.")) {
      if (!BUILT_IN_NAMES.has(name)) p.push(`${where}: not a built-in _xlnm name`);
    } else if (
      !/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) ||
      readsAsCellReference(name) ||
      /^(true|false)$/i.test(name)
    ) {
      p.push(`${where}: not a name Excel accepts`);
    }
    const isPrint = name === "_xlnm.Print_Area" || name === "_xlnm.Print_Titles";
    const refersToCells = isPrint || text.includes("!");
    if (!refersToCells) continue;
    const areas = parseAreas(text);
    if (areas === undefined) {
      p.push(
        `${where}: does not parse as a reference (a quoted sheet name must double its apostrophes); Excel repairs the workbook and drops the name`
      );
      continue;
    }
    for (const area of areas)
      if (!sheetNames.includes(area.sheet))
        p.push(`${where}: refers to sheet "${area.sheet}", which is not in the workbook`);
    if (isPrint) {
      if (scope === undefined) p.push(`${where}: a print area must be sheet-scoped`);
      for (const area of areas) {
        if (scope !== undefined && area.sheet !== scope)
          p.push(
            `${where}: a print area on sheet "${area.sheet}", not on its own sheet "${scope}"`
          );
        if (!area.absolute)
          p.push(
            `${where}: ${area.range} is not absolute in rows and columns; a name's relative references follow the active cell`
          );
      }
      if (scope !== undefined && name === "_xlnm.Print_Area") printAreas.set(scope, areas);
      if (scope !== undefined && name === "_xlnm.Print_Titles") {
        printTitles.set(scope, { where, areas });
        // Print titles are whole rows (at most one range) and/or whole columns (at most one).
        const rows = areas.filter((a) => a.left === 1 && a.right === MAX_COL);
        const columns = areas.filter((a) => a.top === 1 && a.bottom === MAX_ROW);
        if (areas.some((a) => !rows.includes(a) && !columns.includes(a)))
          p.push(`${where}: print titles must be whole rows or whole columns`);
        if (rows.length > 1 || columns.length > 1)
          p.push(`${where}: print titles take one range of rows and one of columns at most`);
      }
    }
  }
  // Title rows outside the rows printed would never print (Excel repeats them only over the area).
  for (const [sheet, { where, areas }] of printTitles) {
    const printed = printAreas.get(sheet);
    if (printed === undefined) continue;
    for (const title of areas.filter((a) => a.left === 1 && a.right === MAX_COL))
      if (!printed.some((a) => a.top <= title.top && title.bottom <= a.bottom))
        p.push(`${where}: title rows ${title.range} are not within the print area's rows`);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Number formats
// ---------------------------------------------------------------------------------------------

/**
 * Whether some section of a format has a decimal point followed only by optional digits ("0.##",
 * "#,##0.#?"): Excel shows such a format's whole numbers with a trailing point ("12.").
 */
export function decimalsAllOptional(code: string): boolean {
  // Literal text, bracketed codes, escaped characters and the characters after _ (space) and * (fill).
  const codes = code.replace(/"[^"]*"|\[[^\]]*\]|[\\_*]./g, "");
  return codes.split(";").some((section) => {
    const point = section.indexOf(".");
    if (point < 0) return false;
    const digits = /^[0#?,]*/.exec(section.slice(point + 1))?.[0].replace(/,/g, "") ?? "";
    return digits !== "" && !digits.includes("0");
  });
}

function numberFormatProblem(where: string, code: string): string | undefined {
  const mine = decimalsAllOptional(code);
  const product = showsTrailingPoint(code);
  if (!mine && !product) return undefined;
  return `${where}: number format "${code}" has only optional decimals; Excel shows a whole number as "12." (${mine && product ? "both checks" : mine ? "this test's check; the product's showsTrailingPoint disagrees" : "the product's showsTrailingPoint; this test's check disagrees"})`;
}

export function numberFormatProblems(pkg: XlsxPackage): string[] {
  const p: string[] = [];
  const styles = pkg.rels(pkg.workbookPart).find((r) => r.type.endsWith("/styles"));
  if (styles !== undefined) {
    for (const nf of descendants(pkg.parse(styles.target), "numFmt")) {
      const problem = numberFormatProblem(
        `${styles.target} numFmt ${nf.attributes["numFmtId"]}`,
        nf.attributes["formatCode"] ?? ""
      );
      if (problem) p.push(problem);
    }
  }
  for (const part of chartParts(pkg))
    for (const nf of descendants(pkg.parse(part), "numFmt")) {
      const problem = numberFormatProblem(
        `${part} <${nf.name}>`,
        nf.attributes["formatCode"] ?? ""
      );
      if (problem) p.push(problem);
    }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Formula cells
// ---------------------------------------------------------------------------------------------

export interface UncachedFormula {
  readonly sheet: string;
  readonly cell: string;
  readonly formula: string;
}

export function uncachedFormulas(pkg: XlsxPackage): UncachedFormula[] {
  return pkg.sheets.flatMap((sheet) =>
    [...sheet.cells.values()]
      .filter((c) => c.formula !== undefined && c.value === undefined)
      .map((c) => ({ sheet: sheet.name, cell: c.ref, formula: c.formula as string }))
  );
}

/** "'Quote X'!I72 =ROUND(...), and 2 more in 'Quote X': I73, I74". */
export function describeUncached(list: readonly UncachedFormula[], shown = 3): string[] {
  const bySheet = new Map<string, UncachedFormula[]>();
  for (const u of list) bySheet.set(u.sheet, [...(bySheet.get(u.sheet) ?? []), u]);
  return [...bySheet].map(([sheet, cells]) => {
    const first = cells
      .slice(0, shown)
      .map((c) => `${c.cell} =${c.formula.length > 80 ? c.formula.slice(0, 80) + "…" : c.formula}`);
    return `sheet "${sheet}": ${cells.length} formula cell(s) without a cached value: ${first.join("; ")}${
      cells.length > shown
        ? `; … and ${cells.length - shown} more (${cells
            .slice(shown, shown + 20)
            .map((c) => c.cell)
            .join(", ")}${cells.length > shown + 20 ? ", …" : ""})`
        : ""
    }`;
  });
}

// ---------------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------------

function chartParts(pkg: XlsxPackage): string[] {
  return [...pkg.parts.keys()].filter((part) => pkg.parse(part).localName === "chartSpace");
}

const CACHE_FOR: Readonly<Record<string, string>> = {
  numRef: "numCache",
  strRef: "strCache",
  multiLvlStrRef: "multiLvlStrCache",
};

function cellsOf(area: Area): string[] {
  const out: string[] = [];
  for (let r = area.top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++) out.push(`${columnName(c)}${r}`);
  return out;
}

function columnName(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export function chartProblems(pkg: XlsxPackage): string[] {
  const p: string[] = [];
  const sheets = new Map(pkg.sheets.map((s) => [s.name, s]));
  for (const part of chartParts(pkg)) {
    descendants(pkg.parse(part), "ser").forEach((ser, k) => {
      const title = child(ser, "tx");
      const name = title
        ? (descendants(title, "v")[0]?.text ?? descendants(title, "f")[0]?.text)
        : undefined;
      const label = `${part} series ${k + 1}${name ? ` "${name}"` : ""}`;
      for (const role of ser.children) {
        for (const ref of role.children) {
          const cacheName = CACHE_FOR[ref.localName];
          if (cacheName === undefined) continue;
          const formula = child(ref, "f")?.text ?? "";
          const where = `${label} <c:${role.localName}> ${formula}`;
          const areas = parseAreas(formula);
          if (areas === undefined || areas.length !== 1) {
            p.push(`${where}: the series reference does not parse`);
            continue;
          }
          const area = areas[0] as Area;
          const sheet = sheets.get(area.sheet);
          if (sheet === undefined)
            p.push(`${where}: names sheet "${area.sheet}", not in the workbook`);
          const cache = child(ref, cacheName);
          if (cache === undefined) {
            p.push(
              `${where}: no <c:${cacheName}> (Excel shows the series empty until it recalculates; previewers never draw it)`
            );
            continue;
          }
          p.push(...cacheProblems(where, cache, area, sheet));
        }
      }
    });
  }
  return p;
}

function cacheProblems(
  where: string,
  cache: XmlElement,
  area: Area,
  sheet: SheetXml | undefined
): string[] {
  const p: string[] = [];
  const cells = cellsOf(area);
  const count = Number(child(cache, "ptCount")?.attributes["val"]);
  const points = children(cache, "pt");
  if (!(count > 0) || points.length === 0) {
    p.push(
      `${where}: <c:${cache.localName}> has no points (ptCount ${Number.isNaN(count) ? "missing" : count})`
    );
    return p;
  }
  if (count !== cells.length)
    p.push(`${where}: ptCount ${count} for a range of ${cells.length} cells`);
  if (sheet === undefined) return p;
  for (const pt of points) {
    const idx = Number(pt.attributes["idx"]);
    const cached = child(pt, "v")?.text ?? "";
    const cell = sheet.cells.get(cells[idx] ?? "");
    const expected = cell?.read;
    const same =
      typeof expected === "number"
        ? close(Number(cached), expected)
        : expected === undefined
          ? cached === ""
          : String(typeof expected === "object" ? expected.error : expected) === cached;
    if (!same)
      p.push(
        `${where}: point ${idx} caches ${JSON.stringify(cached)} but ${cells[idx]} holds ${JSON.stringify(expected)}`
      );
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Cached values against a recalculation
// ---------------------------------------------------------------------------------------------

function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sameValue(ours: CellXml["read"], theirs: CellXml["read"]): boolean {
  if (typeof ours === "number") return typeof theirs === "number" && close(ours, theirs);
  if (ours === "") return theirs === "" || theirs === undefined;
  if (typeof ours === "object" && ours !== null)
    return typeof theirs === "object" && theirs !== null && theirs.error === ours.error;
  return ours === theirs;
}

export interface CachedComparison {
  /** Formula cells whose cached value was compared. */
  readonly compared: number;
  readonly differences: string[];
}

/**
 * Every formula cell's cached value against the same cell of the recalculated package (LibreOffice's
 * output): cells without a cached value are left to uncachedFormulas.
 */
export function compareCachedValues(
  ours: XlsxPackage,
  recalculated: XlsxPackage
): CachedComparison {
  const differences: string[] = [];
  let compared = 0;
  const theirSheets = new Map(recalculated.sheets.map((s) => [s.name, s]));
  for (const sheet of ours.sheets) {
    const theirs = theirSheets.get(sheet.name);
    if (theirs === undefined) {
      differences.push(`sheet "${sheet.name}" is missing from the recalculated workbook`);
      continue;
    }
    for (const cell of sheet.cells.values()) {
      if (cell.formula === undefined || cell.value === undefined) continue;
      compared += 1;
      const other = theirs.cells.get(cell.ref)?.read;
      if (!sameValue(cell.read, other))
        differences.push(
          `"${sheet.name}"!${cell.ref} =${cell.formula}: cached ${JSON.stringify(cell.read)}, recalculated ${JSON.stringify(other)}`
        );
    }
  }
  return { compared, differences };
}
