/*
 * The audit of quote workbooks for CIDC advisers: finds each quote sheet by the names the generator
 * writes, checks it (checks.ts) and reports findings with their cells. Works on the model of
 * model.ts, so an .xlsx file (readXlsx.ts) and the open workbook in Excel (officeReader.ts, through
 * auditInExcel.ts, which the add-in imports directly so that its bundle does not carry ExcelJS) feed
 * the same checks. Never writes to what it audits.
 */
import { auditWorkbook, type AuditOptions } from "./auditWorkbook";
import type { AuditReport } from "./model";
export { auditWorkbook, type AuditOptions } from "./auditWorkbook";

export * from "./model";
import { readXlsxWorkbook } from "./readXlsx";
export { readXlsxWorkbook, WorkbookReadError } from "./readXlsx";

/** Reads the bytes of an .xlsx file and audits it. */
export async function auditXlsx(
  data: Buffer | Uint8Array,
  options: AuditOptions = {}
): Promise<AuditReport> {
  return auditWorkbook(await readXlsxWorkbook(data), options);
}
