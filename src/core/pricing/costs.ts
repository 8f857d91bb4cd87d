import type { Arithmetic } from "../arithmetic";
import { invalidNumber, invalidValue } from "../../model/errors";
import type { DataUse } from "../../model/vocabulary";
import { requireNonNegative } from "../validate";

/**
 * The cost model of the CIDC guide, chapter 5: services and data-access costs are charged by how the
 * data is used. Non-commercial use pays marginal cost; commercial use pays full cost, which is
 * "marginal cost + overhead costs". Fixed and capital costs are recovered by rates from the trust's
 * pricing strategy (each an annual cost pool divided by the annual base it is recovered over): as a
 * "% of the overall marginal cost" for non-commercial use and a "% of the overall full cost" for
 * commercial use. Nothing here depends on who the partner is: no function takes the partner's
 * organisation type, so the price cannot vary with it (commercial principle 3).
 */
/**
 * The recovery rates of the fixed and capital costs, from the trust's pricing strategy. Each is applied to
 * the overall cost of the use: full cost for commercial use, marginal cost for non-commercial use.
 */
export interface CostRecoveryRates<T> {
  /**
   * The fixed-cost recovery rate (argument fixed_rate) as a decimal (0.05 = 5%): the annual fixed-cost
   * pool (managerial staff, platform operating, buildings and utilities) divided by the annual base it is
   * recovered over. Not limited to 1.
   */
  readonly fixedRate: T;
  /**
   * The capital-cost recovery rate (argument capital_rate) as a decimal: the annual capital-cost pool
   * (building the SDE, acquiring new data, platform improvements) divided by the annual base it is
   * recovered over. Not limited to 1.
   */
  readonly capitalRate: T;
}

export interface ChargeInputs<T> extends CostRecoveryRates<T> {
  readonly marginalCost: T;
  /** Overheads as a decimal uplift on marginal cost (0.2 = 20%); applied to commercial use only. */
  readonly overheadRate: T;
}

/** Sum of quantity x unit cost over the lines, uplifted by the on-cost rate (employer's on-costs etc.). */
export function marginalCost<T>(
  A: Arithmetic<T>,
  quantities: readonly T[],
  unitCosts: readonly T[],
  onCostRate: T
): T {
  if (quantities.length !== unitCosts.length) {
    throw invalidValue(
      "unit_costs",
      `has ${unitCosts.length} value(s) but quantities has ${quantities.length}; they must be the same size`
    );
  }
  requireNonNegative(A, onCostRate, "on_cost_rate");
  let total = A.zero;
  for (let i = 0; i < quantities.length; i++) {
    const quantity = quantities[i] as T;
    const unitCost = unitCosts[i] as T;
    if (A.compare(quantity, A.zero) < 0)
      throw invalidNumber("quantities", `value ${i + 1} is negative`);
    if (A.compare(unitCost, A.zero) < 0)
      throw invalidNumber("unit_costs", `value ${i + 1} is negative`);
    total = A.add(total, A.multiply(quantity, unitCost));
  }
  return A.multiply(total, A.add(A.one, onCostRate));
}

function validateChargeInputs<T>(A: Arithmetic<T>, inputs: ChargeInputs<T>): void {
  requireNonNegative(A, inputs.marginalCost, "marginal_cost");
  requireNonNegative(A, inputs.overheadRate, "overhead_rate");
  requireNonNegative(A, inputs.fixedRate, "fixed_rate");
  requireNonNegative(A, inputs.capitalRate, "capital_rate");
}

/** 1 + fixed rate + capital rate: the factor that recovers the fixed and capital costs on a cost base. */
function recoveryFactor<T>(A: Arithmetic<T>, rates: CostRecoveryRates<T>): T {
  return A.add(A.add(A.one, rates.fixedRate), rates.capitalRate);
}

/**
 * Full cost: marginal cost x (1 + overhead rate) x (1 + fixed rate + capital rate), the fixed and capital
 * costs recovered as a percentage of the overall full cost. Exact, not rounded.
 */
export function fullCost<T>(A: Arithmetic<T>, inputs: ChargeInputs<T>): T {
  validateChargeInputs(A, inputs);
  return fullCostOfValidInputs(A, inputs);
}

function fullCostOfValidInputs<T>(A: Arithmetic<T>, inputs: ChargeInputs<T>): T {
  return A.multiply(
    A.multiply(inputs.marginalCost, A.add(A.one, inputs.overheadRate)),
    recoveryFactor(A, inputs)
  );
}

/**
 * The price of access by the guide's approach, in pounds rounded half away from zero to the penny:
 * commercial use at full cost; non-commercial use at marginal cost x (1 + fixed rate + capital rate),
 * the fixed and capital costs recovered as a percentage of the overall marginal cost, with no overhead
 * uplift.
 */
export function charge<T>(A: Arithmetic<T>, use: DataUse, inputs: ChargeInputs<T>): T {
  validateChargeInputs(A, inputs);
  const unrounded =
    use === "commercial"
      ? fullCostOfValidInputs(A, inputs)
      : A.multiply(inputs.marginalCost, recoveryFactor(A, inputs));
  return A.roundToPence(unrounded);
}
