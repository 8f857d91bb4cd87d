/*
 * The record of the inputs as generated, below the print area, so that the audit (src/audit) can
 * verify the quote in the internal workbook and in the partner copy alike:
 *  - the priced inputs one per cell (so a changed input can be reported before and after);
 *  - the rest of the document as JSON text (what the principle checks read).
 * Only native Excel: plain numbers and text, which LibreOffice keeps. Nothing internal is recorded
 * (no owner, notes, review date or findings): everything else is either printed above it or is the
 * partner's own organisation type and whether the partnership is published. Its keys and the names
 * it is found by are the audit's contract (../contract.ts).
 */
import type { Quote } from "../../../../core/pricing/quote";
import { VERSION } from "../../../../model/version";
import { PRICING_RATES } from "../../../../model/vocabulary";
import type { Partnership } from "../../../../document";
import type { Cursor } from "../../../spec/cursor";
import { DEFAULT_ROW_HEIGHT } from "../../../spec/pagination";
import { num, text } from "../../../spec/spec";
import { NOTE } from "../../../spec/styles";
import { QUOTE_LAYOUT_VERSION, QUOTE_PRODUCT, RECORD_KEYS } from "../contract";

export interface RecordAnchors {
  /** The record's rows, across as many columns as a row can use: "A80:K92". */
  readonly range: string;
}

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
 * Writes the record from the cursor's row down (below the print area); the cursor ends below it.
 *
 * generator  | product | version | layout version | generated at
 * quote      | reference | use | VAT rate | strategy id | strategy revision | in the data use register
 * rates      | staff on-cost | overhead | fixed-cost recovery | capital-cost recovery
 * line       | id | category | kind | pass-through | quantity | unit | unit cost | staff grade | standard item
 * allocation | id | amount
 * document   | the rest of the document as JSON, split across cells
 */
export function recordSection(
  at: Cursor,
  doc: Partnership,
  quote: Quote,
  generatedAt: string
): RecordAnchors {
  const { sheet } = at;
  const first = at.row;
  // Wrapped in rows of one line: the long JSON stays inside its cell instead of spilling across the sheet.
  const style = { style: NOTE };
  sheet.setAt(at.row, 1, text("Inputs as generated"), { style: { ...NOTE, bold: true } });
  sheet.setAt(
    at.row,
    2,
    text(
      "A copy of the priced inputs above as they were generated, so that the quote can be checked (nhsdp audit). Not printed; do not edit."
    ),
    style
  );
  sheet.rowHeight(at.row, DEFAULT_ROW_HEIGHT);
  at.skip();
  const put = (values: readonly (string | number | undefined)[]): void => {
    values.forEach((value, i) => {
      if (value === undefined || value === "") return;
      sheet.setAt(at.row, i + 1, typeof value === "number" ? num(value) : text(value), style);
    });
    sheet.rowHeight(at.row, DEFAULT_ROW_HEIGHT);
    at.skip();
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
  put([RECORD_KEYS.document, ...documentJsonChunks(doc)]);
  return { range: `A${first}:K${at.row - 1}` };
}

/** The document's recorded fields as JSON, in cells of at most DOCUMENT_JSON_CHUNK characters. */
function documentJsonChunks(doc: Partnership): string[] {
  const rest: Record<string, unknown> = {};
  for (const field of DOCUMENT_JSON_FIELDS) if (doc[field] !== undefined) rest[field] = doc[field];
  rest["pricing"] = {
    overrides: doc.pricing.overrides,
    passThroughInRecoveryBase: doc.pricing.passThroughInRecoveryBase,
  };
  rest["costs"] = {
    directAllocations: doc.costs.directAllocations.map(({ id, description }) => ({
      id,
      description,
    })),
    lines: doc.costs.lines.map(({ id, description }) => ({ id, description })),
  };
  const json = JSON.stringify(rest);
  const chunks: string[] = [];
  for (let start = 0; start < json.length; start += DOCUMENT_JSON_CHUNK)
    chunks.push(json.slice(start, start + DOCUMENT_JSON_CHUNK));
  return chunks;
}
