/*
 * The editor's controls, each bound to one path of the draft. A control shows the draft's value, writes
 * what the user types back to the draft at once (so the total and the findings follow every keystroke),
 * and shows the schema's own messages for its path. Numbers keep the text the user typed, so "12." or
 * "1,200" is never rewritten under their cursor; what cannot be read as a number is stored as typed and
 * the schema says why it is wrong.
 */
import * as React from "react";
import { Checkbox, Field, Input, Select, Textarea } from "@fluentui/react-components";
import { getAt, pathKey, type Json, type Path } from "./draft";
import { numberText, numberValue, type NumberKind } from "./numbers";
import type { PricedDraft } from "./pricedDraft";

export interface EditorContextValue {
  draft: Json;
  priced: PricedDraft;
  update: (path: Path, value: Json | undefined) => void;
  /**
   * Whether a field's problems are shown yet: once the user has left it, or once they have asked to
   * see everything (the Review step). A new partnership does not open as a page of red.
   */
  shows: (key: string) => boolean;
  /** The user has left the field at `key`. */
  touch: (key: string) => void;
}

export const EditorContext = React.createContext<EditorContextValue | undefined>(undefined);

export function useEditor(): EditorContextValue {
  const editor = React.useContext(EditorContext);
  if (!editor) throw new Error("An editor control is outside the partnership editor");
  return editor;
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

function useBound(path: Path) {
  const editor = useEditor();
  const key = pathKey(path);
  const messages =
    editor.priced.status === "invalid" && editor.shows(key)
      ? (editor.priced.issuesByPath.get(key) ?? [])
      : [];
  return {
    value: getAt(editor.draft, path),
    set: (value: Json | undefined) => editor.update(path, value),
    message: messages.length ? messages.join("; ") : undefined,
    id: fieldId(key),
    onBlur: () => editor.touch(key),
  };
}

export function TextField({
  path,
  label,
  hint,
  required,
  multiline,
}: FieldProps & { multiline?: boolean }): React.JSX.Element {
  const bound = useBound(path);
  const value = typeof bound.value === "string" ? bound.value : "";
  const onChange = (text: string) => bound.set(text === "" && !required ? undefined : text);
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      validationMessage={bound.message}
      validationState={bound.message ? "error" : "none"}
    >
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
    </Field>
  );
}

export function DateField({ path, label, hint, required }: FieldProps): React.JSX.Element {
  const bound = useBound(path);
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      validationMessage={bound.message}
      validationState={bound.message ? "error" : "none"}
    >
      <Input
        id={bound.id}
        onBlur={bound.onBlur}
        type="date"
        value={typeof bound.value === "string" ? bound.value : ""}
        onChange={(_, data) => bound.set(data.value === "" ? undefined : data.value)}
      />
    </Field>
  );
}

export function NumberField({
  path,
  label,
  hint,
  required,
  kind = "number",
}: FieldProps & { kind?: NumberKind }): React.JSX.Element {
  const bound = useBound(path);
  // The text as typed, kept while it still means the stored value (so "12." stays "12.").
  const [text, setText] = React.useState(() => numberText(bound.value, kind));
  const shown = numberValue(text, kind) === bound.value ? text : numberText(bound.value, kind);
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      validationMessage={bound.message}
      validationState={bound.message ? "error" : "none"}
    >
      <Input
        id={bound.id}
        onBlur={bound.onBlur}
        inputMode="decimal"
        value={shown}
        contentBefore={kind === "pounds" ? "£" : undefined}
        contentAfter={kind === "percent" ? "%" : undefined}
        onChange={(_, data) => {
          setText(data.value);
          bound.set(numberValue(data.value, kind));
        }}
      />
    </Field>
  );
}

export function ChoiceField({
  path,
  label,
  hint,
  required,
  options,
}: FieldProps & { options: Readonly<Record<string, string>> }): React.JSX.Element {
  const bound = useBound(path);
  const value = typeof bound.value === "string" ? bound.value : "";
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      validationMessage={bound.message}
      validationState={bound.message ? "error" : "none"}
    >
      <Select
        id={bound.id}
        onBlur={bound.onBlur}
        value={value}
        onChange={(_, data) => bound.set(data.value === "" ? undefined : data.value)}
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
    </Field>
  );
}

export function CheckField({ path, label, hint }: FieldProps): React.JSX.Element {
  const bound = useBound(path);
  return (
    <Field
      hint={hint}
      validationMessage={bound.message}
      validationState={bound.message ? "error" : "none"}
    >
      <Checkbox
        id={bound.id}
        onBlur={bound.onBlur}
        label={label}
        checked={bound.value === true}
        onChange={(_, data) => bound.set(data.checked === true)}
      />
    </Field>
  );
}
