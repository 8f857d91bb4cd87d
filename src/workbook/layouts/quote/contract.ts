/*
 * The quote sheet's contract with the audit. The audit (src/audit: quoteSheetReader.ts finds a quote
 * sheet and reads it into its parts, checks.ts verifies every figure and formula, rebuild.ts reads the
 * inputs back into a document, reportSheet.ts dates its report) relies on exactly what is in this file:
 *
 *  - the sheet-scoped defined names (QUOTE_NAMES, QUOTE_METADATA_NAMES), through which it finds every
 *    input, block and total instead of by row;
 *  - the record of the inputs as generated below the print area: its keys in column A (RECORD_KEYS),
 *    the layout version it records (QUOTE_LAYOUT_VERSION) and its columns (sections/record.ts);
 *  - the cost table's columns (QUOTE_COLUMNS), the Kind column's text (KIND_LABELS), the subtotal rows'
 *    label (SUBTOTAL_PREFIX) and the basis text beside the use (basisText);
 *  - the formulas the generator writes (QUOTE_FORMULAS, toPenceFormula), which checks.ts expects at
 *    each place character for character (it spells them out itself, from toPenceFormula and
 *    KIND_LABELS, so a change to one of them must be made there too);
 *  - the generation time as recorded (isoMinute).
 *
 * Changing any of it changes what a sheet generated before means: change the audit with it and raise
 * QUOTE_LAYOUT_VERSION, so that a sheet in the old layout is reported rather than misread.
 */
import { USE_LABELS, type Use } from "../../../document";
import { columnLetter } from "../../spec/a1";
import { formulaStringLiteral } from "../../spec/safeText";

/** The layout the audit reads; a sheet recording another one is reported, not guessed at. */
export const QUOTE_LAYOUT_VERSION = 1;

export const QUOTE_PRODUCT = "NHS Data Partnership Pricing";

/** The sheet-scoped names of the quote's three totals, for formulas elsewhere and for verification. */
export const QUOTE_NAMES = {
  total: "NHSDP_Total",
  vat: "NHSDP_VAT",
  totalIncVat: "NHSDP_TotalIncVAT",
} as const;

/** Sheet-scoped names beside QUOTE_NAMES's totals: the inputs, the blocks, the record. */
export const QUOTE_METADATA_NAMES = {
  reference: "NHSDP_Reference",
  /** The use; the basis text (basisText) is in the cell to its right. */
  use: "NHSDP_Use",
  staffOnCostRate: "NHSDP_StaffOnCostRate",
  overheadRate: "NHSDP_OverheadRate",
  fixedCostRecoveryRate: "NHSDP_FixedCostRecoveryRate",
  capitalCostRecoveryRate: "NHSDP_CapitalCostRecoveryRate",
  vatRate: "NHSDP_VATRate",
  /** The cost table's body: category headings, lines and category subtotals. */
  lines: "NHSDP_Lines",
  marginalCost: "NHSDP_MarginalCost",
  fullCost: "NHSDP_FullCost",
  linesCharged: "NHSDP_LinesCharged",
  /**
   * The pass-through charges and the recovery base (the lines charged less them), on a quote whose
   * strategy leaves pass-through charges out of the base; absent where the base is the lines charged.
   */
  passThroughCharged: "NHSDP_PassThroughCharged",
  recoveryBase: "NHSDP_RecoveryBase",
  /** The fixed- and capital-cost recoveries, the direct allocations and their two subtotals. */
  recoveries: "NHSDP_Recoveries",
  /** The record of the inputs as generated. */
  asGenerated: "NHSDP_AsGenerated",
  /**
   * The summary box's total including VAT (=the total including VAT) and the reconciliation's check
   * under the totals. Sheets generated before them lack them; where they are, the audit checks them.
   */
  summaryTotalIncVat: "NHSDP_SummaryTotalIncVAT",
  reconciliationCheck: "NHSDP_ReconciliationCheck",
} as const;

/** The key in column A of each row of the record; the values follow from column B. */
export const RECORD_KEYS = {
  generator: "generator",
  quote: "quote",
  rates: "rates",
  line: "line",
  allocation: "allocation",
  document: "document",
} as const;

