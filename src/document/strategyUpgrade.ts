import { Decimal } from "../model/decimal";
import { formatPercent, formatPounds } from "../model/format";
import { DECIMAL_PLACES } from "../model/vocabulary";
import { STRATEGY_VERSION } from "./strategy";

/**
 * Reads a pricing strategy written in an older version of the format as the current one, keeping
 * every rate it sets, so every quote priced with it keeps its price.
 *
 * Version 2 only added optional trust details to version 1. Version 3 moved the recovery base out of
 * each pool into one base the rates multiply, split into commercial full cost and non-commercial
 * marginal cost, and asks whether pass-through charges are in it. An older strategy's single base
 * becomes the commercial forecast (so each rate is unchanged), and its pass-through charges stay in the
 * base, as they were in every quote priced before; the notes say so, for the next revision to settle.
 */
export interface StrategyUpgrade {
  readonly json: unknown;
  /** The version the document was written in, when it was upgraded. */
  readonly fromVersion?: number;
  /** What the upgrade assumed, in sentences for the trust. */
  readonly notes: readonly string[];
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isAmount = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

const POOLS = [
  ["fixedCostRecovery", "fixed-cost"],
  ["capitalCostRecovery", "capital-cost"],
] as const;

export const PASS_THROUGH_KEPT_REASON =
  "Kept from before version 3 of the strategy format, when pass-through charges were always in the base, so quotes priced with this revision keep their price. Decide at the next revision whether they belong in it.";

export function upgradeStrategy(json: unknown): StrategyUpgrade {
  if (!isObject(json)) return { json, notes: [] };
  const version = json.version;
  if (version !== 1 && version !== 2) return { json, notes: [] };
  const notes: string[] = [];
  const upgraded: JsonObject = { ...json, version: STRATEGY_VERSION };

  let base: { amount: number; description: unknown } | undefined;
  for (const [field, name] of POOLS) {
    const pool = json[field];
    if (!isObject(pool) || !isAmount(pool.annualPool) || !isAmount(pool.annualBase)) continue;
    const { annualBase, baseDescription, ...rest } = pool;
    if (base === undefined || base.amount === annualBase) {
      base ??= { amount: annualBase, description: baseDescription };
      upgraded[field] = rest;
      continue;
    }
    // A second pool spread over another base cannot share the one base: its rate is kept as stated.
    const { annualPool, ...described } = rest;
    const rate =
      annualBase === 0
        ? new Decimal(0)
        : new Decimal(annualPool as number)
            .div(annualBase)
            .toDecimalPlaces(DECIMAL_PLACES.rate, Decimal.ROUND_HALF_UP);
    upgraded[field] = {
      ...described,
      rate: rate.toNumber(),
      source: `${formatPounds(new Decimal(annualPool as number))} / ${formatPounds(new Decimal(annualBase))} (${String(baseDescription ?? "its own base")}), as derived before version 3`,
    };
    notes.push(
      `The ${name} pool was spread over its own base (${formatPounds(new Decimal(annualBase))}), not the other pool's; its rate, ${formatPercent(rate)}, is kept as a stated rate. Give both pools the one recovery base at the next revision.`
    );
  }

  upgraded.recoveryBase =
    base === undefined
      ? {
          description: "Not used: both recovery rates are stated directly",
          passThrough: "included",
          passThroughReason: PASS_THROUGH_KEPT_REASON,
        }
      : {
          description:
            typeof base.description === "string" && base.description.trim() !== ""
              ? base.description
              : "The recovery base of the earlier format",
          commercialFullCost: base.amount,
          nonCommercialMarginalCost: 0,
          passThrough: "included",
          passThroughReason: PASS_THROUGH_KEPT_REASON,
        };
  if (base !== undefined)
    notes.push(
      `The recovery base was one figure, ${formatPounds(new Decimal(base.amount))}; it is read as the forecast full cost of commercial work, with £0.00 of non-commercial marginal cost, so every rate is unchanged. The rates multiply marginal cost for non-commercial use: split the forecast into its two parts at the next revision.`
    );
  notes.push(
    "Pass-through charges stay in the recovery base, as they were in every quote priced with this strategy; a new revision may exclude them (recoveryBase.passThrough)."
  );
  return { json: upgraded, fromVersion: version, notes };
}
