/*
 * The editor's controls, each bound to one path of the draft. A control shows the draft's value, writes
 * what the user types back to the draft at once (so the total and the findings follow every keystroke),
 * and shows the schema's own messages for its path. Numbers keep the text the user typed, so "12." or
 * "1,200" is never rewritten under their cursor; what cannot be read as a number is stored as typed and
 * the schema says why it is wrong.
 */
import * as React from "react";
import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Textarea,
} from "@fluentui/react-components";
import { createContext, useContextSelector } from "@fluentui/react-context-selector";
import { getAt, pathKey, type Json, type Path } from "./draft";
import {
  numbersText,
  numbersValue,
  numberText,
  numberValue,
  percentMessage,
  percentWarning,
  type NumberKind,
} from "./numbers";
import type { PricingStrategy } from "../../document";
import type { PricedDraft } from "./pricedDraft";

export interface EditorContextValue {
  draft: Json;
  priced: PricedDraft;
  /** The trust's pricing strategy, when the pane has a valid one. */
  strategy: PricingStrategy | undefined;
  update: (path: Path, value: Json | undefined) => void;
  /** The draft as it is now, with every update so far: for an action, which must not act on a stale render's. */
  read: () => Json;
  /**
   * Whether a field's problems are shown yet: once the user has left it, or once they have asked to
   * see everything (the Review step). A new partnership does not open as a page of red.
   */
  shows: (key: string) => boolean;
  /** The user has left the field at `key`. */
  touch: (key: string) => void;
}

/**
 * A context each control reads only its own part of (its value, its message), so that a keystroke
 * re-renders the controls it changes, not every control of a 60-line quote.
 */
export const EditorContext = createContext<EditorContextValue | undefined>(undefined);

function editorOf(editor: EditorContextValue | undefined): EditorContextValue {
  if (!editor) throw new Error("An editor control is outside the partnership editor");
  return editor;
}

/** The whole editor: for the parts that lay out the steps, which re-render with every change. */
export function useEditor(): EditorContextValue {
  return editorOf(useContextSelector(EditorContext, (editor) => editor));
}

/**
 * One part of the editor (a line, a list's names, the strategy): the caller re-renders when that part
 * changes (compared with Object.is), not with every keystroke elsewhere in a 60-line quote.
 */
export function useEditorSelector<T>(select: (editor: EditorContextValue) => T): T {
  return useContextSelector(EditorContext, (editor) => select(editorOf(editor)));
}

/**
 * Which fields show their problems: those the user has left (`touch`), or every one once the user has
 * asked to see them all (`showAll`: the Review step, the strategy's Rates), so that a new document
 * does not open as a page of red.
 */
export function useShownProblems(allAtFirst = false) {
  const [touched, setTouched] = React.useState<ReadonlySet<string>>(new Set());
  const [all, setAll] = React.useState(allAtFirst);
  const touch = React.useCallback(
    (key: string) => setTouched((keys) => (keys.has(key) ? keys : new Set([...keys, key]))),
    []
  );
  const showAll = React.useCallback(() => setAll(true), []);
  const shows = React.useCallback((key: string) => all || touched.has(key), [all, touched]);
  return { shows, touch, showAll };
}

