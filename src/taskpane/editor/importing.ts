/*
 * Import JSON…: a partnership document read as the command line reads it, an older one upgraded and
 * how its price changed said in the core's own words (core/pricing/priceChange.ts); and, when the list
 * already holds a partnership with its reference, the ways on: replace that one (undoably) or keep
 * both. Pure operations, so the component only decides when to call them.
 */
import { describePriceChange, explainPriceChange } from "../../core/pricing/priceChange";
import {
  DOCUMENT_VERSION,
  documentKind,
  migrateToCurrent,
  parsePartnership,
  readJsonText,
  type DocumentIssue,
} from "../../document";
import { newPartnershipId, type WorkspacePartnership } from "../storage/workspace";
import type { CreateOutcome } from "../quoteFromDocument";
import { getAt, type Draft } from "./draft";
import {
  draftOf,
  restoreDeleted,
  withPartnership,
  type DeletedPartnership,
  type EditorWorkspace,
} from "./workspace";

/** A partnership document read from a file, ready to go into the list. */
export interface ImportedDocument {
  readonly fileName: string;
  /** The document in the current version, as the editor holds it. */
  readonly document: Draft;
  /** Its reference, trimmed; "" when it has none. */
  readonly reference: string;
  /**
   * What reading an older version changed: for a version-1 document, how its price changed, the first
   * line a sentence and the rest a line each, as `nhsdp quote` prints them.
   */
  readonly upgrade?: {
    readonly lines: readonly string[];
    /** Whether the total ex VAT changed, which the user must know before going on. */
    readonly priceChanged: boolean;
  };
}

export type ImportRead =
  | { readonly ok: true; readonly imported: ImportedDocument }
  | { readonly ok: false; readonly message: string; readonly issues: readonly DocumentIssue[] };

/** What reading an older document changed, or undefined for a document already in the current version. */
function upgradeOf(json: unknown, fromVersion: number, notes: readonly string[] | undefined) {
  if (fromVersion >= DOCUMENT_VERSION) return undefined;
  const parsed = parsePartnership(json);
  const original = parsed.ok ? parsed.upgradedFrom?.original : undefined;
  if (parsed.ok && original !== undefined) {
    const change = explainPriceChange(original, parsed.document, parsed.upgradedFrom?.notes);
    const [first = "", ...rest] = describePriceChange(change);
    return {
      lines: [first, ...rest.map((line) => line.trim())],
      priceChanged: !change.change.isZero(),
    };
  }
  // Version 2 priced as version 3 does; a version-1 document with problems cannot be priced yet.
  const unpriced =
    fromVersion === 1
      ? " How its price changed shows once the problems Review lists are corrected."
      : "";
  return {
    lines: [
      `It was written in version ${fromVersion} of the format and is upgraded to the current one.${notes?.length ? ` ${notes.join(" ")}` : ""}${unpriced}`,
    ],
    priceChanged: false,
  };
}

/**
 * Reads a partnership document from a JSON file's text, upgraded to the current version if it is
 * older. A document with problems is still read, so the user can correct it in the pane; only a file
 * that is not a partnership document at all is refused, with why.
 */
export function readImport(text: string, fileName: string): ImportRead {
  const read = readJsonText(text);
  if (!read.ok) return { ok: false, message: `${fileName} is not valid JSON`, issues: read.issues };
  if (documentKind(read.json) !== "partnership")
    return {
      ok: false,
      message: `${fileName} is not a partnership document`,
      issues: [
        {
          path: "format",
          message:
            'must be "nhsdp.partnership" (a pricing strategy or another file cannot be imported here)',
        },
      ],
    };
  const migrated = migrateToCurrent(read.json);
  if (!migrated.ok)
    return {
      ok: false,
      message: `${fileName} cannot be read as a partnership`,
      issues: migrated.issues,
    };
  const document = migrated.document as Draft;
  const upgrade = upgradeOf(read.json, migrated.fromVersion, migrated.notes);
  return {
    ok: true,
    imported: {
      fileName,
      document,
      reference: String(getAt(document, ["reference"]) ?? "").trim(),
      ...(upgrade ? { upgrade } : {}),
    },
  };
}

