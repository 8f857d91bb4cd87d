/*
 * The Scenarios step: what each value-sharing mechanism is worth to the NHS, from the engine over the
 * priced document; the main assumptions, edited with the same controls as every other step; the
 * seeded simulation, run in a worker so the pane answers the keyboard throughout; and the scenario
 * sheet, in the workbook or downloaded.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { formatPercent, formatPounds, formatWholePounds } from "../../model/format";
import { MECHANISM_LABELS } from "../../model/labels";
import {
  counterpartySentence,
  evaluateScenarios,
  fairShareOf,
  priceBasisSentence,
  scenarioInputs,
  tornado,
  tornadoRangesOf,
  type FairShare,
  type MechanismKind,
  type ScenarioInputs,
  type ScenarioResult,
  type Tornado,
} from "../../core/scenarios";
import { DOCUMENT_TERM_IDS } from "../../document/scenarios";
import { excelAvailable } from "../host";
import { deliveryTargetHere } from "../../addin/deliverWorkbook";
import { excelRun } from "../../addin/excelRun";
import { exportWorkbook, type CreateOutcome } from "../quoteFromDocument";
import type { FairSharePolicy, Simulated } from "../../addin/scenarioWorkbook";
import {
  CancelledError,
  startSimulation,
  type RunningSimulation,
} from "../scenarios/startSimulation";
import { getAt, type Json } from "./draft";
import { OutcomeMessage } from "./OutcomeMessage";
import { fieldId, useEditor } from "./fields";
import { FigureTable } from "./FigureTable";
import { focusPart } from "./focus";
import { AlternativesSection } from "./scenarios/AlternativesSection";
import { AssumptionsSection } from "./scenarios/AssumptionsSection";
import { priceBasisFor } from "./scenarios/modes";
import { SensitivitySection } from "./scenarios/SensitivitySection";
import { SimulationInputs } from "./scenarios/SimulationInputs";
import { TornadoSection } from "./scenarios/TornadoSection";
import { FairShareSection } from "./scenarios/FairShareSection";
import { ModeMemoryProvider } from "./scenarios/useModeSwitch";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
});

const DOCUMENT_IDS: readonly string[] = Object.values(DOCUMENT_TERM_IDS);

/** The document's own terms by kind; an alternative by its id, which the analyst chose. */
function nameOf(id: string, kind: MechanismKind): string {
  return DOCUMENT_IDS.includes(id)
    ? `${MECHANISM_LABELS[kind]} (agreed terms)`
    : `${MECHANISM_LABELS[kind]}: ${id}`;
}

/** Simulated figures are statistics in doubles; shown as money in whole pounds, as the sheet does. */

/**
 * Where a new scenarios block starts: a product launching in year 2 and peaking at £1m three years
 * later, an even chance of reaching market, the Green Book's 3.5%. A document with no value-sharing
 * terms also gets a 5% royalty to value, since the engine needs something to compare.
 */
export function startingScenarios(draft: Json): Json {
  const valueSharing = getAt(draft, ["valueSharing"]);
  const hasTerms =
    valueSharing !== null &&
    typeof valueSharing === "object" &&
    Object.keys(valueSharing).some((key) => key !== "notes");
  return {
    revenue: {
      kind: "curve",
      launchYear: 2,
      yearsToPeak: 3,
      peakRevenue: 1_000_000,
      declineRate: 0.1,
      years: 10,
    },
    probabilityOfReachingMarket: 0.5,
    discount: { kind: "flat", rate: 0.035 },
    // A contract's amounts are the pounds of the day they are paid.
    priceBasis: priceBasisFor("nominal"),
    includeDocumentTerms: true,
    alternatives: hasTerms
      ? []
      : [
          {
            id: "royalty-5",
            mechanism: "royalty",
            royalty: { tiers: [{ threshold: 0, rate: 0.05 }], termYears: 10 },
          },
        ],
  };
}

type Comparison =
  | {
      ok: true;
      inputs: ScenarioInputs;
      result: ScenarioResult;
      tornado: Tornado;
      fairShare: FairShare | null;
    }
  | { ok: false; message: string };

type Run =
  | { state: "idle" }
  | { state: "running"; done: number; trials: number; sim: RunningSimulation }
  | { state: "done"; key: string; simulated: Simulated }
  | { state: "stopped"; message: string };

const writeScenarioWorkbook = async (
  json: unknown,
  simulated: Simulated,
  at: Date,
  policy: FairSharePolicy
) =>
  (
    await import(/* webpackChunkName: "scenario-writer" */ "../../addin/scenarioWorkbook")
  ).scenarioWorkbookFromDocument(json, simulated, at, policy);

/** False until the component's first render has been painted: for work the first paint need not wait for. */
function usePaintedOnce(): boolean {
  const [painted, setPainted] = React.useState(false);
  React.useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame after this one is drawn; then a task of its own.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted;
}

