/*
 * The checks of one quote sheet, on the reader's layout: what was generated against what the sheet
 * holds now, every figure against the core's recomputation from the sheet's own inputs, every formula
 * against the one the generator writes at that place, and the principles on the rebuilt document.
 */
import { Decimal, sumDecimals } from "../model/decimal";
import { formatPercent, formatPounds } from "../model/format";
import { InputError } from "../model/errors";
import { checkPrinciples, type Finding, type Severity } from "../core/principles";
import { priceQuote, type Quote } from "../core/pricing/quote";
import { RATE_LABELS } from "../core/pricing/strategy";
import { PRICING_RATES } from "../model/vocabulary";
import type { PricingStrategy } from "../document";
import { cellAddress, rangeAddress } from "../workbook/spec/a1";
import {
  FIELD_ROW_LABELS,
  KIND_LABELS,
  QUOTE_COLUMNS,
  QUOTE_FORMULAS,
  RECONCILED,
  RECOVERY_COLUMNS,
  basisText,
} from "../workbook/layouts/quote/contract";
import type { AuditCell, AuditCellValue, AuditCheck, AuditFinding } from "./model";
import {
  RATE_INPUTS,
  address,
  textOf,
  type Position,
  type QuoteSheetLayout,
  type RateInput,
} from "./quoteSheetReader";
import { cellFor, rebuildPartnership, type FieldCells } from "./rebuild";
import { poundsAsTyped } from "./values";

export const GUIDE = {
  arithmetic:
    'CIDC guide, chapter 5: Establishing your pricing strategy (costs by category; "Marginal cost + overhead costs = full or total cost")',
  basis:
    "CIDC guide, chapter 5: commercial use is charged at full cost, non-commercial use at marginal cost; chapter 4: Principle 3 (the cost depends on the use)",
  record:
    "DHSC guiding principles (2019), principle 4: arrangements should be transparent and clearly communicated; CIDC guide, chapter 5: Establishing your pricing strategy",
} as const;

const RATE_INPUT_LABELS: Readonly<Record<RateInput, string>> = {
  ...RATE_LABELS,
  vatRate: "VAT rate",
};

/** A cell's value in words; a number as the cell shows it (pounds, a percentage) when `format` says. */
function show(value: AuditCellValue, format: (value: number) => string = String): string {
  if (value === null) return "empty";
  if (typeof value === "object") return value.error;
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "number") return format(value);
  return String(value);
}

const percent = (value: number): string => formatPercent(value);

/** Removes what a spreadsheet may write differently without changing the formula: "$", spaces, case. */
export function normaliseFormula(formula: string): string {
  return formula
    .replace(/^\s*=/, "")
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\$/g, "")
            .replace(/\s+/g, "")
            .toUpperCase()
            .replace(/\b([A-Z]{1,3}\d+):\1\b/g, "$1")
    )
    .join("");
}

function sameNumber(value: AuditCellValue, expected: number): boolean {
  return typeof value === "number" && Math.abs(value - expected) < 1e-9;
}