/** The cost table's columns. */
export const QUOTE_COLUMNS = {
  id: 1,
  description: 2,
  kind: 3,
  quantity: 4,
  unit: 5,
  unitCost: 6,
  cost: 7,
  marginal: 8,
  full: 9,
} as const;

/** The columns of the fixed- and capital-cost recoveries and direct allocations, on the same grid. */
export const RECOVERY_COLUMNS = {
  id: 1,
  description: 2,
  rate: 4,
  base: 6,
  amount: 9,
} as const;

/** The text in the Kind column, which the line formulas read. */
export const KIND_LABELS = {
  staff: "Staff time",
  "non-staff": "Non-staff",
  passThrough: "Pass-through",
} as const;

/**
 * Column A's label of the quote sheet's rows that show a group of document fields, by the fields'
 * common path, so the audit can point a finding about them at their row.
 */
export const FIELD_ROW_LABELS = {
  informationGovernance: "Information governance",
} as const;

/** Column B of a category's subtotal row (and of the fixed and capital subtotals): this, then the label. */
export const SUBTOTAL_PREFIX = "Subtotal: ";

/** What the cost lines are charged at for each use. */
export const BASIS_BY_USE: Readonly<Record<Use, "full cost" | "marginal cost">> = {
  commercial: "full cost",
  "non-commercial": "marginal cost",
};

/** The text in the cell right of the use: "Commercial use: charged at full cost". */
export function basisText(use: Use): string {
  return `${USE_LABELS[use]}: charged at ${BASIS_BY_USE[use]}`;
}

/** The generation time as the sheet shows and records it: "2026-11-22T14:05" in UTC. */
export { isoMinute } from "../../../model/format";

/**
 * Rounds an expression half away from zero to the penny, as the core does, in a form every engine
 * reproduces. A product such as 1,050.4375 x 1.2 is exactly 1,260.525, but in binary floating point it
 * is 1,260.52499999999986; Excel and LibreOffice correct that to 15 significant digits before
 * ROUND(x, 2), a literal-minded engine rounds it down, and near the £50M limit a pre-rounding to six
 * places in pence no longer fits in 15 digits (it lost a penny on half pennies above 2^32 pence).
 * Rounding the amount in pence to four decimal places first removes the binary noise in every engine:
 * the documents' decimal-place limits make every rounded amount exact with at most four decimal places
 * in pence, and at most £50M it has at most 14 significant digits, so the pre-rounding lands on that
 * exact value and ROUND(.., 0) then meets an exact half where there is one. The rule the core follows
 * is therefore plain half-away-from-zero rounding (src/core/pricing/quote.ts).
 */
export function toPenceFormula(expression: string): string {
  return `ROUND(ROUND((${expression})*100,4),0)/100`;
}

