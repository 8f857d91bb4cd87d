import * as React from "react";
import {
  Body1,
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  latestAuditSummary,
  publishAuditSummary,
  subscribeAuditSummary,
  summariseAudit,
  type AuditSummary,
} from "../../addin/commands/auditOutcome";
import { excelRun, type ExcelRun } from "../../addin/excelRun";

/** Audits the open workbook; the audit and the sheet writer are loaded on first use. */
async function auditHere(run: ExcelRun): Promise<AuditSummary> {
  const at = new Date();
  const { auditOpenWorkbook } = await import(
    /* webpackChunkName: "audit" */ "../../addin/auditInExcel"
  );
  return summariseAudit(await auditOpenWorkbook(run, at), at, "pane");
}

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;

/** "2 quote sheets audited: 1 error, 0 warnings, 3 notes." */
export function auditSummaryText(summary: Extract<AuditSummary, { ok: true }>): string {
  return `${plural(summary.quotes.length, "quote sheet")} audited: ${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${plural(summary.notes, "note")}.`;
}

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  text: { margin: 0 },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface AuditWorkbookProps {
  /** Whether the workbook can be read and written; undefined while Office.js is starting. */
  excelAvailable: boolean | undefined;
  /** Excel.run, or a stand-in. */
  run?: ExcelRun;
}

export function AuditWorkbook({
  excelAvailable,
  run = excelRun,
}: AuditWorkbookProps): React.JSX.Element {
  const styles = useStyles();
  // The ribbon's audit publishes here too, so the pane shows the last audit whichever started it.
  const [summary, setSummary] = React.useState<AuditSummary | undefined>(latestAuditSummary);
  const [busy, setBusy] = React.useState(false);
  React.useEffect(() => subscribeAuditSummary(setSummary), []);

  const onAudit = async () => {
    setBusy(true);
    try {
      publishAuditSummary(await auditHere(run));
    } catch (error) {
      publishAuditSummary({
        ok: false,
        at: new Date().toISOString(),
        origin: "pane",
        message: `The audit could not be started, and nothing was changed: ${error instanceof Error ? error.message : String(error)}.`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className={styles.card} aria-labelledby="audit-heading" role="region">
      <Subtitle2 as="h2" id="audit-heading" className={styles.heading}>
        Audit this workbook
      </Subtitle2>
      <Body1 as="p" className={styles.text}>
        Checks every quote sheet in the workbook: each figure against its inputs, each formula,
        inputs changed since the quote was generated, missing or added lines and the principles. The
        findings go on a new Audit sheet, each with a link to its cell; the quote sheets are only
        read.
      </Body1>
      <div className={styles.row}>
        <Button appearance="primary" disabled={excelAvailable !== true || busy} onClick={onAudit}>
          Audit this workbook
        </Button>
        {busy ? <Spinner size="tiny" label="Auditing…" /> : null}
      </div>
      {summary?.ok === true ? (
        <MessageBar intent={summary.errors > 0 ? "warning" : "success"} layout="multiline">
          <MessageBarBody>
            {auditSummaryText(summary)} The findings are on the sheet{" "}
            <span className={styles.sheetName}>{summary.sheetName}</span>.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {summary?.ok === false ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{summary.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </Card>
  );
}
