/**
 * The review's totals, every one a formula over the quotes table: recovery against each pool by stage
 * and by use, over or under recovery and the rate the next revision would need; the realised recovery
 * base against the forecast; the pass-through share; and the chart of recovered against pool.
 */
import type { PoolReview, StrategyReview } from "../../../core/pricing/strategyReview";
import type { Decimal } from "../../../model/decimal";
import { columnLetter } from "../../spec/a1";
import { across, type Cursor } from "../../spec/cursor";
import { formula, num, text, type CellValueSpec } from "../../spec/spec";
import { LABEL, NOTE, TABLE_HEADER } from "../../spec/styles";
import { column, type QuotesTable } from "./quotesTable";
import {
  A,
  COL,
  FIGURE,
  LAST_COLUMN,
  OVER_UNDER,
  POUNDS,
  RATE,
  REVIEW_NAMES,
  TOTAL,
  type ReviewFigure,
} from "./style";

/** Where a stated rate leaves no pool: short enough for a bold figure column. */
const STATED = "stated rate";

/** A figure as a formula's cached result: the core's figure, or the formula's text when it has none. */
const cached = (value: Decimal | null, otherwise = STATED): number | string =>
  value === null ? otherwise : value.toNumber();

/** A figure row: a label across A:B, figures in C (and D), a short explanation across the rest. */
function figureRow(
  at: Cursor,
  label: string,
  figures: readonly { value: CellValueSpec; format: string; name?: ReviewFigure }[],
  explanation: string,
  options: { total?: boolean; explainFrom?: number } = {}
): number {
  const style = options.total ? TOTAL : FIGURE;
  across(at, text(label), 1, 2, { ...(options.total ? TOTAL : LABEL), wrap: true });
  figures.forEach((figure, i) => {
    const address = at.sheet.setAt(at.row, 3 + i, figure.value, {
      numberFormat: figure.format,
      style: { ...style, horizontal: "right" },
    });
    if (figure.name !== undefined) at.sheet.defineName(REVIEW_NAMES[figure.name], address);
  });
  const from = options.explainFrom ?? 3 + figures.length;
  if (explanation !== "")
    across(at, text(explanation), from, LAST_COLUMN, { ...NOTE, horizontal: "left", indent: 1 });
  at.row += 1;
  return at.row - 1;
}

function headerRow(at: Cursor, headers: readonly string[], explanationFrom: number): void {
  across(at, text(""), 1, 2, TABLE_HEADER);
  headers.forEach((header, i) =>
    at.sheet.setAt(at.row, 3 + i, text(header), {
      style: { ...TABLE_HEADER, horizontal: "right", wrap: true },
    })
  );
  across(at, text("How it is worked out"), explanationFrom, LAST_COLUMN, {
    ...TABLE_HEADER,
    horizontal: "left",
    indent: 1,
  });
  at.fitLines(Math.max(...headers.map((header) => (header.length > 14 ? 2 : 1))));
  at.row += 1;
}

const stageSum = (table: QuotesTable, col: number, stage: string, use?: string) =>
  `SUMIFS(${column(table, col)},${column(table, COL.stage)},"${stage}"${use === undefined ? "" : `,${column(table, COL.use)},"${use}"`})`;
const realisedSum = (table: QuotesTable, col: number, use?: string) =>
  `${stageSum(table, col, "accepted", use)}+${stageSum(table, col, "issued", use)}`;

export interface PoolsAnchors {
  /** The pool and recovered cells of each pool, and the row the next revision's rates go in. */
  readonly pool: readonly [string, string];
  readonly recovered: readonly [string, string];
  readonly nextRateRow: number;
  /** The core's figures for the two pools, for the cached results. */
  readonly reviews: readonly [PoolReview, PoolReview];
}

