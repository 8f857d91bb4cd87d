/**
 * The fair share: the NHS's contribution to the product scored and weighed (the data's six
 * characteristics, its intended use, the expertise and the risk the NHS brings), the share of the
 * product's risk-adjusted profit it warrants, that share as a royalty rate, a milestone package and a
 * fixed sum, and where the terms on the table fall. Scores, weights, the margin and the share at full
 * contribution are inputs; every other figure is a formula over them and the assumptions above.
 */
import type { FairShare } from "../../../../core/scenarios";
import { absoluteAddress } from "../../../spec/a1";
import type { Cursor } from "../../../spec/cursor";
import { formula, num, text, type CellValueSpec } from "../../../spec/spec";
import { formulaStringLiteral } from "../../../spec/safeText";
import { LABEL, TOP, WRAPPED } from "../../../spec/styles";
import { header, input, label, note } from "../rows";
import { COL, FIGURE, FIGURE_HEIGHT, INPUT, LAST_COLUMN, RATE, TOTAL, VALUE, n } from "../style";
import { forecastRange, type AssumptionAnchors } from "./assumptions";
import { BESIDE_ROWS } from "./charts";
import { royaltyRevenueFormula } from "./breakeven";
import type { FirstOffers } from "./mechanism";

/** Where the chart of the range and the offer reads its three bars. */
export interface FairShareAnchors {
  /** The first row the chart beside the bars' rows covers. */
  readonly headerRow: number;
  readonly lastColumn: number;
  /** The chart's rows: "Fair share, low", "Fair share, high", "The terms on the table". */
  readonly top: number;
  readonly bottom: number;
  /** The cells a test reads, by name. */
  readonly cells: Readonly<Record<string, string>>;
}

type Side = "low" | "high";

const FACTOR_LABELS = {
  data: "The data's six characteristics (share high)",
  intendedUse: "The intended use of the data",
  expertise: "Expertise the NHS supplies",
  riskAndInvestment: "Risks and investment the NHS bears",
} as const;

/** A label in A:B, its row fitted to the text, and a value in `col`; returns the value's address. */
function figureRow(
  at: Cursor,
  name: string,
  col: number,
  value: CellValueSpec,
  numberFormat: string,
  style = TOP
): string {
  at.sheet.setAt(at.row, 1, text(name), { style: { ...LABEL, ...WRAPPED } });
  at.sheet.merge(`A${at.row}:B${at.row}`);
  at.fitText(name, 1, 2);
  return absoluteAddress(at.sheet.setAt(at.row, col, value, { numberFormat, style }));
}

