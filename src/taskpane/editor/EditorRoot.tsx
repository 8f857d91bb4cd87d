/*
 * The editor as the pane loads it: on demand, after the pane's first render, because it carries the
 * document schemas and the pricing core. It opens the stored workspace (the workbook in Excel, the
 * browser's storage outside), says what the user should know about it, and shows the partnerships.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { excelRun } from "../../addin/excelRun";
import type { WorkspaceStore } from "../storage";
import { PartnershipsPane } from "./PartnershipsPane";
import { UndoProvider } from "./UndoMessage";
import { storeHere, useStoredWorkspace } from "./useStoredWorkspace";

const defaultStore = (inExcel: boolean): WorkspaceStore => storeHere(inExcel, excelRun);

export interface EditorRootProps {
  /** True in Excel, false outside it, undefined while Office starts. */
  excelAvailable: boolean | undefined;
  /** Where the workspace is kept; by default the workbook in Excel and the browser's storage outside. */
  makeStore?: (inExcel: boolean) => WorkspaceStore;
}

export default function EditorRoot({
  excelAvailable,
  makeStore = defaultStore,
}: EditorRootProps): React.JSX.Element {
  const stored = useStoredWorkspace(excelAvailable, makeStore);
  return (
    <>
      {stored.notices.map((notice, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ))}
      {/* Always on the page, so each message another window's save brings is announced; out of the
          layout while empty. */}
      <div
        role="status"
        aria-label="Changes from other windows"
        style={stored.mergeNotice ? undefined : { position: "absolute" }}
      >
        {stored.mergeNotice && (
          <MessageBar
            key={stored.mergeNotice.message}
            intent={stored.mergeNotice.attention ? "warning" : "info"}
          >
            <MessageBarBody>{stored.mergeNotice.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {stored.workspace === undefined ? (
        <Spinner size="small" label="Opening your partnerships…" />
      ) : (
        <UndoProvider>
          <PartnershipsPane
            excelAvailable={excelAvailable}
            workspace={stored.workspace}
            onWorkspaceChange={stored.setWorkspace}
          />
        </UndoProvider>
      )}
    </>
  );
}
