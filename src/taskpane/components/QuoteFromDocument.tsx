import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Label,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import type { Severity } from "../../core/principles";
import type { ExcelRun } from "../../sheets/officeWriter";
import { deliveryTargetHere, type DeliveryTarget } from "../deliverWorkbook";
import {
  createQuoteSheet,
  exportPartnerCopy,
  quoteViewFromFile,
  type CreateOutcome,
  type GenerateQuoteInExcel,
  type QuoteSummary,
  type QuoteView,
  type WritePartnerCopy,
} from "../quoteFromDocument";

/* global Excel, HTMLInputElement */

export const PARTNER_COPY_NOTE =
  "The partner copy is the quote sheet alone: no principle findings, no register.";

export const EXCEL_NOTE =
  "Open this add-in in Excel to create the quote sheet; the figures above are the same.";

/** The sheet writer, loaded on first use so the task pane opens without waiting for it. */
const generateQuoteInExcel: GenerateQuoteInExcel = async (run, json, generatedAt) => {
  const writer = await import(/* webpackChunkName: "quote-writer" */ "../../sheets/quoteInExcel");
  return writer.generateQuoteInExcel(run, json, generatedAt);
};

/** The .xlsx writer (with ExcelJS), loaded only when a partner copy is exported. */
const writePartnerCopy: WritePartnerCopy = async (json, generatedAt) => {
  const writer = await import(/* webpackChunkName: "partner-copy" */ "../../sheets/partnerCopy");
  return writer.partnerCopyFromDocument(json, generatedAt);
};

const excelRun: ExcelRun = (batch) => Excel.run(batch);

const SEVERITY_BADGE: Readonly<Record<Severity, BadgeProps["color"]>> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  heading: {
    margin: 0,
  },
  intro: {
    margin: 0,
  },
  picker: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  pickerRow: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  fileName: {
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  // Visually hidden but still in the page, labelled and settable: the Button opens it.
  fileInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  results: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  issuesHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  issuesBody: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  issues: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  issue: {
    overflowWrap: "anywhere",
  },
  path: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
  },
  figures: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "minmax(0, auto) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  figureTerm: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
  },
  figureValue: {
    margin: 0,
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  money: {
    fontVariantNumeric: "tabular-nums",
  },
  totalIncVat: {
    fontVariantNumeric: "tabular-nums",
    fontWeight: tokens.fontWeightSemibold,
  },
  priceChangeList: {
    marginBlock: "4px 0",
    paddingInlineStart: "16px",
  },
  basisReason: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
  },
  findings: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  groupHeading: {
    margin: 0,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  findingList: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  finding: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  source: {
    color: tokens.colorNeutralForeground3,
  },
  actions: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
  },
  note: {
    color: tokens.colorNeutralForeground3,
  },
});

