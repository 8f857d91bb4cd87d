/* A finding as the audit reports it, for the report sheet's tests (auditSheet*.test.ts). */
import type { AuditFinding } from "../../src/audit";

export const AUDITED_AT = new Date("2026-12-01T09:30:00Z");
export const GUIDE = "CIDC guide, chapter 5";

export const finding = (over: Partial<AuditFinding>): AuditFinding => ({
  severity: "error",
  check: "arithmetic",
  sheet: "Quote R-1",
  cell: "G12",
  message: "The cost of line svc-deid shows £5,500.00, but the sheet's own inputs give £5,400.00.",
  guideSection: GUIDE,
  ...over,
});
