/*
 * What an action did, as the pane says it everywhere: a message bar of the outcome's intent, with the
 * document's problems listed under an error, and the details of any other outcome under it. The bar
 * sits in a status region that is always on the page (out of the layout while empty), so a screen
 * reader announces each outcome as it appears; the message wraps to the pane's width.
 */
import * as React from "react";
import { makeStyles, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { issueText, type CreateOutcome } from "../quoteFromDocument";

const useStyles = makeStyles({
  region: { minWidth: 0 },
  empty: { position: "absolute" },
  // A long figure or id wraps, even mid-word, so the message stays inside a narrow pane.
  body: { whiteSpace: "normal", overflowWrap: "anywhere", minWidth: 0 },
});

export function OutcomeMessage({
  outcome,
  style,
}: {
  outcome: CreateOutcome | undefined;
  /** For the region while it shows an outcome (its place in a flex row). */
  style?: React.CSSProperties;
}): React.JSX.Element {
  const styles = useStyles();
  const lines = !outcome
    ? []
    : outcome.status === "error"
      ? outcome.issues.map(issueText)
      : (outcome.details ?? []);
  return (
    <div
      role="status"
      className={outcome ? styles.region : styles.empty}
      style={outcome ? style : undefined}
    >
      {outcome && (
        <MessageBar intent={outcome.status} layout={lines.length > 0 ? "multiline" : "auto"}>
          <MessageBarBody className={styles.body}>
            {outcome.message}
            {lines.length > 0 && (
              <ul>
                {lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
