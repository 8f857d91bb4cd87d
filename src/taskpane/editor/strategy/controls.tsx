/*
 * The strategy editor's own controls, beside the shared ones (fields.tsx): a list chosen from fixed
 * options, a checkbox each (the cost components a layer covers, the mechanisms a policy prefers), how
 * a pool's rate is set (derived from the pool or stated), and a pool's rate with its working as the
 * core writes it.
 */
import * as React from "react";
import {
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from "@fluentui/react-components";
import { recoveryRate, recoveryBaseTotal, recoveryWorking } from "../../../core/pricing/strategy";
import {
  capitalCostRecoverySchema,
  fixedCostRecoverySchema,
  recoveryBaseSchema,
} from "../../../document";
import { COST_COMPONENT_LABELS } from "../../../model/labels";
import { COST_COMPONENTS } from "../../../model/vocabulary";
import { getAt, pathKey, type Draft, type Json, type Path } from "../draft";
import { fieldId, useEditor } from "../fields";
import { Group } from "../Group";

const useStyles = makeStyles({
  checks: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  check: { minWidth: 0, "& label": { minWidth: 0, overflowWrap: "anywhere" } },
  working: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The problems the schema reports at a path, whether or not the field has been visited. */
function messagesAt(priced: ReturnType<typeof useEditor>["priced"], key: string): string[] {
  if (priced.status !== "invalid") return [];
  return [...(priced.issuesByPath.get(key) ?? [])];
}

/**
 * A list chosen from fixed options, a checkbox each in the options' order. A problem the schema finds
 * with the list shows at its top, one with an item at the item's checkbox. `keepEmpty`: with nothing
 * ticked the list stays, empty, for the schema to ask for one; otherwise it is removed.
 */
export function ChecklistField({
  path,
  legend,
  options,
  keepEmpty = false,
}: {
  path: Path;
  legend: string;
  options: Readonly<Record<string, string>>;
  keepEmpty?: boolean;
}) {
  const styles = useStyles();
  const { draft, priced, update } = useEditor();
  const value = getAt(draft, path);
  const chosen = Array.isArray(value) ? value : [];
  const listMessages = messagesAt(priced, pathKey(path));
  const choices = Object.keys(options);
  const toggle = (option: string, checked: boolean) => {
    const rest = chosen.filter((item) => item !== option);
    const known: Json[] = choices.filter((c) => c === option || rest.includes(c));
    // Anything the list holds that is not one of the options is kept, for the schema to name.
    const unknown = rest.filter((item) => !(choices as readonly Json[]).includes(item));
    const next = checked ? [...known, ...unknown] : rest;
    update(path, next.length > 0 || keepEmpty ? next : undefined);
  };
  return (
    <Group legend={legend}>
      <div className={styles.checks} id={fieldId(path)} tabIndex={-1}>
        {listMessages.length > 0 && (
          <Caption1 className={styles.error}>{listMessages.join("; ")}</Caption1>
        )}
        {choices.map((option) => {
          const index = chosen.indexOf(option);
          const message = index >= 0 ? messagesAt(priced, pathKey([...path, index])) : [];
          return (
            <Field
              key={option}
              validationState={message.length ? "error" : "none"}
              validationMessage={message.length ? message.join("; ") : undefined}
            >
              <Checkbox
                className={styles.check}
                id={index >= 0 ? fieldId([...path, index]) : undefined}
                label={options[option]}
                checked={index >= 0}
                onChange={(_, data) => toggle(option, data.checked === true)}
              />
            </Field>
          );
        })}
      </div>
    </Group>
  );
}

const COMPONENT_OPTIONS = Object.fromEntries(
  COST_COMPONENTS.map((component) => [component, COST_COMPONENT_LABELS[component]])
);

/**
 * The components a layer covers, from the fixed list. A component another layer already covers is the
 * schema's error, shown at its checkbox (and at the list).
 */
export function ComponentsField({ path, legend }: { path: Path; legend: string }) {
  return <ChecklistField path={path} legend={legend} options={COMPONENT_OPTIONS} />;
}

export type RecoveryKind = "derived" | "stated";

const KIND_FIELDS: Readonly<Record<RecoveryKind, readonly string[]>> = {
  derived: ["annualPool", "costOfCapital"],
  stated: ["rate", "source"],
};

/** How the draft's pool is recovered, by the fields it has; undefined while it has neither kind's. */
export function recoveryKindOf(recovery: Json | undefined): RecoveryKind | undefined {
  const has = (field: string) => getAt(recovery, [field]) !== undefined;
  if (KIND_FIELDS.derived.some(has)) return "derived";
  if (KIND_FIELDS.stated.some(has)) return "stated";
  return undefined;
}

/**
 * Derived from the annual pool, or stated with its source. Switching keeps what was typed for the
 * other kind (set aside, and put back on switching back), so nothing typed is lost.
 */
export function useRecoveryKind(path: Path): {
  kind: RecoveryKind | undefined;
  choose: (kind: RecoveryKind) => void;
} {
  const { draft, update } = useEditor();
  const recovery = getAt(draft, path);
  const [chosen, setChosen] = React.useState<RecoveryKind | undefined>(() =>
    recoveryKindOf(recovery)
  );
  const setAside = React.useRef<Partial<Record<RecoveryKind, Draft>>>({});
  const kind = recoveryKindOf(recovery) ?? chosen;
  const choose = (next: RecoveryKind) => {
    setChosen(next);
    if (next === kind) return;
    const current: Draft =
      recovery !== null && typeof recovery === "object" && !Array.isArray(recovery)
        ? { ...recovery }
        : {};
    const other: RecoveryKind = next === "derived" ? "stated" : "derived";
    const aside: Draft = {};
    for (const field of KIND_FIELDS[other])
      if (current[field] !== undefined) {
        aside[field] = current[field] as Json;
        delete current[field];
      }
    setAside.current[other] = aside;
    update(path, { ...current, ...(setAside.current[next] ?? {}) });
  };
  return { kind, choose };
}

export function RecoveryKindField({
  path,
  kind,
  choose,
}: {
  path: Path;
  kind: RecoveryKind | undefined;
  choose: (kind: RecoveryKind) => void;
}) {
  const styles = useStyles();
  const { priced } = useEditor();
  const message = messagesAt(priced, pathKey(path));
  const options: Record<RecoveryKind, string> = {
    derived: "Derived: the annual pool over the recovery base",
    stated: "Stated: a rate and its source",
  };
  return (
    <Field
      label="How the rate is set"
      required
      validationState={message.length ? "error" : "none"}
      validationMessage={message.length ? message.join("; ") : undefined}
    >
      <RadioGroup value={kind ?? ""} onChange={(_, data) => choose(data.value as RecoveryKind)}>
        {(Object.keys(options) as RecoveryKind[]).map((option, i) => (
          <Radio
            key={option}
            className={styles.check}
            id={i === 0 ? fieldId(path) : undefined}
            value={option}
            label={options[option]}
            input={{ "aria-label": options[option] }}
          />
        ))}
      </RadioGroup>
    </Field>
  );
}

/**
 * The pool's rate with its working, written by the core (recoveryRate, recoveryWorking) from the pool
 * and the recovery base as they stand, once both are complete enough to read.
 */
export function RecoveryWorking({ layer }: { layer: "fixedCostRecovery" | "capitalCostRecovery" }) {
  const styles = useStyles();
  const { draft } = useEditor();
  const schema =
    layer === "fixedCostRecovery" ? fixedCostRecoverySchema : capitalCostRecoverySchema;
  const recovery = schema.safeParse(getAt(draft, [layer]));
  const base = recoveryBaseSchema.safeParse(getAt(draft, ["recoveryBase"]));
  let text: string;
  if (!recovery.success) text = "The rate and its working show once the pool is complete.";
  else if (recovery.data.rate === undefined && !base.success)
    text = "The rate and its working show once the recovery base is complete.";
  else if (
    recovery.data.rate === undefined &&
    base.success &&
    recoveryBaseTotal(base.data).isZero()
  )
    text = "The recovery base comes to £0: a pool needs a forecast above £0 to be spread over.";
  else
    text = `Rate: ${recoveryWorking(
      recoveryRate(
        recovery.data,
        base.success ? base.data : { description: "", passThrough: "excluded" }
      )
    )}`;
  return (
    <Caption1
      className={recovery.success ? styles.working : `${styles.working} ${styles.muted}`}
      aria-live="polite"
      data-testid={`${layer}-working`}
    >
      {text}
    </Caption1>
  );
}
