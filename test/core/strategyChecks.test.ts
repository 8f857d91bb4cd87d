/**
 * checkStrategy (src/core/pricing/strategyChecks.ts): a strategy rate above 100% is most likely a
 * percentage typed where a decimal belongs, and every quote priced with it would carry it.
 */
import { checkStrategy } from "../../src/core/pricing/strategyChecks";
import { cleanStrategy, cleanStrategyInput, validStrategy } from "../document/fixtures";

type StrategyInput = ReturnType<typeof cleanStrategyInput>;

function strategyWith(edit: (strategy: StrategyInput) => void) {
  const input = cleanStrategyInput();
  edit(input);
  return validStrategy(input);
}

const brief = (findings: ReturnType<typeof checkStrategy>) =>
  findings.map((f) => [f.severity, f.field, f.ruleId]);

describe("checkStrategy", () => {
  test("a strategy whose rates are decimals has no findings, 100% included", () => {
    expect(checkStrategy(cleanStrategy())).toEqual([]);
    expect(checkStrategy(strategyWith((s) => (s.overhead.rate = 1)))).toEqual([]);
  });

  test("the on-cost and overhead rates typed as percentages: a warning each, naming the decimal meant", () => {
    const findings = checkStrategy(
      strategyWith((s) => {
        s.staffTime.onCostRate = 25;
        s.overhead.rate = 22;
      })
    );
    expect(brief(findings)).toEqual([
      ["warning", "staffTime.onCostRate", "rate-as-decimal"],
      ["warning", "overhead.rate", "rate-as-decimal"],
    ]);
    expect(findings[0]?.message).toMatch(
      /^The staff on-cost rate is 2500%; if you meant 25%, enter 0\.25 in staffTime\.onCostRate\./
    );
    expect(findings[1]?.message).toMatch(
      /^The overhead rate is 2200%; if you meant 22%, enter 0\.22 in overhead\.rate\. Rates are decimals/
    );
    expect(findings[1]?.principle).toBe("Commercial principle 1");
  });

  test("a recovery rate stated directly is checked; one derived from a pool and a base is not typed", () => {
    const findings = checkStrategy(
      strategyWith((s) => (s.capitalCostRecovery = { rate: 5, source: "Board paper" }))
    );
    expect(brief(findings)).toEqual([["warning", "capitalCostRecovery.rate", "rate-as-decimal"]]);
    expect(findings[0]?.message).toMatch(
      /capital-cost recovery rate is 500%; if you meant 5%, enter 0\.05/
    );
    // the fixed-cost pool is larger than its base: a derived rate above 100% is no typing slip
    expect(
      checkStrategy(
        strategyWith((s) => {
          s.fixedCostRecovery = { annualPool: 200 };
          s.recoveryBase = {
            ...s.recoveryBase,
            commercialFullCost: 60,
            nonCommercialMarginalCost: 40,
          };
        })
      )
    ).toEqual([]);
  });
});
