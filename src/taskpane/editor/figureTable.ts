/*
 * The pane's tables of figures (Review's cost lines, the scenario comparison, the simulation), one
 * style for all: each item's name takes the table's width on a row of its own, with its figures on the
 * row beneath, so three or four columns of pounds fit a 350-pixel pane; narrower still (200% zoom), the
 * table scrolls sideways inside its region rather than widening the page.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFigureTableStyles = makeStyles({
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
    "& td.n, & th.n": { textAlign: "right", whiteSpace: "nowrap" },
  },
  /** An item's name, on the row above its figures. */
  name: { paddingTop: tokens.spacingVerticalS, borderBottom: "none", overflowWrap: "anywhere" },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: "4px" },
});
