/*
 * The NHSDP custom functions as Excel sees them. custom-functions-metadata-plugin reads the JSDoc below
 * to generate functions.json, so these declarations are the public contract: names, parameter names and
 * descriptions. Each one delegates to its implementation in nhsdp.ts, and is registered with Excel at the
 * end of this file. Rates and shares are decimals (0.035 = 3.5%); a range may be a single cell, a row or
 * a column.
 */
import {
  BREAKEVENROYALTY,
  CHARGE,
  FULLCOST,
  GREENBOOKDF,
  MARGINALCOST,
  MILESTONEVALUE,
  ROYALTY,
  ROYALTYVALUE,
  SUBSCRIPTIONVALUE,
  VERSIONINFO,
} from "./nhsdp";

/**
 * Marginal cost of a partnership's cost lines: the sum of quantity x unit cost, uplifted by an on-cost rate. The on-cost rate applies to every line given, so give staff-time lines only; sum non-staff lines (licences, compute, storage, published NHS England charges) separately, e.g. with SUMPRODUCT, and add them.
 * @customfunction MARGINALCOST
 * @param quantities Quantity of each cost line (hours, days, months...), in a cell, row or column. Empty cells count as 0.
 * @param unit_costs Cost in pounds of one unit of each line, the same size as quantities.
 * @param [on_cost_rate] Employer's on-costs on staff time (pension, National Insurance) as a decimal (0.25 = 25%), applied to every line given: staff time only, never licences, compute, storage or NHS England charges. Default 0.
 * @returns Marginal cost in pounds.
 */
export function marginalcost(
  quantities: unknown[][],
  unit_costs: unknown[][],
  on_cost_rate?: unknown
): number {
  return MARGINALCOST(quantities, unit_costs, on_cost_rate);
}

/**
 * Full cost, the commercial basis: marginal cost x (1 + overhead rate) x (1 + fixed rate + capital rate), the fixed and capital costs recovered as a percentage of the overall full cost. Exact, not rounded.
 * @customfunction FULLCOST
 * @param marginal_cost Marginal cost in pounds (for example from NHSDP.MARGINALCOST).
 * @param overhead_rate Overheads as a decimal uplift on marginal cost (0.2 = 20%).
 * @param [fixed_rate] Fixed-cost recovery rate from the trust's pricing strategy, as a decimal (0.05 = 5%): the annual fixed-cost pool (managerial staff, platform operating, buildings and utilities) divided by the annual base it is recovered over. Applied to the marginal cost with overheads (the commercial basis; NHSDP.CHARGE applies it to marginal cost for non-commercial use). Default 0.
 * @param [capital_rate] Capital-cost recovery rate from the trust's pricing strategy, as a decimal (0.02 = 2%): the annual capital-cost pool (building the SDE, acquiring new data, platform improvements) divided by the annual base it is recovered over. Applied like fixed_rate. Default 0.
 * @returns Full cost in pounds.
 */
export function fullcost(
  marginal_cost: unknown,
  overhead_rate: unknown,
  fixed_rate?: unknown,
  capital_rate?: unknown
): number {
  return FULLCOST(marginal_cost, overhead_rate, fixed_rate, capital_rate);
}

/**
 * The price of data access by the CIDC approach, to the penny: commercial use at full cost, marginal cost x (1 + overhead rate) x (1 + fixed rate + capital rate); non-commercial use at marginal cost x (1 + fixed rate + capital rate), with no overhead uplift.
 * @customfunction CHARGE
 * @param use How the data will be used: "commercial" or "non-commercial". Never the kind of organisation.
 * @param marginal_cost Marginal cost in pounds.
 * @param overhead_rate Overheads as a decimal uplift on marginal cost (0.2 = 20%); applied to commercial use only.
 * @param [fixed_rate] Fixed-cost recovery rate from the trust's pricing strategy, as a decimal (0.05 = 5%): the annual fixed-cost pool divided by the annual base it is recovered over. Applied to full cost for commercial use, to marginal cost for non-commercial use. Default 0.
 * @param [capital_rate] Capital-cost recovery rate from the trust's pricing strategy, as a decimal (0.02 = 2%): the annual capital-cost pool divided by the annual base it is recovered over. Applied to full cost for commercial use, to marginal cost for non-commercial use. Default 0.
 * @returns Charge in pounds, rounded half away from zero to the penny.
 */
export function charge(
  use: unknown,
  marginal_cost: unknown,
  overhead_rate: unknown,
  fixed_rate?: unknown,
  capital_rate?: unknown
): number {
  return CHARGE(use, marginal_cost, overhead_rate, fixed_rate, capital_rate);
}

/**
 * Royalty due on one period's revenue, with incremental tiers (like tax bands), an annual cap and an annual minimum. Given a range of revenues, spills one royalty per period.
 * @customfunction ROYALTY
 * @param revenue The period's revenue in pounds, or a range of periods' revenues. An empty cell counts as 0 (the minimum still applies).
 * @param rates Royalty rate of each tier as a decimal (0.05 = 5%). One rate means a flat royalty.
 * @param [thresholds] Lower bound in pounds of each tier: first 0, strictly ascending, one per rate. Needed when there are several rates.
 * @param [annual_cap] Most the royalty can be in a period, in pounds. Applied before the minimum.
 * @param [annual_minimum] Least the royalty can be in a period, in pounds. Must not exceed the cap.
 * @returns Royalty in pounds, in the same shape as revenue.
 */
export function royalty(
  revenue: unknown[][],
  rates: unknown[][],
  thresholds?: unknown[][],
  annual_cap?: unknown,
  annual_minimum?: unknown
): number[][] {
  return ROYALTY(revenue, rates, thresholds, annual_cap, annual_minimum);
}

