/*
 * The Partnership document as the quote sheet now states it: the priced inputs from the cells the
 * reader gives (the use, the rates, every line and allocation on the sheet), the rest (terms, value
 * sharing, governance...) from the record of the document as generated. Validated with the same
 * schema as any document, so an input typed wrongly is reported at its cell rather than priced.
 */
import { parsePartnership, type Partnership } from "../document";
import { KIND_LABELS } from "../workbook/layouts/quote/contract";
import { cellAddress } from "../workbook/spec/a1";
import type { AuditCellValue } from "./model";
import type { PricingRate } from "../model/vocabulary";
import {
  RATE_INPUTS,
  textOf,
  type GeneratedRecord,
  type Position,
  type QuoteSheetLayout,
} from "./quoteSheetReader";

/** The cell each document field is read from, to point at when the field is not valid. */
export type FieldCells = Map<string, string>;

export type RebuildResult =
  | { readonly ok: true; readonly doc: Partnership; readonly cells: FieldCells }
  | {
      readonly ok: false;
      readonly issues: readonly { cell: string; field: string; message: string }[];
    };

const KIND_BY_LABEL = new Map<string, { kind: string; passThrough: boolean }>([
  [KIND_LABELS.staff, { kind: "staff", passThrough: false }],
  [KIND_LABELS["non-staff"], { kind: "non-staff", passThrough: false }],
  [KIND_LABELS.passThrough, { kind: "non-staff", passThrough: true }],
]);

/** A number cell as a number; anything else as it is, for the schema to reject with its path. */
function figure(value: AuditCellValue): unknown {
  if (value !== null && typeof value === "object") return value.error;
  return value;
}

const ALLOCATION_PREFIX = "Directly allocated capital: ";

export function rebuildPartnership(layout: QuoteSheetLayout): RebuildResult {
  const { sheet, record } = layout;
  const cells: FieldCells = new Map();
  const at = (field: string, position: Position) => {
    cells.set(field, cellAddress(position.row, position.col));
    return sheet.cell(position.row, position.col).value;
  };
  const { lines: documentLines, allocations: documentAllocations } = recordedDescriptions(record);
  const recordedLines = new Map(record.lines.map((line) => [line.id, line]));

  const rate = (input: (typeof RATE_INPUTS)[number], field: string) =>
    figure(at(field, layout.rates[input]));
  const lines = layout.lines.map((line, index) => {
    const field = `costs.lines[${index}]`;
    const text = (col: number) => textOf(sheet.cell(line.row, col));
    cells.set(field, cellAddress(line.row, 1));
    cells.set(`${field}.id`, cellAddress(line.row, 1));
    cells.set(`${field}.description`, cellAddress(line.row, 2));
    cells.set(`${field}.kind`, cellAddress(line.row, 3));
    cells.set(`${field}.passThrough`, cellAddress(line.row, 3));
    cells.set(`${field}.unit`, cellAddress(line.row, 5));
    const kindLabel = text(3);
    const kind = KIND_BY_LABEL.get(kindLabel);
    const asGenerated = recordedLines.get(line.id);
    return {
      id: line.id,
      category: line.category ?? "",
      description: text(2) || documentLines.get(line.id) || line.id,
      kind: kind?.kind ?? kindLabel,
      passThrough: kind?.passThrough ?? false,
      quantity: figure(at(`${field}.quantity`, { row: line.row, col: 4 })),
      unit: text(5),
      unitCost: figure(at(`${field}.unitCost`, { row: line.row, col: 6 })),
      // Which grade or standard item priced the line is not printed: it comes from the record.
      ...(asGenerated?.staffGrade !== undefined && kind?.kind === "staff"
        ? { staffGrade: asGenerated.staffGrade }
        : {}),
      ...(asGenerated?.standardItem !== undefined && kind?.kind === "non-staff"
        ? { standardItem: asGenerated.standardItem }
        : {}),
    };
  });
  const directAllocations = layout.allocations.map((allocation, index) => {
    const field = `costs.directAllocations[${index}]`;
    cells.set(field, cellAddress(allocation.row, 1));
    cells.set(`${field}.id`, cellAddress(allocation.row, 1));
    const shown = textOf(sheet.cell(allocation.row, 2));
    return {
      id: allocation.id,
      description:
        (shown.startsWith(ALLOCATION_PREFIX) ? shown.slice(ALLOCATION_PREFIX.length) : shown) ||
        documentAllocations.get(allocation.id) ||
        allocation.id,
      amount: figure(at(`${field}.amount`, { row: allocation.row, col: 9 })),
    };
  });
  const candidate = recordedCandidate(record, {
    use: textOf(sheet.cell(layout.use.row, layout.use.col)),
    vatRate: rate("vatRate", "vatRate"),
    rates: {
      staffOnCostRate: rate("staffOnCostRate", "pricing.staffOnCostRate"),
      overheadRate: rate("overheadRate", "pricing.overheadRate"),
      fixedCostRecoveryRate: rate("fixedCostRecoveryRate", "pricing.fixedCostRecoveryRate"),
      capitalCostRecoveryRate: rate("capitalCostRecoveryRate", "pricing.capitalCostRecoveryRate"),
    },
    lines,
    directAllocations,
  });
  cells.set("use", cellAddress(layout.use.row, layout.use.col));
  const parsed = parsePartnership(candidate);
  if (parsed.ok) return { ok: true, doc: parsed.document, cells };
  return {
    ok: false,
    issues: parsed.issues.map((issue) => ({
      cell: cellFor(cells, issue.path),
      field: issue.path,
      message: issue.message,
    })),
  };
}