export function checkQuoteSheet(
  layout: QuoteSheetLayout,
  options: { strategy?: PricingStrategy } = {}
): AuditFinding[] {
  const { sheet, record } = layout;
  const findings: AuditFinding[] = [];
  const add = (
    severity: Severity,
    check: AuditCheck,
    cell: string,
    message: string,
    guideSection: string,
    extra: { expected?: string; found?: string; expectedFormula?: string; ruleId?: string } = {}
  ) => findings.push({ severity, check, sheet: sheet.name, cell, message, guideSection, ...extra });
  const cellAt = (at: Position): AuditCell => sheet.cell(at.row, at.col);

  // Inputs changed since generation, and lines missing or added.
  const changed = (
    at: Position,
    what: string,
    before: AuditCellValue,
    after: AuditCellValue,
    format?: (value: number) => string
  ) =>
    add(
      "error",
      "input-changed",
      address(at),
      `The ${what} was ${show(before, format)} when the quote was generated and is now ${show(after, format)}: the quote is no longer the one generated. Ask the trust whether the change was agreed, and for a quote generated again from the document.`,
      GUIDE.record,
      { expected: show(before, format), found: show(after, format) }
    );
  if (layout.reference !== undefined) {
    const shown = cellAt(layout.reference).value;
    if (shown !== record.reference)
      changed(layout.reference, "quote reference", record.reference, shown);
  }
  const use = cellAt(layout.use).value;
  if (use !== record.use) changed(layout.use, "use of the data", record.use, use);
  for (const input of RATE_INPUTS) {
    const before = input === "vatRate" ? record.vatRate : record.rates[input];
    const after = cellAt(layout.rates[input]).value;
    if (typeof before !== "number" || !sameNumber(after, before))
      changed(layout.rates[input], RATE_INPUT_LABELS[input], before, after, percent);
  }
  const sheetLines = new Map(layout.lines.map((line) => [line.id, line]));
  for (const generated of record.lines) {
    const line = sheetLines.get(generated.id);
    if (line === undefined) {
      add(
        "error",
        "line-missing",
        layout.linesBlock === undefined ? "" : rangeAddress(layout.linesBlock),
        `Line ${generated.id} (${generated.quantity} ${generated.unit} at ${generated.unitCost}) was on the quote when it was generated and is no longer in the cost table: the total no longer includes it.`,
        GUIDE.record,
        { expected: generated.id, found: "no such line" }
      );
      continue;
    }
    const cell = (col: number) => sheet.cell(line.row, col).value;
    const kind = generated.passThrough
      ? KIND_LABELS.passThrough
      : KIND_LABELS[generated.kind as "staff" | "non-staff"];
    if (line.category !== generated.category)
      changed(
        { row: line.row, col: QUOTE_COLUMNS.id },
        `category of line ${line.id}`,
        generated.category,
        line.category ?? "none"
      );
    const { kind: kindColumn, quantity, unit, unitCost } = QUOTE_COLUMNS;
    if (cell(kindColumn) !== kind)
      changed(
        { row: line.row, col: kindColumn },
        `kind of line ${line.id}`,
        kind,
        cell(kindColumn)
      );
    if (typeof generated.quantity !== "number" || !sameNumber(cell(quantity), generated.quantity))
      changed(
        { row: line.row, col: quantity },
        `quantity of line ${line.id}`,
        generated.quantity,
        cell(quantity)
      );
    if (textOf(sheet.cell(line.row, unit)) !== generated.unit)
      changed({ row: line.row, col: unit }, `unit of line ${line.id}`, generated.unit, cell(unit));
    if (typeof generated.unitCost !== "number" || !sameNumber(cell(unitCost), generated.unitCost))
      changed(
        { row: line.row, col: unitCost },
        `unit cost of line ${line.id}`,
        generated.unitCost,
        cell(unitCost),
        poundsAsTyped
      );
  }
  const recordedIds = new Set(record.lines.map((line) => line.id));
  for (const line of layout.lines)
    if (!recordedIds.has(line.id))
      add(
        "error",
        "line-extra",
        cellAddress(line.row, QUOTE_COLUMNS.id),
        `Line ${line.id === "" ? "(with no id)" : line.id} is in the cost table but was not on the quote when it was generated: it was added afterwards, and the totals now include it.`,
        GUIDE.record,
        { expected: "no such line", found: line.id }
      );
  const sheetAllocations = new Map(
    layout.allocations.map((allocation) => [allocation.id, allocation])
  );
  for (const generated of record.allocations) {
    const allocation = sheetAllocations.get(generated.id);
    if (allocation === undefined) {
      add(
        "error",
        "line-missing",
        rangeAddress(layout.recoveriesBlock),
        `The direct allocation ${generated.id} (${show(generated.amount, poundsAsTyped)}) was on the quote when it was generated and is no longer there.`,
        GUIDE.record,
        { expected: generated.id, found: "no such allocation" }
      );
      continue;
    }
    const amount = sheet.cell(allocation.row, RECOVERY_COLUMNS.amount).value;
    if (typeof generated.amount !== "number" || !sameNumber(amount, generated.amount))
      changed(
        { row: allocation.row, col: RECOVERY_COLUMNS.amount },
        `amount of the direct allocation ${generated.id}`,
        generated.amount,
        amount,
        poundsAsTyped
      );
  }
  const recordedAllocations = new Set(record.allocations.map((allocation) => allocation.id));
  for (const allocation of layout.allocations)
    if (!recordedAllocations.has(allocation.id))
      add(
        "error",
        "line-extra",
        cellAddress(allocation.row, 1),
        `The direct allocation ${allocation.id || "(with no id)"} was not on the quote when it was generated: it was added afterwards.`,
        GUIDE.record,
        { expected: "no such allocation", found: allocation.id }
      );
  for (const id of ["fixed-cost-recovery", "capital-cost-recovery"] as const)
    if (!layout.recoveries.some((recovery) => recovery.id === id))
      add(
        "error",
        "line-missing",
        rangeAddress(layout.recoveriesBlock),
        `The ${id.replace(/-/g, " ")} line is missing: every quote recovers fixed and capital costs, even at a rate of 0%.`,
        GUIDE.arithmetic,
        { expected: id, found: "no such line" }
      );

  // The document as the sheet states it, priced again by the core.
  const rebuilt = rebuildPartnership(layout);
  if (!rebuilt.ok) {
    for (const issue of rebuilt.issues)
      add(
        "error",
        "input-invalid",
        issue.cell,
        `The input for ${issue.field} ${issue.message}, so the quote cannot be priced again to check its figures.`,
        GUIDE.arithmetic
      );
    return findings;
  }
  let quote: Quote;
  try {
    quote = priceQuote(rebuilt.doc);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    add(
      "error",
      "input-invalid",
      cellFor(rebuilt.cells, error.argument),
      error.message,
      GUIDE.arithmetic
    );
    return findings;
  }
  checkFigures(layout, quote, add);
  checkBasis(layout, quote, add);
  for (const finding of checkPrinciples(
    rebuilt.doc,
    quote,
    options.strategy === undefined ? {} : { strategy: options.strategy }
  ))
    add(
      finding.severity,
      "principle",
      principleCell(layout, rebuilt.cells, finding),
      finding.message,
      finding.guideSection,
      {
        ruleId: finding.ruleId,
      }
    );
  return findings;
}