export function fairShareSection(
  at: Cursor,
  share: FairShare,
  context: {
    readonly assumptions: AssumptionAnchors;
    readonly offers: FirstOffers;
    /**
     * The risk-adjusted value cells of the document's own terms in the comparison; null when the
     * comparison leaves them out, and the sheet gives their value.
     */
    readonly documentTerms: readonly string[] | null;
    /** Whether the weights are the trust's policy's (else the defaults). */
    readonly byPolicy: boolean;
  }
): FairShareAnchors {
  const { sheet } = at;
  const { assumptions, offers } = context;
  at.heading("Fair share of the product's value", LAST_COLUMN, 10);
  note(
    at,
    `The guide values data by its contribution to the foreground IP (its characteristics and intended use) and asks that commercial gains be allocated by contributions, roles, risks and investment. Each factor is scored 0 to 1 and weighed ${context.byPolicy ? "as the trust's value-sharing policy says" : "by the default weights, a starting point rather than a standard (give the trust's strategy to use its policy)"}; the contribution scales the share of the product's risk-adjusted profit that a full contribution warrants.`
  );
  header(at, ["Factor", null, "Score", "Weight", "Weighed"], 1, 3);
  const firstFactor = at.row;
  for (const [key, name] of Object.entries(FACTOR_LABELS) as [
    keyof typeof FACTOR_LABELS,
    string,
  ][]) {
    const factor = share.factors[key];
    figureRow(at, name, 3, num(n(factor.score)), RATE, INPUT);
    sheet.setAt(at.row, 4, num(n(factor.weight)), { numberFormat: RATE, style: INPUT });
    sheet.setAt(at.row, 5, formula(`C${at.row}*D${at.row}`, n(factor.score.times(factor.weight))), {
      numberFormat: RATE,
      style: TOP,
    });
    at.skip();
  }
  const lastFactor = at.row - 1;
  const weights = `D${firstFactor}:D${lastFactor}`;
  sheet.setAt(at.row, 1, text("Contribution"), { style: TOTAL });
  sheet.merge(`A${at.row}:B${at.row}`);
  sheet.setAt(at.row, 4, formula(`SUM(${weights})`, 1), { numberFormat: RATE, style: TOTAL });
  const contribution = absoluteAddress(
    sheet.setAt(at.row, 5, formula(`SUM(E${firstFactor}:E${lastFactor})`, n(share.contribution)), {
      numberFormat: RATE,
      style: TOTAL,
    })
  );
  at.skip(2);

  const margin = input(
    at,
    "Product's profit margin",
    num(n(share.profitMargin)),
    { numberFormat: RATE, style: INPUT },
    "the product's profit as a share of its revenue, so that its value is read as profit"
  );
  const fullLow = input(
    at,
    "Share at full contribution: low",
    num(n(share.shareAtFullContribution.low)),
    { numberFormat: RATE, style: INPUT },
    "of the product's risk-adjusted profit, when the NHS contributes fully on every factor"
  );
  const fullHigh = input(
    at,
    "Share at full contribution: high",
    num(n(share.shareAtFullContribution.high)),
    { numberFormat: RATE, style: INPUT },
    "the top of the range; licensing's rule of thumb gives a licensor about a quarter of the profit"
  );
  at.skip();

  const revenue = forecastRange(assumptions.forecast, COL.revenue);
  const factors = forecastRange(assumptions.forecast, COL.factor);
  const pMarket = assumptions.probabilityOfReachingMarket;
  const product = figureRow(
    at,
    "The product's risk-adjusted profit today",
    5,
    formula(`${margin}*${pMarket}*SUMPRODUCT(${revenue},${factors})`, n(share.productValue)),
    VALUE
  );
  at.skip();
  header(at, ["", null, null, "Low", "High"], 1, 3);
  /** A row of the range, its low end in D and its high end in E, each `build(side)`. */
  const pair = (
    name: string,
    build: (side: Side) => string,
    cached: Readonly<Record<Side, number>>,
    format: string
  ): Record<Side, string> => {
    at.sheet.setAt(at.row, 1, text(name), { style: { ...LABEL, ...WRAPPED } });
    at.sheet.merge(`A${at.row}:C${at.row}`);
    at.fitText(name, 1, 3);
    const cell = (side: Side, col: number) =>
      absoluteAddress(
        sheet.setAt(at.row, col, formula(build(side), cached[side]), {
          numberFormat: format,
          style: TOP,
        })
      );
    const ends = { low: cell("low", 4), high: cell("high", 5) };
    at.skip();
    return ends;
  };
  const fullShare = { low: fullLow, high: fullHigh };
  const shareCells = pair(
    "Share of the product's profit",
    (side) => `${contribution}*${fullShare[side]}`,
    { low: n(share.share.low), high: n(share.share.high) },
    RATE
  );
  const valueCells = pair(
    "Worth to the NHS today",
    (side) => `${shareCells[side]}*${product}`,
    { low: n(share.value.low), high: n(share.value.high) },
    VALUE
  );
  const royaltyBase = royaltyRevenueFormula(assumptions, offers);
  const royalty =
    share.royaltyRate === null
      ? null
      : pair(
          `As a flat royalty rate (${offers.royalty === null ? "every year of the forecast" : `over ${offers.royalty.candidate.id}'s term`})`,
          (side) => `${valueCells[side]}/(${royaltyBase})`,
          { low: n(share.royaltyRate.low), high: n(share.royaltyRate.high) },
          "0.00%"
        );
  const milestoneOffer = offers.milestones;
  if (share.milestones !== null && milestoneOffer !== null)
    pair(
      `As milestones like ${milestoneOffer.candidate.id}'s, in all`,
      (side) =>
        `${valueCells[side]}/${milestoneOffer.riskAdjusted}*SUM(${milestoneOffer.payments.amounts})`,
      { low: n(share.milestones.total.low), high: n(share.milestones.total.high) },
      VALUE
    );
  pair(
    "As a fixed sum on signature",
    (side) => valueCells[side],
    { low: n(share.fixedSum.low), high: n(share.fixedSum.high) },
    VALUE
  );
  // The chart's three bars: the range's ends and the offer, in pounds today; they and the chart beside
  // them print on one page, with the blank row above them, so that a page never starts with the
  // chart's first row (LibreOffice then prints the chart's words on the page before too).
  at.keep(BESIDE_ROWS + 2);
  at.skip();
  const top = at.row;
  figureRow(at, "Fair share, low", 3, formula(valueCells.low, n(share.value.low)), VALUE);
  at.skip();
  figureRow(at, "Fair share, high", 3, formula(valueCells.high, n(share.value.high)), VALUE);
  at.skip();
  const terms = context.documentTerms;
  const offer = figureRow(
    at,
    "The terms on the table",
    3,
    terms === null
      ? num(n(share.offer.value))
      : formula(terms.length === 0 ? "0" : `SUM(${terms.join(",")})`, n(share.offer.value)),
    VALUE,
    FIGURE
  );
  sheet.rowHeight(at.row, FIGURE_HEIGHT);
  const bottom = at.row;
  at.skip();
  const where = `IF(${offer}<${valueCells.low},${formulaStringLiteral("below the range")},IF(${offer}>${valueCells.high},${formulaStringLiteral("above the range")},${formulaStringLiteral("within the range")}))`;
  label(at, "Where the terms fall");
  const position = absoluteAddress(
    sheet.setAt(at.row, 3, formula(where, `${share.offer.position} the range`), {
      style: { ...TOP, bold: true },
    })
  );
  at.skip();
  label(at, "The terms' share of the product's profit");
  const offerShare = absoluteAddress(
    sheet.setAt(
      at.row,
      3,
      formula(
        `IF(${product}=0,"",${offer}/${product})`,
        share.offer.share === null ? "" : n(share.offer.share)
      ),
      { numberFormat: RATE, style: TOP }
    )
  );
  at.skip();
  return {
    // The chart sits beside its three bars' rows, and on down beside the rows below them.
    headerRow: top,
    lastColumn: 5,
    top,
    bottom,
    cells: {
      contribution,
      productValue: product,
      shareLow: shareCells.low,
      shareHigh: shareCells.high,
      valueLow: valueCells.low,
      valueHigh: valueCells.high,
      ...(royalty === null ? {} : { royaltyLow: royalty.low, royaltyHigh: royalty.high }),
      offer,
      offerShare,
      position,
    },
  };
}
