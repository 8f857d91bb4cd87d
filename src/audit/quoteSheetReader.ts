/*
 * Finds the quote sheets of a workbook by the names the generator writes (src/workbook/layouts/quote/contract.ts)
 * and reads each into its parts: the inputs, the rows of the cost table and of the recoveries, the
 * totals, and the record of the inputs as generated. Nothing is located by a fixed row: every block is
 * found through its name, which a spreadsheet moves with the cells when rows are inserted or deleted.
 */
import {
  COST_CATEGORIES,
  PRICING_RATES,
  type CostCategory,
  type PricingRate,
} from "../model/vocabulary";
import { COST_CATEGORY_LABELS } from "../document/labels";
import { cellAddress, parseRangeAddress, type RangeRef } from "../workbook/spec/a1";
import {
  QUOTE_LAYOUT_VERSION,
  QUOTE_METADATA_NAMES,
  QUOTE_NAMES,
  RECORD_KEYS,
  SUBTOTAL_PREFIX,
} from "../workbook/layouts/quote/contract";
import type { AuditCell, AuditCellValue, AuditSheet } from "./model";

export interface Position {
  readonly row: number;
  readonly col: number;
}

export const address = (at: Position): string => cellAddress(at.row, at.col);

export interface LineRow {
  readonly row: number;
  /** The category heading above the line; undefined when a line sits above every heading. */
  readonly category: CostCategory | undefined;
  readonly id: string;
}

export interface SubtotalRow {
  readonly row: number;
  readonly category: CostCategory | undefined;
  readonly lines: readonly LineRow[];
}

export interface RecoveryRow {
  readonly row: number;
  readonly id: "fixed-cost-recovery" | "capital-cost-recovery";
}

export interface AllocationRow {
  readonly row: number;
  readonly id: string;
}

export interface PoolSubtotalRow {
  readonly row: number;
  readonly category: "fixed" | "capital";
}

export interface RecordedLine {
  readonly row: number;
  readonly id: string;
  readonly category: string;
  readonly kind: string;
  readonly passThrough: boolean;
  readonly quantity: AuditCellValue;
  readonly unit: string;
  readonly unitCost: AuditCellValue;
  readonly staffGrade?: string;
  readonly standardItem?: string;
}

/** The inputs as generated, read from the record below the print area. */
export interface GeneratedRecord {
  readonly version: string;
  readonly layout: number;
  readonly generatedAt: string;
  readonly reference: string;
  readonly use: string;
  readonly vatRate: AuditCellValue;
  readonly strategy?: { readonly id: string; readonly revision: number };
  readonly publishedInDataUseRegister?: boolean;
  readonly rates: Readonly<Record<PricingRate, AuditCellValue>>;
  readonly lines: readonly RecordedLine[];
  readonly allocations: readonly { readonly id: string; readonly amount: AuditCellValue }[];
  /** The rest of the document as generated (trust, partner, terms, value sharing...), or undefined. */
  readonly document: Record<string, unknown> | undefined;
}

export type RateInput = PricingRate | "vatRate";
export const RATE_INPUTS: readonly RateInput[] = [...PRICING_RATES, "vatRate"];

export interface QuoteSheetLayout {
  readonly sheet: AuditSheet;
  readonly record: GeneratedRecord;
  readonly reference: Position | undefined;
  readonly use: Position;
  readonly rates: Readonly<Record<RateInput, Position>>;
  readonly linesBlock: RangeRef | undefined;
  readonly lines: readonly LineRow[];
  readonly subtotals: readonly SubtotalRow[];
  readonly marginalCost: Position;
  readonly fullCost: Position;
  readonly linesCharged: Position;
  /** Present when the quote's pass-through charges are out of the recovery base. */
  readonly passThroughCharged?: Position;
  readonly recoveryBase?: Position;
  readonly recoveriesBlock: RangeRef;
  readonly recoveries: readonly RecoveryRow[];
  readonly allocations: readonly AllocationRow[];
  readonly pools: readonly PoolSubtotalRow[];
  readonly total: Position;
  readonly vat: Position;
  readonly totalIncVat: Position;
  /** The summary box's total and the reconciliation's check: absent from sheets generated before them. */
  readonly summaryTotalIncVat?: Position;
  readonly reconciliationCheck?: Position;
}

/** Why a quote sheet cannot be read: where, and what is wrong. */
export interface LayoutProblem {
  readonly cell: string;
  readonly message: string;
}

export type LayoutResult =
  | { readonly ok: true; readonly layout: QuoteSheetLayout }
  | {
      readonly ok: false;
      readonly problems: readonly LayoutProblem[];
      readonly reference?: string;
    };

/** A sheet the generator wrote: it carries the record of its inputs, or at least its named total. */
export function isQuoteSheet(sheet: AuditSheet): boolean {
  return sheet.names.has(QUOTE_METADATA_NAMES.asGenerated) || sheet.names.has(QUOTE_NAMES.total);
}

