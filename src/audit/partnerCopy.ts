/*
 * Audits a partner copy (src/workbook/layouts/partner): the trust's priced inputs are read from the
 * record on its very hidden sheet, priced again by the core, and every figure the partner sees is
 * checked against that price: each line's quantity, unit price and amount, the other charges, and the
 * total, VAT and total including VAT (formula and value). Then the principles, on the recorded document.
 */
import { Decimal } from "../model/decimal";
import { formatPounds } from "../model/format";
import { InputError } from "../model/errors";
import { checkPrinciples, type Severity } from "../core/principles";
import { priceQuote, type Quote } from "../core/pricing/quote";
import { parsePartnership, type Partnership, type PricingStrategy } from "../document";
import { cellAddress, parseCellAddress, parseRangeAddress } from "../workbook/spec/a1";
import {
  PARTNER_COLUMNS,
  PARTNER_FORMULAS,
  PARTNER_NAMES,
  PARTNER_RECORD_NAME,
  PARTNER_RECORD_SHEET,
  otherCharges,
} from "../workbook/layouts/partner/contract";
import { GUIDE, normaliseFormula } from "./checks";
import type {
  AuditCellValue,
  AuditCheck,
  AuditFinding,
  AuditSheet,
  AuditWorkbook,
  AuditedQuote,
} from "./model";
import { readRecord, textOf, type GeneratedRecord } from "./quoteSheetReader";
import { recordedCandidate, recordedDescriptions } from "./rebuild";

/** A sheet written as a partner copy: it names its reference with the partner copy's name. */
export function isPartnerCopy(sheet: AuditSheet): boolean {
  return sheet.names.has(PARTNER_NAMES.reference);
}

/** The record sheet: not a quote to audit in its own right. */
export function isPartnerRecord(sheet: AuditSheet): boolean {
  return sheet.names.has(PARTNER_RECORD_NAME);
}

const MATCHED =
  "Every figure on the partner copy matches the trust's priced inputs recorded in the file, priced again: the lines, the other charges, the total, VAT and total including VAT.";

