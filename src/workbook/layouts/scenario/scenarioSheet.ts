/*
 * The scenario sheet: the value-sharing mechanisms of a partnership set side by side, as a SheetSpec.
 * Every present value, the breakeven royalty and both sensitivity grids are native Excel formulas over
 * the shaded inputs on the sheet, so an analyst can change an assumption and watch the comparison move
 * in Excel, LibreOffice or any spreadsheet, without the add-in. The simulation's results are values:
 * a spreadsheet cannot redraw the same seeded sample.
 *
 * Two native charts are drawn from ranges on the sheet, so they move with the assumptions: the
 * cumulative risk-adjusted value of every mechanism by whole year (a table of SUMIF formulas over each
 * mechanism's own table, since their payments fall in different years), and the simulation's histogram.
 *
 * Formulas use plain ranges in SUMPRODUCT and never array arithmetic (A1:A9*B1 inside a function),
 * which HyperFormula and older Excel do not evaluate; the sensitivity grids therefore read workings laid
 * out below the printed area, one scalar formula a cell.
 */
import type { Decimal } from "../../../model/decimal";
import { VERSION } from "../../../model/version";
import {
  firstOfKind,
  type Candidate,
  type MechanismKind,
  type ScenarioInputs,
  type ScenarioResult,
  type SimulationResult,
  type SimulationSettings,
} from "../../../core/scenarios";
import { cashFlows } from "../../../core/scenarios/mechanisms";
import type { Distribution } from "../../../document/scenarios";
import type { Partnership } from "../../../document/schema";
import { absoluteAddress, cellAddress, columnLetter } from "../../spec/a1";
import { DEFAULT_ROW_HEIGHT, pageHeightInRows, paginate } from "../../spec/pagination";
import { isoMinute } from "../quote/quoteSheet";
import {
  HEADING,
  LABEL,
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
  formula,
  num,
  text,
  type CellStyle,
  type CellValueSpec,
  type SheetSpec,
} from "../../spec/spec";

/**
 * The sheet-scoped names a scenario sheet defines. Each NHSDP_PV_<Kind> holds the risk-adjusted present
 * value (every payment weighted by its probability, then discounted) of the first offer of that kind in
 * the comparison: the document's own terms where it has them, otherwise the first alternative of that
 * kind, the same offer the breakeven and the grids use. Where the comparison has no offer of a kind its
 * name holds #N/A, so that a formula using it fails visibly instead of reading a nought.
 * NHSDP_BreakevenRoyalty is the flat royalty rate (a fraction) worth as much as the milestone offer;
 * #N/A when there is no milestone offer or the royalty's revenue is worth nothing.
 */
export const SCENARIO_NAMES = {
  fixed: "NHSDP_PV_Fixed",
  subscription: "NHSDP_PV_Subscription",
  milestones: "NHSDP_PV_Milestones",
  royalty: "NHSDP_PV_Royalty",
  breakeven: "NHSDP_BreakevenRoyalty",
} as const;

const KIND_LABELS: Readonly<Record<MechanismKind, string>> = {
  fixed: "Fixed payment",
  subscription: "Subscription",
  milestones: "Milestones",
  royalty: "Royalty",
};
const KINDS: readonly MechanismKind[] = ["fixed", "subscription", "milestones", "royalty"];

const POUNDS = "[$£-809]#,##0.00";
/** Valuations are not prices: whole pounds are what a reader compares. */
const VALUE = "[$£-809]#,##0";
const RATE = "0.00%";
const FINE_RATE = "0.000%";
const FACTOR = "0.000000";
const YEARS = "0.##";

/** Shaded: the cells a reader may change. */
const INPUT: CellStyle = { fill: "#FFF4CC", vertical: "top" };
const TOTAL: CellStyle = { bold: true, border: { top: "thin" } };
const FIGURE: CellStyle = { bold: true, size: 12 };
const TITLE_HEIGHT = 24;

/** The yearly tables' columns. */
const COL = {
  year: 1,
  payment: 2,
  revenue: 3,
  inTerm: 4,
  amount: 5,
  probability: 6,
  expected: 7,
  factor: 8,
  presentValue: 9,
  riskAdjusted: 10,
  cumulative: 11,
} as const;
const LAST_COLUMN = COL.cumulative;
/** About how many characters of a note merged across the whole width fit on a line. */
const NOTE_CHARACTERS = 115;
const PAYMENT_CHARACTERS = 30;
const HEADING_KEEP_ROWS = 5;
/** Rows a chart covers: about 270 points, readable at the sheet's printed width. */
const CHART_ROWS = 18;

export interface ScenarioSheetOptions {
  generatedAt: Date;
}

/** Where a test or a caller finds the inputs of the first royalty offer and the grids' cells. */
export interface ScenarioSheetLayout {
  readonly royalty: {
    readonly rates: readonly string[];
    readonly cap: string;
    readonly minimum: string;
  } | null;
  /** Grid cells by [row][column], as the engine's grids. */
  readonly royaltyByDiscountRate: readonly (readonly string[])[];
  readonly milestonesByDiscountRate: readonly string[] | null;
  readonly peakRevenueByProbability: readonly (readonly string[])[] | null;
  /** Each mechanism's present value and risk-adjusted present value, in candidate order. */
  readonly mechanisms: readonly {
    readonly id: string;
    readonly presentValue: string;
    readonly riskAdjusted: string;
  }[];
}

const A = (row: number, col: number) => absoluteAddress(cellAddress(row, col));
const n = (value: Decimal) => value.toNumber();

class Cursor {
  row = 1;
  readonly keepWithNext: [number, number][] = [];
  constructor(readonly sheet: SheetSpecBuilder) {}

  keep(rows: number): void {
    this.keepWithNext.push([this.row, rows]);
  }

  heading(title: string, width: number = LAST_COLUMN, keep = HEADING_KEEP_ROWS): void {
    this.row += 1;
    this.keepWithNext.push([this.row, keep]);
    this.sheet.setAt(this.row, 1, text(title), { style: HEADING });
    for (let col = 2; col <= width; col++)
      this.sheet.setAt(this.row, col, blank(), { style: HEADING });
    this.row += 1;
  }

  /** A note across the sheet, its row tall enough for its lines. */
  note(value: string, width: number = LAST_COLUMN): void {
    this.sheet.setAt(this.row, 1, text(value), { style: NOTE });
    this.sheet.merge(`A${this.row}:${columnLetter(width)}${this.row}`);
    this.fit(lineCount(value, (NOTE_CHARACTERS * width) / LAST_COLUMN));
    this.row += 1;
  }

  fit(lines: number): void {
    if (lines > 1) this.sheet.rowHeight(this.row, heightForLines(lines));
  }

  /** A label in A:B (merged) and a value in column C; returns the value's absolute address. */
  input(label: string, value: CellValueSpec, options: CellOptions, comment?: string): string {
    this.sheet.setAt(this.row, 1, text(label), { style: LABEL });
    this.sheet.merge(`A${this.row}:B${this.row}`);
    const address = this.sheet.setAt(this.row, 3, value, options);
    if (comment !== undefined) {
      this.sheet.setAt(this.row, 4, text(comment), { style: NOTE });
      this.sheet.merge(`D${this.row}:${columnLetter(LAST_COLUMN)}${this.row}`);
      this.fit(lineCount(comment, 80));
    }
    this.row += 1;
    return absoluteAddress(address);
  }