export function textOf(cell: AuditCell): string {
  const value = cell.value;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

function isEmpty(cell: AuditCell): boolean {
  return cell.value === null || cell.value === "";
}

const CATEGORY_BY_LABEL = new Map<string, CostCategory>(
  COST_CATEGORIES.map((category) => [COST_CATEGORY_LABELS[category], category])
);
/** The last column the cost table and the recoveries use (I). */
const TABLE_COLUMNS = 9;

export function readRecord(sheet: AuditSheet, range: RangeRef): GeneratedRecord | LayoutProblem {
  let generator: { version: string; layout: number; generatedAt: string } | undefined;
  let quote:
    | Omit<
        GeneratedRecord,
        "version" | "layout" | "generatedAt" | "rates" | "lines" | "allocations" | "document"
      >
    | undefined;
  let rates: Record<PricingRate, AuditCellValue> | undefined;
  const lines: RecordedLine[] = [];
  const allocations: { id: string; amount: AuditCellValue }[] = [];
  let documentJson = "";
  let sawDocument = false;
  for (let row = range.top; row <= range.bottom; row++) {
    const at = (col: number) => sheet.cell(row, col);
    const text = (col: number) => textOf(at(col));
    switch (text(1)) {
      case RECORD_KEYS.generator:
        generator = { version: text(3), layout: Number(at(4).value), generatedAt: text(5) };
        break;
      case RECORD_KEYS.quote: {
        const revision = at(6).value;
        const published = text(7);
        quote = {
          reference: text(2),
          use: text(3),
          vatRate: at(4).value,
          ...(text(5) === "" ? {} : { strategy: { id: text(5), revision: Number(revision) } }),
          ...(published === "" ? {} : { publishedInDataUseRegister: published === "yes" }),
        };
        break;
      }
      case RECORD_KEYS.rates:
        rates = Object.fromEntries(
          PRICING_RATES.map((rate, i) => [rate, at(2 + i).value])
        ) as Record<PricingRate, AuditCellValue>;
        break;
      case RECORD_KEYS.line:
        lines.push({
          row,
          id: text(2),
          category: text(3),
          kind: text(4),
          passThrough: text(5) === "yes",
          quantity: at(6).value,
          unit: text(7),
          unitCost: at(8).value,
          ...(text(9) === "" ? {} : { staffGrade: text(9) }),
          ...(text(10) === "" ? {} : { standardItem: text(10) }),
        });
        break;
      case RECORD_KEYS.allocation:
        allocations.push({ id: text(2), amount: at(3).value });
        break;
      case RECORD_KEYS.document:
        sawDocument = true;
        for (let col = 2; col <= 16_384; col++) {
          const part = text(col);
          if (part === "") break;
          documentJson += part;
        }
        break;
      default:
        break;
    }
  }
  const first = cellAddress(range.top, 1);
  if (generator === undefined || quote === undefined || rates === undefined)
    return {
      cell: first,
      message: `The record of the inputs as generated (${QUOTE_METADATA_NAMES.asGenerated}) has lost its ${generator === undefined ? "generator" : quote === undefined ? "quote" : "rates"} row, so the quote cannot be verified. Ask the trust for the workbook as generated.`,
    };
  if (generator.layout !== QUOTE_LAYOUT_VERSION)
    return {
      cell: cellAddress(range.top + 1, 4),
      message: `The sheet was generated with layout ${generator.layout} by version ${generator.version}; this audit reads layout ${QUOTE_LAYOUT_VERSION}. Audit it with the version that generated it.`,
    };
  let document: Record<string, unknown> | undefined;
  if (sawDocument) {
    try {
      const parsed: unknown = JSON.parse(documentJson);
      if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed))
        document = parsed as Record<string, unknown>;
    } catch {
      document = undefined;
    }
  }
  if (document === undefined)
    return {
      cell: first,
      message:
        "The record of the inputs as generated has lost the document row (or it is no longer valid JSON), so the principles cannot be checked. Ask the trust for the workbook as generated.",
    };
  return { ...generator, ...quote, rates, lines, allocations, document };
}

/** The rows of the cost table: category headings, lines and each category's subtotal. */
function readCostTable(sheet: AuditSheet, block: RangeRef) {
  const lines: LineRow[] = [];
  const subtotals: SubtotalRow[] = [];
  let category: CostCategory | undefined;
  let pending: LineRow[] = [];
  for (let row = block.top; row <= block.bottom; row++) {
    const a = textOf(sheet.cell(row, 1)).trim();
    const b = textOf(sheet.cell(row, 2));
    const heading = CATEGORY_BY_LABEL.get(a);
    if (heading !== undefined && isEmpty(sheet.cell(row, 2))) {
      category = heading;
      pending = [];
    } else if (b.startsWith(SUBTOTAL_PREFIX) && a === "") {
      subtotals.push({ row, category, lines: pending });
      pending = [];
    } else if (
      Array.from({ length: TABLE_COLUMNS }, (_, i) => sheet.cell(row, i + 1)).some(
        (cell) => !isEmpty(cell)
      )
    ) {
      const line = { row, category, id: a };
      lines.push(line);
      pending.push(line);
    }
  }
  return { lines, subtotals };
}

const RECOVERY_IDS = new Set(["fixed-cost-recovery", "capital-cost-recovery"]);