type Add = (
  severity: Severity,
  check: AuditCheck,
  cell: string,
  message: string,
  guideSection: string,
  extra?: { expected?: string; found?: string; expectedFormula?: string }
) => void;

/** Every figure: the formula the generator writes there, and the value the core computes. */
function checkFigures(layout: QuoteSheetLayout, quote: Quote, add: Add): void {
  const { sheet } = layout;
  const abs = (at: Position) => cellAddress(at.row, at.col, true);
  const useRef = abs(layout.use);
  const rate = (input: RateInput) => abs(layout.rates[input]);
  const figure = (
    at: Position,
    what: string,
    expectedFormula: string | undefined,
    expected: Decimal,
    format: (value: Decimal) => string = formatPounds
  ) => {
    const cell = sheet.cell(at.row, at.col);
    const where = address(at);
    const shown = (value: AuditCellValue) => show(value, (n) => format(new Decimal(n)));
    const brokenFormula = cell.formula !== undefined && /#REF!/i.test(cell.formula);
    const brokenValue =
      cell.value !== null && typeof cell.value === "object" && cell.value.error === "#REF!";
    if (brokenFormula || brokenValue) {
      add(
        "error",
        "broken-reference",
        where,
        `The ${what} refers to cells that were deleted (#REF!): it no longer adds up the quote. Ask the trust for the workbook as generated.`,
        GUIDE.arithmetic,
        {
          expected: expectedFormula === undefined ? format(expected) : `=${expectedFormula}`,
          found: cell.formula === undefined ? show(cell.value) : `=${cell.formula}`,
          ...(expectedFormula === undefined ? {} : { expectedFormula: `=${expectedFormula}` }),
        }
      );
      return;
    }
    if (cell.formula === undefined && expectedFormula !== undefined)
      add(
        "error",
        "formula-replaced",
        where,
        `The ${what} is the constant ${shown(cell.value)} where the generator wrote a formula: it no longer follows the inputs, so a change to them would not change it.`,
        GUIDE.arithmetic,
        // The value the formula gives, and the formula itself beside it: not the formula as a value.
        {
          expected: format(expected),
          found: shown(cell.value),
          expectedFormula: `=${expectedFormula}`,
        }
      );
    else if (
      cell.formula !== undefined &&
      expectedFormula !== undefined &&
      normaliseFormula(cell.formula) !== normaliseFormula(expectedFormula)
    )
      add(
        "error",
        "formula-changed",
        where,
        `The ${what} has the formula =${cell.formula}, not the one the generator writes there.`,
        GUIDE.arithmetic,
        {
          expected: `=${expectedFormula}`,
          found: `=${cell.formula}`,
          expectedFormula: `=${expectedFormula}`,
        }
      );
    const value = cell.value;
    // A formula the file carries without a calculated value cannot be compared; its formula was checked.
    if (value === null && cell.formula !== undefined) return;
    if (typeof value !== "number" || !new Decimal(value).minus(expected).abs().lessThan(0.005))
      add(
        "error",
        "arithmetic",
        where,
        `The ${what} shows ${typeof value === "number" ? format(new Decimal(value)) : show(value)}, but the sheet's own inputs give ${format(expected)}.`,
        GUIDE.arithmetic,
        {
          expected: format(expected),
          found: typeof value === "number" ? format(new Decimal(value)) : show(value),
        }
      );
  };

  layout.lines.forEach((line, index) => {
    const priced = quote.lines[index];
    if (priced === undefined) return;
    const r = line.row;
    figure(
      { row: r, col: QUOTE_COLUMNS.cost },
      `cost of line ${line.id}`,
      QUOTE_FORMULAS.lineCost(r),
      priced.cost
    );
    figure(
      { row: r, col: QUOTE_COLUMNS.marginal },
      `marginal cost of line ${line.id}`,
      QUOTE_FORMULAS.lineMarginal(r, rate("staffOnCostRate")),
      priced.marginal
    );
    figure(
      { row: r, col: QUOTE_COLUMNS.full },
      `full cost of line ${line.id}`,
      QUOTE_FORMULAS.lineFull(r, rate("overheadRate")),
      priced.full
    );
  });
  const pricedByRow = new Map(layout.lines.map((line, index) => [line.row, quote.lines[index]]));
  for (const subtotal of layout.subtotals) {
    const rows = subtotal.lines.map((line) => line.row);
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    const priced = subtotal.lines
      .map((line) => pricedByRow.get(line.row))
      .filter((line) => line !== undefined);
    const label = `subtotal of ${subtotal.category ?? "the lines above"}`;
    for (const [which, values] of [
      ["marginal", priced.map((line) => line.marginal)],
      ["full", priced.map((line) => line.full)],
    ] as const) {
      const col = QUOTE_COLUMNS[which];
      figure(
        { row: subtotal.row, col },
        `${which} cost ${label}`,
        rows.length === 0 ? undefined : QUOTE_FORMULAS.columnSum(col, first, last),
        sumDecimals([...values])
      );
    }
  }
  const overall = (column: number) =>
    QUOTE_FORMULAS.sum(layout.subtotals.map((subtotal) => cellAddress(subtotal.row, column)));
  figure(
    layout.marginalCost,
    "overall marginal cost",
    overall(QUOTE_COLUMNS.marginal),
    quote.marginalCost
  );
  figure(layout.fullCost, "overall full cost", overall(QUOTE_COLUMNS.full), quote.fullCost);
  figure(
    layout.linesCharged,
    "cost lines charged",
    QUOTE_FORMULAS.linesCharged(useRef, abs(layout.marginalCost), abs(layout.fullCost)),
    quote.linesCharged
  );
  let recoveryBase = abs(layout.linesCharged);
  if (!quote.passThroughInRecoveryBase) {
    if (layout.passThroughCharged === undefined || layout.recoveryBase === undefined) {
      add(
        "error",
        "formula-replaced",
        address(layout.linesCharged),
        "The quote leaves pass-through charges out of the recovery base, but the sheet has no recovery base row under the cost lines charged. Generate the quote again.",
        GUIDE.arithmetic
      );
    } else {
      const table = layout.linesBlock;
      figure(
        layout.passThroughCharged,
        "pass-through charges out of the recovery base",
        table === undefined ? "0" : QUOTE_FORMULAS.passThroughCharged(table.top, table.bottom),
        quote.passThroughCharged
      );
      figure(
        layout.recoveryBase,
        "recovery base",
        QUOTE_FORMULAS.recoveryBase(abs(layout.linesCharged), abs(layout.passThroughCharged)),
        quote.recoveryBase
      );
      recoveryBase = abs(layout.recoveryBase);
    }
  }
  const recoveryAmounts: Record<"fixed" | "capital", string[]> = { fixed: [], capital: [] };
  for (const row of layout.recoveries) {
    const priced = quote.recoveries.find((recovery) => recovery.id === row.id);
    if (priced === undefined) continue;
    const r = row.row;
    figure(
      { row: r, col: RECOVERY_COLUMNS.rate },
      `rate of the ${row.id.replace(/-/g, " ")}`,
      rate(priced.category === "fixed" ? "fixedCostRecoveryRate" : "capitalCostRecoveryRate"),
      priced.rate,
      formatPercent
    );
    figure(
      { row: r, col: RECOVERY_COLUMNS.base },
      `base of the ${row.id.replace(/-/g, " ")}`,
      recoveryBase,
      priced.base
    );
    figure(
      { row: r, col: RECOVERY_COLUMNS.amount },
      `amount of the ${row.id.replace(/-/g, " ")}`,
      QUOTE_FORMULAS.recoveryAmount(r),
      priced.amount
    );
    recoveryAmounts[priced.category].push(cellAddress(r, RECOVERY_COLUMNS.amount));
  }
  for (const allocation of layout.allocations)
    recoveryAmounts.capital.push(cellAddress(allocation.row, RECOVERY_COLUMNS.amount));
  for (const pool of layout.pools) {
    const cells = recoveryAmounts[pool.category];
    figure(
      { row: pool.row, col: RECOVERY_COLUMNS.amount },
      `subtotal of ${pool.category} costs`,
      QUOTE_FORMULAS.sum(cells),
      quote.subtotals[pool.category]
    );
  }
  const total = address(layout.total);
  figure(
    layout.total,
    "total before VAT",
    QUOTE_FORMULAS.sum([
      abs(layout.linesCharged),
      ...layout.pools.map((pool) => cellAddress(pool.row, RECOVERY_COLUMNS.amount)),
    ]),
    quote.total
  );
  figure(layout.vat, "VAT", QUOTE_FORMULAS.vat(total, rate("vatRate")), quote.vat);
  figure(
    layout.totalIncVat,
    "total including VAT",
    QUOTE_FORMULAS.totalIncVat(total, address(layout.vat)),
    quote.totalIncVat
  );
  if (layout.summaryTotalIncVat !== undefined)
    figure(
      layout.summaryTotalIncVat,
      "total including VAT in the summary box",
      QUOTE_FORMULAS.summaryTotalIncVat(address(layout.totalIncVat)),
      quote.totalIncVat
    );
  if (layout.reconciliationCheck !== undefined) checkReconciliation(layout, add);
}

