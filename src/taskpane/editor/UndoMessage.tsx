/*
 * The pane's one way to undo a removal: "Removed the royalty." with an Undo button, shown where the
 * removal happened and announced to a screen reader.
 *
 * One removal at a time can be undone, anywhere in the pane: a later removal replaces the earlier
 * one's message, rather than leaving several Undo buttons about, each to restore into a document
 * that has moved on since. After a removal the keyboard goes to Undo, never to the next item's Remove
 * button, where a second Enter would remove that too; after Undo, to what came back.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { getAt, pathKey, type Path } from "./draft";
import { useEditorSelector } from "./fields";
import { focusInView, focusPart } from "./focus";
import { removeAt, restoreAt, type RemovedPart } from "./removal";

const useStyles = makeStyles({
  message: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  // Empty, the region stays on the page (so what appears in it is announced) but out of the layout:
  // an empty flex item would still add a gap.
  empty: { position: "absolute" },
  filled: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
});

interface PendingUndo {
  /** The hook that made the removal, and so shows its message and knows how to put it back. */
  readonly owner: string;
  /** What was removed, in a sentence: "Removed the royalty." */
  readonly message: string;
  readonly removed: unknown;
}

type PendingUndoState = readonly [
  PendingUndo | undefined,
  React.Dispatch<React.SetStateAction<PendingUndo | undefined>>,
];

const PendingUndoContext = React.createContext<PendingUndoState | undefined>(undefined);

/** Holds the pane's one removal that can still be undone, for every control below it. */
export function UndoProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const [pending, setPending] = React.useState<PendingUndo | undefined>(undefined);
  const state = React.useMemo(() => [pending, setPending] as const, [pending]);
  return <PendingUndoContext.Provider value={state}>{children}</PendingUndoContext.Provider>;
}

function UndoMessage({
  message,
  onUndo,
  undoButton,
}: {
  message: string | undefined;
  onUndo: () => void;
  undoButton: React.Ref<HTMLButtonElement>;
}): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  // Always on the page, so a screen reader announces each message as it appears in it.
  return (
    <div
      role="status"
      aria-live="polite"
      className={`${styles.message} ${message ? styles.filled : styles.empty}`}
    >
      {message !== undefined && (
        <>
          <span id={id}>{message}</span>
          <Button size="small" ref={undoButton} aria-describedby={id} onClick={onUndo}>
            Undo
          </Button>
        </>
      )}
    </div>
  );
}

/**
 * Removals a control makes undoable: once it has taken something out, it calls `removed` with what
 * `putBack` will need and the sentence that says what it was, and it shows `message` where the
 * removal happened. `putBack` restores it and returns how to focus what came back: true once that is
 * done, false while it is not on the page yet (it is tried again after each render).
 */
export function useUndoableRemoval<T>(putBack: (removed: T) => () => boolean) {
  const context = React.useContext(PendingUndoContext);
  if (!context) throw new Error("An undoable removal is outside the pane's UndoProvider");
  const [pending, setPending] = context;
  const owner = React.useId();
  const mine = pending?.owner === owner ? pending : undefined;
  const undoButton = React.useRef<HTMLButtonElement>(null);
  const focusRestored = React.useRef<(() => boolean) | undefined>(undefined);
  // Each removal, even one that says the same as the last, takes the keyboard to its Undo.
  React.useEffect(() => {
    if (mine) focusInView(undoButton.current);
  }, [mine]);
  React.useEffect(() => {
    if (focusRestored.current?.()) focusRestored.current = undefined;
  });
  // Gone from the page (another step, another partnership), its message could not be seen or used.
  React.useEffect(
    () => () => setPending((current) => (current?.owner === owner ? undefined : current)),
    [owner, setPending]
  );
  const removed = (what: T, message: string) => {
    focusRestored.current = undefined;
    setPending({ owner, message, removed: what });
  };
  /** Drops the pending undo when `which` says it is of something since added afresh in its place. */
  const forget = (which: (removed: T) => boolean) =>
    setPending((current) =>
      current?.owner === owner && which(current.removed as T) ? undefined : current
    );
  const undo = () => {
    if (!mine) return;
    setPending(undefined);
    focusRestored.current = putBack(mine.removed as T);
  };
  const message = <UndoMessage message={mine?.message} onUndo={undo} undoButton={undoButton} />;
  return { removed, forget, message };
}

/**
 * Removals from the draft being edited: `remove` takes out a list's item or an object's field, and
 * Undo puts it back exactly, with the keyboard on its first control (a group with data-part at its
 * path). `forget` is for a part added afresh where one was removed, which Undo would overwrite.
 * `onRestored` is told where Undo put a part back.
 */
export function useDraftRemovals(onRestored?: (path: Path) => void) {
  // The draft is read when a removal or Undo happens, so the control re-renders only for its own part.
  const read = useEditorSelector((editor) => editor.read);
  const update = useEditorSelector((editor) => editor.update);
  const removal = useUndoableRemoval<RemovedPart>((removed) => {
    const restored = restoreAt(read(), removed);
    // Written only where it goes back (its list, or the field), so that an edit elsewhere in the draft
    // not rendered yet is not written over.
    const written =
      typeof removed.path[removed.path.length - 1] === "number"
        ? restored.path.slice(0, -1)
        : restored.path;
    update(written, getAt(restored.draft, written));
    onRestored?.(restored.path);
    return () => focusPart(pathKey(restored.path));
  });
  /** Whether there was something there to remove. */
  const remove = (path: Path, message: string): boolean => {
    const taken = removeAt(read(), path);
    if (!taken) return false;
    update(path, undefined);
    removal.removed(taken.removed, message);
    return true;
  };
  const forget = (path: Path) =>
    removal.forget((removed) => pathKey(removed.path) === pathKey(path));
  return { remove, forget, message: removal.message };
}
