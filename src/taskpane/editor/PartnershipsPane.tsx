/*
 * The pane's partnerships: the list (open one, new, duplicate, import and export JSON), the guided
 * editor of the one open, and its quote actions. In Excel: "Create quote" writes the internal sheets and
 * the register row, "Export partner copy" opens the copy to send. Outside Excel the same editor offers
 * both workbooks as downloads, written in the browser. With a valid pricing strategy, its year's review
 * (StrategyReviewAction.tsx) sits beside it.
 */
import * as React from "react";
import {
  Button,
  Field,
  makeStyles,
  Select,
  Spinner,
  Subtitle2,
  Body1,
  Caption1,
  tokens,
} from "@fluentui/react-components";
import { excelRun, type ExcelRun } from "../../addin/excelRun";
import {
  deliveryTargetHere,
  downloadInBrowser,
  type DeliveryTarget,
} from "../../addin/deliverWorkbook";
import {
  createQuoteSheet,
  exportWorkbook,
  issueText,
  type CreateOutcome,
  type GenerateQuoteInExcel,
  type WritePartnerCopy,
} from "../quoteFromDocument";
import { getAt, type Draft } from "./draft";
import { focusInView } from "./focus";
import { OutcomeMessage } from "./OutcomeMessage";
import { PartnershipEditor } from "./PartnershipEditor";
import type { PricedDraft } from "./pricedDraft";
import { StrategyReviewAction } from "./StrategyReviewAction";
import { RepriceOffer } from "./strategy/RepriceOffer";
import { StrategyEditor } from "./strategy/StrategyEditor";
import { StrategySetup } from "./strategy/StrategySetup";
import { strategyDraftOf } from "./strategy/strategyDraft";
import {
  importStrategyJson,
  pricingFromStrategy,
  strategyState,
  trustFromStrategy,
  describeStrategyRates,
} from "./strategyInPane";
import { ImportConflict } from "./ImportConflict";
import {
  addImported,
  importOutcome,
  readImport,
  replaceWithImported,
  undoReplace,
  withReference,
  type ImportedDocument,
  type ReplacedPartnership,
} from "./importing";
import { useUndoableRemoval } from "./UndoMessage";
import {
  addNew,
  deleteSelected,
  draftOf,
  duplicateSelected,
  exportJson,
  listLabels,
  replaceSelected,
  restoreDeleted,
  selected,
  type DeletedPartnership,
  type EditorWorkspace,
} from "./workspace";

/* global HTMLInputElement */

/** The writers, loaded on first use so the pane opens without waiting for them. */
const generateInExcel: GenerateQuoteInExcel = async (run, json, at) =>
  (
    await import(/* webpackChunkName: "quote-writer" */ "../../addin/quoteInExcel")
  ).generateQuoteInExcel(run, json, at);
const writeWorkbook =
  (partner: boolean): WritePartnerCopy =>
  async (json, at) =>
    (
      await import(/* webpackChunkName: "partner-copy" */ "../../workbook/xlsx/partnerCopy")
    ).quoteWorkbookFromDocument(json, at, { partner });

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { display: "none" },
  strategy: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
  },
});

export interface PartnershipsPaneProps {
  /** True in Excel, false outside it, undefined while Office starts. */
  excelAvailable: boolean | undefined;
  workspace: EditorWorkspace;
  onWorkspaceChange: (workspace: EditorWorkspace) => void;
  /** Injected for tests; by default the real writers, Excel.run and this page's delivery. */
  generate?: GenerateQuoteInExcel;
  run?: ExcelRun;
  writeInternal?: WritePartnerCopy;
  writePartner?: WritePartnerCopy;
  deliveryTarget?: DeliveryTarget;
  now?: () => Date;
}

/** What can be undone in the list: the partnership last deleted, or last replaced by an import. */
type Undoable =
  | { readonly deleted: DeletedPartnership }
  | { readonly replaced: ReplacedPartnership; readonly fileName: string };

