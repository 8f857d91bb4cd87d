/** The words the product uses for its own vocabulary, wherever a user reads them: pane, CLI and sheets. */
import type { MechanismKind, Severity } from "./vocabulary";

/** A severity's name beside one finding (`one`) and over a list of them (`group`). */
export const SEVERITY_NAMES: Readonly<
  Record<Severity, { readonly one: string; readonly group: string }>
> = {
  error: { one: "Error", group: "Errors" },
  warning: { one: "Warning", group: "Warnings" },
  info: { one: "Note", group: "Information" },
};

/** Each value-sharing mechanism's name. */
export const MECHANISM_LABELS: Readonly<Record<MechanismKind, string>> = {
  fixed: "Fixed payment",
  subscription: "Subscription",
  milestones: "Milestones",
  royalty: "Royalty",
};