/** "D12": the cell of column number `column` on `row`. */
function cell(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

/**
 * Every formula of the cost table, the recoveries and the totals. Addresses are passed in as the sheet
 * writes them: rates, totals and the use as absolute addresses ("$C$20"), rows as row numbers.
 */
export const QUOTE_FORMULAS = {
  /** A line's cost: quantity times unit cost. */
  lineCost(row: number): string {
    const { quantity, unitCost } = QUOTE_COLUMNS;
    return toPenceFormula(`${cell(quantity, row)}*${cell(unitCost, row)}`);
  },
  /** A line's marginal cost: its cost, with the staff on-cost on staff time only. */
  lineMarginal(row: number, staffOnCostRate: string): string {
    const { cost, kind } = QUOTE_COLUMNS;
    const staff = formulaStringLiteral(KIND_LABELS.staff);
    return toPenceFormula(
      `${cell(cost, row)}*(1+IF(${cell(kind, row)}=${staff},${staffOnCostRate},0))`
    );
  },
  /** A line's full cost: its marginal cost with overheads, except on a pass-through charge. */
  lineFull(row: number, overheadRate: string): string {
    const { kind, marginal } = QUOTE_COLUMNS;
    const passThrough = formulaStringLiteral(KIND_LABELS.passThrough);
    const withOverheads = toPenceFormula(`${cell(marginal, row)}*(1+${overheadRate})`);
    return `IF(${cell(kind, row)}=${passThrough},${cell(marginal, row)},${withOverheads})`;
  },
  /** A column of rounded figures summed: "ROUND(SUM(H7:H9),2)". */
  columnSum(column: number, firstRow: number, lastRow: number): string {
    return QUOTE_FORMULAS.sum([`${cell(column, firstRow)}:${cell(column, lastRow)}`]);
  },
  /** A subtotal or total of already rounded figures (cells or ranges); "0" when there are none. */
  sum(cells: readonly string[]): string {
    return cells.length ? `ROUND(SUM(${cells.join(",")}),2)` : "0";
  },
  /** The cost lines charged: full cost for commercial use, marginal cost otherwise. */
  linesCharged(use: string, marginalCost: string, fullCost: string): string {
    return `IF(${use}=${formulaStringLiteral("commercial")},${fullCost},${marginalCost})`;
  },
  /** The pass-through lines' charges: their marginal cost, which is what they are charged at either way. */
  passThroughCharged(firstRow: number, lastRow: number): string {
    const { kind, marginal } = QUOTE_COLUMNS;
    const kinds = `${cell(kind, firstRow)}:${cell(kind, lastRow)}`;
    const amounts = `${cell(marginal, firstRow)}:${cell(marginal, lastRow)}`;
    return `ROUND(SUMIF(${kinds},${formulaStringLiteral(KIND_LABELS.passThrough)},${amounts}),2)`;
  },
  /** What the recovery rates multiply when pass-through charges are out of it. */
  recoveryBase(linesCharged: string, passThroughCharged: string): string {
    return `ROUND(${linesCharged}-${passThroughCharged},2)`;
  },
  /** A fixed- or capital-cost recovery's amount: its base times its rate. */
  recoveryAmount(row: number): string {
    const { base, rate } = RECOVERY_COLUMNS;
    return toPenceFormula(`${cell(base, row)}*${cell(rate, row)}`);
  },
  vat(total: string, vatRate: string): string {
    return toPenceFormula(`${total}*${vatRate}`);
  },
  totalIncVat(total: string, vat: string): string {
    return `ROUND(${total}+${vat},2)`;
  },
  /** The summary box's total including VAT: the total's own cell. */
  summaryTotalIncVat(totalIncVat: string): string {
    return totalIncVat;
  },
  /**
   * The reconciliation under the totals, as a sentence: "Lines charged £a + fixed-cost recovery £b +
   * capital-cost recovery £c + direct allocations £d = total £t".
   */
  reconciliation(parts: ReconciliationParts, total: string): string {
    const { linesCharged, fixed, capital, allocations } = parts;
    return [
      `"Lines charged "&${poundsText(linesCharged)}`,
      `" + fixed-cost recovery "&${poundsText(fixed)}`,
      `" + capital-cost recovery "&${poundsText(capital)}`,
      `" + direct allocations "&${poundsText(allocations)}`,
      `" = total "&${poundsText(total)}`,
    ].join("&");
  },
  /** One part of the reconciliation from its rounded amounts: the cell itself for one, "0" for none. */
  reconciliationPart(cells: readonly string[]): string {
    return cells.length === 1 ? (cells[0] as string) : QUOTE_FORMULAS.sum(cells);
  },
  /** Whether the reconciliation's parts add up to the total, to the penny. */
  reconciliationCheck(parts: ReconciliationParts, total: string): string {
    const { linesCharged, fixed, capital, allocations } = parts;
    return `IF(ROUND(${linesCharged}+${fixed}+${capital}+${allocations},2)=${total},${formulaStringLiteral(RECONCILED)},${formulaStringLiteral(NOT_RECONCILED)})`;
  },
} as const;

/** The reconciliation check's two answers. */
export const RECONCILED = "Check: the four parts add up to the total.";
export const NOT_RECONCILED = "CHECK FAILED: the four parts do not add up to the total.";

/**
 * The parts of the total the reconciliation names, each a cell or an expression: the cost lines
 * charged, the fixed-cost recovery, the capital-cost recovery and the direct allocations ("0" with none).
 */
export interface ReconciliationParts {
  readonly linesCharged: string;
  readonly fixed: string;
  readonly capital: string;
  readonly allocations: string;
}

/** "£"&TEXT(x,"#,##0.00"): pounds and pence inside a sentence, shown alike by Excel and LibreOffice. */
export function poundsText(expression: string): string {
  return `"£"&TEXT(${expression},"#,##0.00")`;
}
