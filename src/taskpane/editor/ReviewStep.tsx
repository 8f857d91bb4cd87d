/*
 * The Review step: the priced breakdown line by line (cost, marginal cost and full cost, the basis the
 * use decides and why), the recoveries and the totals; then every principle finding with its guide
 * reference and a link to the field it asks the user to change. While the document is incomplete, the
 * list of what is missing, each named as the pane labels its field and with a link to it.
 */
import * as React from "react";
import {
  Badge,
  Body1,
  Caption1,
  Link,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { formatPercent, formatPounds } from "../../model/format";
import { SEVERITIES, type Severity } from "../../core/principles";
import { fieldLabel } from "../../document/fieldLabels";
import { SEVERITY_NAMES } from "../../model/labels";
import { FigureTable } from "./FigureTable";
import { useEditor } from "./fields";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  table: { tableLayout: "auto" },
  number: {
    textAlign: "right",
    whiteSpace: "nowrap",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  total: { fontWeight: tokens.fontWeightSemibold },
  // A sum of money inside wrapping text stays whole: "£45,292./10" could be misread.
  figure: { whiteSpace: "nowrap" },
  // A long recovery description wraps, even mid-word, so the figures beside it stay in the pane.
  label: { overflowWrap: "anywhere", minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground3 },
});

const BADGE_COLOURS: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export interface ReviewStepProps {
  /** Shows the field at a document path (`costs.lines[2].unitCost`): its step, then the control. */
  goToField: (path: string) => void;
}

export function ReviewStep({ goToField }: ReviewStepProps): React.JSX.Element {
  const styles = useStyles();
  const { priced, draft } = useEditor();
  const fieldLink = (path: string, text = "Go to the field") => (
    <Link as="button" inline onClick={() => goToField(path)}>
      {text}
    </Link>
  );

  if (priced.status === "invalid") {
    return (
      <section className={styles.step} aria-labelledby="review-heading">
        <Subtitle2 as="h3" id="review-heading">
          {priced.issues.length === 1
            ? "One thing to complete before the quote can be priced"
            : `${priced.issues.length} things to complete before the quote can be priced`}
        </Subtitle2>
        <ul className={styles.list} aria-label="To complete">
          {priced.issues.map((issue, i) => (
            <li key={i} className={styles.item}>
              {fieldLabel(issue.path, draft)}: {issue.message}. {fieldLink(issue.path)}
            </li>
          ))}
        </ul>
      </section>
    );
  }

  const { quote, findings } = priced;
  const money = formatPounds;
  return (
    <section className={styles.step} aria-labelledby="review-heading">
      <Subtitle2 as="h3" id="review-heading">
        Priced at {quote.basis}
      </Subtitle2>
      <Body1 as="p">{quote.basisReason}</Body1>
      <FigureTable
        title="Cost lines"
        columns={["Cost", "Marginal", "Full"]}
        rows={[
          ...quote.lines.map((line) => ({
            key: line.id,
            name: line.description,
            figures: [money(line.cost), money(line.marginal), money(line.full)],
          })),
          {
            key: "(overall)",
            name: "Overall",
            figures: ["", money(quote.marginalCost), money(quote.fullCost)],
            total: true,
          },
        ]}
      />
      <Table aria-label="Recoveries and totals" size="extra-small" className={styles.table}>
        <TableBody>
          {quote.recoveries.map((recovery) => (
            <TableRow key={recovery.id}>
              <TableCell className={styles.label}>
                {recovery.description}: {formatPercent(recovery.rate)} of{" "}
                <span className={styles.figure}>{money(recovery.base)}</span>
              </TableCell>
              <TableCell className={styles.number}>{money(recovery.amount)}</TableCell>
            </TableRow>
          ))}
          {quote.directAllocations.map((allocation) => (
            <TableRow key={allocation.id}>
              <TableCell className={styles.label}>{allocation.description}</TableCell>
              <TableCell className={styles.number}>{money(allocation.amount)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell className={`${styles.label} ${styles.total}`}>Total before VAT</TableCell>
            <TableCell className={`${styles.number} ${styles.total}`}>
              {money(quote.total)}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell className={styles.label}>VAT at {formatPercent(quote.vatRate)}</TableCell>
            <TableCell className={styles.number}>{money(quote.vat)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell className={`${styles.label} ${styles.total}`}>Total including VAT</TableCell>
            <TableCell className={`${styles.number} ${styles.total}`}>
              {money(quote.totalIncVat)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>

      <Subtitle2 as="h3">
        {findings.length === 0
          ? "No findings against the principles"
          : `Findings against the principles (${findings.length})`}
      </Subtitle2>
      {SEVERITIES.map((severity) => {
        const group = findings.filter((finding) => finding.severity === severity);
        if (group.length === 0) return null;
        return (
          <ul key={severity} className={styles.list} aria-label={SEVERITY_NAMES[severity].group}>
            {group.map((finding, i) => (
              <li key={i} className={styles.item}>
                <Badge appearance="tint" color={BADGE_COLOURS[severity]}>
                  {SEVERITY_NAMES[severity].one}
                </Badge>{" "}
                {finding.message}{" "}
                <Caption1 className={styles.note}>
                  {finding.principle} · {finding.guideSection}
                </Caption1>{" "}
                {finding.field !== undefined && fieldLink(finding.field, "Change it")}
              </li>
            ))}
          </ul>
        );
      })}
    </section>
  );
}
