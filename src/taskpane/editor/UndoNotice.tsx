/*
 * What a removal did, said where it happened, with the way back: "Removed “X”." and an Undo button.
 * The status region is always on the page, so a screen reader announces each message as it appears;
 * the component that removed something moves the keyboard to Undo (undoButton), not to the next
 * item's Remove button, where a second Enter would remove another.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  notice: {
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

export function UndoNotice({
  message,
  onUndo,
  undoButton,
}: {
  /** What was removed, in a sentence; undefined when there is nothing to undo. */
  message: string | undefined;
  onUndo: () => void;
  undoButton: React.Ref<HTMLButtonElement>;
}): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  return (
    <div role="status" className={`${styles.notice} ${message ? styles.filled : styles.empty}`}>
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
