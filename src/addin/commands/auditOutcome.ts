/*
 * The last audit's outcome, shared by the ribbon command and the task pane. They are separate bundles
 * in one shared runtime, so each has its own copy of this module: the outcome lives on globalThis
 * under a registered symbol, which both copies resolve to the same slot. The ribbon cannot show a
 * message itself; when its audit fails it opens the task pane, which shows this outcome.
 */
import type { ExcelAuditOutcome } from "../auditInExcel";

export type AuditSummary =
  | {
      readonly ok: true;
      /** ISO time of the audit. */
      readonly at: string;
      readonly origin: "ribbon" | "pane";
      readonly sheetName: string;
      readonly quotes: readonly { readonly sheet: string; readonly reference: string }[];
      readonly errors: number;
      readonly warnings: number;
      readonly notes: number;
    }
  | {
      readonly ok: false;
      readonly at: string;
      readonly origin: "ribbon" | "pane";
      readonly message: string;
    };

export function summariseAudit(
  outcome: ExcelAuditOutcome,
  at: Date,
  origin: AuditSummary["origin"]
): AuditSummary {
  if (!outcome.ok) return { ok: false, at: at.toISOString(), origin, message: outcome.message };
  return {
    ok: true,
    at: at.toISOString(),
    origin,
    sheetName: outcome.sheetName,
    quotes: outcome.report.quotes.map((quote) => ({
      sheet: quote.sheet,
      reference: quote.reference,
    })),
    errors: outcome.errors,
    warnings: outcome.warnings,
    notes: outcome.notes,
  };
}

type Listener = (summary: AuditSummary) => void;

interface Channel {
  last: AuditSummary | undefined;
  readonly listeners: Set<Listener>;
}

const CHANNEL = Symbol.for("nhsdp.audit.outcome");

function channel(): Channel {
  const holder = globalThis as unknown as Record<symbol, Channel | undefined>;
  let found = holder[CHANNEL];
  if (found === undefined) {
    found = { last: undefined, listeners: new Set() };
    holder[CHANNEL] = found;
  }
  return found;
}

export function publishAuditSummary(summary: AuditSummary): void {
  const shared = channel();
  shared.last = summary;
  for (const listener of [...shared.listeners]) listener(summary);
}

export function latestAuditSummary(): AuditSummary | undefined {
  return channel().last;
}

/** Calls `listener` with each audit's outcome from now on; returns the function that stops it. */
export function subscribeAuditSummary(listener: Listener): () => void {
  const shared = channel();
  shared.listeners.add(listener);
  return () => shared.listeners.delete(listener);
}