function countText(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function Issues({
  heading,
  issues,
  note,
}: {
  heading: string;
  issues: readonly { path: string; message: string }[];
  note?: string;
}): React.JSX.Element {
  const styles = useStyles();
  const headingId = React.useId();
  return (
    <MessageBar intent="error" layout="multiline" politeness="polite" aria-labelledby={headingId}>
      <MessageBarBody className={styles.issuesBody}>
        <h3 id={headingId} className={styles.issuesHeading}>
          {heading}
        </h3>
        {note && <span>{note}</span>}
        {issues.length > 0 && (
          <ul className={styles.issues} aria-label="Problems">
            {issues.map((issue, index) => (
              <li key={`${index}-${issue.path}`} className={styles.issue}>
                <span className={styles.path}>{issue.path}</span>: {issue.message}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

function Summary({ summary }: { summary: QuoteSummary }): React.JSX.Element {
  const styles = useStyles();
  const rows: [string, string, string?][] = [
    ["Reference", summary.reference],
    ["Partner", summary.partner],
    ["Use", summary.use],
    ["Pricing basis", summary.basis],
    ["Total (ex VAT)", summary.total, styles.money],
    [`VAT at ${summary.vatRate}`, summary.vat, styles.money],
    ["Total inc VAT", summary.totalIncVat, styles.totalIncVat],
  ];
  return (
    <>
      <Subtitle2 as="h3" className={styles.heading}>
        Quote {summary.reference}
      </Subtitle2>
      <dl className={styles.figures} aria-label="Quote summary">
        {rows.map(([term, value, className]) => (
          <React.Fragment key={term}>
            <dt className={styles.figureTerm}>{term}</dt>
            <dd className={`${styles.figureValue} ${className ?? ""}`}>{value}</dd>
          </React.Fragment>
        ))}
      </dl>
      <Caption1 as="p" className={styles.basisReason}>
        {summary.basisReason}
      </Caption1>
      {summary.priceChange.length > 0 && (
        <MessageBar intent="warning" layout="multiline" aria-label="Price change on upgrade">
          <MessageBarBody>
            <Body1 as="p" block>
              {summary.priceChange[0]}
            </Body1>
            <ul className={styles.priceChangeList}>
              {summary.priceChange.slice(1).map((line, index) => (
                <li key={index}>{line.trim()}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.findings} aria-label="Principle findings">
        <Subtitle2 as="h3" className={styles.heading}>
          Principle findings
        </Subtitle2>
        {summary.findingCount === 0 ? (
          <Body1 as="p" className={styles.intro}>
            No findings: nothing in the document goes against the DHSC or commercial principles
            checked.
          </Body1>
        ) : (
          summary.findingGroups.map((group) => (
            <div key={group.severity} className={styles.findings}>
              <h4 className={styles.groupHeading}>
                <Badge appearance="filled" color={SEVERITY_BADGE[group.severity]}>
                  {group.label}
                </Badge>
                <span>{countText(group.findings.length, "finding", "findings")}</span>
              </h4>
              <ul className={styles.findingList}>
                {group.findings.map((finding, index) => (
                  <li key={`${finding.ruleId}-${index}`} className={styles.finding}>
                    <Body1>{finding.message}</Body1>
                    <Caption1 className={styles.source}>
                      {finding.principle} · {finding.guideSection}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>
    </>
  );
}

export interface QuoteFromDocumentProps {
  /** Whether the quote sheet can be written: true in Excel, false outside it, undefined while starting. */
  excelAvailable: boolean | undefined;
  /** Injected for tests; by default the sheet writer and Excel.run. */
  generate?: GenerateQuoteInExcel;
  run?: ExcelRun;
  /** Injected for tests; by default the .xlsx writer and this page's delivery (new workbook or download). */
  writePartner?: WritePartnerCopy;
  deliveryTarget?: DeliveryTarget;
}

export function QuoteFromDocument({
  excelAvailable,
  generate = generateQuoteInExcel,
  run = excelRun,
  writePartner = writePartnerCopy,
  deliveryTarget,
}: QuoteFromDocumentProps): React.JSX.Element {
  const styles = useStyles();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const [reading, setReading] = React.useState(false);
  const [view, setView] = React.useState<QuoteView | undefined>(undefined);
  const [creating, setCreating] = React.useState(false);
  const [outcome, setOutcome] = React.useState<CreateOutcome | undefined>(undefined);
  // Only the latest file chosen is shown, however the reads finish.
  const latestRead = React.useRef(0);

  const [exporting, setExporting] = React.useState(false);
  const busy = creating || exporting;
  const canCreate = view?.status === "valid" && excelAvailable === true && !busy;
  // Outside Excel the partner copy is downloaded, so it needs only a valid document.
  const canExport = view?.status === "valid" && excelAvailable !== undefined && !busy;
  // Once there are figures to see, say why they cannot become a sheet here.
  const showExcelNote = view?.status === "valid" && !reading && excelAvailable === false;

  const onFileChange = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const readId = ++latestRead.current;
    setReading(true);
    setOutcome(undefined);
    const next = await quoteViewFromFile(file);
    // Let the same file be chosen again (after editing it, say).
    input.value = "";
    if (readId !== latestRead.current) return;
    setView(next);
    setReading(false);
  };

  const onCreate = async () => {
    if (!canCreate || view?.status !== "valid") return;
    setCreating(true);
    setOutcome(undefined);
    setOutcome(await createQuoteSheet(generate, run, view.json, new Date()));
    setCreating(false);
  };

  const onExport = async () => {
    if (!canExport || view?.status !== "valid") return;
    setExporting(true);
    setOutcome(undefined);
    const target = deliveryTarget ?? deliveryTargetHere(excelAvailable === true);
    setOutcome(await exportPartnerCopy(writePartner, view.json, new Date(), target));
    setExporting(false);
  };

  return (
    <Card className={styles.card} aria-labelledby="quote-heading" role="region">
      <Subtitle2 as="h2" id="quote-heading" className={styles.heading}>
        Quote from a partnership document
      </Subtitle2>
      <Body1 as="p" className={styles.intro}>
        Choose a partnership document to check it and price it. Nothing is written to the workbook
        until you create the quote sheet.
      </Body1>

      <div className={styles.picker}>
        <Label htmlFor="partnership-file" id="partnership-file-label" weight="semibold">
          Partnership document (.json)
        </Label>
        <input
          ref={inputRef}
          id="partnership-file"
          className={styles.fileInput}
          type="file"
          accept=".json,application/json"
          tabIndex={-1}
          onChange={onFileChange}
        />
        <div className={styles.pickerRow}>
          <Button
            id="partnership-file-button"
            aria-labelledby="partnership-file-button partnership-file-label"
            aria-describedby="partnership-file-name"
            disabled={busy}
            onClick={() => inputRef.current?.click()}
          >
            Choose file…
          </Button>
          <Caption1 id="partnership-file-name" className={styles.fileName}>
            {view?.fileName ?? "No file chosen"}
          </Caption1>
        </div>
      </div>

      <div className={styles.results} aria-live="polite" id="quote-results">
        {reading && <Spinner size="tiny" label="Reading the document…" />}
        {!reading && view?.status === "invalid" && (
          <Issues
            heading={view.heading}
            issues={view.issues}
            note="Nothing was written to the workbook. Correct the document and choose it again."
          />
        )}
        {!reading && view?.status === "valid" && <Summary summary={view.summary} />}
      </div>

      <div className={styles.actions}>
        {/* Focusable while disabled, so a screen reader reaches it and hears why it is disabled. */}
        <Button
          appearance="primary"
          disabledFocusable={!canCreate}
          aria-describedby={showExcelNote ? "quote-excel-note" : undefined}
          onClick={onCreate}
        >
          Create quote sheet
        </Button>
        <Button
          disabledFocusable={!canExport}
          aria-describedby="partner-copy-note"
          onClick={onExport}
        >
          {excelAvailable ? "Export partner copy" : "Download partner copy"}
        </Button>
        <Caption1 as="p" className={`${styles.intro} ${styles.note}`} id="partner-copy-note">
          {PARTNER_COPY_NOTE}
        </Caption1>
        {showExcelNote && (
          <Caption1 as="p" className={`${styles.intro} ${styles.note}`} id="quote-excel-note">
            {EXCEL_NOTE}
          </Caption1>
        )}
      </div>

      <div className={styles.results} aria-live="polite">
        {creating && <Spinner size="tiny" label="Creating the quote sheet…" />}
        {exporting && <Spinner size="tiny" label="Making the partner copy…" />}
        {outcome?.status === "success" && (
          <MessageBar intent="success" politeness="polite">
            <MessageBarBody>{outcome.message}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.status === "warning" && (
          <MessageBar intent="warning" politeness="polite">
            <MessageBarBody>{outcome.message}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.status === "error" && (
          <Issues heading={outcome.message} issues={outcome.issues} />
        )}
      </div>
    </Card>
  );
}

export default QuoteFromDocument;
