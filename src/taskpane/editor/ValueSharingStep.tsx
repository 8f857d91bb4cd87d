/*
 * The Value sharing step: any of a fixed payment, a subscription, milestone payments and a royalty,
 * each added with its button (the keyboard then goes to its first control) and removed with it (an
 * inline message then says what was removed, with Undo, which puts it back exactly as it was).
 */
import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { getAt, type Json } from "./draft";
import { DateField, fieldId, NumberField, useEditor } from "./fields";
import { focusPart } from "./focus";
import { Group } from "./Group";
import { ListEditor, Row } from "./lists";
import { MilestonesFields, RoyaltyFields, SubscriptionFields } from "./mechanisms";
import { useDraftRemovals } from "./UndoMessage";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
});

const MECHANISMS = ["fixedPayment", "subscription", "milestones", "royalty"] as const;
type MechanismKey = (typeof MECHANISMS)[number];

const MECHANISM_NAMES: Record<MechanismKey, string> = {
  fixedPayment: "fixed payment",
  subscription: "subscription",
  milestones: "milestones",
  royalty: "royalty",
};

/** What a mechanism starts as when added. */
const STARTS: Record<MechanismKey, Json> = {
  fixedPayment: { amount: 0, instalments: [] },
  subscription: { annualFee: 0, years: 1 },
  milestones: [],
  royalty: { tiers: [{ threshold: 0, rate: 0 }], termYears: 1 },
};

export function ValueSharingStep(): React.JSX.Element {
  const styles = useStyles();
  const editor = useEditor();
  const terms = getAt(editor.draft, ["valueSharing"]);
  const has = (key: MechanismKey) => getAt(terms ?? null, [key]) !== undefined;
  const removals = useDraftRemovals();
  const added = React.useRef<MechanismKey | undefined>(undefined);
  React.useEffect(() => {
    if (added.current !== undefined && focusPart(`valueSharing.${added.current}`))
      added.current = undefined;
  });
  const toggle = (key: MechanismKey) => {
    const name = MECHANISM_NAMES[key];
    const path = ["valueSharing", key];
    return has(key) ? (
      <Button onClick={() => removals.remove(path, `Removed the ${name}.`)}>Remove {name}</Button>
    ) : (
      <Button
        // A link to a field of a mechanism not added lands here.
        id={fieldId(path)}
        onClick={() => {
          removals.forget(path);
          editor.update(path, STARTS[key]);
          added.current = key;
        }}
      >
        Add {name}
      </Button>
    );
  };
  return (
    <div className={styles.step}>
      <Caption1 className={styles.note}>
        Commercial partners share in the value of products built with NHS data: any of a fixed
        payment, a subscription, milestone payments and a revenue royalty.
      </Caption1>
      <div className={styles.actions}>{MECHANISMS.map((key) => toggle(key))}</div>
      {removals.message}
      {has("fixedPayment") && (
        <Group legend="Fixed payment" part="valueSharing.fixedPayment">
          <NumberField
            path={["valueSharing", "fixedPayment", "amount"]}
            label="Amount"
            kind="pounds"
            required
          />
          <ListEditor
            path={["valueSharing", "fixedPayment", "instalments"]}
            itemName="instalment"
            describe={(_, i) => `Instalment ${i + 1}`}
            newItem={() => ({ due: "", amount: 0 })}
            renderItem={(path) => (
              <Row>
                <DateField path={[...path, "due"]} label="Due" required />
                <NumberField path={[...path, "amount"]} label="Amount" kind="pounds" required />
              </Row>
            )}
          />
        </Group>
      )}
      {has("subscription") && (
        <Group legend="Subscription" part="valueSharing.subscription">
          <SubscriptionFields path={["valueSharing", "subscription"]} />
        </Group>
      )}
      {has("milestones") && (
        <Group legend="Milestone payments" part="valueSharing.milestones">
          <MilestonesFields path={["valueSharing", "milestones"]} />
        </Group>
      )}
      {has("royalty") && (
        <Group legend="Revenue royalty" part="valueSharing.royalty">
          <RoyaltyFields path={["valueSharing", "royalty"]} />
        </Group>
      )}
    </div>
  );
}
