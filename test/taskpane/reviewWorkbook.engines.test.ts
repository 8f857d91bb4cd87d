/**
 * The strategy review the pane downloads, recalculated by HyperFormula: every named total on the sheet
 * (a SUMIFS over the quotes table, written with no cached value, so a number read back can only be the
 * engine's) equals the core's figure for the documents the pane reviewed. LibreOffice recalculates the
 * same sheet, from nhsdp review -o, in test/cli/review.engines.test.ts; here what is at stake is that
 * the pane's documents (the workspace's, the invalid one left out) are the ones the totals add up.
 *
 * Worked by hand (test/core/strategyReview.test.ts for each quote's figures): the study accepted,
 * fixed 3,639.00 and capital 1,746.72 on a base of 29,112.00; the imaging quote issued, fixed 7,773.44
 * and capital 3,731.25 on a base of 62,187.53. Both realised: fixed 3,639.00 + 7,773.44 = 11,412.44,
 * capital 1,746.72 + 3,731.25 = 5,477.97, base 29,112.00 + 62,187.53 = 91,299.53; the fixed pool of
 * 150,000.00 under-recovered by 150,000.00 - 11,412.44 = 138,587.56.
 */
import type Decimal from "decimal.js";
import { reviewWorkbookFromWorkspace } from "../../src/addin/reviewWorkbook";
import type { StrategyReview } from "../../src/core/pricing/strategyReview";
import { REVIEW_NAMES } from "../../src/workbook/layouts/review/reviewSheet";
import { exampleStrategy, readJson } from "../document/fixtures";
import { evaluateXlsxWithHyperFormula } from "../support/hyperformula";

type Json = Record<string, unknown> & { quote: Record<string, unknown> };

/** The core's figure behind each named cell. */
function coreFigures(review: StrategyReview): Record<keyof typeof REVIEW_NAMES, number | null> {
  const n = (value: Decimal | null) => (value === null ? null : value.toNumber());
  const [fixed, capital] = review.pools;
  const pool = (p: NonNullable<typeof fixed>) => ({
    Pool: n(p.poolAmount),
    Accepted: n(p.byStage.accepted),
    Issued: n(p.byStage.issued),
    Draft: n(p.byStage.draft),
    Declined: n(p.byStage.declined),
    Withdrawn: n(p.byStage.withdrawn),
    Recovered: n(p.recovered),
    Commercial: n(p.byUse.commercial),
    NonCommercial: n(p.byUse["non-commercial"]),
    OverUnder: n(p.overUnder),
    NextRate: n(p.nextRate),
  });
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(pool(fixed!))) out[`fixed${key}`] = value;
  for (const [key, value] of Object.entries(pool(capital!))) out[`capital${key}`] = value;
  const base = review.base;
  Object.assign(out, {
    forecastCommercial: n(base.forecastCommercialFullCost),
    forecastNonCommercial: n(base.forecastNonCommercialMarginalCost),
    forecast: n(base.forecast),
    realisedCommercial: n(base.realisedCommercialFullCost),
    realisedNonCommercial: n(base.realisedNonCommercialMarginalCost),
    realised: n(base.realised),
    baseDifference: n(base.difference),
    passThroughCharged: n(review.passThrough.charged),
    linesCharged: n(review.passThrough.linesCharged),
    passThroughShare: n(review.passThrough.share),
  });
  return out as Record<keyof typeof REVIEW_NAMES, number | null>;
}

it("the downloaded review's totals, recalculated, are the core's for the workspace's valid documents", async () => {
  const accepted = readJson("academic-sde-study.json") as Json;
  Object.assign(accepted.quote, {
    stage: "accepted",
    issuedOn: "2025-05-12",
    acceptedOn: "2025-06-01",
  });
  // The stage's dates missing: not a valid document, left out of the totals.
  const broken = readJson("academic-sde-study.json") as Json;
  broken.reference = "DP-BROKEN";
  broken.quote.stage = "accepted";
  const outcome = await reviewWorkbookFromWorkspace({
    strategy: exampleStrategy("R9X"),
    partnerships: [
      { document: accepted },
      { document: readJson("commercial-imaging-ai.json") },
      { document: broken },
    ],
    generatedAt: new Date("2026-04-30T10:00:00Z"),
  });
  if (!outcome.ok) throw new Error(outcome.message);

  const names = Object.values(REVIEW_NAMES);
  const computed = await evaluateXlsxWithHyperFormula(outcome.bytes, "Strategy review", names);
  const expected = coreFigures(outcome.review);
  // Money to the penny, rates to 0.01% (4 decimal places); HyperFormula sums in binary floating point.
  const rounded = (value: unknown, places: number) =>
    typeof value === "number" ? Number(value.toFixed(places)) : value;
  for (const [key, name] of Object.entries(REVIEW_NAMES) as [keyof typeof REVIEW_NAMES, string][]) {
    const places = /NextRate|Share/.test(key) ? 4 : 2;
    const want = expected[key];
    // A figure the core has none of (a next rate without a realised base) is blank on the sheet.
    expect([key, rounded(computed[name], places)]).toEqual([key, want === null ? "" : want]);
  }
  // And by hand.
  expect(computed[REVIEW_NAMES.fixedRecovered]).toBeCloseTo(11412.44, 6);
  expect(computed[REVIEW_NAMES.capitalRecovered]).toBeCloseTo(5477.97, 6);
  expect(computed[REVIEW_NAMES.realised]).toBeCloseTo(91299.53, 6);
  expect(computed[REVIEW_NAMES.fixedOverUnder]).toBeCloseTo(-138587.56, 6);
});
