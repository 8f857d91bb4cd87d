/*
 * Ribbon command handlers. In the shared runtime this bundle is loaded by taskpane.html
 * (the manifest's FunctionFile), alongside the task pane and the custom functions.
 * It may also be loaded outside Office (a plain browser, tests), so nothing here may throw
 * when the Office global is missing.
 */

/* global Office */

import { excelRun, type ExcelRun } from "../excelRun";
import { publishAuditSummary, summariseAudit, type AuditSummary } from "./auditOutcome";

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

/** What the Audit workbook command needs from Office, so a test can hand it a mock. */
export interface AuditCommandHost {
  readonly run: ExcelRun;
  readonly now: () => Date;
  /** Opens the task pane, where a failed audit's message is shown. */
  readonly showTaskpane: () => Promise<void>;
}

/**
 * Audits the open workbook and adds the report sheet (activated, so the user sees it at once). The
 * outcome is published for the task pane; on failure the pane is opened to show the message, since a
 * ribbon command has no message box of its own. Never rejects.
 */
export async function runAuditCommand(host: AuditCommandHost): Promise<AuditSummary> {
  const at = host.now();
  let summary: AuditSummary;
  try {
    // Loaded on first use: the audit and the sheet writer are not needed to open the pane.
    const { auditOpenWorkbook } = await import(/* webpackChunkName: "audit" */ "../auditInExcel");
    summary = summariseAudit(await auditOpenWorkbook(host.run, at), at, "ribbon");
  } catch (error) {
    summary = {
      ok: false,
      at: at.toISOString(),
      origin: "ribbon",
      message: `The audit could not be started, and nothing was changed: ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
  publishAuditSummary(summary);
  if (!summary.ok) {
    console.error(`NHSDP: ${summary.message}`);
    try {
      await host.showTaskpane();
    } catch (error) {
      console.error("NHSDP: could not show the task pane", error);
    }
  }
  return summary;
}

/** Ribbon "Audit workbook" handler (manifest: ExecuteFunction auditWorkbook). */
export async function auditWorkbook(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await runAuditCommand({
      run: excelRun,
      now: () => new Date(),
      showTaskpane: async () => {
        if (officeAvailable() && Office.addin && typeof Office.addin.showAsTaskpane === "function")
          await Office.addin.showAsTaskpane();
      },
    });
  } finally {
    event?.completed();
  }
}

/** Registers the command handlers with Office; returns false when Office (or Office.actions) is unavailable. */
export function registerCommands(): boolean {
  if (!officeAvailable() || !Office.actions || typeof Office.actions.associate !== "function")
    return false;
  Office.actions.associate("action", action);
  Office.actions.associate("auditWorkbook", auditWorkbook);
  return true;
}

if (officeAvailable() && typeof Office.onReady === "function") {
  Office.onReady(() => {
    // Office.js is ready; nothing else to initialise for the commands.
  }).catch(() => undefined);
}

registerCommands();
