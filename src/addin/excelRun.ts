/*
 * The one batch the add-in's work in Excel goes through. The layers below take an
 * `Excel.RequestContext` and queue (and sync) on it; the add-in starts the `Excel.run` that gives them
 * one, through an `ExcelRun` injected so tests can pass a mock. Nothing is imported here, so the pane's
 * first load can take the default without the writers.
 */

/* global Excel */

/** `Excel.run` (or a stand-in with the same single-batch signature). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real `Excel.run`, looking the `Excel` global up only when a batch is run. */
export const excelRun: ExcelRun = (batch) => Excel.run(batch);
