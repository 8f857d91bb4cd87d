/**
 * The workspace in the browser's localStorage, for the standalone page. localStorage rather than
 * IndexedDB: the workspace is one string of well under a megabyte, read once and written whole, and
 * localStorage's synchronous write finishes before a closing page is torn down.
 *
 * Every way storage can fail is said to the user in words: no storage at all (a private window, site
 * data blocked), no room (the quota, about 5 MB a site in Chromium and Firefox), a stored workspace
 * that cannot be read (copied to a backup key before anything is written over it).
 */
import { emptyWorkspace, newRevision, type Workspace, type WorkspaceProblem } from "./workspace";
import { readWorkspaceJson } from "./workspaceJson";
import {
  WorkspaceSaveError,
  kilobytes,
  reasonOf,
  reconcile,
  serializeForSave,
  type LoadedWorkspace,
  type SaveOutcome,
  type WorkspaceStore,
} from "./workspaceStore";

export const BROWSER_WORKSPACE_KEY = "nhsdp.workspace";

export interface BrowserStoreOptions {
  /**
   * The storage key. Inside Office, prefix it with `Office.context.partitionKey` where defined, as
   * Microsoft advises for partitioned storage.
   */
  key?: string;
  /** The clock for `savedAt` and backup keys; injected so tests are repeatable. */
  now?: () => Date;
  /** Where another tab's saves are announced (the storage event); the page's window by default. */
  events?: StorageEvents;
}

/** The part of the window that announces another tab's writes to localStorage. */
export interface StorageEvents {
  addEventListener(type: "storage", listener: (event: { key: string | null }) => void): void;
  removeEventListener(type: "storage", listener: (event: { key: string | null }) => void): void;
}

const UNAVAILABLE =
  "This browser is not letting the page keep anything (a private window, or site data blocked), so nothing typed here is kept after the page closes. Export each partnership as a JSON file to keep it.";

/** Quota errors as Chromium, WebKit (name, code 22) and older Firefox (code 1014) report them. */
export function isQuotaExceeded(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === "QuotaExceededError" ||
    name === "NS_ERROR_DOM_QUOTA_REACHED" ||
    code === 22 ||
    code === 1014
  );
}

/**
 * localStorage if the page may use it, else undefined. Merely touching `window.localStorage` throws
 * where site data is blocked, and Safari's old private mode threw on the first write; a full storage
 * still counts as available, since what it holds can be read.
 */
