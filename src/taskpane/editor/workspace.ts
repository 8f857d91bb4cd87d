/*
 * The partnerships the pane holds (several per workbook, or per browser) and which one is open: pure
 * operations, so the component only decides when to call them.
 */
import {
  DOCUMENT_VERSION,
  documentKind,
  migrateToCurrent,
  readJsonText,
  type DocumentIssue,
} from "../../document";
import {
  emptyWorkspace,
  newPartnershipId,
  type Workspace,
  type WorkspacePartnership,
} from "../storage/workspace";
import { isoDay } from "../../model/format";
import { getAt, newPartnershipDraft, type Draft, type Json } from "./draft";
import { removeItem, restoreItem, type RemovedItem } from "./removal";

/** The workspace the pane saves (storage/workspace.ts), as the editor works on it. */
export type EditorWorkspace = Workspace;

export const EMPTY_WORKSPACE: EditorWorkspace = emptyWorkspace();

/** A stored document as the editor's draft: a document that is not even an object starts afresh. */
export function draftOf(partnership: WorkspacePartnership | undefined): Draft | undefined {
  const document = partnership?.document;
  return document !== null && typeof document === "object" && !Array.isArray(document)
    ? (document as Draft)
    : undefined;
}

/** A reference not yet used in the workspace: DP-2026-001, DP-2026-002... */
export function nextReference(workspace: EditorWorkspace, today: Date): string {
  const used = new Set(
    workspace.partnerships.map((p) => String(getAt(draftOf(p), ["reference"]) ?? "").toUpperCase())
  );
  const year = today.getFullYear();
  let n = 1;
  while (used.has(`DP-${year}-${String(n).padStart(3, "0")}`)) n++;
  return `DP-${year}-${String(n).padStart(3, "0")}`;
}

export function selected(workspace: EditorWorkspace): WorkspacePartnership | undefined {
  return workspace.partnerships.find((p) => p.id === workspace.selectedId);
}

function withPartnership(workspace: EditorWorkspace, document: Draft, now: Date): EditorWorkspace {
  const id = newPartnershipId();
  return {
    ...workspace,
    partnerships: [...workspace.partnerships, { id, updatedAt: now.toISOString(), document }],
    selectedId: id,
  };
}

/**
 * Adds a new partnership and opens it: for the trust and at the rates of the trust's pricing strategy
 * when there is one, otherwise of the partnership open (if any).
 */
export function addNew(
  workspace: EditorWorkspace,
  today: Date,
  fromStrategy?: { trust: Draft; pricing: Draft }
): EditorWorkspace {
  const current = draftOf(selected(workspace));
  const trust = fromStrategy?.trust ?? getAt(current, ["trust"]);
  const pricing = fromStrategy?.pricing ?? getAt(current, ["pricing"]);
  return withPartnership(
    workspace,
    newPartnershipDraft({
      today,
      reference: nextReference(workspace, today),
      ...(trust && typeof trust === "object" && !Array.isArray(trust) ? { trust } : {}),
      ...(pricing && typeof pricing === "object" && !Array.isArray(pricing)
        ? { pricing: { ...pricing, overrides: [] } }
        : {}),
    }),
    today
  );
}

/** A copy of the open partnership under a new reference, dated today, as a draft. */
export function duplicateSelected(workspace: EditorWorkspace, today: Date): EditorWorkspace {
  const current = draftOf(selected(workspace));
  if (!current) return workspace;
  const copy: Draft = {
    ...current,
    reference: nextReference(workspace, today),
    quote: { stage: "draft", date: isoDay(today) },
  };
  return withPartnership(workspace, copy, today);
}

export function replaceSelected(
  workspace: EditorWorkspace,
  document: Draft,
  now: Date
): EditorWorkspace {
  return {
    ...workspace,
    partnerships: workspace.partnerships.map((p) =>
      p.id === workspace.selectedId ? { ...p, document, updatedAt: now.toISOString() } : p
    ),
  };
}

/** A partnership deleted from the workspace, and its place in the list, to put back with Undo. */
export type DeletedPartnership = RemovedItem<WorkspacePartnership>;

/**
 * The workspace without the open partnership, and what was deleted; the next partnership is opened
 * (the previous one when it was the last, none when it was the only one).
 */
export function deleteSelected(
  workspace: EditorWorkspace
): { workspace: EditorWorkspace; deleted: DeletedPartnership } | undefined {
  const index = workspace.partnerships.findIndex((p) => p.id === workspace.selectedId);
  const taken = removeItem(workspace.partnerships, index);
  if (!taken) return undefined;
  const next = taken.list[Math.min(index, taken.list.length - 1)];
  return {
    workspace: { ...workspace, partnerships: taken.list, selectedId: next?.id ?? null },
    deleted: taken.removed,
  };
}

/**
 * The workspace with a deleted partnership back at its place, with its id and contents, and open.
 * Nothing changes if a partnership with its id is already there, so Undo never makes a second copy.
 */
export function restoreDeleted(
  workspace: EditorWorkspace,
  deleted: DeletedPartnership
): EditorWorkspace {
  if (workspace.partnerships.some((p) => p.id === deleted.item.id)) return workspace;
  return {
    ...workspace,
    partnerships: restoreItem(workspace.partnerships, deleted).list,
    selectedId: deleted.item.id,
  };
}

export type ImportResult =
  | { ok: true; workspace: EditorWorkspace; message: string }
  | { ok: false; message: string; issues: readonly DocumentIssue[] };

/**
 * Adds a partnership document read from a JSON file, upgraded to the current version if it is older
 * (and says what the upgrade changed). A document with problems is still imported, so the user can
 * correct it in the pane; only a file that is not a partnership document at all is refused.
 */
export function importJson(
  workspace: EditorWorkspace,
  text: string,
  fileName: string,
  now: Date
): ImportResult {
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
  const upgraded = migrated.fromVersion < DOCUMENT_VERSION;
  const notes = migrated.notes?.length ? ` ${migrated.notes.join(" ")}` : "";
  return {
    ok: true,
    workspace: withPartnership(workspace, migrated.document as Draft, now),
    message: upgraded
      ? `Imported ${fileName}, upgraded from version ${migrated.fromVersion} to the current format.${notes}`
      : `Imported ${fileName}.`,
  };
}

/** The open partnership as the JSON file a user exports: the document exactly as it stands. */
export function exportJson(document: Json): string {
  return JSON.stringify(document, null, 2) + "\n";
}
