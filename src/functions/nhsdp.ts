import { exactNumber } from "../core/arithmetic";
import { charge, fullCost, marginalCost, type ChargeInputs } from "../core/pricing/costs";
import { parseDataUse } from "../model/vocabulary";
import { Decimal } from "../model/decimal";
import { greenBookDiscountFactor } from "../core/valuation/discounting";
import {
  royaltyForPeriod,
  validateRoyaltyTerms,
  type RoyaltyTerms,
} from "../core/valuation/royalty";
import {
  breakevenRoyaltyRate,
  milestonesFromColumns,
  subscriptionValue,
} from "../core/valuation/valuation";
import { milestoneValueFloat, royaltyValueFloat } from "../core/valuation/valuationFloat";
import { VERSION } from "../model/version";
import {
  excelFunction,
  optionalFlag,
  optionalList,
  optionalNumber,
  requiredGrid,
  requiredList,
  requiredNumber,
  requiredText,
} from "./arguments";

/**
 * The NHSDP functions: argument declarations plus a call into the core. functions.ts gives each one the
 * JSDoc from which Excel's metadata is generated.
 */

const chargeParameters = [
  requiredNumber("marginal_cost"),
  requiredNumber("overhead_rate"),
  optionalNumber("fixed_rate", 0),
  optionalNumber("capital_rate", 0),
] as const;

type ChargeArguments = [number, number, number, number];

const chargeInputs = <T>(
  fromNumber: (value: number) => T,
  [marginal, overhead, fixedRate, capitalRate]: ChargeArguments
): ChargeInputs<T> => ({
  marginalCost: fromNumber(marginal),
  overheadRate: fromNumber(overhead),
  fixedRate: fromNumber(fixedRate),
  capitalRate: fromNumber(capitalRate),
});

export const MARGINALCOST = excelFunction(
  [
    requiredList("quantities", "zero"),
    requiredList("unit_costs", "zero"),
    optionalNumber("on_cost_rate", 0),
  ] as const,
  (quantities, unitCosts, onCostRate) =>
    exactNumber((A) =>
      marginalCost(
        A,
        quantities.map(A.fromNumber),
        unitCosts.map(A.fromNumber),
        A.fromNumber(onCostRate)
      )
    )
);

export const FULLCOST = excelFunction(chargeParameters, (...args) =>
  exactNumber((A) => fullCost(A, chargeInputs(A.fromNumber, args)))
);

export const CHARGE = excelFunction(
  [requiredText("use"), ...chargeParameters] as const,
  (useText, ...args) => {
    const use = parseDataUse(useText);
    return exactNumber((A) => charge(A, use, chargeInputs(A.fromNumber, args)));
  }
);

const royaltyTermParameters = [
  requiredList("rates", "reject"),
  optionalList("thresholds", "reject"),
  optionalNumber("annual_cap", null),
  optionalNumber("annual_minimum", null),
] as const;

function royaltyTerms<T>(
  fromNumber: (value: number) => T,
  rates: readonly number[],
  thresholds: readonly number[] | null,
  cap: number | null = null,
  minimum: number | null = null
): RoyaltyTerms<T> {
  return {
    rates: rates.map(fromNumber),
    thresholds: thresholds === null ? null : thresholds.map(fromNumber),
    annualCap: cap === null ? null : fromNumber(cap),
    annualMinimum: minimum === null ? null : fromNumber(minimum),
  };
}

export const ROYALTY = excelFunction(
  [requiredGrid("revenue", "zero"), ...royaltyTermParameters] as const,
  (revenue, rates, thresholds, cap, minimum) => {
    const width = revenue[0]?.length ?? 0;
    const single = revenue.length === 1 && width === 1;
    // The terms are the same for every period: check them with the first one only.
    let termsChecked = false;
    return revenue.map((row, r) =>
      row.map((periodRevenue, c) =>
        exactNumber((A) => {
          const terms = royaltyTerms(A.fromNumber, rates, thresholds, cap, minimum);
          if (!termsChecked) validateRoyaltyTerms(A, terms);
          const argument = single ? "revenue" : `revenue (value ${r * width + c + 1})`;
          const royalty = royaltyForPeriod(A, A.fromNumber(periodRevenue), terms, argument);
          termsChecked = true;
          return royalty;
        })
      )
    );
  }
);

const decimals = (values: readonly number[]): Decimal[] =>
  values.map((value) => new Decimal(value));

export const ROYALTYVALUE = excelFunction(
  [
    requiredList("revenues", "zero"),
    requiredList("rates", "reject"),
    requiredNumber("discount_rate"),
    optionalList("thresholds", "reject"),
    optionalNumber("probability", 1),
  ] as const,
  (revenues, rates, discountRate, thresholds, probability) =>
    royaltyValueFloat(
      revenues,
      royaltyTerms((value) => value, rates, thresholds),
      discountRate,
      probability
    )
);

const milestoneParameters = [
  requiredList("milestone_amounts", "zero"),
  requiredList("milestone_periods", "reject"),
  requiredList("milestone_probabilities", "reject"),
] as const;

export const MILESTONEVALUE = excelFunction(
  [
    requiredList("amounts", "zero"),
    requiredList("periods", "reject"),
    requiredList("probabilities", "reject"),
    requiredNumber("discount_rate"),
  ] as const,
  (amounts, periods, probabilities, discountRate) =>
    milestoneValueFloat(amounts, periods, probabilities, discountRate)
);

export const BREAKEVENROYALTY = excelFunction(
  [
    requiredList("revenues", "zero"),
    requiredNumber("discount_rate"),
    ...milestoneParameters,
    optionalNumber("revenue_probability", 1),
  ] as const,
  (revenues, discountRate, amounts, periods, probabilities, revenueProbability) =>
    breakevenRoyaltyRate({
      revenues: decimals(revenues),
      discountRate: new Decimal(discountRate),
      milestones: milestonesFromColumns(
        decimals(amounts),
        decimals(periods),
        decimals(probabilities),
        {
          amounts: "milestone_amounts",
          periods: "milestone_periods",
          probabilities: "milestone_probabilities",
        }
      ),
      revenueProbability: new Decimal(revenueProbability),
    }).toNumber()
);

export const SUBSCRIPTIONVALUE = excelFunction(
  [
    requiredNumber("annual_fee"),
    requiredNumber("years"),
    requiredNumber("discount_rate"),
    optionalNumber("indexation", 0),
    optionalFlag("in_advance", true),
  ] as const,
  (annualFee, years, discountRate, indexation, inAdvance) =>
    subscriptionValue({
      annualFee: new Decimal(annualFee),
      years: new Decimal(years),
      discountRate: new Decimal(discountRate),
      indexation: new Decimal(indexation),
      inAdvance,
    }).toNumber()
);

export const GREENBOOKDF = excelFunction([requiredNumber("year")] as const, (year) =>
  greenBookDiscountFactor(new Decimal(year)).toNumber()
);

export const VERSIONINFO = excelFunction([] as const, () => VERSION);