/** The reconciliation's check under the totals: the formula the generator writes, saying the parts add up. */
function checkReconciliation(layout: QuoteSheetLayout, add: Add): void {
  const at = layout.reconciliationCheck;
  if (at === undefined) return;
  const amountOf = (row: number) => cellAddress(row, RECOVERY_COLUMNS.amount);
  const fixedPool = layout.pools.find((pool) => pool.category === "fixed");
  const parts = {
    linesCharged: cellAddress(layout.linesCharged.row, layout.linesCharged.col, true),
    fixed: fixedPool === undefined ? "0" : amountOf(fixedPool.row),
    capital: QUOTE_FORMULAS.reconciliationPart(
      layout.recoveries.filter((r) => r.id === "capital-cost-recovery").map((r) => amountOf(r.row))
    ),
    allocations: QUOTE_FORMULAS.reconciliationPart(layout.allocations.map((a) => amountOf(a.row))),
  };
  const expected = QUOTE_FORMULAS.reconciliationCheck(parts, address(layout.total));
  const cell = layout.sheet.cell(at.row, at.col);
  if (cell.formula === undefined || normaliseFormula(cell.formula) !== normaliseFormula(expected))
    add(
      "error",
      cell.formula === undefined ? "formula-replaced" : "formula-changed",
      address(at),
      `The check that the total's parts add up has ${cell.formula === undefined ? `the constant ${show(cell.value)}` : `the formula =${cell.formula}`}, not the formula the generator writes there.`,
      GUIDE.arithmetic,
      {
        expected: `=${expected}`,
        found: cell.formula === undefined ? show(cell.value) : `=${cell.formula}`,
      }
    );
  // A formula the file carries without a calculated value cannot be compared; its formula was checked.
  else if (cell.value !== null && cell.value !== RECONCILED)
    add(
      "error",
      "arithmetic",
      address(at),
      `The check that the total's parts add up says ${show(cell.value)}: the lines charged and the recoveries do not add up to the total.`,
      GUIDE.arithmetic,
      { expected: `"${RECONCILED}"`, found: show(cell.value) }
    );
}