export function PartnershipsPane({
  excelAvailable,
  workspace,
  onWorkspaceChange,
  generate = generateInExcel,
  run = excelRun,
  writeInternal = writeWorkbook(false),
  writePartner = writeWorkbook(true),
  deliveryTarget,
  now = () => new Date(),
}: PartnershipsPaneProps): React.JSX.Element {
  const styles = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const strategyInput = React.useRef<HTMLInputElement>(null);
  const strategy = React.useMemo(() => strategyState(workspace), [workspace.strategy]);
  const validStrategy = strategy.status === "valid" ? strategy.strategy : undefined;
  const [busy, setBusy] = React.useState<string | undefined>(undefined);
  // The strategy editor, open in place of the partnership's (started blank: problems show as fields are left).
  const [strategyEditor, setStrategyEditor] = React.useState<"closed" | "open" | "blank">("closed");
  // Closing the strategy editor takes the keyboard back to where it was opened from, once it is there.
  const returnToEditStrategy = React.useRef(false);
  React.useEffect(() => {
    if (strategyEditor !== "closed" || !returnToEditStrategy.current) return;
    returnToEditStrategy.current = false;
    document.getElementById("edit-strategy")?.focus();
  }, [strategyEditor]);
  const [outcome, setOutcome] = React.useState<CreateOutcome | undefined>(undefined);
  // What the list's own actions (import, export, the strategy) did, shown beside them.
  const [notice, setNotice] = React.useState<CreateOutcome | undefined>(undefined);
  const current = selected(workspace);
  const currentDraft = draftOf(current);
  // The latest workspace, so an edit made while a save or an import is under way is never lost.
  const latest = React.useRef(workspace);
  latest.current = workspace;
  const change = React.useCallback(
    (next: EditorWorkspace) => {
      latest.current = next;
      onWorkspaceChange(next);
    },
    [onWorkspaceChange]
  );
  const labels = React.useMemo(() => listLabels(workspace.partnerships), [workspace.partnerships]);
  const importButton = React.useRef<HTMLButtonElement>(null);
  // After Keep both, the keyboard goes to the list; after cancelling an import, back to Import JSON.
  const focusAfter = React.useRef<"list" | "import" | undefined>(undefined);
  React.useEffect(() => {
    const target =
      focusAfter.current === "import"
        ? importButton.current
        : focusAfter.current === "list"
          ? document.getElementById("open-partnership")
          : null;
    if (!target) return;
    focusAfter.current = undefined;
    target.focus();
  });
  // After Undo, the keyboard goes to the list the partnership is back in, open on it.
  const undoable = useUndoableRemoval<Undoable>((removed) => {
    if ("deleted" in removed) change(restoreDeleted(latest.current, removed.deleted));
    else {
      const undone = undoReplace(latest.current, removed.replaced);
      change(undone.workspace);
      setNotice(
        undone.keptImported
          ? {
              status: "success",
              message: `The partnership replaced is back. The one imported from ${removed.fileName} had been changed since, so it is kept beside it.`,
            }
          : undefined
      );
    }
    return () => {
      const list = document.getElementById("open-partnership");
      focusInView(list);
      return list !== null;
    };
  });
  const onDelete = () => {
    const result = deleteSelected(latest.current);
    if (!result) return;
    const name = labels.get(result.deleted.item.id) ?? "the partnership";
    change(result.workspace);
    undoable.removed({ deleted: result.deleted }, `Deleted ${name}.`);
  };
  // An imported document whose reference the list already holds, until the user says what to do.
  const [pending, setPending] = React.useState<ImportedDocument | undefined>(undefined);
  const conflicts = pending ? withReference(workspace, pending.reference) : [];
  const onDraftChange = React.useCallback(
    (draft: Draft) => change(replaceSelected(latest.current, draft, now())),
    [change, now]
  );

  const act = async (name: string, action: () => Promise<CreateOutcome>) => {
    setBusy(name);
    setOutcome(undefined);
    setOutcome(await action());
    setBusy(undefined);
  };
  const target = () => deliveryTarget ?? deliveryTargetHere(excelAvailable === true);

  const renderActions = (priced: PricedDraft) => {
    const ready = priced.status === "priced" && busy === undefined;
    const why = priced.status === "priced" ? undefined : "quote-footer-status";
    const draft = currentDraft;
    if (!draft) return null;
    return (
      <>
        {excelAvailable ? (
          <Button
            appearance="primary"
            size="small"
            disabledFocusable={!ready}
            aria-describedby={why}
            onClick={() => act("create", () => createQuoteSheet(generate, run, draft, now()))}
          >
            Create quote
          </Button>
        ) : (
          <Button
            appearance="primary"
            size="small"
            disabledFocusable={!ready || excelAvailable === undefined}
            aria-describedby={why}
            onClick={() =>
              act("download", () =>
                exportWorkbook(writeInternal, draft, now(), target(), "quote workbook")
              )
            }
          >
            Download quote workbook
          </Button>
        )}
        <Button
          size="small"
          disabledFocusable={!ready || excelAvailable === undefined}
          aria-describedby={why}
          onClick={() =>
            act("partner", () =>
              exportWorkbook(writePartner, draft, now(), target(), "partner copy")
            )
          }
        >
          {excelAvailable ? "Export partner copy" : "Download partner copy"}
        </Button>
        {busy && <Spinner size="tiny" label="Working…" />}
        <OutcomeMessage outcome={outcome} style={{ flexBasis: "100%" }} />
      </>
    );
  };

  const onImport = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const read = readImport(await file.text(), file.name);
    setPending(undefined);
    if (!read.ok) {
      setNotice({ status: "error", message: read.message, issues: read.issues });
      return;
    }
    if (withReference(latest.current, read.imported.reference).length > 0) {
      // Nothing is added or replaced until the user chooses (ImportConflict).
      setNotice(undefined);
      setPending(read.imported);
      return;
    }
    change(addImported(latest.current, read.imported, now()));
    setNotice(importOutcome(read.imported, "added"));
  };
  const onKeepBoth = () => {
    if (!pending) return;
    setPending(undefined);
    focusAfter.current = "list";
    change(addImported(latest.current, pending, now()));
    setNotice(importOutcome(pending, "kept both"));
  };
  const onReplace = (id: string) => {
    if (!pending) return;
    const result = replaceWithImported(latest.current, id, pending, now());
    if (!result) return onKeepBoth();
    setPending(undefined);
    const name = labels.get(id) ?? "the partnership";
    change(result.workspace);
    undoable.removed(
      { replaced: result.replaced, fileName: pending.fileName },
      `Replaced ${name} with the one imported from ${pending.fileName}.`
    );
    setNotice(importOutcome(pending, "replaced"));
  };
  const onCancelImport = () => {
    setPending(undefined);
    focusAfter.current = "import";
  };

  const onImportStrategy = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const result = importStrategyJson(latest.current, await file.text(), file.name);
    if (result.ok) {
      change(result.workspace);
      setNotice({ status: "success", message: result.message });
    } else {
      setNotice({ status: "error", message: result.message, issues: result.issues });
    }
  };

  const onExport = () => {
    if (!currentDraft) return;
    const reference = String(getAt(currentDraft, ["reference"]) ?? "partnership");
    const bytes = new TextEncoder().encode(exportJson(currentDraft));
    downloadInBrowser(bytes, `${reference.replace(/[\\/:*?"<>|]/g, "-")}.json`, "application/json");
    setNotice({ status: "success", message: `Downloaded ${reference}.json.` });
  };

  return (
    <section className={styles.pane} aria-labelledby="partnerships-heading">
      <Subtitle2 as="h2" id="partnerships-heading">
        Partnerships
      </Subtitle2>
      {workspace.partnerships.length > 0 ? (
        <Field label="Open partnership">
          <Select
            id="open-partnership"
            value={workspace.selectedId ?? ""}
            onChange={(_, data) => change({ ...latest.current, selectedId: data.value })}
          >
            {workspace.partnerships.map((p) => (
              <option key={p.id} value={p.id}>
                {labels.get(p.id)}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Body1 as="p">
          No partnership yet: start a new one, or import a partnership document (.json).
        </Body1>
      )}
      <div className={styles.actions}>
        <Button
          onClick={() =>
            change(
              addNew(
                latest.current,
                now(),
                validStrategy
                  ? {
                      trust: trustFromStrategy(validStrategy),
                      pricing: pricingFromStrategy(validStrategy),
                    }
                  : undefined
              )
            )
          }
        >
          New partnership
        </Button>
        <Button
          disabled={!current}
          onClick={() => change(duplicateSelected(latest.current, now()))}
        >
          Duplicate
        </Button>
        <Button disabled={!current} onClick={onDelete}>
          Delete
        </Button>
        <Button ref={importButton} onClick={() => fileInput.current?.click()}>
          Import JSON…
        </Button>
        <Button disabled={!current} onClick={onExport}>
          Export JSON
        </Button>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".json,application/json"
          aria-label="Partnership document to import"
          tabIndex={-1}
          onChange={onImport}
        />
      </div>
      {pending && (
        <ImportConflict
          fileName={pending.fileName}
          reference={pending.reference}
          existing={conflicts.map((p) => ({ id: p.id, label: labels.get(p.id) ?? p.id }))}
          preferred={workspace.selectedId ?? undefined}
          onReplace={onReplace}
          onKeepBoth={onKeepBoth}
          onCancel={onCancelImport}
        />
      )}
      {undoable.message}
      <OutcomeMessage outcome={notice} />
      <div className={styles.strategy} aria-label="Pricing strategy" role="group">
        <Caption1>
          {strategy.status === "valid"
            ? `Pricing strategy ${describeStrategyRates(strategy.strategy)}.`
            : strategy.status === "invalid" && strategyEditor !== "closed"
              ? `The pricing strategy has ${strategy.issues.length === 1 ? "a problem" : `${strategy.issues.length} problems`} to correct.`
              : strategy.status === "invalid"
                ? `The pricing strategy has ${strategy.issues.length === 1 ? "a problem" : `${strategy.issues.length} problems`}: ${strategy.issues.map(issueText).join("; ")}. Correct it, or import a corrected one.`
                : "No pricing strategy yet: set one up, or import the trust's (JSON), so partnerships start from its rates and the findings say where a quote departs from it."}
        </Caption1>
        <Button size="small" onClick={() => strategyInput.current?.click()}>
          {strategy.status === "none" ? "Import strategy…" : "Replace strategy…"}
        </Button>
        <input
          ref={strategyInput}
          className={styles.hidden}
          type="file"
          accept=".json,application/json"
          aria-label="Pricing strategy to import"
          tabIndex={-1}
          onChange={onImportStrategy}
        />
        {strategyEditor === "closed" && (
          <StrategySetup
            hasStrategy={strategy.status !== "none"}
            onStart={(draft, blank) => {
              change({ ...latest.current, strategy: draft });
              setStrategyEditor(blank ? "blank" : "open");
            }}
            onEdit={() => setStrategyEditor("open")}
          />
        )}
        {validStrategy && (
          <StrategyReviewAction
            strategy={validStrategy}
            partnerships={workspace.partnerships}
            excelAvailable={excelAvailable}
            run={run}
            target={target}
            now={now}
          />
        )}
      </div>
      {strategyEditor !== "closed" ? (
        <StrategyEditor
          draft={strategyDraftOf(workspace.strategy)}
          onChange={(draft) => change({ ...latest.current, strategy: draft })}
          onClose={() => {
            returnToEditStrategy.current = true;
            setStrategyEditor("closed");
          }}
          showAllAtFirst={strategyEditor === "open"}
        />
      ) : (
        current &&
        currentDraft && (
          <>
            {validStrategy && (
              <RepriceOffer
                key={current.id}
                draft={currentDraft}
                strategy={validStrategy}
                onChange={onDraftChange}
              />
            )}
            <PartnershipEditor
              strategy={validStrategy}
              key={current.id}
              draft={currentDraft}
              onChange={onDraftChange}
              renderActions={renderActions}
            />
          </>
        )
      )}
    </section>
  );
}
