/**
 * The top of the sheet: the title, then the comparison a reader comes for. The comparison's rows are
 * laid out first and its figures filled in once the mechanisms' tables further down are written.
 */
import { MECHANISM_KINDS } from "../../../../model/vocabulary";
import { MECHANISM_LABELS } from "../../../../model/labels";
import { VERSION } from "../../../../model/version";
import type { Decimal } from "../../../../model/decimal";
import { formatLongDate, formatLongDateTime, formatPounds } from "../../../../model/format";
import {
  counterpartySentence,
  firstOfKind,
  priceBasisSentence,
  type Candidate,
  type ScenarioInputs,
  type ScenarioResult,
} from "../../../../core/scenarios";
import type { Partnership } from "../../../../document/schema";
import type { SheetSpecBuilder } from "../../../spec/builder";
import type { Cursor } from "../../../spec/cursor";
import { formula, NOT_AVAILABLE, text, type FormulaValue } from "../../../spec/spec";
import { formulaStringLiteral } from "../../../spec/safeText";
import { LABEL, NOTE, TITLE, TOP } from "../../../spec/styles";
import { SCENARIO_NAMES } from "../names";
import { header, note } from "../rows";
import { A, COL, FINE_RATE, TITLE_HEIGHT, VALUE, n } from "../style";
import type { BreakevenAnchors } from "./breakeven";
import type { MechanismAnchors } from "./mechanism";

export interface ComparisonAnchors {
  /** Each candidate's row in the comparison, in candidate order. */
  readonly rows: readonly number[];
  /** The row of each kind's named value, in MECHANISM_KINDS order. */
  readonly namedRows: readonly number[];
  /** The row of the named breakeven royalty. */
  readonly breakevenRow: number;
  /** The column, right of the print area, of the defined names; their cells are in the next. */
  readonly nameColumn: number;
}

/** The title and the note on what the sheet is. */
export function titleSection(
  at: Cursor,
  doc: Partnership,
  inputs: ScenarioInputs,
  generated: string
): void {
  const flatRate = inputs.discount.kind === "flat" ? inputs.discount.rate : null;
  at.sheet.setAt(at.row, 1, text(`Value-sharing scenarios: ${doc.reference}`), { style: TITLE });
  at.sheet.rowHeight(at.row, TITLE_HEIGHT);
  at.skip();
  note(
    at,
    `Generated ${formatLongDateTime(generated.replace(" ", "T"))} UTC by NHS Data Partnership Pricing ${VERSION} for ${doc.partner.name}. Every year on the sheet counts from the quote date, ${formatLongDate(doc.quote.date)} (year 0): year 1 ends a year after it, and a payment due on a date falls at its days after the quote date / 365. Shaded cells are the assumptions; every present value, the breakeven royalty and both sensitivity grids are formulas over them. The simulation's results are values from a seeded run. Present values are valuations for comparing terms, not prices. ${priceBasisSentence(inputs.discount.priceBasis, flatRate)}. ${counterpartySentence(inputs.counterparty)}.`
  );
}

/** The comparison's rows, one a candidate, and the named values' rows, their figures left to fill. */
export function comparisonSection(
  at: Cursor,
  candidates: readonly Candidate[],
  paybackTarget: Decimal | null,
  width: number
): ComparisonAnchors {
  const { sheet } = at;
  at.heading("Comparison");
  header(
    at,
    [
      "Mechanism",
      null,
      "Kind",
      "Terms",
      null,
      null,
      null,
      null,
      "Present value",
      "Risk-adjusted present value",
      "Pays back in year",
    ],
    1,
    9
  );
  const rows = candidates.map((candidate, i) => {
    const r = at.row + i;
    sheet.setAt(r, 1, text(candidate.id), { style: TOP });
    sheet.merge(`A${r}:B${r}`);
    sheet.setAt(r, 3, text(MECHANISM_LABELS[candidate.mechanism.kind]), { style: TOP });
    sheet.setAt(r, 4, text(candidate.fromDocument ? "The document's own" : "Alternative"), {
      style: TOP,
    });
    return r;
  });
  at.skip(candidates.length);
  const namedTop = at.row;
  const namedRows = MECHANISM_KINDS.map((_, k) => namedTop + k);
  at.skip(MECHANISM_KINDS.length + 1);
  note(
    at,
    `Each kind's first offer, the document's own where it has one (the offer the breakeven and the grids use), risk-adjusted. Formulas elsewhere read them by name (${SCENARIO_NAMES.fixed} and the like, in the cells right of the printed columns, which hold an error where there is no offer, so that a formula using one fails visibly). ${paybackNote(paybackTarget)}`
  );
  return {
    rows,
    namedRows,
    breakevenRow: namedTop + MECHANISM_KINDS.length,
    nameColumn: width + 2,
  };
}

/** What the payback column is measured against, as the document states it. */
function paybackNote(paybackTarget: Decimal | null): string {
  return paybackTarget === null
    ? `Payback: no payback target was given, so the column says "${NO_TARGET}" (the partnership's cost is not one: the fee already recovers it). Enter a target in the inputs below to see the year each offer's cumulative risk-adjusted value reaches it.`
    : `Payback: the year the cumulative risk-adjusted value reaches the payback target in the inputs below, ${formatPounds(paybackTarget)} as the scenarios block states it.`;
}

/**
 * Each candidate's present values and payback from its table, each kind's named value, and the named
 * breakeven's labels.
 */