/**
 * Risk-adjusted present value of a royalty on a stream of annual revenues, the first at the end of year 1 (as Excel's NPV).
 * @customfunction ROYALTYVALUE
 * @param revenues Expected revenue of each year in pounds, year 1 first.
 * @param rates Royalty rate of each tier as a decimal. One rate means a flat royalty.
 * @param discount_rate Annual discount rate as a decimal (0.035 = 3.5%, the Green Book rate).
 * @param [thresholds] Lower bound of each tier in pounds: first 0, strictly ascending, one per rate.
 * @param [probability] Chance that the revenues happen at all, 0 to 1. Default 1.
 * @returns Present value in pounds.
 */
export function royaltyvalue(
  revenues: unknown[][],
  rates: unknown[][],
  discount_rate: unknown,
  thresholds?: unknown[][],
  probability?: unknown
): number {
  return ROYALTYVALUE(revenues, rates, discount_rate, thresholds, probability);
}

/**
 * Risk-adjusted present value of milestone payments: each amount x its probability, discounted to its period.
 * @customfunction MILESTONEVALUE
 * @param amounts Payment due at each milestone, in pounds.
 * @param periods When each milestone falls, in years from now; fractions allowed.
 * @param probabilities Each milestone's own chance of being paid, 0 to 1.
 * @param discount_rate Annual discount rate as a decimal (0.035 = 3.5%).
 * @returns Present value in pounds.
 */
export function milestonevalue(
  amounts: unknown[][],
  periods: unknown[][],
  probabilities: unknown[][],
  discount_rate: unknown
): number {
  return MILESTONEVALUE(amounts, periods, probabilities, discount_rate);
}

/**
 * The flat royalty rate whose risk-adjusted present value equals that of the milestones: where royalty and milestone terms are worth the same.
 * @customfunction BREAKEVENROYALTY
 * @param revenues Expected revenue of each year in pounds, year 1 first.
 * @param discount_rate Annual discount rate as a decimal (0.035 = 3.5%).
 * @param milestone_amounts Payment due at each milestone, in pounds.
 * @param milestone_periods When each milestone falls, in years from now.
 * @param milestone_probabilities Each milestone's own chance of being paid, 0 to 1.
 * @param [revenue_probability] Chance that the revenues happen at all, 0 to 1. Default 1.
 * @returns Royalty rate as a decimal (0.05 = 5%); above 1 when the milestones are worth more than all the revenue.
 */
export function breakevenroyalty(
  revenues: unknown[][],
  discount_rate: unknown,
  milestone_amounts: unknown[][],
  milestone_periods: unknown[][],
  milestone_probabilities: unknown[][],
  revenue_probability?: unknown
): number {
  return BREAKEVENROYALTY(
    revenues,
    discount_rate,
    milestone_amounts,
    milestone_periods,
    milestone_probabilities,
    revenue_probability
  );
}

/**
 * Present value of an annual subscription: the k-th payment is fee x (1 + indexation)^k, paid at the start of year k+1 (in advance) or at its end.
 * @customfunction SUBSCRIPTIONVALUE
 * @param annual_fee First year's fee in pounds.
 * @param years Number of annual payments, a whole number of at least 1.
 * @param discount_rate Annual discount rate as a decimal (0.035 = 3.5%).
 * @param [indexation] Yearly increase of the fee as a decimal (0.02 = 2%). Default 0.
 * @param [in_advance] TRUE when each year is paid at its start (the default), FALSE when paid at its end.
 * @returns Present value in pounds.
 */
export function subscriptionvalue(
  annual_fee: unknown,
  years: unknown,
  discount_rate: unknown,
  indexation?: unknown,
  in_advance?: unknown
): number {
  return SUBSCRIPTIONVALUE(annual_fee, years, discount_rate, indexation, in_advance);
}

/**
 * Discount factor under the HM Treasury Green Book declining schedule: 3.5% to year 30, 3% to 75, 2.5% to 125, 2% to 200, 1.5% to 300, then 1%, compounded band by band.
 * @customfunction GREENBOOKDF
 * @param year Years from now; fractions allowed.
 * @returns Discount factor, between 0 and 1.
 */
export function greenbookdf(year: unknown): number {
  return GREENBOOKDF(year);
}

/**
 * The add-in's version, for audit trails.
 * @customfunction VERSION
 * @returns Version number, such as 0.1.0.
 */
export function version(): string {
  return VERSIONINFO();
}

/*
 * Registration, under the ids functions.json declares (the @customfunction tags above). Excel's custom
 * functions runtime, which office.js provides to this page when Excel loads it as the add-in's shared
 * runtime, defines the global CustomFunctions. The same page opened in a plain browser, where the task
 * pane works standalone, has no such runtime (and offline, no office.js at all): there is nothing to
 * register with, and the functions are left alone rather than throwing a ReferenceError into the page.
 * custom-functions-metadata-plugin would append unguarded CustomFunctions.associate calls to this file;
 * webpack.config.js drops them, so these are the only ones. The bundle tests check that every function
 * functions.json declares is registered, and that the bundle loads without the runtime.
 */
if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("MARGINALCOST", marginalcost);
  CustomFunctions.associate("FULLCOST", fullcost);
  CustomFunctions.associate("CHARGE", charge);
  CustomFunctions.associate("ROYALTY", royalty);
  CustomFunctions.associate("ROYALTYVALUE", royaltyvalue);
  CustomFunctions.associate("MILESTONEVALUE", milestonevalue);
  CustomFunctions.associate("BREAKEVENROYALTY", breakevenroyalty);
  CustomFunctions.associate("SUBSCRIPTIONVALUE", subscriptionvalue);
  CustomFunctions.associate("GREENBOOKDF", greenbookdf);
  CustomFunctions.associate("VERSION", version);
}
