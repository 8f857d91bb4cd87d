/*
 * Where the strategy editor opens from, in the pane's Pricing strategy group: "Set up strategy" when
 * there is none (from the starter, with sample figures, or blank), "Edit strategy" when there is one.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { blankStrategyDraft, starterStrategyDraft } from "./strategyDraft";
import type { Draft } from "../draft";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export function StrategySetup({
  hasStrategy,
  onStart,
  onEdit,
}: {
  hasStrategy: boolean;
  /** A new strategy, to open in the editor: `blank` says whether it was started blank. */
  onStart: (draft: Draft, blank: boolean) => void;
  onEdit: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const [choosing, setChoosing] = React.useState(false);
  const starter = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => {
    if (choosing) starter.current?.focus();
  }, [choosing]);
  if (hasStrategy)
    return (
      <Button id="edit-strategy" size="small" onClick={onEdit}>
        Edit strategy
      </Button>
    );
  if (!choosing)
    return (
      <Button size="small" onClick={() => setChoosing(true)}>
        Set up strategy
      </Button>
    );
  return (
    <div className={styles.actions} role="group" aria-label="Set up the pricing strategy">
      <Button
        ref={starter}
        size="small"
        appearance="primary"
        onClick={() => onStart(starterStrategyDraft(), false)}
      >
        Start from the starter
      </Button>
      <Button size="small" onClick={() => onStart(blankStrategyDraft(), true)}>
        Start blank
      </Button>
      <Button size="small" onClick={() => setChoosing(false)}>
        Cancel
      </Button>
    </div>
  );
}