export function comparisonFigures(
  sheet: SheetSpecBuilder,
  comparison: ComparisonAnchors,
  candidates: readonly Candidate[],
  mechanisms: readonly MechanismAnchors[],
  result: ScenarioResult
): void {
  mechanisms.forEach((table, i) => {
    const r = comparison.rows[i] as number;
    const value = result.mechanisms[i];
    sheet.setAt(r, COL.presentValue, formula(table.presentValue, value && n(value.presentValue)), {
      numberFormat: VALUE,
      style: TOP,
    });
    sheet.setAt(
      r,
      COL.riskAdjusted,
      formula(table.riskAdjusted, value && n(value.riskAdjustedPresentValue)),
      { numberFormat: VALUE, style: TOP }
    );
    const payback = result.paybackTarget === null ? NO_TARGET : (value?.paybackYear ?? "None");
    sheet.setAt(r, COL.cumulative, formula(table.payback, payback), {
      style: { ...TOP, horizontal: "right" },
    });
  });
  MECHANISM_KINDS.forEach((kind, k) => {
    const r = comparison.namedRows[k] as number;
    const first = firstOfKind(candidates, kind);
    namedRow(sheet, r, `${MECHANISM_LABELS[kind]}: first offer`);
    sheet.setAt(r, 3, text(first === undefined ? "None in this comparison" : first.id), {
      style: TOP,
    });
    sheet.merge(`C${r}:H${r}`);
    const i = first === undefined ? -1 : candidates.indexOf(first);
    const value = result.mechanisms[i]?.riskAdjustedPresentValue;
    const cached = value && n(value);
    // Printed: the value, or words where there is no offer; the name, beside the print area, holds
    // the value or #N/A, so that a formula using it fails visibly instead of reading a nought.
    const shown =
      i < 0
        ? sheet.setAt(r, COL.riskAdjusted, text(NO_OFFER), {
            style: { ...TOP, horizontal: "right" },
          })
        : sheet.setAt(
            r,
            COL.riskAdjusted,
            formula(A(comparison.rows[i] as number, COL.riskAdjusted), cached),
            { numberFormat: VALUE, style: { ...TOP, bold: true } }
          );
    const named = namedCell(
      sheet,
      r,
      comparison.nameColumn,
      SCENARIO_NAMES[kind],
      i < 0 ? formula("NA()", NOT_AVAILABLE) : formula(shown, cached),
      VALUE
    );
    sheet.defineName(SCENARIO_NAMES[kind], named);
  });
  namedRow(sheet, comparison.breakevenRow, "Breakeven royalty rate");
}

/**
 * The breakeven royalty: the breakeven section's rate, printed, or words where there is none (no milestone
 * offer, or no royalty revenue); the name beside the print area holds the rate or #N/A.
 */
export function breakevenName(
  sheet: SheetSpecBuilder,
  comparison: ComparisonAnchors,
  breakeven: BreakevenAnchors,
  milestoneCandidate: Candidate | undefined,
  result: ScenarioResult
): void {
  const r = comparison.breakevenRow;
  const rate = result.breakeven.rate;
  const cached = breakeven.rate === null || rate === null ? undefined : n(rate);
  const shown =
    breakeven.rate === null
      ? sheet.setAt(r, COL.riskAdjusted, text(NO_OFFER), { style: { ...TOP, horizontal: "right" } })
      : sheet.setAt(
          r,
          COL.riskAdjusted,
          formula(
            `IF(ISNUMBER(${breakeven.rate}),${breakeven.rate},${formulaStringLiteral(NO_REVENUE)})`,
            cached ?? NO_REVENUE
          ),
          { numberFormat: FINE_RATE, style: { ...TOP, bold: true, horizontal: "right" } }
        );
  sheet.setAt(
    r,
    3,
    text(
      milestoneCandidate === undefined
        ? "No milestone offer to match"
        : `Against ${milestoneCandidate.id}`
    ),
    { style: TOP }
  );
  sheet.merge(`C${r}:H${r}`);
  const named = namedCell(
    sheet,
    r,
    comparison.nameColumn,
    SCENARIO_NAMES.breakeven,
    breakeven.rate === null
      ? formula("NA()", NOT_AVAILABLE)
      : formula(`IF(ISNUMBER(${shown}),${shown},NA())`, cached ?? NOT_AVAILABLE),
    FINE_RATE
  );
  sheet.defineName(SCENARIO_NAMES.breakeven, named);
}

/** What the comparison prints where there is no offer of a kind, or no breakeven. */
export const NO_OFFER = "no offer";
export const NO_REVENUE = "none: no royalty revenue";
/** What the payback column says while the payback target is empty. */
export const NO_TARGET = "no target";

/** A named value's label in A:B. */
function namedRow(sheet: SheetSpecBuilder, r: number, name: string): void {
  sheet.setAt(r, 1, text(name), { style: LABEL });
  sheet.merge(`A${r}:B${r}`);
}

/**
 * The defined name's own cell, right of the print area on the row it names: its name, then its value
 * (the printed figure, or #N/A). On screen beside the table; never printed.
 */
function namedCell(
  sheet: SheetSpecBuilder,
  r: number,
  column: number,
  name: string,
  value: FormulaValue,
  numberFormat: string
): string {
  sheet.setAt(r, column, text(name), { style: NOTE });
  return sheet.setAt(r, column + 1, value, { numberFormat, style: TOP });
}