export function poolsSection(at: Cursor, review: StrategyReview, table: QuotesTable): PoolsAnchors {
  const [fixed, capital] = review.pools as [PoolReview, PoolReview];
  at.heading("Recovery against the pools");
  headerRow(at, ["Fixed costs", "Capital costs"], 5);
  const each = (
    make: (pool: PoolReview, col: number) => CellValueSpec,
    format: string,
    name?: (pool: PoolReview) => ReviewFigure
  ) =>
    [fixed, capital].map((pool, i) => ({
      value: make(pool, COL.fixed + i),
      format,
      ...(name === undefined ? {} : { name: name(pool) }),
    }));
  figureRow(
    at,
    "Rate in the strategy",
    each((pool) => num(pool.rate.toNumber()), RATE),
    "The strategy's rate: its pool over its forecast base, to 0.01%, or a rate it states"
  );
  const annual = figureRow(
    at,
    "Annual pool",
    each(
      (pool) => (pool.annualPool === null ? text(STATED) : num(pool.annualPool.toNumber())),
      POUNDS
    ),
    "As the strategy sets it; a stated rate has no pool to recover against"
  );
  const charge = figureRow(
    at,
    "Cost of capital added",
    each((pool) => num(pool.costOfCapital.toNumber()), POUNDS),
    "Capital employed x the cost of capital, to the penny (capital pool only)"
  );
  const poolRow = at.row;
  figureRow(
    at,
    "Pool to recover in the year",
    each(
      (pool, col) =>
        pool.poolAmount === null
          ? text(STATED)
          : formula(
              `${A(annual, col - COL.fixed + 3)}+${A(charge, col - COL.fixed + 3)}`,
              cached(pool.poolAmount)
            ),
      POUNDS,
      (pool) => (pool.pool === "fixed" ? "fixedPool" : "capitalPool")
    ),
    "Annual pool + cost of capital",
    { total: true }
  );
  const stages = [
    ["accepted", "Recovered: accepted quotes", "Accepted"],
    ["issued", "Recovered: issued quotes", "Issued"],
  ] as const;
  const stageRows = stages.map(([stage, label, key]) =>
    figureRow(
      at,
      label,
      each(
        (pool, col) => formula(stageSum(table, col, stage), cached(pool.byStage[stage])),
        POUNDS,
        (pool) => `${pool.pool}${key}` as ReviewFigure
      ),
      `SUMIFS of the quotes' recoveries at stage ${stage}`
    )
  );
  const recoveredRow = figureRow(
    at,
    "Recovered in the year",
    each(
      (pool, col) =>
        formula(
          stageRows.map((row) => A(row, col - COL.fixed + 3)).join("+"),
          cached(pool.recovered)
        ),
      POUNDS,
      (pool) => `${pool.pool}Recovered` as ReviewFigure
    ),
    "Accepted + issued: drafts, declined and withdrawn quotes are not counted",
    { total: true }
  );
  for (const [use, label, key] of [
    ["commercial", "of which commercial use", "Commercial"],
    ["non-commercial", "of which non-commercial use", "NonCommercial"],
  ] as const)
    figureRow(
      at,
      label,
      each(
        (pool, col) => formula(realisedSum(table, col, use), cached(pool.byUse[use])),
        POUNDS,
        (pool) => `${pool.pool}${key}` as ReviewFigure
      ),
      `Accepted and issued quotes for ${use} use`
    );
  figureRow(
    at,
    "Over (under) recovery",
    each(
      (pool, col) => {
        const c = col - COL.fixed + 3;
        return formula(
          `IF(ISNUMBER(${A(poolRow, c)}),${A(recoveredRow, c)}-${A(poolRow, c)},"${STATED}")`,
          cached(pool.overUnder)
        );
      },
      OVER_UNDER,
      (pool) => `${pool.pool}OverUnder` as ReviewFigure
    ),
    "Recovered in the year - pool to recover: below zero, the pool was not recovered",
    { total: true }
  );
  for (const [stage, label, key] of [
    ["draft", "Not yet issued: drafts", "Draft"],
    ["declined", "Declined quotes", "Declined"],
    ["withdrawn", "Withdrawn quotes", "Withdrawn"],
  ] as const)
    figureRow(
      at,
      label,
      each(
        (pool, col) => formula(stageSum(table, col, stage), cached(pool.byStage[stage])),
        POUNDS,
        (pool) => `${pool.pool}${key}` as ReviewFigure
      ),
      "Shown apart, not in the year's recovery"
    );
  const nextRateRow = at.row;
  at.row += 1;
  return {
    pool: [A(poolRow, 3), A(poolRow, 4)],
    recovered: [A(recoveredRow, 3), A(recoveredRow, 4)],
    nextRateRow,
    reviews: [fixed, capital],
  };
}

