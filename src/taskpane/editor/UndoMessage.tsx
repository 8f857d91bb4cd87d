/*
 * "Removed the royalty. Undo": what a removal took, said where it happened and announced to a screen
 * reader (a status region), with the button that puts it back exactly as it was.
 */
import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { getAt, pathKey, type Path } from "./draft";
import { useEditor } from "./fields";
import { focusFirstControl, focusInView } from "./lists";
import { removeAt, restore, type Removed } from "./undo";

const useStyles = makeStyles({
  status: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  message: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
});

export interface UndoEntry {
  /** Identifies the entry among the others, and its Undo button: "valueSharing.royalty". */
  key: string;
  /** What was removed, in the message's words: "the royalty". */
  what: string;
}

/**
 * The messages for the removals that can still be undone. The region is always on the page, so a
 * screen reader announces a message as it appears. `undoRefs` gets each Undo button, so a removal can
 * take the focus there.
 */
export function UndoMessages({
  entries,
  onUndo,
  undoRefs,
}: {
  entries: readonly UndoEntry[];
  onUndo: (key: string) => void;
  undoRefs?: React.MutableRefObject<Map<string, HTMLButtonElement>>;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.status}>
      {entries.map((entry) => (
        <div key={entry.key} className={styles.message}>
          <Caption1>{`Removed ${entry.what}.`}</Caption1>
          <Button
            size="small"
            aria-label={`Undo: restore ${entry.what}`}
            ref={(button) => {
              if (!undoRefs) return;
              if (button) undoRefs.current.set(entry.key, button as HTMLButtonElement);
              else undoRefs.current.delete(entry.key);
            }}
            onClick={() => onUndo(entry.key)}
          >
            Undo
          </Button>
        </div>
      ))}
    </div>
  );
}

/**
 * Focuses the first control of the part of the document at `key` (a group with data-part); false while
 * the part is not on the page yet. The editor's controls read the draft through a context that updates
 * them after their own state, so a render may come before the part does: callers try again on the next.
 */
export function focusPart(key: string): boolean {
  return focusFirstControl(document.querySelector(`[data-part="${CSS.escape(key)}"]`));
}

/**
 * Removals that can be undone: `remove` takes a part of the draft away and takes the keyboard to its
 * Undo button; `undo` puts the part back exactly and takes the keyboard to its first control; `drop`
 * forgets a removal (a part added afresh in its place).
 */
export function useUndoableRemovals() {
  const editor = useEditor();
  const [removed, setRemoved] = React.useState<readonly (Removed & UndoEntry)[]>([]);
  const undoRefs = React.useRef(new Map<string, HTMLButtonElement>());
  const focus = React.useRef<{ undo: string } | { part: string } | undefined>(undefined);
  const count = React.useRef(0);
  React.useEffect(() => {
    const next = focus.current;
    if (next === undefined) return;
    if ("undo" in next) {
      const button = undoRefs.current.get(next.undo);
      focusInView(button);
      if (button) focus.current = undefined;
    } else if (focusPart(next.part)) focus.current = undefined;
  });
  const remove = (path: Path, what: string) => {
    const taken = removeAt(editor.draft, path).removed;
    if (!taken) return;
    editor.update(path, undefined);
    const key = `${pathKey(path)}#${++count.current}`;
    // A part removed again replaces its earlier removal; a list's items are each kept.
    const inList = typeof path[path.length - 1] === "number";
    setRemoved((list) => [
      ...list.filter((entry) => inList || pathKey(entry.path) !== pathKey(path)),
      { ...taken, key, what },
    ]);
    focus.current = { undo: key };
  };
  const undo = (key: string) => {
    const entry = removed.find((item) => item.key === key);
    if (!entry) return;
    const inList = typeof entry.path[entry.path.length - 1] === "number";
    const at = inList ? entry.path.slice(0, -1) : entry.path;
    editor.update(at, getAt(restore(editor.draft, entry), at));
    setRemoved((list) => list.filter((item) => item.key !== key));
    focus.current = { part: pathKey(entry.path) };
  };
  const drop = (path: Path) =>
    setRemoved((list) => list.filter((entry) => pathKey(entry.path) !== pathKey(path)));
  const messages = <UndoMessages entries={removed} onUndo={undo} undoRefs={undoRefs} />;
  return { remove, undo, drop, messages };
}
