/*
 * Layout shared by the steps: a row of controls that wraps in a narrow pane, and a list's items, each
 * in its own group with a Remove button (undoable), and an Add button after them.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { getAt, pathKey, type Json, type Path } from "./draft";
import { fieldId, useEditorSelector } from "./fields";
import { focusFirstControl } from "./focus";
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

/**
 * The document path a link (Review's "Go to the field") is taking the keyboard to, while it does: a
 * folded item holding it opens in the same render that shows its step, so the field is there to
 * focus. A plain React context, which reaches the list in that render.
 */
export const RevealingContext = React.createContext<string | undefined>(undefined);

/**
 * Which items of each folding list are open (by the list's path), kept by the editor while the user
 * goes to another step and back, so a line opened to work on is still open on return.
 */
export const OpenItemsContext = React.createContext<Map<string, ReadonlySet<number>> | undefined>(
  undefined
);

/**
 * A list's items, each in its own group with a Remove button, and an Add button after them. A removal
 * says what it removed, with Undo, which puts the item back exactly where it was. With `summarise`,
 * each item is folded to a line that says what it is (a 60-line quote is a page to scan, not 60 pages
 * of fields) and opens to its fields; an item just added opens at once, and so does one a link takes
 * the keyboard into.
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
  const itemKey = (index: number) => pathKey([...path, index]);
  // The items' names, not the items: typing in one item's field re-renders that field alone.
  const namesJson = useEditorSelector((editor) => {
    const items = getAt(editor.draft, path);
    return JSON.stringify(Array.isArray(items) ? items.map((item, i) => describe(item, i)) : []);
  });
  const names = React.useMemo(() => JSON.parse(namesJson) as string[], [namesJson]);
  const revealing = React.useContext(RevealingContext);
  const read = useEditorSelector((editor) => editor.read);
  const update = useEditorSelector((editor) => editor.update);
  const opened = useOpenItems(listKey, itemIndexWithin(listKey, revealing));
  const restoredAt = opened.restored;
  const removals = useDraftRemovals(
    React.useCallback(
      (restored: Path) => {
        const index = restored[restored.length - 1];
        if (typeof index === "number") restoredAt(index);
      },
      [restoredAt]
    )
  );
  const isOpen = (index: number) => summarise === undefined || opened.has(index);
  // Stable, so that an item whose name and place are unchanged is not drawn again.
  const latest = React.useRef({ opened, removals, names, path });
  latest.current = { opened, removals, names, path };
  const toggle = React.useCallback((index: number) => latest.current.opened.toggle(index), []);
  const remove = React.useCallback((index: number) => {
    const { opened: open, removals: removal, names: now, path: at } = latest.current;
    if (removal.remove([...at, index], `Removed ${now[index] ?? ""}.`)) open.removed(index);
  }, []);
  // After Add, the keyboard goes to the new item's first field.
  const added = React.useRef<number | undefined>(undefined);
  React.useEffect(() => {
    if (added.current === undefined) return;
    const item = document.querySelector(`[data-part="${CSS.escape(itemKey(added.current))}"]`);
    if (focusFirstControl(item?.querySelector("[data-fields]") ?? item)) added.current = undefined;
  });
  return (
    <>
      {names.map((name, index) => (
        <ListItem
          key={index}
          path={path}
          index={index}
          name={name}
          open={isOpen(index)}
          renderItem={renderItem}
          summarise={summarise}
          onToggle={toggle}
          onRemove={remove}
        />
      ))}
      {removals.message}
      <div className={styles.actions}>
        <Button
          id={fieldId(listKey)}
          onClick={() => {
            const items = getAt(read(), path);
            const list = Array.isArray(items) ? items : [];
            added.current = list.length;
            opened.open(list.length);
            update(path, [...list, newItem(items)]);
          }}
        >
          Add {itemName}
        </Button>
      </div>
    </>
  );
}

/**
 * One item of a list: its group, with its summary and Edit when the list folds, its fields when open,
 * and Remove. Drawn again only when its name, place or openness changes (its fields follow the draft
 * themselves), so a keystroke in one of 60 lines leaves the other 59 alone.
 */
const ListItem = React.memo(function ListItem({
  path,
  index,
  name,
  open,
  renderItem,
  summarise,
  onToggle,
  onRemove,
}: {
  path: Path;
  index: number;
  name: string;
  open: boolean;
  renderItem: (itemPath: Path, index: number) => React.ReactNode;
  summarise: ((itemPath: Path, open: boolean) => React.ReactNode) | undefined;
  onToggle: (index: number) => void;
  onRemove: (index: number) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const itemPath = [...path, index];
  return (
    <Group legend={name} list={pathKey(path)} part={pathKey(itemPath)}>
      {summarise && (
        <div className={styles.summary}>
          <div className={styles.summaryText}>{summarise(itemPath, open)}</div>
          <Button
            size="small"
            aria-expanded={open}
            aria-label={`${open ? "Close" : "Edit"} ${name}`}
            onClick={() => onToggle(index)}
          >
            {open ? "Close" : "Edit"}
          </Button>
        </div>
      )}
      {open && (
        <div className={styles.fields} data-fields>
          {renderItem(itemPath, index)}
        </div>
      )}
      <div className={styles.actions}>
        <Button size="small" aria-label={`Remove ${name}`} onClick={() => onRemove(index)}>
          Remove
        </Button>
      </div>
    </Group>
  );
});

/** The index of the list's item that `key` (a document path) is in or at, if it is in this list. */
function itemIndexWithin(listKey: string, key: string | undefined): number | undefined {
  if (key === undefined || !key.startsWith(`${listKey}[`)) return undefined;
  const match = /^\[(\d+)\]/.exec(key.slice(listKey.length));
  return match ? Number(match[1]) : undefined;
}

/**
 * Which of a folding list's items are open, by place: an item removed takes its place with it (those
 * after move up), and one put back by Undo comes back folded at its place (those after move down).
 * `revealed`, an item a link is taking the keyboard into, is open from this render.
 */
function useOpenItems(listKey: string, revealed: number | undefined) {
  const kept = React.useContext(OpenItemsContext);
  const [open, setOpen] = React.useState<ReadonlySet<number>>(
    () => kept?.get(listKey) ?? new Set()
  );
  React.useEffect(() => {
    kept?.set(listKey, open);
  }, [kept, listKey, open]);
  React.useEffect(() => {
    if (revealed !== undefined)
      setOpen((now) => (now.has(revealed) ? now : new Set([...now, revealed])));
  }, [revealed]);
  const shown = revealed === undefined || open.has(revealed) ? open : new Set([...open, revealed]);
  const restored = React.useCallback(
    (index: number) => setOpen((now) => new Set([...now].map((i) => (i >= index ? i + 1 : i)))),
    []
  );
  return {
    has: (index: number) => shown.has(index),
    toggle: (index: number) =>
      setOpen((now) => {
        const next = new Set(now);
        if (next.has(index)) next.delete(index);
        else next.add(index);
        return next;
      }),
    /** The item about to be added at `index`, which opens. */
    open: (index: number) => setOpen((now) => new Set([...now, index])),
    /** An item put back at `index` by Undo, folded. */
    restored,
    removed: (index: number) =>
      setOpen(
        (now) => new Set([...now].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)))
      ),
  };
}
