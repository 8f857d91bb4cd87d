/** The task pane's persistence: the workspace model, its two stores, and the saver that feeds them. */
export * from "./workspace";
export type { WorkspaceStore } from "./workspaceStore";
export { createWorkbookStore } from "./workbookStore";
export { createBrowserStore, openBrowserStorage } from "./browserStore";
export { upgradeWorkspaceDocuments } from "./upgradeDocuments";
export { createDebouncedSaver } from "./debouncedSaver";
export { flushWhenPageHides } from "./pageLifecycle";
export { withEditsSince } from "./mergeWorkspaces";
