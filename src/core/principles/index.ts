import type { Partnership } from "../../document/schema";
import { priceQuote, type Quote } from "../pricing/quote";
import { PRINCIPLE_RULES } from "./rules";
import { SEVERITIES, type CheckContext, type Finding, type Severity } from "./types";

export * from "./types";
export * from "./rules";

/**
 * Checks a partnership against the DHSC's five guiding principles and the CIDC's four commercial
 * principles. Returns every finding, errors first, then warnings, then information; within a
 * severity, in rule order. Pass the quote if you already have it; otherwise it is priced here. Pass
 * the trust's pricing strategy to check the quote's rates and lines against it.
 */
export function checkPrinciples(
  doc: Partnership,
  quote: Quote = priceQuote(doc),
  context: CheckContext = {},
  rules = PRINCIPLE_RULES
): Finding[] {
  const findings = rules.flatMap((rule) => rule.check(doc, quote, context));
  const rank = (severity: Severity) => SEVERITIES.indexOf(severity);
  // Array.prototype.sort is stable, so rule order is kept within a severity.
  return findings.sort((a, b) => rank(a.severity) - rank(b.severity));
}

/** True when any finding is an error: the partnership should not be agreed as it stands. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === "error");
}