export function openBrowserStorage(
  getStorage: () => Storage = () => window.localStorage
): Storage | undefined {
  let storage: Storage;
  try {
    storage = getStorage();
  } catch {
    return undefined;
  }
  const probe = `${BROWSER_WORKSPACE_KEY}.probe`;
  try {
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch (error) {
    return isQuotaExceeded(error) && storage.length > 0 ? storage : undefined;
  }
}

const byteSize = (text: string): number => new TextEncoder().encode(text).length;

export function createBrowserStore(
  storage: Storage | undefined,
  options: BrowserStoreOptions = {}
): WorkspaceStore {
  const key = options.key ?? BROWSER_WORKSPACE_KEY;
  const now = options.now ?? (() => new Date());
  const where = `browser storage "${key}"`;
  let loaded = false;
  /**
   * The stored text as this tab last read or wrote it, and the workspace it holds: when the text
   * stored differs at a save, another tab has saved since, and the save merges (mergeWorkspaces.ts).
   * The text itself rather than its revision, since any change to it, by any version, is seen.
   */
  let knownText: string | null = null;
  let known: Workspace = emptyWorkspace();
  /** Set when the stored text could not be read and could not be copied aside: it must not be written over. */
  let storedTextMustBeKept = false;

  return {
    kind: "browser",

    async load(): Promise<LoadedWorkspace> {
      loaded = true;
      const empty = { strategy: null, partnerships: [], selectedId: null };
      if (storage === undefined)
        return { workspace: empty, problems: [{ path: "browser storage", message: UNAVAILABLE }] };
      let raw: string | null;
      try {
        raw = storage.getItem(key);
      } catch (error) {
        storage = undefined;
        return {
          workspace: empty,
          problems: [{ path: "browser storage", message: `${UNAVAILABLE} (${reasonOf(error)})` }],
        };
      }
      knownText = raw;
      known = empty;
      if (raw === null) return { workspace: empty, problems: [] };

      const read = readWorkspaceJson(raw);
      known = read.workspace;
      const problems: WorkspaceProblem[] = read.problems.map((p) => ({
        path: `${where}, ${p.path}`,
        message: p.message,
      }));
      if (read.status !== "complete") {
        const backupKey = `${key}.unread.${now().toISOString()}`;
        try {
          storage.setItem(backupKey, raw);
          problems.push({
            path: where,
            message: `could not be read ${read.status === "partial" ? "completely" : "at all"}. The stored text is kept, unchanged, under "${backupKey}" in this browser's storage.`,
          });
        } catch (error) {
          storedTextMustBeKept = true;
          problems.push({
            path: where,
            message: `could not be read ${read.status === "partial" ? "completely" : "at all"}, and there is no room to keep a copy of it (${reasonOf(error)}). It is left as it is and nothing will be saved over it: export your partnerships as JSON files to keep changes.`,
          });
        }
      }
      return {
        workspace: read.workspace,
        ...(read.savedAt !== undefined ? { savedAt: read.savedAt } : {}),
        problems,
      };
    },

    async save(workspace) {
      if (!loaded)
        throw new WorkspaceSaveError(
          "not-loaded",
          "The workspace was not saved: the browser's saved workspace has not been read yet, and saving first could write over it."
        );
      if (storage === undefined) throw new WorkspaceSaveError("unavailable", UNAVAILABLE);
      if (storedTextMustBeKept)
        throw new WorkspaceSaveError(
          "full",
          "The workspace was not saved: the one already stored in this browser could not be read and there is no room to copy it aside, so it is not written over. Export your partnerships as JSON files to keep them."
        );
      let toWrite = workspace;
      let outcome: SaveOutcome = {};
      const stored = readStored(storage, key);
      if (stored !== knownText && stored !== null) {
        const theirs = readWorkspaceJson(stored);
        if (theirs.status === "complete") {
          const merged = reconcile(known, workspace, theirs.workspace);
          outcome = merged.outcome;
          if (merged.write === undefined) {
            knownText = stored;
            known = merged.merged;
            return outcome;
          }
          toWrite = merged.write;
        } else {
          // Something this tab cannot read was written since: kept aside, as at load, not merged.
          const backupKey = `${key}.unread.${now().toISOString()}`;
          try {
            storage.setItem(backupKey, stored);
          } catch (error) {
            throw new WorkspaceSaveError(
              "full",
              `The workspace was not saved: another page saved one in this browser that this page cannot read, and there is no room to keep a copy of it (${reasonOf(error)}), so it is not written over. Export your partnerships as JSON files to keep them.`,
              error
            );
          }
          outcome = {
            attention: true,
            notice: `Another page saved a workspace in this browser that this page cannot read; it is kept, unchanged, under "${backupKey}" in this browser's storage, and this page's work is saved.`,
          };
        }
      }
      const json = serializeForSave(toWrite, now(), newRevision());
      try {
        storage.setItem(key, json);
      } catch (error) {
        if (isQuotaExceeded(error))
          throw new WorkspaceSaveError(
            "full",
            `This browser's storage for the page is full, so the latest changes (${kilobytes(byteSize(json))} in all) are not saved. Export your partnerships as JSON files, then delete some from the pane or clear other data this site keeps.`,
            error
          );
        throw new WorkspaceSaveError("unavailable", `${UNAVAILABLE} (${reasonOf(error)})`, error);
      }
      knownText = json;
      known = toWrite;
      return outcome;
    },

    watch(onChange) {
      const events =
        options.events ?? (typeof window === "undefined" ? undefined : (window as StorageEvents));
      if (events === undefined) return () => undefined;
      const listener = (event: { key: string | null }) => {
        // null: the other tab cleared the storage.
        if (event.key === key || event.key === null) onChange();
      };
      events.addEventListener("storage", listener);
      return () => events.removeEventListener("storage", listener);
    },
  };
}

/** The stored text now; null when there is none or it cannot be read (then nothing is merged). */
function readStored(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