  header(labels: readonly (string | null)[], first = 1, numericFrom = 3): void {
    labels.forEach((label, i) => {
      const col = first + i;
      this.sheet.setAt(this.row, col, label === null ? blank() : text(label), {
        style: {
          ...TABLE_HEADER,
          wrap: true,
          vertical: "top",
          horizontal: col >= numericFrom ? "right" : "left",
        },
      });
    });
    // A text label runs on over the empty header cells after it, rather than wrapping in a narrow one.
    labels.forEach((label, i) => {
      const col = first + i;
      if (label === null || col >= numericFrom) return;
      let last = i;
      while (labels[last + 1] === null && first + last + 1 < numericFrom) last += 1;
      if (last > i)
        this.sheet.merge(
          `${columnLetter(col)}${this.row}:${columnLetter(first + last)}${this.row}`
        );
    });
    const longest = Math.max(...labels.map((label) => lineCount(label ?? "", 13)));
    this.fit(longest);
    this.row += 1;
  }
}

/** The discount schedule's bands on the sheet: from year, rate. */
interface Bands {
  readonly from: readonly string[];
  readonly rate: readonly string[];
}

/** 1 / the product of each band's growth over the part of [0, t] inside it: flat is one band from 0. */
function factorFormula(bands: Bands, t: string): string {
  const parts = bands.from.map((from, k) => {
    const next = bands.from[k + 1];
    const span = next === undefined ? `${t}-${from}` : `MIN(${t},${next})-${from}`;
    return `(1+${bands.rate[k]})^MAX(0,${span})`;
  });
  return `1/(${parts.join("*")})`;
}

/** The royalty on revenue `x` under tiered terms, then the cap, then the minimum (royalty.ts's rule). */
function royaltyFormula(
  x: string,
  terms: {
    thresholds: readonly string[];
    rates: readonly string[];
    cap: string | null;
    minimum: string | null;
  }
): string {
  const { thresholds, rates } = terms;
  let due = thresholds
    .map((lower, k) => {
      const upper = thresholds[k + 1];
      const slice = upper === undefined ? `${x}-${lower}` : `MIN(${x},${upper})-${lower}`;
      return `MAX(0,${slice})*${rates[k]}`;
    })
    .join("+");
  if (terms.cap !== null) due = `MIN(${terms.cap},${due})`;
  if (terms.minimum !== null) due = `MAX(${terms.minimum},${due})`;
  return due;
}

function describeDistribution(distribution: Distribution | undefined, unit: "£" | "years"): string {
  if (distribution === undefined) return "not varied";
  const v = (value: number) =>
    unit === "£" ? `£${value.toLocaleString("en-GB")}` : `${value} years`;
  switch (distribution.distribution) {
    case "fixed":
      return `fixed at ${v(distribution.value)}`;
    case "uniform":
      return `uniform from ${v(distribution.min)} to ${v(distribution.max)}`;
    case "triangular":
      return `triangular: ${v(distribution.min)}, most likely ${v(distribution.mode)}, ${v(distribution.max)}`;
    case "pert":
      return `PERT: ${v(distribution.min)}, most likely ${v(distribution.mode)}, ${v(distribution.max)}`;
    case "lognormal":
      return `lognormal: median ${v(distribution.median)}, sigma ${distribution.sigma}`;
  }
}

/** Each payment's label: a milestone's description, an instalment's due date. */
function paymentLabels(doc: Partnership, candidate: Candidate): string[] {
  if (candidate.path === "valueSharing.milestones")
    return (doc.valueSharing.milestones ?? []).map((milestone) => milestone.description);
  if (candidate.path === "valueSharing.fixedPayment") {
    const instalments = doc.valueSharing.fixedPayment?.instalments ?? [];
    return instalments.length === 0 ? ["On signature"] : instalments.map((i) => `Due ${i.due}`);
  }
  const alternative = doc.scenarios?.alternatives.find((a) => a.id === candidate.id);
  if (alternative?.mechanism === "milestones")
    return alternative.milestones.map((milestone) => milestone.description);
  if (alternative?.mechanism === "fixed")
    return alternative.instalments.map((_, i) => `Instalment ${i + 1}`);
  return [];
}

export function buildScenarioSheet(
  doc: Partnership,
  inputs: ScenarioInputs,
  result: ScenarioResult,
  settings: SimulationSettings,
  simulation: SimulationResult,
  options: ScenarioSheetOptions
): SheetSpec {
  return buildScenarioSheetWithLayout(doc, inputs, result, settings, simulation, options).spec;
}