const NO_BASE = "no realised base";

/** The rate each pool would need next year: pool / realised base, to 0.01%. Written once the base is. */
export function nextRates(at: Cursor, pools: PoolsAnchors, realised: string): void {
  const keep = at.row;
  at.row = pools.nextRateRow;
  figureRow(
    at,
    "Rate the next revision would need",
    pools.pool.map((pool, i) => ({
      value: formula(
        `IF(ISNUMBER(${pool}),IF(${realised}>0,ROUND(${pool}/${realised},4),"${NO_BASE}"),"${STATED}")`,
        cached(
          pools.reviews[i]?.nextRate ?? null,
          pools.reviews[i]?.poolAmount === null ? STATED : NO_BASE
        )
      ),
      format: RATE,
      name: (i === 0 ? "fixedNextRate" : "capitalNextRate") as ReviewFigure,
    })),
    "Pool to recover / realised recovery base (below), to 0.01%",
    { total: true }
  );
  at.row = keep;
}

export function baseSection(at: Cursor, review: StrategyReview, table: QuotesTable): string {
  const { base } = review;
  at.heading("Recovery base: forecast against realised");
  headerRow(at, ["Forecast", "Realised", "Difference"], 6);
  const row = (
    label: string,
    forecast: CellValueSpec,
    realised: CellValueSpec,
    difference: Decimal,
    names: [ReviewFigure, ReviewFigure],
    explanation: string,
    total = false
  ) => {
    const r = at.row;
    figureRow(
      at,
      label,
      [
        { value: forecast, format: POUNDS, name: names[0] },
        { value: realised, format: POUNDS, name: names[1] },
        { value: formula(`${A(r, 4)}-${A(r, 3)}`, cached(difference)), format: OVER_UNDER },
      ],
      explanation,
      { total }
    );
    return r;
  };
  const commercial = row(
    "Commercial full cost",
    num(base.forecastCommercialFullCost.toNumber()),
    formula(
      realisedSum(table, COL.recoveryBase, "commercial"),
      cached(base.realisedCommercialFullCost)
    ),
    base.realisedCommercialFullCost.minus(base.forecastCommercialFullCost),
    ["forecastCommercial", "realisedCommercial"],
    "Recovery base of accepted and issued commercial quotes"
  );
  const nonCommercial = row(
    "Non-commercial marginal cost",
    num(base.forecastNonCommercialMarginalCost.toNumber()),
    formula(
      realisedSum(table, COL.recoveryBase, "non-commercial"),
      cached(base.realisedNonCommercialMarginalCost)
    ),
    base.realisedNonCommercialMarginalCost.minus(base.forecastNonCommercialMarginalCost),
    ["forecastNonCommercial", "realisedNonCommercial"],
    "Recovery base of accepted and issued non-commercial quotes"
  );
  const total = row(
    "Recovery base",
    formula(`${A(commercial, 3)}+${A(nonCommercial, 3)}`, cached(base.forecast)),
    formula(`${A(commercial, 4)}+${A(nonCommercial, 4)}`, cached(base.realised)),
    base.difference,
    ["forecast", "realised"],
    "What the recovery rates multiplied",
    true
  );
  at.sheet.defineName(REVIEW_NAMES.baseDifference, A(total, 5));
  return A(total, 4);
}

