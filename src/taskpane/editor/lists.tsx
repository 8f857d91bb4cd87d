/*
 * Layout shared by the steps: a row of controls that wraps in a narrow pane, and a list's items, each
 * in its own group with a Remove button (undoable), and an Add button after them.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { getAt, pathKey, type Json, type Path } from "./draft";
import { fieldId, useEditor } from "./fields";
import { Group } from "./Group";
import { removeAt, restoreAt, type Removed } from "./removal";
import { UndoNotice } from "./UndoNotice";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  grow: {
    flexGrow: 1,
    flexBasis: "8rem",
    minWidth: 0,
    // Fluent's inputs keep a minimum width of their own, which would push past a narrow pane.
    "& .fui-Input, & .fui-Select": { minWidth: 0, width: "100%" },
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** An item's own name where it has one, otherwise its place: "Milestone 2". */
export const textOf = (value: Json | undefined, fallback: string) =>
  typeof value === "string" && value.trim() !== "" ? value : fallback;

export function Row({ children }: { children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      {React.Children.map(children, (child) => (
        <div className={styles.grow}>{child}</div>
      ))}
    </div>
  );
}

/** Focuses a control in the middle of the pane, never behind the footer that stays in view. */
export function focusInView(control: HTMLElement | null | undefined): void {
  control?.focus({ preventScroll: true });
  control?.scrollIntoView({ block: "center" });
}

/** Focuses the first control inside `element` (an input, a select, a button); false when there is none. */
export function focusFirstControl(element: Element | null | undefined): boolean {
  const control = element?.querySelector<HTMLElement>("input, select, textarea, button");
  focusInView(control);
  return control !== null && control !== undefined;
}

/**
 * A list's items, each in its own group with a Remove button, and an Add button after them. A removal
 * says what it removed, with Undo, which puts the item back exactly where it was.
 */
export function ListEditor({
  path,
  itemName,
  newItem,
  renderItem,
  describe,
}: {
  path: Path;
  itemName: string;
  newItem: (items: Json | undefined) => Json;
  renderItem: (itemPath: Path, index: number) => React.ReactNode;
  describe: (item: Json | undefined, index: number) => string;
}): React.JSX.Element {
  const styles = useStyles();
  const editor = useEditor();
  const items = getAt(editor.draft, path);
  const list = Array.isArray(items) ? items : [];
  const [removed, setRemoved] = React.useState<Removed<Json> | undefined>(undefined);
  const undoButton = React.useRef<HTMLButtonElement>(null);
  // Where the keyboard goes after the list changes: the new or restored item's first control, or,
  // after a removal, Undo (never the next item's Remove button, where a second Enter would remove it).
  const focusNext = React.useRef<number | "undo" | undefined>(undefined);
  const listKey = pathKey(path);
  React.useEffect(() => {
    const target = focusNext.current;
    if (target === undefined) return;
    focusNext.current = undefined;
    if (target === "undo") focusInView(undoButton.current);
    else
      focusFirstControl(document.querySelector(`[data-list="${listKey}"][data-item="${target}"]`));
  }, [list, listKey, removed]);
  const remove = (index: number) => {
    const result = removeAt(list, index, describe(list[index], index));
    if (!result) return;
    focusNext.current = "undo";
    setRemoved(result.removed);
    editor.update(path, result.list);
  };
  const undo = () => {
    if (!removed) return;
    const restored = restoreAt(list, removed);
    focusNext.current = restored.index;
    setRemoved(undefined);
    editor.update(path, restored.list);
  };
  return (
    <>
      {list.map((item, index) => {
        const name = describe(item, index);
        return (
          <Group key={index} legend={name} list={listKey} item={index}>
            {renderItem([...path, index], index)}
            <div className={styles.actions}>
              <Button size="small" aria-label={`Remove ${name}`} onClick={() => remove(index)}>
                Remove
              </Button>
            </div>
          </Group>
        );
      })}
      <UndoNotice
        message={removed && `Removed ${removed.name}.`}
        onUndo={undo}
        undoButton={undoButton}
      />
      <div className={styles.actions}>
        <Button
          id={fieldId(listKey)}
          onClick={() => {
            focusNext.current = list.length;
            editor.update(path, [...list, newItem(items)]);
          }}
        >
          Add {itemName}
        </Button>
      </div>
    </>
  );
}
