/** Every rule a SheetSpec must keep before either writer renders it, checked in one place. */
import {
  A1Error,
  MAX_ROWS,
  cellAddress,
  columnNumber,
  parseCellAddress,
  parseRangeAddress,
  rangeContains,
  rangesOverlap,
  type CellRef,
  type RangeRef,
} from "./a1";
import { isoToSerial } from "./dates";
import { formulaProblems, isValidDefinedName } from "./formulas";
import { MAX_CELL_TEXT, normaliseCellText } from "./safeText";
import {
  cellRef,
  headerFooterString,
  type CellSpec,
  type CellStyle,
  type ChartSpec,
  type SheetSpec,
} from "./spec";

export class SheetSpecError extends Error {
  readonly issues: readonly string[];
  constructor(sheet: string, issues: readonly string[]) {
    super(`Sheet spec "${sheet}" is not valid:\n - ${issues.join("\n - ")}`);
    this.name = "SheetSpecError";
    this.issues = issues;
  }
}

const COLOUR = /^#[0-9A-Fa-f]{6}$/;
const BORDER_LINES: ReadonlySet<string> = new Set(["thin", "medium", "thick", "double"]);

function styleProblems(style: CellStyle, where: string): string[] {
  const p: string[] = [];
  if (style.fontColor !== undefined && !COLOUR.test(style.fontColor))
    p.push(`${where}: fontColor must be #RRGGBB`);
  if (style.fill !== undefined && !COLOUR.test(style.fill))
    p.push(`${where}: fill must be #RRGGBB`);
  if (style.size !== undefined && !(style.size >= 1 && style.size <= 409))
    p.push(`${where}: size must be 1..409`);
  if (
    style.indent !== undefined &&
    !(Number.isInteger(style.indent) && style.indent >= 0 && style.indent <= 250)
  ) {
    p.push(`${where}: indent must be an integer 0..250`);
  }
  if (style.horizontal !== undefined && !["left", "center", "right"].includes(style.horizontal))
    p.push(`${where}: bad horizontal`);
  if (style.vertical !== undefined && !["top", "center", "bottom"].includes(style.vertical))
    p.push(`${where}: bad vertical`);
  for (const [edge, line] of Object.entries(style.border ?? {})) {
    if (!["top", "bottom", "left", "right"].includes(edge))
      p.push(`${where}: unknown border edge ${edge}`);
    if (line !== undefined && !BORDER_LINES.has(line))
      p.push(`${where}: unknown border line ${String(line)}`);
  }
  return p;
}

/** All problems with a spec (empty = valid). */
/**
 * Whether a number format's decimals are all optional ("#,##0.##"): Excel then shows the decimal point
 * of a whole number ("12."), where LibreOffice does not. Quoted text and bracketed codes are ignored.
 */
