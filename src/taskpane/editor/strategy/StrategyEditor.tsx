/*
 * The trust's pricing strategy, edited in the pane: its sections as tabs, every keystroke written to
 * the workspace's strategy (kept as typed, valid or not) and checked by the strategy's schema, each
 * problem shown at its field. The Rates tab says what the strategy sets, the derived rates with their
 * working, as the core writes them. The footer starts a new revision and exports the document.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Link,
  makeStyles,
  Subtitle2,
  Tab,
  TabList,
  tokens,
} from "@fluentui/react-components";
import { downloadInBrowser } from "../../../addin/deliverWorkbook";
import { describeStrategy } from "../../../core/pricing/strategy";
import type { CreateOutcome } from "../../quoteFromDocument";
import { setAt, type Draft, type Json, type Path } from "../draft";
import { EditorContext, fieldId, useShownProblems, type EditorContextValue } from "../fields";
import { OutcomeMessage } from "../OutcomeMessage";
import type { PricedDraft } from "../pricedDraft";
import { exportJson } from "../workspace";
import { STICKY_FOOTER, useFooterClearance } from "../stickyFooter";
import {
  GeneralSection,
  ItemsSection,
  OverheadSection,
  PoolsSection,
  StaffSection,
} from "./sections";
import { PolicySection } from "./PolicySection";
import {
  checkStrategy,
  currentRevision,
  editableStrategy,
  newRevision,
  STRATEGY_STEPS,
  strategyStepOf,
  type StrategyCheck,
  type StrategyStep,
} from "./strategyDraft";

const useStyles = makeStyles({
  editor: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  tabs: {
    flexWrap: "wrap",
    // A tab's name wraps rather than pushing past a narrow pane (175 px at 200% zoom).
    "& .fui-Tab": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Tab__content": { whiteSpace: "normal", overflowWrap: "anywhere" },
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    // Fluent's inputs keep a minimum width of their own, which would push past a narrow pane (200% zoom).
    "& .fui-Input, & .fui-Select, & .fui-Textarea": { minWidth: 0, width: "100%" },
    "& label": { overflowWrap: "anywhere" },
  },
  next: { alignSelf: "flex-end" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  footer: STICKY_FOOTER,
  actions: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "flex-end",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  date: { minWidth: 0, "& .fui-Input": { minWidth: 0, width: "100%" } },
});

/** The schema's verdict in the shape the shared controls read their messages from. */
function asChecked(check: StrategyCheck): PricedDraft {
  return check.ok
    ? { status: "invalid", issues: [], issuesByPath: new Map() }
    : { status: "invalid", issues: check.issues, issuesByPath: check.issuesByPath };
}

export interface StrategyEditorProps {
  /** The strategy as typed so far: workspace.strategy. */
  draft: Draft;
  onChange: (draft: Draft) => void;
  onClose: () => void;
  /** Whether every problem shows from the start (an existing strategy), or only once a field is left (a blank one). */
  showAllAtFirst: boolean;
}