/** The basis the sheet names beside the use must be the one the use calls for. */
function checkBasis(layout: QuoteSheetLayout, quote: Quote, add: Add): void {
  const basisCell = { row: layout.use.row, col: layout.use.col + 1 };
  const cell = layout.sheet.cell(basisCell.row, basisCell.col);
  const expected = basisText(quote.use);
  if (textOf(cell) !== expected)
    add(
      "error",
      "pricing-basis",
      address(basisCell),
      `The use is ${quote.use}, so the quote is charged at ${quote.basis}, but the sheet says "${textOf(cell)}".`,
      GUIDE.basis,
      { expected, found: textOf(cell) }
    );
  if (cell.formula === undefined)
    add(
      "error",
      "formula-replaced",
      address(basisCell),
      "The pricing basis is typed in where the generator wrote a formula that follows the use cell.",
      GUIDE.basis,
      { expected: `the basis for the use in ${address(layout.use)}`, found: show(cell.value) }
    );
}

/**
 * The value cell (column B) of the row column A labels `label`, above the quote's total; "" when the
 * sheet has no such row.
 */
function labelledRow(layout: QuoteSheetLayout, label: string): string {
  for (let row = 1; row < layout.total.row; row++)
    if (layout.sheet.cell(row, 1).value === label) return cellAddress(row, 2);
  return "";
}

/**
 * Where on the sheet a principle finding's field is shown: a rate's cell, an input's cell, the row that
 * shows its group of fields (information governance); the reference cell when it is not shown.
 */
function principleCell(layout: QuoteSheetLayout, cells: FieldCells, finding: Finding): string {
  const field = finding.field ?? "";
  for (const rate of PRICING_RATES)
    if (field === `pricing.${rate}` || field.startsWith(`pricing.${rate}.`))
      return address(layout.rates[rate]);
  const cell = cellFor(cells, field);
  if (cell !== "") return cell;
  for (const [group, label] of Object.entries(FIELD_ROW_LABELS))
    if (field === group || field.startsWith(`${group}.`)) {
      const row = labelledRow(layout, label);
      if (row !== "") return row;
    }
  return layout.reference === undefined ? "" : address(layout.reference);
}
