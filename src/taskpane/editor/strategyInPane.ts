/*
 * The trust's pricing strategy in the pane: one per workspace, imported as its JSON document and used
 * by every partnership: new partnerships start from its trust and rates, a cost line can be picked from
 * its staff grades and standard items, and the findings say where a quote departs from it.
 */
import Decimal from "decimal.js";
import { formatPercent, formatPounds, perUnit } from "../../model/format";
import { passThroughInRecoveryBase, strategyRates } from "../../core/pricing/strategy";
import { PRICING_RATES } from "../../model/vocabulary";
import {
  documentKind,
  parseStrategy,
  readJsonText,
  type DocumentIssue,
  type PricingStrategy,
} from "../../document";
import type { Draft, Json } from "./draft";
import type { EditorWorkspace } from "./workspace";

export type StrategyState =
  | { readonly status: "none" }
  | { readonly status: "valid"; readonly strategy: PricingStrategy }
  | { readonly status: "invalid"; readonly issues: readonly DocumentIssue[] };

export function strategyState(workspace: EditorWorkspace): StrategyState {
  if (workspace.strategy === null || workspace.strategy === undefined) return { status: "none" };
  const parsed = parseStrategy(workspace.strategy);
  return parsed.ok
    ? { status: "valid", strategy: parsed.document }
    : { status: "invalid", issues: parsed.issues };
}

/** "RXX-DATA-PRICING revision 1: on-costs 25%, overheads 20%, fixed costs 10%, capital 5%". */
export function describeStrategyRates(strategy: PricingStrategy): string {
  const rates = strategyRates(strategy);
  return `${strategy.id} revision ${strategy.revision}: staff on-costs ${formatPercent(rates.staffOnCostRate)}, overheads ${formatPercent(rates.overheadRate)}, fixed cost recovery ${formatPercent(rates.fixedCostRecoveryRate)}, capital cost recovery ${formatPercent(rates.capitalCostRecoveryRate)}`;
}

/** The document's `pricing` as the strategy sets it: its id and revision, its four rates, no overrides. */
export function pricingFromStrategy(strategy: PricingStrategy): Draft {
  const rates = strategyRates(strategy);
  const pricing: Draft = {
    strategy: { id: strategy.id, revision: strategy.revision },
    overrides: [],
  };
  for (const rate of PRICING_RATES) pricing[rate] = rates[rate].toNumber();
  pricing["passThroughInRecoveryBase"] = passThroughInRecoveryBase(strategy);
  return pricing;
}

/** The trust as a new partnership starts with it. */
export function trustFromStrategy(strategy: PricingStrategy): Draft {
  return JSON.parse(JSON.stringify(strategy.trust)) as Draft;
}

export interface StrategyChoice {
  /** "grade:band-6" or "item:sde-user-month". */
  readonly value: string;
  readonly label: string;
}

/** What a cost line can be picked from: the staff grades, then the standard items. */
export function strategyChoices(strategy: PricingStrategy): StrategyChoice[] {
  return [
    ...strategy.staffTime.grades.map((grade) => ({
      value: `grade:${grade.id}`,
      label: `${grade.name} (${formatPounds(new Decimal(grade.rate))} ${perUnit(grade.unit)})`,
    })),
    ...strategy.standardItems.map((item) => ({
      value: `item:${item.id}`,
      label: `${item.name} (${formatPounds(new Decimal(item.unitPrice))} ${perUnit(item.unit)}${item.passThrough ? ", pass-through" : ""})`,
    })),
  ];
}

/** Which choice a line was picked from, if any. */
export function choiceOf(line: Json | undefined): string {
  if (line === null || typeof line !== "object" || Array.isArray(line)) return "";
  if (typeof line.staffGrade === "string") return `grade:${line.staffGrade}`;
  if (typeof line.standardItem === "string") return `item:${line.standardItem}`;
  return "";
}

/** The description a choice gives a line: the grade's or the item's name. */
function choiceName(strategy: PricingStrategy, value: string): string | undefined {
  const [kind, id] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  if (kind === "grade") return strategy.staffTime.grades.find((g) => g.id === id)?.name;
  if (kind === "item") return strategy.standardItems.find((i) => i.id === id)?.name;
  return undefined;
}

/**
 * Whether a line's description came from a choice rather than from the user: it is empty, or it is
 * word for word the name of the choice the line was priced from, or of any of the strategy's grades
 * and items (a line set back to "Typed by hand" keeps the name of what it was, and must not carry it
 * to the next choice).
 */
export function descriptionFromChoice(line: Draft, strategy: PricingStrategy): boolean {
  const description = line.description;
  if (description === undefined || description === null) return true;
  if (typeof description !== "string") return false;
  const text = description.trim();
  if (text === "") return true;
  const previous = choiceName(strategy, choiceOf(line));
  return (
    text === previous?.trim() ||
    strategy.staffTime.grades.some((g) => g.name.trim() === text) ||
    strategy.standardItems.some((i) => i.name.trim() === text)
  );
}

/**
 * The line priced as the strategy prices the choice: a grade's unit and rate (staff time), or an item's
 * category, unit, price and pass-through, and its name as the description. A description the user
 * typed is kept; one that came from a previous choice is replaced, so a line never goes to the partner
 * described as one thing and priced as another. Its quantity is kept.
 */
export function applyChoice(line: Draft, strategy: PricingStrategy, value: string): Draft {
  // What the choice decides is set afresh; the rest of the line is kept.
  const rest: Draft = { ...line };
  for (const field of ["staffGrade", "standardItem", "passThrough", "kind"]) delete rest[field];
  const generated = descriptionFromChoice(line, strategy);
  const describe = (name: string) => (generated ? name : (rest.description as string));
  const [kind, id] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  if (kind === "grade") {
    const grade = strategy.staffTime.grades.find((g) => g.id === id);
    if (!grade) return line;
    const category =
      rest.category === "services" || rest.category === "data-access-people"
        ? rest.category
        : "services";
    return {
      ...rest,
      category,
      kind: "staff",
      description: describe(grade.name),
      unit: grade.unit,
      unitCost: grade.rate,
      staffGrade: grade.id,
    };
  }
  if (kind === "item") {
    const item = strategy.standardItems.find((i) => i.id === id);
    if (!item) return line;
    return {
      ...rest,
      category: item.category,
      description: describe(item.name),
      unit: item.unit,
      unitCost: item.unitPrice,
      passThrough: item.passThrough,
      standardItem: item.id,
    };
  }
  return rest;
}

export type StrategyImport =
  | { ok: true; workspace: EditorWorkspace; message: string }
  | { ok: false; message: string; issues: readonly DocumentIssue[] };

/** The workspace with the strategy read from a JSON file (kept even with problems, to be corrected). */
export function importStrategyJson(
  workspace: EditorWorkspace,
  text: string,
  fileName: string
): StrategyImport {
  const read = readJsonText(text);
  if (!read.ok) return { ok: false, message: `${fileName} is not valid JSON`, issues: read.issues };
  if (documentKind(read.json) !== "strategy")
    return {
      ok: false,
      message: `${fileName} is not a pricing strategy`,
      issues: [{ path: "format", message: 'must be "nhsdp.pricing-strategy"' }],
    };
  const parsed = parseStrategy(read.json);
  return {
    ok: true,
    workspace: { ...workspace, strategy: read.json },
    message: parsed.ok
      ? `Using ${fileName}: ${describeStrategyRates(parsed.document)}.`
      : `Imported ${fileName}, which has ${parsed.issues.length === 1 ? "a problem" : `${parsed.issues.length} problems`} to correct before its rates can be used.`,
  };
}
