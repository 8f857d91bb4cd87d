/*
 * Layout shared by the steps: a row of controls that wraps in a narrow pane, and a list's items, each
 * in its own group with a Remove button, and an Add button after them.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { getAt, pathKey, type Json, type Path } from "./draft";
import { fieldId, useEditor } from "./fields";
import { Group } from "./Group";

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

/** A list's items, each in its own group with a Remove button, and an Add button after them. */
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
  // After "Add", the keyboard goes to the new item's first control, not past it; after "Remove", to
  // the Add button, not to the page.
  const focusNext = React.useRef<"new" | "add" | undefined>(undefined);
  const addButton = React.useRef<HTMLButtonElement>(null);
  const listKey = pathKey(path);
  React.useEffect(() => {
    const next = focusNext.current;
    focusNext.current = undefined;
    if (next === "new")
      focusFirstControl(
        document.querySelector(`[data-list="${listKey}"][data-item="${list.length - 1}"]`)
      );
    else if (next === "add") addButton.current?.focus();
  }, [list.length, listKey]);
  return (
    <>
      {list.map((item, index) => {
        const name = describe(item, index);
        return (
          <Group key={index} legend={name} list={listKey} item={index}>
            {renderItem([...path, index], index)}
            <div className={styles.actions}>
              <Button
                size="small"
                aria-label={`Remove ${name}`}
                onClick={() => {
                  focusNext.current = "add";
                  editor.update([...path, index], undefined);
                }}
              >
                Remove
              </Button>
            </div>
          </Group>
        );
      })}
      <div className={styles.actions}>
        <Button
          ref={addButton}
          id={fieldId(listKey)}
          onClick={() => {
            focusNext.current = "new";
            editor.update(path, [...list, newItem(items)]);
          }}
        >
          Add {itemName}
        </Button>
      </div>
    </>
  );
}
