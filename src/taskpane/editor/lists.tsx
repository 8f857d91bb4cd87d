/*
 * Layout shared by the steps: a row of controls that wraps in a narrow pane, and a list's items, each
 * in its own group with a Remove button (undoable), and an Add button after them.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { getAt, pathKey, type Json, type Path } from "./draft";
import { fieldId, useEditor } from "./fields";
import { focusPart } from "./focus";
import { Group } from "./Group";
import { useDraftRemovals } from "./UndoMessage";

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
  const removals = useDraftRemovals();
  const listKey = pathKey(path);
  const itemKey = (index: number) => pathKey([...path, index]);
  // After Add, the keyboard goes to the new item's first control.
  const added = React.useRef<number | undefined>(undefined);
  React.useEffect(() => {
    if (added.current !== undefined && focusPart(itemKey(added.current))) added.current = undefined;
  });
  return (
    <>
      {list.map((item, index) => {
        const name = describe(item, index);
        return (
          <Group key={index} legend={name} list={listKey} part={itemKey(index)}>
            {renderItem([...path, index], index)}
            <div className={styles.actions}>
              <Button
                size="small"
                aria-label={`Remove ${name}`}
                onClick={() => removals.remove([...path, index], `Removed ${name}.`)}
              >
                Remove
              </Button>
            </div>
          </Group>
        );
      })}
      {removals.message}
      <div className={styles.actions}>
        <Button
          id={fieldId(listKey)}
          onClick={() => {
            added.current = list.length;
            editor.update(path, [...list, newItem(items)]);
          }}
        >
          Add {itemName}
        </Button>
      </div>
    </>
  );
}
