/** The words the product uses for its own vocabulary, wherever a user reads them: pane, CLI and sheets. */
import type { CostComponent, MechanismKind, Severity } from "./vocabulary";

/**
 * A severity's name beside one finding (`one`) and over a list of them (`group`). The one word set for
 * severities wherever a person reads them: the task pane, the findings sheet, the audit report and the
 * command line all say error, warning and note (never "info" or "information").
 */
export const SEVERITY_NAMES: Readonly<
  Record<Severity, { readonly one: string; readonly group: string }>
> = {
  error: { one: "Error", group: "Errors" },
  warning: { one: "Warning", group: "Warnings" },
  info: { one: "Note", group: "Notes" },
};

/** A severity as a table or a line of output marks a finding: "ERROR", "WARNING", "NOTE". */
export function severityWord(severity: Severity): string {
  return SEVERITY_NAMES[severity].one.toUpperCase();
}

/** A count of findings of one severity: "no errors", "1 warning", "3 notes". */
export function severityCount(count: number, severity: Severity): string {
  const { one, group } = SEVERITY_NAMES[severity];
  if (count === 0) return `no ${group.toLowerCase()}`;
  return `${count} ${(count === 1 ? one : group).toLowerCase()}`;
}

/** Each value-sharing mechanism's name. */
export const MECHANISM_LABELS: Readonly<Record<MechanismKind, string>> = {
  fixed: "Fixed payment",
  subscription: "Subscription",
  milestones: "Milestones",
  royalty: "Royalty",
};

/** Each cost component a strategy's overhead rate or pools may cover, as a finance officer names it. */
export const COST_COMPONENT_LABELS: Readonly<Record<CostComponent, string>> = {
  "estates-utilities": "Estates and utilities (buildings, energy, facilities)",
  "management-administration": "Management and administration",
  "finance-legal": "Finance and legal services",
  "hr-training": "HR and training",
  "information-governance": "Information governance and data protection",
  "it-service-desk": "IT service desk and end-user IT",
  "platform-operation": "Operating the data platform or SDE",
  "sde-build": "Building the SDE (depreciation)",
  "data-acquisition": "Acquiring new data",
  "platform-improvement": "Platform improvements",
  equipment: "Equipment (depreciation)",
};