export function passThroughSection(at: Cursor, review: StrategyReview, table: QuotesTable): void {
  at.heading("Pass-through charges");
  const charged = figureRow(
    at,
    "Pass-through charged",
    [
      {
        value: formula(realisedSum(table, COL.passThrough), cached(review.passThrough.charged)),
        format: POUNDS,
        name: "passThroughCharged",
      },
    ],
    "Published charges passed on at their price, accepted and issued quotes",
    { explainFrom: 5 }
  );
  const lines = figureRow(
    at,
    "Lines charged",
    [
      {
        value: formula(
          realisedSum(table, COL.linesCharged),
          cached(review.passThrough.linesCharged)
        ),
        format: POUNDS,
        name: "linesCharged",
      },
    ],
    "Every cost line as charged, accepted and issued quotes",
    { explainFrom: 5 }
  );
  figureRow(
    at,
    "Pass-through share",
    [
      {
        value: formula(
          `IF(${A(lines, 3)}>0,ROUND(${A(charged, 3)}/${A(lines, 3)},4),"nothing charged")`,
          cached(review.passThrough.share, "nothing charged")
        ),
        format: RATE,
        name: "passThroughShare",
      },
    ],
    `Pass-through charged / lines charged, to 0.01%; the strategy keeps them ${review.passThroughInBase ? "in" : "out of"} its recovery base`,
    { total: true, explainFrom: 5 }
  );
}

/** Rows a chart beside its small table covers. */
const CHART_ROWS = 16;

export function chartSection(at: Cursor, pools: PoolsAnchors): void {
  at.heading("Recovered against pool");
  const header = at.row;
  across(at, text(""), 1, 2, TABLE_HEADER);
  at.sheet.setAt(at.row, 3, text("Recovered"), { style: { ...TABLE_HEADER, horizontal: "right" } });
  at.sheet.setAt(at.row, 4, text("Pool"), { style: { ...TABLE_HEADER, horizontal: "right" } });
  at.row += 1;
  const first = at.row;
  ["Fixed costs", "Capital costs"].forEach((label, i) => {
    across(at, text(label), 1, 2, LABEL);
    const pool = pools.reviews[i] as PoolReview;
    at.sheet.setAt(at.row, 3, formula(pools.recovered[i] as string, cached(pool.recovered)), {
      numberFormat: POUNDS,
      style: { ...FIGURE, horizontal: "right" },
    });
    at.sheet.setAt(at.row, 4, formula(pools.pool[i] as string, cached(pool.poolAmount)), {
      numberFormat: POUNDS,
      style: { ...FIGURE, horizontal: "right" },
    });
    at.row += 1;
  });
  const last = at.row - 1;
  at.sheet.chart({
    kind: "bar",
    title: "Recovered in the year (accepted and issued) against the pool",
    categories: `A${first}:A${last}`,
    series: [
      { name: "Recovered", values: `C${first}:C${last}` },
      { name: "Pool to recover", values: `D${first}:D${last}` },
    ],
    anchor: `E${header}:${columnLetter(LAST_COLUMN)}${header + CHART_ROWS - 1}`,
    valueFormat: "[$£-809]#,##0",
    valueAxisTitle: "Pounds",
  });
  at.row = header + CHART_ROWS;
}

/** What to look at before the next revision: exceptions, overdue reviews, documents left out. */
export function notesSection(at: Cursor, review: StrategyReview): void {
  at.heading("To look at before the next revision");
  const lines: string[] = [];
  for (const exception of review.exceptions)
    lines.push(`${exception.reference}: ${exception.message}.`);
  for (const overdue of review.overdueReviews)
    lines.push(
      `${overdue.reference}: its review was due on ${overdue.reviewDate}, before ${review.asOf}.`
    );
  for (const pool of review.pools)
    if (pool.note !== undefined)
      lines.push(`${pool.pool === "fixed" ? "Fixed" : "Capital"} costs: ${pool.note}.`);
  if (review.base.shortfallNote !== undefined)
    lines.push(`Recovery base: ${review.base.shortfallNote}.`);
  if (review.outsideYear.length > 0)
    lines.push(
      `Dated outside ${review.year.label}, not counted: ${review.outsideYear.join(", ")}.`
    );
  if (review.otherStrategy.length > 0)
    lines.push(`Priced under another strategy, not counted: ${review.otherStrategy.join(", ")}.`);
  if (lines.length === 0)
    lines.push("Nothing: every quote is of this revision and within its dates.");
  for (const line of lines) {
    across(at, text(line), 1, LAST_COLUMN, { wrap: true, vertical: "top" });
    at.row += 1;
  }
}