export function ScenariosStep(): React.JSX.Element {
  return (
    <ModeMemoryProvider>
      <ScenariosStepContent />
    </ModeMemoryProvider>
  );
}

function ScenariosStepContent(): React.JSX.Element {
  const styles = useStyles();
  const { draft, priced, update, strategy } = useEditor();
  // The fair share is weighed by the trust's value-sharing policy when the pane holds its strategy.
  const policy = strategy?.valueSharingPolicy?.contribution;
  const hasBlock = getAt(draft, ["scenarios"]) !== undefined;
  const doc = priced.status === "priced" ? priced.doc : undefined;
  // The comparison (in decimals, with both sensitivity grids) takes tens of milliseconds: worked out
  // once the step has painted, and deferred, so opening the step and a keystroke's own update are
  // painted first and never wait for it.
  const painted = usePaintedOnce();
  const shownDoc = React.useDeferredValue(painted ? doc : undefined);
  const comparison = React.useMemo<Comparison | undefined>(() => {
    if (shownDoc?.scenarios === undefined) return undefined;
    try {
      const inputs = scenarioInputs(shownDoc);
      return {
        ok: true,
        inputs,
        result: evaluateScenarios(inputs),
        tornado: tornado(inputs, tornadoRangesOf(shownDoc)),
        fairShare: fairShareOf(shownDoc, inputs, policy),
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [shownDoc, policy]);
  // The simulation belongs to the document it ran on: any change to it makes the figures stale.
  const key = React.useMemo(() => (doc ? JSON.stringify(doc) : ""), [doc]);
  const [run, setRun] = React.useState<Run>({ state: "idle" });
  const [outcome, setOutcome] = React.useState<CreateOutcome | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);
  const running = React.useRef<RunningSimulation | undefined>(undefined);
  // After "Add scenarios", the keyboard goes to the first assumption.
  const added = React.useRef(false);
  React.useEffect(() => {
    if (added.current && focusPart("scenarios")) added.current = false;
  });
  React.useEffect(() => () => running.current?.cancel(), []);

  const simulateNow = async (): Promise<Simulated | undefined> => {
    if (!doc) return undefined;
    running.current?.cancel();
    const sim = startSimulation({ doc }, (done, trials) =>
      setRun((now) => (now.state === "running" ? { ...now, done, trials } : now))
    );
    running.current = sim;
    setRun({ state: "running", done: 0, trials: 0, sim });
    try {
      const simulated = await sim.finished;
      setRun({ state: "done", key, simulated });
      return simulated;
    } catch (error) {
      setRun({
        state: "stopped",
        message:
          error instanceof CancelledError
            ? "Simulation cancelled."
            : `The simulation failed: ${error instanceof Error ? error.message : String(error)}`,
      });
      return undefined;
    } finally {
      if (running.current === sim) running.current = undefined;
    }
  };

  const inExcel = excelAvailable();
  const makeSheet = async () => {
    if (!doc) return;
    setOutcome(undefined);
    const simulated = run.state === "done" && run.key === key ? run.simulated : await simulateNow();
    if (!simulated) return;
    setBusy(true);
    try {
      if (inExcel) {
        const { createScenarioSheetInExcel } = await import(
          /* webpackChunkName: "scenario-writer" */ "../../addin/scenarioWorkbook"
        );
        const result = await createScenarioSheetInExcel(
          excelRun,
          doc,
          simulated,
          new Date(),
          policy
        );
        setOutcome(
          result.ok
            ? { status: "success", message: `Added sheet “${result.sheetName}”.` }
            : {
                status: "error",
                message: "The document has problems: nothing was written.",
                issues: result.issues,
              }
        );
      } else {
        setOutcome(
          await exportWorkbook(
            (json, at) => writeScenarioWorkbook(json, simulated, at, policy),
            doc,
            new Date(),
            deliveryTargetHere(false),
            "scenario workbook"
          )
        );
      }
    } catch (error) {
      setOutcome({
        status: "error",
        message: `The scenario sheet could not be created: ${error instanceof Error ? error.message : String(error)}`,
        issues: [],
      });
    } finally {
      setBusy(false);
    }
  };

  if (!hasBlock)
    return (
      <div className={styles.step}>
        <Caption1 as="p">
          Compare what royalty, milestones, a subscription or a fixed payment are worth to the NHS,
          given the product&apos;s revenue and its chance of reaching market.
        </Caption1>
        <div className={styles.actions}>
          <Button
            id={fieldId(["scenarios"])}
            onClick={() => {
              update(["scenarios"], startingScenarios(draft));
              added.current = true;
            }}
          >
            Add scenarios
          </Button>
        </div>
      </div>
    );

  const stale = run.state === "done" && run.key !== key;
  // A payback only against a target the user gives: the fee already recovers the cost.
  const hasTarget = comparison?.ok === true && comparison.result.paybackTarget !== null;
  return (
    <div className={styles.step}>
      <AssumptionsSection />
      <AlternativesSection />

      <Subtitle2 as="h3">Comparison</Subtitle2>
      {comparison === undefined ? (
        <Caption1 className={styles.note}>
          {doc === undefined
            ? "The comparison appears once the partnership prices (see Review)."
            : "Working out the comparison…"}
        </Caption1>
      ) : !comparison.ok ? (
        <MessageBar intent="warning">
          <MessageBarBody>{comparison.message}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <FigureTable
            title="Value to the NHS today"
            caption
            testId="scenario-comparison"
            columns={["Present value", "Risk-adjusted", ...(hasTarget ? ["Payback"] : [])]}
            rows={comparison.result.mechanisms.map((value) => ({
              key: value.id,
              name: nameOf(value.id, value.kind),
              figures: [
                formatPounds(value.presentValue),
                formatPounds(value.riskAdjustedPresentValue),
                ...(hasTarget
                  ? [value.paybackYear === null ? "never" : `year ${value.paybackYear}`]
                  : []),
              ],
            }))}
          />
          <Caption1 as="p" data-testid="price-basis">
            {`${priceBasisSentence(
              comparison.inputs.discount.priceBasis,
              comparison.inputs.discount.kind === "flat" ? comparison.inputs.discount.rate : null
            )}.`}
          </Caption1>
          <Caption1 as="p" data-testid="counterparty">
            {`${counterpartySentence(comparison.inputs.counterparty)}.`}
          </Caption1>
          <Caption1 as="p" data-testid="payback-target">
            {comparison.result.paybackTarget === null
              ? "Payback: no target given, so none is worked out. Enter a payback target above to see the year each mechanism's risk-adjusted value reaches it."
              : `Payback: the year the risk-adjusted value reaches the target of ${formatPounds(comparison.result.paybackTarget)}.`}
          </Caption1>
          <Caption1 as="p" data-testid="breakeven-royalty">
            {comparison.result.breakeven.rate === null
              ? `Breakeven royalty: none (${comparison.result.breakeven.reason}).`
              : `Breakeven royalty: ${formatPercent(comparison.result.breakeven.rate, 2)} of revenue matches the milestones (risk-adjusted).`}
          </Caption1>
        </>
      )}

      {comparison?.ok === true && <TornadoSection tornado={comparison.tornado} nameOf={nameOf} />}
      <FairShareSection
        share={comparison?.ok === true ? comparison.fairShare : null}
        byPolicy={policy !== undefined}
      />

      <SensitivitySection />

      <Subtitle2 as="h3">Simulation</Subtitle2>
      <SimulationInputs />
      <div className={styles.actions}>
        {run.state === "running" ? (
          <Button onClick={() => run.sim.cancel()}>Cancel simulation</Button>
        ) : (
          <Button disabledFocusable={!comparison?.ok} onClick={() => void simulateNow()}>
            Run simulation
          </Button>
        )}
      </div>
      <div aria-live="polite" role="status" data-testid="simulation-status">
        {run.state === "running" && (
          <>
            <ProgressBar
              value={run.trials ? run.done / run.trials : undefined}
              aria-label="Simulation progress"
            />
            <Caption1>
              {run.trials
                ? `Simulated ${run.done.toLocaleString("en-GB")} of ${run.trials.toLocaleString("en-GB")} trials…`
                : "Starting the simulation…"}
            </Caption1>
          </>
        )}
        {run.state === "stopped" && <Caption1>{run.message}</Caption1>}
        {run.state === "done" && (
          <Caption1>
            {`${run.simulated.result.trials.toLocaleString("en-GB")} trials, seed ${run.simulated.result.seed}${stale ? ": the inputs have changed since; run it again." : "."}`}
          </Caption1>
        )}
      </div>
      {run.state === "done" && (
        <>
          <FigureTable
            title="Present value across the trials"
            caption
            region="Simulation results"
            testId="simulation-results"
            columns={["P10", "P50", "P90", "Mean"]}
            rows={run.simulated.result.mechanisms.map((summary) => ({
              key: summary.id,
              name: nameOf(summary.id, summary.kind),
              figures: [summary.p10, summary.p50, summary.p90, summary.mean].map(formatWholePounds),
            }))}
          />
          {run.simulated.result.royaltyBeatsMilestones && (
            <Caption1 as="p" data-testid="royalty-beats">
              {`The royalty pays more than the milestones in ${formatPercent(run.simulated.result.royaltyBeatsMilestones.probability, 1)} of trials.`}
            </Caption1>
          )}
        </>
      )}

      <div className={styles.actions}>
        <Button
          disabledFocusable={!comparison?.ok || busy || run.state === "running"}
          onClick={() => void makeSheet()}
        >
          {inExcel ? "Create scenario sheet" : "Download scenario workbook"}
        </Button>
      </div>
      <OutcomeMessage outcome={outcome} />
    </div>
  );
}
