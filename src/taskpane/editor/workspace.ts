/*
 * The partnerships the pane holds (several per workbook, or per browser) and which one is open: pure
 * operations, so the component only decides when to call them.
 */
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

/** A partnership's reference and partner, as the list shows them. */
function named(document: Draft | undefined): { reference: string; partner: string } {
  return {
    reference: String(getAt(document, ["reference"]) ?? "").trim() || "(no reference)",
    partner: String(getAt(document, ["partner", "name"]) ?? "").trim(),
  };
}

/** A partnership as the list names it: "DP-2025-011: Radiant Vision AI Ltd". */
export function partnershipLabel(document: Draft | undefined): string {
  const { reference, partner } = named(document);
  return partner ? `${reference}: ${partner}` : reference;
}

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const two = (n: number) => String(n).padStart(2, "0");

/**
 * When a partnership was last changed, in this machine's time, the time first (what tells two apart
 * first shows first in a narrow list): "09:30 on 23 Nov", or with seconds.
 */
function changedAt(updatedAt: string, seconds: boolean): string {
  const at = new Date(updatedAt);
  if (Number.isNaN(at.getTime())) return "at an unknown time";
  const time = `${two(at.getHours())}:${two(at.getMinutes())}`;
  return `${time}${seconds ? `:${two(at.getSeconds())}` : ""} on ${at.getDate()} ${MONTHS[at.getMonth()]}`;
}

/**
 * How the list names each partnership (by id): its reference and partner, and, where two or more
 * would read the same (a document imported again and kept beside the one there), when each was last
 * changed, to the minute or, if that does not tell them apart, to the second (and, failing that, which
 * of them it is), after the reference so that it shows in a narrow pane:
 * "DP-2025-011 (changed 09:30 on 23 Nov): Radiant Vision AI Ltd".
 */
export function listLabels(partnerships: readonly WorkspacePartnership[]): Map<string, string> {
  const labels = new Map(partnerships.map((p) => [p.id, partnershipLabel(draftOf(p))]));
  const alike = new Map<string, WorkspacePartnership[]>();
  for (const p of partnerships) {
    const label = labels.get(p.id) ?? "";
    alike.set(label, [...(alike.get(label) ?? []), p]);
  }
  const distinct = (names: readonly string[]) => new Set(names).size === names.length;
  for (const group of alike.values()) {
    if (group.length < 2) continue;
    const minutes = group.map((p) => `changed ${changedAt(p.updatedAt, false)}`);
    const seconds = group.map((p) => `changed ${changedAt(p.updatedAt, true)}`);
    const when = distinct(minutes)
      ? minutes
      : distinct(seconds)
        ? seconds
        : seconds.map((at, i) => `${i + 1} of ${group.length}, ${at}`);
    group.forEach((p, i) => {
      const { reference, partner } = named(draftOf(p));
      labels.set(p.id, `${reference} (${when[i]})${partner ? `: ${partner}` : ""}`);
    });
  }
  return labels;
}

export function selected(workspace: EditorWorkspace): WorkspacePartnership | undefined {
  return workspace.partnerships.find((p) => p.id === workspace.selectedId);
}

/** The workspace with `document` added at the end of the list, and open. */
export function withPartnership(
  workspace: EditorWorkspace,
  document: Draft,
  now: Date
): EditorWorkspace {
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

/** The open partnership as the JSON file a user exports: the document exactly as it stands. */
export function exportJson(document: Json): string {
  return JSON.stringify(document, null, 2) + "\n";
}
