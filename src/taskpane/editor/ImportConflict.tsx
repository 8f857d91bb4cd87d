/*
 * An imported document whose reference the list already holds: the pane says so and asks what to do,
 * in place under the list's actions: replace the partnership there (Undo puts it back), keep both (the
 * list then tells them apart by when each was last changed) or cancel the import. The keyboard goes to
 * the first choice, which a screen reader announces with the question; Escape cancels.
 */
/* global HTMLInputElement, HTMLDivElement */
import * as React from "react";
import {
  Body1,
  Body1Strong,
  Button,
  makeStyles,
  Radio,
  RadioGroup,
  Field,
  tokens,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  prompt: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface ImportConflictProps {
  fileName: string;
  reference: string;
  /** The partnerships with the reference, each as the list names it. */
  existing: readonly { id: string; label: string }[];
  /** The one Replace replaces unless the user picks another: the open one, if it is among them. */
  preferred: string | undefined;
  onReplace: (id: string) => void;
  onKeepBoth: () => void;
  onCancel: () => void;
}

export function ImportConflict({
  fileName,
  reference,
  existing,
  preferred,
  onReplace,
  onKeepBoth,
  onCancel,
}: ImportConflictProps): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  const first = React.useRef<HTMLButtonElement>(null);
  const [target, setTarget] = React.useState<string | undefined>(undefined);
  const chosen = existing.find((p) => p.id === target) ?? existing.find((p) => p.id === preferred);
  const replacing = chosen ?? existing[existing.length - 1];
  const choices = React.useRef<HTMLDivElement>(null);
  // The keyboard goes to the choices as they appear, for each file imported: to which one to replace
  // when there are several, else to the first button.
  React.useEffect(() => {
    const radio = choices.current?.querySelector<HTMLInputElement>("input:checked");
    (radio ?? first.current)?.focus();
  }, [fileName, reference]);
  const question =
    existing.length === 0
      ? `${fileName} holds ${reference}, which is no longer in the list. Import it, or cancel?`
      : existing.length === 1
        ? `${fileName} holds a partnership with the reference ${reference}, as does “${existing[0]?.label}” in the list. Replace that one with the imported one (Undo puts it back), keep both, or cancel the import?`
        : `${fileName} holds a partnership with the reference ${reference}, as do ${existing.length} in the list. Replace one of them with the imported one (Undo puts it back), keep all, or cancel the import?`;
  return (
    <section
      className={styles.prompt}
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.stopPropagation();
        onCancel();
      }}
    >
      <Body1Strong as="h3" id={`${id}-title`}>
        {reference} is already in the list
      </Body1Strong>
      <Body1 id={`${id}-question`}>{question}</Body1>
      {existing.length > 1 && (
        <Field label="Replace which one">
          <RadioGroup
            ref={choices}
            value={replacing?.id}
            aria-describedby={`${id}-question`}
            onChange={(_, data) => setTarget(data.value)}
          >
            {existing.map((p) => (
              <Radio key={p.id} value={p.id} label={p.label} />
            ))}
          </RadioGroup>
        </Field>
      )}
      <div className={styles.actions}>
        {replacing && (
          <Button
            ref={first}
            appearance="primary"
            aria-describedby={`${id}-question`}
            onClick={() => onReplace(replacing.id)}
          >
            Replace
          </Button>
        )}
        <Button
          ref={replacing ? undefined : first}
          aria-describedby={replacing ? undefined : `${id}-question`}
          onClick={onKeepBoth}
        >
          {existing.length === 0 ? "Import" : existing.length === 1 ? "Keep both" : "Keep all"}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </section>
  );
}
