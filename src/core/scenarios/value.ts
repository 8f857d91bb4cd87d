import { Decimal, ZERO } from "../../model/decimal";
import { curveFactor, type DiscountCurve } from "./discountCurve";
import { yearRow, type CashFlow, type MechanismKind } from "./mechanisms";

/**
 * A mechanism's worth to the NHS. Present values are valuations for comparing terms, not prices, so
 * they are not rounded (valuation.ts does the same).
 */
export interface MechanismValue {
  readonly id: string;
  readonly kind: MechanismKind;
  readonly fromDocument: boolean;
  /** Year 0 (now) to the last year any mechanism pays in. */
  readonly years: readonly YearOfCash[];
  /** Every payment discounted as if it were certain. */
  readonly presentValue: Decimal;
  /** Every payment weighted by its probability, then discounted (rNPV). */
  readonly riskAdjustedPresentValue: Decimal;
  /**
   * The first year whose cumulative risk-adjusted discounted cash reaches the payback target; null if
   * none does, or if there is no target (see ScenarioResult.paybackTarget to tell which).
   */
  readonly paybackYear: number | null;
}

export interface YearOfCash {
  readonly year: number;
  /** Pounds the NHS expects in the year: each payment falling in it times its probability. */
  readonly expectedCash: Decimal;
  readonly discountedExpectedCash: Decimal;
  readonly cumulativeDiscountedExpectedCash: Decimal;
}

/** Discount factors by the year they are asked for, so a schedule with many payments in one year computes one. */
export class FactorCache {
  private readonly factors = new Map<string, Decimal>();

  constructor(readonly curve: DiscountCurve) {}

  at(year: Decimal): Decimal {
    const key = year.toString();
    let factor = this.factors.get(key);
    if (factor === undefined) {
      factor = curveFactor(this.curve, year);
      this.factors.set(key, factor);
    }
    return factor;
  }
}

export function discountedValue(
  flows: readonly CashFlow[],
  factors: FactorCache,
  riskAdjusted: boolean
): Decimal {
  let total = ZERO;
  for (const flow of flows) {
    const amount = riskAdjusted ? flow.amount.times(flow.probability) : flow.amount;
    // Worth nothing adds nothing, even where a factor is huge (0 x Infinity would be NaN).
    if (!amount.isZero()) total = total.plus(amount.times(factors.at(flow.year)));
  }
  return total;
}

export function valueMechanism(
  candidate: { id: string; fromDocument: boolean; mechanism: { kind: MechanismKind } },
  flows: readonly CashFlow[],
  factors: FactorCache,
  lastYear: number,
  paybackTarget: Decimal | null
): MechanismValue {
  const expected = Array.from({ length: lastYear + 1 }, () => ZERO);
  const discounted = Array.from({ length: lastYear + 1 }, () => ZERO);
  for (const flow of flows) {
    const row = yearRow(flow.year);
    const cash = flow.amount.times(flow.probability);
    if (cash.isZero()) continue;
    expected[row] = (expected[row] as Decimal).plus(cash);
    discounted[row] = (discounted[row] as Decimal).plus(cash.times(factors.at(flow.year)));
  }
  let cumulative = ZERO;
  let paybackYear: number | null = null;
  const years = expected.map((expectedCash, year) => {
    const discountedExpectedCash = discounted[year] as Decimal;
    cumulative = cumulative.plus(discountedExpectedCash);
    if (
      paybackTarget !== null &&
      paybackYear === null &&
      cumulative.greaterThanOrEqualTo(paybackTarget)
    )
      paybackYear = year;
    return {
      year,
      expectedCash,
      discountedExpectedCash,
      cumulativeDiscountedExpectedCash: cumulative,
    };
  });
  return {
    id: candidate.id,
    kind: candidate.mechanism.kind,
    fromDocument: candidate.fromDocument,
    years,
    presentValue: discountedValue(flows, factors, false),
    riskAdjustedPresentValue: discountedValue(flows, factors, true),
    paybackYear,
  };
}

/** One payment as a yearly table shows it. */
export interface FlowValue {
  /** The amount times its probability. */
  readonly expectedCash: Decimal;
  readonly factor: Decimal;
  /** The amount discounted as if it were certain. */
  readonly presentValue: Decimal;
  /** The expected cash discounted. */
  readonly riskAdjustedPresentValue: Decimal;
}

/** One payment's expected cash, discount factor and present values, as discountedValue sums them. */
export function flowValue(flow: CashFlow, factors: FactorCache): FlowValue {
  const factor = factors.at(flow.year);
  const expectedCash = flow.amount.times(flow.probability);
  // Worth nothing is worth nothing, even where a factor is huge (0 x Infinity would be NaN).
  const discount = (amount: Decimal) => (amount.isZero() ? ZERO : amount.times(factor));
  return {
    expectedCash,
    factor,
    presentValue: discount(flow.amount),
    riskAdjustedPresentValue: discount(expectedCash),
  };
}
