/*
 * Reading the two documents from files, the same way for every command: any encoding Windows tools
 * save in, a syntax error at its line and column, a document that still holds the starter's
 * placeholders refused with each one named, and every invalid field with its path.
 */
import { explainPriceChange, type PriceChange } from "../core/pricing/priceChange";
import {
  documentKind,
  parsePartnership,
  parseStrategy,
  PLACEHOLDER,
  placeholders,
  readJsonText,
  STRATEGY_VERSION,
  type DocumentIssue,
  type Partnership,
  type PricingStrategy,
  type StrategyParseResult,
} from "../document";
import { readTextFile, UsageError } from "./files";

export function readJsonFile(file: string): unknown {
  const read = readJsonText(readTextFile(file, file));
  if (!read.ok) throw invalidDocument(file, "a JSON document", read.issues);
  return read.json;
}

function listed(issues: readonly DocumentIssue[]): string {
  return issues.map((issue) => `  ${issue.path}: ${issue.message}`).join("\n");
}

function invalidDocument(file: string, what: string, issues: readonly DocumentIssue[]): UsageError {
  return new UsageError(`${file} is not ${what} (${issues.length} problem(s)):\n${listed(issues)}`);
}

/**
 * Refuses a document that still holds placeholders, naming each by its path with what goes there.
 * The one rule `check`, `quote` and every other command apply before the schema's.
 */
function refusePlaceholders(file: string, json: unknown): void {
  const left = placeholders(json);
  if (left.length === 0) return;
  throw new UsageError(
    `${file} still has ${left.length} placeholder${left.length === 1 ? "" : "s"} for your own figures and text. Write your own in place of each "${PLACEHOLDER} ..." (a figure as a number, without the quotes), or remove an optional part you do not use, then run this again:\n${listed(left)}`
  );
}

export interface ReadPartnership {
  doc: Partnership;
  /** How the price changed, when the file was an older version of the document. */
  upgrade?: PriceChange;
}

/**
 * A partnership document from its JSON. `strategyGoes` says, when the file is a pricing strategy
 * instead, where the command takes one.
 */
export function partnershipFrom(
  file: string,
  json: unknown,
  strategyGoes?: string
): ReadPartnership {
  if (documentKind(json) === "strategy")
    throw new UsageError(
      `${file} is a pricing strategy, not a partnership document: ${strategyGoes ?? `check it with nhsdp check ${file}`}`
    );
  refusePlaceholders(file, json);
  const parsed = parsePartnership(json);
  if (!parsed.ok) throw invalidDocument(file, "a valid partnership document", parsed.issues);
  if (parsed.upgradedFrom?.original === undefined) return { doc: parsed.document };
  return {
    doc: parsed.document,
    upgrade: explainPriceChange(
      parsed.upgradedFrom.original,
      parsed.document,
      parsed.upgradedFrom.notes
    ),
  };
}

export function readPartnership(file: string, strategyGoes?: string): ReadPartnership {
  return partnershipFrom(file, readJsonFile(file), strategyGoes);
}

type StrategyUpgradeNotes = NonNullable<Extract<StrategyParseResult, { ok: true }>["upgradedFrom"]>;

/** What reading an older strategy assumed, so the trust can settle it at its next revision. */
export function reportStrategyUpgrade(
  file: string,
  upgrade: StrategyUpgradeNotes | undefined,
  stderr: (text: string) => void,
  adviseUpgrade = true
): void {
  if (upgrade === undefined) return;
  stderr(
    [
      `${file} is a version-${upgrade.version} pricing strategy, read as version ${STRATEGY_VERSION}; every rate is kept:`,
      ...upgrade.notes.map((note) => `  - ${note}`),
      ...(adviseUpgrade
        ? [`  Write it as version ${STRATEGY_VERSION} with: nhsdp upgrade ${file} -o <new file>`]
        : []),
    ].join("\n") + "\n"
  );
}

/** A pricing strategy from its JSON, with what an older version's reading assumed. */
export function parsedStrategyFrom(
  file: string,
  json: unknown
): Extract<StrategyParseResult, { ok: true }> {
  refusePlaceholders(file, json);
  const parsed = parseStrategy(json);
  if (!parsed.ok) throw invalidDocument(file, "a valid pricing strategy", parsed.issues);
  return parsed;
}

/** The strategy in a file, telling the user (on stderr) what reading an older version assumed. */
export function readStrategy(
  file: string,
  stderr: (text: string) => void,
  takes = "--strategy takes the trust's pricing strategy"
): PricingStrategy {
  const json = readJsonFile(file);
  if (documentKind(json) === "partnership")
    throw new UsageError(`${file} is a partnership document; ${takes}`);
  const parsed = parsedStrategyFrom(file, json);
  reportStrategyUpgrade(file, parsed.upgradedFrom, stderr);
  return parsed.document;
}
