/*
 * The quote sheet: a Partnership document and the core's figures laid out as a SheetSpec that a partner
 * without the add-in can read and an auditor can trace. Every figure is a native Excel formula over the
 * input cells beside it; the core's figures ride along only as cached values for viewers that do not
 * recalculate. Text from the document is always written as text.
 */
import { valueProfileSummary } from "../../../core/valuation/dataValue";
import type { Decimal } from "../../../model/decimal";
import { sumDecimals } from "../../../model/decimal";
import { hasErrors, type Finding } from "../../../core/principles";
import {
  BASIS_REASONS,
  type PricingBasis,
  type Quote,
  type QuoteLine,
} from "../../../core/pricing/quote";
import { DATA_USES } from "../../../model/vocabulary";
import { VERSION } from "../../../model/version";
import { COST_CATEGORIES, type PricingRate } from "../../../model/vocabulary";
import {
  ACCESS_ROUTE_LABELS,
  COST_CATEGORY_LABELS,
  FOREGROUND_IP_OWNER_LABELS,
  IG_STATUS_LABELS,
  INTENDED_USE_LABELS,
  PARTNERSHIP_TYPE_LABELS,
  QUOTE_STAGE_LABELS,
  USE_LABELS,
  VALUE_CHARACTERISTICS,
  VALUE_CHARACTERISTIC_SHORT_LABELS,
  type Partnership,
  type Use,
} from "../../../document";
import { absoluteAddress } from "../../spec/a1";
import { QUOTE_METADATA_NAMES, writeInputsAsGenerated } from "./metadata";
import { DEFAULT_ROW_HEIGHT, pageBreaks } from "../../spec/pagination";
import {
  HEADING,
  LABEL,
  NHS_BLUE,
  NOTE,
  TABLE_HEADER,
  TITLE,
  TOP,
  WRAPPED,
  heightForLines,
  lineCount,
} from "../../spec/styles";
import { SheetSpecBuilder, type CellOptions } from "../../spec/builder";
import {
  blank,
  date,
  formula,
  num,
  text,
  type CellStyle,
  type CellValueSpec,
  type SheetSpec,
} from "../../spec/spec";

/** The sheet-scoped names every quote defines, for formulas elsewhere and for verification. */
export const QUOTE_NAMES = {
  total: "NHSDP_Total",
  vat: "NHSDP_VAT",
  totalIncVat: "NHSDP_TotalIncVAT",
} as const;

export const POUNDS_FORMAT = "[$£-809]#,##0.00";
/** Unit costs may have fractions of a penny (a per-record price): show them when there are any. */
const UNIT_COST_FORMAT = "[$£-809]#,##0.00##";
const RATE_FORMAT = "0.00%";
const QUANTITY_FORMAT = "#,##0.##";
/** About how many characters of wrapped text fit on a line of column B. */
const DESCRIPTION_CHARACTERS = 42;
/** About how many characters fit on a line of a detail merged across B:I. */
const DETAIL_CHARACTERS = 120;
/** About how many characters fit on a line of a note merged across D:I. */
const NOTE_CHARACTERS = 80;

