/*
 * Renders SheetSpecs into the open workbook through Office.js, in ONE `Excel.run` and three
 * `context.sync()` calls whatever the number of cells (four when an existing register is updated;
 * superseding sheets, `options.replace`, reads more first: see OfficeWriteResult.syncs):
 *   1. load the existing sheet names (and look up the register table);
 *   1b. only when the register exists: load its header and body, to find each partnership's row;
 *   2. with calculation and screen updating suspended: add the sheets; write each contiguous block of
 *      cells with one `values`, one `formulas` and one `numberFormat` 2-D array; apply each distinct
 *      style once to all its cells (`getRanges` of their rectangles); merges, column widths, names,
 *      page layout, freeze panes, tables, charts; update or add the register's rows;
 *   3. recalculate (calculation was suspended while writing, and Office leaves re-calculating to the
 *      caller).
 * Everything that can fail (specs, register entries, a register without a Reference column) is checked
 * before anything is queued, so a failure leaves the workbook as it was.
 * Text cells are written apostrophe-prefixed (see safeText.ts), so no text is ever parsed.
 * `Excel.run` is injected so tests can pass a mock; only string literals of Office enums are used, so
 * nothing here needs the `Excel` global at run time.
 */
import { cellAddress, columnLetter, parseRangeAddress, rangeAddress } from "../spec/a1";
import {
  addressChunks,
  columnWidthToPoints,
  numericValue,
  planSheet,
  type PlannedCell,
  type SheetPlan,
} from "../spec/plan";
import {
  REGISTER_SHEET_NAME,
  REGISTER_TABLE_NAME,
  planRegisterChange,
  registerSheetSpec,
  type RegisterEntry,
} from "../layouts/register/register";
import { loadRegister, queueRegisterChange, registerStateOf } from "./registerOffice";
import { officeTextLiteral, uniqueSheetName } from "../spec/safeText";
import {
  DEFAULT_TABLE_STYLE,
  type BorderLine,
  type CellStyle,
  type ChartSpec,
  type SheetSpec,
} from "../spec/spec";

/** `Excel.run` (or a stand-in with the same single-batch signature). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWriteOptions {
  /** Partnerships to record in NHSDP_Register: each one's row updated, or added (the register created with its sheet if missing). */
  register?: readonly RegisterEntry[];
  /** Activate the first new sheet (default true). */
  activate?: boolean;
  /**
   * For each spec (by index), how to recognise the sheet it supersedes, if any. Only a sheet carrying
   * the rule's sheet-scoped name over a cell holding exactly the rule's value is ever touched.
   */
  replace?: readonly (ReplaceRule | undefined)[];
}

/** A sheet this write supersedes, as the rule sees it: its sheet-scoped names and its used range. */
export interface FoundSheet {
  readonly name: string;
  /** Its sheet-scoped names: name → formula without the "=" ("'Quote X'!$C$5"). */
  readonly names: ReadonlyMap<string, string>;
  /** Its used range (values only); undefined for an empty sheet. Positions are 0-based. */
  readonly grid:
    | {
        readonly rowIndex: number;
        readonly columnIndex: number;
        readonly values: readonly (readonly unknown[])[];
        readonly formulas: readonly (readonly unknown[])[];
        readonly valueTypes: readonly (readonly string[])[];
      }
    | undefined;
}

export interface ReplaceRule {
  /** The sheet-scoped name, over one cell, that the generator writes on the sheet. */
  readonly marker: string;
  /** What that cell holds on the sheet superseded (a sheet holding anything else is not touched). */
  readonly value: string;
  /**
   * Why the sheet found must be kept rather than replaced (it was changed by hand since it was
   * generated), or undefined to replace it. A kept sheet is renamed "<name> (previous)".
   */
  readonly edited: (sheet: FoundSheet) => string | undefined;
}

export interface OfficePlacedSheet {
  desiredName: string;
  name: string;
  /** The sheet it superseded, under the name it had: deleted, or kept (renamed) when edited. */
  superseded?: { name: string; kept?: { name: string; reason: string } };
}