export function buildScenarioSheetWithLayout(
  doc: Partnership,
  inputs: ScenarioInputs,
  result: ScenarioResult,
  settings: SimulationSettings,
  simulation: SimulationResult,
  options: ScenarioSheetOptions
): { spec: SheetSpec; layout: ScenarioSheetLayout } {
  const sheet = new SheetSpecBuilder(`Scenarios ${doc.reference}`);
  const at = new Cursor(sheet);
  const generated = isoMinute(options.generatedAt).replace("T", " ");
  const { candidates, forecast } = inputs;
  const years = forecast.length;
  const axes = inputs.sensitivity;
  // The grids and histogram may be wider than the tables; the print area takes the widest.
  const width = Math.max(
    LAST_COLUMN,
    2 + axes.discountRates.length,
    2 + axes.probabilities.length,
    3 + candidates.length
  );

  sheet.setAt(at.row, 1, text(`Value-sharing scenarios: ${doc.reference}`), { style: TITLE });
  sheet.rowHeight(at.row, TITLE_HEIGHT);
  at.row += 1;
  at.note(
    `Generated ${generated} UTC by NHS Data Partnership Pricing ${VERSION} for ${doc.partner.name}. Shaded cells are the assumptions; every present value, the breakeven royalty and both sensitivity grids are formulas over them. The simulation's results are values from a seeded run. Present values are valuations for comparing terms, not prices.`
  );

  // The comparison comes first, for the reader; its formulas point at the tables further down.
  at.heading("Comparison");
  at.header(
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
  const comparisonTop = at.row;
  candidates.forEach((candidate, i) => {
    const r = comparisonTop + i;
    sheet.setAt(r, 1, text(candidate.id), { style: TOP });
    sheet.merge(`A${r}:B${r}`);
    sheet.setAt(r, 3, text(KIND_LABELS[candidate.mechanism.kind]), { style: TOP });
    sheet.setAt(r, 4, text(candidate.fromDocument ? "The document's own" : "Alternative"), {
      style: TOP,
    });
  });
  at.row += candidates.length;
  const namedTop = at.row;
  at.row += KINDS.length + 1;
  at.note(
    `The named values hold each kind's first offer, the document's own where it has one (the offer the breakeven and the grids use), risk-adjusted; #N/A where there is none. Payback: the year the cumulative risk-adjusted value reaches the payback target below.`
  );

  at.heading("Assumptions");
  const pMarket = at.input(
    "Probability of reaching market",
    num(n(inputs.probabilityOfReachingMarket)),
    { numberFormat: RATE, style: INPUT },
    "the chance, from today, that the product earns the forecast revenue; a royalty is paid only then"
  );
  const paybackTarget = at.input(
    "Payback target",
    num(n(inputs.paybackTarget)),
    { numberFormat: POUNDS, style: INPUT },
    doc.scenarios?.paybackTarget === undefined
      ? "the partnership's full cost, the default"
      : "from the scenarios block"
  );
  at.keep(3);
  sheet.setAt(at.row, 1, text("Discount rate"), { style: LABEL });
  sheet.merge(`A${at.row}:B${at.row}`);
  const discountText =
    inputs.discount.kind === "flat"
      ? "One flat rate for every year, compounded yearly; a payment at year t is worth 1 / (1 + rate)^t of itself today."
      : "HM Treasury Green Book declining schedule: each rate applies to the years in its band, and the bands compound one after another (year 40 is 1 / (1.035^30 x 1.03^10)).";
  sheet.setAt(at.row, 4, text(discountText), { style: NOTE });
  sheet.merge(`D${at.row}:${columnLetter(LAST_COLUMN)}${at.row}`);
  at.fit(lineCount(discountText, 80));
  at.row += 1;
  at.header(["", "", "From year", "Rate"], 1, 3);
  const schedule =
    inputs.discount.kind === "flat"
      ? [{ fromYear: 0, rate: n(inputs.discount.rate) }]
      : GREEN_BOOK_BANDS;
  const bands: Bands = { from: [], rate: [] };
  for (const band of schedule) {
    (bands.from as string[]).push(
      absoluteAddress(sheet.setAt(at.row, 3, num(band.fromYear), { style: INPUT }))
    );
    (bands.rate as string[]).push(
      absoluteAddress(sheet.setAt(at.row, 4, num(band.rate), { numberFormat: RATE, style: INPUT }))
    );
    at.row += 1;
  }

  at.row += 1;
  at.keep(4);
  sheet.setAt(at.row, 1, text("Revenue forecast"), { style: LABEL });
  sheet.merge(`A${at.row}:B${at.row}`);
  const revenue = doc.scenarios?.revenue;
  const forecastText =
    revenue?.kind === "curve"
      ? `From a curve: launch in year ${revenue.launchYear}, ${revenue.yearsToPeak} year(s) to a peak of £${revenue.peakRevenue.toLocaleString("en-GB")}, then ${(revenue.declineRate * 100).toPrecision(3).replace(/\.?0+$/, "")}% a year less; the years are written out as inputs.`
      : "The product's revenue in each year if it reaches market, year 1 being the year after the quote date.";
  sheet.setAt(at.row, 4, text(forecastText), { style: NOTE });
  sheet.merge(`D${at.row}:${columnLetter(LAST_COLUMN)}${at.row}`);
  at.fit(lineCount(forecastText, 80));
  at.row += 1;
  at.header(
    ["Year", null, "Revenue", "Years since launch", null, null, null, "Discount factor"],
    1,
    3
  );
  const forecastTop = at.row;
  for (let year = 1; year <= years; year++) {
    const r = at.row;
    sheet.setAt(r, COL.year, num(year), { style: { ...TOP, horizontal: "left" } });
    sheet.setAt(r, COL.revenue, num(n(forecast[year - 1] as Decimal)), {
      numberFormat: VALUE,
      style: INPUT,
    });
    // Counted from the first year with revenue, as the royalty's term is.
    const since = year === 1 ? `IF(C${r}>0,1,0)` : `IF(D${r - 1}>0,D${r - 1}+1,IF(C${r}>0,1,0))`;
    sheet.setAt(r, COL.inTerm, formula(since), { style: TOP });
    sheet.setAt(r, COL.factor, formula(factorFormula(bands, `A${r}`)), {
      numberFormat: FACTOR,
      style: TOP,
    });
    at.row += 1;
  }
  const forecastBottom = at.row - 1;
  const forecastRange = (col: number) => `${A(forecastTop, col)}:${A(forecastBottom, col)}`;

  // Each mechanism: its terms, then its payments year by year.
  const totals: {
    presentValue: string;
    riskAdjusted: string;
    payback: string;
    /** The mechanism's table: its first and last payment rows (last < first when it pays nothing). */
    top: number;
    bottom: number;
  }[] = [];
  const royaltyCandidate = firstOfKind(candidates, "royalty");
  const milestoneCandidate = firstOfKind(candidates, "milestones");
  let firstRoyalty: {
    thresholds: string[];
    rates: string[];
    cap: string;
    minimum: string;
    hasCap: boolean;
    hasMinimum: boolean;
    inTerm: string;
    term: string;
  } | null = null;
  let firstMilestones: { amounts: string; probabilities: string; years: string[] } | null = null;

  candidates.forEach((candidate, index) => {
    const mechanism = candidate.mechanism;
    // The heading, the terms and the table's header and first rows print together.
    const termRows =
      mechanism.kind === "royalty"
        ? mechanism.terms.rates.length + 4
        : mechanism.kind === "subscription"
          ? 3
          : 0;
    at.heading(
      `${candidate.id}: ${KIND_LABELS[mechanism.kind].toLowerCase()}, ${candidate.fromDocument ? "the document's own terms" : "an alternative"}`,
      LAST_COLUMN,
      termRows + 5
    );
    let royaltyTerms: {
      thresholds: string[];
      rates: string[];
      cap: string | null;
      minimum: string | null;
      term: string;
      capCell: string;
      minimumCell: string;
    } | null = null;
    let fee: string | null = null;
    let indexation: string | null = null;
    let inAdvance: string | null = null;
    if (mechanism.kind === "royalty") {
      const { terms } = mechanism;
      at.header(["Tier", null, "Revenue from", "Rate"], 1, 3);
      const thresholds: string[] = [];
      const rates: string[] = [];
      terms.rates.forEach((rate, k) => {
        sheet.setAt(at.row, 1, num(k + 1), { style: { ...TOP, horizontal: "left" } });
        thresholds.push(
          absoluteAddress(
            sheet.setAt(
              at.row,
              3,
              num(terms.thresholds === null ? 0 : n(terms.thresholds[k] as Decimal)),
              {
                numberFormat: VALUE,
                style: INPUT,
              }
            )
          )
        );
        rates.push(
          absoluteAddress(
            sheet.setAt(at.row, 4, num(n(rate)), { numberFormat: RATE, style: INPUT })
          )
        );
        at.row += 1;
      });
      const capCell = at.input(
        "Annual cap",
        terms.annualCap === null ? text("None") : num(n(terms.annualCap)),
        { numberFormat: VALUE, style: INPUT },
        terms.annualCap === null
          ? "no cap: a number typed here is not used by the formulas below"
          : undefined
      );
      const minimumCell = at.input(
        "Annual minimum",
        terms.annualMinimum === null ? text("None") : num(n(terms.annualMinimum)),
        { numberFormat: VALUE, style: INPUT },
        terms.annualMinimum === null
          ? "no minimum: a number typed here is not used by the formulas below"
          : "paid in every year of the term once the product has launched"
      );
      const term = at.input(
        "Term in years, from the launch",
        num(mechanism.termYears),
        { style: { ...INPUT, horizontal: "left" } },
        "the first year with revenue is year 1 of the term"
      );
      royaltyTerms = {
        thresholds,
        rates,
        cap: terms.annualCap === null ? null : capCell,
        minimum: terms.annualMinimum === null ? null : minimumCell,
        term,
        capCell,
        minimumCell,
      };
    } else if (mechanism.kind === "subscription") {
      fee = at.input("First year's fee", num(n(mechanism.annualFee)), {
        numberFormat: POUNDS,
        style: INPUT,
      });
      indexation = at.input("Yearly indexation", num(n(mechanism.indexation)), {
        numberFormat: RATE,
        style: INPUT,
      });
      inAdvance = at.input(
        "Paid in advance",
        text(mechanism.inAdvance ? "Yes" : "No"),
        { style: INPUT },
        `Yes: at the start of each year (year 0 first); No: at its end. ${mechanism.years} yearly payments.`
      );
    }
    at.keep(3);
    at.header(
      [
        "Year",
        "Payment",
        mechanism.kind === "royalty" ? "Revenue" : null,
        mechanism.kind === "royalty" ? "In term" : null,
        "Amount if paid",
        "Probability",
        "Expected cash",
        "Discount factor",
        "Present value",
        "Risk-adjusted",
        "Cumulative risk-adjusted",
      ],
      1,
      3
    );
    const top = at.row;
    const row = (
      yearValue: CellValueSpec,
      label: string,
      amount: CellValueSpec,
      amountInput: boolean,
      probability: CellValueSpec,
      probabilityInput: boolean
    ): number => {
      const r = at.row;
      sheet.setAt(r, COL.year, yearValue, {
        numberFormat: YEARS,
        style: { ...(yearValue.kind === "number" ? INPUT : TOP), horizontal: "left" },
      });
      if (label !== "") {
        sheet.setAt(r, COL.payment, text(label), { style: WRAPPED });
        at.fit(lineCount(label, PAYMENT_CHARACTERS));
      }
      sheet.setAt(r, COL.amount, amount, {
        numberFormat: POUNDS,
        style: amountInput ? INPUT : TOP,
      });
      sheet.setAt(r, COL.probability, probability, {
        numberFormat: RATE,
        style: probabilityInput ? INPUT : TOP,
      });
      sheet.setAt(r, COL.expected, formula(`E${r}*F${r}`), { numberFormat: POUNDS, style: TOP });
      sheet.setAt(r, COL.factor, formula(factorFormula(bands, `A${r}`)), {
        numberFormat: FACTOR,
        style: TOP,
      });
      sheet.setAt(r, COL.presentValue, formula(`E${r}*H${r}`), { numberFormat: VALUE, style: TOP });
      sheet.setAt(r, COL.riskAdjusted, formula(`G${r}*H${r}`), { numberFormat: VALUE, style: TOP });
      sheet.setAt(r, COL.cumulative, formula(r === top ? `J${r}` : `K${r - 1}+J${r}`), {
        numberFormat: VALUE,
        style: TOP,
      });
      at.row += 1;
      return r;
    };
    // In time order, so that the cumulative column is the value received by each date.
    const byTime = <T extends { year: Decimal }>(items: readonly T[]) =>
      items
        .map((item, i) => ({ item, i }))
        .sort((a, b) => a.item.year.comparedTo(b.item.year) || a.i - b.i);
    const labels = paymentLabels(doc, candidate);
    switch (mechanism.kind) {
      case "fixed":
        for (const { item, i } of byTime(mechanism.instalments))
          row(num(n(item.year)), labels[i] ?? "", num(n(item.amount)), true, num(1), false);
        break;
      case "milestones": {
        const rows = byTime(mechanism.milestones.map((m) => ({ ...m, year: m.period }))).map(
          ({ item, i }) =>
            row(
              num(n(item.year)),
              labels[i] ?? "",
              num(n(item.amount)),
              true,
              num(n(item.probability)),
              true
            )
        );
        if (candidate === milestoneCandidate)
          firstMilestones = {
            amounts: `${A(top, COL.amount)}:${A(at.row - 1, COL.amount)}`,
            probabilities: `${A(top, COL.probability)}:${A(at.row - 1, COL.probability)}`,
            years: rows.map((r) => A(r, COL.year)),
          };
        break;
      }
      case "subscription":
        for (let k = 0; k < mechanism.years; k++)
          row(
            formula(`${k}+IF(${inAdvance}="Yes",0,1)`),
            `Fee ${k + 1}`,
            formula(`${fee}*(1+${indexation})^${k}`),
            false,
            num(1),
            false
          );
        break;
      case "royalty": {
        const terms = royaltyTerms as NonNullable<typeof royaltyTerms>;
        for (let year = 1; year <= years; year++) {
          const r = at.row;
          const f = forecastTop + year - 1;
          sheet.setAt(r, COL.revenue, formula(A(f, COL.revenue)), {
            numberFormat: VALUE,
            style: TOP,
          });
          sheet.setAt(
            r,
            COL.inTerm,
            formula(`IF(AND(${A(f, COL.inTerm)}>=1,${A(f, COL.inTerm)}<=${terms.term}),1,0)`),
            { style: TOP }
          );
          row(
            formula(A(f, COL.year)),
            "",
            formula(`D${r}*${royaltyFormula(`C${r}`, terms)}`),
            false,
            formula(pMarket),
            false
          );
        }
        if (candidate === royaltyCandidate)
          firstRoyalty = {
            thresholds: terms.thresholds,
            rates: terms.rates,
            cap: terms.capCell,
            minimum: terms.minimumCell,
            hasCap: terms.cap !== null,
            hasMinimum: terms.minimum !== null,
            inTerm: `${A(top, COL.inTerm)}:${A(at.row - 1, COL.inTerm)}`,
            term: terms.term,
          };
        break;
      }
    }
    const bottom = at.row - 1;
    const value = result.mechanisms[index];
    sheet.setAt(at.row, COL.payment, text("Total"), { style: TOTAL });
    for (let col = 3; col <= LAST_COLUMN; col++)
      if (col !== COL.presentValue && col !== COL.riskAdjusted)
        sheet.setAt(at.row, col, blank(), { style: TOTAL });
    const sum = (col: number, cached: Decimal | undefined) =>
      absoluteAddress(
        sheet.setAt(
          at.row,
          col,
          formula(
            bottom < top ? "0" : `SUM(${cellAddress(top, col)}:${cellAddress(bottom, col)})`,
            cached === undefined ? undefined : n(cached)
          ),
          { numberFormat: VALUE, style: TOTAL }
        )
      );
    const presentValue = sum(COL.presentValue, value?.presentValue);
    const riskAdjusted = sum(COL.riskAdjusted, value?.riskAdjustedPresentValue);
    at.row += 1;
    const cumulative = `K${top}:K${Math.max(top, bottom)}`;
    const below = `COUNTIF(${cumulative},"<"&${paybackTarget})`;
    const payback =
      bottom < top
        ? `IF(${paybackTarget}<=0,0,"None")`
        : `IF(${paybackTarget}<=0,0,IF(${below}=ROWS(${cumulative}),"None",ROUNDUP(INDEX(A${top}:A${bottom},${below}+1),0)))`;
    totals.push({ presentValue, riskAdjusted, payback, top, bottom });
  });

  // The comparison's figures and the named values, now that the tables' totals are known.
  candidates.forEach((candidate, i) => {
    const r = comparisonTop + i;
    const total = totals[i] as (typeof totals)[number];
    const value = result.mechanisms[i];
    sheet.setAt(r, COL.presentValue, formula(total.presentValue, value && n(value.presentValue)), {
      numberFormat: VALUE,
      style: TOP,
    });
    sheet.setAt(
      r,
      COL.riskAdjusted,
      formula(total.riskAdjusted, value && n(value.riskAdjustedPresentValue)),
      { numberFormat: VALUE, style: TOP }
    );
    sheet.setAt(r, COL.cumulative, formula(total.payback, value?.paybackYear ?? "None"), {
      style: { ...TOP, horizontal: "right" },
    });
  });
  KINDS.forEach((kind, k) => {
    const r = namedTop + k;
    const first = firstOfKind(candidates, kind);
    sheet.setAt(r, 1, text(KIND_LABELS[kind]), { style: LABEL });
    sheet.merge(`A${r}:B${r}`);
    sheet.setAt(r, 3, text(SCENARIO_NAMES[kind]), { style: TOP });
    sheet.merge(`C${r}:D${r}`);
    sheet.setAt(r, 5, text(first === undefined ? "None in this comparison" : first.id), {
      style: TOP,
    });
    sheet.merge(`E${r}:H${r}`);
    const i = first === undefined ? -1 : candidates.indexOf(first);
    const cell = sheet.setAt(
      r,
      COL.riskAdjusted,
      i < 0 ? formula("NA()") : formula(A(comparisonTop + i, COL.riskAdjusted)),
      { numberFormat: VALUE, style: { ...TOP, bold: true } }
    );
    sheet.defineName(SCENARIO_NAMES[kind], cell);
  });
  const breakevenNamedRow = namedTop + KINDS.length;
  sheet.setAt(breakevenNamedRow, 1, text("Breakeven royalty"), { style: LABEL });
  sheet.merge(`A${breakevenNamedRow}:B${breakevenNamedRow}`);
  sheet.setAt(breakevenNamedRow, 3, text(SCENARIO_NAMES.breakeven), { style: TOP });
  sheet.merge(`C${breakevenNamedRow}:D${breakevenNamedRow}`);

  // Breakeven: the milestones' value over the risk-weighted, discounted revenue of the royalty's years.
  at.heading("Breakeven royalty", LAST_COLUMN, 8);
  const revenueValue = firstRoyalty
    ? `${pMarket}*SUMPRODUCT(${forecastRange(COL.revenue)},${forecastRange(COL.factor)},${(firstRoyalty as { inTerm: string }).inTerm})`
    : `${pMarket}*SUMPRODUCT(${forecastRange(COL.revenue)},${forecastRange(COL.factor)})`;
  let breakevenCell: string;
  if (milestoneCandidate === undefined) {
    at.note("None: there is no milestone offer to match.");
    breakevenCell = sheet.setAt(breakevenNamedRow, COL.riskAdjusted, formula("NA()"), {
      numberFormat: FINE_RATE,
      style: { ...TOP, bold: true },
    });
  } else {
    const milestonesTotal = (
      totals[candidates.indexOf(milestoneCandidate)] as (typeof totals)[number]
    ).riskAdjusted;
    at.note(
      `The flat royalty rate, with no cap or minimum, whose risk-adjusted present value equals ${milestoneCandidate.id}'s: paid ${royaltyCandidate ? `over ${royaltyCandidate.id}'s term from the launch` : "on every year of the forecast"} and only if the product reaches market. Above it the royalty is worth more to the NHS; below it the milestones are.`
    );
    sheet.setAt(at.row, 1, text(`${milestoneCandidate.id}, risk-adjusted`), { style: LABEL });
    sheet.merge(`A${at.row}:B${at.row}`);
    const milestones = sheet.setAt(at.row, COL.riskAdjusted, formula(milestonesTotal), {
      numberFormat: VALUE,
      style: TOP,
    });
    at.row += 1;
    sheet.setAt(at.row, 1, text("Revenue in the royalty's years, risk-adjusted and discounted"), {
      style: LABEL,
    });
    sheet.merge(`A${at.row}:E${at.row}`);
    const revenueCell = sheet.setAt(at.row, COL.riskAdjusted, formula(revenueValue), {
      numberFormat: VALUE,
      style: TOP,
    });
    at.row += 1;
    sheet.setAt(at.row, 1, text("Breakeven royalty rate"), { style: { ...LABEL, size: 12 } });
    sheet.merge(`A${at.row}:B${at.row}`);
    const rate = sheet.setAt(
      at.row,
      COL.riskAdjusted,
      formula(
        `IF(${revenueCell}=0,NA(),${milestones}/${revenueCell})`,
        result.breakeven.rate === null ? undefined : n(result.breakeven.rate)
      ),
      { numberFormat: FINE_RATE, style: FIGURE }
    );
    sheet.rowHeight(at.row, 18);
    at.row += 1;
    sheet.setAt(at.row, 1, text("A flat royalty at this rate is worth"), { style: LABEL });
    sheet.merge(`A${at.row}:B${at.row}`);
    sheet.setAt(
      at.row,
      COL.riskAdjusted,
      formula(`IF(ISNUMBER(${rate}),${rate}*${revenueCell},NA())`),
      {
        numberFormat: VALUE,
        style: TOP,
      }
    );
    at.row += 1;
    breakevenCell = sheet.setAt(
      breakevenNamedRow,
      COL.riskAdjusted,
      formula(absoluteAddress(rate)),
      {
        numberFormat: FINE_RATE,
        style: { ...TOP, bold: true },
      }
    );
  }
  sheet.setAt(
    breakevenNamedRow,
    5,
    text(
      milestoneCandidate === undefined ? "No milestone offer" : `Against ${milestoneCandidate.id}`
    ),
    { style: TOP }
  );
  sheet.merge(`E${breakevenNamedRow}:H${breakevenNamedRow}`);
  sheet.defineName(SCENARIO_NAMES.breakeven, breakevenCell);

  cumulativeSection(at, inputs, totals);

  // The grids' workings go below the print area; the grids themselves are printed.
  const royaltyByDiscountCells: string[][] = [];
  let milestoneRowCells: string[] | null = null;
  let peakCells: string[][] | null = null;
  const gridFormulas: {
    row: number;
    col: number;
    build: (w: Workings) => string;
    cached: number;
    format: string;
  }[] = [];

  at.heading("Sensitivity: royalty rate x discount rate", width, axes.royaltyRates.length + 4);
  at.note(
    `Risk-adjusted present value of a flat royalty at each rate (down) with each flat discount rate (across), ${royaltyCandidate ? `keeping ${royaltyCandidate.id}'s cap, minimum and term` : "over the whole forecast"}; the last row is ${milestoneCandidate ? `${milestoneCandidate.id}` : "the milestone offer"} at the same discount rates. Formulas over the workings below the printed page.`,
    width
  );
  {
    const grid = result.sensitivity.royaltyRateByDiscountRate;
    sheet.setAt(at.row, 2, text("Royalty rate \\ discount rate"), {
      style: { ...TABLE_HEADER, wrap: true },
    });
    axes.discountRates.forEach((rate, j) =>
      sheet.setAt(at.row, 3 + j, num(n(rate)), {
        numberFormat: RATE,
        style: { ...TABLE_HEADER, horizontal: "right" },
      })
    );
    at.row += 1;
    axes.royaltyRates.forEach((rate, i) => {
      sheet.setAt(at.row, 2, num(n(rate)), {
        numberFormat: RATE,
        style: { ...TOP, horizontal: "left" },
      });
      const cells: string[] = [];
      axes.discountRates.forEach((_, j) => {
        cells.push(cellAddress(at.row, 3 + j));
        gridFormulas.push({
          row: at.row,
          col: 3 + j,
          build: (w) => `${pMarket}*SUMPRODUCT(${w.royaltyAtRate[i]},${w.factorAtRate[j]})`,
          cached: n((grid.cells[i] as readonly Decimal[])[j] as Decimal),
          format: VALUE,
        });
      });
      royaltyByDiscountCells.push(cells);
      at.row += 1;
    });
    if (grid.milestones !== null && milestoneCandidate !== undefined) {
      sheet.setAt(at.row, 2, text(milestoneCandidate.id), { style: { ...TOTAL, wrap: true } });
      at.fit(lineCount(milestoneCandidate.id, PAYMENT_CHARACTERS));
      milestoneRowCells = [];
      grid.milestones.forEach((value, j) => {
        (milestoneRowCells as string[]).push(cellAddress(at.row, 3 + j));
        gridFormulas.push({
          row: at.row,
          col: 3 + j,
          build: (w) =>
            `SUMPRODUCT(${(firstMilestones as unknown as { amounts: string }).amounts},${(firstMilestones as unknown as { probabilities: string }).probabilities},${w.milestoneFactorAtRate[j]})`,
          cached: n(value),
          format: VALUE,
        });
      });
      at.row += 1;
    }
  }

  at.heading(
    "Sensitivity: peak revenue x probability of reaching market",
    width,
    axes.peakRevenues.length + 3
  );
  const byPeak = result.sensitivity.peakRevenueByProbability;
  if (byPeak === null || royaltyCandidate === undefined) {
    at.note("None: there is no royalty offer to vary, or the forecast has no revenue.", width);
  } else {
    at.note(
      `Risk-adjusted present value of ${royaltyCandidate.id} with the forecast scaled to each peak revenue (down) and each probability of reaching market (across), on the discount rate above.`,
      width
    );
    sheet.setAt(at.row, 2, text("Peak revenue \\ probability"), {
      style: { ...TABLE_HEADER, wrap: true },
    });
    axes.probabilities.forEach((p, j) =>
      sheet.setAt(at.row, 3 + j, num(n(p)), {
        numberFormat: RATE,
        style: { ...TABLE_HEADER, horizontal: "right" },
      })
    );
    const probabilityRow = at.row;
    at.row += 1;
    peakCells = [];
    axes.peakRevenues.forEach((peak, i) => {
      sheet.setAt(at.row, 2, num(n(peak)), {
        numberFormat: VALUE,
        style: { ...TOP, horizontal: "left" },
      });
      const cells: string[] = [];
      axes.probabilities.forEach((_, j) => {
        cells.push(cellAddress(at.row, 3 + j));
        gridFormulas.push({
          row: at.row,
          col: 3 + j,
          build: (w) =>
            `${A(probabilityRow, 3 + j)}*SUMPRODUCT(${w.royaltyAtPeak[i]},${forecastRange(COL.factor)})`,
          cached: n((byPeak.cells[i] as readonly Decimal[])[j] as Decimal),
          format: VALUE,
        });
      });
      (peakCells as string[][]).push(cells);
      at.row += 1;
    });
  }

  simulationSection(at, settings, simulation, width);

  const lastPrinted = at.row - 1;
  // Below the print area: the grids' workings, one scalar formula a cell.
  at.row += 2;
  const workings = writeWorkings(at, {
    years,
    forecastTop,
    pMarket,
    axes,
    firstRoyalty,
    firstMilestones,
    forecastRange,
  });
  for (const cell of gridFormulas)
    sheet.setAt(cell.row, cell.col, formula(cell.build(workings), cell.cached), {
      numberFormat: cell.format,
      style: TOP,
    });

  sheet
    .columnWidth("A", 8)
    .columnWidth("B", 28)
    .columnWidth("C", 14)
    .columnWidth("D", 13)
    .columnWidth("E", 14)
    .columnWidth("F", 13)
    .columnWidth("G", 14)
    .columnWidth("H", 13)
    .columnWidth("I", 14)
    .columnWidth("J", 14)
    .columnWidth("K", 14);
  for (let col = LAST_COLUMN + 1; col <= width; col++) sheet.columnWidth(col, 14);
  sheet.showGridlines(false).print({
    paperSize: "A4",
    orientation: "portrait",
    fitToWidth: true,
    header: { left: `Scenarios ${doc.reference}`, right: `Generated ${generated} UTC` },
    footer: { center: `NHS Data Partnership Pricing ${VERSION}` },
    // Rows absolute, as the quote's: LibreOffice otherwise prints the workings too.
    printArea: `A$1:${columnLetter(width)}$${lastPrinted}`,
  });
  const heights = sheet.build().rowHeights ?? {};
  for (let r = 1; r <= lastPrinted; r++)
    if (heights[String(r)] === undefined) sheet.rowHeight(r, DEFAULT_ROW_HEIGHT);
  const spec = sheet.build();
  const layout: ScenarioSheetLayout = {
    royalty:
      firstRoyalty === null
        ? null
        : {
            rates: (firstRoyalty as { rates: string[] }).rates,
            cap: (firstRoyalty as { cap: string }).cap,
            minimum: (firstRoyalty as { minimum: string }).minimum,
          },
    royaltyByDiscountRate: royaltyByDiscountCells,
    milestonesByDiscountRate: milestoneRowCells,
    peakRevenueByProbability: peakCells,
    mechanisms: candidates.map((candidate, i) => ({
      id: candidate.id,
      presentValue: cellAddress(comparisonTop + i, COL.presentValue),
      riskAdjusted: cellAddress(comparisonTop + i, COL.riskAdjusted),
    })),
  };
  return {
    spec: { ...spec, print: { ...spec.print, rowBreaks: rowBreaks(spec, at.keepWithNext) } },
    layout,
  };
}

/**
 * The cumulative risk-adjusted value of each mechanism at the end of each whole year, from year 0 to
 * the last payment's, and its line chart. The mechanisms' tables pay in different years (a milestone in
 * year 2.5, a subscription from year 0), so each column sums its own table's risk-adjusted values up to
 * the row's year rather than reading its Cumulative column.
 */
function cumulativeSection(
  at: Cursor,
  inputs: ScenarioInputs,
  tables: readonly { top: number; bottom: number }[]
): void {
  const { sheet } = at;
  const { candidates } = inputs;
  let lastYear = inputs.forecast.length;
  for (const candidate of candidates)
    for (const flow of cashFlows(candidate, inputs.forecast, inputs.probabilityOfReachingMarket))
      lastYear = Math.max(lastYear, Math.ceil(n(flow.year)));
  at.heading("Cumulative risk-adjusted value by year", LAST_COLUMN, 3 + CHART_ROWS);
  at.note(
    "Each mechanism's risk-adjusted present value received by the end of each year: the sum of its table's risk-adjusted values up to that year, so it follows the tables' inputs. Drawn in the chart below."
  );
  at.header(["Year", null, ...candidates.map((candidate) => candidate.id)], 1, 3);
  const top = at.row;
  for (let year = 0; year <= lastYear; year++) {
    sheet.setAt(at.row, 1, num(year), { style: { ...TOP, horizontal: "left" } });
    candidates.forEach((_, m) => {
      const table = tables[m] as { top: number; bottom: number };
      const value =
        table.bottom < table.top
          ? "0"
          : `SUMIF(${A(table.top, COL.year)}:${A(table.bottom, COL.year)},"<="&${A(at.row, 1)},${A(table.top, COL.riskAdjusted)}:${A(table.bottom, COL.riskAdjusted)})`;
      sheet.setAt(at.row, 3 + m, formula(value), { numberFormat: VALUE, style: TOP });
    });
    at.row += 1;
  }
  const bottom = at.row - 1;
  at.row += 1;
  at.keep(CHART_ROWS);
  sheet.chart({
    kind: "line",
    title: "Cumulative risk-adjusted present value by year",
    categories: `A${top}:A${bottom}`,
    series: candidates.map((candidate, m) => ({
      name: candidate.id,
      values: `${columnLetter(3 + m)}${top}:${columnLetter(3 + m)}${bottom}`,
    })),
    anchor: `A${at.row}:${columnLetter(LAST_COLUMN)}${at.row + CHART_ROWS - 1}`,
    categoryFormat: "0",
    valueFormat: VALUE,
  });
  at.row += CHART_ROWS;
}

/**
 * The manual page breaks: pagination.ts's, and also above a heading that its estimate puts at the top of
 * a page. That estimate holds a little less on a page than Excel and LibreOffice print (it keeps 3% in
 * hand), so a heading it starts a page with, or one a row or two below, may print at the foot of the
 * page before, away from its table, unless it has a break of its own.
 */
function rowBreaks(
  spec: SheetSpec,
  keepWithNext: readonly (readonly [number, number])[]
): number[] {
  const { pageStarts, breaks } = paginate(spec, keepWithNext);
  const slack = pageHeightInRows(spec) * 0.05;
  const height = (row: number) => spec.rowHeights?.[String(row)] ?? DEFAULT_ROW_HEIGHT;
  const added: number[] = [];
  for (const start of pageStarts.slice(1)) {
    let above = 0;
    for (let row = start; above < slack; row++) {
      if (keepWithNext.some(([kept]) => kept === row)) {
        added.push(row);
        break;
      }
      above += height(row);
    }
  }
  return [...new Set([...breaks, ...added])].sort((a, b) => a - b);
}

/** The Green Book's bands as the sheet shows them (discounting.ts's schedule). */
const GREEN_BOOK_BANDS = [
  { fromYear: 0, rate: 0.035 },
  { fromYear: 30, rate: 0.03 },
  { fromYear: 75, rate: 0.025 },
  { fromYear: 125, rate: 0.02 },
  { fromYear: 200, rate: 0.015 },
  { fromYear: 300, rate: 0.01 },
];

interface Workings {
  /** Per royalty rate of the first grid: the column of that royalty in each forecast year. */
  readonly royaltyAtRate: readonly string[];
  /** Per discount rate of the first grid: the column of its factor in each forecast year. */
  readonly factorAtRate: readonly string[];
  /** Per discount rate: the column of its factor at each milestone's year. */
  readonly milestoneFactorAtRate: readonly string[];
  /** Per peak revenue of the second grid: the column of the royalty offer in each year, scaled. */
  readonly royaltyAtPeak: readonly string[];
}

function writeWorkings(
  at: Cursor,
  context: {
    years: number;
    forecastTop: number;
    pMarket: string;
    axes: ScenarioInputs["sensitivity"];
    firstRoyalty: {
      thresholds: string[];
      rates: string[];
      cap: string;
      minimum: string;
      hasCap: boolean;
      hasMinimum: boolean;
      inTerm: string;
      term: string;
    } | null;
    firstMilestones: { amounts: string; probabilities: string; years: string[] } | null;
    forecastRange: (col: number) => string;
  }
): Workings {
  const { sheet } = at;
  const { years, forecastTop, axes, firstRoyalty } = context;
  const revenue = (year: number) => A(forecastTop + year - 1, COL.revenue);
  const inTermRow = (year: number) => {
    if (firstRoyalty === null) return null;
    const first = firstRoyalty.inTerm.split(":")[0] as string;
    const match = /^\$([A-Z]+)\$(\d+)$/.exec(first) as RegExpExecArray;
    return `$${match[1]}$${Number(match[2]) + year - 1}`;
  };
  const blockTitle = (title: string) => {
    sheet.setAt(at.row, 1, text(title), { style: { bold: true } });
    at.row += 1;
  };
  sheet.setAt(
    at.row,
    1,
    text(
      "Workings for the sensitivity grids (not printed): each column is one grid row or column, year by year."
    ),
    { style: { bold: true, size: 12 } }
  );
  at.row += 2;

  /** A block with the forecast years down and one column per axis value; returns each column's range. */
  const yearBlock = (
    title: string,
    values: readonly Decimal[],
    format: string,
    cell: (year: number, valueCell: string) => string
  ): string[] => {
    blockTitle(title);
    const headerRow = at.row;
    sheet.setAt(headerRow, 1, text("Year"), { style: TABLE_HEADER });
    values.forEach((value, j) =>
      sheet.setAt(headerRow, 3 + j, num(n(value)), { numberFormat: format, style: TABLE_HEADER })
    );
    at.row += 1;
    const top = at.row;
    for (let year = 1; year <= years; year++) {
      sheet.setAt(at.row, 1, formula(A(forecastTop + year - 1, COL.year)));
      values.forEach((_, j) =>
        sheet.setAt(at.row, 3 + j, formula(cell(year, A(headerRow, 3 + j))), {
          numberFormat: "#,##0.00####",
        })
      );
      at.row += 1;
    }
    at.row += 1;
    return values.map((_, j) => `${A(top, 3 + j)}:${A(top + years - 1, 3 + j)}`);
  };

  const capOf = (x: string) =>
    firstRoyalty === null
      ? x
      : [
          firstRoyalty.hasCap ? `MIN(${firstRoyalty.cap},` : "",
          x,
          firstRoyalty.hasCap ? ")" : "",
        ].join("");
  const royaltyAtRate = yearBlock(
    "Royalty in each year at each flat royalty rate (the first grid's rows)",
    axes.royaltyRates,
    RATE,
    (year, rate) => {
      const due = capOf(`${revenue(year)}*${rate}`);
      const floored =
        firstRoyalty !== null && firstRoyalty.hasMinimum
          ? `MAX(${firstRoyalty.minimum},${due})`
          : due;
      const inTerm = inTermRow(year);
      return inTerm === null ? floored : `${inTerm}*${floored}`;
    }
  );
  const factorAtRate = yearBlock(
    "Discount factor in each year at each flat discount rate (the first grid's columns)",
    axes.discountRates,
    RATE,
    (year, rate) => `1/(1+${rate})^${A(forecastTop + year - 1, COL.year)}`
  );
  let milestoneFactorAtRate: string[] = [];
  if (context.firstMilestones !== null) {
    const milestones = context.firstMilestones;
    blockTitle("Discount factor at each milestone's year at each flat discount rate");
    const headerRow = at.row;
    sheet.setAt(headerRow, 1, text("Year"), { style: TABLE_HEADER });
    axes.discountRates.forEach((value, j) =>
      sheet.setAt(headerRow, 3 + j, num(n(value)), { numberFormat: RATE, style: TABLE_HEADER })
    );
    at.row += 1;
    const top = at.row;
    for (const year of milestones.years) {
      sheet.setAt(at.row, 1, formula(year), { numberFormat: YEARS });
      axes.discountRates.forEach((_, j) =>
        sheet.setAt(at.row, 3 + j, formula(`1/(1+${A(headerRow, 3 + j)})^${year}`), {
          numberFormat: FACTOR,
        })
      );
      at.row += 1;
    }
    at.row += 1;
    milestoneFactorAtRate = axes.discountRates.map(
      (_, j) => `${A(top, 3 + j)}:${A(top + milestones.years.length - 1, 3 + j)}`
    );
  }
  let royaltyAtPeak: string[] = [];
  if (firstRoyalty !== null) {
    const peak = `MAX(${context.forecastRange(COL.revenue)})`;
    royaltyAtPeak = yearBlock(
      "The royalty offer in each year with the forecast scaled to each peak revenue (the second grid's rows)",
      axes.peakRevenues,
      VALUE,
      (year, peakCell) =>
        `${inTermRow(year)}*${royaltyFormula(`${revenue(year)}*${peakCell}/${peak}`, {
          thresholds: firstRoyalty.thresholds,
          rates: firstRoyalty.rates,
          cap: firstRoyalty.hasCap ? firstRoyalty.cap : null,
          minimum: firstRoyalty.hasMinimum ? firstRoyalty.minimum : null,
        })}`
    );
  }
  return { royaltyAtRate, factorAtRate, milestoneFactorAtRate, royaltyAtPeak };
}

function simulationSection(
  at: Cursor,
  settings: SimulationSettings,
  simulation: SimulationResult,
  width: number
): void {
  const { sheet } = at;
  at.heading(
    "Simulation: seeded results, written as values",
    width,
    9 + simulation.mechanisms.length
  );
  const line = (label: string, value: CellValueSpec, format?: string) => {
    sheet.setAt(at.row, 1, text(label), { style: { ...LABEL, wrap: true } });
    sheet.merge(`A${at.row}:B${at.row}`);
    at.fit(lineCount(label, 34));
    sheet.setAt(at.row, 3, value, {
      style: { ...TOP, horizontal: "left" },
      ...(format ? { numberFormat: format } : {}),
    });
    if (value.kind === "text") sheet.merge(`C${at.row}:${columnLetter(LAST_COLUMN)}${at.row}`);
    at.row += 1;
  };
  line("Trials", num(simulation.trials), "#,##0");
  line("Seed", num(simulation.seed), "0");
  line(
    "Milestones and reaching market",
    text(
      settings.milestoneDependence === "pipeline"
        ? "One development pipeline: a less likely stage is paid only if every likelier one is"
        : "Each drawn on its own"
    )
  );
  line("Peak revenue", text(describeDistribution(settings.peakRevenue, "£")));
  line("Launch delay", text(describeDistribution(settings.launchDelayYears, "years")));
  if (simulation.royaltyBeatsMilestones !== null) {
    const beats = simulation.royaltyBeatsMilestones;
    line(
      `${beats.royaltyId} pays more than ${beats.milestonesId} in`,
      num(beats.probability),
      "0.0%"
    );
  }
  at.row += 1;
  at.keep(3);
  at.header(["Mechanism", null, "Mean", "P10", "P50", "P90"], 1, 3);
  for (const summary of simulation.mechanisms) {
    sheet.setAt(at.row, 1, text(summary.id), { style: TOP });
    sheet.merge(`A${at.row}:B${at.row}`);
    [summary.mean, summary.p10, summary.p50, summary.p90].forEach((value, i) =>
      sheet.setAt(at.row, 3 + i, num(value), { numberFormat: VALUE, style: TOP })
    );
    at.row += 1;
  }
  at.row += 1;
  // The histogram is short: it prints whole, its title with it.
  at.keep(3 + simulation.histogramEdges.length - 1);
  sheet.setAt(
    at.row,
    1,
    text("Histogram of present values: trials in each bin, bins shared by every mechanism"),
    {
      style: LABEL,
    }
  );
  at.row += 1;
  at.header(["Bin", "From", "To", ...simulation.mechanisms.map((summary) => summary.id)], 1, 2);
  const edges = simulation.histogramEdges;
  const firstBin = at.row;
  for (let bin = 0; bin + 1 < edges.length; bin++) {
    sheet.setAt(at.row, 1, num(bin + 1), { style: { ...TOP, horizontal: "left" } });
    sheet.setAt(at.row, 2, num(edges[bin] as number), { numberFormat: VALUE, style: TOP });
    sheet.setAt(at.row, 3, num(edges[bin + 1] as number), { numberFormat: VALUE, style: TOP });
    simulation.mechanisms.forEach((summary, m) =>
      sheet.setAt(at.row, 4 + m, num(summary.histogram[bin] as number), {
        numberFormat: "#,##0",
        style: TOP,
      })
    );
    at.row += 1;
  }
  const lastBin = at.row - 1;
  if (lastBin < firstBin || simulation.mechanisms.length === 0) return;
  at.row += 1;
  at.keep(CHART_ROWS);
  sheet.chart({
    kind: "column",
    title: "Simulated present values: trials in each bin, by the bin's lower edge",
    categories: `B${firstBin}:B${lastBin}`,
    series: simulation.mechanisms.map((summary, m) => ({
      name: summary.id,
      values: `${columnLetter(4 + m)}${firstBin}:${columnLetter(4 + m)}${lastBin}`,
    })),
    anchor: `A${at.row}:${columnLetter(LAST_COLUMN)}${at.row + CHART_ROWS - 1}`,
    categoryFormat: VALUE,
    valueFormat: "#,##0",
  });
  at.row += CHART_ROWS;
}
