/*
 * Ribbon command handlers. In the shared runtime this bundle is loaded by taskpane.html
 * (the manifest's FunctionFile), alongside the task pane and the custom functions.
 * It may also be loaded outside Office (a plain browser, tests), so nothing here may throw
 * when the Office global is missing.
 */

/* global Office */

function officeAvailable(): boolean {
  return typeof Office !== "undefined";
}

/**
 * Ribbon "action" handler: opens the task pane (the manifest's button does this with ShowTaskpane;
 * this is for ExecuteFunction controls that point at "action").
 * @param event The add-in command event; must be completed so Office stops waiting on the command.
 */
export async function action(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    if (officeAvailable() && Office.addin && typeof Office.addin.showAsTaskpane === "function") {
      await Office.addin.showAsTaskpane();
    }
  } catch (error) {
    console.error("NHSDP: could not show the task pane", error);
  } finally {
    event?.completed();
  }
}

/** Registers the command handlers with Office; returns false when Office (or Office.actions) is unavailable. */
export function registerCommands(): boolean {
  if (!officeAvailable() || !Office.actions || typeof Office.actions.associate !== "function")
    return false;
  Office.actions.associate("action", action);
  return true;
}

if (officeAvailable() && typeof Office.onReady === "function") {
  Office.onReady(() => {
    // Office.js is ready; nothing else to initialise for the commands.
  }).catch(() => undefined);
}

registerCommands();
