/*
 * Where the pane runs, decided without loading anything heavy: the page's entry needs it before its
 * first render.
 */

/** What the Office globals look like to `excelAvailable`; `globalThis` in the task pane. */
export interface OfficeGlobals {
  readonly Excel?: unknown;
  readonly Office?: {
    readonly context?: { readonly host?: unknown } | null;
    readonly HostType?: { readonly Excel?: unknown } | null;
  } | null;
}

/**
 * True when the quote sheet can be written: the Excel API is loaded and the add-in runs in Excel.
 * Call it after Office.onReady. Never throws, whatever the page (a plain browser has neither global).
 */
export function excelAvailable(env: OfficeGlobals = globalThis as OfficeGlobals): boolean {
  try {
    const office = env.Office;
    if (typeof env.Excel === "undefined" || !office) return false;
    const excelHost = office.HostType?.Excel ?? "Excel";
    const host = office.context?.host;
    return host !== undefined && host !== null && host === excelHost;
  } catch {
    return false;
  }
}