export function auditPartnerCopy(
  sheet: AuditSheet,
  workbook: AuditWorkbook,
  options: { strategy?: PricingStrategy } = {}
): AuditedQuote {
  const findings: AuditFinding[] = [];
  const add = (
    severity: Severity,
    check: AuditCheck,
    cell: string,
    message: string,
    guideSection: string,
    extra: { expected?: string; found?: string; ruleId?: string } = {}
  ) => findings.push({ severity, check, sheet: sheet.name, cell, message, guideSection, ...extra });
  const named = (name: string): string | undefined => {
    const ref = sheet.names.get(name);
    return ref === undefined || ref.startsWith("#") ? undefined : ref.replace(/\$/g, "");
  };
  const shownReference = textOf(cellAtName(sheet, named(PARTNER_NAMES.reference)));

  const recordSheet = workbook.sheets.find(isPartnerRecord);
  const range = recordSheet?.names.get(PARTNER_RECORD_NAME);
  const record =
    recordSheet === undefined || range === undefined
      ? undefined
      : readRecord(recordSheet, parseRangeAddress(range.replace(/\$/g, "")));
  if (record === undefined || "message" in record) {
    add(
      "error",
      "metadata",
      "",
      record === undefined
        ? `This partner copy has lost the record of the trust's priced inputs (the very hidden sheet "${PARTNER_RECORD_SHEET}"), so its figures cannot be checked against them. Ask the trust for the partner copy as generated.`
        : record.message,
      GUIDE.record
    );
    return { sheet: sheet.name, reference: shownReference, findings };
  }
  const quoteResult = priceRecord(record);
  if (!quoteResult.ok) {
    for (const message of quoteResult.messages)
      add("error", "input-invalid", "", message, GUIDE.arithmetic);
    return { sheet: sheet.name, reference: record.reference, findings };
  }
  const { quote, doc } = quoteResult;
  if (shownReference !== record.reference)
    add(
      "error",
      "input-changed",
      named(PARTNER_NAMES.reference) ?? "",
      `The quote reference was "${record.reference}" when the partner copy was generated and is now "${shownReference}".`,
      GUIDE.record,
      { expected: record.reference, found: shownReference }
    );

  const figure = (
    at: string,
    what: string,
    expected: Decimal,
    money: boolean,
    expectedFormula?: string
  ): void => {
    const { row, col } = parseCellAddress(at);
    const cell = sheet.cell(row, col);
    const show = (value: Decimal) => (money ? formatPounds(value) : value.toString());
    if (
      expectedFormula !== undefined &&
      normaliseFormula(cell.formula ?? "") !== normaliseFormula(expectedFormula)
    ) {
      add(
        "error",
        cell.formula === undefined ? "formula-replaced" : "formula-changed",
        at,
        cell.formula === undefined
          ? `The ${what} should be the formula =${expectedFormula}, and a value has been typed over it.`
          : `The ${what}'s formula has been changed: it should be =${expectedFormula}.`,
        GUIDE.arithmetic,
        {
          expected: `=${expectedFormula}`,
          found: cell.formula === undefined ? String(cell.value) : `=${cell.formula}`,
        }
      );
      return;
    }
    if (!sameNumber(cell.value, expected))
      add(
        "error",
        expectedFormula === undefined ? "input-changed" : "arithmetic",
        at,
        `The ${what} is ${describe(cell.value, money)}; the trust's priced inputs give ${show(expected)}.`,
        GUIDE.arithmetic,
        { expected: show(expected), found: describe(cell.value, money) }
      );
  };

  // The lines, in the priced quote's order: the rows of the lines block that have an amount.
  const lineRows = rowsWithAmounts(sheet, named(PARTNER_NAMES.lines));
  const chargeRows = rowsWithAmounts(sheet, named(PARTNER_NAMES.charges));
  const charges = otherCharges(quote);
  if (lineRows.length !== quote.lines.length || chargeRows.length !== charges.length)
    add(
      "error",
      lineRows.length < quote.lines.length || chargeRows.length < charges.length
        ? "line-missing"
        : "line-extra",
      named(PARTNER_NAMES.lines) ?? "",
      `The partner copy shows ${lineRows.length} lines and ${chargeRows.length} other charges; the trust's priced inputs have ${quote.lines.length} and ${charges.length}.`,
      GUIDE.record
    );
  quote.lines.forEach((line, i) => {
    const row = lineRows[i];
    if (row === undefined) return;
    const at = (col: number) => cellAddress(row, col);
    const description = textOf(sheet.cell(row, PARTNER_COLUMNS.description));
    if (description !== line.description)
      add(
        "error",
        "input-changed",
        at(PARTNER_COLUMNS.description),
        `Line ${i + 1} reads "${description}"; the trust priced "${line.description}".`,
        GUIDE.record,
        { expected: line.description, found: description }
      );
    figure(at(PARTNER_COLUMNS.quantity), `quantity of line ${i + 1}`, line.quantity, false);
    figure(at(PARTNER_COLUMNS.unitPrice), `unit price of line ${i + 1}`, line.unitPrice, true);
    figure(at(PARTNER_COLUMNS.amount), `amount of line ${i + 1}`, line.amount, true);
  });
  charges.forEach((charge, i) => {
    const row = chargeRows[i];
    if (row === undefined) return;
    figure(
      cellAddress(row, PARTNER_COLUMNS.amount),
      `charge "${charge.label}"`,
      charge.amount,
      true
    );
  });

  const total = named(PARTNER_NAMES.total);
  const vatRate = named(PARTNER_NAMES.vatRate);
  const vat = named(PARTNER_NAMES.vat);
  const totalIncVat = named(PARTNER_NAMES.totalIncVat);
  if (
    total === undefined ||
    vatRate === undefined ||
    vat === undefined ||
    totalIncVat === undefined
  ) {
    add(
      "error",
      "metadata",
      "",
      "The partner copy has lost the names of its totals (NHSDP_PartnerTotal, NHSDP_PartnerVAT, NHSDP_PartnerTotalIncVAT), so they cannot be found. Ask the trust for the partner copy as generated.",
      GUIDE.record
    );
    return { sheet: sheet.name, reference: record.reference, findings };
  }
  // The total sums the amount column from the first line (or charge) block's top to the last one's foot.
  const blocks = [named(PARTNER_NAMES.lines), named(PARTNER_NAMES.charges)]
    .filter((ref): ref is string => ref !== undefined)
    .map((ref) => parseRangeAddress(ref));
  const totalRow = parseCellAddress(total).row;
  const firstRow = blocks[0]?.top ?? totalRow;
  const lastRow = blocks.at(-1)?.bottom ?? totalRow;
  figure(total, "total before VAT", quote.total, true, PARTNER_FORMULAS.total(firstRow, lastRow));
  figure(vatRate, "VAT rate", quote.vatRate, false);
  figure(vat, "VAT", quote.vat, true, PARTNER_FORMULAS.vat(total, vatRate));
  figure(
    totalIncVat,
    "total including VAT",
    quote.totalIncVat,
    true,
    PARTNER_FORMULAS.totalIncVat(total, vat)
  );

  for (const finding of checkPrinciples(
    doc,
    quote,
    options.strategy === undefined ? {} : { strategy: options.strategy }
  ))
    add(finding.severity, "principle", "", finding.message, finding.guideSection, {
      ruleId: finding.ruleId,
    });
  if (!findings.some((finding) => finding.check !== "principle"))
    findings.unshift({
      severity: "info",
      check: "partner-copy",
      sheet: sheet.name,
      cell: "",
      message: MATCHED,
      guideSection: GUIDE.record,
    });
  return {
    sheet: sheet.name,
    reference: record.reference,
    generatorVersion: record.version,
    findings,
  };
}