function fileName(draft: Draft): string {
  const id = typeof draft.id === "string" && draft.id.trim() !== "" ? draft.id : "pricing-strategy";
  return `${id} revision ${currentRevision(draft)}.json`.replace(/[\\/:*?"<>|]/g, "-");
}

export function StrategyEditor({
  draft,
  onChange,
  onClose,
  showAllAtFirst,
}: StrategyEditorProps): React.JSX.Element {
  const styles = useStyles();
  const footer = React.useRef<HTMLElement>(null);
  useFooterClearance(footer);
  const [step, setStep] = React.useState<StrategyStep>("general");
  const check = React.useMemo(() => checkStrategy(draft), [draft]);
  const latest = React.useRef(draft);
  latest.current = draft;
  const onChangeRef = React.useRef(onChange);
  onChangeRef.current = onChange;
  const { shows, touch, showAll } = useShownProblems(showAllAtFirst);
  const [notice, setNotice] = React.useState<CreateOutcome | undefined>(undefined);
  const [revising, setRevising] = React.useState(false);
  const [revisionDate, setRevisionDate] = React.useState("");
  const pendingFocus = React.useRef<string | undefined>(undefined);
  const revisionDateInput = React.useRef<HTMLInputElement>(null);
  const newRevisionButton = React.useRef<HTMLButtonElement>(null);
  // Opened, the editor takes the keyboard to its sections; the revision form to its date, and back.
  React.useEffect(() => {
    document.getElementById("strategy-step-general")?.focus();
    // An older strategy (imported) is edited as the current format, every rate kept, and says so.
    const editable = editableStrategy(latest.current);
    if (editable.upgradedFrom === undefined) return;
    latest.current = editable.draft;
    onChangeRef.current(latest.current);
    setNotice({
      status: "warning",
      message: `This strategy was written in version ${editable.upgradedFrom} of the format; it is edited as version 3, every rate kept. ${editable.notes.join(" ")}`,
    });
  }, []);
  const wasRevising = React.useRef(false);
  React.useEffect(() => {
    if (revising) revisionDateInput.current?.focus();
    else if (wasRevising.current && pendingFocus.current === undefined)
      newRevisionButton.current?.focus();
    wasRevising.current = revising;
  }, [revising]);
  React.useEffect(() => {
    if (step === "rates") showAll();
  }, [step, showAll]);

  const update = React.useCallback((path: Path, value: Json | undefined) => {
    latest.current = setAt(latest.current, path, value);
    onChangeRef.current(latest.current);
    // What the last action said is stale once the strategy changes; the footer keeps its room.
    setNotice(undefined);
  }, []);
  const read = React.useCallback(() => latest.current, []);
  const editor = React.useMemo<EditorContextValue>(
    () => ({
      draft,
      priced: asChecked(check),
      strategy: check.ok ? check.strategy : undefined,
      update,
      read,
      shows,
      touch,
    }),
    [draft, check, update, read, shows, touch]
  );

  const goToField = React.useCallback((path: string) => {
    pendingFocus.current = fieldId(path);
    setStep(strategyStepOf(path));
  }, []);
  React.useEffect(() => {
    const id = pendingFocus.current;
    if (id === undefined) return;
    pendingFocus.current = undefined;
    const control = document.getElementById(id);
    control?.scrollIntoView({ block: "center" });
    control?.focus();
  });

  const next = currentRevision(draft) + 1;
  const startRevision = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(revisionDate)) return;
    latest.current = newRevision(latest.current, revisionDate);
    onChangeRef.current(latest.current);
    setRevising(false);
    setRevisionDate("");
    showAll();
    setNotice({
      status: "success",
      message: `Revision ${next} started, in effect from ${revisionDate}. Record who approved it and when, and change its rates.`,
    });
    goToField("approvedBy");
  };
  const exportStrategy = () => {
    const name = fileName(latest.current);
    downloadInBrowser(
      new TextEncoder().encode(exportJson(latest.current)),
      name,
      "application/json"
    );
    setNotice(
      check.ok
        ? { status: "success", message: `Downloaded ${name}.` }
        : {
            status: "warning",
            message: `Downloaded ${name}, which has ${check.issues.length === 1 ? "a problem" : `${check.issues.length} problems`} to correct before its rates can be used.`,
          }
    );
  };

  const index = STRATEGY_STEPS.findIndex((s) => s.id === step);
  const following = STRATEGY_STEPS[index + 1];
  return (
    <EditorContext.Provider value={editor}>
      <section className={styles.editor} aria-labelledby="strategy-editor-heading">
        <Subtitle2 as="h2" id="strategy-editor-heading">
          Pricing strategy
        </Subtitle2>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={step}
          onTabSelect={(_, data) => setStep(data.value as StrategyStep)}
          aria-label="Strategy sections"
        >
          {STRATEGY_STEPS.map((s) => (
            <Tab key={s.id} value={s.id} id={`strategy-step-${s.id}`}>
              {s.label}
            </Tab>
          ))}
        </TabList>
        <div className={styles.panel} role="tabpanel" aria-labelledby={`strategy-step-${step}`}>
          {step === "general" && <GeneralSection />}
          {step === "staff" && <StaffSection />}
          {step === "overhead" && <OverheadSection />}
          {step === "pools" && <PoolsSection />}
          {step === "items" && <ItemsSection />}
          {step === "policy" && <PolicySection />}
          {step === "rates" && <RatesSection check={check} goToField={goToField} />}
          {following && (
            <Button className={styles.next} onClick={() => setStep(following.id)}>
              Next: {following.label}
            </Button>
          )}
        </div>
        <footer ref={footer} className={styles.footer} aria-label="Strategy status and actions">
          <Caption1
            aria-live="polite"
            id="strategy-footer-status"
            className={check.ok ? undefined : styles.muted}
          >
            {check.ok
              ? `Revision ${check.strategy.revision} is complete: new partnerships take its rates.`
              : `${check.issues.length === 1 ? "1 problem" : `${check.issues.length} problems`} to correct (see Rates).`}
          </Caption1>
          {revising ? (
            <div className={styles.actions}>
              <Field label={`Revision ${next} takes effect on`} className={styles.date}>
                <Input
                  ref={revisionDateInput}
                  type="date"
                  value={revisionDate}
                  onChange={(_, data) => setRevisionDate(data.value)}
                />
              </Field>
              <Button
                appearance="primary"
                size="small"
                disabledFocusable={revisionDate === ""}
                onClick={startRevision}
              >
                Start revision {next}
              </Button>
              <Button size="small" onClick={() => setRevising(false)}>
                Cancel
              </Button>
            </div>
          ) : (
            <div className={styles.actions}>
              <Button
                ref={newRevisionButton}
                size="small"
                disabledFocusable={!check.ok}
                aria-describedby={check.ok ? undefined : "strategy-footer-status"}
                onClick={() => setRevising(true)}
              >
                Start a new revision…
              </Button>
              <Button size="small" onClick={exportStrategy}>
                Export strategy JSON
              </Button>
              <Button size="small" appearance="primary" onClick={onClose}>
                Done
              </Button>
            </div>
          )}
          <OutcomeMessage outcome={notice} />
        </footer>
      </section>
    </EditorContext.Provider>
  );
}

/** What the strategy sets, as the core describes it (derived rates with their working), or what is left to correct. */
function RatesSection({
  check,
  goToField,
}: {
  check: StrategyCheck;
  goToField: (path: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  if (check.ok)
    return (
      <section aria-labelledby="strategy-rates-heading">
        <Subtitle2 as="h3" id="strategy-rates-heading">
          What this strategy sets
        </Subtitle2>
        <ul className={styles.list} data-testid="strategy-description">
          {describeStrategy(check.strategy).map((line, i) => (
            <li key={i}>{line.trim()}</li>
          ))}
        </ul>
      </section>
    );
  return (
    <section aria-labelledby="strategy-rates-heading">
      <Subtitle2 as="h3" id="strategy-rates-heading">
        {check.issues.length === 1
          ? "One problem to correct before its rates can be used"
          : `${check.issues.length} problems to correct before its rates can be used`}
      </Subtitle2>
      <ul className={styles.list} aria-label="To correct">
        {check.issues.map((issue, i) => (
          <li key={i}>
            <code>{issue.path || "(the strategy)"}</code>: {issue.message}.{" "}
            <Link as="button" inline onClick={() => goToField(issue.path)}>
              Go to the field
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