/** The cell of a field, or of the nearest field above it that has one; "" when none does. */
export function cellFor(cells: FieldCells, field: string): string {
  let path = field;
  for (;;) {
    const found = cells.get(path);
    if (found !== undefined) return found;
    const shorter = path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
    if (shorter === path) return "";
    path = shorter;
  }
}

/** The descriptions of the cost lines and direct allocations, by id, from the record's document JSON. */
export function recordedDescriptions(record: GeneratedRecord): {
  lines: Map<string, unknown>;
  allocations: Map<string, unknown>;
} {
  const costs = (record.document?.["costs"] ?? {}) as {
    lines?: { id?: unknown; description?: unknown }[];
    directAllocations?: { id?: unknown; description?: unknown }[];
  };
  const byId = (items: { id?: unknown; description?: unknown }[] = []) =>
    new Map(items.map((item) => [String(item.id), item.description]));
  return { lines: byId(costs.lines), allocations: byId(costs.directAllocations) };
}

/**
 * The document to validate: the record's JSON with the priced inputs put back, read from wherever
 * the quote keeps them (the quote sheet's cells, or a partner copy's record).
 */
export function recordedCandidate(
  record: GeneratedRecord,
  inputs: {
    use: unknown;
    vatRate: unknown;
    rates: Readonly<Record<PricingRate, unknown>>;
    lines: readonly unknown[];
    directAllocations: readonly unknown[];
  }
): Record<string, unknown> {
  const recorded = record.document ?? {};
  const pricing = (recorded["pricing"] ?? {}) as {
    overrides?: unknown;
    passThroughInRecoveryBase?: unknown;
  };
  return {
    ...recorded,
    ...(record.publishedInDataUseRegister === undefined
      ? {}
      : { publishedInDataUseRegister: record.publishedInDataUseRegister }),
    use: inputs.use,
    vatRate: inputs.vatRate,
    pricing: {
      ...(record.strategy === undefined ? {} : { strategy: record.strategy }),
      ...inputs.rates,
      // Sheets generated before the choice existed do not record it: their base had pass-through in it.
      ...(pricing.passThroughInRecoveryBase === undefined
        ? {}
        : { passThroughInRecoveryBase: pricing.passThroughInRecoveryBase }),
      overrides: pricing.overrides ?? [],
    },
    costs: { lines: inputs.lines, directAllocations: inputs.directAllocations },
  };
}
