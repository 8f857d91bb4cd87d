/*
 * What a quote sheet records about itself, so that the audit (src/audit) finds and verifies it by names
 * rather than by position, in the internal workbook and in the partner copy alike:
 *  - sheet-scoped defined names on its inputs, its blocks and its totals, which a spreadsheet moves
 *    with the cells when rows are inserted or deleted and keeps when the sheet is renamed;
 *  - below the print area, the inputs as they were generated: the priced inputs one per cell (so a
 *    changed input can be reported before and after) and the rest of the document as JSON text (what
 *    the principle checks read).
 * Only native Excel: names over cells of the sheet, plain numbers and text, which LibreOffice keeps.
 * Nothing internal is recorded (no owner, notes, review date or findings): everything else is either
 * printed above it or is the partner's own organisation type and whether the partnership is published.
 */
import type { Quote } from "../../../core/pricing/quote";
import { VERSION } from "../../../model/version";
import { PRICING_RATES } from "../../../model/vocabulary";
import type { Partnership } from "../../../document";
import { DEFAULT_ROW_HEIGHT } from "../../spec/pagination";
import { NOTE } from "../../spec/styles";
import { num, text } from "../../spec/spec";
import { type SheetSpecBuilder } from "../../spec/builder";

/** The layout the audit reads; a sheet recording another one is reported, not guessed at. */
export const QUOTE_LAYOUT_VERSION = 1;

export const QUOTE_PRODUCT = "NHS Data Partnership Pricing";

/** Sheet-scoped names beside QUOTE_NAMES's totals: the inputs, the blocks, the record. */
export const QUOTE_METADATA_NAMES = {
  reference: "NHSDP_Reference",
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
  /** The fixed- and capital-cost recoveries, the direct allocations and their two subtotals. */
  recoveries: "NHSDP_Recoveries",
  /** The record of the inputs as generated. */
  asGenerated: "NHSDP_AsGenerated",
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

/**
 * The fields of the document recorded as JSON: those the sheet prints and the principle checks read.
 * A list of what may go, not of what may not, so that a field added later (an owner, notes, the
 * trust's own scenarios) stays out of the partner's copy until someone decides it belongs there.
 */
const DOCUMENT_JSON_FIELDS = [
  "format",
  "version",
  "reference",
  "trust",
  "partner",
  "partnershipType",
  "purpose",
  "expectedPatientBenefit",
  "accessRoute",
  "accessJustification",
  "dataAssets",
  "foregroundIpOwner",
  "consentToCommercialise",
  "outputsOpen",
  "exclusivityRequested",
  "informationGovernance",
  "quote",
  "valueSharing",
] as const satisfies readonly (keyof Partnership)[];
/** Excel holds at most 32,767 characters in a cell; the JSON is split across cells well below that. */
export const DOCUMENT_JSON_CHUNK = 30_000;

const yesNo = (value: boolean): string => (value ? "yes" : "no");

/**
 * Writes the record from `firstRow` down (below the print area) and names it; returns the row after it.
 *
 * quote      | reference | use | VAT rate | strategy id | strategy revision | in the data use register
 * rates      | staff on-cost | overhead | fixed-cost recovery | capital-cost recovery
 * line       | id | category | kind | pass-through | quantity | unit | unit cost | staff grade | standard item
 * allocation | id | amount
 * document   | the rest of the document as JSON, split across cells
 */
export function writeInputsAsGenerated(
  sheet: SheetSpecBuilder,
  firstRow: number,
  doc: Partnership,
  quote: Quote,
  generatedAt: string
): number {
  let row = firstRow;
  // Wrapped in rows of one line: the long JSON stays inside its cell instead of spilling across the sheet.
  const style = { style: NOTE };
  sheet.setAt(row, 1, text("Inputs as generated"), { style: { ...NOTE, bold: true } });
  sheet.setAt(
    row,
    2,
    text(
      "A copy of the priced inputs above as they were generated, so that the quote can be checked (nhsdp audit). Not printed; do not edit."
    ),
    style
  );
  sheet.rowHeight(row, DEFAULT_ROW_HEIGHT);
  row += 1;
  const put = (values: readonly (string | number | undefined)[]): void => {
    values.forEach((value, i) => {
      if (value === undefined || value === "") return;
      sheet.setAt(row, i + 1, typeof value === "number" ? num(value) : text(value), style);
    });
    sheet.rowHeight(row, DEFAULT_ROW_HEIGHT);
    row += 1;
  };
  put([RECORD_KEYS.generator, QUOTE_PRODUCT, VERSION, QUOTE_LAYOUT_VERSION, generatedAt]);
  put([
    RECORD_KEYS.quote,
    doc.reference,
    doc.use,
    quote.vatRate.toNumber(),
    doc.pricing.strategy?.id,
    doc.pricing.strategy?.revision,
    doc.publishedInDataUseRegister === undefined
      ? undefined
      : yesNo(doc.publishedInDataUseRegister),
  ]);
  put([RECORD_KEYS.rates, ...PRICING_RATES.map((rate) => quote.rates[rate].toNumber())]);
  for (const line of quote.lines)
    put([
      RECORD_KEYS.line,
      line.id,
      line.category,
      line.kind,
      yesNo(line.passThrough),
      line.quantity.toNumber(),
      line.unit,
      line.unitCost.toNumber(),
      line.staffGrade,
      line.standardItem,
    ]);
  for (const allocation of quote.directAllocations)
    put([RECORD_KEYS.allocation, allocation.id, allocation.amount.toNumber()]);
  const rest: Record<string, unknown> = {};
  for (const field of DOCUMENT_JSON_FIELDS) if (doc[field] !== undefined) rest[field] = doc[field];
  rest["pricing"] = { overrides: doc.pricing.overrides };
  rest["costs"] = {
    directAllocations: doc.costs.directAllocations.map(({ id, description }) => ({
      id,
      description,
    })),
    lines: doc.costs.lines.map(({ id, description }) => ({ id, description })),
  };
  const json = JSON.stringify(rest);
  const chunks: string[] = [];
  for (let at = 0; at < json.length; at += DOCUMENT_JSON_CHUNK)
    chunks.push(json.slice(at, at + DOCUMENT_JSON_CHUNK));
  put([RECORD_KEYS.document, ...chunks]);
  sheet.defineName(QUOTE_METADATA_NAMES.asGenerated, `A${firstRow}:K${row - 1}`);
  return row;
}
