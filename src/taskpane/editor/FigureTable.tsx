/*
 * The pane's tables of figures (Review's cost lines, the scenario comparison, the simulation), drawn
 * one way: each item's name takes the table's width on a row of its own, with its figures on the row
 * beneath, so three or four columns of pounds fit a 350-pixel pane; narrower still (200% zoom), the
 * table scrolls sideways inside its own region rather than widening the page.
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    "& th": { textAlign: "left", fontWeight: tokens.fontWeightSemibold },
    // A column's heading sits over its figures, which are right-aligned.
    "& thead th": { textAlign: "right" },
  },
  figure: { textAlign: "right", whiteSpace: "nowrap" },
  total: { fontWeight: tokens.fontWeightSemibold },
  name: { paddingTop: tokens.spacingVerticalS, borderBottom: "none", overflowWrap: "anywhere" },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: "4px" },
});

export interface FigureRow {
  readonly key: string;
  readonly name: string;
  /** One per column, already written out ("£1,431.00"); empty for a column the row has no figure in. */
  readonly figures: readonly string[];
  /** A total, in bold. */
  readonly total?: boolean;
}

export function FigureTable({
  title,
  caption = false,
  region = title,
  columns,
  rows,
  testId,
}: {
  /** What the table is: its caption when `caption`, otherwise its accessible name. */
  title: string;
  caption?: boolean;
  /** The scrolling region's name, when it is better put apart from the title. */
  region?: string;
  columns: readonly string[];
  rows: readonly FigureRow[];
  testId?: string;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.scroll} role="region" aria-label={`${region}, scrollable`} tabIndex={0}>
      <table className={styles.table} aria-label={caption ? undefined : title} data-testid={testId}>
        {caption && <caption className={styles.caption}>{title}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className={styles.figure}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        {rows.map((row) => (
          <tbody key={row.key}>
            <tr>
              <th scope="rowgroup" colSpan={columns.length} className={styles.name}>
                {row.name}
              </th>
            </tr>
            <tr>
              {row.figures.map((figure, i) => (
                <td
                  key={i}
                  className={row.total ? `${styles.figure} ${styles.total}` : styles.figure}
                >
                  {figure}
                </td>
              ))}
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}
