/**
 * The review of a pricing strategy over its year (CIDC guide, chapter 6), over the examples. The quotes'
 * recovery amounts are worked by hand in quote.test.ts:
 *   academic-sde-study.json     Northvale, non-commercial, draft,  2025-05-12: base 29,112.00 (of which
 *                               pass-through 18,402.00), fixed 3,639.00, capital 1,746.72
 *   commercial-imaging-ai.json  Northvale, commercial, issued, 2025-06-02: base 62,187.53 (of which
 *                               pass-through 16,992.00), fixed 7,773.44, capital 3,731.25
 *   commercial-rwe-milestones   Westbridge, commercial, draft: fixed 4,529.21, capital 3,623.37
 *   sme-subscription.json       Eastmere, commercial, draft: fixed 444.13, capital 0.00
 */
import {
  financialYear,
  reviewStrategy,
  yearContaining,
} from "../../src/core/pricing/strategyReview";
import type { Partnership } from "../../src/document/schema";
import { EXAMPLE_FILES, example, exampleStrategy } from "../document/fixtures";

const all = (): Partnership[] => EXAMPLE_FILES.map((file) => example(file));
const pounds = (value: { toFixed: (places: number) => string } | null) =>
  value === null ? null : value.toFixed(2);

describe("Northvale's strategy, 2025/26, over the four examples", () => {
  const review = reviewStrategy(exampleStrategy("R9X"), all(), { asOf: "2026-12-02" });

  test("the year is the one containing effectiveFrom (2025-04-01), and only Northvale's quotes count", () => {
    expect(review.year).toEqual({ label: "2025/26", start: "2025-04-01", end: "2026-03-31" });
    expect(review.quotes.map((quote) => quote.reference)).toEqual(["DP-2025-007", "DP-2025-011"]);
    expect(review.otherStrategy).toEqual(["DP-2025-015", "DP-2025-019"]);
  });

  test("fixed pool: 7,773.44 recovered (issued) against 150,000.00; the draft's 3,639.00 shown apart", () => {
    const fixed = review.pools[0]!;
    expect(fixed.basis).toBe("pool");
    expect(pounds(fixed.poolAmount)).toBe("150000.00");
    expect(pounds(fixed.byStage.issued)).toBe("7773.44");
    expect(pounds(fixed.byStage.draft)).toBe("3639.00");
    expect(pounds(fixed.byStage.accepted)).toBe("0.00");
    expect(pounds(fixed.recovered)).toBe("7773.44");
    expect(pounds(fixed.byUse.commercial)).toBe("7773.44");
    expect(pounds(fixed.byUse["non-commercial"])).toBe("0.00");
    // 7,773.44 - 150,000.00 = -142,226.56: under-recovered
    expect(pounds(fixed.overUnder)).toBe("-142226.56");
    // 150,000 / 62,187.53 = 2.41205913... -> 2.4121 (241.21%)
    expect(fixed.nextRate?.toString()).toBe("2.4121");
  });

  test("capital pool: 61,500 + 3.5% x 300,000 = 72,000.00, recovered 3,731.25", () => {
    const capital = review.pools[1]!;
    expect(pounds(capital.annualPool)).toBe("61500.00");
    expect(pounds(capital.costOfCapital)).toBe("10500.00");
    expect(pounds(capital.poolAmount)).toBe("72000.00");
    expect(pounds(capital.recovered)).toBe("3731.25");
    expect(pounds(capital.byStage.draft)).toBe("1746.72");
    // 3,731.25 - 72,000.00 = -68,268.75
    expect(pounds(capital.overUnder)).toBe("-68268.75");
    // 72,000 / 62,187.53 = 1.15778838... -> 1.1578
    expect(capital.nextRate?.toString()).toBe("1.1578");
  });

  test("the realised base against the forecast of 840,000 + 360,000 = 1,200,000", () => {
    expect(pounds(review.base.forecast)).toBe("1200000.00");
    expect(pounds(review.base.realisedCommercialFullCost)).toBe("62187.53");
    expect(pounds(review.base.realisedNonCommercialMarginalCost)).toBe("0.00");
    expect(pounds(review.base.realised)).toBe("62187.53");
    // 62,187.53 - 1,200,000 = -1,137,812.47
    expect(pounds(review.base.difference)).toBe("-1137812.47");
  });

  test("pass-through share: 16,992.00 / 62,187.53 = 0.27323... -> 0.2732", () => {
    expect(pounds(review.passThrough.charged)).toBe("16992.00");
    expect(pounds(review.passThrough.linesCharged)).toBe("62187.53");
    expect(review.passThrough.share?.toString()).toBe("0.2732");
  });

  test("no exception; the academic study's review (2026-12-01) is overdue on 2026-12-02", () => {
    expect(review.exceptions).toEqual([]);
    expect(review.overdueReviews).toEqual([{ reference: "DP-2025-007", reviewDate: "2026-12-01" }]);
  });
});