function readRecoveries(sheet: AuditSheet, block: RangeRef) {
  const recoveries: RecoveryRow[] = [];
  const allocations: AllocationRow[] = [];
  const pools: PoolSubtotalRow[] = [];
  for (let row = block.top; row <= block.bottom; row++) {
    const a = textOf(sheet.cell(row, 1)).trim();
    const b = textOf(sheet.cell(row, 2));
    if (RECOVERY_IDS.has(a)) recoveries.push({ row, id: a as RecoveryRow["id"] });
    else if (a === "" && b.startsWith(SUBTOTAL_PREFIX))
      pools.push({
        row,
        category:
          b === `${SUBTOTAL_PREFIX}${COST_CATEGORY_LABELS.capital}` ||
          (b !== `${SUBTOTAL_PREFIX}${COST_CATEGORY_LABELS.fixed}` && pools.length > 0)
            ? "capital"
            : "fixed",
      });
    else if (a !== "" || !isEmpty(sheet.cell(row, TABLE_COLUMNS))) allocations.push({ row, id: a });
  }
  return { recoveries, allocations, pools };
}

/** Reads a quote sheet's layout through its names, or says what stops it from being read. */
export function readQuoteSheet(sheet: AuditSheet): LayoutResult {
  const problems: LayoutProblem[] = [];
  const range = (name: string): RangeRef | undefined => {
    const ref = sheet.names.get(name);
    if (ref === undefined) {
      problems.push({
        cell: "",
        message: `The name ${name}, which the generator writes on every quote sheet, is missing: the sheet was made by an older version or the name was deleted, so it cannot be verified. Generate the quote again.`,
      });
      return undefined;
    }
    try {
      return parseRangeAddress(ref);
    } catch {
      problems.push({
        cell: "",
        message: `The name ${name} refers to ${ref}, not to a range of this sheet: the cells it named were deleted (a broken reference). Ask the trust for the workbook as generated.`,
      });
      return undefined;
    }
  };
  const position = (name: string): Position => {
    const found = range(name);
    return { row: found?.top ?? 1, col: found?.left ?? 1 };
  };
  const recordRange = range(QUOTE_METADATA_NAMES.asGenerated);
  const referenceCell = sheet.names.has(QUOTE_METADATA_NAMES.reference)
    ? position(QUOTE_METADATA_NAMES.reference)
    : undefined;
  const shownReference =
    referenceCell === undefined
      ? undefined
      : textOf(sheet.cell(referenceCell.row, referenceCell.col));
  if (recordRange === undefined)
    return { ok: false, problems, ...(shownReference ? { reference: shownReference } : {}) };
  const record = readRecord(sheet, recordRange);
  if ("message" in record)
    return {
      ok: false,
      problems: [record],
      ...(shownReference ? { reference: shownReference } : {}),
    };

  const rates = {
    staffOnCostRate: position(QUOTE_METADATA_NAMES.staffOnCostRate),
    overheadRate: position(QUOTE_METADATA_NAMES.overheadRate),
    fixedCostRecoveryRate: position(QUOTE_METADATA_NAMES.fixedCostRecoveryRate),
    capitalCostRecoveryRate: position(QUOTE_METADATA_NAMES.capitalCostRecoveryRate),
    vatRate: position(QUOTE_METADATA_NAMES.vatRate),
  };
  const use = position(QUOTE_METADATA_NAMES.use);
  const linesBlock =
    record.lines.length > 0 || sheet.names.has(QUOTE_METADATA_NAMES.lines)
      ? range(QUOTE_METADATA_NAMES.lines)
      : undefined;
  const recoveriesBlock = range(QUOTE_METADATA_NAMES.recoveries);
  const layout = {
    marginalCost: position(QUOTE_METADATA_NAMES.marginalCost),
    fullCost: position(QUOTE_METADATA_NAMES.fullCost),
    linesCharged: position(QUOTE_METADATA_NAMES.linesCharged),
    total: position(QUOTE_NAMES.total),
    vat: position(QUOTE_NAMES.vat),
    totalIncVat: position(QUOTE_NAMES.totalIncVat),
  };
  if (problems.length > 0 || recoveriesBlock === undefined)
    return { ok: false, problems, reference: record.reference };
  const optional: {
    summaryTotalIncVat?: Position;
    reconciliationCheck?: Position;
    passThroughCharged?: Position;
    recoveryBase?: Position;
  } = {};
  for (const key of [
    "summaryTotalIncVat",
    "reconciliationCheck",
    "passThroughCharged",
    "recoveryBase",
  ] as const)
    if (sheet.names.has(QUOTE_METADATA_NAMES[key]))
      optional[key] = position(QUOTE_METADATA_NAMES[key]);
  if (problems.length > 0) return { ok: false, problems, reference: record.reference };
  const table =
    linesBlock === undefined ? { lines: [], subtotals: [] } : readCostTable(sheet, linesBlock);
  return {
    ok: true,
    layout: {
      sheet,
      record,
      reference: referenceCell,
      use,
      rates,
      linesBlock,
      ...table,
      recoveriesBlock,
      ...readRecoveries(sheet, recoveriesBlock),
      ...layout,
      ...optional,
    },
  };
}
