/*
 * The draft priced as the user types: every problem the schema finds, indexed by field so each control
 * shows its own; and, once the document is valid, the quote and its principle findings. The same
 * priceDocument the quote sheet and the partner copy use, so the pane's total is the sheet's total.
 */
import type { Finding } from "../../core/principles";
import type { Quote } from "../../core/pricing/quote";
import type { DocumentIssue, Partnership, PricingStrategy } from "../../document";
import { priceDocument } from "../../core/pricing/pricedDocument";
import type { Draft } from "./draft";

export type PricedDraft =
  | {
      readonly status: "priced";
      readonly doc: Partnership;
      readonly quote: Quote;
      readonly findings: readonly Finding[];
    }
  | {
      readonly status: "invalid";
      readonly issues: readonly DocumentIssue[];
      /** Each field's problems, by path (`costs.lines[2].unitCost`). */
      readonly issuesByPath: ReadonlyMap<string, readonly string[]>;
    };

/** With the trust's strategy, the findings also say where the quote's rates and lines depart from it. */
export function priceDraft(draft: Draft, strategy?: PricingStrategy): PricedDraft {
  const priced = priceDocument(draft, strategy ? { strategy } : {});
  if (priced.ok) return { status: "priced", ...priced };
  const issuesByPath = new Map<string, string[]>();
  for (const issue of priced.issues) {
    const list = issuesByPath.get(issue.path) ?? [];
    list.push(issue.message);
    issuesByPath.set(issue.path, list);
  }
  return { status: "invalid", issues: priced.issues, issuesByPath };
}

/**
 * The problems at `path` or inside it (a list's own problem and its items'), for a control or a
 * section heading that should say something is wrong within.
 */
export function issuesWithin(priced: PricedDraft, path: string): DocumentIssue[] {
  if (priced.status !== "invalid") return [];
  return priced.issues.filter(
    (issue) =>
      issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`)
  );
}
