/**
 * The trust's pricing strategy as the rates a quote uses (src/core/pricing/strategy.ts): rates derived from a
 * pool and a base (pool / base to 0.01%) or stated, copying them into a partnership, saying which
 * rates of a partnership differ, and describing a strategy in a few lines. Worked by hand on the three
 * example strategies (examples/strategies/).
 */
import { priceQuote } from "../../src/core/pricing/quote";
import {
  describeStrategy,
  rateDifferences,
  recoveryRate,
  strategyRates,
  withStrategyRates,
} from "../../src/core/pricing/strategy";
import { parseStrategy } from "../../src/document/parse";
import type { Partnership, PricingStrategy } from "../../src/document";
import { clean, cleanStrategy, example, readJson } from "../document/fixtures";

function strategy(name: "northvale" | "westbridge" | "eastmere"): PricingStrategy {
  const parsed = parseStrategy(readJson(`strategies/${name}-pricing-strategy.json`));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.document;
}

const asStrings = (rates: ReturnType<typeof strategyRates>) =>
  Object.fromEntries(Object.entries(rates).map(([name, rate]) => [name, rate.toString()]));

describe("strategyRates: the four rates a strategy sets", () => {
  test("Northvale: both recovery rates derived from a pool and a base", () => {
    expect(asStrings(strategyRates(strategy("northvale")))).toEqual({
      staffOnCostRate: "0.25",
      overheadRate: "0.2",
      fixedCostRecoveryRate: "0.125", //  £150,000 / (£840,000 + £360,000)
      capitalCostRecoveryRate: "0.06", // (£61,500 + 3.5% x £300,000 = £72,000) / £1,200,000
    });
  });

  test("Westbridge: fixed-cost recovery stated, capital derived", () => {
    expect(asStrings(strategyRates(strategy("westbridge")))).toEqual({
      staffOnCostRate: "0.25",
      overheadRate: "0.22",
      fixedCostRecoveryRate: "0.1", //    stated in board paper FIN-2025-031
      capitalCostRecoveryRate: "0.08", // £56,000 / (£500,000 + £200,000)
    });
  });

  test("Eastmere: fixed derived, capital stated as 0", () => {
    expect(asStrings(strategyRates(strategy("eastmere")))).toEqual({
      staffOnCostRate: "0.25",
      overheadRate: "0.15",
      fixedCostRecoveryRate: "0.05", //   £45,000 / (£600,000 + £300,000)
      capitalCostRecoveryRate: "0", //    stated: no capital pool
    });
  });
});

describe("recoveryRate", () => {
  const base = (commercialFullCost: number, nonCommercialMarginalCost = 0) => ({
    description: "the year's partnerships",
    commercialFullCost,
    nonCommercialMarginalCost,
    passThrough: "excluded" as const,
  });
  const derived = (annualPool: number, annualBase: number) =>
    recoveryRate({ annualPool }, base(annualBase));

  test.each([
    [1_000_000, 3_000_000, "0.3333"], //  0.33333... to 0.01%
    [2_000_000, 3_000_000, "0.6667"], //  0.66666... rounds up
    [1, 20_000, "0.0001"], //             0.00005: half of 0.01%, away from zero
    [1, 20_001, "0"], //                  just under the half
    [3, 20_000, "0.0002"], //             0.00015 -> 0.0002
    [7_500_000, 5_000_000, "1.5"], //     a pool larger than its base: 150%
  ])("£%d / £%d = %s", (pool, base, rate) => {
    expect(derived(pool, base).rate.toString()).toBe(rate);
  });

  test("says how the rate was arrived at", () => {
    const result = derived(1_250_000, 10_000_000);
    expect(result.derivation.kind).toBe("derived");
    if (result.derivation.kind !== "derived") return;
    expect(result.derivation.pool.toString()).toBe("1250000");
    expect(result.derivation.base.toString()).toBe("10000000");
    expect(result.derivation.baseDescription).toBe("the year's partnerships");
    const stated = recoveryRate({ rate: 0.0725, source: "Board paper 7" }, base(1));
    expect(stated.rate.toString()).toBe("0.0725");
    expect(stated.derivation).toEqual({ kind: "stated", source: "Board paper 7" });
  });

  test("the base is commercial full cost plus non-commercial marginal cost", () => {
    // £150,000 / (£900,000 + £300,000) = 0.125; over the commercial part alone it would be 0.1667.
    expect(recoveryRate({ annualPool: 150_000 }, base(900_000, 300_000)).rate.toString()).toBe(
      "0.125"
    );
  });

  test("a cost of capital is added to the pool: rate x capital employed, to the penny", () => {
    // 3.5% x £123,456.78 = £4,320.9873 -> £4,320.99; (£50,000 + £4,320.99) / £1,000,000 = 0.05432099
    // -> 0.0543 to 0.01%.
    const result = recoveryRate(
      {
        annualPool: 50_000,
        costOfCapital: { rate: 0.035, capitalEmployed: 123_456.78, source: "HM Treasury" },
      },
      base(600_000, 400_000)
    );
    expect(result.rate.toString()).toBe("0.0543");
    if (result.derivation.kind !== "derived") throw new Error("expected a derived rate");
    expect(result.derivation.costOfCapital?.charge.toString()).toBe("4320.99");
    expect(result.derivation.recovered.toString()).toBe("54320.99");
  });
});

