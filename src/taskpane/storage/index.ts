/** The task pane's persistence: the workspace model, its two stores, and the saver that feeds them. */
export * from "./workspace";
export {
  readWorkspaceJson,
  readWorkspaceValue,
  serializeWorkspace,
  WorkspaceNotSerializableError,
  type WorkspaceRead,
} from "./workspaceJson";
export { WORKSPACE_XML_NAMESPACE, jsonFromWorkspaceXml, workspaceXml } from "./workspaceXml";
export {
  WorkspaceSaveError,
  type LoadedWorkspace,
  type WorkspaceSaveFailure,
  type WorkspaceStore,
  type WorkspaceStoreKind,
} from "./workspaceStore";
export { createWorkbookStore, type WorkbookStoreOptions } from "./workbookStore";
export {
  BROWSER_WORKSPACE_KEY,
  createBrowserStore,
  isQuotaExceeded,
  openBrowserStorage,
  type BrowserStoreOptions,
} from "./browserStore";
export {
  upgradeWorkspaceDocuments,
  type PartnershipNotUpgraded,
  type PartnershipUpgrade,
  type WorkspaceDocumentsUpgrade,
} from "./upgradeDocuments";
export {
  createDebouncedSaver,
  DEFAULT_SAVE_DELAY_MS,
  DEFAULT_SAVE_MAX_WAIT_MS,
  type DebouncedSaver,
  type DebouncedSaverOptions,
} from "./debouncedSaver";
export { flushWhenPageHides, type PageToWatch } from "./pageLifecycle";