describe("stages, revisions and dates", () => {
  const strategy = exampleStrategy("R9X");
  const imaging = example("commercial-imaging-ai.json");
  const academic = example("academic-sde-study.json");
  const variant = (
    doc: Partnership,
    reference: string,
    quote: object,
    revision = 3
  ): Partnership => ({
    ...doc,
    reference,
    quote: { ...doc.quote, ...quote } as Partnership["quote"],
    pricing: { ...doc.pricing, strategy: { id: strategy.id, revision } },
  });
  const docs = [
    variant(imaging, "ACCEPTED", { stage: "accepted", acceptedOn: "2025-06-20" }),
    variant(academic, "ACADEMIC-ACCEPTED", {
      stage: "accepted",
      issuedOn: "2025-05-12",
      acceptedOn: "2025-05-30",
    }),
    variant(imaging, "DECLINED", { stage: "declined", declinedOn: "2025-07-01" }),
    variant(academic, "WITHDRAWN", { stage: "withdrawn", withdrawnOn: "2025-06-01" }, 2),
    variant(imaging, "OLD", { date: "2025-03-31" }),
    variant(imaging, "LATE", { date: "2026-04-01" }),
  ];
  const review = reviewStrategy(strategy, docs, { year: "2025/26", asOf: "2025-01-01" });

  test("declined and withdrawn are counted apart, not in the recovered totals", () => {
    const fixed = review.pools[0]!;
    // accepted: 7,773.44 + 3,639.00 = 11,412.44
    expect(pounds(fixed.byStage.accepted)).toBe("11412.44");
    expect(pounds(fixed.byStage.declined)).toBe("7773.44");
    expect(pounds(fixed.byStage.withdrawn)).toBe("3639.00");
    expect(pounds(fixed.recovered)).toBe("11412.44");
    expect(pounds(fixed.byUse["non-commercial"])).toBe("3639.00");
    // base 62,187.53 + 29,112.00 = 91,299.53; 150,000 / 91,299.53 = 1.64294... -> 1.6429
    expect(pounds(review.base.realised)).toBe("91299.53");
    expect(pounds(review.base.realisedNonCommercialMarginalCost)).toBe("29112.00");
    expect(fixed.nextRate?.toString()).toBe("1.6429");
    // 72,000 / 91,299.53 = 0.78861... -> 0.7886
    expect(review.pools[1]!.nextRate?.toString()).toBe("0.7886");
    // (16,992 + 18,402) / 91,299.53 = 0.38766... -> 0.3877
    expect(review.passThrough.share?.toString()).toBe("0.3877");
  });

  test("a quote dated outside the year is left out, and one outside the strategy's dates is named", () => {
    expect(review.outsideYear).toEqual(["OLD", "LATE"]);
    expect(review.exceptions.map((e) => [e.reference, e.reason])).toEqual([
      ["WITHDRAWN", "older revision"],
      ["OLD", "before effectiveFrom"],
      ["LATE", "after reviewBy"],
    ]);
  });
});

