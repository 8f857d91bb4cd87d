/*
 * The writer-independent layout of a SheetSpec: resolved cell positions, contiguous blocks for bulk
 * writes, cells grouped by identical style into rectangles, column/row runs, names and print strings.
 * Both writers render from this plan, so what they write is the same by construction.
 */
import { cellAddress, parseRangeAddress, rangeAddress, type RangeRef } from "./a1";
import { normaliseCellText } from "./safeText";
import {
  DEFAULT_DATETIME_FORMAT,
  DEFAULT_DATE_FORMAT,
  cellRef,
  formulaBody,
  headerFooterSectionString,
  headerFooterString,
  type BorderSpec,
  type CellStyle,
  type CellValueSpec,
  type HeaderFooterSpec,
  type SheetSpec,
} from "./spec";
import { assertValidSheetSpec } from "./validate";
import { isoHasTime, isoToSerial } from "./dates";

export interface PlannedCell {
  row: number;
  col: number;
  address: string;
  /** Text normalised (normaliseCellText); formulas without "=". */
  value: CellValueSpec;
  /** The number format to apply, including the default for dates. */
  numberFormat?: string;
  style?: CellStyle;
  styleKey?: string;
}

/** A rectangle of rows that contain values or formats, separated from the next block by an empty row. */
export interface CellBlock {
  range: RangeRef;
  address: string;
  /** cells[r][c] for the rectangle; null where there is nothing to write. */
  cells: (PlannedCell | null)[][];
}

export interface StyleGroup {
  key: string;
  style: CellStyle;
  rects: RangeRef[];
}

export interface Run {
  first: number;
  last: number;
  size: number;
}

export interface PlannedName {
  name: string;
  /** Absolute, on this sheet: "$F$30". */
  ref: string;
}

export interface SheetPlan {
  spec: SheetSpec;
  cells: PlannedCell[];
  blocks: CellBlock[];
  styleGroups: StyleGroup[];
  columnWidths: Run[];
  rowHeights: Run[];
  merges: RangeRef[];
  names: PlannedName[];
  /** OOXML header/footer strings ("&L..&C..&R.."). */
  headerString: string;
  footerString: string;
  /** Per-section header/footer codes for Office.js: text escaped, fields as &P and &N. */
  header: HeaderFooterStrings;
  footer: HeaderFooterStrings;
}

export interface HeaderFooterStrings {
  left: string;
  center: string;
  right: string;
}

/** The numeric value written for a cell of kind number or date. */
export function numericValue(value: CellValueSpec): number | undefined {
  if (value.kind === "number") return Object.is(value.value, -0) ? 0 : value.value;
  if (value.kind === "date") return isoToSerial(value.iso);
  return undefined;
}

/** A style with false/empty members removed, or undefined when nothing is left. */
export function normaliseStyle(style: CellStyle | undefined): CellStyle | undefined {
  if (!style) return undefined;
  const out: CellStyle = {};
  if (style.bold) out.bold = true;
  if (style.italic) out.italic = true;
  if (style.size !== undefined) out.size = style.size;
  if (style.fontColor) out.fontColor = style.fontColor.toUpperCase();
  if (style.fill) out.fill = style.fill.toUpperCase();
  if (style.border) {
    const b: BorderSpec = {};
    for (const edge of ["top", "bottom", "left", "right"] as const) {
      const line = style.border[edge];
      if (line) b[edge] = line;
    }
    if (Object.keys(b).length) out.border = b;
  }
  if (style.horizontal) out.horizontal = style.horizontal;
  if (style.vertical) out.vertical = style.vertical;
  if (style.wrap) out.wrap = true;
  if (style.indent) out.indent = style.indent;
  return Object.keys(out).length ? out : undefined;
}

function styleKey(style: CellStyle): string {
  const b = style.border;
  return JSON.stringify([
    style.bold ?? false,
    style.italic ?? false,
    style.size ?? null,
    style.fontColor ?? null,
    style.fill ?? null,
    b ? [b.top ?? null, b.bottom ?? null, b.left ?? null, b.right ?? null] : null,
    style.horizontal ?? null,
    style.vertical ?? null,
    style.wrap ?? false,
    style.indent ?? 0,
  ]);
}

/** Covers a set of cells with rectangles: runs along each row, stacked while identical. */
export function cellsToRects(cells: readonly { row: number; col: number }[]): RangeRef[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c.col);
    byRow.set(c.row, list);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const done: RangeRef[] = [];
  let open = new Map<string, RangeRef>();
  for (const row of rows) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, RangeRef>();
    for (const [l, r] of runs) {
      const key = `${l}:${r}`;
      const prev = open.get(key);
      if (prev && prev.bottom === row - 1) {
        prev.bottom = row;
        next.set(key, prev);
        open.delete(key);
      } else next.set(key, { top: row, left: l, bottom: row, right: r });
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Joins rectangles into comma-separated address lists of at most `maxLength` characters each. */
export function addressChunks(rects: readonly RangeRef[], maxLength = 2000): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const r of rects) {
    const a = rangeAddress(r);
    if (current && current.length + 1 + a.length > maxLength) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) chunks.push(current);
  return chunks;
}

