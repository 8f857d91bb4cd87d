/** Where the pane keeps its workspace: the workbook in Excel, the browser's storage standalone. */
import type { Workspace, WorkspaceProblem } from "./workspace";
import { WorkspaceNotSerializableError, serializeWorkspace } from "./workspaceJson";
import { describeMerge, mergeWorkspaces, sameJson } from "./mergeWorkspaces";

export type WorkspaceStoreKind = "workbook" | "browser";

export interface LoadedWorkspace {
  /** What could be read; an empty workspace when nothing was stored or nothing could be read. */
  readonly workspace: Workspace;
  /** When the copy opened was saved, if anything was. */
  readonly savedAt?: string;
  /**
   * Everything the user should be told: what could not be read, and where the unread original is
   * kept (it is never written over).
   */
  readonly problems: readonly WorkspaceProblem[];
}

export interface WorkspaceStore {
  readonly kind: WorkspaceStoreKind;
  /** Reads the stored workspace. Rejects only when the store itself cannot be reached. */
  load(): Promise<LoadedWorkspace>;
  /**
   * Replaces the stored workspace. Call load first: until the store has seen what is stored it
   * cannot know what it must not write over. Rejects with WorkspaceSaveError.
   */
  save(workspace: Workspace): Promise<SaveOutcome>;
  /**
   * Calls `onChange` when another window may have saved the workspace (the browser's storage event);
   * the caller then saves, and the save merges. Returns a function that stops watching. Stores whose
   * host tells nothing (a workbook's custom XML part) find out at their next save instead.
   */
  watch?(onChange: () => void): () => void;
}

/** What a save did beyond writing what it was given. */
export interface SaveOutcome {
  /**
   * Set when another window had saved since this one loaded or last saved: what is stored now, both
   * windows' changes merged. The pane shows it in place of what it asked to save.
   */
  readonly workspace?: Workspace;
  /** What the user must be told about it (both versions of a partnership kept...). */
  readonly notice?: string;
  /** True when the notice asks for the user's attention (two versions kept), not merely informs. */
  readonly attention?: boolean;
}

export type WorkspaceSaveFailure =
  /** The store has no room (browser quota, a payload too large for Excel). */
  | "full"
  /** The store cannot be used at all (no localStorage in private mode, storage disabled). */
  | "unavailable"
  /** The workspace holds a value JSON cannot keep unchanged. */
  | "not-serializable"
  /** save before load. */
  | "not-loaded"
  /** Anything else the host reported. */
  | "failed";

/** A save that did not happen: nothing was written, and the message says why in the user's terms. */
export class WorkspaceSaveError extends Error {
  constructor(
    readonly failure: WorkspaceSaveFailure,
    message: string,
    /** What the host threw, for the console; the message already says what it means. */
    readonly cause?: unknown
  ) {
    super(message);
    this.name = "WorkspaceSaveError";
  }
}

/** The message of anything thrown, for a sentence shown to the user. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error)
    return String((error as { message: unknown }).message);
  return String(error);
}

/** Kilobytes for a message, from a UTF-16 length or a byte count. */
export function kilobytes(size: number): string {
  return `${Math.ceil(size / 1024).toLocaleString("en-GB")} KB`;
}

/** The workspace as JSON text, or a WorkspaceSaveError naming each value JSON would change. */
export function serializeForSave(workspace: Workspace, now: Date, revision?: string): string {
  try {
    return serializeWorkspace(workspace, now, revision);
  } catch (error) {
    if (error instanceof WorkspaceNotSerializableError)
      throw new WorkspaceSaveError("not-serializable", error.message, error);
    throw error;
  }
}

/**
 * What to write when the stored workspace is no longer the one this window last loaded or saved
 * (`base`): both sides' changes merged. `write` is undefined when the merge is what is stored already
 * (this window had changed nothing), so two windows never answer each other's saves forever.
 */
export function reconcile(
  base: Workspace,
  ours: Workspace,
  theirs: Workspace
): { write: Workspace | undefined; merged: Workspace; outcome: SaveOutcome } {
  const merge = mergeWorkspaces(base, ours, theirs);
  const attention =
    merge.conflicts.length > 0 || merge.keptDespiteDeletion.length > 0 || merge.strategyConflict;
  const merged = merge.workspace;
  const notice = describeMerge(merge);
  const storedAlready =
    sameJson(merged.strategy, theirs.strategy) &&
    sameJson(merged.partnerships, theirs.partnerships);
  return {
    write: storedAlready ? undefined : merged,
    merged,
    outcome: { workspace: merged, ...(notice !== undefined ? { notice, attention } : {}) },
  };
}