describe("a strategy that states a rate sets no pool", () => {
  test("Westbridge: the fixed rate is stated (10%); capital pool 56,000 with nothing realised", () => {
    const review = reviewStrategy(exampleStrategy("RWB"), all(), { asOf: "2026-01-01" });
    expect(review.year.label).toBe("2025/26");
    const [fixed, capital] = review.pools;
    expect(fixed!.basis).toBe("stated rate");
    expect(fixed!.poolAmount).toBeNull();
    expect(fixed!.overUnder).toBeNull();
    expect(fixed!.note).toMatch(/sets no pool/);
    expect(pounds(fixed!.byStage.draft)).toBe("4529.21");
    expect(pounds(capital!.poolAmount)).toBe("56000.00");
    expect(pounds(capital!.overUnder)).toBe("-56000.00");
    // nothing accepted or issued: no realised base, no next rate, no pass-through share
    expect(capital!.nextRate).toBeNull();
    expect(review.passThrough.share).toBeNull();
  });

  test("Eastmere: fixed pool 45,000, capital rate stated at 0%", () => {
    const review = reviewStrategy(exampleStrategy("RE8"), all(), { asOf: "2026-01-01" });
    expect(review.quotes.map((quote) => quote.reference)).toEqual(["DP-2025-019"]);
    expect(pounds(review.pools[0]!.poolAmount)).toBe("45000.00");
    expect(pounds(review.pools[0]!.byStage.draft)).toBe("444.13");
    expect(review.pools[1]!.basis).toBe("stated rate");
  });
});

describe("financial years", () => {
  test("2025/26 runs 1 April 2025 to 31 March 2026; a day's year", () => {
    expect(financialYear("2025/26")).toEqual({
      label: "2025/26",
      start: "2025-04-01",
      end: "2026-03-31",
    });
    expect(yearContaining("2026-03-31").label).toBe("2025/26");
    expect(yearContaining("2026-04-01").label).toBe("2026/27");
    expect(financialYear("2099/00").end).toBe("2100-03-31");
  });
  test.each(["2025", "2025/27", "25/26", "2025-26"])("%s is refused", (year) => {
    expect(() => financialYear(year)).toThrow(/financial year written like 2025\/26/);
  });
});

describe("a realised base well short of the forecast is pointed out", () => {
  const northvale = exampleStrategy("R9X");
  const imaging = example("commercial-imaging-ai.json");

  test("62,187.53 of 1,200,000 forecast is 5.18%: the note says so", () => {
    // 62,187.53 / 1,200,000 = 0.0518229... -> 5.18%
    const review = reviewStrategy(northvale, [imaging], { asOf: "2026-04-30" });
    expect(review.base.shortfallNote).toMatch(
      /^the realised recovery base is 5\.18% of the forecast; .*check the register for missing partnerships/
    );
  });

  test("a forecast the year's quotes reach (at least 90%) gives no note", () => {
    // A forecast of 62,187.53 / 0.9 = 69,097.26...: 62,187.53 is just over 90% of 69,097.25.
    const reachable = {
      ...northvale,
      recoveryBase: {
        ...northvale.recoveryBase,
        commercialFullCost: 69097.25,
        nonCommercialMarginalCost: 0,
      },
    };
    const review = reviewStrategy(reachable, [imaging], { asOf: "2026-04-30" });
    expect(review.base.shortfallNote).toBeUndefined();
    // And just under 90%: a forecast of 69,097.27 -> 62,187.53 / 69,097.27 = 0.899999...
    const short = {
      ...reachable,
      recoveryBase: { ...reachable.recoveryBase, commercialFullCost: 69097.27 },
    };
    expect(reviewStrategy(short, [imaging], { asOf: "2026-04-30" }).base.shortfallNote).toMatch(
      /is 90% of the forecast/
    );
  });
});