export interface OfficeWriteResult {
  sheets: OfficePlacedSheet[];
  register?: {
    sheetName: string;
    created: boolean;
    /** Partnerships whose row was updated in place. */
    updated: number;
    /** Partnerships given a new row. */
    added: number;
  };
  /**
   * Number of context.sync() calls made: 3, or 4 when an existing register was updated. With
   * `replace` and a workbook that has sheets: one more to read the sheets' names (which also reads the
   * register), one more when any sheet carries a marker (its cell), one more when a sheet to supersede
   * is found (its used range, for the rule's edit check).
   */
  syncs: number;
}

type Matrix = (string | number | null)[][];

/** The three 2-D arrays written for a block: values (text/number/date), formulas, number formats. */
export function officeBlockArrays(cells: (PlannedCell | null)[][]): {
  values: Matrix | null;
  formulas: Matrix | null;
  numberFormats: Matrix;
} {
  let hasValues = false;
  let hasFormulas = false;
  const values: Matrix = [];
  const formulas: Matrix = [];
  const numberFormats: Matrix = [];
  for (const row of cells) {
    const v: (string | number | null)[] = [];
    const f: (string | number | null)[] = [];
    const n: (string | number | null)[] = [];
    for (const c of row) {
      let value: string | number | null = null;
      let formula: string | null = null;
      if (c) {
        switch (c.value.kind) {
          case "text":
            value = officeTextLiteral(c.value.text);
            break;
          case "number":
          case "date":
            value = numericValue(c.value) ?? null;
            break;
          case "formula":
            formula = `=${c.value.formula}`;
            break;
          case "blank":
            break;
        }
      }
      if (value !== null) hasValues = true;
      if (formula !== null) hasFormulas = true;
      v.push(value);
      f.push(formula);
      n.push(c ? (c.numberFormat ?? "General") : null);
    }
    values.push(v);
    formulas.push(f);
    numberFormats.push(n);
  }
  return {
    values: hasValues ? values : null,
    formulas: hasFormulas ? formulas : null,
    numberFormats,
  };
}

function applyBorder(
  format: Excel.RangeFormat,
  index:
    | Excel.BorderIndex
    | "EdgeTop"
    | "EdgeBottom"
    | "EdgeLeft"
    | "EdgeRight"
    | "InsideHorizontal"
    | "InsideVertical",
  line: BorderLine
): void {
  const border = format.borders.getItem(index);
  if (line === "double") {
    border.style = "Double";
    return;
  }
  border.style = "Continuous";
  border.weight = line === "thin" ? "Thin" : line === "medium" ? "Medium" : "Thick";
}

/** Applies a style to a Range/RangeAreas format (cell-level edges: every cell gets them). */
export function applyOfficeStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.bold) format.font.bold = true;
  if (style.italic) format.font.italic = true;
  if (style.size !== undefined) format.font.size = style.size;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.fill) format.fill.color = style.fill;
  if (style.horizontal)
    format.horizontalAlignment =
      style.horizontal === "left" ? "Left" : style.horizontal === "center" ? "Center" : "Right";
  if (style.vertical)
    format.verticalAlignment =
      style.vertical === "top" ? "Top" : style.vertical === "center" ? "Center" : "Bottom";
  if (style.wrap) format.wrapText = true;
  if (style.indent) format.indentLevel = style.indent;
  const b = style.border;
  if (b) {
    if (b.top) applyBorder(format, "EdgeTop", b.top);
    if (b.bottom) applyBorder(format, "EdgeBottom", b.bottom);
    if (b.top || b.bottom)
      applyBorder(format, "InsideHorizontal", (b.bottom ?? b.top) as BorderLine);
    if (b.left) applyBorder(format, "EdgeLeft", b.left);
    if (b.right) applyBorder(format, "EdgeRight", b.right);
    if (b.left || b.right) applyBorder(format, "InsideVertical", (b.right ?? b.left) as BorderLine);
  }
}