/** Text as a string literal inside a formula: quotes doubled, as Excel writes them. */
function stringLiteral(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

const BASIS_BY_USE: Readonly<Record<Use, PricingBasis>> = {
  commercial: "full cost",
  "non-commercial": "marginal cost",
};

const CATEGORY: CellStyle = { bold: true, fontColor: NHS_BLUE };
const SUBTOTAL: CellStyle = { bold: true, border: { top: "thin" } };
const TOTAL: CellStyle = { bold: true, size: 12, border: { top: "thin", bottom: "double" } };
const GRAND_TOTAL: CellStyle = {
  bold: true,
  size: 13,
  fill: "#E8EDEE",
  border: { top: "thin", bottom: "double" },
};
/** Row heights, in points, for the 16-point title and 12- or 13-point lines. */
const TITLE_HEIGHT = 24;
const LARGE_TEXT_HEIGHT = 18;
/** A heading prints on the same page as at least this many rows after it. */
const HEADING_KEEP_ROWS = 5;
const MONEY: CellOptions = { numberFormat: POUNDS_FORMAT, style: TOP };

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

export interface QuoteSheetOptions {
  /** When the quote is generated: shown on the sheet and in the print header. */
  generatedAt: Date;
}

/** "2026-11-22T14:05" in UTC: what the sheet shows as the generation time. */
export function isoMinute(at: Date): string {
  return at.toISOString().slice(0, 16);
}

const yesNo = (value: boolean): string => (value ? "Yes" : "No");

/** The text in the Kind column, which the line formulas read. */
export const KIND_LABELS = {
  staff: "Staff time",
  "non-staff": "Non-staff",
  passThrough: "Pass-through",
} as const;

function kindLabel(line: QuoteLine): string {
  return line.passThrough ? KIND_LABELS.passThrough : KIND_LABELS[line.kind];
}

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
const LAST_COLUMN = "I";
/** Headers over numbers are right-aligned like the numbers. */
const COST_HEADER_ALIGNMENT = [
  "left",
  "left",
  "left",
  "right",
  "left",
  "right",
  "right",
  "right",
  "right",
] as const;
const LAST_COLUMN_NUMBER = 9;

const percentText = (value: number): string => `${Number((value * 100).toPrecision(12))}%`;

/** "Issued 2025-06-02", "Accepted 2025-07-01 (issued 2025-06-02)", "Draft": short enough for the header. */
function stageText(doc: Partnership): string {
  const terms = doc.quote;
  const decided = terms.acceptedOn ?? terms.declinedOn ?? terms.withdrawnOn;
  const label = QUOTE_STAGE_LABELS[terms.stage];
  if (decided !== undefined)
    return `${label} ${decided}${terms.issuedOn === undefined ? "" : ` (issued ${terms.issuedOn})`}`;
  return terms.issuedOn === undefined ? label : `${label} ${terms.issuedOn}`;
}

export function buildQuoteSheet(
  doc: Partnership,
  quote: Quote,
  findings: readonly Finding[],
  options: QuoteSheetOptions
): SheetSpec {
  const sheet = new SheetSpecBuilder(`Quote ${doc.reference}`);
  const generated = isoMinute(options.generatedAt);
  const at = new Cursor(sheet);

  const draft = hasErrors(findings);
  sheet.setAt(at.row, 1, text(`Quote for access to NHS data: ${doc.reference}`), { style: TITLE });
  sheet.rowHeight(at.row, TITLE_HEIGHT);
  at.row += 1;
  if (draft) {
    const errors = findings.filter((finding) => finding.severity === "error").length;
    sheet.setAt(
      at.row,
      1,
      text(
        `DRAFT, NOT FOR SENDING: the partnership has ${errors} error${errors === 1 ? "" : "s"} against the NHS principles; see the findings.`
      ),
      { style: { bold: true, size: 12, fontColor: "#D5281B" } }
    );
    sheet.rowHeight(at.row, LARGE_TEXT_HEIGHT);
    at.row += 1;
  }
  sheet.setAt(
    at.row,
    1,
    text(
      `Generated ${generated.replace("T", " ")} UTC by NHS Data Partnership Pricing ${VERSION}. Every figure below is a formula over the inputs beside it.`
    ),
    {
      style: { italic: true, fontColor: "#425563" },
    }
  );
  at.row += 2;
  headerBlock(at, doc);

  at.heading("Partnership");
  at.detail("Partnership type", PARTNERSHIP_TYPE_LABELS[doc.partnershipType]);
  at.detail("Purpose", doc.purpose);
  at.detail("Expected patient benefit", doc.expectedPatientBenefit ?? "Not stated");
  at.detail("Access route", ACCESS_ROUTE_LABELS[doc.accessRoute]);
  if (doc.accessJustification !== undefined)
    at.detail("Why data leaves the NHS", doc.accessJustification);
  at.detail("Foreground IP owner", FOREGROUND_IP_OWNER_LABELS[doc.foregroundIpOwner]);
  at.detail("Consent to commercialise", yesNo(doc.consentToCommercialise));
  if (doc.outputsOpen !== undefined) at.detail("Outputs open", yesNo(doc.outputsOpen));
  at.detail("Exclusivity requested", yesNo(doc.exclusivityRequested));
  const ig = doc.informationGovernance;
  at.detail(
    "Information governance",
    `DPIA: ${IG_STATUS_LABELS[ig.dpia]}; data processing agreement: ${IG_STATUS_LABELS[ig.dataProcessingAgreement]}; data sharing agreement: ${IG_STATUS_LABELS[ig.dataSharingAgreement]}; supplier due diligence: ${IG_STATUS_LABELS[ig.supplierDueDiligence]}`
  );

  dataValueSection(at, doc);

  at.heading("Pricing approach");
  sheet.setAt(at.row, 1, text("Use of the data"), { style: LABEL });
  const useCell = sheet.setAt(at.row, 3, text(doc.use), { style: { bold: true } });
  const useRef = absoluteAddress(useCell);
  sheet.defineName(QUOTE_METADATA_NAMES.use, useCell);
  // The basis and its reason follow the use cell, so a reader who changes it sees why the figures move.
  const byUse = (choice: (use: Use) => string): string =>
    `IF(${useRef}="commercial",${stringLiteral(choice("commercial"))},${stringLiteral(choice("non-commercial"))})`;
  const basisText = (use: Use) => `${USE_LABELS[use]}: charged at ${BASIS_BY_USE[use]}`;
  sheet.setAt(at.row, 4, formula(byUse(basisText), basisText(doc.use)));
  at.row += 1;
  sheet.setAt(at.row, 1, text("Why"), { style: LABEL });
  sheet.setAt(
    at.row,
    2,
    formula(
      byUse((use) => BASIS_REASONS[use]),
      quote.basisReason
    ),
    {
      style: WRAPPED,
    }
  );
  sheet.merge(`B${at.row}:${LAST_COLUMN}${at.row}`);
  at.fitLines(
    Math.max(...DATA_USES.map((use) => lineCount(BASIS_REASONS[use], DETAIL_CHARACTERS)))
  );
  at.row += 1;
  const strategy = doc.pricing.strategy;
  at.detail(
    "Pricing strategy",
    strategy === undefined
      ? "None named: the rates below are this document's own"
      : `${strategy.id}, revision ${strategy.revision}: the rates below are copied from it`
  );
  const rateNote = (rate: PricingRate, note: string): string => {
    const override = doc.pricing.overrides.find((candidate) => candidate.rate === rate);
    return override === undefined
      ? note
      : `${note}. Overrides the strategy's ${percentText(override.strategyValue)}: ${override.reason}`;
  };
  const rateRow = (
    label: string,
    value: number | string,
    note: string,
    numberFormat = RATE_FORMAT
  ): string => {
    sheet.setAt(at.row, 1, text(label), { style: LABEL });
    const address = sheet.setAt(
      at.row,
      3,
      typeof value === "number" ? num(value) : formula(value),
      { numberFormat, style: TOP }
    );
    sheet.setAt(at.row, 4, text(note), { style: NOTE });
    sheet.merge(`D${at.row}:${LAST_COLUMN}${at.row}`);
    at.fitText(note, NOTE_CHARACTERS);
    at.row += 1;
    return absoluteAddress(address);
  };
  const onCost = rateRow(
    "Staff on-cost rate",
    quote.rates.staffOnCostRate.toNumber(),
    rateNote("staffOnCostRate", "employer's pension and National Insurance, on staff time only")
  );
  const overhead = rateRow(
    "Overhead rate",
    quote.rates.overheadRate.toNumber(),
    rateNote("overheadRate", "full cost = marginal cost + overheads; not on pass-through charges")
  );
  const fixedRate = rateRow(
    "Fixed-cost recovery rate",
    quote.rates.fixedCostRecoveryRate.toNumber(),
    rateNote(
      "fixedCostRecoveryRate",
      "a percentage of the overall full cost (commercial) or marginal cost (non-commercial)"
    )
  );
  const capitalRate = rateRow(
    "Capital-cost recovery rate",
    quote.rates.capitalCostRecoveryRate.toNumber(),
    rateNote("capitalCostRecoveryRate", "the same way as fixed costs")
  );
  const vatRate = rateRow(
    "VAT rate",
    quote.vatRate.toNumber(),
    "an explicit input: VAT depends on the supply"
  );
  for (const [name, address] of [
    [QUOTE_METADATA_NAMES.staffOnCostRate, onCost],
    [QUOTE_METADATA_NAMES.overheadRate, overhead],
    [QUOTE_METADATA_NAMES.fixedCostRecoveryRate, fixedRate],
    [QUOTE_METADATA_NAMES.capitalCostRecoveryRate, capitalRate],
    [QUOTE_METADATA_NAMES.vatRate, vatRate],
  ] as const)
    sheet.defineName(name, address);

  at.heading("Costs");
  const commercial = `${useRef}="commercial"`;
  sheet.row(
    at.row,
    1,
    [
      text("Line"),
      text("Description"),
      text("Kind"),
      text("Quantity"),
      text("Unit"),
      text("Unit cost"),
      text("Cost"),
      formula(
        `IF(${commercial},"Marginal cost","Marginal cost (charged)")`,
        quote.overheadApplied ? "Marginal cost" : "Marginal cost (charged)"
      ),
      formula(
        `IF(${commercial},"Full cost (charged)","Full cost")`,
        quote.overheadApplied ? "Full cost (charged)" : "Full cost"
      ),
    ],
    COST_HEADER_ALIGNMENT.map((horizontal) => ({
      style: { ...TABLE_HEADER, wrap: true, vertical: "top", horizontal },
    }))
  );
  sheet.rowHeight(at.row, 30);
  at.row += 1;
  const marginalSubtotals: string[] = [];
  const fullSubtotals: string[] = [];
  const chargedSubtotal = (marginal: string, full: string) =>
    `IF(${commercial},${full},${marginal})`;
  const linesBlockTop = at.row;
  for (const category of COST_CATEGORIES) {
    const lines = quote.lines.filter((line) => line.category === category);
    if (lines.length === 0) continue;
    at.keep(3);
    sheet.setAt(at.row, 1, text(COST_CATEGORY_LABELS[category]), { style: CATEGORY });
    at.row += 1;
    const first = at.row;
    for (const line of lines) {
      const r = at.row;
      sheet.row(
        r,
        1,
        [
          text(line.id),
          text(line.description),
          text(kindLabel(line)),
          num(line.quantity.toNumber()),
          text(line.unit),
          num(line.unitCost.toNumber()),
        ],
        [
          { style: TOP },
          { style: WRAPPED },
          { style: TOP },
          { numberFormat: QUANTITY_FORMAT, style: TOP },
          { style: TOP },
          { numberFormat: UNIT_COST_FORMAT, style: TOP },
        ]
      );
      sheet.setAt(r, 7, formula(toPenceFormula(`D${r}*F${r}`), line.cost.toNumber()), MONEY);
      sheet.setAt(
        r,
        8,
        formula(
          toPenceFormula(`G${r}*(1+IF(C${r}="${KIND_LABELS.staff}",${onCost},0))`),
          line.marginal.toNumber()
        ),
        MONEY
      );
      sheet.setAt(
        r,
        9,
        formula(
          `IF(C${r}="${KIND_LABELS.passThrough}",H${r},${toPenceFormula(`H${r}*(1+${overhead})`)})`,
          line.full.toNumber()
        ),
        MONEY
      );
      at.fitText(line.description, DESCRIPTION_CHARACTERS);
      at.row += 1;
    }
    const last = at.row - 1;
    sheet.setAt(at.row, 2, text(`Subtotal: ${COST_CATEGORY_LABELS[category]}`), {
      style: SUBTOTAL,
    });
    const subtotal = (column: "H" | "I", value: Decimal) =>
      sheet.setAt(
        at.row,
        column === "H" ? 8 : 9,
        formula(`ROUND(SUM(${column}${first}:${column}${last}),2)`, value.toNumber()),
        {
          numberFormat: POUNDS_FORMAT,
          style: SUBTOTAL,
        }
      );
    marginalSubtotals.push(subtotal("H", sumDecimals(lines.map((line) => line.marginal))));
    fullSubtotals.push(subtotal("I", sumDecimals(lines.map((line) => line.full))));
    at.row += 2;
  }

  if (quote.lines.length > 0)
    sheet.defineName(QUOTE_METADATA_NAMES.lines, `A${linesBlockTop}:${LAST_COLUMN}${at.row - 2}`);
  const sumOf = (cells: readonly string[]) =>
    cells.length ? `ROUND(SUM(${cells.join(",")}),2)` : "0";
  sheet.setAt(at.row, 2, text("Overall marginal cost and overall full cost"), { style: SUBTOTAL });
  const marginalTotal = absoluteAddress(
    sheet.setAt(at.row, 8, formula(sumOf(marginalSubtotals), quote.marginalCost.toNumber()), {
      numberFormat: POUNDS_FORMAT,
      style: SUBTOTAL,
    })
  );
  const fullTotal = absoluteAddress(
    sheet.setAt(at.row, 9, formula(sumOf(fullSubtotals), quote.fullCost.toNumber()), {
      numberFormat: POUNDS_FORMAT,
      style: SUBTOTAL,
    })
  );
  at.row += 1;
  sheet.setAt(
    at.row,
    2,
    text("Cost lines charged: full cost for commercial use, marginal cost for non-commercial use"),
    { style: { bold: true } }
  );
  sheet.merge(`B${at.row}:G${at.row}`);
  at.fitText(
    "Cost lines charged: full cost for commercial use, marginal cost for non-commercial use",
    NOTE_CHARACTERS
  );
  sheet.defineName(QUOTE_METADATA_NAMES.marginalCost, marginalTotal);
  sheet.defineName(QUOTE_METADATA_NAMES.fullCost, fullTotal);
  const linesCharged = absoluteAddress(
    sheet.setAt(
      at.row,
      9,
      formula(chargedSubtotal(marginalTotal, fullTotal), quote.recoveryBase.toNumber()),
      {
        numberFormat: POUNDS_FORMAT,
        style: { bold: true },
      }
    )
  );
  at.row += 2;

  // Fixed and capital costs: a recovery rate of the charged cost lines, then direct allocations.
  sheet.row(
    at.row,
    1,
    [
      text("Line"),
      text("Description"),
      blank(), // blank but styled, so the header band runs unbroken across the table
      text("Rate"),
      blank(),
      text("Of"),
      blank(),
      blank(),
      text("Amount"),
    ],
    COST_HEADER_ALIGNMENT.map((horizontal) => ({ style: { ...TABLE_HEADER, horizontal } }))
  );
  at.row += 1;
  sheet.defineName(QUOTE_METADATA_NAMES.linesCharged, linesCharged);
  const recoveriesBlockTop = at.row;
  const recoveryCells: Record<"fixed" | "capital", string[]> = { fixed: [], capital: [] };
  for (const recovery of quote.recoveries) {
    const r = at.row;
    sheet.setAt(r, 1, text(recovery.id), { style: TOP });
    sheet.setAt(r, 2, text(recovery.description), { style: WRAPPED });
    sheet.setAt(
      r,
      4,
      formula(recovery.category === "fixed" ? fixedRate : capitalRate, recovery.rate.toNumber()),
      {
        numberFormat: RATE_FORMAT,
        style: TOP,
      }
    );
    sheet.setAt(r, 6, formula(linesCharged, recovery.base.toNumber()), { ...MONEY, style: TOP });
    recoveryCells[recovery.category].push(
      sheet.setAt(r, 9, formula(toPenceFormula(`F${r}*D${r}`), recovery.amount.toNumber()), MONEY)
    );
    at.fitText(recovery.description, DESCRIPTION_CHARACTERS);
    at.row += 1;
  }
  for (const allocation of quote.directAllocations) {
    sheet.setAt(at.row, 1, text(allocation.id), { style: TOP });
    sheet.setAt(at.row, 2, text(`Directly allocated capital: ${allocation.description}`), {
      style: WRAPPED,
    });
    recoveryCells.capital.push(sheet.setAt(at.row, 9, num(allocation.amount.toNumber()), MONEY));
    at.fitText(`Directly allocated capital: ${allocation.description}`, DESCRIPTION_CHARACTERS);
    at.row += 1;
  }
  const poolSubtotals: string[] = [];
  for (const category of ["fixed", "capital"] as const) {
    sheet.setAt(at.row, 2, text(`Subtotal: ${COST_CATEGORY_LABELS[category]}`), {
      style: SUBTOTAL,
    });
    poolSubtotals.push(
      sheet.setAt(
        at.row,
        9,
        formula(sumOf(recoveryCells[category]), quote.subtotals[category].toNumber()),
        {
          numberFormat: POUNDS_FORMAT,
          style: SUBTOTAL,
        }
      )
    );
    at.row += 1;
  }
  sheet.defineName(
    QUOTE_METADATA_NAMES.recoveries,
    `A${recoveriesBlockTop}:${LAST_COLUMN}${at.row - 1}`
  );
  at.row += 1;

  at.keep(4);
  sheet.setAt(at.row, 2, text("Total before VAT"), { style: TOTAL });
  const total = sheet.setAt(
    at.row,
    9,
    formula(`ROUND(SUM(${[linesCharged, ...poolSubtotals].join(",")}),2)`, quote.total.toNumber()),
    { numberFormat: POUNDS_FORMAT, style: TOTAL }
  );
  sheet.defineName(QUOTE_NAMES.total, total);
  at.row += 1;
  sheet.setAt(at.row, 2, text("VAT"));
  const vat = sheet.setAt(
    at.row,
    9,
    formula(toPenceFormula(`${total}*${vatRate}`), quote.vat.toNumber()),
    { numberFormat: POUNDS_FORMAT }
  );
  sheet.defineName(QUOTE_NAMES.vat, vat);
  at.row += 1;
  sheet.setAt(at.row, 2, text("Total including VAT"), { style: GRAND_TOTAL });
  for (let col = 3; col < LAST_COLUMN_NUMBER; col++)
    sheet.setAt(at.row, col, { kind: "blank" }, { style: GRAND_TOTAL });
  const totalIncVat = sheet.setAt(
    at.row,
    9,
    formula(`ROUND(${total}+${vat},2)`, quote.totalIncVat.toNumber()),
    { numberFormat: POUNDS_FORMAT, style: GRAND_TOTAL }
  );
  sheet.rowHeight(at.row, LARGE_TEXT_HEIGHT + 2);
  sheet.defineName(QUOTE_NAMES.totalIncVat, totalIncVat);
  at.row += 1;
  const rule =
    "Each figure is rounded half away from zero to the penny where it is printed: cost, then marginal cost (on-costs on staff time only), then full cost (overheads on all but pass-through charges); subtotals and the total are sums of the rounded figures.";
  sheet.setAt(at.row, 2, text(rule), { style: { ...NOTE, wrap: true } });
  sheet.merge(`B${at.row}:${LAST_COLUMN}${at.row}`);
  at.fitText(rule, NOTE_CHARACTERS + 30);
  at.row += 1;

  valueSharingSection(at, doc);

  sheet
    .columnWidth("A", 24)
    .columnWidth("B", 40)
    .columnWidth("C", 16)
    .columnWidth("D", 11)
    .columnWidth("E", 11)
    .columnWidth("F", 12)
    .columnWidth("G", 14)
    .columnWidth("H", 15)
    .columnWidth("I", 15)
    .showGridlines(false)
    .print({
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      header: {
        left: `${draft ? "DRAFT " : ""}Quote ${doc.reference}`,
        right: `Generated ${generated.replace("T", " ")} UTC`,
      },
      footer: { center: `NHS Data Partnership Pricing ${VERSION}` },
      // Rows written absolute: ExcelJS prefixes only a "$" to each part, and LibreOffice prints the
      // whole sheet, the record of the inputs below included, for a print area of "$A1:$I72".
      printArea: `A$1:${LAST_COLUMN}$${Math.max(at.row - 1, 1)}`,
    });
  // Below the print area: the partner's printout is the quote, the file carries what the audit needs.
  writeInputsAsGenerated(sheet, at.row + 2, doc, quote, generated);
  // Every row gets an explicit height, so that Excel and LibreOffice paginate it as pageBreaks does.
  const heights = sheet.build().rowHeights ?? {};
  for (let row = 1; row < at.row; row++)
    if (heights[String(row)] === undefined) sheet.rowHeight(row, DEFAULT_ROW_HEIGHT);
  const spec = sheet.build();
  return { ...spec, print: { ...spec.print, rowBreaks: pageBreaks(spec, at.keepWithNext) } };
}

/**
 * Who the quote is from and to, and its terms: the trust's name and address on the left, the
 * reference, stage, dates and payment terms on the right, the partner below.
 */
function headerBlock(at: Cursor, doc: Partnership): void {
  const { sheet } = at;
  const first = at.row;
  const from = [
    doc.trust.odsCode ? `${doc.trust.name} (${doc.trust.odsCode})` : doc.trust.name,
    ...(doc.trust.address ?? "").split(/\s*(?:\r?\n|,)\s*/).filter((part) => part.trim() !== ""),
  ];
  const terms: [string, CellValueSpec][] = [
    ["Quote reference", text(doc.reference)],
    ["Stage", text(stageText(doc))],
    ["Quote date", date(doc.quote.date)],
    ...(doc.quote.validUntil === undefined
      ? []
      : ([["Valid until", date(doc.quote.validUntil)]] as [string, CellValueSpec][])),
    ...(doc.quote.paymentTermsDays === undefined
      ? []
      : ([["Payment terms", text(`Within ${doc.quote.paymentTermsDays} days of invoice`)]] as [
          string,
          CellValueSpec,
        ][])),
  ];
  from.forEach((line, i) => {
    sheet.setAt(first + i, 1, text(line), { style: i === 0 ? { bold: true, size: 12 } : TOP });
    if (i === 0) sheet.rowHeight(first, LARGE_TEXT_HEIGHT);
    sheet.merge(`A${first + i}:E${first + i}`);
  });
  terms.forEach(([label, value], i) => {
    sheet.setAt(first + i, 6, text(label), { style: { ...LABEL, horizontal: "right" } });
    sheet.merge(`F${first + i}:G${first + i}`);
    const cell = sheet.setAt(first + i, 8, value, {
      style: { bold: label === "Quote reference", horizontal: "left", vertical: "top" },
    });
    if (label === "Quote reference") sheet.defineName(QUOTE_METADATA_NAMES.reference, cell);
    sheet.merge(`H${first + i}:I${first + i}`);
  });
  at.row = first + Math.max(from.length, terms.length) + 1;
  sheet.setAt(at.row, 1, text("To"), { style: LABEL });
  sheet.setAt(at.row, 2, text(doc.partner.name), { style: { bold: true, size: 12 } });
  sheet.rowHeight(at.row, LARGE_TEXT_HEIGHT);
  sheet.merge(`B${at.row}:${LAST_COLUMN}${at.row}`);
  at.row += 1;
}

function dataValueSection(at: Cursor, doc: Partnership): void {
  const { sheet } = at;
  at.heading("Data value profile");
  sheet.row(
    at.row,
    1,
    [
      text("Data asset"),
      text("Intended use"),
      ...VALUE_CHARACTERISTICS.map((characteristic) =>
        text(VALUE_CHARACTERISTIC_SHORT_LABELS[characteristic])
      ),
      text("Value"),
    ],
    { style: { ...TABLE_HEADER, wrap: true, vertical: "top" } }
  );
  sheet.rowHeight(at.row, 45);
  at.row += 1;
  for (const asset of doc.dataAssets) {
    sheet.setAt(at.row, 1, text(asset.name), { style: WRAPPED });
    sheet.setAt(at.row, 2, text(INTENDED_USE_LABELS[asset.intendedUse]), { style: WRAPPED });
    VALUE_CHARACTERISTICS.forEach((characteristic, i) =>
      sheet.setAt(at.row, 3 + i, text(asset[characteristic] === "high" ? "High" : "Low"), {
        style: asset[characteristic] === "high" ? { bold: true, vertical: "top" } : TOP,
      })
    );
    const summary = valueProfileSummary(asset);
    sheet.setAt(at.row, LAST_COLUMN_NUMBER, text(summary), { style: WRAPPED });
    at.fitLines(
      Math.max(
        lineCount(asset.name, 20),
        lineCount(INTENDED_USE_LABELS[asset.intendedUse], 38),
        lineCount(summary, 13)
      )
    );
    at.row += 1;
  }
}

/** Where the next row of the quote goes, with the two row shapes every section uses. */
class Cursor {
  row = 1;

  constructor(readonly sheet: SheetSpecBuilder) {}

  /** A full-width band across the sheet. */
  /** Rows that must print on the same page as the few rows after them: [row, how many rows]. */
  readonly keepWithNext: [number, number][] = [];

  /** Keeps the current row on the same page as the `rows` - 1 rows after it. */
  keep(rows: number): void {
    this.keepWithNext.push([this.row, rows]);
  }

  heading(title: string, keep = HEADING_KEEP_ROWS): void {
    this.row += 1;
    this.keepWithNext.push([this.row, keep]);
    this.sheet.setAt(this.row, 1, text(title), { style: HEADING });
    for (let col = 2; col <= LAST_COLUMN_NUMBER; col++)
      this.sheet.setAt(this.row, col, { kind: "blank" }, { style: HEADING });
    this.row += 1;
  }

  /** A label in A and its text across the rest of the row, wrapped. */
  detail(label: string, value: string): void {
    this.sheet.setAt(this.row, 1, text(label), { style: LABEL });
    this.sheet.setAt(this.row, 2, text(value), { style: WRAPPED });
    this.sheet.merge(`B${this.row}:${LAST_COLUMN}${this.row}`);
    this.fitText(value, DETAIL_CHARACTERS);
    this.row += 1;
  }

  /** A label in A and a date in B. */
  dateDetail(label: string, iso: string): void {
    this.sheet.setAt(this.row, 1, text(label), { style: LABEL });
    this.sheet.setAt(this.row, 2, date(iso), { style: { horizontal: "left" } });
    this.row += 1;
  }

  /** Makes the current row tall enough for `value` wrapped at about `charactersPerLine`. */
  fitText(value: string, charactersPerLine: number): void {
    this.fitLines(lineCount(value, charactersPerLine));
  }

  /** Makes the current row tall enough for `lines` lines of text. */
  fitLines(lines: number): void {
    // Excel's tallest row is 409 points; longer text stays whole in the cell, scrolled in the formula bar.
    if (lines > 1) this.sheet.rowHeight(this.row, heightForLines(lines));
  }
}

const AMOUNT_COLUMN = LAST_COLUMN_NUMBER;

function valueSharingSection(at: Cursor, doc: Partnership): void {
  const { sheet } = at;
  const terms = doc.valueSharing;
  const hasTerms =
    terms.fixedPayment || terms.subscription || terms.milestones?.length || terms.royalty;
  at.heading("Value-sharing terms");
  if (!hasTerms) {
    sheet.setAt(at.row, 1, text("None: the access fee above is the whole charge."));
    at.row += 1;
    return;
  }
  // Numeric columns have their header over the right edge, where their figures end.
  const table = (headers: string[], numericColumns: readonly number[]): void => {
    headers.forEach((header, i) => {
      const column = i + 1;
      sheet.setAt(at.row, column, text(header), {
        style: numericColumns.includes(column)
          ? { ...TABLE_HEADER, horizontal: "right" }
          : TABLE_HEADER,
      });
    });
    at.row += 1;
  };
  // Every figure of a table row sits on the row's first line, level with a wrapped description.
  const index = (row: number, n: number) =>
    sheet.setAt(row, 1, num(n), { style: { horizontal: "left", vertical: "top" } });
  const figure = (row: number, column: number, value: number, numberFormat?: string) =>
    sheet.setAt(row, column, num(value), {
      style: TOP,
      ...(numberFormat ? { numberFormat } : {}),
    });
  if (terms.fixedPayment) {
    at.keep(3);
    sheet.setAt(at.row, 1, text("Fixed payment"), { style: LABEL });
    sheet.setAt(at.row, AMOUNT_COLUMN, num(terms.fixedPayment.amount), {
      numberFormat: POUNDS_FORMAT,
    });
    at.row += 1;
    if (terms.fixedPayment.instalments.length > 0) {
      table(["Instalment", "Due", "", "", "", "", "", "", "Amount"], [AMOUNT_COLUMN]);
      terms.fixedPayment.instalments.forEach((instalment, i) => {
        index(at.row, i + 1);
        sheet.setAt(at.row, 2, date(instalment.due), { style: { horizontal: "left" } });
        figure(at.row, AMOUNT_COLUMN, instalment.amount, POUNDS_FORMAT);
        at.row += 1;
      });
    }
    at.row += 1;
  }
  if (terms.subscription) {
    const s = terms.subscription;
    at.keep(3);
    sheet.setAt(at.row, 1, text("Subscription"), { style: LABEL });
    sheet.setAt(
      at.row,
      2,
      text(
        `${s.years} annual payments, paid ${s.inAdvance ? "at the start" : "at the end"} of each year`
      )
    );
    at.row += 1;
    sheet.setAt(at.row, 2, text("First year's fee"));
    const fee = sheet.setAt(at.row, AMOUNT_COLUMN, num(s.annualFee), {
      numberFormat: POUNDS_FORMAT,
    });
    at.row += 1;
    sheet.setAt(at.row, 2, text("Yearly indexation"));
    const indexation = sheet.setAt(at.row, AMOUNT_COLUMN, num(s.indexation), {
      numberFormat: RATE_FORMAT,
    });
    at.row += 1;
    table(["Payment", "Year", "", "", "", "", "", "", "Amount"], [AMOUNT_COLUMN]);
    for (let k = 0; k < s.years; k++) {
      index(at.row, k + 1);
      sheet.setAt(at.row, 2, num(s.inAdvance ? k : k + 1), { style: { horizontal: "left" } });
      sheet.setAt(
        at.row,
        AMOUNT_COLUMN,
        formula(toPenceFormula(`${absoluteAddress(fee)}*(1+${absoluteAddress(indexation)})^${k}`)),
        { numberFormat: POUNDS_FORMAT }
      );
      at.row += 1;
    }
    at.row += 1;
  }
  if (terms.milestones?.length) {
    at.keep(3);
    sheet.setAt(at.row, 1, text("Milestone payments"), { style: LABEL });
    at.row += 1;
    table(
      ["Milestone", "Description", "Year", "Probability", "", "", "", "", "Amount"],
      [3, 4, AMOUNT_COLUMN]
    );
    terms.milestones.forEach((milestone, i) => {
      index(at.row, i + 1);
      sheet.setAt(at.row, 2, text(milestone.description), { style: WRAPPED });
      at.fitText(milestone.description, DESCRIPTION_CHARACTERS);
      figure(at.row, 3, milestone.year);
      figure(at.row, 4, milestone.probability, RATE_FORMAT);
      figure(at.row, AMOUNT_COLUMN, milestone.amount, POUNDS_FORMAT);
      at.row += 1;
    });
    at.row += 1;
  }
  if (terms.royalty) {
    const r = terms.royalty;
    at.keep(3);
    sheet.setAt(at.row, 1, text("Revenue royalty"), { style: LABEL });
    sheet.setAt(
      at.row,
      2,
      text(
        `On the partner's annual revenue from products built with the data, for ${r.termYears} years; tiers are incremental, like tax bands.`
      ),
      {
        style: WRAPPED,
      }
    );
    sheet.merge(`B${at.row}:${LAST_COLUMN}${at.row}`);
    at.row += 1;
    table(["Tier", "Revenue from", "", "Rate", "", "", "", "", ""], [2, 4]);
    r.tiers.forEach((tier, i) => {
      index(at.row, i + 1);
      figure(at.row, 2, tier.threshold, POUNDS_FORMAT);
      figure(at.row, 4, tier.rate, RATE_FORMAT);
      at.row += 1;
    });
    if (r.annualCap !== undefined) {
      sheet.setAt(at.row, 2, text("Annual cap"));
      sheet.setAt(at.row, AMOUNT_COLUMN, num(r.annualCap), { numberFormat: POUNDS_FORMAT });
      at.row += 1;
    }
    if (r.annualMinimum !== undefined) {
      sheet.setAt(at.row, 2, text("Annual minimum"));
      sheet.setAt(at.row, AMOUNT_COLUMN, num(r.annualMinimum), { numberFormat: POUNDS_FORMAT });
      at.row += 1;
    }
    at.row += 1;
  }
}
