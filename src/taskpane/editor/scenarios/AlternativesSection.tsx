/*
 * The alternatives the Scenarios step compares with the agreed terms: each a fixed payment in
 * instalments by year, a subscription, milestones or a royalty, under an id of the analyst's choosing.
 * Switching an alternative's mechanism replaces the other mechanism's terms (kept for a switch back);
 * removing one can be undone.
 */
import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { getAt, nextId, pathKey, type Path } from "../draft";
import { ChoiceField, fieldId, TextField, useEditor } from "../fields";
import { focusPart } from "../focus";
import { Group } from "../Group";
import { textOf } from "../lists";
import {
  InstalmentsByYearFields,
  MilestonesFields,
  RoyaltyFields,
  SubscriptionFields,
} from "../mechanisms";
import { useDraftRemovals } from "../UndoMessage";
import { alternativeFor } from "./modes";
import { useSectionStyles } from "./AssumptionsSection";
import { useModeSwitch } from "./useModeSwitch";

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground3 },
});

const MECHANISM_OPTIONS = {
  royalty: "Royalty",
  milestones: "Milestones",
  subscription: "Subscription",
  fixed: "Fixed payment",
};

function AlternativeFields({ path }: { path: Path }): React.JSX.Element {
  const styles = useSectionStyles();
  const { draft } = useEditor();
  const switchTo = useModeSwitch();
  const mechanism = getAt(draft, [...path, "mechanism"]);
  return (
    <>
      <div className={styles.one}>
        <TextField path={[...path, "id"]} label="Alternative's name" required />
      </div>
      <div className={styles.one}>
        <ChoiceField
          path={[...path, "mechanism"]}
          label="Mechanism"
          options={MECHANISM_OPTIONS}
          required
          write={(next) =>
            switchTo(
              path,
              "mechanism",
              next,
              (current) => alternativeFor(next ?? "", String(getAt(current ?? null, ["id"]) ?? "")),
              ["id"]
            )
          }
        />
      </div>
      {mechanism === "fixed" && <InstalmentsByYearFields path={[...path, "instalments"]} />}
      {mechanism === "subscription" && <SubscriptionFields path={[...path, "subscription"]} />}
      {mechanism === "milestones" && <MilestonesFields path={[...path, "milestones"]} />}
      {mechanism === "royalty" && <RoyaltyFields path={[...path, "royalty"]} />}
    </>
  );
}

export function AlternativesSection(): React.JSX.Element {
  const styles = { ...useSectionStyles(), ...useStyles() };
  const { draft, update } = useEditor();
  const listPath = ["scenarios", "alternatives"];
  const items = getAt(draft, listPath);
  const list = Array.isArray(items) ? items : [];
  const removals = useDraftRemovals();
  const added = React.useRef<string | undefined>(undefined);
  React.useEffect(() => {
    if (added.current !== undefined && focusPart(added.current)) added.current = undefined;
  });
  return (
    <Group legend="Alternatives to compare" part={pathKey(listPath)}>
      {list.length === 0 && (
        <Caption1 className={styles.note}>
          None yet: the comparison shows the agreed terms only.
        </Caption1>
      )}
      {list.map((item, index) => {
        const path = [...listPath, index];
        const name = textOf(getAt(item, ["id"]), `Alternative ${index + 1}`);
        return (
          <Group key={index} legend={name} part={pathKey(path)}>
            <AlternativeFields path={path} />
            <div className={styles.actions}>
              <Button
                size="small"
                aria-label={`Remove alternative ${name}`}
                onClick={() => removals.remove(path, `Removed the alternative “${name}”.`)}
              >
                Remove alternative
              </Button>
            </div>
          </Group>
        );
      })}
      {removals.message}
      <div className={styles.actions}>
        <Button
          id={fieldId(listPath)}
          onClick={() => {
            const path = [...listPath, list.length];
            update(listPath, [...list, alternativeFor("royalty", nextId(items, "alternative"))]);
            added.current = pathKey(path);
          }}
        >
          Add alternative
        </Button>
      </div>
    </Group>
  );
}
