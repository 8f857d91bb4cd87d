/*
 * The pricing strategy as the pane edits it: a plain JSON value in the shape of the strategy document,
 * kept exactly as typed (invalid included) in workspace.strategy, and checked by the document's own
 * schema. Pure: how a strategy starts (the starter, with sample figures, or blank), a new revision, and
 * whether a partnership was priced under an older revision of it and what re-pricing it would change.
 */
import { starterStrategy } from "../../../cli/starters";
import { priceDocument } from "../../../core/pricing/pricedDocument";
import { explainRepricing, type RepricingChange } from "../../../core/pricing/repricing";
import {
  parseStrategy,
  STRATEGY_FORMAT,
  STRATEGY_VERSION,
  type DocumentIssue,
  type PricingStrategy,
} from "../../../document";
import { upgradeStrategy } from "../../../document/strategyUpgrade";
import { getAt, setAt, type Draft, type Json } from "../draft";
import { pricingFromStrategy } from "../strategyInPane";

/**
 * The starter strategy with its sample figures: valid as it stands, some text marked "REPLACE:" (what
 * `nhsdp init` writes has a placeholder in every figure the trust sets as well).
 */
export function starterStrategyDraft(): Draft {
  return JSON.parse(JSON.stringify(starterStrategy())) as Draft;
}

/**
 * A strategy with nothing decided: the format, revision 1, no pass-through charges in the base (the
 * advice in docs/documents.md) and empty lists; everything the trust must decide is left for the schema to ask for.
 */
export function blankStrategyDraft(): Draft {
  return {
    format: STRATEGY_FORMAT,
    version: STRATEGY_VERSION,
    id: "",
    revision: 1,
    trust: { name: "" },
    approvedBy: "",
    staffTime: { grades: [] },
    overhead: { covers: "" },
    recoveryBase: { description: "", passThrough: "excluded" },
    fixedCostRecovery: {},
    capitalCostRecovery: {},
    standardItems: [],
  };
}

/** The draft as an object, or an empty one when the workspace holds something else (or nothing). */
export function strategyDraftOf(strategy: unknown): Draft {
  return strategy !== null && typeof strategy === "object" && !Array.isArray(strategy)
    ? (strategy as Draft)
    : {};
}

/**
 * The strategy in the current format, for editing: a version-1 or version-2 document is upgraded as
 * `nhsdp upgrade` does it (every rate kept), with what the upgrade assumed; the editor's fields are
 * the current format's.
 */
export function editableStrategy(draft: Draft): {
  draft: Draft;
  upgradedFrom?: number;
  notes: readonly string[];
} {
  const upgrade = upgradeStrategy(draft);
  return upgrade.fromVersion === undefined
    ? { draft, notes: [] }
    : { draft: upgrade.json as Draft, upgradedFrom: upgrade.fromVersion, notes: upgrade.notes };
}

/** The revision a new one follows: the draft's own when it is a whole number of at least 1. */
export function currentRevision(draft: Draft): number {
  const revision = draft.revision;
  return typeof revision === "number" && Number.isInteger(revision) && revision >= 1 ? revision : 1;
}

/**
 * The next revision of the strategy: revision + 1, taking effect on `effectiveFrom`, its approval
 * cleared (a new revision is approved before it applies). Every rate, pool and list is carried over
 * to be changed; the review date is kept, for the trust to move on.
 */
export function newRevision(draft: Draft, effectiveFrom: string): Draft {
  const next: Draft = { ...draft, revision: currentRevision(draft) + 1, effectiveFrom };
  delete next.approvedBy;
  delete next.approvedOn;
  return next;
}

export const STRATEGY_STEPS = [
  { id: "general", label: "Strategy and trust" },
  { id: "staff", label: "Staff time" },
  { id: "overhead", label: "Overhead and base" },
  { id: "pools", label: "Pools" },
  { id: "items", label: "Standard items" },
  { id: "policy", label: "Value-sharing policy" },
  { id: "rates", label: "Rates" },
] as const;
export type StrategyStep = (typeof STRATEGY_STEPS)[number]["id"];

/** The tab whose controls edit a strategy path. */
export function strategyStepOf(path: string): StrategyStep {
  if (path.startsWith("staffTime")) return "staff";
  if (path.startsWith("overhead") || path.startsWith("recoveryBase")) return "overhead";
  if (path.startsWith("fixedCostRecovery") || path.startsWith("capitalCostRecovery"))
    return "pools";
  if (path.startsWith("standardItems")) return "items";
  if (path.startsWith("valueSharingPolicy")) return "policy";
  return "general";
}

/** The schema's verdict on the draft: the strategy, or each problem by its path. */
export type StrategyCheck =
  | { readonly ok: true; readonly strategy: PricingStrategy }
  | {
      readonly ok: false;
      readonly issues: readonly DocumentIssue[];
      readonly issuesByPath: ReadonlyMap<string, readonly string[]>;
    };

export function checkStrategy(draft: Draft): StrategyCheck {
  const parsed = parseStrategy(draft);
  if (parsed.ok) return { ok: true, strategy: parsed.document };
  const issuesByPath = new Map<string, string[]>();
  for (const issue of parsed.issues) {
    const list = issuesByPath.get(issue.path) ?? [];
    list.push(issue.message);
    issuesByPath.set(issue.path, list);
  }
  return { ok: false, issues: parsed.issues, issuesByPath };
}

/** A partnership priced under an older revision of this strategy. */
export interface RepriceOffer {
  readonly from: number;
  readonly to: number;
  /** Whether the quote is still a draft: an issued quote keeps the rates it was issued with. */
  readonly draft: boolean;
}

/** Whether the partnership names this strategy (by id) at a revision older than the strategy's. */
export function repriceOffer(
  partnership: Json | undefined,
  strategy: PricingStrategy
): RepriceOffer | undefined {
  const id = getAt(partnership, ["pricing", "strategy", "id"]);
  const revision = getAt(partnership, ["pricing", "strategy", "revision"]);
  if (id !== strategy.id || typeof revision !== "number" || !(revision < strategy.revision))
    return undefined;
  const stage = getAt(partnership, ["quote", "stage"]);
  return { from: revision, to: strategy.revision, draft: stage === undefined || stage === "draft" };
}

/** The partnership priced with the strategy: its id, revision and four rates; overrides cleared. */
export function repriced(partnership: Draft, strategy: PricingStrategy): Draft {
  return setAt(partnership, ["pricing"], pricingFromStrategy(strategy));
}

/**
 * What re-pricing would change, priced by the core both ways; undefined while the partnership is
 * incomplete (it cannot be priced yet, before or after).
 */
export function repricingChange(
  partnership: Draft,
  strategy: PricingStrategy
): RepricingChange | undefined {
  const before = priceDocument(partnership);
  const after = priceDocument(repriced(partnership, strategy));
  return before.ok && after.ok ? explainRepricing(before.quote, after.quote) : undefined;
}
