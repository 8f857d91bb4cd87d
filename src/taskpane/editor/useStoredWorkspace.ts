/*
 * The workspace held by the pane and kept where the pane runs: in the workbook (a custom XML part) in
 * Excel, in the browser's storage outside it. It is loaded once the host is known, older documents are
 * upgraded (and the user told what changed), and every change is saved a moment after the typing stops
 * and again when the page hides, so closing the pane loses as little as can be.
 */
import * as React from "react";
import type { ExcelRun } from "../../addin/excelRun";
import {
  createBrowserStore,
  createDebouncedSaver,
  createWorkbookStore,
  flushWhenPageHides,
  withEditsSince,
  openBrowserStorage,
  upgradeWorkspaceDocuments,
  type WorkspaceStore,
} from "../storage";
import { EMPTY_WORKSPACE, type EditorWorkspace } from "./workspace";

export interface StoredWorkspace {
  /** Undefined until the stored workspace has been read. */
  workspace: EditorWorkspace | undefined;
  setWorkspace: (workspace: EditorWorkspace) => void;
  /** What the user should know about what was loaded or saved (problems, upgrades, a failed save). */
  notices: readonly string[];
  /** Where the work is kept, for the pane to say. */
  kept: "workbook" | "browser" | undefined;
  /**
   * What another window's saves did here, when the user must know (both versions of a partnership
   * kept, an unreadable copy set aside), or that they were merged in.
   */
  mergeNotice: { message: string; attention: boolean } | undefined;
}

/** The store for where the pane runs: the open workbook in Excel, the browser's storage outside it. */
export function storeHere(inExcel: boolean, run: ExcelRun): WorkspaceStore {
  return inExcel ? createWorkbookStore(run) : createBrowserStore(openBrowserStorage());
}

export function useStoredWorkspace(
  excelAvailable: boolean | undefined,
  makeStore: (inExcel: boolean) => WorkspaceStore
): StoredWorkspace {
  const [workspace, setState] = React.useState<EditorWorkspace | undefined>(undefined);
  const [notices, setNotices] = React.useState<string[]>([]);
  const [kept, setKept] = React.useState<StoredWorkspace["kept"]>(undefined);
  const [mergeNotice, setMergeNotice] = React.useState<StoredWorkspace["mergeNotice"]>(undefined);
  const saver = React.useRef<ReturnType<typeof createDebouncedSaver<EditorWorkspace>>>(undefined);
  // The workspace as the user has it now, for a merge to apply the edits made while it was saving.
  const current = React.useRef<EditorWorkspace | undefined>(undefined);

  React.useEffect(() => {
    if (excelAvailable === undefined) return undefined;
    const store = makeStore(excelAvailable);
    let cancelled = false;
    const save = createDebouncedSaver<EditorWorkspace>({
      save: async (state) => {
        const outcome = await store.save(state);
        if (cancelled) return;
        if (outcome.notice !== undefined)
          setMergeNotice({ message: outcome.notice, attention: outcome.attention === true });
        const merged = outcome.workspace;
        if (merged === undefined) return;
        // Another window saved meanwhile: show what is stored now, with any edit made here since
        // `state` was handed to the store applied on top, and save that in its turn.
        const next = withEditsSince(state, current.current ?? state, merged);
        current.current = next;
        setState(next);
        if (next !== merged) save.change(next);
      },
      onError: (error) =>
        setNotices((list) => [
          ...list.filter((notice) => !notice.startsWith("Not saved")),
          `Not saved: ${error instanceof Error ? error.message : String(error)}. Your changes are still here; export them as JSON to keep a copy.`,
        ]),
      onSaved: () => setNotices((list) => list.filter((notice) => !notice.startsWith("Not saved"))),
    });
    saver.current = save;
    const stopWatching = flushWhenPageHides(() => void save.flush());
    // Another tab saved: save here too, which merges its changes in (and writes only if this one has
    // changes of its own).
    let stopListening: () => void = () => undefined;
    store
      .load()
      .then((loaded) => {
        if (cancelled) return;
        const upgrade = upgradeWorkspaceDocuments(loaded.workspace);
        setNotices([
          ...loaded.problems.map((problem) => `${problem.path}: ${problem.message}`),
          ...upgrade.upgraded.map(
            (u) =>
              `${u.reference ?? "A partnership"} was saved in version ${u.fromVersion} of the format and is now in version ${u.toVersion}${u.notes.length ? `: ${u.notes.join(" ")}` : "."}`
          ),
          ...upgrade.notUpgraded.map(
            (n) =>
              `${n.reference ?? "A partnership"} is in version ${n.fromVersion} of the format and could not be upgraded: ${n.issues.map((issue) => `${issue.path} ${issue.message}`).join("; ")}`
          ),
        ]);
        setKept(store.kind);
        current.current = upgrade.workspace;
        setState(upgrade.workspace);
        stopListening =
          store.watch?.(() => {
            if (current.current !== undefined) save.change(current.current);
          }) ?? stopListening;
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setNotices([
          `Your saved work could not be read (${error instanceof Error ? error.message : String(error)}); nothing has been written over it.`,
        ]);
        setState(EMPTY_WORKSPACE);
      });
    return () => {
      cancelled = true;
      stopWatching();
      stopListening();
      void save.flush().then(() => save.dispose());
    };
  }, [excelAvailable, makeStore]);

  const setWorkspace = React.useCallback((next: EditorWorkspace) => {
    current.current = next;
    setState(next);
    saver.current?.change(next);
  }, []);

  return { workspace, setWorkspace, notices, kept, mergeNotice };
}
