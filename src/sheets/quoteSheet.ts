/*
 * The quote sheet: a Partnership document and the core's figures laid out as a SheetSpec that a partner
 * without the add-in can read and an auditor can trace. Every figure is a native Excel formula over the
 * input cells beside it; the core's figures ride along only as cached values for viewers that do not
 * recalculate. Text from the document is always written as text.
 */
import type { Finding } from "../core/principles";
import { QUOTE_CATEGORIES, type Quote, type QuoteCategory } from "../core/quote";
import { VERSION } from "../core/version";
import {
  ACCESS_ROUTE_LABELS,
  COST_CATEGORY_LABELS,
  FOREGROUND_IP_OWNER_LABELS,
  IG_STATUS_LABELS,
  INTENDED_USE_LABELS,
  PARTNERSHIP_TYPE_LABELS,
  USE_LABELS,
  type Partnership,
} from "../document";
import { absoluteAddress } from "./a1";
import { SheetSpecBuilder, date, formula, num, text, type CellStyle, type SheetSpec } from "./spec";

/** The sheet-scoped names every quote defines, for formulas elsewhere and for verification. */
export const QUOTE_NAMES = {
  total: "NHSDP_Total",
  vat: "NHSDP_VAT",
  totalIncVat: "NHSDP_TotalIncVAT",
} as const;

export const POUNDS_FORMAT = "[$£-809]#,##0.00";
const RATE_FORMAT = "0.00%";
const MULTIPLIER_FORMAT = "0.0000";
const QUANTITY_FORMAT = "#,##0.####";
const NHS_BLUE = "#005EB8";
const MAX_ROW_HEIGHT = 409;
/** About how many characters of wrapped text fit on a line of column B. */
const DESCRIPTION_CHARACTERS = 48;

const TITLE: CellStyle = { bold: true, size: 16, fontColor: NHS_BLUE };
const HEADING: CellStyle = { bold: true, size: 12, fontColor: "#FFFFFF", fill: NHS_BLUE };
const LABEL: CellStyle = { bold: true, vertical: "top" };
const WRAPPED: CellStyle = { wrap: true, vertical: "top" };
const TABLE_HEADER: CellStyle = { bold: true, fill: "#E8EDEE", border: { bottom: "thin" } };
const SUBTOTAL: CellStyle = { bold: true, border: { top: "thin" } };
const TOTAL: CellStyle = { bold: true, size: 12, border: { top: "thin", bottom: "double" } };

/**
 * Rounds an expression half away from zero to the penny, as Excel's ROUND(x, 2) does, in a form every
 * engine agrees on. A product such as 7 x 120.05 x 1.25 x 1.2 is exactly 1260.525, but in binary
 * floating point it is 1260.5249999999999; Excel and LibreOffice round that to 1260.53, while a
 * literal-minded engine rounds it down. Rounding the amount in pence to six places first removes the
 * binary noise, and then ROUND(.., 0) meets an exact half. The core rounds by the same rule
 * (toQuotedPence), which is plain half-away-from-zero rounding for any amount with at most eight
 * decimal places in pounds; quotes are capped at MAX_QUOTE_AMOUNT so the pre-rounding stays exact.
 */
