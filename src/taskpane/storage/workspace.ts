/**
 * What the task pane saves: the trust's pricing strategy and the partnerships, each exactly as the
 * user has it in the editor (half-typed and invalid included, since an unfinished form is still work
 * that must survive a reload), and which partnership is open.
 *
 * Stored as a versioned envelope so that a later add-in can upgrade it step by step:
 *   { "format": "nhsdp.workspace", "version": 1, "savedAt": "...", "revision": "...", "strategy": ..., "partnerships": [...], "selectedId": ... }
 * The documents inside keep their own format and version; upgrading them is a separate, visible
 * step (upgradeDocuments.ts), because the user must be told what an upgrade changed.
 */

export const WORKSPACE_FORMAT = "nhsdp.workspace";
export const WORKSPACE_VERSION = 1;

export interface WorkspacePartnership {
  /** Stable across renames and saves: the editor's reference (the document's own reference may be blank or change). */
  readonly id: string;
  /** When the user last changed this partnership, ISO 8601. */
  readonly updatedAt: string;
  /** The partnership document as edited: any JSON value, valid or not. */
  readonly document: unknown;
}

export interface Workspace {
  /** The pricing strategy document as edited, or null when the pane has none yet. */
  readonly strategy: unknown;
  readonly partnerships: readonly WorkspacePartnership[];
  /** The id of the open partnership, or null when none is open. */
  readonly selectedId: string | null;
}

/** The workspace as stored: the workspace and its envelope. */
export interface WorkspaceEnvelope extends Workspace {
  readonly format: typeof WORKSPACE_FORMAT;
  readonly version: typeof WORKSPACE_VERSION;
  /** When this copy was written, ISO 8601: picks the newest of several stored copies. */
  readonly savedAt: string;
  /**
   * A token new with every save (added in version 1 without a version change: older readers ignore
   * it). A window compares it with the one it loaded or last saved to know that another window has
   * saved since; see mergeWorkspaces.ts.
   */
  readonly revision?: string;
}

/** One thing that could not be read as stored, where it was and what was wrong. */
export interface WorkspaceProblem {
  /** Where, in the store's terms: `partnerships[3].id`, `custom XML part {…}`, `localStorage "nhsdp.workspace"`. */
  readonly path: string;
  readonly message: string;
}

export function emptyWorkspace(): Workspace {
  return { strategy: null, partnerships: [], selectedId: null };
}

/**
 * A fresh partnership id; random so that ids made in two workbooks or tabs never collide.
 * getRandomValues rather than randomUUID: the latter exists only in secure contexts, and the
 * standalone page may be opened over plain http on a trust's intranet.
 */
export function newPartnershipId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return `p-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** A fresh revision token for a save: random, so two windows saving at once never write the same one. */
export function newRevision(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return `r-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
