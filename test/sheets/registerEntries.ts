/* Register entries, and how a register's table is read back: for register.test.ts and register.engines.test.ts. */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { REGISTER_HEADERS, type RegisterEntry } from "../../src/workbook/layouts/register/register";

export const E1: RegisterEntry = {
  reference: "Q-2025-001",
  partner: "Acme Analytics",
  use: "Commercial",
  stage: "Draft",
  owner: "Jo Bloggs, Head of Data",
  total: 12345.67,
  valueSharing: "Royalty 4% of revenue, for 10 years",
  igStatus: "DPIA: in progress",
  reviewDate: "2027-03-31",
  generated: "2025-06-30T10:30",
};
export const E2: RegisterEntry = {
  reference: "Q-2025-002",
  partner: "=cmd|' /C calc'!A0",
  use: "_x0041_ \r\n use",
  stage: "Issued",
  total: 99.5,
  valueSharing: "None",
  igStatus: "Complete",
  generated: "2025-07-01",
};
export const E3: RegisterEntry = {
  reference: "Q-2025-003",
  partner: "University of Somewhere",
  use: "Non-commercial",
  stage: "Accepted",
  total: 0,
  valueSharing: "None",
  igStatus: "Complete",
  generated: "2025-07-02T08:00:00Z",
};
/** E1 generated again: accepted, a new total, the owner gone. */
export const E1_AGAIN: RegisterEntry = {
  ...E1,
  reference: " q-2025-001 ",
  stage: "Accepted",
  owner: undefined,
  total: 15000,
  igStatus: "Complete",
  generated: "2025-08-01T09:15",
};

export const COLUMNS = REGISTER_HEADERS.length;
// Reference, Partner, Use, Stage, Owner, Total, Value sharing, IG status, Review date, Last generated
export const LAST_COLUMN = "J";

export async function tableXml(buffer: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const files = Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
  return Promise.all(files.map((f) => zip.file(f)!.async("string")));
}

export async function load(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

export function rowValues(ws: ExcelJS.Worksheet, row: number, columns = COLUMNS): unknown[] {
  return Array.from({ length: columns }, (_, i) => ws.getCell(row, i + 1).value);
}
