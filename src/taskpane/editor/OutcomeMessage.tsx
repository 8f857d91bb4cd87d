/*
 * What an action did, as the pane says it everywhere: a message bar of the outcome's intent, with the
 * document's problems listed under an error.
 */
import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { issueText, type CreateOutcome } from "../quoteFromDocument";

export function OutcomeMessage({
  outcome,
  style,
}: {
  outcome: CreateOutcome | undefined;
  style?: React.CSSProperties;
}): React.JSX.Element | null {
  if (!outcome) return null;
  return (
    <MessageBar intent={outcome.status} politeness="polite" style={style}>
      <MessageBarBody>
        {outcome.message}
        {outcome.status === "error" && outcome.issues.length > 0 && (
          <ul>
            {outcome.issues.map((issue, i) => (
              <li key={i}>{issueText(issue)}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
