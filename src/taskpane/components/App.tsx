import * as React from "react";
import {
  Body1,
  Caption1,
  Spinner,
  Subtitle2,
  Subtitle1,
  makeStaticStyles,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AuditWorkbook } from "./AuditWorkbook";

/**
 * The editor, with the document schemas and the pricing core, loads after the pane's first render, so
 * the pane shows at once and its first load stays small.
 */
const EditorRoot = React.lazy(
  () => import(/* webpackChunkName: "editor" */ "../editor/EditorRoot")
);

/** Namespace of the custom functions, as declared in manifest.xml (Functions.Namespace). */
export const FUNCTION_NAMESPACE = "NHSDP";

export interface FunctionSummary {
  readonly name: string;
  readonly description: string;
}

/** The custom functions the add-in registers, in the order shown in the task pane. */
export const FUNCTION_SUMMARIES: readonly FunctionSummary[] = [
  {
    name: "MARGINALCOST",
    description: "Marginal cost of staff-time lines (quantity × unit cost, plus on-costs).",
  },
  {
    name: "FULLCOST",
    description:
      "Full cost: marginal cost plus overheads, with fixed and capital costs recovered as a percentage of it.",
  },
  {
    name: "CHARGE",
    description:
      "Price of data access by use: commercial at full cost, non-commercial at marginal cost.",
  },
  {
    name: "ROYALTY",
    description: "Royalty due on one period's revenue, with tiers, an annual cap and a minimum.",
  },
  {
    name: "ROYALTYVALUE",
    description: "Risk-adjusted present value of a royalty on a stream of annual revenues.",
  },
  { name: "MILESTONEVALUE", description: "Risk-adjusted present value of milestone payments." },
  {
    name: "BREAKEVENROYALTY",
    description: "Flat royalty rate worth the same as the milestone payments.",
  },
  {
    name: "SUBSCRIPTIONVALUE",
    description: "Present value of an annual subscription, with indexation.",
  },
  {
    name: "GREENBOOKDF",
    description: "HM Treasury Green Book discount factor (declining schedule) for a year.",
  },
  { name: "VERSION", description: "The add-in's version, for audit trails." },
];

/**
 * The pane reflows to its width (WCAG 1.4.10): a native select is as wide as its longest option and a
 * field's grid as wide as its widest control, so both are held to the width they are given and a long
 * option is cut with an ellipsis (the open list still shows it whole).
 */
const useReflowStyles = makeStaticStyles({
  ".fui-Field": { minWidth: 0 },
  ".fui-Select": { maxWidth: "100%", minWidth: 0 },
  ".fui-Select__select": { maxWidth: "100%", minWidth: 0, textOverflow: "ellipsis" },
  ".fui-Input": { maxWidth: "100%", minWidth: 0 },
  ".fui-Textarea": { maxWidth: "100%", minWidth: 0 },
  ".fui-Textarea__textarea": { minWidth: 0 },
  ".fui-MessageBar": { minWidth: 0 },
  ".fui-MessageBarBody": { minWidth: 0, overflowWrap: "anywhere" },
});

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottomWidth: tokens.strokeWidthThick,
    borderBottomStyle: "solid",
    borderBottomColor: tokens.colorBrandStroke1,
  },
  status: {
    color: tokens.colorNeutralForeground3,
  },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  list: {
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "1fr",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  term: {
    // A function's name is one long word: at 200% zoom it breaks rather than widen the pane.
    overflowWrap: "anywhere",
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorBrandForeground1,
  },
  definition: {
    margin: 0,
    marginTop: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

export interface AppProps {
  /**
   * Office host the add-in runs in (e.g. "Excel"); null when opened outside Office;
   * undefined while Office.js is still starting up.
   */
  host?: string | null;
  /**
   * Whether the quote sheet can be written (the Excel API is loaded and the host is Excel);
   * undefined while Office.js is still starting up.
   */
  excelAvailable?: boolean;
}

function hostStatus(host: string | null | undefined): string {
  if (host === undefined) return "Connecting to Excel…";
  if (host)
    return `Connected to ${host}. Type =${FUNCTION_NAMESPACE}. in a cell to use the functions.`;
  return "In the browser: partnerships are kept in this browser.";
}

function App({ host, excelAvailable }: AppProps): React.JSX.Element {
  useReflowStyles();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Subtitle1 as="h1">NHS data partnership pricing</Subtitle1>
        <Caption1 className={styles.status} role="status" aria-live="polite">
          {hostStatus(host)}
        </Caption1>
      </header>

      <main className={styles.main}>
        <React.Suspense fallback={<Spinner size="small" label="Opening the editor…" />}>
          <EditorRoot excelAvailable={excelAvailable} />
        </React.Suspense>
        {/* The audit reads the open workbook: outside Excel there is none, so no card offers it. */}
        {excelAvailable !== false && <AuditWorkbook excelAvailable={excelAvailable} />}
        <section className={styles.section} aria-labelledby="about-heading">
          <Subtitle2 as="h2" id="about-heading">
            How pricing works
          </Subtitle2>
          <Body1 as="p">
            This add-in prices access to NHS data by how the data will be used, following the NHS
            England Centre for Improving Data Collaboration (CIDC) guide to NHS data partnerships.
            Non-commercial use is charged at marginal cost; commercial use is charged at full cost,
            and the partnership can be valued further through royalties, milestone payments or
            subscriptions.
          </Body1>
        </section>

        <section className={styles.section} aria-labelledby="functions-heading" id="functions">
          <Subtitle2 as="h2" id="functions-heading">
            Custom functions
          </Subtitle2>
          <Body1 as="p">
            Each function is available in Excel as <code>={FUNCTION_NAMESPACE}.NAME(…)</code>.
          </Body1>
          <dl className={styles.list}>
            {FUNCTION_SUMMARIES.map((fn) => (
              <div key={fn.name} className={styles.item}>
                <dt className={styles.term}>
                  {FUNCTION_NAMESPACE}.{fn.name}
                </dt>
                <dd className={styles.definition}>{fn.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      </main>
    </div>
  );
}

export default App;
