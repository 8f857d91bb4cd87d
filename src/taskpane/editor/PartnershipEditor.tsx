/*
 * The guided editor over one Partnership document: five steps in the guide's order, the controls of
 * the chosen step, and a footer that stays in view at any pane height with the live total and the
 * actions. Every keystroke updates the draft, which is priced again at once.
 */
import * as React from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  Tab,
  TabList,
  tokens,
} from "@fluentui/react-components";
import { formatPounds } from "../../model/format";
import { STICKY_FOOTER, useFooterClearance } from "./stickyFooter";
import type { PricingStrategy } from "../../document";
import { setAt, type Draft, type Json, type Path } from "./draft";
import { EditorContext, fieldId, useShownProblems, type EditorContextValue } from "./fields";
import { priceDraft } from "./pricedDraft";
import { OpenItemsContext, RevealingContext } from "./lists";
import { fieldCandidates } from "./revealField";
import { ReviewStep } from "./ReviewStep";
import { ScenariosStep } from "./ScenariosStep";
import { CostsStep, DataStep, PartnershipStep } from "./steps";
import { ValueSharingStep } from "./ValueSharingStep";

export const STEPS = [
  { id: "partnership", label: "Partnership" },
  { id: "data", label: "Data and value" },
  { id: "costs", label: "Costs" },
  { id: "value-sharing", label: "Value sharing" },
  { id: "scenarios", label: "Scenarios" },
  { id: "review", label: "Review" },
] as const;
export type StepId = (typeof STEPS)[number]["id"];

/** The step whose controls edit a document path. */
export function stepOf(path: string): StepId {
  if (path.startsWith("dataAssets")) return "data";
  if (path.startsWith("costs") || path.startsWith("pricing")) return "costs";
  if (path.startsWith("valueSharing")) return "value-sharing";
  if (path.startsWith("scenarios")) return "scenarios";
  return "partnership";
}

const useStyles = makeStyles({
  editor: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  tabs: { flexWrap: "wrap" },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  next: { alignSelf: "flex-end" },
  footer: STICKY_FOOTER,
  totals: { display: "flex", justifyContent: "space-between", alignItems: "baseline" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface PartnershipEditorProps {
  draft: Draft;
  /** The trust's pricing strategy, to pick lines from and to check the rates against. */
  strategy?: PricingStrategy;
  onChange: (draft: Draft) => void;
  /** The footer's actions (create or download the quote...), given what the draft prices to. */
  renderActions: (priced: ReturnType<typeof priceDraft>) => React.ReactNode;
}

export function PartnershipEditor({
  draft,
  strategy,
  onChange,
  renderActions,
}: PartnershipEditorProps): React.JSX.Element {
  const styles = useStyles();
  const footer = React.useRef<HTMLElement>(null);
  useFooterClearance(footer);
  const [step, setStep] = React.useState<StepId>("partnership");
  const priced = React.useMemo(() => priceDraft(draft, strategy), [draft, strategy]);
  // The latest draft, so several updates in one event all apply.
  const latest = React.useRef(draft);
  latest.current = draft;
  const pendingFocus = React.useRef<string | undefined>(undefined);
  const openItems = React.useRef(new Map<string, ReadonlySet<number>>());
  const [revealing, setRevealing] = React.useState<string | undefined>(undefined);
  const { shows, touch, showAll } = useShownProblems();
  React.useEffect(() => {
    if (step === "review") showAll();
  }, [step, showAll]);

  // Stable for the editor's life, so the controls that take them never re-render for them.
  const onChangeRef = React.useRef(onChange);
  onChangeRef.current = onChange;
  const update = React.useCallback((path: Path, value: Json | undefined) => {
    latest.current = setAt(latest.current, path, value);
    onChangeRef.current(latest.current);
  }, []);
  const read = React.useCallback(() => latest.current, []);
  const editor = React.useMemo<EditorContextValue>(
    () => ({
      draft,
      priced,
      strategy,
      update,
      read,
      shows,
      touch,
    }),
    [draft, priced, strategy, update, read, shows, touch]
  );

  const [focusRequest, setFocusRequest] = React.useState<object>({});
  const goToField = React.useCallback((path: string) => {
    pendingFocus.current = path;
    setRevealing(path);
    // The same step again must still take the focus: a new object makes the effect run.
    setFocusRequest({});
    setStep(stepOf(path));
  }, []);

  React.useEffect(() => {
    const path = pendingFocus.current;
    if (path === undefined) return;
    pendingFocus.current = undefined;
    // The field itself when it is shown; otherwise the switch or the part that reveals it; at worst
    // the step's tab, never the page's body.
    const control =
      fieldCandidates(path)
        .map((candidate) => document.getElementById(fieldId(candidate)))
        .find((element) => element !== null && element.getClientRects().length > 0) ??
      document.getElementById(`step-${stepOf(path)}`);
    control?.scrollIntoView({ block: "center" });
    control?.focus();
    setRevealing(undefined);
  }, [step, focusRequest]);

  const index = STEPS.findIndex((s) => s.id === step);
  const next = STEPS[index + 1];
  return (
    <EditorContext.Provider value={editor}>
      <RevealingContext.Provider value={revealing}>
        <OpenItemsContext.Provider value={openItems.current}>
          <div className={styles.editor}>
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={step}
              onTabSelect={(_, data) => setStep(data.value as StepId)}
              aria-label="Steps"
            >
              {STEPS.map((s) => (
                <Tab key={s.id} value={s.id} id={`step-${s.id}`}>
                  {s.label}
                </Tab>
              ))}
            </TabList>
            <div className={styles.panel} role="tabpanel" aria-labelledby={`step-${step}`}>
              {step === "partnership" && <PartnershipStep />}
              {step === "data" && <DataStep />}
              {step === "costs" && <CostsStep />}
              {step === "value-sharing" && <ValueSharingStep />}
              {step === "scenarios" && <ScenariosStep />}
              {step === "review" && <ReviewStep goToField={goToField} />}
              {next && (
                <Button className={styles.next} onClick={() => setStep(next.id)}>
                  Next: {next.label}
                </Button>
              )}
            </div>
            <footer ref={footer} className={styles.footer} aria-label="Quote total and actions">
              <div className={styles.totals} aria-live="polite" id="quote-footer-status">
                {priced.status === "priced" ? (
                  <>
                    <Caption1>Total before VAT</Caption1>
                    <Body1Strong data-testid="live-total">
                      {formatPounds(priced.quote.total)}
                    </Body1Strong>
                  </>
                ) : (
                  <Caption1 className={styles.muted}>
                    {priced.issues.length === 1
                      ? "1 thing to complete (see Review)"
                      : `${priced.issues.length} things to complete (see Review)`}
                  </Caption1>
                )}
              </div>
              <div className={styles.actions}>{renderActions(priced)}</div>
            </footer>
          </div>
        </OpenItemsContext.Provider>
      </RevealingContext.Provider>
    </EditorContext.Provider>
  );
}