describe("withStrategyRates", () => {
  // The imaging example with its own, different rates: on-cost 30%, overhead 10%, no recovery.
  const imaging = example("commercial-imaging-ai.json");
  const drifted: Partnership = {
    ...imaging,
    pricing: {
      strategy: { id: "OLD", revision: 1 },
      staffOnCostRate: 0.3,
      overheadRate: 0.1,
      fixedCostRecoveryRate: 0,
      capitalCostRecoveryRate: 0,
      passThroughInRecoveryBase: true,
      overrides: [{ rate: "overheadRate", strategyValue: 0.2, reason: "pilot discount" }],
    },
  };
  const repriced = withStrategyRates(drifted, strategy("northvale"));

  test("copies the four rates in, names the strategy and clears the overrides", () => {
    expect(repriced.pricing).toEqual({
      strategy: { id: "R9X-DATA-PRICING", revision: 3 },
      staffOnCostRate: 0.25,
      overheadRate: 0.2,
      fixedCostRecoveryRate: 0.125,
      capitalCostRecoveryRate: 0.06,
      // Revision 3 keeps NHS England's charges in the base, and says why.
      passThroughInRecoveryBase: true,
      overrides: [],
    });
    const eastmere = withStrategyRates(drifted, strategy("eastmere"));
    expect(eastmere.pricing.passThroughInRecoveryBase).toBe(false);
  });

  test("changes nothing else, and leaves the document it was given alone", () => {
    expect({ ...repriced, pricing: drifted.pricing }).toEqual(drifted);
    expect(drifted.pricing.staffOnCostRate).toBe(0.3);
    expect(drifted.pricing.overrides).toHaveLength(1);
  });

  test("the repriced document prices as the example does: £73,692.22", () => {
    // By hand in test/core/quote.test.ts: 62,187.53 full cost + 7,773.44 + 3,731.25.
    expect(priceQuote(repriced).total.toFixed(2)).toBe("73692.22");
    // With its own rates it was different: e.g. svc-deid 5,400 x 1.3 = 7,020 x 1.1 = 7,722.00.
    expect(priceQuote(drifted).lines[0]?.full.toFixed(2)).toBe("7722.00");
  });

  test("a derived rate with more than four places is copied rounded to 0.01%", () => {
    const northvale = strategy("northvale");
    const awkward: PricingStrategy = {
      ...northvale,
      fixedCostRecovery: { annualPool: 400_000 },
    };
    // £400,000 / £1,200,000 = 0.33333...
    expect(withStrategyRates(imaging, awkward).pricing.fixedCostRecoveryRate).toBe(0.3333);
  });
});

describe("rateDifferences", () => {
  test.each([
    ["academic-sde-study.json", "northvale"],
    ["commercial-imaging-ai.json", "northvale"],
    ["commercial-rwe-milestones.json", "westbridge"],
    ["sme-subscription.json", "eastmere"],
  ] as const)("%s carries its trust's (%s) rates exactly", (file, trust) => {
    expect(rateDifferences(example(file), strategy(trust))).toEqual([]);
  });

  test("the clean document and its strategy agree", () => {
    // TEST-PRICING: fixed £500,000 / (£3,500,000 + £1,500,000) = 0.1, capital stated 0.05, as the document has.
    expect(rateDifferences(clean(), cleanStrategy())).toEqual([]);
  });

  test("each differing rate, with the recorded reason when there is one", () => {
    const doc = clean();
    const differing: Partnership = {
      ...doc,
      pricing: {
        ...doc.pricing,
        overheadRate: 0.1,
        capitalCostRecoveryRate: 0.07,
        overrides: [{ rate: "overheadRate", strategyValue: 0.2, reason: "NIHR-funded study" }],
      },
    };
    const differences = rateDifferences(differing, cleanStrategy()).map((difference) => ({
      ...difference,
      quoteValue: difference.quoteValue.toString(),
      strategyValue: difference.strategyValue.toString(),
    }));
    expect(differences).toEqual([
      {
        rate: "overheadRate",
        quoteValue: "0.1",
        strategyValue: "0.2",
        reason: "NIHR-funded study",
      },
      { rate: "capitalCostRecoveryRate", quoteValue: "0.07", strategyValue: "0.05" },
    ]);
  });

  test("a rate compares as a decimal: 0.1 and the derived 500,000 / 5,000,000 are equal", () => {
    // 0.1 is not exactly representable in binary; the comparison is by decimal digits.
    const doc = clean();
    expect(doc.pricing.fixedCostRecoveryRate).toBe(0.1);
    expect(rateDifferences(doc, cleanStrategy()).map((d) => d.rate)).not.toContain(
      "fixedCostRecoveryRate"
    );
  });

  test("the imaging example against the wrong trust's strategy differs where the rates do", () => {
    // Northvale's 0.25 / 0.2 / 0.125 / 0.06 against Westbridge's 0.25 / 0.22 / 0.1 / 0.08.
    expect(
      rateDifferences(example("commercial-imaging-ai.json"), strategy("westbridge")).map((d) => [
        d.rate,
        d.quoteValue.toString(),
        d.strategyValue.toString(),
      ])
    ).toEqual([
      ["overheadRate", "0.2", "0.22"],
      ["fixedCostRecoveryRate", "0.125", "0.1"],
      ["capitalCostRecoveryRate", "0.06", "0.08"],
    ]);
  });
});