export function toPenceFormula(expression: string): string {
  return `ROUND(ROUND((${expression})*100,6),0)/100`;
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

export function buildQuoteSheet(
  doc: Partnership,
  quote: Quote,
  findings: readonly Finding[],
  options: QuoteSheetOptions
): SheetSpec {
  const sheet = new SheetSpecBuilder(`Quote ${doc.reference}`);
  const generated = isoMinute(options.generatedAt);
  const at = new Cursor(sheet);

  sheet.setAt(at.row, 1, text(`Quote for access to NHS data: ${doc.reference}`), { style: TITLE });
  at.row += 1;
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
  at.row += 1;

  at.heading("Partnership");
  at.detail("Reference", doc.reference);
  at.detail(
    "NHS organisation",
    doc.trust.odsCode ? `${doc.trust.name} (${doc.trust.odsCode})` : doc.trust.name
  );
  at.detail("Partner", doc.partner.name);
  at.detail("Partnership type", PARTNERSHIP_TYPE_LABELS[doc.partnershipType]);
  at.detail("Purpose", doc.purpose);
  at.detail("Expected patient benefit", doc.expectedPatientBenefit ?? "Not stated");
  at.detail("Access route", ACCESS_ROUTE_LABELS[doc.accessRoute]);
  if (doc.accessJustification !== undefined)
    at.detail("Why data leaves the NHS", doc.accessJustification);
  at.detail(
    "Data",
    doc.dataAssets
      .map((asset) => `${asset.name} (${INTENDED_USE_LABELS[asset.intendedUse]})`)
      .join("; ")
  );
  at.detail("Foreground IP owner", FOREGROUND_IP_OWNER_LABELS[doc.foregroundIpOwner]);
  at.detail("Consent to commercialise", yesNo(doc.consentToCommercialise));
  at.detail("Exclusivity requested", yesNo(doc.exclusivityRequested));
  const ig = doc.informationGovernance;
  at.detail(
    "Information governance",
    `DPIA: ${IG_STATUS_LABELS[ig.dpia]}; data processing agreement: ${IG_STATUS_LABELS[ig.dataProcessingAgreement]}; data sharing agreement: ${IG_STATUS_LABELS[ig.dataSharingAgreement]}`
  );
  sheet.setAt(at.row, 1, text("Quote date"), { style: LABEL });
  sheet.setAt(at.row, 2, date(doc.quoteDate), { style: { horizontal: "left" } });
  at.row += 1;

  at.heading("Pricing approach");
  sheet.setAt(at.row, 1, text("Use of the data"), { style: LABEL });
  const useCell = sheet.setAt(at.row, 3, text(doc.use), { style: { bold: true } });
  sheet.setAt(at.row, 4, text(`${USE_LABELS[doc.use]}: charged at ${quote.basis}`));
  at.row += 1;
  at.detail("Why", quote.basisReason);
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
      { numberFormat }
    );
    sheet.setAt(at.row, 4, text(note), { style: { italic: true, fontColor: "#425563" } });
    at.row += 1;
    return absoluteAddress(address);
  };
  const onCost = rateRow(
    "On-cost rate",
    quote.onCostRate.toNumber(),
    "employer's on-costs, applied to every cost line"
  );
  const overhead = rateRow(
    "Overhead rate",
    quote.overheadRate.toNumber(),
    "overheads: full cost = marginal cost + overheads"
  );
  const useRef = absoluteAddress(useCell);
  const overheadApplied = rateRow(
    "Overhead applied",
    `IF(${useRef}="commercial",${overhead},0)`,
    "commercial use only"
  );
  const uplift = rateRow(
    "Line uplift",
    `(1+${onCost})*(1+${overheadApplied})`,
    "what each line's quantity x unit cost is multiplied by",
    MULTIPLIER_FORMAT
  );
  const vatRate = rateRow(
    "VAT rate",
    quote.vatRate.toNumber(),
    "an explicit input: VAT depends on the supply"
  );

  at.heading("Costs");
  sheet.row(
    at.row,
    1,
    [
      text("Line"),
      text("Description"),
      text("Quantity"),
      text("Unit"),
      text("Unit cost"),
      text("Amount"),
    ],
    { style: TABLE_HEADER }
  );
  at.row += 1;
  const subtotalCells: Partial<Record<QuoteCategory, string>> = {};
  const amountsOf = new Map<QuoteCategory, { first: number; last: number }>();
  for (const category of QUOTE_CATEGORIES) {
    const lines = quote.lines.filter((line) => line.category === category);
    const pool = quote.poolLines.find((line) => line.category === category);
    if (lines.length === 0 && pool === undefined) continue;
    sheet.setAt(at.row, 1, text(COST_CATEGORY_LABELS[category]), {
      style: { bold: true, fontColor: NHS_BLUE },
    });
    at.row += 1;
    const first = at.row;
    for (const line of lines) {
      sheet.row(
        at.row,
        1,
        [
          text(line.id),
          text(line.description),
          num(line.quantity.toNumber()),
          text(line.unit),
          num(line.unitCost.toNumber()),
        ],
        [
          {},
          { style: WRAPPED },
          { numberFormat: QUANTITY_FORMAT },
          {},
          { numberFormat: POUNDS_FORMAT },
        ]
      );
      sheet.setAt(
        at.row,
        6,
        formula(toPenceFormula(`C${at.row}*E${at.row}*${uplift}`), line.amount.toNumber()),
        { numberFormat: POUNDS_FORMAT }
      );
      at.fitText(line.description, DESCRIPTION_CHARACTERS);
      at.row += 1;
    }
    if (pool !== undefined) {
      sheet.row(
        at.row,
        1,
        [
          text(pool.id),
          text(pool.description),
          num(pool.share.toNumber()),
          text("share of pool"),
          num(pool.pool.toNumber()),
        ],
        [{}, { style: WRAPPED }, { numberFormat: RATE_FORMAT }, {}, { numberFormat: POUNDS_FORMAT }]
      );
      sheet.setAt(
        at.row,
        6,
        formula(toPenceFormula(`C${at.row}*E${at.row}`), pool.amount.toNumber()),
        { numberFormat: POUNDS_FORMAT }
      );
      at.fitText(pool.description, DESCRIPTION_CHARACTERS);
      at.row += 1;
    }
    amountsOf.set(category, { first, last: at.row - 1 });
    sheet.setAt(at.row, 2, text(`Subtotal: ${COST_CATEGORY_LABELS[category]}`), {
      style: SUBTOTAL,
    });
    subtotalCells[category] = sheet.setAt(
      at.row,
      6,
      formula(`ROUND(SUM(F${first}:F${at.row - 1}),2)`, quote.subtotals[category].toNumber()),
      {
        numberFormat: POUNDS_FORMAT,
        style: SUBTOTAL,
      }
    );
    at.row += 2;
  }

  const subtotals = Object.values(subtotalCells);
  sheet.setAt(at.row, 2, text("Total before VAT"), { style: TOTAL });
  const total = sheet.setAt(
    at.row,
    6,
    formula(
      subtotals.length ? `ROUND(SUM(${subtotals.join(",")}),2)` : "0",
      quote.total.toNumber()
    ),
    {
      numberFormat: POUNDS_FORMAT,
      style: TOTAL,
    }
  );
  sheet.defineName(QUOTE_NAMES.total, total);
  at.row += 1;
  sheet.setAt(at.row, 2, text("VAT"));
  const vat = sheet.setAt(
    at.row,
    6,
    formula(toPenceFormula(`${total}*${vatRate}`), quote.vat.toNumber()),
    { numberFormat: POUNDS_FORMAT }
  );
  sheet.defineName(QUOTE_NAMES.vat, vat);
  at.row += 1;
  sheet.setAt(at.row, 2, text("Total including VAT"), { style: TOTAL });
  const totalIncVat = sheet.setAt(
    at.row,
    6,
    formula(`ROUND(${total}+${vat},2)`, quote.totalIncVat.toNumber()),
    { numberFormat: POUNDS_FORMAT, style: TOTAL }
  );
  sheet.defineName(QUOTE_NAMES.totalIncVat, totalIncVat);
  at.row += 1;
  sheet.setAt(
    at.row,
    2,
    text(
      "Line amounts are rounded half away from zero to the penny; subtotals and the total are sums of the rounded lines."
    ),
    {
      style: { italic: true, fontColor: "#425563" },
    }
  );
  at.row += 1;

  valueSharingSection(at, doc);
  findingsSection(at, findings);

  sheet
    .columnWidth("A", 24)
    .columnWidth("B", 46)
    .columnWidth("C", 12)
    .columnWidth("D", 14)
    .columnWidth("E", 14)
    .columnWidth("F", 16)
    .showGridlines(false)
    .print({
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      header: {
        left: `Quote ${doc.reference}`,
        right: `Generated ${generated.replace("T", " ")} UTC`,
      },
      footer: { center: `NHS Data Partnership Pricing ${VERSION}` },
      printArea: `A1:F${Math.max(at.row - 1, 1)}`,
    });
  return sheet.build();
}

