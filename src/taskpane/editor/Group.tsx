/*
 * A labelled group of the editor's controls (a fieldset and its legend), the same on every step.
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

/** Pane widths (CSS px) up to which a group gives its sides to what it holds: 200% zoom of a task pane. */
const NARROW_PANE_PX = 240;

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    // At 200% zoom (175 CSS px) the sides of two nested groups would leave a checkbox's label less
    // than a long word ("administration"), and every word would break: there a group is ruled off
    // above and below only, and what it holds takes the pane's width.
    [`@media (max-width: ${NARROW_PANE_PX}px)`]: {
      paddingLeft: 0,
      paddingRight: 0,
      borderLeftStyle: "none",
      borderRightStyle: "none",
      borderRadius: 0,
    },
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

export function Group({
  legend,
  children,
  list,
  part,
}: {
  legend: string;
  children: React.ReactNode;
  /** For a list's item: the list's path, so the list's items can be found together. */
  list?: string;
  /** The document path of the part the group edits, so the keyboard can be taken to its first control. */
  part?: string;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <fieldset className={styles.group} data-list={list} data-part={part}>
      <legend className={styles.legend}>{legend}</legend>
      {children}
    </fieldset>
  );
}