/** Queues everything for one planned sheet on a (new, empty) worksheet. No sync. */
export function queueSheet(ws: Excel.Worksheet, plan: SheetPlan): void {
  const spec = plan.spec;
  for (const block of plan.blocks) {
    const range = ws.getRange(block.address);
    const arrays = officeBlockArrays(block.cells);
    if (arrays.values) range.values = arrays.values;
    if (arrays.formulas) range.formulas = arrays.formulas;
    range.numberFormat = arrays.numberFormats;
  }
  for (const group of plan.styleGroups) {
    for (const chunk of addressChunks(group.rects))
      applyOfficeStyle(ws.getRanges(chunk).format, group.style);
  }
  for (const run of plan.columnWidths) {
    ws.getRange(`${columnLetter(run.first)}:${columnLetter(run.last)}`).format.columnWidth =
      columnWidthToPoints(run.size);
  }
  for (const run of plan.rowHeights)
    ws.getRange(`${run.first}:${run.last}`).format.rowHeight = run.size;
  for (const m of plan.merges) ws.getRange(rangeAddress(m)).merge(false);
  for (const n of plan.names)
    ws.names.add(n.name, ws.getRange(rangeAddress(parseRangeAddress(n.ref))));

  const pl = ws.pageLayout;
  pl.paperSize = "A4";
  pl.orientation = spec.print.orientation === "portrait" ? "Portrait" : "Landscape";
  if (spec.print.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (spec.print.printArea) pl.setPrintArea(ws.getRange(spec.print.printArea));
  for (const row of spec.print.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${row}`);
  const hf = pl.headersFooters.defaultForAllPages;
  if (plan.header.left) hf.leftHeader = plan.header.left;
  if (plan.header.center) hf.centerHeader = plan.header.center;
  if (plan.header.right) hf.rightHeader = plan.header.right;
  if (plan.footer.left) hf.leftFooter = plan.footer.left;
  if (plan.footer.center) hf.centerFooter = plan.footer.center;
  if (plan.footer.right) hf.rightFooter = plan.footer.right;

  const rows = spec.freeze?.rows ?? 0;
  const cols = spec.freeze?.columns ?? 0;
  if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRange(`A1:${cellAddress(rows, cols)}`));
  else if (rows > 0) ws.freezePanes.freezeRows(rows);
  else if (cols > 0) ws.freezePanes.freezeColumns(cols);
  if (spec.showGridlines === false) ws.showGridlines = false;

  if (spec.table) {
    const table = ws.tables.add(ws.getRange(spec.table.range), true);
    table.name = spec.table.name;
    table.style = spec.table.style ?? DEFAULT_TABLE_STYLE;
    table.showBandedRows = spec.table.showRowStripes ?? true;
  }

  (spec.charts ?? []).forEach((chart, i) => queueChart(ws, chart, i));
}

/**
 * Queues one chart. It is added over its first series' values only, by columns, so Excel makes exactly
 * one series and guesses nothing (a source range with the categories beside the values would be read
 * as one more series when the categories are numbers); the categories and the other series are then
 * given range by range (ExcelApi 1.7).
 */
export function queueChart(ws: Excel.Worksheet, chart: ChartSpec, index: number): void {
  const [first, ...rest] = chart.series;
  if (first === undefined) return;
  const added = ws.charts.add(
    chart.kind === "line" ? "Line" : "ColumnClustered",
    ws.getRange(first.values),
    "Columns"
  );
  added.name = `NHSDP chart ${index + 1}`;
  added.title.text = chart.title;
  added.legend.position = "Bottom";
  if (chart.categoryFormat !== undefined)
    added.axes.categoryAxis.numberFormat = chart.categoryFormat;
  if (chart.valueFormat !== undefined) added.axes.valueAxis.numberFormat = chart.valueFormat;
  const anchor = parseRangeAddress(chart.anchor);
  added.setPosition(cellAddress(anchor.top, anchor.left), cellAddress(anchor.bottom, anchor.right));
  const categories = ws.getRange(chart.categories);
  const head = added.series.getItemAt(0);
  head.name = first.name;
  head.setXAxisValues(categories);
  for (const series of rest) {
    const more = added.series.add(series.name);
    more.setValues(ws.getRange(series.values));
    more.setXAxisValues(categories);
  }
}

/** The suffix of a superseded sheet kept because it was edited by hand. */
export const PREVIOUS_SUFFIX = " (previous)";

/** "'Quote X'!$C$5" → "C5" when it names one cell of `sheet`; undefined for anything else. */
function ownCell(reference: string, sheet: string): string | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(reference.trim());
  if (!m) return undefined;
  const owner = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return owner === sheet ? `${(m[3] as string).toUpperCase()}${m[4]}` : undefined;
}

interface Candidate {
  readonly worksheet: Excel.Worksheet;
  readonly name: string;
  readonly names: ReadonlyMap<string, string>;
}

interface Superseded extends Candidate {
  /** Why it is kept (renamed) rather than deleted: edited by hand since it was generated. */
  readonly keptBecause: string | undefined;
}

/**
 * Writes `specs` as new sheets (valid, unique names: an existing "Quote" makes "Quote (2)") and
 * records `options.register` in the register, in one Excel.run with three or four syncs; with
 * `options.replace`, a new sheet supersedes the sheet its rule recognises (see OfficeWriteResult.syncs).
 */
export async function writeSheets(
  run: ExcelRun,
  specs: readonly SheetSpec[],
  options: OfficeWriteOptions = {}
): Promise<OfficeWriteResult> {
  const plans = specs.map(planSheet); // validate everything before touching the workbook
  const entries = options.register ?? [];
  const registerPlan = entries.length
    ? planSheet(registerSheetSpec(entries, REGISTER_SHEET_NAME))
    : undefined;
  const rules = options.replace ?? [];
  return run(async (context) => {
    let syncs = 0;
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    // The register table, looked up (as a null object if absent) only when there are rows to record.
    const register = registerPlan
      ? {
          plan: registerPlan,
          table: context.workbook.tables.getItemOrNullObject(REGISTER_TABLE_NAME),
        }
      : undefined;
    if (register) {
      register.table.load("name");
      register.table.worksheet.load("name");
    }
    await context.sync(); // 1
    syncs++;

    const existing = register && !register.table.isNullObject ? register.table : undefined;
    const loaded = existing ? loadRegister(existing) : undefined;
    // Every sheet's own names, read in the round trip the register needs anyway: the markers are
    // sheet-scoped names, which follow a sheet when the user renames it.
    const sheetNames = rules.some((rule) => rule !== undefined)
      ? worksheets.items.map((worksheet) => {
          const names = worksheet.names;
          names.load("items/name,items/formula");
          return { worksheet, names };
        })
      : [];
    if (loaded || sheetNames.length > 0) {
      await context.sync(); // 2 (1b)
      syncs++;
    }
    let registerChange: (() => OfficeWriteResult["register"]) | undefined;
    if (existing && loaded) {
      const change = planRegisterChange(registerStateOf(loaded), entries);
      registerChange = () => {
        queueRegisterChange(existing, loaded, change);
        return {
          sheetName: existing.worksheet.name,
          created: false,
          updated: change.updates.length,
          added: change.additions.length,
        };
      };
    }

    const superseded = await findSuperseded(context, rules, sheetNames, () => syncs++);

    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    const used = worksheets.items.map((w) => w.name);
    // The tab order as it will be, so a new sheet takes the place of the sheet it supersedes.
    const order: Excel.Worksheet[] = [...worksheets.items];
    const deleted: Excel.Worksheet[] = [];
    const sheets: OfficePlacedSheet[] = [];
    const added: Excel.Worksheet[] = [];
    const addPlanned = (plan: SheetPlan, old?: Superseded): OfficePlacedSheet => {
      let name: string;
      let placed: OfficePlacedSheet["superseded"];
      if (old === undefined) {
        name = uniqueSheetName(plan.spec.name, used);
      } else if (old.keptBecause !== undefined) {
        // Kept beside the new sheet under a name that says it is the earlier one; already so named
        // (kept from an earlier run), it keeps its name and the new sheet takes the usual one.
        const keptName = old.name.endsWith(PREVIOUS_SUFFIX)
          ? old.name
          : uniqueSheetName(`${old.name}${PREVIOUS_SUFFIX}`, used);
        if (keptName !== old.name) {
          old.worksheet.name = keptName;
          used.push(keptName);
          name = old.name;
        } else name = uniqueSheetName(plan.spec.name, used);
        placed = { name: old.name, kept: { name: keptName, reason: old.keptBecause } };
      } else {
        // Moved aside, not deleted yet: the new sheet takes its name, and a workbook never has to
        // lose its last sheet.
        const aside = uniqueSheetName(`${old.name} (replaced)`, used);
        old.worksheet.name = aside;
        used.push(aside);
        deleted.push(old.worksheet);
        name = old.name;
        placed = { name: old.name };
      }
      used.push(name);
      const ws = worksheets.add(name);
      queueSheet(ws, plan);
      added.push(ws);
      const at = old === undefined ? -1 : order.indexOf(old.worksheet);
      if (at >= 0) {
        ws.position = at;
        order.splice(at, 0, ws);
      } else order.push(ws);
      return {
        desiredName: plan.spec.name,
        name,
        ...(placed === undefined ? {} : { superseded: placed }),
      };
    };
    plans.forEach((plan, i) => sheets.push(addPlanned(plan, superseded[i])));
    const result: OfficeWriteResult = { sheets, syncs: 0 };
    if (registerChange) result.register = registerChange();
    else if (register)
      result.register = {
        sheetName: addPlanned(register.plan).name,
        created: true,
        updated: 0,
        added: entries.length,
      };
    if (options.activate !== false && added[0]) added[0].activate();
    // After the activation, so that the sheet deleted is never the active one.
    for (const ws of deleted) ws.delete();
    await context.sync(); // write
    syncs++;

    context.application.calculate("Recalculate");
    await context.sync(); // recalculate
    syncs++;
    result.syncs = syncs;
    return result;
  });
}

/**
 * For each rule, the sheet it supersedes: among the sheets whose marker cell holds the rule's value,
 * the first in tab order that was not edited by hand, or else the first. Reads the marker cells in
 * one sync and the used ranges of the sheets found in one more; none when nothing carries a marker.
 */
async function findSuperseded(
  context: Excel.RequestContext,
  rules: readonly (ReplaceRule | undefined)[],
  sheets: readonly { worksheet: Excel.Worksheet; names: Excel.NamedItemCollection }[],
  counted: () => void
): Promise<(Superseded | undefined)[]> {
  const probes: { rule: number; candidate: Candidate; cell: Excel.Range }[] = [];
  for (const { worksheet, names } of sheets) {
    const candidate: Candidate = {
      worksheet,
      name: worksheet.name,
      names: new Map(
        names.items.map((item) => [item.name, String(item.formula ?? "").replace(/^=/, "")])
      ),
    };
    rules.forEach((rule, i) => {
      const reference = rule && candidate.names.get(rule.marker);
      const address = reference === undefined ? undefined : ownCell(reference, candidate.name);
      if (address === undefined) return;
      const cell = worksheet.getRange(address);
      cell.load("values");
      probes.push({ rule: i, candidate, cell });
    });
  }
  if (probes.length === 0) return rules.map(() => undefined);
  await context.sync(); // the marker cells
  counted();
  const matches = probes.filter(({ rule, cell }) => cell.values[0]?.[0] === rules[rule]?.value);
  if (matches.length === 0) return rules.map(() => undefined);
  const usedRanges = matches.map((match) => {
    // valuesOnly: formatting alone does not widen what is transferred.
    const range = match.candidate.worksheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,values,formulas,valueTypes");
    return { ...match, range };
  });
  await context.sync(); // the used ranges of the sheets found
  counted();
  return rules.map((rule, i) => {
    if (rule === undefined) return undefined;
    const judged = usedRanges
      .filter((match) => match.rule === i)
      .map(({ candidate, range }): Superseded => {
        const grid = range.isNullObject
          ? undefined
          : {
              rowIndex: range.rowIndex,
              columnIndex: range.columnIndex,
              values: range.values,
              formulas: range.formulas,
              valueTypes: range.valueTypes as string[][],
            };
        return {
          ...candidate,
          keptBecause: rule.edited({ name: candidate.name, names: candidate.names, grid }),
        };
      });
    return judged.find((sheet) => sheet.keptBecause === undefined) ?? judged[0];
  });
}

/** Records partnerships in the register (creating it if needed): writeSheets with no sheets. */
export async function updateRegister(
  run: ExcelRun,
  entries: readonly RegisterEntry[]
): Promise<OfficeWriteResult> {
  return writeSheets(run, [], { register: entries, activate: false });
}