/** The DOM id of the control for a path, so a finding can link to it. */
export function fieldId(path: Path | string): string {
  const key = typeof path === "string" ? path : pathKey(path);
  return `field-${key.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

interface FieldProps {
  path: Path;
  label: string;
  hint?: string;
  required?: boolean;
}

/** The schema's messages as a field of this kind shows them: a rate's in percentages. */
function shownMessage(message: string, kind: NumberKind | undefined, value: Json | undefined) {
  return kind === "percent" ? percentMessage(message, value) : message;
}

/**
 * `kind`: a number field's messages speak its kind (a rate's in percentages). `items`: a list edited
 * as one control also shows its items' messages, each with its place.
 */
function useBound(path: Path, kind?: NumberKind, items = false) {
  const key = pathKey(path);
  const value = useContextSelector(EditorContext, (editor) => getAt(editorOf(editor).draft, path));
  const message = useContextSelector(EditorContext, (editor) => {
    const { priced, shows, draft } = editorOf(editor);
    if (priced.status !== "invalid" || !shows(key)) return undefined;
    const typed = getAt(draft, path);
    const messages = (priced.issuesByPath.get(key) ?? []).map((message) =>
      shownMessage(message, kind, typed)
    );
    if (items)
      for (const [at, found] of priced.issuesByPath) {
        const item = at.startsWith(`${key}[`) ? /^\[(\d+)\]$/.exec(at.slice(key.length)) : null;
        if (item) messages.push(...found.map((text) => `value ${Number(item[1]) + 1} ${text}`));
      }
    return messages.length ? messages.join("; ") : undefined;
  });
  const update = useContextSelector(EditorContext, (editor) => editorOf(editor).update);
  const touch = useContextSelector(EditorContext, (editor) => editorOf(editor).touch);
  return {
    value,
    set: (next: Json | undefined) => update(path, next),
    message,
    id: fieldId(key),
    onBlur: () => touch(key),
  };
}

/**
 * A control's label, hint and the schema's message for it, the same for every kind of control; a
 * warning (a value that is valid but worth checking) shows when there is no error.
 */
function BoundField({
  label,
  hint,
  required,
  message,
  warning,
  children,
}: {
  label?: string;
  hint?: string;
  required?: boolean;
  message: string | undefined;
  warning?: string | undefined;
  children: React.ReactElement;
}): React.JSX.Element {
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      validationMessage={message ?? warning}
      validationState={message ? "error" : warning ? "warning" : "none"}
    >
      {children}
    </Field>
  );
}

/** Controls re-render when what they show changes, not whenever their parent lays out its list again. */
function sameControl<P extends { path: Path }>(a: P, b: P): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof P>;
  for (const name of keys) {
    if (name === "path") {
      if (pathKey(a.path) !== pathKey(b.path)) return false;
    } else if (a[name] !== b[name]) return false;
  }
  return true;
}

function TextFieldControl({
  path,
  label,
  hint,
  required,
  multiline,
  write,
}: FieldProps & {
  multiline?: boolean;
  /** Writes the text in place of setting the path alone, for text that changes more of the draft. */
  write?: (text: string | undefined) => void;
}): React.JSX.Element {
  const bound = useBound(path);
  const value = typeof bound.value === "string" ? bound.value : "";
  const set = write ?? bound.set;
  const onChange = (text: string) => set(text === "" && !required ? undefined : text);
  return (
    <BoundField label={label} hint={hint} required={required} message={bound.message}>
      {multiline ? (
        <Textarea
          id={bound.id}
          onBlur={bound.onBlur}
          value={value}
          resize="vertical"
          onChange={(_, data) => onChange(data.value)}
        />
      ) : (
        <Input
          id={bound.id}
          value={value}
          onBlur={bound.onBlur}
          onChange={(_, data) => onChange(data.value)}
        />
      )}
    </BoundField>
  );
}

function DateFieldControl({ path, label, hint, required }: FieldProps): React.JSX.Element {
  const bound = useBound(path);
  return (
    <BoundField label={label} hint={hint} required={required} message={bound.message}>
      <Input
        id={bound.id}
        onBlur={bound.onBlur}
        type="date"
        value={typeof bound.value === "string" ? bound.value : ""}
        onChange={(_, data) => bound.set(data.value === "" ? undefined : data.value)}
      />
    </BoundField>
  );
}

function NumberFieldControl({
  path,
  label,
  hint,
  required,
  kind = "number",
}: FieldProps & { kind?: NumberKind }): React.JSX.Element {
  const bound = useBound(path, kind);
  // The text as typed, kept while it still means the stored value (so "12." stays "12.").
  const [text, setText] = React.useState(() => numberText(bound.value, kind));
  const shown = numberValue(text, kind) === bound.value ? text : numberText(bound.value, kind);
  const percent = kind === "percent";
  return (
    <BoundField
      label={label}
      hint={hint}
      required={required}
      message={bound.message}
      warning={percent ? percentWarning(bound.value) : undefined}
    >
      <Input
        id={bound.id}
        onBlur={() => {
          // Once the user has left the field, show the figure as written out: "40,000,000".
          setText(numberText(bound.value, kind));
          bound.onBlur();
        }}
        inputMode="decimal"
        value={shown}
        contentBefore={kind === "pounds" ? "£" : undefined}
        contentAfter={kind === "percent" ? "%" : undefined}
        onChange={(_, data) => {
          setText(data.value);
          bound.set(numberValue(data.value, kind));
        }}
      />
    </BoundField>
  );
}

function ChoiceFieldControl({
  path,
  label,
  hint,
  required,
  options,
  fallback,
  write,
}: FieldProps & {
  options: Readonly<Record<string, string>>;
  /** The option shown while the draft has none: the document's default (or "none" for absent). */
  fallback?: string;
  /** Writes the choice in place of setting the path alone, for a choice that changes more. */
  write?: (value: string | undefined) => void;
}): React.JSX.Element {
  const bound = useBound(path);
  const value = typeof bound.value === "string" ? bound.value : (fallback ?? "");
  const set = write ?? bound.set;
  return (
    <BoundField label={label} hint={hint} required={required} message={bound.message}>
      <Select
        id={bound.id}
        onBlur={bound.onBlur}
        value={value}
        onChange={(_, data) => set(data.value === "" ? undefined : data.value)}
      >
        {(value === "" || !(value in options)) && (
          <option value={value}>{value === "" ? "Choose…" : value}</option>
        )}
        {Object.entries(options).map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </Select>
    </BoundField>
  );
}

const useChoiceStyles = makeStyles({
  // Long choices (a sentence of the guide's) and long words ("Consent-to-commercialise") wrap within a
  // narrow pane instead of running past it.
  choice: { minWidth: 0, "& label": { minWidth: 0, overflowWrap: "anywhere" } },
});

/**
 * A choice between a few options whose text is too long for a select: each is a radio, all shown at
 * once, moved between with the arrow keys. The checked one (or the first) carries the field's id, so
 * a finding can take the keyboard to it.
 */
function RadioFieldControl({
  path,
  label,
  hint,
  required,
  options,
}: FieldProps & { options: Readonly<Record<string, string>> }): React.JSX.Element {
  const styles = useChoiceStyles();
  const bound = useBound(path);
  const value = typeof bound.value === "string" ? bound.value : "";
  const focusable = value in options ? value : Object.keys(options)[0];
  return (
    <BoundField label={label} hint={hint} required={required} message={bound.message}>
      <RadioGroup value={value} onBlur={bound.onBlur} onChange={(_, data) => bound.set(data.value)}>
        {Object.entries(options).map(([option, text]) => (
          <Radio
            key={option}
            className={styles.choice}
            id={option === focusable ? bound.id : undefined}
            value={option}
            label={text}
            // The focusable radio takes the field's id (for links from findings), which unties it
            // from its label; name it directly so it is never unlabelled.
            input={{ "aria-label": text }}
          />
        ))}
      </RadioGroup>
    </BoundField>
  );
}

function CheckFieldControl({
  path,
  label,
  hint,
  fallback = false,
}: FieldProps & {
  /** Whether it is ticked while the draft has no value: the document's default. */
  fallback?: boolean;
}): React.JSX.Element {
  const styles = useChoiceStyles();
  const bound = useBound(path);
  return (
    <BoundField hint={hint} message={bound.message}>
      <Checkbox
        className={styles.choice}
        id={bound.id}
        onBlur={bound.onBlur}
        label={label}
        checked={typeof bound.value === "boolean" ? bound.value : fallback}
        onChange={(_, data) => bound.set(data.checked === true)}
      />
    </BoundField>
  );
}

/**
 * A short list of numbers typed in one box ("1, 2, 3.5" percent), stored as the document's list and
 * checked by its schema item by item; empty means the document's default.
 */
function NumberListFieldControl({
  path,
  label,
  hint,
  kind = "number",
}: FieldProps & { kind?: NumberKind }): React.JSX.Element {
  const bound = useBound(path, kind, true);
  const [text, setText] = React.useState(() => numbersText(bound.value, kind));
  const shown =
    JSON.stringify(numbersValue(text, kind)) === JSON.stringify(bound.value)
      ? text
      : numbersText(bound.value, kind);
  return (
    <BoundField label={label} hint={hint} message={bound.message}>
      <Input
        id={bound.id}
        onBlur={bound.onBlur}
        value={shown}
        contentBefore={kind === "pounds" ? "£" : undefined}
        contentAfter={kind === "percent" ? "%" : undefined}
        onChange={(_, data) => {
          setText(data.value);
          bound.set(numbersValue(data.value, kind));
        }}
      />
    </BoundField>
  );
}

export const NumberListField = React.memo(NumberListFieldControl, sameControl);

export const TextField = React.memo(TextFieldControl, sameControl);

export const DateField = React.memo(DateFieldControl, sameControl);

export const NumberField = React.memo(NumberFieldControl, sameControl);

export const ChoiceField = React.memo(ChoiceFieldControl, sameControl);

export const RadioField = React.memo(RadioFieldControl, sameControl);

export const CheckField = React.memo(CheckFieldControl, sameControl);