function runsOf(entries: [number, number][]): Run[] {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const runs: Run[] = [];
  for (const [i, size] of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.last === i - 1 && last.size === size) last.last = i;
    else runs.push({ first: i, last: i, size });
  }
  return runs;
}

/**
 * Column width in points for Office.js `format.columnWidth`, from the xlsx width: Excel's pixel
 * width for the default font (maximum digit width 7 px), at 96 dpi.
 */
export function columnWidthToPoints(width: number): number {
  if (width <= 0) return 0;
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}

function sections(hf: HeaderFooterSpec | undefined): HeaderFooterStrings {
  return {
    left: headerFooterSectionString(hf?.left),
    center: headerFooterSectionString(hf?.center),
    right: headerFooterSectionString(hf?.right),
  };
}

/** Validates the spec and computes its layout. */
export function planSheet(spec: SheetSpec): SheetPlan {
  assertValidSheetSpec(spec);
  const cells: PlannedCell[] = spec.cells.map((c) => {
    const { row, col } = cellRef(c);
    let value: CellValueSpec = c.value;
    if (value.kind === "text") value = { kind: "text", text: normaliseCellText(value.text) };
    if (value.kind === "formula") value = { ...value, formula: formulaBody(value.formula) };
    const planned: PlannedCell = { row, col, address: cellAddress(row, col), value };
    const fmt =
      c.numberFormat ??
      (value.kind === "date"
        ? isoHasTime(value.iso)
          ? DEFAULT_DATETIME_FORMAT
          : DEFAULT_DATE_FORMAT
        : undefined);
    if (fmt !== undefined) planned.numberFormat = fmt;
    const style = normaliseStyle(c.style);
    if (style) {
      planned.style = style;
      planned.styleKey = styleKey(style);
    }
    return planned;
  });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);

  // Blocks: runs of consecutive rows holding something to write (a value or a number format).
  const writable = cells.filter((c) => c.value.kind !== "blank" || c.numberFormat !== undefined);
  const blocks: CellBlock[] = [];
  let group: PlannedCell[] = [];
  const flush = (): void => {
    if (!group.length) return;
    const top = group[0]!.row;
    const bottom = group[group.length - 1]!.row;
    const left = Math.min(...group.map((c) => c.col));
    const right = Math.max(...group.map((c) => c.col));
    const grid: (PlannedCell | null)[][] = Array.from({ length: bottom - top + 1 }, () =>
      Array<PlannedCell | null>(right - left + 1).fill(null)
    );
    for (const c of group) grid[c.row - top]![c.col - left] = c;
    const range = { top, left, bottom, right };
    blocks.push({ range, address: rangeAddress(range), cells: grid });
    group = [];
  };
  for (const c of writable) {
    const last = group[group.length - 1];
    if (last && c.row > last.row + 1) flush();
    group.push(c);
  }
  flush();

  const byStyle = new Map<string, { style: CellStyle; cells: PlannedCell[] }>();
  for (const c of cells) {
    if (!c.style || !c.styleKey) continue;
    const g = byStyle.get(c.styleKey) ?? { style: c.style, cells: [] };
    g.cells.push(c);
    byStyle.set(c.styleKey, g);
  }
  const styleGroups: StyleGroup[] = [...byStyle.entries()].map(([key, g]) => ({
    key,
    style: g.style,
    rects: cellsToRects(g.cells),
  }));

  const columnWidths = runsOf(
    Object.entries(spec.columnWidths ?? {}).map(([letter, w]) => [
      parseRangeAddress(`${letter}1`).left,
      w,
    ])
  );
  const rowHeights = runsOf(Object.entries(spec.rowHeights ?? {}).map(([r, h]) => [Number(r), h]));

  return {
    spec,
    cells,
    blocks,
    styleGroups,
    columnWidths,
    rowHeights,
    merges: (spec.mergedRanges ?? []).map((m) => parseRangeAddress(m)),
    names: (spec.names ?? []).map((n) => ({
      name: n.name,
      ref: rangeAddress(parseRangeAddress(n.ref), true),
    })),
    headerString: headerFooterString(spec.print.header),
    footerString: headerFooterString(spec.print.footer),
    header: sections(spec.print.header),
    footer: sections(spec.print.footer),
  };
}
