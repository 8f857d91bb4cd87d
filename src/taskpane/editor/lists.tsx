/*
 * Layout shared by the steps: a row of controls that wraps in a narrow pane, and a list's items, each
 * in its own group with a Remove button (undoable), and an Add button after them.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { getAt, pathKey, type Json, type Path } from "./draft";
import { fieldId, useEditorSelector } from "./fields";
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
  summary: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  summaryText: { minWidth: 0, overflowWrap: "anywhere" },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
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
 * says what it removed, with Undo, which puts the item back exactly where it was. With `summarise`,
 * each item is folded to a line that says what it is (a 60-line quote is a page to scan, not 60 pages
 * of fields) and opens to its fields; an item added or put back opens at once, and so does one a link
 * takes the keyboard into.
 */
export function ListEditor({
  path,
  itemName,
  newItem,
  renderItem,
  describe,
  summarise,
}: {
  path: Path;
  itemName: string;
  newItem: (items: Json | undefined) => Json;
  renderItem: (itemPath: Path, index: number) => React.ReactNode;
  describe: (item: Json | undefined, index: number) => string;
  summarise?: (itemPath: Path, open: boolean) => React.ReactNode;
}): React.JSX.Element {
  const styles = useStyles();
  const listKey = pathKey(path);
  // The items' names, not the items: typing in one item's field re-renders that field alone.
  const namesJson = useEditorSelector((editor) => {
    const items = getAt(editor.draft, path);
    return JSON.stringify(Array.isArray(items) ? items.map((item, i) => describe(item, i)) : []);
  });
  const names = React.useMemo(() => JSON.parse(namesJson) as string[], [namesJson]);
  const revealing = useEditorSelector((editor) => editor.revealing);
  const read = useEditorSelector((editor) => editor.read);
  const update = useEditorSelector((editor) => editor.update);
  const currentList = (): Json[] => {
    const items = getAt(read(), path);
    return Array.isArray(items) ? items : [];
  };
  const [removed, setRemoved] = React.useState<Removed<Json> | undefined>(undefined);
  const [opened, setOpened] = React.useState<ReadonlySet<number>>(new Set());
  const revealedIndex = itemIndexWithin(listKey, revealing);
  const isOpen = (index: number) =>
    summarise === undefined || opened.has(index) || index === revealedIndex;
  React.useEffect(() => {
    if (revealedIndex !== undefined) setOpened((open) => withIndex(open, revealedIndex));
  }, [revealedIndex]);
  const undoButton = React.useRef<HTMLButtonElement>(null);
  // Where the keyboard goes after the list changes: the new or restored item's first control, or,
  // after a removal, Undo (never the next item's Remove button, where a second Enter would remove it).
  const focusNext = React.useRef<number | "undo" | undefined>(undefined);
  React.useEffect(() => {
    const target = focusNext.current;
    if (target === undefined) return;
    focusNext.current = undefined;
    if (target === "undo") focusInView(undoButton.current);
    else
      focusFirstControl(
        document.querySelector(`[data-list="${listKey}"][data-item="${target}"] [data-fields]`) ??
          document.querySelector(`[data-list="${listKey}"][data-item="${target}"]`)
      );
  }, [names, listKey, removed, opened]);
  const remove = (index: number) => {
    const list = currentList();
    const result = removeAt(list, index, describe(list[index], index));
    if (!result) return;
    focusNext.current = "undo";
    setRemoved(result.removed);
    setOpened((open) => shiftedAfterRemoval(open, index));
    update(path, result.list);
  };
  const undo = () => {
    if (!removed) return;
    const restored = restoreAt(currentList(), removed);
    focusNext.current = restored.index;
    setRemoved(undefined);
    setOpened((open) => withIndex(shiftedAfterInsertion(open, restored.index), restored.index));
    update(path, restored.list);
  };
  const toggle = (index: number) =>
    setOpened((open) => {
      const next = new Set(open);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  return (
    <>
      {names.map((name, index) => (
        <Group key={index} legend={name} list={listKey} item={index}>
          {summarise && (
            <div className={styles.summary}>
              <div className={styles.summaryText}>{summarise([...path, index], isOpen(index))}</div>
              <Button
                size="small"
                aria-expanded={isOpen(index)}
                aria-label={`${isOpen(index) ? "Close" : "Edit"} ${name}`}
                onClick={() => toggle(index)}
              >
                {isOpen(index) ? "Close" : "Edit"}
              </Button>
            </div>
          )}
          {isOpen(index) && (
            <div className={styles.fields} data-fields>
              {renderItem([...path, index], index)}
            </div>
          )}
          <div className={styles.actions}>
            <Button size="small" aria-label={`Remove ${name}`} onClick={() => remove(index)}>
              Remove
            </Button>
          </div>
        </Group>
      ))}
      <UndoNotice
        message={removed && `Removed ${removed.name}.`}
        onUndo={undo}
        undoButton={undoButton}
      />
      <div className={styles.actions}>
        <Button
          id={fieldId(listKey)}
          onClick={() => {
            const items = getAt(read(), path);
            const list = Array.isArray(items) ? items : [];
            focusNext.current = list.length;
            setOpened((open) => withIndex(open, list.length));
            update(path, [...list, newItem(items)]);
          }}
        >
          Add {itemName}
        </Button>
      </div>
    </>
  );
}

/** The index of the list's item that `key` (a document path) is in or at, if it is in this list. */
function itemIndexWithin(listKey: string, key: string | undefined): number | undefined {
  if (key === undefined || !key.startsWith(`${listKey}[`)) return undefined;
  const match = /^\[(\d+)\]/.exec(key.slice(listKey.length));
  return match ? Number(match[1]) : undefined;
}

const withIndex = (open: ReadonlySet<number>, index: number): ReadonlySet<number> =>
  open.has(index) ? open : new Set([...open, index]);

/** The open items' places once the item at `index` has gone: those after it move up one. */
const shiftedAfterRemoval = (open: ReadonlySet<number>, index: number): ReadonlySet<number> =>
  new Set([...open].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)));

/** The open items' places once an item is put in at `index`: those at or after it move down one. */
const shiftedAfterInsertion = (open: ReadonlySet<number>, index: number): ReadonlySet<number> =>
  new Set([...open].map((i) => (i >= index ? i + 1 : i)));