describe("describeStrategy", () => {
  test("Northvale, derived rates shown with their pools and bases", () => {
    expect(describeStrategy(strategy("northvale"))).toEqual([
      "R9X-DATA-PRICING revision 3: the pricing strategy of Northvale Teaching Hospitals NHS Foundation Trust, in effect from 2025-04-01, approved by Director of Finance, on behalf of the Trust Board on 2025-03-18",
      "  staff on-cost rate: 25% on staff time only, 6 staff grade(s)",
      "  overhead rate: 20% on commercial use (Finance, HR, IT service desk, information governance and estates services (buildings and utilities) that support the research and data teams, as a share of their pay and non-pay costs.)",
      "  recovery base: £1,200,000.00 = commercial full cost £840,000.00 + non-commercial marginal cost £360,000.00 (Forecast cost of the trust's data partnerships in 2025/26: about 30 partnerships, from the 2024/25 register); pass-through charges included (Revision 3 was approved in March 2025 with NHS England's SDE charges in the base, because the trust's data access office handles every account, set-up and provision request it passes on. The 2026/27 revision is to take them out.)",
      "  fixed-cost recovery rate: 12.5% = £150,000.00 / £1,200,000.00 (Forecast cost of the trust's data partnerships in 2025/26: about 30 partnerships, from the 2024/25 register), to 0.01%",
      "  capital-cost recovery rate: 6% = (£61,500.00 + 3.5% cost of capital x £300,000.00 = £10,500.00) / £1,200,000.00 (Forecast cost of the trust's data partnerships in 2025/26: about 30 partnerships, from the 2024/25 register), to 0.01%",
      "  standard items: 6 (5 passed on at a published price)",
    ]);
  });

  test("Westbridge: a stated rate is shown with its source", () => {
    const lines = describeStrategy(strategy("westbridge"));
    expect(lines[4]).toBe(
      "  fixed-cost recovery rate: 10%, as stated (Board paper FIN-2025-031: fixed-cost recovery rate for data services, benchmarked against two neighbouring trusts)"
    );
    expect(lines[5]).toBe(
      "  capital-cost recovery rate: 8% = £56,000.00 / £700,000.00 (Forecast cost of data partnerships in 2025/26 (about 20 partnerships)), to 0.01%"
    );
    expect(lines[1]).toBe("  staff on-cost rate: 25% on staff time only, 5 staff grade(s)");
    expect(lines[6]).toBe("  standard items: 5 (5 passed on at a published price)");
  });

  test("Eastmere: a zero rate and no pass-through items", () => {
    const lines = describeStrategy(strategy("eastmere"));
    expect(lines[0]).toMatch(
      /^RE8-PRICING revision 2: the pricing strategy of Eastmere Community Health NHS Trust, in effect from 2025-04-01, approved by Chief Finance Officer on 2025-03-27$/
    );
    expect(lines[3]).toBe(
      "  recovery base: £900,000.00 = commercial full cost £600,000.00 + non-commercial marginal cost £300,000.00 (Forecast cost of information and data services sold in 2025/26: commercial full cost and non-commercial marginal cost); pass-through charges excluded"
    );
    expect(lines[4]).toBe(
      "  fixed-cost recovery rate: 5% = £45,000.00 / £900,000.00 (Forecast cost of information and data services sold in 2025/26: commercial full cost and non-commercial marginal cost), to 0.01%"
    );
    expect(lines[5]).toMatch(
      /^ {2}capital-cost recovery rate: 0%, as stated \(The trust uses the regional SDE/
    );
    expect(lines[6]).toBe("  standard items: 1 (0 passed on at a published price)");
  });
});
