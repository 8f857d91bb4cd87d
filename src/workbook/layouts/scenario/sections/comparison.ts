/**
 * The top of the sheet: the title, then the comparison a reader comes for. The comparison's rows are
 * laid out first and its figures filled in once the mechanisms' tables further down are written.
 */
import { MECHANISM_KINDS } from "../../../../model/vocabulary";
import { MECHANISM_LABELS } from "../../../../model/labels";
import { VERSION } from "../../../../model/version";
import { formatLongDateTime } from "../../../../model/format";
import { firstOfKind, type Candidate, type ScenarioResult } from "../../../../core/scenarios";
import type { Partnership } from "../../../../document/schema";
import type { SheetSpecBuilder } from "../../../spec/builder";
import type { Cursor } from "../../../spec/cursor";
import { formula, NOT_AVAILABLE, text } from "../../../spec/spec";
import { LABEL, TITLE, TOP } from "../../../spec/styles";
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
}

/** The title and the note on what the sheet is. */
export function titleSection(at: Cursor, doc: Partnership, generated: string): void {
  at.sheet.setAt(at.row, 1, text(`Value-sharing scenarios: ${doc.reference}`), { style: TITLE });
  at.sheet.rowHeight(at.row, TITLE_HEIGHT);
  at.skip();
  note(
    at,
    `Generated ${formatLongDateTime(generated.replace(" ", "T"))} UTC by NHS Data Partnership Pricing ${VERSION} for ${doc.partner.name}. Shaded cells are the assumptions; every present value, the breakeven royalty and both sensitivity grids are formulas over them. The simulation's results are values from a seeded run. Present values are valuations for comparing terms, not prices.`
  );
}

/** The comparison's rows, one a candidate, and the named values' rows, their figures left to fill. */
export function comparisonSection(at: Cursor, candidates: readonly Candidate[]): ComparisonAnchors {
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
    `The named values hold each kind's first offer, the document's own where it has one (the offer the breakeven and the grids use), risk-adjusted; #N/A where there is none. Payback: the year the cumulative risk-adjusted value reaches the payback target below.`
  );
  return { rows, namedRows, breakevenRow: namedTop + MECHANISM_KINDS.length };
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
    sheet.setAt(r, COL.cumulative, formula(table.payback, value?.paybackYear ?? "None"), {
      style: { ...TOP, horizontal: "right" },
    });
  });
  MECHANISM_KINDS.forEach((kind, k) => {
    const r = comparison.namedRows[k] as number;
    const first = firstOfKind(candidates, kind);
    namedRow(sheet, r, MECHANISM_LABELS[kind], SCENARIO_NAMES[kind]);
    sheet.setAt(r, 5, text(first === undefined ? "None in this comparison" : first.id), {
      style: TOP,
    });
    sheet.merge(`E${r}:H${r}`);
    const i = first === undefined ? -1 : candidates.indexOf(first);
    const value = result.mechanisms[i]?.riskAdjustedPresentValue;
    const cell = sheet.setAt(
      r,
      COL.riskAdjusted,
      i < 0
        ? formula("NA()", NOT_AVAILABLE)
        : formula(A(comparison.rows[i] as number, COL.riskAdjusted), value && n(value)),
      { numberFormat: VALUE, style: { ...TOP, bold: true } }
    );
    sheet.defineName(SCENARIO_NAMES[kind], cell);
  });
  namedRow(sheet, comparison.breakevenRow, "Breakeven royalty", SCENARIO_NAMES.breakeven);
}

/** The named breakeven royalty: the breakeven section's rate, or #N/A without a milestone offer. */
export function breakevenName(
  sheet: SheetSpecBuilder,
  comparison: ComparisonAnchors,
  breakeven: BreakevenAnchors,
  milestoneCandidate: Candidate | undefined,
  result: ScenarioResult
): void {
  const r = comparison.breakevenRow;
  const rate = result.breakeven.rate;
  const cell = sheet.setAt(
    r,
    COL.riskAdjusted,
    formula(
      breakeven.rate === null ? "NA()" : breakeven.rate,
      breakeven.rate === null || rate === null ? NOT_AVAILABLE : n(rate)
    ),
    { numberFormat: FINE_RATE, style: { ...TOP, bold: true } }
  );
  sheet.setAt(
    r,
    5,
    text(
      milestoneCandidate === undefined ? "No milestone offer" : `Against ${milestoneCandidate.id}`
    ),
    { style: TOP }
  );
  sheet.merge(`E${r}:H${r}`);
  sheet.defineName(SCENARIO_NAMES.breakeven, cell);
}

/** A named value's label in A:B and its name in C:D. */
function namedRow(sheet: SheetSpecBuilder, r: number, name: string, definedName: string): void {
  sheet.setAt(r, 1, text(name), { style: LABEL });
  sheet.merge(`A${r}:B${r}`);
  sheet.setAt(r, 3, text(definedName), { style: TOP });
  sheet.merge(`C${r}:D${r}`);
}
