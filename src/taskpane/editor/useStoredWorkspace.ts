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
  const saver = React.useRef<ReturnType<typeof createDebouncedSaver<EditorWorkspace>>>(undefined);

  React.useEffect(() => {
    if (excelAvailable === undefined) return undefined;
    const store = makeStore(excelAvailable);
    let cancelled = false;
    const save = createDebouncedSaver<EditorWorkspace>({
      save: (state) => store.save(state),
      onError: (error) =>
        setNotices((list) => [
          ...list.filter((notice) => !notice.startsWith("Not saved")),
          `Not saved: ${error instanceof Error ? error.message : String(error)}. Your changes are still here; export them as JSON to keep a copy.`,
        ]),
      onSaved: () => setNotices((list) => list.filter((notice) => !notice.startsWith("Not saved"))),
    });
    saver.current = save;
    const stopWatching = flushWhenPageHides(() => void save.flush());
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
        setState(upgrade.workspace);
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
      void save.flush().then(() => save.dispose());
    };
  }, [excelAvailable, makeStore]);

  const setWorkspace = React.useCallback((next: EditorWorkspace) => {
    setState(next);
    saver.current?.change(next);
  }, []);

  return { workspace, setWorkspace, notices, kept };
}
