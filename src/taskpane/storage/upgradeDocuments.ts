/**
 * Upgrades partnership documents saved in an older version, on load, so that the editor only ever
 * edits the current version, and says per partnership what changed so the pane can tell the user.
 * Documents already in the current version are left exactly as stored, even when invalid: they are
 * the user's unfinished work, and parsing would fill in defaults they never chose.
 */
import type { DocumentIssue } from "../../document/issues";
import { parsePartnership } from "../../document/parse";
import { DOCUMENT_VERSION } from "../../document/schema";
import type { Workspace, WorkspacePartnership } from "./workspace";

export interface PartnershipUpgrade {
  readonly id: string;
  /** The document's reference, if it has one, to name it to the user. */
  readonly reference?: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  /** What the upgrade changed beyond the format (a figure rounded, a rate capped). */
  readonly notes: readonly string[];
  /** The document as it was stored, so the pane can offer it for export before it is saved over. */
  readonly original: unknown;
}

export interface PartnershipNotUpgraded {
  readonly id: string;
  readonly reference?: string;
  readonly fromVersion: number;
  /** Why its own version's schema refuses it; the document is left as stored. */
  readonly issues: readonly DocumentIssue[];
}

export interface WorkspaceDocumentsUpgrade {
  /** The workspace with every upgradable document in the current version. */
  readonly workspace: Workspace;
  readonly upgraded: readonly PartnershipUpgrade[];
  readonly notUpgraded: readonly PartnershipNotUpgraded[];
}

function storedVersion(document: unknown): number | undefined {
  const version = (document as { version?: unknown } | null)?.version;
  return typeof version === "number" && Number.isInteger(version) ? version : undefined;
}

function referenceOf(document: unknown): { reference?: string } {
  const reference = (document as { reference?: unknown } | null)?.reference;
  return typeof reference === "string" && reference.trim() !== "" ? { reference } : {};
}

export function upgradeWorkspaceDocuments(workspace: Workspace): WorkspaceDocumentsUpgrade {
  const upgraded: PartnershipUpgrade[] = [];
  const notUpgraded: PartnershipNotUpgraded[] = [];
  const partnerships = workspace.partnerships.map((partnership): WorkspacePartnership => {
    const version = storedVersion(partnership.document);
    if (version === undefined || version >= DOCUMENT_VERSION) return partnership;
    const parsed = parsePartnership(partnership.document);
    if (!parsed.ok) {
      notUpgraded.push({
        id: partnership.id,
        ...referenceOf(partnership.document),
        fromVersion: version,
        issues: parsed.issues,
      });
      return partnership;
    }
    if (parsed.upgradedFrom === undefined) return partnership;
    upgraded.push({
      id: partnership.id,
      ...referenceOf(partnership.document),
      fromVersion: parsed.upgradedFrom.version,
      toVersion: DOCUMENT_VERSION,
      notes: parsed.upgradedFrom.notes,
      original: partnership.document,
    });
    return { ...partnership, document: parsed.document };
  });
  return { workspace: { ...workspace, partnerships }, upgraded, notUpgraded };
}
