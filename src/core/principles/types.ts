import type { Partnership } from "../../document/schema";
import type { PricingStrategy } from "../../document/strategy";
import type { Quote } from "../pricing/quote";

import type { Severity } from "../../model/vocabulary";

export { SEVERITIES, type Severity } from "../../model/vocabulary";

/** One thing a principle check found, written for a finance officer. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** Plain English: what is wrong or worth knowing, and what to do about it. */
  readonly message: string;
  /** The principle it comes from, e.g. "Commercial principle 2" or "DHSC principle 3". */
  readonly principle: string;
  /** Where the guide (or DHSC's principles) says so, e.g. "CIDC guide, chapter 4: Principle 2". */
  readonly guideSection: string;
  /** The document field it concerns, as a path (`valueSharing.royalty.tiers[1].rate`), when there is one. */
  readonly field?: string;
}

/** One principle as an explicit, testable rule. */
export interface PrincipleRule {
  readonly id: string;
  readonly principle: string;
  readonly guideSection: string;
  /** A sentence on what the rule checks, for documentation and the sheet's legend. */
  readonly summary: string;
  check(doc: Partnership, quote: Quote, context: CheckContext): Finding[];
}

/**
 * What a check knows beyond the document: the trust's current pricing strategy, when it is at hand,
 * and the day the check is made.
 */
export interface CheckContext {
  readonly strategy?: PricingStrategy;
  /**
   * Today, "YYYY-MM-DD", for the rules that depend on it (a quote's validity). Without it the check is
   * made as of the quote date, so it never finds a quote out of date: the CLI and the pane pass the
   * day they generate on.
   */
  readonly asOf?: string;
}