function cellAtName(sheet: AuditSheet, ref: string | undefined) {
  if (ref === undefined) return { value: null };
  const { row, col } = parseCellAddress(ref.split(":")[0] as string);
  return sheet.cell(row, col);
}

/** The rows of a named block whose amount column holds something: the lines or the other charges. */
function rowsWithAmounts(sheet: AuditSheet, ref: string | undefined): number[] {
  if (ref === undefined) return [];
  const block = parseRangeAddress(ref);
  const rows: number[] = [];
  for (let row = block.top; row <= block.bottom; row++) {
    const value = sheet.cell(row, PARTNER_COLUMNS.amount).value;
    if (value !== null && value !== "") rows.push(row);
  }
  return rows;
}

/**
 * Whether a cell holds the figure: as the number written for it, since a cell holds a double (a unit
 * price of many decimal places on a large amount is not exact in one, and need not be).
 */
function sameNumber(value: AuditCellValue, expected: Decimal): boolean {
  return typeof value === "number" && value === expected.toNumber();
}

function describe(value: AuditCellValue, money: boolean): string {
  if (value === null) return "empty";
  if (typeof value === "number") return money ? formatPounds(new Decimal(value)) : String(value);
  if (typeof value === "object") return value.error;
  return `"${String(value)}"`;
}

/** The trust's document rebuilt from the record alone, and priced. */
function priceRecord(
  record: GeneratedRecord
): { ok: true; quote: Quote; doc: Partnership } | { ok: false; messages: string[] } {
  const { lines: describeLine, allocations: describeAllocation } = recordedDescriptions(record);
  const candidate = recordedCandidate(record, {
    use: record.use,
    vatRate: record.vatRate,
    rates: record.rates,
    lines: record.lines.map((line) => ({
      id: line.id,
      category: line.category,
      kind: line.kind,
      passThrough: line.passThrough,
      description: describeLine.get(line.id) ?? line.id,
      quantity: line.quantity,
      unit: line.unit,
      unitCost: line.unitCost,
      ...(line.staffGrade === undefined ? {} : { staffGrade: line.staffGrade }),
      ...(line.standardItem === undefined ? {} : { standardItem: line.standardItem }),
    })),
    directAllocations: record.allocations.map((allocation) => ({
      id: allocation.id,
      description: describeAllocation.get(allocation.id) ?? allocation.id,
      amount: allocation.amount,
    })),
  });
  const parsed = parsePartnership(candidate);
  if (!parsed.ok)
    return {
      ok: false,
      messages: parsed.issues.map(
        (issue) =>
          `The record of the trust's priced inputs is not a valid document: ${issue.path} ${issue.message}.`
      ),
    };
  try {
    return { ok: true, quote: priceQuote(parsed.document), doc: parsed.document };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, messages: [error.message] };
    throw error;
  }
}