/** The partnerships in the list with `reference` (letter case aside); none for a blank reference. */
export function withReference(
  workspace: EditorWorkspace,
  reference: string
): WorkspacePartnership[] {
  const wanted = reference.trim().toUpperCase();
  if (wanted === "") return [];
  return workspace.partnerships.filter(
    (p) =>
      String(getAt(draftOf(p), ["reference"]) ?? "")
        .trim()
        .toUpperCase() === wanted
  );
}

/**
 * What the import did, as the pane says it: "added" beside whatever the list holds, "kept both" beside
 * a partnership with the same reference, "replaced" (the Undo notice says what was replaced, so this
 * says only what the upgrade changed, if anything). Undefined when there is nothing more to say.
 */
export function importOutcome(
  imported: ImportedDocument,
  how: "added" | "kept both" | "replaced"
): CreateOutcome | undefined {
  const [headline, ...details] = imported.upgrade?.lines ?? [];
  const lead =
    how === "added"
      ? `Imported ${imported.fileName}.`
      : how === "kept both"
        ? `Imported ${imported.fileName} beside the ${imported.reference} already in the list: both are kept, and the list tells them apart by when each was last changed. If they are different partnerships, give one a new reference.`
        : "";
  const message = [lead, headline].filter(Boolean).join(" ");
  if (message === "") return undefined;
  const status = imported.upgrade?.priceChanged ? "warning" : "success";
  return details.length > 0 ? { status, message, details } : { status, message };
}

/** The workspace with the imported document added at the end of the list, and open. */
export function addImported(
  workspace: EditorWorkspace,
  imported: ImportedDocument,
  now: Date
): EditorWorkspace {
  return withPartnership(workspace, imported.document, now);
}

/** A partnership replaced by an imported one, to put back with Undo. */
export interface ReplacedPartnership {
  /** The partnership as it was, and its place in the list. */
  readonly replaced: DeletedPartnership;
  /** The imported partnership that took its place, as it was when imported. */
  readonly replacement: WorkspacePartnership;
}

/**
 * The workspace with the partnership `id` replaced by the imported document, in its place in the
 * list, and open; undefined when no partnership has that id (any more).
 */
export function replaceWithImported(
  workspace: EditorWorkspace,
  id: string,
  imported: ImportedDocument,
  now: Date
): { workspace: EditorWorkspace; replaced: ReplacedPartnership } | undefined {
  const index = workspace.partnerships.findIndex((p) => p.id === id);
  const partnership = workspace.partnerships[index];
  if (partnership === undefined) return undefined;
  const replacement: WorkspacePartnership = {
    id: newPartnershipId(),
    updatedAt: now.toISOString(),
    document: imported.document,
  };
  return {
    workspace: {
      ...workspace,
      partnerships: workspace.partnerships.map((p, i) => (i === index ? replacement : p)),
      selectedId: replacement.id,
    },
    replaced: { replaced: { index, item: partnership }, replacement },
  };
}

/**
 * Undoes a replacement: the partnership replaced is back in its place, with its id and contents, and
 * open. The imported one goes, unless it has been changed since it was imported: then nothing the user
 * did is lost, and it stays beside the one put back (`keptImported`).
 */
export function undoReplace(
  workspace: EditorWorkspace,
  { replaced, replacement }: ReplacedPartnership
): { workspace: EditorWorkspace; keptImported: boolean } {
  const now = workspace.partnerships.find((p) => p.id === replacement.id);
  const unchanged =
    now === undefined ||
    (now.updatedAt === replacement.updatedAt &&
      JSON.stringify(now.document) === JSON.stringify(replacement.document));
  const without = unchanged
    ? { ...workspace, partnerships: workspace.partnerships.filter((p) => p !== now) }
    : workspace;
  return { workspace: restoreDeleted(without, replaced), keptImported: !unchanged };
}
