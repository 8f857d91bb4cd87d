/*
 * A labelled group of the editor's controls (a fieldset and its legend), the same on every step.
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

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