export function showsTrailingPoint(numberFormat: string): boolean {
  const codes = numberFormat.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return codes
    .split(";")
    .some((section) => /\.[#?]+(?![0#?])/.test(section) && !/\.[#?]*0/.test(section));
}

export function sheetSpecProblems(spec: SheetSpec): string[] {
  const p: string[] = [];
  if (typeof spec.name !== "string") p.push("name must be a string");
  const occupied = new Map<string, CellSpec>();
  for (const [i, cell] of spec.cells.entries()) {
    let where = `cell #${i}`;
    let ref: CellRef;
    try {
      ref = cellRef(cell);
      where = cellAddress(ref.row, ref.col);
    } catch (e) {
      p.push(`${where}: ${(e as Error).message}`);
      continue;
    }
    if (occupied.has(where)) p.push(`${where}: more than one cell spec for this address`);
    occupied.set(where, cell);
    const v = cell.value;
    switch (v?.kind) {
      case "text":
        if (typeof v.text !== "string") p.push(`${where}: text must be a string`);
        else if (normaliseCellText(v.text).length > MAX_CELL_TEXT)
          p.push(`${where}: text longer than ${MAX_CELL_TEXT} characters`);
        break;
      case "number":
        if (typeof v.value !== "number" || !Number.isFinite(v.value))
          p.push(`${where}: number must be finite`);
        break;
      case "formula":
        if (typeof v.formula !== "string") p.push(`${where}: formula must be a string`);
        else for (const fp of formulaProblems(v.formula)) p.push(`${where}: ${fp}`);
        if (
          v.cachedValue !== undefined &&
          typeof v.cachedValue === "number" &&
          !Number.isFinite(v.cachedValue)
        ) {
          p.push(`${where}: cachedValue must be finite`);
        }
        break;
      case "date":
        try {
          isoToSerial(v.iso);
        } catch (e) {
          p.push(`${where}: ${(e as Error).message}`);
        }
        break;
      case "blank":
        break;
      default:
        p.push(`${where}: unknown value kind`);
    }
    if (
      cell.numberFormat !== undefined &&
      (typeof cell.numberFormat !== "string" ||
        cell.numberFormat.length > 255 ||
        cell.numberFormat === "")
    ) {
      p.push(`${where}: numberFormat must be a non-empty string of at most 255 characters`);
    } else if (cell.numberFormat !== undefined && showsTrailingPoint(cell.numberFormat)) {
      p.push(
        `${where}: numberFormat "${cell.numberFormat}" has only optional decimals ("0.##"), which Excel shows as "12." for a whole number; use General, or a fixed number of places`
      );
    }
    if (cell.style) p.push(...styleProblems(cell.style, where));
  }
  for (const [col, width] of Object.entries(spec.columnWidths ?? {})) {
    try {
      columnNumber(col);
    } catch {
      p.push(`columnWidths: "${col}" is not a column letter`);
    }
    if (!(typeof width === "number" && width >= 0 && width <= 255))
      p.push(`columnWidths.${col}: width must be 0..255`);
  }
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) {
    const r = Number(row);
    if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS)
      p.push(`rowHeights: "${row}" is not a row number`);
    if (!(typeof height === "number" && height >= 0 && height <= 409))
      p.push(`rowHeights.${row}: height must be 0..409`);
  }
  const merges: RangeRef[] = [];
  for (const m of spec.mergedRanges ?? []) {
    let r: RangeRef;
    try {
      r = parseRangeAddress(m);
    } catch (e) {
      p.push(`mergedRanges: ${(e as A1Error).message}`);
      continue;
    }
    if (r.top === r.bottom && r.left === r.right) p.push(`mergedRanges: ${m} is a single cell`);
    if (merges.some((o) => rangesOverlap(o, r)))
      p.push(`mergedRanges: ${m} overlaps another merge`);
    merges.push(r);
    for (const [addr, cell] of occupied) {
      const c = parseCellAddress(addr);
      const inside = rangeContains(r, { top: c.row, left: c.col, bottom: c.row, right: c.col });
      if (inside && !(c.row === r.top && c.col === r.left) && cell.value.kind !== "blank") {
        p.push(`mergedRanges: ${m} would hide the value in ${addr}`);
      }
    }
  }
  const seenNames = new Set<string>();
  for (const n of spec.names ?? []) {
    if (!isValidDefinedName(n.name)) p.push(`names: "${n.name}" is not a valid defined name`);
    if (seenNames.has(n.name.toUpperCase())) p.push(`names: "${n.name}" defined twice`);
    seenNames.add(n.name.toUpperCase());
    if (n.scope !== "sheet") p.push(`names: "${n.name}" must have scope "sheet"`);
    try {
      parseRangeAddress(n.ref);
    } catch {
      p.push(`names: "${n.name}" ref "${n.ref}" is not a cell or range on this sheet`);
    }
  }
  const pr = spec.print;
  if (!pr) p.push("print is required");
  else {
    if (pr.paperSize !== "A4") p.push('print.paperSize must be "A4"');
    if (pr.orientation !== "portrait" && pr.orientation !== "landscape")
      p.push("print.orientation must be portrait or landscape");
    if (headerFooterString(pr.header).length > 255)
      p.push("print.header is longer than Excel's 255 characters");
    if (headerFooterString(pr.footer).length > 255)
      p.push("print.footer is longer than Excel's 255 characters");
    if (pr.rowBreaks !== undefined) {
      pr.rowBreaks.forEach((row, i) => {
        if (!Number.isInteger(row) || row < 2 || row > MAX_ROWS)
          p.push(`print.rowBreaks: ${row} is not a row from 2 to ${MAX_ROWS}`);
        else if (i > 0 && row <= (pr.rowBreaks?.[i - 1] ?? 0))
          p.push(`print.rowBreaks: ${row} is not after the break before it`);
      });
    }
    let area: RangeRef | undefined;
    if (pr.printArea !== undefined) {
      try {
        area = parseRangeAddress(pr.printArea);
      } catch {
        p.push(`print.printArea "${pr.printArea}" is not a range`);
      }
    }
    for (const [part, hf] of [
      ["header", pr.header],
      ["footer", pr.footer],
    ] as const) {
      for (const section of [hf?.left, hf?.center, hf?.right]) {
        if (section === undefined || typeof section === "string") continue;
        for (const item of section) {
          if (typeof item === "string") continue;
          if ("font" in item) {
            const { size, color } = item.font;
            if (size !== undefined && !(Number.isInteger(size) && size >= 1 && size <= 409))
              p.push(`print.${part}: font size ${size} is not a whole number of points, 1 to 409`);
            if (color !== undefined && !/^#[0-9A-Fa-f]{6}$/.test(color))
              p.push(`print.${part}: font colour "${color}" is not #RRGGBB`);
          } else if (item.field !== "pageNumber" && item.field !== "pageCount")
            p.push(`print.${part}: unknown field "${String(item.field)}"`);
        }
      }
    }
    if (pr.printTitleRows !== undefined)
      p.push(...printTitleProblems(pr.printTitleRows, area, occupied));
  }
  const fr = spec.freeze;
  if (fr) {
    for (const k of ["rows", "columns"] as const) {
      const v = fr[k];
      if (v !== undefined && !(Number.isInteger(v) && v >= 0 && v < 1000))
        p.push(`freeze.${k} must be a small non-negative integer`);
    }
  }
  const t = spec.table;
  if (t) {
    if (!isValidDefinedName(t.name)) p.push(`table: "${t.name}" is not a valid table name`);
    let r: RangeRef | undefined;
    try {
      r = parseRangeAddress(t.range);
    } catch {
      p.push(`table: range "${t.range}" is not a range`);
    }
    if (r) {
      if (r.bottom - r.top < 1) p.push("table: range needs a header row and at least one data row");
      const headers = new Set<string>();
      for (let c = r.left; c <= r.right; c++) {
        const h = occupied.get(cellAddress(r.top, c));
        if (!h || h.value.kind !== "text" || h.value.text.trim() === "") {
          p.push(`table: header ${cellAddress(r.top, c)} must be a non-empty text cell`);
        } else if (headers.has(h.value.text.toUpperCase())) {
          p.push(`table: header "${h.value.text}" repeated`);
        } else headers.add(h.value.text.toUpperCase());
      }
      for (const m of merges)
        if (rangesOverlap(m, r)) p.push("table: range overlaps a merged range");
    }
  }
  if (spec.charts !== undefined) {
    if (!Array.isArray(spec.charts)) p.push("charts must be a list");
    else p.push(...chartProblems(spec.charts));
  }
  return p;
}

/** The number of cells of a range that is one row or one column; undefined for any other range. */
function vectorLength(range: RangeRef): number | undefined {
  if (range.left === range.right) return range.bottom - range.top + 1;
  if (range.top === range.bottom) return range.right - range.left + 1;
  return undefined;
}

const CHART_TEXT = 255;

function chartProblems(charts: readonly ChartSpec[]): string[] {
  const p: string[] = [];
  const anchors: RangeRef[] = [];
  charts.forEach((chart, i) => {
    const where = `charts[${i}]`;
    if (chart.kind !== "line" && chart.kind !== "column" && chart.kind !== "bar")
      p.push(`${where}: kind must be "line", "column" or "bar"`);
    else if (chart.topDown !== undefined && chart.kind !== "bar")
      p.push(`${where}: topDown is for horizontal bars ("bar") only`);
    if (typeof chart.title !== "string" || chart.title.trim() === "")
      p.push(`${where}: title must be non-empty text`);
    else if (chart.title.length > CHART_TEXT)
      p.push(`${where}: title longer than ${CHART_TEXT} characters`);
    const vector = (address: string, what: string): number | undefined => {
      let range: RangeRef;
      try {
        range = parseRangeAddress(address);
      } catch {
        p.push(`${where}: ${what} "${address}" is not a range`);
        return undefined;
      }
      const length = vectorLength(range);
      if (length === undefined) p.push(`${where}: ${what} "${address}" is not one row or column`);
      return length;
    };
    const categories = vector(chart.categories, "categories");
    if (!Array.isArray(chart.series) || chart.series.length === 0)
      p.push(`${where}: needs at least one series`);
    for (const [k, series] of (chart.series ?? []).entries()) {
      if (typeof series.name !== "string" || series.name.trim() === "")
        p.push(`${where}.series[${k}]: name must be non-empty text`);
      else if (series.name.length > CHART_TEXT)
        p.push(`${where}.series[${k}]: name longer than ${CHART_TEXT} characters`);
      const length = vector(series.values, `series[${k}] values`);
      if (length !== undefined && categories !== undefined && length !== categories)
        p.push(`${where}.series[${k}]: ${length} values for ${categories} categories`);
    }
    for (const key of ["categoryAxisTitle", "valueAxisTitle"] as const) {
      const title = chart[key];
      if (
        title !== undefined &&
        (typeof title !== "string" || title.trim() === "" || title.length > CHART_TEXT)
      )
        p.push(`${where}: ${key} must be non-empty text of at most ${CHART_TEXT} characters`);
    }
    for (const key of ["categoryFormat", "valueFormat"] as const) {
      const format = chart[key];
      if (
        format !== undefined &&
        (typeof format !== "string" || format === "" || format.length > CHART_TEXT)
      )
        p.push(`${where}: ${key} must be a non-empty string of at most ${CHART_TEXT} characters`);
    }
    try {
      const anchor = parseRangeAddress(chart.anchor);
      if (anchors.some((other) => rangesOverlap(other, anchor)))
        p.push(`${where}: anchor ${chart.anchor} overlaps another chart`);
      anchors.push(anchor);
    } catch {
      p.push(`${where}: anchor "${chart.anchor}" is not a range`);
    }
  });
  return p;
}

export function assertValidSheetSpec(spec: SheetSpec): void {
  const problems = sheetSpecProblems(spec);
  if (problems.length) throw new SheetSpecError(spec.name, problems);
}

/** Print titles: whole rows within the sheet, first to last, on the print area's rows, not all empty. */
function printTitleProblems(
  rows: { first: number; last: number },
  area: RangeRef | undefined,
  occupied: ReadonlyMap<string, CellSpec>
): string[] {
  const { first, last } = rows;
  const valid = (row: number) => Number.isInteger(row) && row >= 1 && row <= MAX_ROWS;
  if (!valid(first) || !valid(last))
    return [`print.printTitleRows: ${first}..${last} are not rows from 1 to ${MAX_ROWS}`];
  if (first > last) return [`print.printTitleRows: first row ${first} is after last row ${last}`];
  const p: string[] = [];
  if (area && (first < area.top || last > area.bottom))
    p.push(
      `print.printTitleRows: rows ${first}..${last} are not within the print area's rows ${area.top}..${area.bottom}`
    );
  const used = [...occupied.keys()].some((addr) => {
    const row = parseRangeAddress(addr).top;
    return row >= first && row <= last;
  });
  if (!used) p.push(`print.printTitleRows: rows ${first}..${last} have no cells`);
  return p;
}