/** Where the next row of the quote goes, with the two row shapes every section uses. */
class Cursor {
  row = 1;

  constructor(readonly sheet: SheetSpecBuilder) {}

  /** A full-width band across A:F. */
  heading(title: string): void {
    this.row += 1;
    this.sheet.setAt(this.row, 1, text(title), { style: HEADING });
    for (let col = 2; col <= 6; col++)
      this.sheet.setAt(this.row, col, { kind: "blank" }, { style: HEADING });
    this.row += 1;
  }

  /** A label in A and its text across B:F, wrapped. */
  detail(label: string, value: string): void {
    this.sheet.setAt(this.row, 1, text(label), { style: LABEL });
    this.sheet.setAt(this.row, 2, text(value), { style: WRAPPED });
    this.sheet.merge(`B${this.row}:F${this.row}`);
    this.fitText(value, 90);
    this.row += 1;
  }

  /** Makes the current row tall enough for `value` wrapped at about `charactersPerLine`. */
  fitText(value: string, charactersPerLine: number): void {
    const lines = Math.ceil(value.length / charactersPerLine);
    // Excel's tallest row is 409 points; longer text stays whole in the cell, scrolled in the formula bar.
    if (lines > 1) this.sheet.rowHeight(this.row, Math.min(MAX_ROW_HEIGHT, 15 * lines));
  }
}

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
  const table = (headers: string[]): void => {
    sheet.row(at.row, 1, headers.map(text), { style: TABLE_HEADER });
    at.row += 1;
  };
  if (terms.fixedPayment) {
    sheet.setAt(at.row, 1, text("Fixed payment"), { style: LABEL });
    sheet.setAt(at.row, 6, num(terms.fixedPayment.amount), { numberFormat: POUNDS_FORMAT });
    at.row += 1;
    if (terms.fixedPayment.instalments.length > 0) {
      table(["Instalment", "Due", "", "", "", "Amount"]);
      terms.fixedPayment.instalments.forEach((instalment, i) => {
        sheet.setAt(at.row, 1, num(i + 1));
        sheet.setAt(at.row, 2, date(instalment.due), { style: { horizontal: "left" } });
        sheet.setAt(at.row, 6, num(instalment.amount), { numberFormat: POUNDS_FORMAT });
        at.row += 1;
      });
    }
    at.row += 1;
  }
  if (terms.subscription) {
    const s = terms.subscription;
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
    const fee = sheet.setAt(at.row, 6, num(s.annualFee), { numberFormat: POUNDS_FORMAT });
    at.row += 1;
    sheet.setAt(at.row, 2, text("Yearly indexation"));
    const indexation = sheet.setAt(at.row, 6, num(s.indexation), { numberFormat: RATE_FORMAT });
    at.row += 1;
    table(["Payment", "Year", "", "", "", "Amount"]);
    for (let k = 0; k < s.years; k++) {
      sheet.setAt(at.row, 1, num(k + 1));
      sheet.setAt(at.row, 2, num(s.inAdvance ? k : k + 1), { style: { horizontal: "left" } });
      sheet.setAt(
        at.row,
        6,
        formula(toPenceFormula(`${absoluteAddress(fee)}*(1+${absoluteAddress(indexation)})^${k}`)),
        { numberFormat: POUNDS_FORMAT }
      );
      at.row += 1;
    }
    at.row += 1;
  }
  if (terms.milestones?.length) {
    sheet.setAt(at.row, 1, text("Milestone payments"), { style: LABEL });
    at.row += 1;
    table(["Milestone", "Description", "Year", "Probability", "", "Amount"]);
    terms.milestones.forEach((milestone, i) => {
      sheet.setAt(at.row, 1, num(i + 1));
      sheet.setAt(at.row, 2, text(milestone.description), { style: WRAPPED });
      at.fitText(milestone.description, DESCRIPTION_CHARACTERS);
      sheet.setAt(at.row, 3, num(milestone.year));
      sheet.setAt(at.row, 4, num(milestone.probability), { numberFormat: RATE_FORMAT });
      sheet.setAt(at.row, 6, num(milestone.amount), { numberFormat: POUNDS_FORMAT });
      at.row += 1;
    });
    at.row += 1;
  }
  if (terms.royalty) {
    const r = terms.royalty;
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
    sheet.merge(`B${at.row}:F${at.row}`);
    at.row += 1;
    table(["Tier", "Revenue from", "", "Rate", "", ""]);
    r.tiers.forEach((tier, i) => {
      sheet.setAt(at.row, 1, num(i + 1));
      sheet.setAt(at.row, 2, num(tier.threshold), { numberFormat: POUNDS_FORMAT });
      sheet.setAt(at.row, 4, num(tier.rate), { numberFormat: RATE_FORMAT });
      at.row += 1;
    });
    if (r.annualCap !== undefined) {
      sheet.setAt(at.row, 2, text("Annual cap"));
      sheet.setAt(at.row, 6, num(r.annualCap), { numberFormat: POUNDS_FORMAT });
      at.row += 1;
    }
    if (r.annualMinimum !== undefined) {
      sheet.setAt(at.row, 2, text("Annual minimum"));
      sheet.setAt(at.row, 6, num(r.annualMinimum), { numberFormat: POUNDS_FORMAT });
      at.row += 1;
    }
    at.row += 1;
  }
}

function findingsSection(at: Cursor, findings: readonly Finding[]): void {
  const { sheet } = at;
  at.heading("Checks against the NHS principles");
  if (findings.length === 0) {
    sheet.setAt(at.row, 1, text("No findings: the partnership meets every check."));
    at.row += 1;
    return;
  }
  sheet.row(
    at.row,
    1,
    [text("Severity"), text("Finding"), text("Principle"), null, null, text("Guide")],
    { style: TABLE_HEADER }
  );
  at.row += 1;
  for (const finding of findings) {
    const colour =
      finding.severity === "error"
        ? "#D5281B"
        : finding.severity === "warning"
          ? "#ED8B00"
          : "#425563";
    sheet.setAt(at.row, 1, text(finding.severity.toUpperCase()), {
      style: { bold: true, fontColor: colour, vertical: "top" },
    });
    sheet.setAt(at.row, 2, text(finding.message), { style: WRAPPED });
    sheet.setAt(at.row, 3, text(finding.principle), { style: WRAPPED });
    sheet.merge(`C${at.row}:E${at.row}`);
    sheet.setAt(at.row, 6, text(finding.guideSection), { style: WRAPPED });
    at.fitText(finding.message, DESCRIPTION_CHARACTERS);
    at.row += 1;
  }
}
